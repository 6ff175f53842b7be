"""Changes, and text that remembers where each of its characters came from.

Nothing polyglot does to Burmese is silent: every conversion, repair and normalization
is a ``Change`` with its kind, place, before, after and evidence. Because fixes run one
after another (repair, then conversion, then normalization), a ``TrackedText`` carries,
for each character, the offset in the original input it came from, so a change made
late in the pipeline still points at the right place in the user's file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import TypeVar

T = TypeVar("T")

Edit = tuple[int, int, str]
"""Replace ``text[start:end]`` with a string; edits of one step never overlap."""


@dataclass(frozen=True, slots=True)
class Change:
    """One explained change to the text.

    ``kind`` is the family (``convert``, ``repair``, ``normalize``), ``rule`` the named
    function that made it, ``reason`` why that is right, ``evidence`` what made polyglot
    sure (a probability, the words the repair produced). ``line`` and ``column`` are
    1-based and point into the original input.
    """

    kind: str
    rule: str
    line: int
    column: int
    before: str
    after: str
    reason: str
    evidence: str = ""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(slots=True)
class TrackedText:
    """A string plus, for each character, its offset in the original input."""

    text: str
    origin: list[int] = field(default_factory=list)

    @classmethod
    def at(cls, text: str, offset: int) -> TrackedText:
        return cls(text, list(range(offset, offset + len(text))))

    def source_offset(self, index: int) -> int:
        """The original offset of the character at ``index`` (or just past the end)."""
        if index < len(self.origin):
            return self.origin[index]
        return self.origin[-1] + 1 if self.origin else 0

    def apply(self, edits: Iterable[Edit]) -> list[tuple[int, str, str]]:
        """Apply non-overlapping edits; return ``(source_offset, before, after)`` of each."""
        return [(src, before, after) for src, before, after, _ in self.apply_tagged((*e, None) for e in edits)]

    def apply_tagged(self, edits: Iterable[tuple[int, int, str, T]]) -> list[tuple[int, str, str, T]]:
        """Apply non-overlapping edits that carry a tag; return ``(source_offset, before, after, tag)``.

        All offsets refer to the text before any of these edits. Replacement
        characters inherit the origin of the first character they replace, which is
        where a reader of the original would look.
        """
        done: list[tuple[int, str, str, T]] = []
        ordered = sorted(edits, key=lambda e: (e[0], e[1]))
        if not ordered:
            return done
        pieces: list[str] = []
        origin: list[int] = []
        pos = 0
        for start, end, after, tag in ordered:
            before = self.text[start:end]
            if before == after:
                continue
            src = self.source_offset(start)
            pieces.append(self.text[pos:start])
            origin.extend(self.origin[pos:start])
            pieces.append(after)
            origin.extend([src] * len(after))
            done.append((src, before, after, tag))
            pos = end
        pieces.append(self.text[pos:])
        origin.extend(self.origin[pos:])
        self.text = "".join(pieces)
        self.origin = origin
        return done


@dataclass(frozen=True)
class Rule:
    """A named, documented transformation: ``find`` proposes edits on a text.

    The rule's docstring (``reason``) is what ``--explain`` shows, so it must say why
    the change is right, not only what it does.
    """

    kind: str
    name: str
    reason: str
    find: Callable[[str], Iterable[Edit]]


def rule(kind: str) -> Callable[[Callable[[str], Iterable[Edit]]], Rule]:
    """Declare a function ``text -> edits`` as a rule; its docstring becomes its reason."""

    def wrap(func: Callable[[str], Iterable[Edit]]) -> Rule:
        doc = " ".join((func.__doc__ or "").split("\n\n")[0].split())
        return Rule(kind, func.__name__, doc, func)

    return wrap
