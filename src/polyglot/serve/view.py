"""What the API answers and what the page shows, from the blocks the CLI writes.

``normalize_upload`` runs an input through ``batch.stream_blocks``, exactly as
``polyglot normalize`` does, so ``POST /api/normalize`` prints the CLI's JSON record and
the page shows what the CLI would write. The page's view adds, per paragraph (lines
between blank lines), the verdict of ``polyglot detect`` on its runs (Unicode, Zawgyi,
mixed, unsure, or no Burmese) with why, the input as a person can read it (a Zawgyi run
is shown as its Unicode reading: in a Unicode font Zawgyi looks garbled, and the Zawgyi
font we could serve has no licence that lets us), and the output cut into stretches,
each changed one with the changes that made it (``polyglot.explain``, as ``--explain``).

The one place a document format plugs in is ``normalize_upload``: a format adapter
gives the text it reads and takes the result back; today every input is read as text.
"""

from __future__ import annotations

import base64
import io
import mimetypes
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from polyglot.batch.block import NormalizedBlock
from polyglot.batch.record import JsonRecord, detection_records
from polyglot.batch.stream import stream_blocks
from polyglot.explain import WordChange, word_changes
from polyglot.files import InputError, decode, json_line
from polyglot.serve.inputs import BadRequest, Upload

if TYPE_CHECKING:
    from polyglot.documents.document import DocumentResult

T = TypeVar("T")


@dataclass(frozen=True)
class Normalized:
    """An input normalized: the CLI's JSON record, what is behind it, and the bytes to download."""

    record: dict[str, object]
    blocks: list[NormalizedBlock]
    """A text input's blocks (none for a document)."""
    data: bytes
    document: DocumentResult | None = None


def normalize_upload(upload: Upload, *, target: str | None = None) -> Normalized:
    """Normalize an input as ``polyglot normalize`` would (``target`` overrides the upload's ``to``).

    This is where a document format plugs in: an input the CLI reads as a document (by its
    name, else by its first bytes: ``documents.input_kind``) goes to its adapter through
    ``documents.normalize_document``, anything else through the text blocks.
    """
    from polyglot.documents import input_kind

    options = upload.options if target is None else replace(upload.options, target=target)  # type: ignore[arg-type]
    try:
        kind = input_kind(upload.name, upload.data[:8])
        if kind is not None:
            from polyglot.documents import normalize_document
            from polyglot.documents.command import json_record

            result = normalize_document(upload.data, upload.name, options, explain=True, kind=kind)
            return Normalized(json_record(upload.name, result), [], result.data, result)
        record = JsonRecord(upload.name)
        blocks: list[NormalizedBlock] = []
        bom, results = stream_blocks(io.BytesIO(upload.data), upload.name, options, explain=True)
        for block in results:
            record.add(block)
            blocks.append(block)
    except InputError as err:
        raise BadRequest(422, str(err)) from None
    text = "".join(record.text)
    return Normalized(record.to_dict(), blocks, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def normalize_json(upload: Upload) -> str:
    """``POST /api/normalize``: the line ``polyglot normalize --format json`` prints."""
    return json_line(normalize_upload(upload).record) + "\n"


def detect_json(upload: Upload) -> str:
    """``POST /api/detect``: the lines ``polyglot detect --format json`` prints."""
    try:
        text = decode(upload.data, upload.name).text
    except InputError as err:
        raise BadRequest(422, str(err)) from None
    return "".join(json_line(record) + "\n" for record in detection_records(upload.name, text))


# --------------------------------------------------------------------------- the page's view


def _verdict(runs: list[dict[str, object]]) -> tuple[str, str]:
    """A paragraph's encoding from its Burmese runs' verdicts, and the evidence behind it."""
    burmese = [r for r in runs if r["language"] == "burmese"]
    if not burmese:
        other = sorted({str(r["language"]) for r in runs})
        return ("other", ", ".join(other)) if other else ("none", "")
    encodings = {str(r["encoding"]) for r in burmese}
    if "ambiguous" in encodings:
        verdict = "unsure"
    elif encodings == {"zawgyi", "unicode"}:
        verdict = "mixed"
    else:
        verdict = encodings.pop()
    why = "; ".join(dict.fromkeys(str(r["evidence"]) for r in burmese if r["evidence"]))
    return verdict, why


def _readable(line: str, runs: Iterable[dict[str, object]]) -> str:
    """The input line with each Zawgyi run replaced by its Unicode reading."""
    from polyglot.burmese.convert import zawgyi_to_unicode

    pieces, at = [], 0
    for run in sorted(runs, key=lambda r: int(str(r["column"]))):
        if run["encoding"] != "zawgyi":
            continue
        start, end = int(str(run["column"])) - 1, int(str(run["end_column"])) - 1
        pieces += [line[at:start], zawgyi_to_unicode(line[start:end])]
        at = end
    return "".join([*pieces, line[at:]])


def _stretches(line: str, words: list[WordChange], first: int) -> list[dict[str, object]]:
    """The output line cut into plain text and changed stretches (``change``: an index)."""
    out: list[dict[str, object]] = []
    at = 0
    for index, word in enumerate(words, first):
        if word.after_offset > at:
            out.append({"text": line[at : word.after_offset]})
        out.append({"text": word.after, "change": index})
        at = word.after_offset + len(word.after)
    if at < len(line) or not out:
        out.append({"text": line[at:]})
    return out


def _change(word: WordChange, source_reading: str) -> dict[str, object]:
    reasons = list(dict.fromkeys(c.reason for c in word.changes if c.reason))
    evidence = list(dict.fromkeys(c.evidence for c in word.changes if c.evidence))
    return {
        "line": word.line,
        "column": word.column,
        "before": source_reading,
        "after": word.after,
        "context": list(word.context),
        "rules": list(word.rules),
        "kinds": list(dict.fromkeys(c.kind for c in word.changes)),
        "reasons": reasons,
        "evidence": evidence,
    }


def _paragraph(
    first: int,
    old: list[str],
    new: list[str],
    runs: dict[int, list[dict[str, object]]],
    words: dict[int, list[WordChange]],
    changes: list[dict[str, object]],
) -> dict[str, object]:
    """One paragraph of the page (lines ``first``…): input as read, output cut into stretches, verdict."""
    from polyglot.burmese.convert import zawgyi_to_unicode

    shown_in, shown_out, found = [], [], []
    for number, (before, after) in enumerate(zip(old, new, strict=True), first):
        line_runs = runs.get(number, [])
        here = words.get(number, [])
        shown_in.append(_readable(before.rstrip("\r"), line_runs))
        shown_out.append(_stretches(after.rstrip("\r"), here, len(changes)))
        found += line_runs
        for word in here:
            zawgyi = any(c.rule == "zawgyi_to_unicode" for c in word.changes)
            changes.append(_change(word, zawgyi_to_unicode(word.before) if zawgyi else word.before))
    verdict, why = _verdict(found)
    return {"line": first, "input": shown_in, "output": shown_out, "verdict": verdict, "why": why}


def _by_line(items: Iterable[tuple[int, T]]) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = {}
    for line, item in items:
        grouped.setdefault(line, []).append(item)
    return grouped


def page_view(upload: Upload) -> dict[str, object]:
    """What the page shows for an input: paragraphs, changes, problems, the text to take away.

    With ``to=zawgyi`` the text to copy and download is Zawgyi, but the page shows the
    Unicode result and its changes: Zawgyi is unreadable in the page's Unicode font.
    """
    shown = normalize_upload(upload, target="unicode")
    taken = shown if upload.options.target == "unicode" else normalize_upload(upload)
    paragraphs: list[dict[str, object]] = []
    changes: list[dict[str, object]] = []
    if shown.document is not None:
        problems = [located.to_dict() for located in shown.document.diagnostics]
        for where, before, after, first, located in shown.document.changed_paragraphs():
            runs = _by_line((r["line"], r) for r in detection_records(upload.name, before))  # type: ignore[misc]
            runs = {line + first - 1: found for line, found in runs.items()}
            words = _by_line((w.line, w) for w in word_changes(before, after, located, first - 1))
            paragraph = _paragraph(first, before.split("\n"), after.split("\n"), runs, words, changes)
            paragraphs.append({**paragraph, "where": where})
    else:
        problems = [d.to_dict() for block in shown.blocks for d in block.diagnostics]
        source = "".join(block.source for block in shown.blocks).split("\n")
        output = "".join(block.text for block in shown.blocks).split("\n")
        runs = _by_line((r["line"], r) for r in detection_records(upload.name, "\n".join(source)))  # type: ignore[misc]
        words = _by_line(
            (w.line, w)
            for b in shown.blocks
            for w in word_changes(b.source, b.text, b.changes, b.first_line, b.first_column)
        )
        start = None
        for index, line in enumerate([*source, ""]):
            if line.strip() and start is None:
                start = index
            elif not line.strip() and start is not None:
                paragraphs.append(_paragraph(start + 1, source[start:index], output[start:index], runs, words, changes))
                start = None
    return {
        "name": upload.name,
        "to": upload.options.target,
        "changed": taken.record["changed"],
        **_take_away(upload.name, taken),
        "paragraphs": paragraphs,
        "changes": changes,
        "problems": problems,
    }


def _take_away(name: str, taken: Normalized) -> dict[str, object]:
    """The text to copy and download; a document (other than a PDF's text) as its bytes, same name."""
    document = taken.document
    if document is None or document.kind == "pdf":
        download = name if document is None else os.path.splitext(name)[0] + ".txt"
        return {"text": taken.data.decode("utf-8"), "download": download}
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return {"file": {"name": name, "type": kind, "data": base64.b64encode(taken.data).decode("ascii")}}
