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
from typing import Literal, TypeVar

T = TypeVar("T")

Scope = Literal["document", "run", "word"]
"""How much text a rule must see to decide. ``word``: one whitespace-free piece (the
pipeline then decides each distinct word once, through its memo); ``run``: a whole run
of Myanmar script, spaces included; ``document``: every run of the document (detection
and repair weigh the document's evidence)."""

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
    """A named, documented decision of the pipeline, with the scope it needs.

    ``find`` proposes edits on a text (normalization rules); rules whose work is not
    "text in, edits out" (repair planning, conversion) are declared without one, so
    that every change the pipeline reports names a registered rule and its reason.
    The reason (the docstring's first paragraph) is what ``--explain`` shows, so it
    must say why the change is right, not only what it does.
    """

    kind: str
    name: str
    reason: str
    find: Callable[[str], Iterable[Edit]] | None = None
    scope: Scope = "word"
    context: str = ""
    """The characters at which this rule decides by looking past the cluster they stand in
    (a digit's neighbours, the letter after ``ဥ``); none: the rule is local to one cluster.
    What the pre-filters need to know of a rule is declared here, beside it: the pipeline's
    cluster-by-cluster shortcut (``normalize.cluster_local``) is derived from it, and
    ``tests/burmese/test_prefilters.py`` checks that shortcut, and the compiled ``is_clean``
    grammar, against every rule in ``RULES`` with the shortcuts off."""

    def edits(self, text: str) -> Iterable[Edit]:
        """The edits this rule proposes on ``text`` (none for a declared-only rule)."""
        return self.find(text) if self.find is not None else ()


REGISTRY: dict[str, Rule] = {}
"""Every rule by name: what a ``Change.rule`` refers to."""


def register(entry: Rule) -> Rule:
    """Add ``entry`` to ``REGISTRY`` (a name names one rule)."""
    known = REGISTRY.get(entry.name)
    if known is not None and (known.kind, known.scope, known.reason) != (entry.kind, entry.scope, entry.reason):
        raise ValueError(f"two rules named {entry.name}")
    REGISTRY[entry.name] = entry
    return entry


def declare(kind: str, name: str, scope: Scope, reason: str) -> Rule:
    """Register a rule that is carried out by code of its own (repair planning, conversion)."""
    return register(Rule(kind, name, " ".join(reason.split()), None, scope))


def rule(kind: str, scope: Scope = "word", context: str = "") -> Callable[[Callable[[str], Iterable[Edit]]], Rule]:
    """Declare a function ``text -> edits`` as a rule of ``scope``; its docstring becomes its reason.

    A ``word`` rule must decide inside whitespace-free pieces only (its edits on a run
    are its edits on each word of the run): ``tests/burmese/test_scopes.py`` checks that
    of every registered word rule. A rule that looks across a space is a ``run`` rule.
    ``context``: the characters at which it looks past one cluster (``Rule.context``).
    """

    def wrap(func: Callable[[str], Iterable[Edit]]) -> Rule:
        doc = " ".join((func.__doc__ or "").split("\n\n")[0].split())
        return register(Rule(kind, func.__name__, doc, func, scope, context))

    return wrap
