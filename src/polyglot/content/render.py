"""Render an announcement in another language from its blocks' translations.

Rendering edits the source document in place, block by block, rather than
regenerating Markdown from a tree: everything that is not a translatable block (link
reference definitions, HTML, code, blank lines, the order of front-matter fields)
comes out exactly as the author wrote it, and a block without a translation keeps its
original text, so a partly translated announcement is still a whole announcement.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from polyglot.content.document import Block, Document

Translate = Callable[[str], "str | None"]
"""Maps a block's message to its translation, or to None when there is none."""

Fallback = Callable[[Block], str]
"""What to write for a block without a translation (its English, marked for the target)."""


def _replace_block(lines: list[str | None], block: Block, translation: str) -> None:
    """Put ``translation`` where ``block`` was, keeping the block's own markup.

    The block's first line gets its prefix (``- ``, ``> ``, ...) and the translation on
    one line; its other lines become None, to be dropped. A heading is always written
    ATX-style (``## ...``), which needs no underline of the right length.
    """
    start, end = block.line - 1, block.end_line
    if block.kind == "heading":
        first = "#" * block.level + " " + translation
    else:
        line = lines[start] or ""
        lead = block.raw.split("\n")[0].strip()
        column = line.find(lead) if lead else -1
        first = (line[:column] if column >= 0 else "") + translation
    if (lines[end - 1] or "").endswith("\r"):  # a CRLF file: the line keeps its CR
        first += "\r"
    lines[start:end] = [first] + [None] * (end - start - 1)


def _replace_cells(line: str, cells: list[tuple[Block, str | None]]) -> str:
    """Translate a table row's cells left to right within the row's one line."""
    out, cursor = [], 0
    for block, translation in cells:
        column = line.find(block.raw, cursor)
        if column < 0 or translation is None:
            continue
        out.append(line[cursor:column] + translation.replace("|", "\\|"))
        cursor = column + len(block.raw)
    return "".join(out) + line[cursor:]


def translated_body(document: Document, translate: Translate, fallback: Fallback | None = None) -> str:
    """The document's body (no front matter) with every translated block replaced.

    A block without a translation keeps its source text, or, given ``fallback``, becomes
    what ``fallback`` returns for it (``polyglot export`` wraps it in a marked ``<span>``).
    """
    lines: list[str | None] = list(document.text.split("\n"))
    rows: dict[int, list[tuple[Block, str | None]]] = {}
    for block in document.body_blocks:
        translation = translate(block.text)
        if translation is None and fallback is not None:
            translation = fallback(block)
        if block.kind == "table cell":
            rows.setdefault(block.line - 1, []).append((block, translation))
        elif translation is not None:
            _replace_block(lines, block, translation)
    for index, cells in rows.items():
        lines[index] = _replace_cells(lines[index] or "", cells)
    return "\n".join(line for line in lines[document.body_start :] if line is not None)


def translated_meta(document: Document, translate: Translate, language: str) -> dict[str, object]:
    """The front matter with its prose fields translated and ``language`` set."""
    meta = dict(document.meta)
    for key, block in document.front_blocks.items():
        translation = translate(block.text)
        if translation is not None:
            meta[key] = translation
    meta["language"] = language
    return meta


def render_markdown(document: Document, translate: Translate, language: str, fallback: Fallback | None = None) -> str:
    """The whole document in ``language``: its front matter (prose fields translated,
    ``language`` set, the rest as written) and its body, block by block.

    ``translate`` maps a message to its published translation or None; a block without
    one keeps its English, or becomes ``fallback(block)``. This is the library form of
    ``polyglot export`` (which adds the front matter other site generators expect).
    """
    body = translated_body(document, translate, fallback)
    if not document.meta:
        return body
    meta = translated_meta(document, translate, language)
    front = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n"
    if document.text.split("\n", 1)[0].endswith("\r"):  # written with CRLF line endings: keep them
        front = front.replace("\n", "\r\n")
    return front + body
