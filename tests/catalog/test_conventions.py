"""Conventions users bring from other gettext tools (msgfmt, msgmerge, Poedit): check any .po file,
--check gates for CI, whole command summaries, translators' headers kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from polyglot import __version__
from polyglot.catalog.pofile import read_po
from tests.project import Project


def test_check_takes_any_po_file_outside_the_project(project: Project, tmp_path: Path) -> None:
    project.run("extract")
    project.run("update")
    outside = tmp_path.parent / f"{tmp_path.name}-volunteer.po"
    outside.write_text(
        project.po("zh_Hans").read_text(encoding="utf-8").replace('msgstr ""\n\n', 'msgstr "申请"\n\n', 2)
    )
    result = project.run("check", str(outside), code=None)
    assert result.exit_code in (0, 1), result.output
    assert "0 errors" in result.stderr or str(outside) in result.output


def test_check_names_the_file_and_line_of_an_error_in_a_given_file(project: Project) -> None:
    project.run("extract")
    project.run("update")
    text = project.po("my").read_text(encoding="utf-8")
    bad = project.write("incoming/my.po", text.replace("Plural-Forms: nplurals=1; plural=0;", "Plural-Forms: x"))
    result = project.run("check", str(bad), code=1)
    assert f"{bad}:" in result.output and "[header]" in result.output


def test_check_needs_a_language_for_a_po_without_one(project: Project) -> None:
    path = project.write("loose.po", 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n')
    result = project.run("check", str(path), code=2)
    assert "loose.po:1: no Language" in result.stderr


def test_extract_update_compile_check_exit_1_when_a_file_would_change(project: Project) -> None:
    project.run("extract", "--check", code=1)
    assert not project.pot.exists()
    project.run("extract")
    project.run("extract", "--check")
    project.run("update", "--check", code=1)
    assert not project.po("my").exists()
    project.run("update")
    project.run("update", "--check")
    project.run("compile", "--check", code=1)
    project.run("compile")
    before = project.snapshot()
    project.run("compile", "--check")
    project.write("corpus/call.md", project.read("corpus/call.md") + "\nOne more paragraph.\n")
    project.run("extract", "--check", code=1)
    assert project.snapshot() == before


def test_help_lists_every_command_with_its_whole_summary(project: Project) -> None:
    result = project.run("--help")
    commands = result.output.split("Commands:")[1]
    assert "..." not in commands
    for name in ("build", "check", "compile", "detect", "extract", "ingest", "normalize", "stats", "update"):
        assert f"\n  {name} " in commands


def test_every_output_format_option_is_called_format_with_text_and_json(project: Project) -> None:
    for command in ("detect", "normalize", "check", "stats"):
        help_text = project.run(command, "--help").output
        assert "--format [text|json" in help_text, command


def test_update_keeps_a_translator_tools_header(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    project.run("extract")
    project.run("update")
    path = project.po("my")
    text = path.read_text(encoding="utf-8")
    text = text.replace('"Language-Team: Burmese\\n"\n', '"Language-Team: Myanmar volunteers <my@example.org>\\n"\n')
    text = text.replace(
        f'"X-Generator: polyglot {__version__}\\n"\n',
        '"X-Generator: Poedit 3.4.2\\n"\n"X-Poedit-SourceCharset: UTF-8\\n"\n',
    )
    path.write_text(text, encoding="utf-8")
    project.write("corpus/call.md", project.read("corpus/call.md") + "\nOne more paragraph.\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")  # the template changes later
    project.run("extract")
    project.run("update")
    header = read_po(str(path)).header
    assert header["Language-Team"] == "Myanmar volunteers <my@example.org>"
    assert header["X-Generator"] == "Poedit 3.4.2"
    assert header["X-Poedit-SourceCharset"] == "UTF-8"
    assert header["POT-Creation-Date"] == read_po(str(project.pot)).header["POT-Creation-Date"]


def test_new_catalogs_name_polyglot_as_their_generator(project: Project) -> None:
    project.run("extract")
    project.run("update")
    assert read_po(str(project.po("zh_Hans"))).header["X-Generator"] == f"polyglot {__version__}"


def test_a_program_asking_for_zh_cn_finds_chinese_as_the_readme_says(project: Project) -> None:
    import gettext

    project.run("extract")
    project.run("update")
    project.run("compile")
    found = gettext.translation("announcements", str(project.root / "build/locale"), ["zh_CN", "zh_Hans"])
    assert found.info()["language"] == "zh_Hans"
