"""HTML pages: text and readable attributes normalized where they are written, nothing re-serialized.

A parser that writes the page back out changes what it does not keep (attribute
quoting, entity spellings, whitespace inside tags, an unclosed ``<p>``), so the page is
scanned instead, and only the stretches of text that change are rewritten, in place.

* **Paragraphs.** Text runs on through inline elements (``<b>``, ``<span>``, ``<a>`` …)
  and is cut at every other tag, so a paragraph bolded in mid-syllable is judged as one
  string and mapped back onto its pieces (``runs``), as in a Word document.
* **Attributes** a person reads (``alt``, ``title``, ``placeholder``, ``aria-label``,
  ``label``, and ``content`` of a description ``<meta>``) are each a paragraph of their own.
* ``<script>``, ``<style>``, comments and markup are never read as text; ``lang`` and every
  other attribute are left alone. A Zawgyi font in CSS (``font-family`` in a ``style``
  attribute or a ``<style>`` block, ``<font face>``) is renamed like a document's fonts.

Places are lines of the file (``page.html: line 12``), where an editor finds them.
"""

from __future__ import annotations

import dataclasses
import html
import re

from polyglot.batch.block import Options
from polyglot.burmese.changes import Change
from polyglot.documents.document import (
    FONT_REASON,
    DocumentResult,
    Located,
    Part,
    Places,
    normalize_parts,
)
from polyglot.documents.fonts import font_prior, rename_fonts
from polyglot.documents.runs import Piece
from polyglot.documents.xmlparts import Edits, Paragraph, Span, rewrite_piece
from polyglot.files import decode

INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "ins", "del", "kbd", "mark"}
    | {"q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"}
)
"""Elements that do not end a paragraph: text runs on through them."""

READABLE = frozenset({"alt", "title", "placeholder", "aria-label", "label"})
"""Attributes whose values people read."""

_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<![^>]*>|<\?[^>]*>"
    r"|<(?P<raw>script|style)\b(?P<rawattrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?P<body>.*?)(?:</(?P=raw)\s*>|$)"
    r"|<(?P<close>/)?(?P<name>[A-Za-z][^\s/>]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S | re.I,
)
_ATTRIBUTE = re.compile(r"([^\s=/]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_FONT_FAMILY = re.compile(r"(font-family\s*:\s*)((?:\"[^\"]*\"|'[^']*'|[^;}\"'<>])+)", re.I)
_FACE = re.compile(r"\bface\s*=\s*([\"'])([^\"']*)\1", re.I)
_DESCRIPTION = re.compile(r"\bname\s*=\s*[\"']?(?:description|og:description|twitter:description)\b", re.I)


class _Lines(Places):
    kind = "html"

    def __init__(self, text: str, paragraphs: list[Paragraph]) -> None:
        self.text = text
        self.starts = {p.number: p.start for p in paragraphs}

    def line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def __call__(self, part: str, paragraph: int, run: int | None = None) -> str:
        return f"line {self.line(self.starts.get(paragraph, 0))}"

    def outside(self, part: Part, offset: int) -> str:
        return f"line {self.line(offset)}"


def paragraphs(text: str) -> list[Paragraph]:
    """The page's paragraphs of text, and each readable attribute as a paragraph of its own."""
    found: list[Paragraph] = []
    current: Paragraph | None = None

    def new(start: int) -> Paragraph:
        para = Paragraph(len(found) + 1, start)
        found.append(para)
        return para

    def add(para: Paragraph, start: int, end: int, raw: str, tag: tuple[int, int]) -> None:
        para.pieces.append(Piece(html.unescape(raw)))
        para.spans.append(Span(start, end))
        para.holder_tags.append(tag)

    at = 0
    last_tag = (0, 0)
    for m in _TOKEN.finditer(text):
        if m.start() > at and (current is not None or text[at : m.start()].strip()):
            if current is None:
                current = new(at)
            add(current, at, m.start(), text[at : m.start()], last_tag)
        at = m.end()
        name = (m.group("name") or "").lower()
        if not (name in INLINE and not m.group("raw")) and not m.group(0).startswith("<!--"):
            current = None  # any other tag ends the paragraph
        last_tag = (m.start(), m.end())
        attrs = m.group("attrs")
        if name and not m.group("close") and attrs:
            describes = name == "meta" and _DESCRIPTION.search(attrs) is not None
            for a in _ATTRIBUTE.finditer(attrs):
                key = a.group(1).lower()
                if key in READABLE or (describes and key == "content"):
                    raw = a.group(2)
                    quoted = raw[:1] in "\"'"
                    start = m.start("attrs") + a.start(2) + (1 if quoted else 0)
                    end = m.start("attrs") + a.end(2) - (1 if quoted else 0)
                    if text[start:end].strip():
                        add(new(start), start, end, text[start:end], last_tag)
    if at < len(text) and text[at:].strip():
        add(current or new(at), at, len(text), text[at:], last_tag)
    return found


def _rewrite(edits: Edits, text: str, span: Span, tag: tuple[int, int], old: str, new: str) -> None:
    rewrite_piece(edits, text, span, tag, old, new, references=REFERENCE, decode=html.unescape)


def _font_spans(text: str) -> list[tuple[int, int]]:
    """Where the page names fonts: ``font-family`` in ``<style>`` and ``style``, ``<font face>``."""
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        if m.group("raw") and m.group("raw").lower() == "style":
            inside, base = m.group("body"), m.start("body")
        elif m.group("name") and not m.group("close"):
            inside, base = m.group("attrs"), m.start("attrs")
            if m.group("name").lower() == "font":
                spans.extend((base + f.start(2), base + f.end(2)) for f in _FACE.finditer(inside))
        else:
            continue
        spans.extend((base + f.start(2), base + f.end(2)) for f in _FONT_FAMILY.finditer(inside))
    return spans


def _rename_fonts(
    part: Part, places: _Lines, options: Options, replacement: str, changes: list[Located] | None
) -> None:
    """``font-family`` in styles and ``<font face>``: a font of the target encoding."""
    text = part.text
    if options.target == "unicode" and "zawgyi" not in text.lower():
        return
    for start, end in _font_spans(text):
        value = text[start:end]  # as written: a replacement keeps the value's quoting and escapes
        new = rename_fonts(value, options.target, replacement)
        if new != value:
            part.edits.replace(start, end, new)
            if changes is not None:
                line = places.line(start)
                column = start - text.rfind("\n", 0, start)
                changes.append(
                    Located(
                        places.outside(part, start),
                        change=Change("font", "font_for_encoding", line, column, value, new, FONT_REASON),
                    )
                )


def normalize_html(
    data: bytes, name: str, options: Options, *, explain: bool, font: str, jobs: int = 1
) -> DocumentResult:
    """Normalize an HTML page's text (UTF-8; bad bytes are an ``InputError`` naming the line)."""
    page = decode(data, name)
    text = page.text
    found = paragraphs(text)
    part = Part(name, text, "utf-8", found)
    places = _Lines(text, found)
    if options.source == "auto":
        options = dataclasses.replace(options, prior=font_prior(text[a:b] for a, b in _font_spans(text)))
    changes: list[Located] = []
    diagnostics: list[Located] = []
    shown: list[tuple[str, str, str]] = []
    normalize_parts([part], places, _rewrite, options, explain, jobs, changes, diagnostics, shown)
    _rename_fonts(part, places, options, font, changes if explain else None)
    if not part.edits.spans:
        return DocumentResult(data, False, "html", tuple(changes), tuple(diagnostics), tuple(shown))
    return DocumentResult(
        page.encode(part.edits.apply(text)),
        True,
        "html",
        tuple(changes),
        tuple(diagnostics),
        tuple(shown),
    )
