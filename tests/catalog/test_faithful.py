"""What translators put in a catalog comes back out (escapes, translators' notes), and what
GNU msgfmt -c rejects is rejected with its file and line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from polyglot.catalog.pofile import format_po, parse_po, read_po
from polyglot.files import InputError
from tests.project import Project

from .conftest import MSGFMT

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: my\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n'
)


def _po(body: str) -> str:
    return HEADER + "\n" + body


# --------------------------------------------------------------------------- item 8: escapes


def test_octal_escapes_are_utf8_bytes_as_gnu_reads_them() -> None:
    catalog = parse_po(_po('msgid "cafe"\nmsgstr "caf\\303\\251 \\x41\\101"\n'))
    assert catalog.messages[0].msgstr == "café AA"
    assert 'msgstr "café AA"' in format_po(catalog)


@pytest.mark.parametrize("escape", ["\\a", "\\b", "\\f", "\\v", "\\t", "\\r"])
def test_control_escapes_are_written_back_as_escapes(escape: str) -> None:
    text = _po(f'msgid "x"\nmsgstr "before{escape}after"\n')
    written = format_po(parse_po(text))
    assert f'"before{escape}after"' in written
    assert written == text


def test_nul_escape_is_refused_with_file_and_line() -> None:
    with pytest.raises(InputError, match=r"my\.po:8: .*NUL"):
        parse_po(_po('msgid "x"\nmsgstr "a\\0b"\n'), "my.po")


def test_octal_escapes_that_are_not_utf8_are_refused() -> None:
    with pytest.raises(InputError, match=r"my\.po:8: .*not UTF-8"):
        parse_po(_po('msgid "x"\nmsgstr "\\351t\\351"\n'), "my.po")


# --------------------------------------------------------------------------- item 9: comments


def test_a_note_followed_by_a_blank_line_stays_with_the_next_entry() -> None:
    text = _po('# reviewer: check the dates\n\nmsgid "a"\nmsgstr "b"\n')
    catalog = parse_po(text)
    assert catalog.messages[0].translator_comments == ["reviewer: check the dates"]
    assert '# reviewer: check the dates\nmsgid "a"' in format_po(catalog)


def test_a_closing_note_at_the_end_of_the_file_survives() -> None:
    text = _po('msgid "a"\nmsgstr "b"\n\n# end of review, Khine\n')
    catalog = parse_po(text)
    assert format_po(catalog) == text


def test_notes_survive_update(project: Project) -> None:
    project.run("extract")
    project.run("update")
    path = project.po("my")
    text = path.read_text(encoding="utf-8")
    first = text.index("\n#. ")
    text = text[:first] + "\n# reviewer's note\n" + text[first:] + "\n# closing note\n"
    path.write_text(text, encoding="utf-8")
    project.write("corpus/call.md", project.read("corpus/call.md") + "\nA new paragraph, so update rewrites.\n")
    project.run("extract")
    project.run("update")
    after = path.read_text(encoding="utf-8")
    assert "A new paragraph" in after
    assert "# reviewer's note\n" in after
    assert after.endswith("# closing note\n")


# --------------------------------------------------------------------------- item 10: plurals


def test_msgstr_n_without_msgid_plural_is_an_error_with_line() -> None:
    with pytest.raises(InputError, match=r"my\.po:9: msgstr\[0\] without a msgid_plural"):
        parse_po(_po('#, fuzzy\nmsgid "x"\nmsgstr[0] "y"\n'), "my.po")


def test_comment_between_msgid_and_msgstr_is_an_error() -> None:
    with pytest.raises(InputError, match=r"my\.po:8: a comment between msgid and msgstr"):
        parse_po(_po('msgid "x"\n# oops\nmsgstr "y"\n'), "my.po")


def test_byte_order_mark_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "my.po"
    path.write_bytes(b"\xef\xbb\xbf" + _po('msgid "x"\nmsgstr "y"\n').encode())
    with pytest.raises(InputError, match=r"my\.po:1: a byte order mark"):
        read_po(str(path))


@pytest.mark.skipif(MSGFMT is None, reason="needs GNU gettext")
@pytest.mark.parametrize(
    "body",
    [
        'msgid "x"\nmsgstr[0] "y"\n',
        'msgid "x"\n# note\nmsgstr "y"\n',
        'msgid "line\\n"\nmsgstr "ligne"\n',
        'msgid "\\nline"\nmsgstr "ligne"\n',
        'msgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\nmsgstr[1] "ys"\n',
    ],
)
def test_check_rejects_what_msgfmt_rejects(project: Project, body: str, tmp_path: Path) -> None:
    path = project.write("volunteer/my.po", _po(body))
    assert MSGFMT is not None
    assert subprocess.run([MSGFMT, "-c", "-o", "/dev/null", str(path)], capture_output=True).returncode != 0
    result = project.run("check", str(path), code=None)
    assert result.exit_code in (1, 2)
    assert "volunteer/my.po:" in (result.stderr if result.exit_code == 2 else result.output)


def test_plural_translation_survives_when_the_template_has_it_singular(project: Project) -> None:
    project.run("extract")
    project.run("update", "--lang", "my")
    path = project.po("my")
    catalog = read_po(str(path))
    message = catalog.messages[0]
    message.msgid_plural = message.msgid + " (plural)"
    message.msgstr_plural = {0: "ဘာသာပြန်"}
    path.write_text(format_po(catalog), encoding="utf-8")
    project.run("update", "--lang", "my")
    after = read_po(str(path)).find(message.msgid)
    assert after is not None
    assert after.msgid_plural is None
    assert after.msgstr == "ဘာသာပြန်"
    assert after.fuzzy  # the translator adapts it; fuzzy is never published
