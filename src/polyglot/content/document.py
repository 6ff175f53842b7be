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
import re
import unicodedata
from dataclasses import dataclass
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
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


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


_BREAK = re.compile(r"[ \t]*\n[ \t]*")
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
    """
    text = text.strip()

    def join(match: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        before = text[line_start : match.start()]
        after = text[match.end() : line_end if line_end >= 0 else len(text)]
        return line_break(before, after)

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


def _front_matter(source: str, path: str) -> tuple[dict[str, object], dict[str, int]]:
    """The front matter as a mapping, and the 1-based file line of each key."""
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        data = yaml.safe_load(source)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err).split("\n")[0]
        raise InputError(f"{path}:{line}: invalid front matter: {problem}") from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise InputError(f"{path}:2: front matter must be a mapping of fields")
    lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
    return data, lines


def _validate(meta: dict[str, object], lines: dict[str, int], path: str) -> dict[str, object]:
    """Check the fields every announcement needs, naming the line of a bad one."""
    clean = dict(meta)
    for key in ("title", "slug", "date", "language"):
        if key not in meta:
            raise InputError(f"{path}:1: front matter has no {key!r} field")
    for key in ("title", "summary"):
        if key in meta and (not isinstance(meta[key], str) or not str(meta[key]).strip()):
            raise InputError(f"{path}:{lines.get(key, 1)}: {key!r} must be non-empty text")
    if not isinstance(meta["slug"], str) or not _SLUG.fullmatch(meta["slug"]):
        raise InputError(f"{path}:{lines['slug']}: slug must be lowercase letters, digits and hyphens")
    date = meta["date"]
    if isinstance(date, dt.date):
        clean["date"] = date.isoformat()
    elif not isinstance(date, (str, int)) or not _DATE.fullmatch(str(date)):
        raise InputError(f"{path}:{lines['date']}: date must be YYYY, YYYY-MM or YYYY-MM-DD")
    else:
        clean["date"] = str(date)
    return clean


def _body_blocks(body: str, offset: int) -> list[Block]:
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


def parse_document(text: str, path: str = "<document>") -> Document:
    """Parse an announcement; ``InputError`` with ``FILE:LINE`` for a bad front matter."""
    source, body_start = split_front_matter(text, path)
    meta: dict[str, object] = {}
    blocks: list[Block] = []
    language = "en"
    if source is not None:
        raw_meta, key_lines = _front_matter(source, path)
        meta = _validate(raw_meta, key_lines, path)
        language = str(meta["language"])
        for key in FRONT_MATTER_FIELDS:
            if key in meta:
                line = key_lines[key]
                blocks.append(Block(kind=key, text=fold(str(meta[key])), line=line, end_line=line, raw=str(meta[key])))
    body = "\n".join(text.split("\n")[body_start:])
    blocks.extend(_body_blocks(body, body_start))
    return Document(path=path, text=text, meta=meta, blocks=tuple(blocks), body_start=body_start, language=language)


def load_document(path: str | Path) -> Document:
    """Read and parse one announcement file through ``polyglot.files``."""
    name = str(path)
    return parse_document(read_text(name).text, name)


def corpus_documents(corpus: Path) -> list[Path]:
    """The announcements of a corpus: ``*.md`` files, in a stable (sorted) order.

    Files under ``incoming/`` are raw material waiting to be ingested, not announcements.
    """
    if not corpus.is_dir():
        raise InputError(f"{corpus}: corpus directory does not exist")
    return sorted(path for path in corpus.rglob("*.md") if "incoming" not in path.relative_to(corpus).parts[:-1])


__all__ = [
    "FRONT_MATTER_FIELDS",
    "Block",
    "Document",
    "corpus_documents",
    "fold",
    "line_break",
    "load_document",
    "parse_document",
]
