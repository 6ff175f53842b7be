"""Documents made with the libraries that write them for real (python-docx, openpyxl,
python-pptx, odfpy), Burmese typed in Zawgyi and set in Zawgyi-One, as staff receive them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from polyglot.burmese.convert import unicode_to_zawgyi
from tests.conftest import UNICODE_SENTENCES

ZG = [unicode_to_zawgyi(s) for s in UNICODE_SENTENCES]
"""The test sentences as a Zawgyi typist's keyboard stores them."""

WORDS = ZG[7].split(" ")
PREBASE_RUNS = [WORDS[0] + " ", WORDS[1][:1], WORDS[1][1:] + " " + " ".join(WORDS[2:])]
"""ZG[7] in three runs, the middle one Zawgyi's pre-base E (ေ) alone, typed before its
consonant (the second word is ကျောင်း…): the way Word splits it when only the vowel is bold."""
assert PREBASE_RUNS[1] == "\u1031"


def word(
    path: Path, paragraphs: list[list[tuple[str, dict[str, object]]]], header: str = "", cell: str = ZG[4]
) -> Path:
    """A Word document: each paragraph a list of runs (text, {"bold":…, "font":…}), then a
    table with ``cell`` in its second cell, and ``header`` in the header."""
    import docx

    document = docx.Document()
    for runs in paragraphs:
        para = document.add_paragraph()
        for text, style in runs:
            run = para.add_run(text)
            run.bold = style.get("bold")  # type: ignore[assignment]
            if "font" in style:
                run.font.name = str(style["font"])
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 1).text = cell
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.save(str(path))
    return path


def workbook(path: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Budget"
    sheet["A1"] = ZG[0]
    sheet["A1"].font = Font(name="Zawgyi-One", bold=True)
    sheet["B1"] = 1500
    sheet["C1"] = "=B1*2"
    sheet["B7"] = ZG[2]
    sheet["D2"] = "English only"
    book.save(str(path))
    return path


def presentation(path: Path) -> Path:
    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = ZG[1]
    frame = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(1)).text_frame
    para = frame.paragraphs[0]
    for i, text in enumerate(PREBASE_RUNS):
        run = para.add_run()
        run.text = text
        run.font.bold = i == 1
        run.font.name = "Zawgyi-One"
    slide.notes_slide.notes_text_frame.text = ZG[3]
    deck.save(str(path))
    return path


def opendocument(path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import FontFace, Style, TextProperties
    from odf.text import P, S, Span

    doc = OpenDocumentText()
    doc.fontfacedecls.addElement(FontFace(name="Zawgyi-One", fontfamily="'Zawgyi-One'"))
    bold = Style(name="B", family="text")
    bold.addElement(TextProperties(fontweight="bold", fontname="Zawgyi-One"))
    doc.automaticstyles.addElement(bold)
    words = ZG[7].split(" ")
    para = P()
    para.addElement(Span(stylename=bold, text=words[0][:1]))
    para.addText(words[0][1:])
    para.addElement(S(c=2))
    para.addText(" ".join(words[1:]))
    doc.text.addElement(para)
    doc.text.addElement(P(text=ZG[2]))
    doc.save(str(path))
    return path


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


ZAWGYI_FONT = Path("/usr/share/fonts/truetype/mm/ZawgyiOne2008.ttf")
"""Debian's fonts-myanmar (scripts/system-deps installs it for the tests)."""


def pdf(path: Path, password: str = "") -> Path:
    """A PDF typed in Zawgyi-One, as ReportLab writes it with the font embedded: two pages,
    the second breaking a line inside the word အခွင့်အရေး, as a PDF's wrapping does."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Zawgyi-One", str(ZAWGYI_FONT)))
    page = canvas.Canvas(str(path), encrypt=password or None)
    page.setFont("Zawgyi-One", 14)
    page.drawString(72, 800, ZG[0])
    page.drawString(72, 780, ZG[1])
    page.showPage()
    page.setFont("Zawgyi-One", 14)
    cut = ZG[3].index("\u1021\u1031\u101b\u1038")  # before အေရး
    page.drawString(72, 800, ZG[3][:cut])
    page.drawString(72, 780, ZG[3][cut:])
    page.setFont("Helvetica", 12)
    page.drawString(72, 700, "Deadline: 30 November 2018.")
    page.save()
    return path


def spreadsheet(path: Path) -> Path:
    """An OpenDocument spreadsheet: Budget!A1 and Budget!B7 in Zawgyi, rows 2-6 one repeated
    empty row and A7 a repeated empty cell (as LibreOffice stores them), B1 a number."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Budget")
    first = TableRow()
    cell = TableCell()
    cell.addElement(P(text=ZG[0]))
    first.addElement(cell)
    first.addElement(TableCell(valuetype="float", value="1500"))
    table.addElement(first)
    table.addElement(TableRow(numberrowsrepeated=5))
    seventh = TableRow()
    seventh.addElement(TableCell(numbercolumnsrepeated=1))
    cell = TableCell()
    cell.addElement(P(text=ZG[2]))
    seventh.addElement(cell)
    table.addElement(seventh)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def pdf_of_lines(path: Path, lines: list[str]) -> Path:
    """Each line drawn in Zawgyi-One, one under the other, as a PDF writer sets a text."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Zawgyi-One", str(ZAWGYI_FONT)))
    page = canvas.Canvas(str(path))
    page.setFont("Zawgyi-One", 11)
    for i, line in enumerate(lines):
        page.drawString(40, 800 - 16 * i, line)
    page.save()
    return path
