"""myanmar-tools' Zawgyi/Unicode Markov model, read from the ``myanmartools`` package.

The model is Google's: a table of log-likelihood ratios for every pair of 226 Myanmar
characters (plus "foreign"), trained on Zawgyi and Unicode text. polyglot reads the
same model file the package ships, and scores exactly as the reference implementations
do. myanmartools 1.2.1 itself finds a character's index by bisecting a list that is not
sorted (Extended-B, U+A9E0–U+A9FF, and the spaces U+2000–U+200B come after higher code
points), so 55 of the 226 characters, U+200B among them, are scored as foreign there;
here they are indexed by code point. The two agree bit for bit on every other string.

Scoring one character at a time in Python costs about 0.1 µs per character, which is
most of what a naive detection loop spends. ``MarkovModel.prime`` scores many strings
at once with numpy and remembers the results, so that the pipeline's later calls to
``unicode_log_ratio`` for those strings are dictionary look-ups. The batch scorer adds
each string's pair values in the same order as the loop, one position at a time across
all strings (never numpy's pairwise summation), so its sums are bit for bit the loop's.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

from myanmartools._params import check_signature, read_params

PRIMED_LIMIT = 1 << 15
"""How many primed scores are remembered; beyond it the memory starts afresh (a batch
job primes one block at a time, so only the current block's strings matter)."""

PRIME_MIN = 64
"""Fewer strings than this are not worth a numpy pass: they are scored when asked."""

_GROUP = 512
"""Strings scored together in one numpy pass (sorted by length, so padding is small)."""

PRIME_MAX_CHARS = 1 << 10
"""Longer strings are not primed but scored when asked: a pass costs its longest string
times ``_GROUP`` cells, so one run of a long line would cost gigabytes, while the loop
scores it in time proportional to its length."""


class MarkovModel:
    """myanmar-tools' Zawgyi/Unicode Markov model, indexed by code point."""

    def __init__(self) -> None:
        with files("myanmartools.resources").joinpath("zawgyiUnicodeModel.dat").open("rb") as stream:
            chars = check_signature(stream)
            params = read_params(stream)
        size = len(chars) + 1
        self._index = {ch: i + 1 for i, ch in enumerate(chars)}
        self._rows = [list(params[row * size : (row + 1) * size]) for row in range(size)]
        self._rows[0][0] = math.nan  # foreign → foreign carries no information
        self._arrays: tuple[np.ndarray, np.ndarray] | None = None
        self._primed: dict[str, float | None] = {}

    def _numpy_tables(self) -> tuple[np.ndarray, np.ndarray]:
        """The model as numpy arrays, built on first use (importing numpy costs 50 ms of
        start-up, which a one-line input need not pay)."""
        if self._arrays is None:
            import numpy as np

            table = np.array(self._rows, dtype=np.float64)
            states = np.zeros(0x10000, dtype=np.intp)  # code point → state; foreign is 0
            for ch, state in self._index.items():
                states[ord(ch)] = state
            self._arrays = (table, states)
        return self._arrays

    def unicode_log_ratio(self, text: str) -> float | None:
        """log P(text | Unicode) − log P(text | Zawgyi), or None with no Myanmar character.

        The pairs are summed in the same order as myanmar-tools, so the result is
        bit-for-bit the same wherever its lookup is right. Strings given to ``prime``
        are answered from memory.
        """
        primed = self._primed.get(text, self)
        if primed is not self:
            return primed  # type: ignore[return-value]
        return self._loop_log_ratio(text)

    def prime(self, texts: Iterable[str]) -> None:
        """Score many strings in one vectorized pass and remember the results.

        Exactly the values ``unicode_log_ratio`` would compute (see ``log_ratios``);
        priming only moves the work out of a per-character Python loop.
        """
        todo = [t for t in dict.fromkeys(texts) if len(t) <= PRIME_MAX_CHARS and t not in self._primed]
        if len(todo) < PRIME_MIN:
            return  # the loop is as fast, and a short input need not import numpy
        if len(self._primed) + len(todo) > PRIMED_LIMIT:
            self._primed = {}
        self._primed.update(zip(todo, self.log_ratios(todo), strict=True))

    def log_ratios(self, texts: list[str]) -> list[float | None]:
        """``unicode_log_ratio`` of every string, computed with numpy, bit for bit the same.

        The strings are joined with U+0000 (a foreign character, state 0) around each,
        so one lookup of ``table[state[i-1], state[i]]`` gives every string's pair
        values, including its transitions from and to "foreign". NaN pairs (foreign →
        foreign) are skipped by the loop; here they add 0.0, which leaves a sum
        unchanged. The sums run position by position over strings of similar length,
        in the loop's order.
        """
        if not texts:
            return []
        import numpy as np

        table, state_of = self._numpy_tables()
        joined = "\0" + "\0".join(texts) + "\0"
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        states = np.where(codes < 0x10000, state_of[np.minimum(codes, 0xFFFF)], 0)
        values = table[states[:-1], states[1:]]
        valid = ~np.isnan(values)
        counts = np.concatenate(([0], np.cumsum(valid)))
        padded = np.append(np.where(valid, values, 0.0), 0.0)  # the last slot is the padding
        pad = len(padded) - 1
        lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.intp, count=len(texts))
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))  # value index of each string's first pair
        has_value = (counts[starts + lengths] - counts[starts]) > 0
        sums = np.zeros(len(texts))
        order = np.argsort(lengths, kind="stable")
        for g in range(0, len(order), _GROUP):
            group = order[g : g + _GROUP]
            glen, gstart = lengths[group], starts[group]
            steps = np.arange(int(glen.max()))[:, None]
            grid = padded[np.where(steps < glen, gstart + steps, pad)]  # position × string
            acc = np.zeros(len(group))
            for row in grid:  # one position at a time: the loop's order of addition
                acc += row
            sums[group] = acc
        return [float(s) if ok else None for s, ok in zip(sums.tolist(), has_value.tolist(), strict=True)]

    def _loop_log_ratio(self, text: str) -> float | None:
        """The reference arithmetic, one character at a time."""
        index = self._index.get
        rows = self._rows
        prev = 0
        values = []
        for ch in text:
            state = index(ch, 0)
            value = rows[prev][state]
            if value == value:  # not NaN
                values.append(value)
            prev = state
        value = rows[prev][0]
        if value == value:
            values.append(value)
        if not values:
            return None
        return float(sum(values))

    def probability(self, text: str) -> float:
        """P(Zawgyi) as myanmar-tools defines it (−inf when there is nothing to judge)."""
        total = self.unicode_log_ratio(text)
        if total is None:
            return -math.inf
        return sigmoid(-total)


def sigmoid(x: float) -> float:
    """1 / (1 + e^−x), computed as myanmar-tools does (no overflow either way)."""
    if x <= 0:
        z = math.exp(x)
        return z / (z + 1)
    return 1 / (1 + math.exp(-x))


@lru_cache(maxsize=1)
def markov_model() -> MarkovModel:
    """The process-wide model (loading it reads a 28 kB file)."""
    return MarkovModel()
