"""Documents polyglot refuses: one line naming the file and what is wrong, exit 2, nothing written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from polyglot.batch.block import Options
from polyglot.cli import main
from polyglot.documents import normalize_document, package
from polyglot.files import InputError
from tests.documents.makers import ZG, entries, word


def rezip(data: bytes, changes: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """``data``'s entries with some replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", method) as target:
        for info in source.infolist():
            target.writestr(info.filename, changes.pop(info.filename, source.read(info)))
        for name, value in changes.items():
            target.writestr(name, value)
    return out.getvalue()


@pytest.fixture
def docx_bytes(tmp_path: Path) -> bytes:
    return word(tmp_path / "src.docx", [[(ZG[0], {"font": "Zawgyi-One"})]]).read_bytes()


def refused(data: bytes, message: str, tmp_path: Path, name: str = "call.docx") -> None:
    """Refused by the library with ``message``, and by ``normalize -i`` with one line, exit 2, file unchanged."""
    with pytest.raises(InputError, match=message) as err:
        normalize_document(data, name, Options())
    assert str(err.value).startswith(f"{name}: ")
    path = tmp_path / name
    path.write_bytes(data)
    out = CliRunner().invoke(main, ["normalize", "-i", str(path)])
    assert out.exit_code == 2
    assert out.output.count("\n") == 1 and out.output.startswith(f"polyglot: {path}: ")
    assert "Traceback" not in out.output
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary left


def test_corrupt_zip(docx_bytes: bytes, tmp_path: Path) -> None:
    refused(docx_bytes[: len(docx_bytes) // 2], "corrupt or truncated zip", tmp_path)


def test_not_a_zip(tmp_path: Path) -> None:
    refused(b"just some text\n", "not a zip archive", tmp_path)


def test_password_protected_office_file(tmp_path: Path) -> None:
    """Office saves an encrypted document as an OLE compound file (its first 8 bytes)."""
    refused(package.OLE_MAGIC + bytes(504), "encrypted or password-protected", tmp_path)


def test_zip_bomb(docx_bytes: bytes, tmp_path: Path) -> None:
    bomb = b'<?xml version="1.0"?><w:document xmlns:w="x">' + b" " * (20 << 20) + b"</w:document>"
    refused(rezip(docx_bytes, {"word/document.xml": bomb}), "zip bomb", tmp_path)


def test_part_too_large(docx_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 500 MB sheet is refused by size before it is read (here the limit is lowered to test it)."""
    monkeypatch.setattr(package, "PART_LIMIT", 1000)
    with pytest.raises(InputError, match="more than 0 MiB unpacked"):
        normalize_document(docx_bytes, "big.docx", Options())


def test_external_entities_are_never_resolved(docx_bytes: bytes, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    refused(rezip(docx_bytes, {"word/document.xml": xxe}), "document type", tmp_path)


def test_xml_that_is_not_well_formed(docx_bytes: bytes, tmp_path: Path) -> None:
    broken = entries(docx_bytes)["word/document.xml"].replace(b"</w:body>", b"")
    refused(rezip(docx_bytes, {"word/document.xml": broken}), r"word/document\.xml: not well-formed XML", tmp_path)


def test_zip_that_is_no_office_document(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    refused(out.getvalue(), "not a Word, Excel, PowerPoint or OpenDocument file", tmp_path)


def test_macros_are_kept_untouched(docx_bytes: bytes) -> None:
    """A macro-enabled file is normalized like any other; its macros are an entry polyglot
    never reads, written back byte for byte."""
    macros = bytes(range(256)) * 40
    docm = rezip(docx_bytes, {"word/vbaProject.bin": macros})
    result = normalize_document(docm, "call.docm", Options())
    assert result.changed
    assert entries(result.data)["word/vbaProject.bin"] == macros
