"""Ingest: normalize an existing (Zawgyi, damaged) translation, align it, fill the catalog."""

from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.catalog.model import Message
from polyglot.catalog.pofile import read_po
from tests.project import Project

from .conftest import set_msgstr

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


def _catalog(project: Project) -> dict[str, Message]:
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


def test_ingest_refuses_a_translation_in_another_script(project: Project) -> None:
    """Chinese given as Burmese, or the English original given back, would fill the catalog
    with text no Burmese reader can read: refused, the catalog untouched."""
    _setup(project)
    for text in ("申请截止日期从11月15日延长至11月30日。\n", SOURCE.split("---\n")[2]):
        project.write("corpus/incoming/wrong.txt", text)
        result = project.run("ingest", "corpus/deadline.md", "--lang", "my", "corpus/incoming/wrong.txt", code=2)
        assert result.stderr.startswith("polyglot: corpus/incoming/wrong.txt: not a Burmese translation: no Burmese")
        assert "is --lang my the language of this file?" in result.stderr
        assert not project.po("my").exists()


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
    from polyglot.content.document import parse_document
    from polyglot.locales import get_locale

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


# --------------------------------------------------------------------------- structure differs

LONG_SOURCE = """\
---
title: Call for applications 2019
slug: call
date: 2019-03
summary: We are accepting applications.
language: en
---

We are accepting applications from community groups for our 2019 program. The program supports
groups that want to document rights abuses and speak up for their members, and it helps them
plan campaigns on the issues their communities face.

Send the form to office@example.org before 31 March 2019.
"""

# A plain-text Burmese version as a PDF gives it: a heading, then two paragraphs with no
# blank line between them (the first ends with ။ on a short line), which together
# translate the first English paragraph; nothing translates the second.
LONG_BURMESE = (
    "အစီအစဉ် ၂၀၁၉ လျှောက်လွှာ ခေါ်ယူခြင်း\n"
    "\n"
    "ကျွန်ုပ်တို့၏ အစီအစဉ်အတွက် လူထုအဖွဲ့များထံမှ လျှောက်လွှာများကို လက်ခံနေပါသည်။ အစီအစဉ်သည်\n"
    "အဖွဲ့များကို ကူညီပါသည်။\n"
    "အခွင့်အရေး ချိုးဖောက်မှုများကို မှတ်တမ်းတင်လိုသော အဖွဲ့များနှင့် ၎င်းတို့၏ အဖွဲ့ဝင်များအတွက်\n"
    "ပြောဆိုလိုသော အဖွဲ့များ ပါဝင်နိုင်ပြီး လူထုပြဿနာများအတွက် လှုပ်ရှားမှုများကို စီစဉ်ရန် ကူညီပါမည်။\n"
)


def test_plain_text_paragraphs_are_cut_where_a_sentence_ends_on_a_short_line() -> None:
    from polyglot.catalog.ingest import split_paragraphs
    from polyglot.content.document import parse_document

    block = parse_document(LONG_BURMESE).blocks[1]
    pieces = split_paragraphs(block)
    assert [(p.line, p.end_line) for p in pieces] == [(3, 4), (5, 6)]
    assert pieces[0].text.endswith("ကူညီပါသည်။") and pieces[1].text.startswith("အခွင့်အရေး")
    # A sentence that ends at the margin is no evidence of a paragraph's end.
    full = parse_document("ပထမ စာကြောင်း ဖြစ်သည်။\nဒုတိယ စာကြောင်း ဖြစ်သည်။\n").blocks[0]
    assert split_paragraphs(full) == [full]


def test_two_translated_blocks_for_one_source_block_are_joined_and_reported(project: Project) -> None:
    project.write("corpus/call.md", LONG_SOURCE)
    project.write("corpus/incoming/call.my.txt", LONG_BURMESE)
    project.run("extract")
    result = project.run("ingest", "corpus/call.md", "--lang", "my", "corpus/incoming/call.my.txt")
    messages = _catalog(project)
    paragraph = next(m for m in messages.values() if m.msgid.startswith("We are accepting applications from"))
    # both paragraphs, in order, joined with the space that follows ။
    assert paragraph.msgstr.startswith("ကျွန်ုပ်တို့၏") and "ကူညီပါသည်။ အခွင့်အရေး" in paragraph.msgstr
    assert paragraph.msgstr.endswith("ကူညီပါမည်။") and paragraph.fuzzy
    assert "call.my.txt:3-4, 5-6" in paragraph.translator_comments[0]
    assert "call.my.txt:3-4, 5-6: aligned with corpus/call.md:9-11 [paragraph] (two blocks for one)" in result.output
    # the English the Burmese does not translate is reported with its line and why
    assert "corpus/call.md:13: [ingest] no translation found for this paragraph (" in result.stderr
    assert messages["Send the form to office@example.org before 31 March 2019."].msgstr == ""
    # nothing of the Burmese was dropped
    assert "not aligned with any block" not in result.stderr


def test_one_translated_block_for_two_source_blocks_fills_the_first_and_reports_the_second() -> None:
    from polyglot.catalog.ingest import align
    from polyglot.content.document import parse_document
    from polyglot.locales import get_locale

    source = parse_document(
        "Asia Catalyst opened applications for its 2019 program.\n\n"
        "The deadline is 30 November, and the form is at www.example.org/form.\n"
    ).blocks
    translation = parse_document(
        "Asia Catalyst သည် ၂၀၁၉ အစီအစဉ်အတွက် လျှောက်လွှာများကို ဖွင့်လှစ်လိုက်ပြီး နောက်ဆုံးရက်မှာ "
        "နိုဝင်ဘာ ၃၀ ဖြစ်ပါသည်၊ လျှောက်လွှာပုံစံကို www.example.org/form တွင် ရယူနိုင်ပါသည်။\n"
    ).blocks
    pairs = align(list(source), list(translation), get_locale("my"))
    assert [(tuple(b.line for b in p.sources), p.translation.line) for p in pairs] == [((1, 3), 1)]
    assert any("both have" in e and "30" in e and "2019" in e for e in pairs[0].evidence)


def test_numbers_in_any_script_choose_the_block() -> None:
    """Of two English paragraphs of the same length, the translation's Myanmar (or
    Chinese) digits pick the one that states those numbers."""
    from polyglot.catalog.ingest import align
    from polyglot.content.document import parse_document
    from polyglot.locales import get_locale

    source = parse_document(
        "Our partners met in the capital to plan the work.\n\nThe meeting had 15 groups and 30 people.\n"
    ).blocks
    burmese = parse_document("အစည်းအဝေးတွင် အဖွဲ့ ၁၅ ဖွဲ့နှင့် လူ ၃၀ ဦး ပါဝင်ခဲ့ပါသည်။\n").blocks
    pairs = align(list(source), list(burmese), get_locale("my"))
    assert [(p.source.line, p.translation.line) for p in pairs] == [(3, 1)]
    chinese = parse_document("会议有十五个团体、三十人参加。\n").blocks
    pairs = align(list(source), list(chinese), get_locale("zh_Hans"))
    assert [(p.source.line, p.translation.line) for p in pairs] == [(3, 1)]


_BLOCK_TEXT = st.sampled_from(
    [
        "Asia Catalyst opened its 2019 program.",
        "Write to office@example.org.",
        "The deadline is 30 November.",
        "A longer paragraph about the communities the program serves and why it matters to them.",
        "Asia Catalyst ၏ ၂၀၁၉ အစီအစဉ်။",
        "office@example.org သို့ စာရေးပါ။",
        "နောက်ဆုံးရက်မှာ နိုဝင်ဘာ ၃၀ ဖြစ်သည်။",
        "အစီအစဉ်က ဝန်ဆောင်မှုပေးသော လူထုများနှင့် ၎င်းတို့အတွက် အရေးပါပုံကို ရှင်းပြသည့် စာပိုဒ်ရှည်။",
        "Heading",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_BLOCK_TEXT, min_size=0, max_size=6), st.lists(_BLOCK_TEXT, min_size=0, max_size=6))
def test_alignment_keeps_order_and_uses_each_block_at_most_once(source_texts: list[str], translated: list[str]) -> None:
    """Whatever the texts, pairs keep both sides' order, take one or two blocks a side,
    and no block is in two pairs: what is not in a pair is what ingest reports."""
    from polyglot.catalog.ingest import align
    from polyglot.content.document import Block
    from polyglot.locales import get_locale

    source = [Block("paragraph", text, 2 * i + 1, 2 * i + 1) for i, text in enumerate(source_texts)]
    translation = [Block("paragraph", text, 2 * i + 1, 2 * i + 1) for i, text in enumerate(translated)]
    pairs = align(source, translation, get_locale("my"))
    used_source = [b.line for p in pairs for b in p.sources]
    used_translation = [b.line for p in pairs for b in p.translations]
    assert used_source == sorted(set(used_source)) and used_translation == sorted(set(used_translation))
    for pair in pairs:
        assert 1 <= len(pair.sources) <= 2 and 1 <= len(pair.translations) <= 2
        assert len(pair.sources) + len(pair.translations) <= 3
        assert all(b.text in pair.text for b in pair.translations)  # joined, nothing invented or lost


def test_a_translation_covering_two_source_blocks_is_reported_on_the_second(project: Project) -> None:
    project.write(
        "corpus/two.md",
        "---\ntitle: Two\nslug: two\ndate: 2019\nlanguage: en\n---\n\n"
        "Asia Catalyst opened applications for its 2019 program.\n\n"
        "The deadline is 30 November, and the form is at www.example.org/form.\n",
    )
    project.write(
        "corpus/incoming/two.my.txt",
        "Asia Catalyst သည် ၂၀၁၉ အစီအစဉ်အတွက် လျှောက်လွှာများကို ဖွင့်လှစ်လိုက်ပြီး နောက်ဆုံးရက်မှာ "
        "နိုဝင်ဘာ ၃၀ ဖြစ်ပါသည်၊ လျှောက်လွှာပုံစံကို www.example.org/form တွင် ရယူနိုင်ပါသည်။\n",
    )
    project.run("extract")
    result = project.run("ingest", "corpus/two.md", "--lang", "my", "corpus/incoming/two.my.txt")
    assert "two.my.txt:1: aligned with corpus/two.md:8, 10 [paragraph] (two blocks for one)" in result.output
    assert "corpus/two.md:10: [ingest] translated together with corpus/two.md:8" in result.stderr
    messages = _catalog(project)
    first = messages["Asia Catalyst opened applications for its 2019 program."]
    assert first.msgstr.startswith("Asia Catalyst သည်") and first.fuzzy
    assert "(it translates corpus/two.md:8, 10 together)" in first.translator_comments[0]
    assert messages["The deadline is 30 November, and the form is at www.example.org/form."].msgstr == ""
