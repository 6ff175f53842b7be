"""Ingest: normalize an existing (Zawgyi, damaged) translation, align it, fill the catalog."""

from polyglot.catalog.pofile import read_po

from .conftest import Project, set_msgstr

SOURCE = """\
---
title: Application deadline extended
slug: deadline
date: 2018-11
language: en
---

The deadline for applications is extended from 15 November to 30 November.

Please write to ksuwin@example.org.

Asia Catalyst supports community-based organizations.
"""

# What staff received: Zawgyi, with a PDF-damaged word (U+2002 where က was lost), the
# paragraph broken over two lines, and no translation of the last English paragraph.
ZAWGYI = (
    "ေလွ်ာက္လႊာ ပိတ္ရက္ တိုးျမႇင့္ျခင္း\n"
    "\n"
    "ေလွ်ာက္လႊာ ပိတ္သည့္ ရ\u2002္ကို နို၀င္ဘာ ၁၅ ရက္ေန႕ မွ\n"
    "နို၀င္ဘာ ၃၀ ရက္ေန႕သို႕ တိုးျမႇင့္လိုက္ပါသည္။\n"
    "\n"
    "ksuwin@example.org သို႔ စာေရးပါ။\n"
)
PARAGRAPH = "The deadline for applications is extended from 15 November to 30 November."


def _setup(project: Project) -> None:
    project.write("corpus/deadline.md", SOURCE)
    project.write("corpus/incoming/deadline.my.txt", ZAWGYI)
    project.run("extract")


def _catalog(project: Project):
    return {m.msgid: m for m in read_po(str(project.po("my"))).messages}


def test_ingest_normalizes_aligns_fills_fuzzy_and_reports(project: Project) -> None:
    _setup(project)
    result = project.run("ingest", "corpus/deadline.md", "--lang", "my", "corpus/incoming/deadline.my.txt")
    messages = _catalog(project)  # created from the template: update had not run
    paragraph = messages[PARAGRAPH]
    assert paragraph.fuzzy
    # Converted from Zawgyi, the two lines joined, the PDF damage repaired (how, the core
    # decides on its evidence: here one damaged word is too little to restore a letter).
    assert paragraph.msgstr.startswith("လျှောက်လွှာ ပိတ်သည့် ")
    assert paragraph.msgstr.endswith("နိုဝင်ဘာ ၁၅ ရက်နေ့ မှ နိုဝင်ဘာ ၃၀ ရက်နေ့သို့ တိုးမြှင့်လိုက်ပါသည်။")
    assert "\u2002" not in paragraph.msgstr
    assert any("ingested from corpus/incoming/deadline.my.txt:3" in c for c in paragraph.translator_comments)
    assert messages["Please write to ksuwin@example.org."].msgstr.startswith("ksuwin@example.org သို့")
    assert messages["Application deadline extended"].msgstr.startswith("လျှောက်လွှာ")
    assert messages["Asia Catalyst supports community-based organizations."].msgstr == ""
    assert "[convert] zawgyi_to_unicode" in result.output
    assert "corpus/deadline.md:12: [ingest] no translation found for this paragraph" in result.stderr
    assert "3 translations filled (fuzzy, for review)" in result.output


def test_ingest_reports_translation_blocks_it_cannot_align(project: Project) -> None:
    _setup(project)
    project.write(
        "corpus/incoming/deadline.my.txt",
        ZAWGYI + "\nဤစာပိုဒ်သည် မူရင်းတွင် မပါဝင်သော အပိုစာပိုဒ် ဖြစ်ပြီး ဘာသာပြန်ချက် "
        "မဟုတ်ပါ၊ ထို့ကြောင့် မည်သည့် အင်္ဂလိပ်စာပိုဒ်နှင့်မျှ မကိုက်ညီသင့်ပါ။ "
        "ရှည်လျားသော စာပိုဒ်တစ်ခု ဖြစ်သည်။\n",
    )
    result = project.run("ingest", "corpus/deadline.md", "--lang", "my", "corpus/incoming/deadline.my.txt")
    assert "corpus/incoming/deadline.my.txt:8: [ingest] not aligned" in result.stderr


def test_ingest_never_overwrites_a_translator_without_force(project: Project) -> None:
    _setup(project)
    project.run("update")
    set_msgstr(project.po("my"), {PARAGRAPH: "ဘာသာပြန်သူ၏ စာ ၁၅ ၃၀"})
    result = project.run("ingest", "corpus/deadline.md", "--lang", "my", "corpus/incoming/deadline.my.txt")
    assert "kept the existing translation" in result.stderr
    assert _catalog(project)[PARAGRAPH].msgstr == "ဘာသာပြန်သူ၏ စာ ၁၅ ၃၀"
    project.run(
        "ingest", "corpus/deadline.md", "--lang", "my", "corpus/incoming/deadline.my.txt", "--force", "--trusted"
    )
    paragraph = _catalog(project)[PARAGRAPH]
    assert paragraph.msgstr.startswith("လျှောက်လွှာ") and not paragraph.fuzzy


def test_ingest_twice_changes_nothing(project: Project) -> None:
    _setup(project)
    args = ("ingest", "corpus/deadline.md", "--lang", "my", "corpus/incoming/deadline.my.txt")
    project.run(*args)
    before = project.snapshot()
    project.run(*args)
    assert project.snapshot() == before


def test_ingest_again_refreshes_its_own_unreviewed_text(project: Project) -> None:
    _setup(project)
    args = ("ingest", "corpus/deadline.md", "--lang", "my", "corpus/incoming/deadline.my.txt")
    project.run(*args)
    set_msgstr(project.po("my"), {PARAGRAPH: "ယခင်က ထည့်ထားသော စာ ၁၅ ၃၀"}, fuzzy=True)
    result = project.run(*args)  # still fuzzy and marked as ingested from this file
    assert "kept the existing translation" not in result.stderr
    assert _catalog(project)[PARAGRAPH].msgstr.startswith("လျှောက်လွှာ")


def test_align_skips_a_paragraph_the_translation_left_out() -> None:
    from polyglot.catalog.ingest import align
    from polyglot.catalog.locales import get_locale
    from polyglot.content.document import parse_document

    source = parse_document(
        "Asia Catalyst opened its 2019 programs for women living with HIV today.\n\n"
        "The application form is online; the deadline is 30 November 2018, and late "
        "applications cannot be considered this year.\n\n"
        "Write to ksuwin@example.org with questions.\n"
    ).blocks
    translation = parse_document(
        "亚洲促进会今天启动了2019年面向感染艾滋病病毒女性的项目。\n\n如有疑问，请写信至ksuwin@example.org。\n"
    ).blocks
    pairs = align(list(source), list(translation), get_locale("zh_Hans"))
    assert [(p.source.line, p.translation.line) for p in pairs] == [(1, 1), (5, 3)]
