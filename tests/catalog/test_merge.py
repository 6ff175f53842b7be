"""The merge rules, each on a real run of extract + update over an edited corpus."""

from pathlib import Path

from polyglot.catalog.model import Message
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
