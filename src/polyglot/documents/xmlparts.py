"""XML parts edited in place: the text of chosen elements changes, every other byte stays.

A parser that re-serializes a part rewrites what it does not understand (namespace
prefixes, quoting, the declaration, whitespace between attributes); Word, Excel and
LibreOffice do not care, but a reviewer comparing files does, and "every other byte
kept" is the promise. So a part is read twice: once by expat, to know it is well-formed
XML (a part that is not is refused), and once by a scanner that finds the character
data of the elements that hold text, with their offsets, so that only those spans are
rewritten.

Entities: a document part never needs a document type declaration, and one is how
external entities (XXE) and entity expansion bombs get in, so a part that declares one
is refused; without one, only XML's five predefined entities and character references
exist, and the scanner decodes those itself. Nothing is ever fetched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

from polyglot.documents.runs import Piece

XML_NS = "http://www.w3.org/XML/1998/namespace"

TAG_OR_TEXT = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<\?.*?\?>|<!(?P<decl>[^>]*)>"
    r"|<(?P<close>/)?(?P<name>[^\s/>]+)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(?P<empty>/)?>",
    re.S,
)
ATTRIBUTE = re.compile(r"([^\s=]+)\s*=\s*(\"[^\"]*\"|'[^']*')")
REFERENCE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


class PartError(ValueError):
    """A part that is not well-formed XML, or declares a document type: its message says which."""


def unescape(text: str) -> str:
    """Character data with XML's predefined entities and character references decoded."""

    def one(m: re.Match[str]) -> str:
        ref = m.group(1)
        if ref.startswith("#x"):
            return chr(int(ref[2:], 16))
        if ref.startswith("#"):
            return chr(int(ref[1:]))
        return _NAMED[ref]

    return REFERENCE.sub(one, text) if "&" in text else text


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str, quote: str) -> str:
    return escape(text).replace(quote, "&quot;" if quote == '"' else "&apos;")


def check_well_formed(data: bytes) -> None:
    """Refuse ``data`` unless it is well-formed XML without a document type declaration."""

    def refuse(*args: object) -> None:
        raise PartError(
            "declares a document type (<!DOCTYPE>), which document parts never need: refused, "
            "entities are never resolved"
        )

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        raise PartError(
            f"not well-formed XML (line {err.lineno}, column {err.offset + 1}: {expat.ErrorString(err.code)})"
        ) from None


def decode_part(data: bytes) -> tuple[str, str]:
    """The part's text and its encoding (UTF-8, with or without a byte order mark, or UTF-16)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    return data.decode("utf-8"), "utf-8"


@dataclass(frozen=True)
class Span:
    """Where a piece's text is stored in the part: character data, or an attribute's value."""

    start: int
    end: int
    cdata: bool = False
    quote: str = ""
    """For an attribute value: its quote character."""


@dataclass
class Paragraph:
    """A paragraph found in a part: its pieces, where each is stored, and its number in the part."""

    number: int
    start: int = 0
    """Where its start tag begins in the part."""
    end: int = 0
    """Where its end tag ends."""
    pieces: list[Piece] = field(default_factory=list)
    spans: list[Span | None] = field(default_factory=list)
    """None for a fixed piece (markup standing for text: nothing to rewrite)."""
    holder_tags: list[tuple[int, int]] = field(default_factory=list)
    """For each piece, the start tag of the element holding it (to mark spaces as preserved)."""

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


Name = tuple[str, str]
"""An element's (namespace URI, local name)."""


@dataclass(frozen=True)
class Grammar:
    """Which elements of a format are paragraphs, which hold their text, which stand for text."""

    paragraphs: frozenset[Name]
    holders: frozenset[Name]
    """An element whose own character data is paragraph text."""
    fixed: dict[Name, Callable[[dict[Name, str]], str]] = field(default_factory=dict)
    """An empty element standing for text (a tab, a line break), and the text it stands for."""
    skipped: frozenset[Name] = frozenset()
    """Elements whose content is never paragraph text (deleted text, phonetic guides)."""


def _qname(name: str, scopes: list[dict[str, str]]) -> Name:
    prefix, _, local = name.rpartition(":")
    for scope in reversed(scopes):
        if prefix in scope:
            return scope[prefix], local
    return ("", local)


def attributes(attrs: str, scopes: list[dict[str, str]]) -> dict[Name, str]:
    out: dict[Name, str] = {}
    for name, value in ATTRIBUTE.findall(attrs):
        prefix, _, local = name.rpartition(":")
        uri = "" if not prefix else _qname(name, scopes)[0] if prefix != "xml" else XML_NS
        out[(uri, local)] = unescape(value[1:-1])
    return out


def scan(text: str, grammar: Grammar) -> Iterator[Paragraph]:
    """Every paragraph of ``grammar`` in the part ``text`` (checked well-formed), in document order.

    A paragraph inside another (a text box, a footnote's body, a comment anchored in it)
    is a paragraph of its own; the outer one goes on after it.
    """
    scopes: list[dict[str, str]] = [{"xml": XML_NS}]
    stack: list[tuple[Name, int, int]] = []  # element, its start tag's (start, end)
    open_paragraphs: list[Paragraph] = []
    skipping = 0
    count = 0
    at = 0

    def holder() -> tuple[int, int] | None:
        if open_paragraphs and not skipping and stack and stack[-1][0] in grammar.holders:
            return stack[-1][1], stack[-1][2]
        return None

    def add_text(start: int, end: int, value: str, cdata: bool) -> None:
        where = holder()
        if where is None or not value:
            return
        para = open_paragraphs[-1]
        para.pieces.append(Piece(value))
        para.spans.append(Span(start, end, cdata))
        para.holder_tags.append(where)

    for m in TAG_OR_TEXT.finditer(text):
        if m.start() > at:
            add_text(at, m.start(), unescape(text[at : m.start()]), False)
        at = m.end()
        if m.group("cdata") is not None:
            add_text(m.start("cdata"), m.end("cdata"), m.group("cdata"), True)
            continue
        name = m.group("name")
        if name is None:
            continue
        if m.group("close"):
            element, _, _ = stack.pop()
            scopes.pop()
            if element in grammar.skipped:
                skipping -= 1
            if element in grammar.paragraphs:
                done = open_paragraphs.pop()
                done.end = m.end()
                yield done
            continue
        attrs = m.group("attrs")
        scope = {}
        if "xmlns" in attrs:
            for key, value in ATTRIBUTE.findall(attrs):
                if key == "xmlns" or key.startswith("xmlns:"):
                    scope[key[6:]] = unescape(value[1:-1])
        scopes.append(scope)
        element = _qname(name, scopes)
        if element in grammar.fixed and open_paragraphs and not skipping:
            para = open_paragraphs[-1]
            para.pieces.append(Piece(grammar.fixed[element](attributes(attrs, scopes)), fixed=True))
            para.spans.append(None)
            para.holder_tags.append((m.start(), m.end()))
        if m.group("empty"):
            scopes.pop()
            if element in grammar.paragraphs:
                count += 1
                yield Paragraph(count, m.start(), m.end())
            continue
        stack.append((element, m.start(), m.end()))
        if element in grammar.skipped:
            skipping += 1
        if element in grammar.paragraphs:
            count += 1
            open_paragraphs.append(Paragraph(count, m.start()))


@dataclass
class Edits:
    """Replacements in a part's text, applied at once (offsets into the original text)."""

    spans: dict[int, tuple[int, str]] = field(default_factory=dict)

    def replace(self, start: int, end: int, new: str) -> None:
        self.spans[start] = (end, new)

    def apply(self, text: str) -> str:
        out: list[str] = []
        at = 0
        for start in sorted(self.spans):
            end, new = self.spans[start]
            out.append(text[at:start])
            out.append(new)
            at = end
        out.append(text[at:])
        return "".join(out)


def _starts(raw: str, references: re.Pattern[str], decode: Callable[[str], str]) -> list[int]:
    """For each character of ``raw`` decoded, where it starts in ``raw`` (and ``len(raw)`` last)."""
    starts: list[int] = []
    at = 0
    for m in references.finditer(raw):
        starts.extend(range(at, m.start()))
        starts.extend([m.start()] * len(decode(m.group())))
        at = m.end()
    starts.extend(range(at, len(raw) + 1))
    return starts


def rewrite_piece(
    edits: Edits,
    text: str,
    span: Span,
    holder_tag: tuple[int, int],
    old: str,
    new: str,
    xml_space: str = "",
    references: re.Pattern[str] = REFERENCE,
    decode: Callable[[str], str] = unescape,
) -> None:
    """Replace the stretch of a piece's stored text that changed from ``old`` to ``new``.

    Only the changed stretch is rewritten: what comes before and after it keeps its
    spelling (a character reference, an entity). Where ``xml_space`` names an attribute
    (``xml:space`` in Word) and the new text begins or ends with a space, the holder is
    marked so that the space is kept.
    """
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    changed = new[prefix : len(new) - suffix]
    if span.cdata:
        starts = list(range(span.end - span.start + 1))
        stored = changed if "]]>" not in changed else changed.replace("]]>", "]]]]><![CDATA[>")
    else:
        starts = _starts(text[span.start : span.end], references, decode)
        stored = escape(changed)
    edits.replace(span.start + starts[prefix], span.start + starts[len(old) - suffix], stored)
    if xml_space and new != new.strip(" "):
        start, end = holder_tag
        tag = text[start:end]
        close = end - 2 if tag.endswith("/>") else end - 1
        if xml_space not in tag and close not in edits.spans:
            edits.replace(close, close, f' {xml_space}="preserve"')
