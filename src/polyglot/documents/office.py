"""Office Open XML (.docx, .xlsx, .pptx) and OpenDocument (.odt, .ods, .odp): which parts
hold text, which elements are paragraphs, runs and fonts, and how a place is named.

Only these parts are opened; every other entry (images, relationships, numbers,
formulas, macros: a ``.docm``'s or ``.xlsm``'s ``vbaProject.bin`` is kept untouched,
like any entry polyglot has no business reading) is written back as it was. In a sheet
only inline strings are text: numbers, formulas and their cached results are never read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from polyglot.documents.xmlparts import Grammar, Name

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _names(uri: str, *locals_: str) -> frozenset[Name]:
    return frozenset((uri, local) for local in locals_)


def _const(text: str) -> Callable[[dict[Name, str]], str]:
    return lambda attrs: text


def _spaces(attrs: dict[Name, str]) -> str:
    count = attrs.get((TEXT, "c"), "1")
    return " " * (int(count) if count.isdigit() else 1)


OOXML = Grammar(
    paragraphs=_names(W, "p") | _names(A, "p") | _names(S, "si", "is", "text"),
    holders=_names(W, "t") | _names(A, "t") | _names(S, "t"),
    fixed={
        (W, "tab"): _const("\t"),
        (W, "br"): _const("\n"),
        (W, "cr"): _const("\n"),
        (A, "br"): _const("\n"),
    },
    skipped=_names(S, "rPh") | _names(W, "pPr", "rPr") | _names(A, "pPr", "rPr"),
)
"""Word's ``w:p``/``w:t`` (body, tables, headers, footers, notes, comments, text boxes),
DrawingML's ``a:p``/``a:t`` (slides, notes, shapes, charts), a sheet's shared and inline
strings and comments (``si``, ``is``, ``text``; never the phonetic guide ``rPh``). A tab
in properties (``w:pPr``'s tab stops) is not text."""

ODF = Grammar(
    paragraphs=_names(TEXT, "p", "h"),
    holders=_names(TEXT, "p", "h", "span", "a", "ruby-base", "meta", "sender-firstname"),
    fixed={(TEXT, "s"): _spaces, (TEXT, "tab"): _const("\t"), (TEXT, "line-break"): _const("\n")},
)
"""OpenDocument keeps text as mixed content of ``text:p``/``text:h`` and ``text:span``;
spaces beyond the first are ``text:s``."""


@dataclass(frozen=True)
class Format:
    """A kind of package: its name for messages, its grammar and the parts that hold text or fonts."""

    name: str
    grammar: Grammar
    text_parts: re.Pattern[str]
    font_parts: re.Pattern[str]
    xml_space: str = ""
    """The attribute that keeps a text element's leading and trailing spaces (Word's ``xml:space``)."""


FORMATS = {
    "docx": Format(
        "Word document",
        OOXML,
        re.compile(
            r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments\w*|diagrams/data\d*|charts/chart\d*)\.xml"
        ),
        re.compile(r"word/(styles|fontTable|numbering|theme/theme\d*)\.xml"),
        "xml:space",
    ),
    "xlsx": Format(
        "Excel workbook",
        OOXML,
        re.compile(r"xl/(sharedStrings|worksheets/sheet\d+|comments\d*|charts/chart\d*)\.xml"),
        re.compile(r"xl/(styles|theme/theme\d*)\.xml"),
        "xml:space",
    ),
    "pptx": Format(
        "PowerPoint presentation",
        OOXML,
        re.compile(r"ppt/(slides/slide\d+|notesSlides/notesSlide\d+|comments/comment\d+|charts/chart\d*)\.xml"),
        re.compile(
            r"ppt/(slideMasters/slideMaster\d+|slideLayouts/slideLayout\d+|notesMasters/notesMaster\d+|theme/theme\d*|presentation)\.xml"
        ),
    ),
    "odf": Format(
        "OpenDocument file",
        ODF,
        re.compile(r"content\.xml|styles\.xml"),
        re.compile(r"$^"),
    ),
}

FONT_ATTRIBUTES = {
    "rFonts": {"ascii", "hAnsi", "cs", "eastAsia"},
    "font": {"name", "typeface"},
    "latin": {"typeface"},
    "ea": {"typeface"},
    "cs": {"typeface"},
    "sym": {"typeface"},
    "name": {"val"},
    "rFont": {"val"},
    "font-face": {"name", "font-family"},
    "text-properties": {
        "font-name",
        "font-name-asian",
        "font-name-complex",
        "font-family",
        "font-family-asian",
        "font-family-complex",
    },
}
"""Where each format names fonts: element local name → attribute local names (Word's run
fonts and font table, DrawingML's typefaces in slides and themes, a sheet's font names,
OpenDocument's font declarations and text properties). Style names that merely contain
a font's name are not fonts and are never renamed."""


def kind_of_package(names: list[str], read: Callable[[str], bytes]) -> str | None:
    """The package's format from its content (not its name): its main part or ``mimetype``."""
    found = set(names)
    if "mimetype" in found:
        mime = read("mimetype").decode("ascii", "replace").strip()
        return "odf" if mime.startswith("application/vnd.oasis.opendocument.") else None
    if "word/document.xml" in found:
        return "docx"
    if "xl/workbook.xml" in found:
        return "xlsx"
    if "ppt/presentation.xml" in found:
        return "pptx"
    return None


_NUMBERED = re.compile(r"(\D*?)(\d+)\.xml$")


def place(kind: str, part: str) -> str:
    """How a person finds a part: ``slide 3``, ``header 1``, ``notes of slide 2``; empty for the body.

    >>> place("pptx", "ppt/notesSlides/notesSlide2.xml"), place("docx", "word/document.xml")
    ('notes of slide 2', '')
    """
    base = part.rsplit("/", 1)[-1]
    if base in ("document.xml", "content.xml"):
        return ""
    if kind == "odf" and base == "styles.xml":
        return "headers and footers"
    m = _NUMBERED.match(base)
    stem, number = (m.group(1), m.group(2)) if m else (base.removesuffix(".xml"), "")
    label = {
        "notesSlide": "notes of slide",
        "sharedStrings": "shared strings",
        "sheet": "sheet",
        "data": "diagram",
    }.get(stem, stem)
    return f"{label} {number}".strip()


_SHEET = re.compile(r"<(?:\w+:)?sheet\s[^>]*?>")
_ATTR_VALUE = r"\b{}\s*=\s*[\"']([^\"']*)[\"']"
_CELL = re.compile(r"<(?:\w+:)?c\s([^>]*?)/?>")
_SHARED_VALUE = re.compile(r"\s*<(?:\w+:)?v>(\d+)</(?:\w+:)?v>")
_RELATIONSHIP = re.compile(r"<(?:\w+:)?Relationship\s[^>]*?>")


def _attr(tag: str, name: str) -> str | None:
    m = re.search(_ATTR_VALUE.format(name), tag)
    return m.group(1) if m else None


def sheet_names(read: Callable[[str], bytes]) -> dict[str, str]:
    """Each worksheet part's name as the workbook's tabs show it (``xl/worksheets/sheet1.xml`` → ``Budget``)."""
    try:
        workbook = read("xl/workbook.xml").decode("utf-8", "replace")
        rels = read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return {}
    targets = {}
    for tag in _RELATIONSHIP.findall(rels):
        rid, target = _attr(tag, "Id"), _attr(tag, "Target")
        if rid and target:
            targets[rid] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    names = {}
    for tag in _SHEET.findall(workbook):
        rid = _attr(tag, r"\w+:id")
        name = _attr(tag, "name")
        if rid in targets and name is not None:
            names[targets[rid]] = unescape_attribute(name)
    return names


def unescape_attribute(value: str) -> str:
    from polyglot.documents.xmlparts import unescape

    return unescape(value)


def cells(text: str) -> list[tuple[int, str, int | None]]:
    """A worksheet's cells: (offset of the cell's tag, its reference, its shared string's index if any)."""
    found = []
    for m in _CELL.finditer(text):
        ref = _attr(m.group(1), "r") or "?"
        shared = None
        if _attr(m.group(1), "t") == "s" and not m.group(0).endswith("/>"):
            v = _SHARED_VALUE.match(text, m.end())
            shared = int(v.group(1)) if v else None
        found.append((m.start(), ref, shared))
    return found


TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def column_name(index: int) -> str:
    """A spreadsheet's name for a 0-based column: A … Z, AA …

    >>> column_name(0), column_name(25), column_name(26)
    ('A', 'Z', 'AA')
    """
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _repeat(tag: str, attribute: str) -> int:
    value = _attr(tag, attribute)
    return int(value) if value and value.isdigit() else 1


def opendocument_cells(text: str) -> list[tuple[int, str]]:
    """Each OpenDocument table cell's start and its name as a spreadsheet shows it
    (``Sheet1!B7``), counting rows and columns repeated by ``number-*-repeated``."""
    found: list[tuple[int, str]] = []
    table = ""
    row = col = 0
    for m in re.finditer(r"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>", text):
        close, element, attrs, empty = m.groups()
        if element == "table" and not close:
            table, row = (_attr(attrs, "table:name") or "Table").replace("&apos;", "'"), 0
        elif element == "table-row" and not close:
            col = 0
        elif element == "table-row" and close:
            row += 1
        elif element in ("table-cell", "covered-table-cell") and not close:
            found.append((m.start(), f"{table}!{column_name(col)}{row + 1}"))
            col += _repeat(attrs, "table:number-columns-repeated")
        if element == "table-row" and not close and empty:
            row += _repeat(attrs, "table:number-rows-repeated")
    return found
