"""Announcement documents: Markdown with YAML front matter, as translatable blocks.

A translator translates units of meaning, not lines, so a document is cut into blocks:
the front matter's ``title`` and ``summary``, then every heading, paragraph, list item
and table cell of the body, found by a real CommonMark parser (markdown-it-py) rather
than by regular expressions, so that a ``-`` inside a sentence never starts a list.
Each block remembers where it is in the file (catalog ``#:`` locations, error messages)
and its text with the line breaks folded away, because how the English is wrapped is
not part of what it says: reflowing a paragraph must not send it back to translators.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from polyglot.burmese.chars import is_myanmar
from polyglot.files import InputError, read_text

FRONT_MATTER_FIELDS = ("title", "summary")
"""Front-matter fields that are prose and so are translated; the others are data."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
"""ASCII digits only (``\\d`` also takes Myanmar and full-width digits): the date is data,
written in each reader's digits by the site, and compared as text to sort pages."""
_HTML_COMMENTS = re.compile(r"\s*(?:(?:<!---?>|<!--[\s\S]*?-->)\s*)+")
"""One or more HTML comments and nothing else (CommonMark's definition of a comment)."""

MAX_SLUG = 200
"""A slug becomes a file name (``<slug>.html``, and a temporary ``.<slug>.html.polyglot-XXXXXXXX.tmp``
beside it while writing): common file systems allow 255 bytes."""

RESERVED_SLUGS = frozenset({"index"})
"""Names the site gives its own pages in each language folder (``<tag>/index.html``)."""


@dataclass(frozen=True)
class Block:
    """One translatable unit of a document."""

    kind: str
    """``title``, ``summary``, ``heading``, ``paragraph``, ``list item`` or ``table cell``."""
    text: str
    """The message: inline Markdown exactly as written, line breaks folded."""
    line: int
    """1-based line where the block starts in its file."""
    end_line: int
    """1-based line where it ends (the same as ``line`` for one-line blocks)."""
    raw: str = ""
    """The inline source as it stands in the file, line breaks included."""
    level: int = 0
    """Heading level (1-6); 0 for everything else."""


@dataclass(frozen=True)
class Document:
    """An announcement: its front matter, its blocks and the text they came from."""

    path: str
    text: str
    meta: dict[str, object]
    blocks: tuple[Block, ...]
    body_start: int
    """0-based index of the first body line (after the front matter)."""
    language: str = "en"
    meta_lines: dict[str, int] = field(default_factory=dict)
    """1-based line of each front-matter key, for messages."""

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def slug(self) -> str:
        return str(self.meta.get("slug", Path(self.path).stem))

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        return tuple(block for block in self.blocks if block.kind not in FRONT_MATTER_FIELDS)

    @property
    def front_blocks(self) -> dict[str, Block]:
        return {block.kind: block for block in self.blocks if block.kind in FRONT_MATTER_FIELDS}


# --------------------------------------------------------------------------- folding


def _is_wide(char: str) -> bool:
    """Characters of scripts written without spaces between words (Chinese, Japanese)."""
    if not char:
        return False
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return True
    return "\u3000" <= char <= "\u303f"


_BREAK = re.compile(r"(\\*)([ \t]*)\n[ \t]*")
HARD_BREAK = "\\\n"
"""How a message spells a forced line break: CommonMark's visible form, a backslash at the
end of the line (the other form, two trailing spaces, is invisible and editors strip it)."""
_ZERO_WIDTH = "\u200b\u2060"


def line_break(before: str, after: str) -> str:
    """What a line break between ``before`` and ``after`` stands for: a space, or nothing.

    This is the one rule for every place polyglot folds line breaks (source blocks,
    ingested translations, msgstrs with soft breaks), decided by the script on each side:

    - Chinese (and the other wide scripts) on both sides: nothing, since Chinese puts no
      space between words or sentences (CSS Text's segment-break rule, what CommonMark
      renderers do for CJK);
    - Burmese on both sides: a space only where a phrase ends, since Burmese puts spaces
      between phrases, not words (``polyglot.burmese.phrases.break_is_space``);
    - a zero-width space on either side: nothing, the writer marked the break already;
    - anything else (Latin, digits, a change of script): a space.
    """
    last = before[-1:] if before else ""
    first = after[:1]
    if not last or not first or last in _ZERO_WIDTH or first in _ZERO_WIDTH:
        return ""
    if _is_wide(last) and _is_wide(first):
        return ""
    if is_myanmar(last) and is_myanmar(first):
        from polyglot.burmese.phrases import break_is_space  # the dictionary loads only for Burmese

        return " " if break_is_space(before, after) else ""
    return " "


def fold(text: str) -> str:
    """Fold the line breaks of a block into the message text, each by ``line_break``.

    Reflowing an English or Chinese paragraph therefore never changes its msgid, and a PDF
    line break inside a Burmese phrase does not become a space in the middle of it.
    A hard break (a backslash or two spaces before the line end) is what the author wrote,
    not wrapping: it stays, as ``HARD_BREAK``.
    """
    text = text.strip()

    def join(match: re.Match[str]) -> str:
        slashes, spaces = match.group(1), match.group(2)
        escaping = len(slashes) % 2 == 1  # an odd run ends with a backslash that escapes
        if escaping and not spaces:
            return slashes + "\n"
        if spaces.endswith("  "):
            return slashes + (" " if escaping else "") + HARD_BREAK
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        before = text[line_start : match.start()] + slashes
        after = text[match.end() : line_end if line_end >= 0 else len(text)]
        return slashes + line_break(before, after)

    return _BREAK.sub(join, text)


# --------------------------------------------------------------------------- parsing


@cache
def markdown() -> MarkdownIt:
    """The one CommonMark parser (with GFM tables), configured once."""
    return MarkdownIt("commonmark").enable("table")


def split_front_matter(text: str, path: str) -> tuple[str | None, int]:
    """The YAML between the opening and closing ``---`` lines, and the body's first line."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), index + 1
    raise InputError(f"{path}:1: front matter opened with '---' is never closed")


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader without implicit timestamps: ``date: 2018-02-30`` stays the text
    the author typed, so that ``_validate`` checks it and names its line, instead of the
    loader failing without one (and a datetime never slips in where a date is meant)."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _front_matter(source: str, path: str) -> tuple[dict[str, object], dict[str, int]]:
    """The front matter as a mapping, and the 1-based file line of each key.

    The YAML is composed once into nodes (which know their lines) and each field is then
    built from its own node, so that every fault names a line: a syntax error, a key given
    twice (YAML forbids it; PyYAML would silently keep the last one, and an editor would
    change the other one in vain), and a value its tag cannot build (``!!int soon``).
    """
    try:
        node = yaml.compose(source, Loader=_FrontMatterLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err).split("\n")[0]
        raise InputError(f"{path}:{line}: invalid front matter: {problem}") from None
    if node is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        raise InputError(f"{path}:{node.start_mark.line + 2}: front matter must be a mapping of fields")
    data: dict[str, object] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 2
        key = _construct(key_node, path, line)
        if not isinstance(key, str):
            raise InputError(f"{path}:{line}: front matter field names must be text, got {key!r}")
        if key in lines:
            raise InputError(f"{path}:{line}: field {key!r} is given twice (also on line {lines[key]})")
        data[key], lines[key] = _construct(value_node, path, value_node.start_mark.line + 2), line
    return data, lines


def _construct(node: yaml.Node, path: str, line: int) -> object:
    """The Python value of one YAML node, or InputError naming its line.

    YAML's constructors fail with plain Python errors on a value their tag cannot hold
    (``int()``, ``float()``, base64, a merge key on a scalar), so any error here is the input's.
    """
    loader = _FrontMatterLoader("")
    try:
        return loader.construct_document(node)
    except Exception as err:
        problem = getattr(err, "problem", None) or str(err).split("\n")[0]
        raise InputError(f"{path}:{line}: invalid front matter: {problem}") from None
    finally:
        loader.dispose()


def _validate(meta: dict[str, object], lines: dict[str, int], path: str) -> dict[str, object]:
    """Check the fields every announcement needs, naming the line of a bad one."""
    clean = dict(meta)
    for key in ("title", "slug", "date", "language"):
        if key not in meta:
            raise InputError(f"{path}:1: front matter has no {key!r} field")
    for key in ("title", "summary"):
        value = meta.get(key, "text")
        if isinstance(value, (int, float)):  # YAML reads `title: 1984` as a number
            raise InputError(f'{path}:{lines[key]}: {key!r} must be text; quote it ({key}: "{value}")')
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{path}:{lines.get(key, 1)}: {key!r} must be non-empty text")
    if not isinstance(meta["language"], str) or not meta["language"].strip():
        raise InputError(f"{path}:{lines['language']}: language must be a language code such as en")
    _validate_slug(meta["slug"], f"{path}:{lines['slug']}")
    clean["date"] = _validate_date(meta["date"], f"{path}:{lines['date']}")
    return clean


def _validate_slug(slug: object, where: str) -> None:
    """A slug names a page in every language (``<tag>/<slug>.html``) and its URL.

    Lowercase ASCII letters, digits and inner hyphens only: no ``/`` or ``..`` that would
    leave the language folder, no case that a case-insensitive file system would fold
    onto another page, no characters a URL must escape; at most ``MAX_SLUG`` characters;
    never one of the site's own page names.
    """
    if not isinstance(slug, str):
        raise InputError(f'{where}: slug must be text; quote it (slug: "{slug}")')
    if not _SLUG.fullmatch(slug):
        raise InputError(f"{where}: slug must be lowercase letters, digits and hyphens (it names the page and its URL)")
    if len(slug) > MAX_SLUG:
        raise InputError(f"{where}: slug must be at most {MAX_SLUG} characters (it becomes a file name)")
    if slug in RESERVED_SLUGS:
        raise InputError(f"{where}: slug {slug!r} is reserved for the site's own page of that name")


def _validate_date(date: object, where: str) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and a real one: the site shows a date with the
    precision the author gave, so a time is refused rather than dropped, and an impossible
    day or month is an error here rather than when the date is formatted."""
    text = str(date) if isinstance(date, (str, int)) and not isinstance(date, bool) else ""
    if not _DATE.fullmatch(text):
        raise InputError(f"{where}: date must be YYYY, YYYY-MM or YYYY-MM-DD, got {date!r}")
    year, month, day = ([int(part) for part in text.split("-")] + [1, 1])[:3]
    try:
        dt.date(year, month, day)
    except ValueError as err:
        raise InputError(f"{where}: date {text} does not exist: {err}") from None
    return text


def is_editor_note(html: str) -> bool:
    """Whether a block of raw HTML is HTML comments only: an editor's note, never published."""
    return _HTML_COMMENTS.fullmatch(html) is not None


def _check_html(token: Token, line: int, path: str) -> None:
    """Raw HTML in an announcement: a comment on lines of its own is an editor's note (never
    extracted, never published); anything else is refused, because translators could not
    translate it and the site, which escapes untrusted input, could only show it as text."""
    if token.type == "html_block":
        if is_editor_note(token.content):
            return
        if token.content.lstrip().startswith("<!--") and "-->" not in token.content:
            raise InputError(f"{path}:{line}: HTML comment is never closed with '-->'")
        raise InputError(
            f"{path}:{line}: raw HTML is not allowed in an announcement: write it in Markdown "
            "(an editor's note goes in an HTML comment on lines of its own)"
        )
    for child in token.children or ():
        if child.type == "html_inline" and child.content.startswith("<!--"):
            raise InputError(
                f"{path}:{line}: an HTML comment inside a paragraph would reach translators and readers: "
                "put the note on lines of its own, with blank lines around it"
            )


def _body_blocks(body: str, offset: int, path: str) -> list[Block]:
    """Headings, paragraphs (list items, quotes) and table cells, in reading order."""
    blocks: list[Block] = []
    tokens = markdown().parse(body)
    context: list[str] = []
    row_map: list[int] | None = None
    heading_level = 0
    for index, token in enumerate(tokens):
        if token.nesting == 1:
            context.append(token.type)
        elif token.nesting == -1:
            context.pop()
        if token.type == "tr_open":
            row_map = token.map
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        if token.type in ("html_block", "inline"):
            where = token.map or (tokens[index - 1].map if index else None) or row_map or [0, 1]
            _check_html(token, offset + where[0] + 1, path)
        if token.type != "inline" or not token.content.strip():
            continue
        parent: Token = tokens[index - 1]
        if parent.type == "heading_open":
            kind, level = "heading", heading_level
        elif parent.type in ("th_open", "td_open"):
            kind, level = "table cell", 0
        elif "list_item_open" in context:
            kind, level = "list item", 0
        else:
            kind, level = "paragraph", 0
        span = parent.map or token.map or row_map
        assert span is not None, "markdown-it gives every block-level inline a line map"
        start, end = span
        blocks.append(
            Block(
                kind=kind,
                text=fold(token.content),
                line=offset + start + 1,
                end_line=offset + max(end, start + 1),
                raw=token.content,
                level=level,
            )
        )
    return blocks


_LONE_CR = re.compile(r"\r(?!\n)")


def _check_line_endings(text: str, path: str) -> None:
    """Lines end with LF or CRLF. A lone CR (classic Mac OS files, some copy-and-paste) is a
    line break to CommonMark but not to YAML's line numbers or ours, so every location
    after it would be wrong: refuse it, naming its line, rather than guess."""
    match = _LONE_CR.search(text)
    if match is not None:
        line = text.count("\n", 0, match.start()) + 1
        raise InputError(
            f"{path}:{line}: a carriage return (CR) that does not end a CRLF line; save the file with LF "
            "or CRLF line endings"
        )


def parse_document(text: str, path: str = "<document>") -> Document:
    """Parse an announcement; ``InputError`` with ``FILE:LINE`` for a bad front matter."""
    _check_line_endings(text, path)
    source, body_start = split_front_matter(text, path)
    meta: dict[str, object] = {}
    blocks: list[Block] = []
    language = "en"
    key_lines: dict[str, int] = {}
    if source is not None:
        raw_meta, key_lines = _front_matter(source, path)
        meta = _validate(raw_meta, key_lines, path)
        language = str(meta["language"])
        for key in FRONT_MATTER_FIELDS:
            if key in meta:
                line = key_lines[key]
                blocks.append(Block(kind=key, text=fold(str(meta[key])), line=line, end_line=line, raw=str(meta[key])))
    body = "\n".join(text.split("\n")[body_start:])
    blocks.extend(_body_blocks(body, body_start, path))
    return Document(
        path=path,
        text=text,
        meta=meta,
        blocks=tuple(blocks),
        body_start=body_start,
        language=language,
        meta_lines=key_lines,
    )


def load_document(path: str | Path) -> Document:
    """Read and parse one announcement file through ``polyglot.files``."""
    name = str(path)
    return parse_document(read_text(name).text, name)


def corpus_documents(corpus: Path) -> list[Path]:
    """The announcements of a corpus: ``*.md`` files, in a stable (sorted) order.

    Files under ``incoming/`` are raw material waiting to be ingested, not announcements;
    a directory whose name ends in ``.md`` is a folder (its files are found inside it).
    """
    if not corpus.is_dir():
        raise InputError(f"{corpus}: corpus directory does not exist")
    return sorted(
        path
        for path in corpus.rglob("*.md")
        if "incoming" not in path.relative_to(corpus).parts[:-1] and not path.is_dir()
    )


def _check_file_name(path: Path) -> None:
    """An announcement's file name goes into every catalog's ``#:`` locations, which are
    UTF-8: a name in another encoding (an old archive, a Windows share) is refused, shown
    with its bad bytes escaped, before anything is written."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        raise InputError(f"{shown}: file name is not valid UTF-8; rename the file") from None


def _as_typed(path: Path) -> Path:
    """``path`` relative to the working directory when it is below it, as a user would type it
    (and as messages then show it: ``corpus/x.md:4: …``)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def load_documents(corpus: Path) -> list[Document]:
    """Every announcement of ``corpus``, parsed, in ``corpus_documents`` order.

    Each one becomes a page named by its slug, so a file without front matter (whose slug
    would come unchecked from its file name) and two files with one slug (one page would
    silently replace the other) are input errors naming the files.
    """
    documents: list[Document] = []
    owners: dict[str, Document] = {}
    for path in corpus_documents(corpus):
        _check_file_name(path)
        document = load_document(_as_typed(path))
        if not document.meta:
            raise InputError(
                f"{document.path}:1: an announcement starts with front matter between '---' lines "
                "giving its title, slug, date and language"
            )
        where = f"{document.path}:{document.meta_lines.get('slug', 1)}"
        first = owners.setdefault(document.slug.casefold(), document)
        if first is not document:
            raise InputError(
                f"{where}: slug {document.slug!r} is already the slug of "
                f"{first.path}:{first.meta_lines.get('slug', 1)} (each announcement needs its own)"
            )
        documents.append(document)
    return documents


__all__ = [
    "FRONT_MATTER_FIELDS",
    "Block",
    "Document",
    "corpus_documents",
    "fold",
    "is_editor_note",
    "line_break",
    "load_document",
    "load_documents",
    "parse_document",
]
