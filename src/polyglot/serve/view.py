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

import io
from collections.abc import Iterable
from dataclasses import dataclass, replace

from polyglot.batch import Block, JsonRecord, detection_records, stream_blocks
from polyglot.explain import WordChange, word_changes
from polyglot.files import InputError, decode, json_line
from polyglot.serve.inputs import BadRequest, Upload


@dataclass(frozen=True)
class Normalized:
    """An input normalized: the CLI's JSON record, the blocks behind it and the bytes to download."""

    record: JsonRecord
    blocks: list[Block]
    data: bytes


def normalize_upload(upload: Upload, *, target: str | None = None) -> Normalized:
    """Normalize an input through the CLI's blocks (``target`` overrides the upload's ``to``)."""
    options = upload.options if target is None else replace(upload.options, target=target)  # type: ignore[arg-type]
    record = JsonRecord(upload.name)
    blocks: list[Block] = []
    try:
        bom, results = stream_blocks(io.BytesIO(upload.data), upload.name, options, explain=True)
        for block in results:
            record.add(block)
            blocks.append(block)
    except InputError as err:
        raise BadRequest(422, str(err)) from None
    text = record.to_dict()["text"]
    assert isinstance(text, str)
    return Normalized(record, blocks, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def normalize_json(upload: Upload) -> str:
    """``POST /api/normalize``: the line ``polyglot normalize --format json`` prints."""
    return json_line(normalize_upload(upload).record.to_dict()) + "\n"


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


def page_view(upload: Upload) -> dict[str, object]:
    """What the page shows for an input: paragraphs, changes, problems, the text to take away.

    With ``to=zawgyi`` the text to copy and download is Zawgyi, but the page shows the
    Unicode result and its changes: Zawgyi is unreadable in the page's Unicode font.
    """
    from polyglot.burmese.convert import zawgyi_to_unicode

    shown = normalize_upload(upload, target="unicode")
    taken = shown if upload.options.target == "unicode" else normalize_upload(upload)
    source = "".join(block.source for block in shown.blocks)
    output = "".join(block.text for block in shown.blocks)
    runs: dict[int, list[dict[str, object]]] = {}
    for record in detection_records(upload.name, source):
        runs.setdefault(int(str(record["line"])), []).append(record)
    words: dict[int, list[WordChange]] = {}
    for block in shown.blocks:
        for word in word_changes(block.source, block.text, block.changes, block.first_line, block.first_column):
            words.setdefault(word.line, []).append(word)

    paragraphs: list[dict[str, object]] = []
    changes: list[dict[str, object]] = []
    current: dict[str, object] | None = None
    for number, (old, new) in enumerate(zip(source.split("\n"), output.split("\n"), strict=True), 1):
        if not old.strip():
            current = None
            continue
        if current is None:
            current = {"line": number, "input": [], "output": [], "runs": []}
            paragraphs.append(current)
        line_runs = runs.get(number, [])
        here = words.get(number, [])
        current["input"].append(_readable(old.rstrip("\r"), line_runs))  # type: ignore[attr-defined]
        current["output"].append(_stretches(new.rstrip("\r"), here, len(changes)))  # type: ignore[attr-defined]
        current["runs"] += line_runs  # type: ignore[operator]
        for word in here:
            zawgyi = any(c.rule == "zawgyi_to_unicode" for c in word.changes)
            changes.append(_change(word, zawgyi_to_unicode(word.before) if zawgyi else word.before))
    for paragraph in paragraphs:
        verdict, why = _verdict(paragraph.pop("runs"))  # type: ignore[arg-type]
        paragraph["verdict"], paragraph["why"] = verdict, why
    diagnostics = [d.to_dict() for block in shown.blocks for d in block.diagnostics]
    return {
        "name": upload.name,
        "to": upload.options.target,
        "changed": taken.record.changed,
        "text": taken.data.decode("utf-8"),
        "paragraphs": paragraphs,
        "changes": changes,
        "problems": diagnostics,
    }
