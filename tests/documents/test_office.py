"""Word, Excel, PowerPoint and OpenDocument files made by the libraries that write them:
the text comes out as the same text would as ``.txt``, formatting stays on its
characters, fonts move, every other entry keeps its bytes, and the writer reads it back."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from polyglot.batch.block import Options
from polyglot.burmese.pipeline import normalize_text
from polyglot.documents import normalize_document
from tests.conftest import UNICODE_SENTENCES
from tests.documents.makers import (
    PREBASE_RUNS,
    ZG,
    entries,
    names,
    opendocument,
    presentation,
    spreadsheet,
    word,
    workbook,
)


def as_txt(paragraphs: list[str]) -> list[str]:
    """What the same paragraphs give as a .txt file, one per line."""
    return normalize_text("".join(p + "\n" for p in paragraphs)).text.split("\n")[:-1]


def stored_bytes(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """An entry as stored: its local header and its compressed bytes."""
    names, extra = struct.unpack_from("<HH", data, info.header_offset + 26)
    return data[info.header_offset : info.header_offset + 30 + names + extra + info.compress_size]


def untouched(before: bytes, after: bytes, changed: set[str]) -> None:
    """Every entry, in order; those not ``changed`` byte for byte, stored as they were."""
    old, new = entries(before), entries(after)
    assert names(before) == names(after)
    with zipfile.ZipFile(io.BytesIO(before)) as a, zipfile.ZipFile(io.BytesIO(after)) as b:
        assert b.testzip() is None
        for x, y in zip(a.infolist(), b.infolist(), strict=True):
            if x.filename not in changed:
                assert new[x.filename] == old[x.filename], x.filename
                assert stored_bytes(after, y) == stored_bytes(before, x), x.filename
                stored = (x.CRC, x.compress_type, x.compress_size, x.date_time, x.external_attr, x.extra)
                assert stored == (y.CRC, y.compress_type, y.compress_size, y.date_time, y.external_attr, y.extra)
            else:
                assert new[x.filename] != old[x.filename], x.filename


def test_word_text_runs_fonts_and_entries(tmp_path: Path) -> None:
    import docx

    path = word(
        tmp_path / "call.docx",
        [
            [(text, {"bold": i == 1, "font": "Zawgyi-One"}) for i, text in enumerate(PREBASE_RUNS)],
            [("Plain English, 中文 too.", {})],
            [(ZG[0], {"font": "Zawgyi-One"})],
        ],
        header=ZG[2],
    )
    data = path.read_bytes()
    before = [p.text for p in docx.Document(str(path)).paragraphs]
    result = normalize_document(data, "call.docx", Options(), explain=True)
    assert result.changed
    untouched(data, result.data, {"word/document.xml", "word/header1.xml"})

    out = docx.Document(io.BytesIO(result.data))
    assert [p.text for p in out.paragraphs] == as_txt(before)
    assert out.paragraphs[0].text == UNICODE_SENTENCES[7]
    runs = out.paragraphs[0].runs
    # The bold pre-base E goes behind its consonant, into the consonant's run: the bold
    # run is left empty rather than holding a vowel sign cut off from its letter.
    words = UNICODE_SENTENCES[7].split(" ")
    assert [r.text for r in runs] == [words[0] + " ", "", " ".join(words[1:])]
    assert [bool(r.bold) for r in runs] == [False, True, False]
    assert {r.font.name for r in runs} == {"Pyidaungsu"}
    assert out.tables[0].cell(0, 1).text == UNICODE_SENTENCES[4]
    assert out.sections[0].header.paragraphs[0].text == UNICODE_SENTENCES[2]
    assert out.paragraphs[1].text == "Plain English, 中文 too."
    where = {c.where for c in result.changes if c.change and c.change.kind == "convert"}
    assert {"paragraph 1, run 1", "paragraph 3", "paragraph 5", "header 1, paragraph 1"} <= where


def test_formatting_stays_on_its_characters(tmp_path: Path) -> None:
    """A bold word inside a Zawgyi sentence stays bold, and only it."""
    import docx

    words = ZG[1].split(" ")
    path = word(
        tmp_path / "b.docx",
        [[(words[0] + " ", {}), (words[1], {"bold": True}), (" " + " ".join(words[2:]), {})]],
    )
    result = normalize_document(path.read_bytes(), "b.docx", Options())
    runs = docx.Document(io.BytesIO(result.data)).paragraphs[0].runs
    expected = UNICODE_SENTENCES[1].split(" ")
    assert [r.text for r in runs] == [expected[0] + " ", expected[1], " " + " ".join(expected[2:])]
    assert [bool(r.bold) for r in runs] == [False, True, False]


def test_unicode_word_document_is_left_byte_for_byte(tmp_path: Path) -> None:
    path = word(tmp_path / "u.docx", [[(s, {"font": "Pyidaungsu"})] for s in UNICODE_SENTENCES], cell="")
    data = path.read_bytes()
    result = normalize_document(data, "u.docx", Options())
    assert not result.changed
    assert result.data == data


def test_to_zawgyi_names_a_zawgyi_font(tmp_path: Path) -> None:
    import docx

    path = word(tmp_path / "u.docx", [[(UNICODE_SENTENCES[0], {"font": "Pyidaungsu"})]], cell="")
    result = normalize_document(path.read_bytes(), "u.docx", Options(target="zawgyi"))
    para = docx.Document(io.BytesIO(result.data)).paragraphs[0]
    assert para.text == ZG[0]
    assert para.runs[0].font.name == "Zawgyi-One"


def test_excel_cells_numbers_and_formulas(tmp_path: Path) -> None:
    import openpyxl

    path = workbook(tmp_path / "budget.xlsx")
    data = path.read_bytes()
    result = normalize_document(data, "budget.xlsx", Options(), explain=True)
    untouched(data, result.data, {"xl/worksheets/sheet1.xml", "xl/styles.xml"})
    sheet = openpyxl.load_workbook(io.BytesIO(result.data))["Budget"]
    assert sheet["A1"].value == UNICODE_SENTENCES[0]
    assert sheet["B7"].value == UNICODE_SENTENCES[2]
    assert sheet["B1"].value == 1500
    assert sheet["C1"].value == "=B1*2"
    assert sheet["D2"].value == "English only"
    assert sheet["A1"].font.name == "Pyidaungsu" and sheet["A1"].font.bold
    assert {"Budget!A1", "Budget!B7"} <= {c.where for c in result.changes}


def test_powerpoint_slides_and_notes(tmp_path: Path) -> None:
    import pptx

    path = presentation(tmp_path / "talk.pptx")
    data = path.read_bytes()
    result = normalize_document(data, "talk.pptx", Options(), explain=True)
    untouched(data, result.data, {"ppt/slides/slide1.xml", "ppt/notesSlides/notesSlide1.xml"})
    slide = pptx.Presentation(io.BytesIO(result.data)).slides[0]
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    assert texts == [UNICODE_SENTENCES[1], UNICODE_SENTENCES[7]]
    runs = next(s for s in slide.shapes if s.has_text_frame and s != slide.shapes.title).text_frame.paragraphs[0].runs
    words = UNICODE_SENTENCES[7].split(" ")
    assert [r.text for r in runs] == [words[0] + " ", "", " ".join(words[1:])]
    assert runs[1].font.bold
    assert {r.font.name for r in runs} == {"Pyidaungsu"}
    assert slide.notes_slide.notes_text_frame.text == UNICODE_SENTENCES[3]
    assert "notes of slide 1, paragraph 1" in {c.where for c in result.changes}


def test_opendocument_text_spans_and_spaces(tmp_path: Path) -> None:
    from odf import teletype
    from odf.opendocument import load
    from odf.text import P

    path = opendocument(tmp_path / "call.odt")
    data = path.read_bytes()
    result = normalize_document(data, "call.odt", Options(), explain=True)
    untouched(data, result.data, {"content.xml", "styles.xml"})
    assert names(result.data)[0] == "mimetype"
    doc = load(io.BytesIO(result.data))
    paragraphs = [teletype.extractText(p) for p in doc.getElementsByType(P)]
    words = UNICODE_SENTENCES[7].split(" ")
    assert paragraphs == [words[0] + "  " + " ".join(words[1:]), UNICODE_SENTENCES[2]]
    content = entries(result.data)["content.xml"].decode()
    assert "Zawgyi" not in content and "Pyidaungsu" in content


def test_fonts_are_evidence_not_an_override(tmp_path: Path) -> None:
    """ညေန (Zawgyi for ညနေ, evening) is too short for its text to decide: set in Zawgyi-One
    it is read as Zawgyi, silently, the font settling it. Set in Pyidaungsu, the font leans
    Unicode but the dictionary speaks against that reading (ညနေ is a word, ညေန is none):
    a prior, the font included, never outvotes the words, so it is converted, and never in
    silence. A clearly Unicode sentence set in Zawgyi-One stays as typed (and gets a
    Unicode font)."""
    import docx

    def run(font: str, text: str) -> tuple[str, list[str], list[str]]:
        path = word(tmp_path / f"{font}.docx", [[(text, {"font": font})]] * 3, cell="")
        result = normalize_document(path.read_bytes(), path.name, Options(), explain=True)
        out = docx.Document(io.BytesIO(result.data)).paragraphs[0].text
        evidence = [c.change.evidence for c in result.changes if c.change and c.change.kind == "convert"]
        codes = [d.diagnostic.code for d in result.diagnostics if d.diagnostic]
        return out, evidence, codes

    text, evidence, codes = run("Zawgyi-One", "ညေန")
    assert text == "ညနေ" and "fonts (3 Zawgyi, 0 Unicode Burmese) +1.4" in evidence[0]
    assert "ambiguous-encoding" not in codes  # the font settled what the text left open
    text, evidence, codes = run("Pyidaungsu", "ညေန")
    assert text == "ညနေ" and "fonts (0 Zawgyi, 3 Unicode Burmese) -1.4" in evidence[0]
    assert "the prior not counted" in evidence[0] and "ambiguous-encoding" in codes
    assert run("Zawgyi-One", UNICODE_SENTENCES[5])[0] == UNICODE_SENTENCES[5]


def test_word_styles_comments_and_text_boxes(tmp_path: Path) -> None:
    """A style set in Zawgyi-One (styles.xml) gets the Unicode font; a comment's text is
    normalized and named as the comments' paragraph."""
    import docx

    document = docx.Document()
    document.styles["Normal"].font.name = "Zawgyi-One"
    para = document.add_paragraph(ZG[0])
    document.add_comment(para.runs, text=ZG[1], author="Staff")
    path = tmp_path / "c.docx"
    document.save(str(path))
    result = normalize_document(path.read_bytes(), "c.docx", Options(), explain=True)
    out = docx.Document(io.BytesIO(result.data))
    assert out.styles["Normal"].font.name == "Pyidaungsu"
    assert out.paragraphs[0].text == UNICODE_SENTENCES[0]
    assert [c.text for c in out.comments] == [UNICODE_SENTENCES[1]]
    assert "comments, paragraph 1" in {c.where for c in result.changes}
    assert any(c.where.startswith("styles") for c in result.changes if c.change and c.change.kind == "font")


def test_opendocument_spreadsheet_cells(tmp_path: Path) -> None:
    from odf import teletype
    from odf.opendocument import load
    from odf.table import TableCell

    path = spreadsheet(tmp_path / "budget.ods")
    result = normalize_document(path.read_bytes(), "budget.ods", Options(), explain=True)
    assert {"Budget!A1", "Budget!B7"} <= {c.where for c in result.changes}
    cells = [teletype.extractText(c) for c in load(io.BytesIO(result.data)).getElementsByType(TableCell)]
    assert UNICODE_SENTENCES[0] in cells and UNICODE_SENTENCES[2] in cells and "1500" not in "".join(cells[:1])


def test_zip_written_as_a_stream(tmp_path: Path) -> None:
    """A package written to a pipe stores each entry's sizes after its data (a data
    descriptor); untouched entries are copied with theirs, the changed one without."""

    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self.written = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, data: bytes) -> int:  # type: ignore[override]
            self.written += data
            return len(data)

    source = word(tmp_path / "s.docx", [[(ZG[0], {})]], cell="").read_bytes()
    pipe = Pipe()
    with zipfile.ZipFile(io.BytesIO(source)) as a, zipfile.ZipFile(pipe, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            b.writestr(info.filename, a.read(info))
    streamed = bytes(pipe.written)
    result = normalize_document(streamed, "s.docx", Options())
    untouched(streamed, result.data, {"word/document.xml"})
    with zipfile.ZipFile(io.BytesIO(result.data)) as archive:
        flags = {i.filename: i.flag_bits & 0x08 for i in archive.infolist()}
    assert flags["word/document.xml"] == 0 and flags["word/styles.xml"] == 0x08


def test_word_text_box_inside_a_paragraph_and_footnotes(tmp_path: Path) -> None:
    """A text box is a paragraph inside a paragraph (Word stores it in the run that anchors
    it): each is judged on its own, and the outer one goes on after it. Footnotes are a part
    of their own. (The markup is Word's, added to a python-docx file by hand.)"""
    import docx

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    source = word(tmp_path / "t.docx", [[("BEFORE", {})]], cell="").read_bytes()
    parts = entries(source)
    box = (
        f'<w:r><w:t xml:space="preserve">{ZG[0]} </w:t></w:r>'
        "<w:r><w:pict><w:txbxContent>"
        f"<w:p><w:r><w:t>{ZG[1]}</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></w:r>"
        f"<w:r><w:t>{ZG[2]}</w:t></w:r>"
    )
    document = parts["word/document.xml"].decode().replace("<w:t>BEFORE</w:t></w:r>", "<w:t>B</w:t></w:r>" + box)
    footnotes = (
        f'<?xml version="1.0"?><w:footnotes {w}><w:footnote w:id="1">'
        f"<w:p><w:r><w:t>{ZG[3]}</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, document.encode() if name == "word/document.xml" else data)
        archive.writestr("word/footnotes.xml", footnotes.encode())
    result = normalize_document(out.getvalue(), "t.docx", Options(), explain=True)
    text = entries(result.data)["word/document.xml"].decode()
    assert f'<w:t xml:space="preserve">{UNICODE_SENTENCES[0]} </w:t>' in text
    assert f"<w:t>{UNICODE_SENTENCES[1]}</w:t>" in text and f"<w:t>{UNICODE_SENTENCES[2]}</w:t>" in text
    assert UNICODE_SENTENCES[3] in entries(result.data)["word/footnotes.xml"].decode()
    where = {c.where for c in result.changes}
    assert {"paragraph 1, run 2", "paragraph 2", "footnotes, paragraph 1"} <= where  # the box is paragraph 2
    assert docx.Document(io.BytesIO(result.data)).paragraphs[0].text.startswith("B" + UNICODE_SENTENCES[0])
