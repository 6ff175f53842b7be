"""Review: a document's messages with their state, and accepting the reviewed ones."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from polyglot.catalog.check import ignored_checks
from polyglot.catalog.pofile import read_po
from tests.project import Project

from .conftest import msgfmt_check
from .test_ingest import LONG_BURMESE, LONG_SOURCE

PARAGRAPH_START = "We are accepting applications from"
TITLE = "Call for applications 2019"


def _ingested(project: Project) -> None:
    project.write("corpus/call.md", LONG_SOURCE)
    project.write("corpus/incoming/call.my.txt", LONG_BURMESE)
    project.run("extract")
    project.run("update")
    project.run("ingest", "corpus/call.md", "--lang", "my", "corpus/incoming/call.my.txt")


def _messages(project: Project) -> dict[str, object]:
    return {m.msgid: m for m in read_po(str(project.po("my"))).messages}


def _paragraph(project: Project):  # type: ignore[no-untyped-def]
    return next(m for m in read_po(str(project.po("my"))).messages if m.msgid.startswith(PARAGRAPH_START))


def test_review_lists_each_message_with_its_state_and_findings(project: Project) -> None:
    _ingested(project)
    result = project.run("review", "corpus/call.md", "--lang", "my")
    assert "corpus/call.md:2 [title] fuzzy — ingested from corpus/incoming/call.my.txt:1" in result.output
    assert "corpus/call.md:9 [paragraph] fuzzy — ingested from corpus/incoming/call.my.txt:3-4, 5-6" in result.output
    assert "corpus/call.md:13 [paragraph] untranslated" in result.output
    assert "check: [numbers] error: number(s) of the msgid missing from the msgstr: 2019" in result.output
    assert result.output.rstrip().endswith("corpus/call.md: 0 translated, 2 fuzzy, 2 untranslated")


def test_accept_refuses_entries_failing_a_blocking_check_and_writes_nothing(project: Project) -> None:
    _ingested(project)
    before = project.snapshot()
    result = project.run("review", "corpus/call.md", "--lang", "my", "--accept", code=1)
    assert "corpus/call.md:9: [review] left fuzzy: [numbers]" in result.stderr
    assert "corpus/call.md:2: accepted" in result.output  # the title states its number
    assert _paragraph(project).fuzzy
    assert not _messages(project)[TITLE].fuzzy  # type: ignore[attr-defined]
    assert project.snapshot() != before


def test_accept_with_ignore_records_the_reviewers_decision_and_publishes(project: Project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _ingested(project)
    project.run("review", "corpus/call.md", "--lang", "my", "--accept", "--ignore", "numbers")
    paragraph = _paragraph(project)
    assert not paragraph.fuzzy and ignored_checks(paragraph) == {"numbers"}
    assert paragraph.previous_msgid is None
    assert paragraph.translator_comments == [
        "ingested from corpus/incoming/call.my.txt:3-4, 5-6; reviewed",
        "ignore-numbers",
    ]
    assert not ignored_checks(_messages(project)[TITLE])  # type: ignore[arg-type]
    # GNU's tools keep the reviewer's decision (they drop flags they do not know)
    gnu = subprocess.run(["msgcat", str(project.po("my"))], capture_output=True, text=True, check=True).stdout
    assert gnu == project.po("my").read_text(encoding="utf-8")
    project.run("check")  # the reviewed difference is no longer an error
    project.run("compile")
    assert "ကျွန်ုပ်တို့၏" in project.read("build/json/announcements.my.json")
    msgfmt_check(project.po("my"), tmp_path)
    # accepting again changes nothing; ingesting again keeps the reviewed text
    before = project.snapshot()
    project.run("review", "corpus/call.md", "--lang", "my", "--accept")
    project.run("ingest", "corpus/call.md", "--lang", "my", "corpus/incoming/call.my.txt")
    assert project.snapshot() == before


def test_accept_one_line_and_no_other_document(project: Project) -> None:
    _ingested(project)
    from .conftest import set_msgstr

    set_msgstr(project.po("my"), {"Give us jobs!": "အလုပ်ပေးပါ"}, fuzzy=True)
    project.run("review", "corpus/call.md", "--lang", "my", "--accept", "--line", "2")
    messages = _messages(project)
    assert not messages[TITLE].fuzzy  # type: ignore[attr-defined]
    assert _paragraph(project).fuzzy
    assert messages["Give us jobs!"].fuzzy  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("corpus/nowhere.md",), "corpus/nowhere.md: no messages in locales/my/LC_MESSAGES/announcements.po"),
        (("corpus/call.md", "--accept", "--line", "4"), "corpus/call.md:4: no message starts at this line"),
        (("corpus/call.md", "--accept", "--ignore", "zawgyi"), "--ignore zawgyi: not a check that may be ignored"),
        (("corpus/call.md", "--accept", "--ignore", "spelling"), "--ignore spelling: not a check"),
    ],
)
def test_bad_requests_are_one_line_exit_2_and_change_nothing(
    project: Project, args: tuple[str, ...], message: str
) -> None:
    _ingested(project)
    before = project.snapshot()
    result = project.run("review", *args, "--lang", "my", code=2)
    assert result.stderr.strip() == f"polyglot: {message}" or result.stderr.startswith(f"polyglot: {message}")
    assert project.snapshot() == before


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="GNU gettext's msgattrib is needed")
def test_gnu_msgattrib_sees_the_same_fuzzy_entries(project: Project) -> None:
    """What a translator's tools call fuzzy is what polyglot calls fuzzy, before and after."""
    _ingested(project)

    def fuzzy_msgids() -> set[str]:
        out = subprocess.run(
            ["msgattrib", "--only-fuzzy", "--no-wrap", str(project.po("my"))],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return {
            line[len('msgid "') : -1] for line in out.splitlines() if line.startswith('msgid "') and line != 'msgid ""'
        }

    assert fuzzy_msgids() == {TITLE, _paragraph(project).msgid}
    project.run("review", "corpus/call.md", "--lang", "my", "--accept", "--ignore", "numbers")
    assert fuzzy_msgids() == set()


def test_a_new_review_sets_the_ignore_flags_afresh(project: Project) -> None:
    """After the English changes (fuzzy again), an old ignore- mark does not wave the new
    text through: the reviewer decides again."""
    _ingested(project)
    project.run("review", "corpus/call.md", "--lang", "my", "--accept", "--ignore", "numbers")
    project.write("corpus/call.md", LONG_SOURCE.replace("our 2019 program", "our 2019 and 2020 program"))
    project.run("extract")
    project.run("update")
    assert _paragraph(project).fuzzy and ignored_checks(_paragraph(project)) == {"numbers"}
    result = project.run("review", "corpus/call.md", "--lang", "my", "--accept", code=1)
    assert "[numbers] number(s) of the msgid missing from the msgstr: 2019, 2020" in result.stderr
    project.run("review", "corpus/call.md", "--lang", "my", "--accept", "--ignore", "numbers")
    assert _paragraph(project).translator_comments.count("ignore-numbers") == 1


def test_accept_refuses_a_translation_in_another_script(project: Project) -> None:
    """English pasted back as Burmese (fuzzy, as a merge or an old ingest leaves it) is
    not accepted: the [script] check blocks it."""
    from .conftest import set_msgstr

    _ingested(project)
    set_msgstr(project.po("my"), {TITLE: TITLE}, fuzzy=True)
    result = project.run("review", "corpus/call.md", "--lang", "my", "--line", "2", "--accept", code=1)
    assert "corpus/call.md:2: [review] left fuzzy: [script] no Burmese (Mymr) letter; written in Latn" in result.stderr
    assert _messages(project)[TITLE].fuzzy  # type: ignore[attr-defined]
