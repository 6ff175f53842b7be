"""Subtitles (.srt, .vtt): cue text normalized where it stands, cues named as players number them.

A subtitle file is text, and its Burmese would come out the same through the text path;
read as cues, what changes is named ``talk.srt: cue 41`` (the cue's number in SubRip, its
identifier or its position in WebVTT), and cue numbers, timings, settings, the WEBVTT
header and NOTE, STYLE and REGION blocks are never part of the text judged. A cue's lines
are one paragraph (a line break inside a cue is a line break on screen).
"""

from __future__ import annotations

import re

from polyglot.batch.block import Options
from polyglot.documents.document import DocumentResult, Located, Part, Places, normalize_parts
from polyglot.documents.runs import Piece
from polyglot.documents.xmlparts import Edits, Paragraph, Span
from polyglot.files import decode

_BLOCK = re.compile(r"(?:[^\r\n]+(?:\r?\n|$))+")
"""A block of non-blank lines (cues are separated by blank lines)."""
_TIMING = re.compile(r"-->")


class _Cues(Places):
    kind = "subtitles"

    def __init__(self, names: dict[int, str]) -> None:
        self.names = names

    def __call__(self, part: str, paragraph: int, run: int | None = None) -> str:
        return f"cue {self.names.get(paragraph, paragraph)}"


def cues(text: str) -> tuple[list[Paragraph], dict[int, str]]:
    """Each cue's text as a paragraph (its lines after the timing line), and each cue's name."""
    found: list[Paragraph] = []
    names: dict[int, str] = {}
    for block in _BLOCK.finditer(text):
        lines = block.group().splitlines(keepends=True)
        timing = next((i for i, line in enumerate(lines) if _TIMING.search(line)), None)
        if timing is None or timing > 1:
            continue  # the WEBVTT header, NOTE, STYLE, REGION: not a cue
        start = block.start() + sum(len(line) for line in lines[: timing + 1])
        body = text[start : block.end()].rstrip("\r\n")
        if not body:
            continue
        number = len(found) + 1
        para = Paragraph(number, start, start + len(body))
        para.pieces.append(Piece(body))
        para.spans.append(Span(start, start + len(body)))
        para.holder_tags.append((start, start))
        found.append(para)
        identifier = lines[0].strip() if timing == 1 else ""
        names[number] = identifier or str(number)
    return found, names


def _rewrite(edits: Edits, text: str, span: Span, tag: tuple[int, int], old: str, new: str) -> None:
    edits.replace(span.start, span.end, new)  # subtitle text is stored as it reads


def normalize_subtitles(data: bytes, name: str, options: Options, *, explain: bool, jobs: int = 1) -> DocumentResult:
    """Normalize the cue text of a SubRip or WebVTT file (UTF-8; bad bytes name their line)."""
    page = decode(data, name)
    found, names = cues(page.text)
    part = Part(name, page.text, "utf-8", found)
    changes: list[Located] = []
    diagnostics: list[Located] = []
    shown: list[tuple[str, str, str]] = []
    normalize_parts([part], _Cues(names), _rewrite, options, explain, jobs, changes, diagnostics, shown)
    changed = bool(part.edits.spans)
    out = page.encode(part.edits.apply(page.text)) if changed else data
    return DocumentResult(out, changed, "subtitles", tuple(changes), tuple(diagnostics), tuple(shown))
