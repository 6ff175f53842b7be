"""PDF, read only: a PDF typed in Zawgyi-One and written by ReportLab with the font embedded."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from polyglot.batch.block import Options
from polyglot.burmese.pipeline import normalize_text
from polyglot.cli import main
from polyglot.documents import normalize_document
from polyglot.documents.pdf import read_pdf
from polyglot.files import InputError
from tests.conftest import UNICODE_SENTENCES
from tests.documents.makers import ZG, pdf, pdf_of_lines


def test_text_layer_normalized_and_lines_joined(tmp_path: Path) -> None:
    data = pdf(tmp_path / "call.pdf").read_bytes()
    lines, fonts = read_pdf(data)
    assert [line.text for line in lines][:2] == ZG[:2]  # pypdf keeps the typed order
    assert fonts == {1: {"Zawgyi-One"}, 2: {"Zawgyi-One"}}
    result = normalize_document(data, "call.pdf", Options(), explain=True)
    text = result.data.decode()
    assert UNICODE_SENTENCES[3] in text  # the break inside အခွင့်အရေး joined without a space
    assert f"{UNICODE_SENTENCES[0]} {UNICODE_SENTENCES[1]}" in text
    assert "Deadline: 30 November 2018." in text
    extracted = "".join(line.text + "\n" for line in lines)
    assert [after for _, _, after in result.paragraphs] == [
        line for line in normalize_text(extracted).text.split("\n") if line and line.isascii() is False
    ]
    assert {"page 1, line 1", "page 2, line 1", "page 2, line 2"} <= {c.where for c in result.changes}
    assert "page 1: Burmese set in Zawgyi-One (a Zawgyi font)" in result.notes


def test_command_prints_text_refuses_in_place_and_writes_txt_in_a_tree(tmp_path: Path) -> None:
    path = pdf(tmp_path / "call.pdf")
    data = path.read_bytes()
    out = CliRunner().invoke(main, ["normalize", str(path)])
    assert out.exit_code == 0 and UNICODE_SENTENCES[3] in out.output
    out = CliRunner().invoke(main, ["normalize", "-i", str(path)])
    assert (
        out.exit_code == 2
        and out.output
        == f"polyglot: {path}: a PDF is read only: polyglot prints its text (or writes NAME.txt with -r --out DIR)\n"
    )
    assert path.read_bytes() == data
    out = CliRunner().invoke(main, ["normalize", "--explain", "--check", str(path)])
    assert out.exit_code == 1 and f"{path}: page 2, line 2: convert [zawgyi_to_unicode]" in out.output
    out = CliRunner().invoke(main, ["normalize", "-r", "--out", str(tmp_path / "clean"), str(tmp_path)])
    assert out.exit_code == 0
    assert UNICODE_SENTENCES[0] in (tmp_path / "clean" / "call.txt").read_text(encoding="utf-8")


def test_encrypted_and_corrupt_pdfs_are_refused(tmp_path: Path) -> None:
    locked = pdf(tmp_path / "locked.pdf", password="secret").read_bytes()
    with pytest.raises(InputError, match=r"^locked\.pdf: is an encrypted or password-protected PDF"):
        normalize_document(locked, "locked.pdf", Options())
    data = pdf(tmp_path / "call.pdf").read_bytes()
    with pytest.raises(InputError, match=r"^cut\.pdf: is not a PDF polyglot can read"):
        normalize_document(data[: len(data) // 3], "cut.pdf", Options())


def test_the_organisations_damaged_call_as_a_pdf(tmp_path: Path) -> None:
    """The seed call (Zawgyi that lost every က to U+2002 in an earlier PDF) set again in
    Zawgyi-One: the font has no glyph for U+2002, so the text layer loses those letters as
    a PDF does (pypdf gives NUL, read as U+FFFD), and the repairs restore them: every
    line comes out as the .txt's does."""
    seed = Path("corpus/incoming/call-for-applications-2018.my.txt").read_text(encoding="utf-8")
    path = pdf_of_lines(tmp_path / "call.pdf", seed.split("\n"))
    result = normalize_document(path.read_bytes(), "call.pdf", Options(), explain=True)
    as_txt = set(normalize_text(seed).text.split("\n"))
    assert result.paragraphs and all(after in as_txt for _, _, after in result.paragraphs)
    repairs = {c.where for c in result.changes if c.change and c.change.rule == "restore_lost_letter"}
    assert "page 1, line 2" in repairs
