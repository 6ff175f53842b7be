"""The merge rules, each on a real run of extract + update over an edited corpus."""

from pathlib import Path

from polyglot.catalog.model import Catalog, Message
from polyglot.catalog.pofile import read_po
from tests.project import Project

from .conftest import CALL, PARAGRAPH, msgfmt_check, set_msgstr

BURMESE = "၂၀၁၈-၁၉ အစီအစဉ်အတွက် လျှောက်လွှာများ လက်ခံနေပါသည်။"


def _translated_project(project: Project) -> None:
    project.run("extract")
    project.run("update")
    set_msgstr(project.po("my"), {PARAGRAPH: BURMESE})


def _message(project: Project, msgid: str, lang: str = "my") -> Message:
    return next(m for m in read_po(str(project.po(lang))).messages if m.msgid == msgid)


def test_changed_source_becomes_fuzzy_with_previous_msgid(project: Project, tmp_path: Path) -> None:
    _translated_project(project)
    edited = PARAGRAPH.replace("organizations", "organisations")
    project.write("corpus/call.md", CALL.replace("organizations", "organisations"))
    project.run("extract")
    project.run("update")
    message = _message(project, edited)
    assert message.fuzzy
    assert message.previous_msgid == PARAGRAPH
    assert message.msgstr == BURMESE
    assert "#| msgid" in project.read("locales/my/LC_MESSAGES/announcements.po")
    msgfmt_check(project.po("my"), tmp_path)


def test_removed_message_becomes_obsolete_and_returns_revived(project: Project, tmp_path: Path) -> None:
    _translated_project(project)
    project.write(
        "corpus/call.md",
        CALL.replace(
            "We are accepting applications from community-based organizations\nfor the 2018-19 program.\n\n", ""
        ),
    )
    project.run("extract")
    result = project.run("update")
    assert "1 obsolete" in result.output
    catalog = read_po(str(project.po("my")))
    gone = [m for m in catalog.messages if m.msgid == PARAGRAPH]
    assert len(gone) == 1 and gone[0].obsolete and gone[0].msgstr == BURMESE
    assert "#~ msgid" in project.read("locales/my/LC_MESSAGES/announcements.po")
    msgfmt_check(project.po("my"), tmp_path)

    project.write("corpus/call.md", CALL)
    project.run("extract")
    result = project.run("update")
    assert "1 revived" in result.output
    message = _message(project, PARAGRAPH)
    assert not message.obsolete and not message.fuzzy and message.msgstr == BURMESE
    assert message.locations == [("corpus/call.md", 9)]


def test_reflowed_paragraph_changes_nothing(project: Project) -> None:
    _translated_project(project)
    before = project.snapshot()
    project.write(
        "corpus/call.md",
        CALL.replace(
            "We are accepting applications from community-based organizations\nfor the",
            "We are accepting applications\nfrom community-based organizations for the",
        ),
    )
    project.run("extract")
    project.run("update")
    assert project.snapshot() == before
    message = _message(project, PARAGRAPH)
    assert message.msgstr == BURMESE and not message.fuzzy


def test_untranslated_removed_message_is_dropped_not_kept(project: Project) -> None:
    _translated_project(project)
    project.write("corpus/call.md", CALL.replace("We are accepting applications.", "Applications are open."))
    project.run("extract")
    project.run("update")
    catalog = read_po(str(project.po("my")))
    assert all(m.msgid != "We are accepting applications." for m in catalog.messages)
    assert _message(project, "Applications are open.").msgstr == ""


def test_second_edit_keeps_the_original_previous_msgid(project: Project) -> None:
    """The translation still translates the first text; #| must keep showing it."""
    _translated_project(project)
    once = CALL.replace("organizations", "organisations")
    project.write("corpus/call.md", once)
    project.run("extract")
    project.run("update")
    project.write("corpus/call.md", once.replace("community-based", "grassroots"))
    project.run("extract")
    project.run("update")
    edited = PARAGRAPH.replace("organizations", "organisations").replace("community-based", "grassroots")
    message = _message(project, edited)
    assert message.fuzzy and message.previous_msgid == PARAGRAPH


def _reworded_catalogs(count: int, seed: int = 5) -> tuple[Catalog, Catalog]:
    """A translated catalog of ``count`` paragraphs and a template with each one reworded."""
    import random

    from benchmarks.catalogs import paragraph, reword

    rng = random.Random(seed)
    base = list(dict.fromkeys(paragraph(rng) for _ in range(count)))
    old = Catalog(messages=[Message(msgid=p, msgstr=f"t{i}", locations=[(f"p{i}.md", 1)]) for i, p in enumerate(base)])
    template = Catalog(
        messages=[Message(msgid=reword(p, rng), locations=[(f"p{i}.md", 1)]) for i, p in enumerate(base)]
    )
    return old, template


def test_the_fuzzy_index_picks_what_the_exhaustive_search_picks() -> None:
    """The index only shortlists: each reworded paragraph inherits from the old message
    the exhaustive search over every orphan would choose."""
    from polyglot.catalog.merge import FuzzyIndex, _best_match

    old, template = _reworded_catalogs(300)
    orphans = [m for m in old.messages if m.msgid not in {t.msgid for t in template.messages}]
    index = FuzzyIndex(orphans)
    used: set[int] = set()
    for new in template.messages:
        if new.msgid in {m.msgid for m in old.messages}:
            continue
        expected = _best_match(new, (m for m in orphans if id(m) not in used))
        assert index.take(new) is expected
        if expected is not None:
            used.add(id(expected))


def test_update_cost_grows_linearly_with_reworded_messages() -> None:
    """Issue: 250 / 500 / 1,000 reworded paragraphs took 4.6 / 16 / 57 s (quadratic).
    Four times the messages must cost well under sixteen times the time."""
    import time

    from polyglot.catalog.merge import merge
    from polyglot.locales import get_locale

    def seconds(count: int) -> float:
        old, template = _reworded_catalogs(count)
        start = time.perf_counter()
        _, report = merge(template, old, get_locale("my"), "announcements")
        assert len(report.fuzzy) > 0.9 * count
        return time.perf_counter() - start

    small, large = min(seconds(200) for _ in range(2)), min(seconds(800) for _ in range(2))
    assert large < 8 * small + 0.5, (small, large)


def test_a_message_turning_plural_is_counted_fuzzy_in_the_summary(project: Project) -> None:
    """A singular translation carried into a plural message becomes fuzzy: the summary says so."""
    _translated_project(project)
    set_msgstr(project.po("my"), {"What people want": BURMESE})
    pot = project.read("locales/announcements.pot")
    quoted = 'msgid "What people want"'
    assert quoted in pot
    start = pot.index(quoted)
    end = pot.index("msgstr", start)
    plural = pot[:end] + 'msgid_plural "Applications."\nmsgstr[0] ""\nmsgstr[1] ""\n' + pot[pot.index("\n\n", end) :]
    project.write("locales/announcements.pot", plural)
    out = project.run("update", "--lang", "my").output
    assert "1 fuzzy" in out, out
    message = next(m for m in read_po(str(project.po("my"))).messages if m.msgid_plural)
    assert message.fuzzy and message.msgstr_plural[0] == BURMESE


def test_update_replaces_a_stale_plural_forms_header(project: Project, tmp_path: Path) -> None:
    """Plural-Forms comes from the locale table, whatever the file said (a translator's tool
    may have written English's two forms): GNU's msgfmt then checks msgstr[N] against it."""
    _translated_project(project)
    path = project.po("my")
    text = path.read_text(encoding="utf-8")
    assert "nplurals=1; plural=0;" in text
    path.write_text(text.replace("nplurals=1; plural=0;", "nplurals=2; plural=(n != 1);"), encoding="utf-8")
    project.run("update", "--lang", "my")
    catalog = read_po(str(path))
    assert catalog.header["Plural-Forms"] == "nplurals=1; plural=0;"
    msgfmt_check(path, tmp_path)
