"""One document normalized: its paragraphs judged as text, the results written back in place.

All the paragraphs of a document, in the order of its parts, are one text with one
paragraph per line, normalized exactly as a ``.txt`` file holding those lines would be
(``batch.blocks`` and ``normalize_blocks``: the same blocks, the same context, the same
``normalize_text``). So a Word document and its text saved as ``.txt`` come out with
the same Burmese; the document only adds where each piece of text is stored
(``xmlparts``) and how the result is cut back onto its runs (``runs``).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from polyglot.batch.block import Options, blocks, normalize_blocks
from polyglot.burmese.changes import Change
from polyglot.burmese.diagnose import Diagnostic
from polyglot.burmese.shortcuts import shortcuts_on
from polyglot.documents.fonts import MAY_NAME_BURMESE_FONT, font_prior, rename_fonts
from polyglot.documents.office import (
    FONT_ATTRIBUTES,
    FORMATS,
    cells,
    kind_of_package,
    opendocument_cells,
    place,
    sheet_names,
)
from polyglot.documents.package import Package, PackageError
from polyglot.documents.runs import split_result
from polyglot.documents.xmlparts import (
    ATTRIBUTE,
    TAG_OR_TEXT,
    Edits,
    Paragraph,
    PartError,
    Span,
    check_well_formed,
    decode_part,
    escape_attribute,
    rewrite_piece,
    scan,
    unescape,
)

FONT_REASON = (
    "Zawgyi is a font encoding: converted text set in a Zawgyi font shows as garbage where that font is "
    "installed, so a font of the text's new encoding is named instead (and the reverse for --to zawgyi)"
)
UNMAPPED = "unmapped-runs"


@dataclass(frozen=True)
class Located:
    """A change or a problem, with the place in the document a person can find."""

    where: str
    change: Change | None = None
    diagnostic: Diagnostic | None = None

    def to_dict(self) -> dict[str, object]:
        item = self.change if self.change is not None else self.diagnostic
        assert item is not None
        return {"where": self.where, **item.to_dict()}


@dataclass(frozen=True)
class DocumentResult:
    """What normalizing a document gave: its new bytes (the input's when nothing changed)
    and what changed, where, and what is still wrong."""

    data: bytes
    changed: bool
    kind: str
    changes: tuple[Located, ...] = ()
    diagnostics: tuple[Located, ...] = ()
    paragraphs: tuple[tuple[str, str, str], ...] = ()
    """(where, before, after) for each paragraph that changed (for ``--diff``)."""
    notes: tuple[str, ...] = ()
    """Evidence about the whole document (a PDF's fonts), shown with ``--explain``."""

    def changed_paragraphs(self) -> Iterator[tuple[str, str, str, int, list[Change]]]:
        """Each changed paragraph (where, before, after), the line of the document's text its
        first change is on, and the changes made inside it.

        A change's place (``paragraph 3, run 2``) lies within its paragraph's
        (``paragraph 3``): the places are this package's, so the grouping is too, done in one
        pass over the changes (a long document has thousands of both). A font renamed is a
        change to the markup, not to the text (its line and column are the part's): it is
        not among a paragraph's text changes, and is shown by its own place. The adapters
        give each paragraph one line of the document's text, so its first change's line is
        the paragraph's.
        """
        inside: dict[str, list[Change]] = {where: [] for where, _, _ in self.paragraphs}
        for located in self.changes:
            change, place = located.change, located.where
            if change is None or change.kind == "font":
                continue
            while place not in inside and "," in place:
                place = place.rsplit(",", 1)[0]
            if place in inside:
                inside[place].append(change)
        for where, before, after in self.paragraphs:
            found = inside[where]
            yield where, before, after, min((c.line for c in found), default=1), found


@dataclass
class Part:
    """A text to edit in place (an XML part, an HTML file): its paragraphs and the edits made."""

    name: str
    text: str
    encoding: str
    paragraphs: list[Paragraph]
    edits: Edits = field(default_factory=Edits)


def text_lines(text: str) -> Iterator[str]:
    """``text`` in lines, each with its ``\\n`` (the way ``files.read_lines`` cuts a file)."""
    for m in re.finditer(r"[^\n]*\n|[^\n]+$", text):
        yield m.group()


class Places:
    """How a person finds a paragraph (``paragraph 12``) or a place outside every paragraph."""

    kind = ""

    def __call__(self, part: str, paragraph: int, run: int | None = None) -> str:
        """``run`` is named only for a paragraph of more than one run (pass None otherwise)."""
        spot = f"paragraph {paragraph}"
        return f"{spot}, run {run}" if run is not None else spot

    def outside(self, part: Part, offset: int) -> str:
        return part.name


class _PackagePlaces(Places):
    """In a package: ``paragraph 12``, ``header 1, paragraph 2``, ``notes of slide 3``, ``Budget!B7``."""

    def __init__(self, kind: str, parts: list[Part], read: Callable[[str], bytes]) -> None:
        self.kind = kind
        self.cells: dict[tuple[str, int], str] = {}
        if kind == "odf":
            self._opendocument_cells(parts)
        if kind != "xlsx":
            return
        names = sheet_names(read)
        shared: dict[int, str] = {}
        for part in parts:
            if part.name not in names:
                continue
            found = cells(part.text)
            starts = [at for at, _, _ in found]
            sheet = names[part.name]
            label = f"'{sheet}'" if re.search(r"[^\w]", sheet) else sheet
            for _, ref, index in found:
                if index is not None:
                    shared.setdefault(index, f"{label}!{ref}")
            for para in part.paragraphs:
                i = bisect.bisect_right(starts, para.start) - 1
                if i >= 0:
                    self.cells[(part.name, para.number)] = f"{label}!{found[i][1]}"
        for part in parts:
            if part.name.endswith("sharedStrings.xml"):
                for para in part.paragraphs:
                    index = para.number - 1
                    self.cells[(part.name, para.number)] = shared.get(index, f"shared string {index}")

    def _opendocument_cells(self, parts: list[Part]) -> None:
        """A paragraph in a spreadsheet's (or a text's table's) cell is named by its cell."""
        for part in parts:
            found = opendocument_cells(part.text)
            starts = [at for at, _ in found]
            for para in part.paragraphs:
                i = bisect.bisect_right(starts, para.start) - 1
                if i >= 0 and para.start < _cell_end(part.text, found[i][0]):
                    self.cells[(part.name, para.number)] = found[i][1]

    def __call__(self, part: str, paragraph: int, run: int | None = None) -> str:
        """``run`` is named only for a paragraph of more than one run (pass None otherwise)."""
        cell = self.cells.get((part, paragraph))
        if cell is not None:
            spot = cell
        else:
            label = place(self.kind, part)
            spot = f"{label}, paragraph {paragraph}" if label else f"paragraph {paragraph}"
        return f"{spot}, run {run}" if run is not None else spot

    def outside(self, part: Part, offset: int) -> str:
        label = place(self.kind, part.name) or part.name
        return f"{label} ({part.name})" if label != part.name else label


def _cell_end(text: str, start: int) -> int:
    """Where the cell starting at ``start`` ends (its end tag, or its own end when empty)."""
    close = text.find(">", start)
    if text[close - 1] == "/":
        return close + 1
    end = text.find("</table:table-cell>", close)
    return end if end >= 0 else len(text)


def normalize_package(
    data: bytes,
    options: Options,
    *,
    explain: bool = False,
    font: str,
    jobs: int = 1,
) -> DocumentResult:
    """Normalize an Office Open XML or OpenDocument package (raises ``PackageError``);
    ``font`` is the name a font of the wrong encoding is given."""
    package = Package.open(data)
    kind = kind_of_package(package.names(), package.read)
    if kind is None:
        raise PackageError("is a zip archive, but not a Word, Excel, PowerPoint or OpenDocument file")
    fmt = FORMATS[kind]
    parts: list[Part] = []
    for name in package.names():
        is_text = fmt.text_parts.fullmatch(name) is not None
        if not (is_text or fmt.font_parts.fullmatch(name)):
            continue
        raw = package.read(name)
        try:
            check_well_formed(raw)
            text, encoding = decode_part(raw)
        except (PartError, UnicodeDecodeError) as err:
            raise PackageError(f"has a bad part {name}: {err}") from None
        parts.append(Part(name, text, encoding, list(scan(text, fmt.grammar)) if is_text else []))

    places = _PackagePlaces(kind, parts, package.read)
    if options.source == "auto":
        options = dataclasses.replace(options, prior=font_prior(package_fonts(parts)))
    changes: list[Located] = []
    diagnostics: list[Located] = []
    shown: list[tuple[str, str, str]] = []
    rewrite = functools.partial(rewrite_piece, xml_space=fmt.xml_space)
    normalize_parts(parts, places, rewrite, options, explain, jobs, changes, diagnostics, shown)
    for part in parts:
        _rename_fonts(part, places, options, font, changes if explain else None)
    replaced = {}
    for part in parts:
        if part.edits.spans:
            new = part.edits.apply(part.text)
            replaced[part.name] = (b"\xef\xbb\xbf" if part.encoding == "utf-8-sig" else b"") + new.encode(
                "utf-16" if part.encoding == "utf-16" else "utf-8"
            )
    changed = bool(replaced)
    out = package.write(replaced) if changed else data
    return DocumentResult(out, changed, kind, tuple(changes), tuple(diagnostics), tuple(shown))


Rewrite = Callable[[Edits, str, Span, tuple[int, int], str, str], None]
"""How a piece's stored text is rewritten: (edits, the part's text, the piece's span, its
holder's tag, old text, new text)."""


def normalize_parts(
    parts: list[Part],
    places: Places,
    rewrite: Rewrite,
    options: Options,
    explain: bool,
    jobs: int,
    changes: list[Located],
    diagnostics: list[Located],
    shown: list[tuple[str, str, str]],
) -> None:
    """Normalize every paragraph as one line of one text; write back the ones that changed."""
    owners: list[tuple[Part, Paragraph]] = [(part, p) for part in parts for p in part.paragraphs]
    if not owners:
        return
    firsts: list[int] = []  # each paragraph's first line (0-based) in the text
    line = 0
    for _, para in owners:
        firsts.append(line)
        line += para.text.count("\n") + 1
    source = "".join(para.text + "\n" for _, para in owners)
    out: list[str] = []
    for block in normalize_blocks(blocks(text_lines(source)), options, jobs=jobs, explain=explain):
        out.append(block.text)
        for c in block.changes:
            changes.append(Located(_locate(owners, firsts, places, c.line, c.column), change=c))
        for d in block.diagnostics:
            diagnostics.append(Located(_locate(owners, firsts, places, d.line, d.column), diagnostic=d))
    result_lines = "".join(out).split("\n")
    for (part, para), first in zip(owners, firsts, strict=True):
        before = para.text
        after = "\n".join(result_lines[first : first + before.count("\n") + 1])
        if after == before:
            continue
        texts = split_result(para.pieces, after)
        where = places(part.name, para.number)
        if texts is None:
            diagnostics.append(
                Located(
                    where,
                    diagnostic=Diagnostic(
                        first + 1,
                        1,
                        UNMAPPED,
                        "the normalized paragraph cannot be cut back onto its runs without moving a tab, line "
                        "break or space element; the paragraph was left as it was",
                        "normalize its text by hand, or remove the tab or break inside the Burmese",
                    ),
                )
            )
            continue
        shown.append((where, before, after))
        for piece, span, holder, new in zip(para.pieces, para.spans, para.holder_tags, texts, strict=True):
            if span is not None and new != piece.text:
                rewrite(part.edits, part.text, span, holder, piece.text, new)


def _locate(owners: list[tuple[Part, Paragraph]], firsts: list[int], places: Places, line: int, column: int) -> str:
    """The paragraph and run holding a (1-based) line and column of the document's text."""
    index = bisect.bisect_right(firsts, line - 1) - 1
    part, para = owners[index]
    offset = 0
    for _ in range(line - 1 - firsts[index]):
        offset = para.text.index("\n", offset) + 1
    offset += column - 1
    run = at = 0
    for piece in para.pieces:
        if not piece.fixed:
            run += 1
        at += len(piece.text)
        if at > offset:
            break
    return places(part.name, para.number, max(run, 1) if _runs(para) > 1 else None)


def _runs(para: Paragraph) -> int:
    return sum(1 for piece in para.pieces if not piece.fixed)


def _font_place(part: Part, places: Places, offset: int) -> str:
    """The run whose properties name a font at ``offset`` (the next text after it), or the part."""
    inside = [p for p in part.paragraphs if p.start <= offset < p.end]
    if not inside:
        return places.outside(part, offset)
    para = max(inside, key=lambda p: p.start)
    run = 0
    for piece, (tag, _) in zip(para.pieces, para.holder_tags, strict=True):
        if not piece.fixed:
            run += 1
            if tag > offset:
                break
    return places(part.name, para.number, max(run, 1) if _runs(para) > 1 else None)


def _font_values(part: Part) -> Iterator[tuple[int, int, str, str]]:
    """Every font the part names: (where its value starts and ends, the value, its quote character).

    Each tag's values come together (a Word run names its font for several scripts at once).
    """
    for m in TAG_OR_TEXT.finditer(part.text):
        name = m.group("name")
        if name is None or m.group("close"):
            continue
        wanted = FONT_ATTRIBUTES.get(name.rpartition(":")[2])
        if not wanted:
            continue
        base = m.start("attrs")
        for a in ATTRIBUTE.finditer(m.group("attrs")):
            if a.group(1).rpartition(":")[2] in wanted:
                raw = a.group(2)
                yield base + a.start(2) + 1, base + a.end(2) - 1, unescape(raw[1:-1]), raw[0]


def _rename_fonts(
    part: Part, places: Places, options: Options, replacement: str, changes: list[Located] | None
) -> None:
    """Name a font of the target encoding wherever the part names one of the other (``fonts``)."""
    text = part.text
    if options.target == "unicode" and "zawgyi" not in text.lower():
        return  # no "Zawgyi" anywhere: nothing to rename (the common case, at the cost of one scan)
    reported: set[int] = set()
    for start, end, value, quote in _font_values(part):
        new = rename_fonts(value, options.target, replacement)
        if new == value:
            continue
        part.edits.replace(start, end, escape_attribute(new, quote))
        tag = text.rfind("<", 0, start)
        if changes is not None and tag not in reported:  # a run names its font for several scripts: one change
            reported.add(tag)
            line = text.count("\n", 0, start) + 1
            column = start - text.rfind("\n", 0, start)
            font = Change("font", "font_for_encoding", line, column, value, new, FONT_REASON)
            changes.append(Located(_font_place(part, places, start), change=font))


def package_fonts(parts: list[Part]) -> list[str]:
    """The fonts a package's runs and styles are set in: each tag's fonts once (a Word run
    names its font for several scripts; that is one choice), a theme's per-script list never
    (it is not a choice anyone made)."""
    fonts: list[str] = []
    for part in parts:
        if "/theme/" in part.name or (shortcuts_on() and not MAY_NAME_BURMESE_FONT.search(part.text)):
            continue
        tag_of: dict[int, set[str]] = {}
        for start, _, value, _ in _font_values(part):
            tag = part.text.rfind("<", 0, start)
            if value not in tag_of.setdefault(tag, set()):
                tag_of[tag].add(value)
                fonts.append(value)
    return fonts
