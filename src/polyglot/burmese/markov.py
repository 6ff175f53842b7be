"""myanmar-tools' Zawgyi/Unicode Markov model, read from the ``myanmartools`` package.

The model is Google's: a table of log-likelihood ratios for every pair of 226 Myanmar
characters (plus "foreign"), trained on Zawgyi and Unicode text. polyglot reads the
same model file the package ships, and scores exactly as the reference implementations
do. myanmartools 1.2.1 itself finds a character's index by bisecting a list that is not
sorted (Extended-B, U+A9E0–U+A9FF, and the spaces U+2000–U+200B come after higher code
points), so 55 of the 226 characters, U+200B among them, are scored as foreign there;
here they are indexed by code point. The two agree bit for bit on every other string.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib.resources import files

from myanmartools._params import check_signature, read_params


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

    def unicode_log_ratio(self, text: str) -> float | None:
        """log P(text | Unicode) − log P(text | Zawgyi), or None with no Myanmar character.

        The pairs are summed in the same order as myanmar-tools, so the result is
        bit-for-bit the same wherever its lookup is right.
        """
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
        return sum(values)

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
