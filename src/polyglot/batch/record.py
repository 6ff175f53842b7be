"""What ``--format json`` prints for one input.

``detection_records`` is what ``polyglot detect --format json`` prints, for the CLI and for
``polyglot serve``'s API alike. ``JsonRecord`` is ``normalize --format json``'s object kept in
memory, as ``polyglot serve`` answers it (a server may write nothing to disk); the CLI writes
the same object through spools, so that its memory stays bounded on large inputs. The two are
kept equal byte for byte by ``tests/serve/test_api.py`` on the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from polyglot.batch.block import NormalizedBlock


@dataclass
class JsonRecord:
    """``normalize --format json``'s object for one input: path, changed, changes, diagnostics, text."""

    path: str
    changed: bool = False
    changes: list[dict[str, object]] = field(default_factory=list)
    diagnostics: list[dict[str, object]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def add(self, block: NormalizedBlock, *, keep_text: bool = True) -> None:
        self.changed |= block.changed
        self.changes += [c.to_dict() for c in block.changes]
        self.diagnostics += [d.to_dict() for d in block.diagnostics]
        if keep_text:
            self.text.append(block.text)

    def to_dict(self, *, with_text: bool = True) -> dict[str, object]:
        out: dict[str, object] = {
            "path": self.path,
            "changed": self.changed,
            "changes": self.changes,
            "diagnostics": self.diagnostics,
        }
        if with_text:
            out["text"] = "".join(self.text)  # the text itself: a byte order mark is not part of it
        return out


def detection_records(path: str, text: str) -> Iterator[dict[str, object]]:
    """``detect --format json``'s objects for one input: one per run of Myanmar script."""
    from polyglot.burmese.detect import detect_text

    for det in detect_text(text):
        yield {"path": path, **det.to_dict()}
