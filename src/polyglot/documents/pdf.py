"""PDF, read only: the text layer out, repaired and normalized, its line breaks joined.

The library is pypdf (pure Python, maintained, no compiled parts). pdfminer.six was
tried first and rejected for Burmese: its layout analysis groups characters by where
they are drawn, and Burmese marks drawn above or below their letter are cut off into
lines of their own (on a PDF ReportLab made with ZawgyiOne2008, four lines came out as
eighteen fragments). pypdf gives each text-showing operation's characters in the order
the writer stored them, which is the order they were typed, and names the font of each
(``/BaseFont``): the embedded font is evidence of the encoding, reported with the text.

The extracted lines are normalized as one text with one line per PDF line, so every
change and problem is placed at ``page 2, line 5``; only then are the lines joined into
paragraphs by the rule ingest uses (``content.document.fold``: a space only where a
Burmese phrase ends, nothing inside a word or between Chinese characters), and a page's
paragraphs cut where a line ends a sentence well short of the margin
(``catalog.ingest.split_paragraphs``). A PDF is never rewritten.
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass

from polyglot.batch.block import Options
from polyglot.burmese.segment import has_myanmar
from polyglot.documents.document import DocumentResult, Located, text_lines
from polyglot.documents.fonts import font_encoding, font_prior
from polyglot.documents.package import PackageError

REPLACEMENT = "\ufffd"
"""What a NUL in the text layer becomes. A PDF's text never holds NUL: pypdf gives one for a
glyph whose character the writer did not record (the font lacked it, the ToUnicode map
skips it), which is exactly what U+FFFD stands for; as U+FFFD the lost-letter repair can
weigh it like the other stand-ins PDFs leave."""


@dataclass(frozen=True)
class PdfLine:
    page: int
    line: int
    text: str


def read_pdf(data: bytes) -> tuple[list[PdfLine], dict[int, set[str]]]:
    """The text layer's lines, and each page's fonts that drew Myanmar text (raises ``PackageError``)."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PackageError("is an encrypted or password-protected PDF: save it without a password first")
        lines: list[PdfLine] = []
        fonts: dict[int, set[str]] = {}
        for number, page in enumerate(reader.pages, 1):
            used: set[str] = set()

            def visit(text: str, cm: object, tm: object, font: dict[str, object] | None, size: object) -> None:
                if font and has_myanmar(text):
                    used.add(str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1])  # noqa: B023

            text = page.extract_text(visitor_text=visit)
            fonts[number] = used
            text = text.replace("\x00", REPLACEMENT)
            lines.extend(PdfLine(number, i, line.rstrip()) for i, line in enumerate(text.split("\n"), 1))
            if lines and lines[-1].page == number and not lines[-1].text:
                lines.pop()  # the page's text ends with a line break
    except PackageError:
        raise
    except (FileNotDecryptedError, PdfReadError, PyPdfError, ValueError, KeyError, OSError) as err:
        raise PackageError(f"is not a PDF polyglot can read ({err})") from None
    return lines, fonts


def normalize_pdf(data: bytes, options: Options, *, explain: bool = False, jobs: int = 1) -> DocumentResult:
    """The PDF's repaired text (``data`` of the result: UTF-8), paragraphs joined, pages apart."""
    from polyglot.batch.block import blocks, normalize_blocks
    from polyglot.catalog.ingest import split_paragraphs
    from polyglot.content.document import Block

    lines, fonts = read_pdf(data)
    if options.source == "auto":
        options = dataclasses.replace(options, prior=font_prior(name for names in fonts.values() for name in names))
    source = "".join(line.text + "\n" for line in lines)
    changes: list[Located] = []
    diagnostics: list[Located] = []
    out: list[str] = []

    def where(line: int) -> str:
        found = lines[min(line, len(lines)) - 1] if lines else PdfLine(1, 1, "")
        return f"page {found.page}, line {found.line}"

    for block in normalize_blocks(blocks(text_lines(source)), options, jobs=jobs, explain=explain):
        out.append(block.text)
        changes.extend(Located(where(c.line), change=c) for c in block.changes)
        diagnostics.extend(Located(where(d.line), diagnostic=d) for d in block.diagnostics)
    result = "".join(out).split("\n")
    pages: list[str] = []
    for page in sorted({line.page for line in lines}):
        raw = "\n".join(result[i] for i, line in enumerate(lines) if line.page == page)
        paragraphs = [
            b.text
            for chunk in raw.split("\n\n")
            if chunk.strip()
            for b in split_paragraphs(Block("paragraph", chunk, 1, 1, chunk))
        ]
        pages.append("\n\n".join(paragraphs))
    text = "\n\n".join(p for p in pages if p) + "\n"
    notes = tuple(
        f"page {page}: Burmese set in {name}"
        + {"zawgyi": " (a Zawgyi font)", "unicode": " (a Unicode font)", None: ""}[font_encoding(name)]
        for page, names in sorted(fonts.items())
        for name in sorted(names)
    )
    shown = tuple(
        (f"page {line.page}, line {line.line}", line.text, result[i])
        for i, line in enumerate(lines)
        if result[i] != line.text
    )
    return DocumentResult(text.encode("utf-8"), bool(shown), "pdf", tuple(changes), tuple(diagnostics), shown, notes)
