"""myanmar-tools' Zawgyi/Unicode Markov model, read from the ``myanmartools`` package.

The model is Google's: a table of log-likelihood ratios for every pair of 226 Myanmar
characters (plus "foreign"), trained on Zawgyi and Unicode text. polyglot reads the
same model file the package ships, and scores exactly as the reference implementations
do. myanmartools 1.2.1 itself finds a character's index by bisecting a list that is not
sorted (Extended-B, U+A9E0–U+A9FF, and the spaces U+2000–U+200B come after higher code
points), so 55 of the 226 characters, U+200B among them, are scored as foreign there;
here they are indexed by code point. The two agree bit for bit on every other string.

The per-character arithmetic is ``pair_sum``. This file is compiled by Cython at
install time (``markov.pxd`` beside it gives the C types; ``setup.py``), and the same
file runs as plain Python where it was not: one source, which
``tests/burmese/test_compiled.py`` checks by running both on the same strings.
"""

from __future__ import annotations

import math
from array import array
from functools import lru_cache
from importlib.resources import files

from myanmartools._params import check_signature, read_params

COMPILED = not __file__.endswith(".py")
"""Whether this module was loaded from the extension Cython built (see ``setup.py``)."""

_CODE_POINTS = 0x10000
"""Every character of the model is in the Basic Multilingual Plane; beyond it is foreign."""


def pair_sum(text: str, start: int, end: int, states: array[int], table: array[float], size: int) -> float | None:
    """Sum of the model's values for each pair of neighbouring states in ``text[start:end]``, or None.

    The span is read in place, so that a caller scoring many runs of one block
    (``settle``) makes no copy of them. It is read between two "foreign" states (0), as
    myanmar-tools reads a text:
    ``states`` maps a code point below U+10000 to its state, ``table[a * size + b]`` is
    the value of state ``a`` followed by ``b``, and NaN (foreign → foreign) carries no
    information. The values are added one at a time from the left, as myanmar-tools
    (and Python's ``sum`` before 3.12) adds them, so the result is theirs bit for bit.
    None: no pair carried a value (no Myanmar character).
    """
    prev = 0
    total = 0.0
    found = False
    for i in range(start, end):
        code = ord(text[i])
        state = states[code] if code < _CODE_POINTS else 0
        value = table[prev * size + state]
        if value == value:  # not NaN
            total += value
            found = True
        prev = state
    value = table[prev * size]
    if value == value:
        total += value
        found = True
    if not found:
        return None
    return total


class MarkovModel:
    """myanmar-tools' Zawgyi/Unicode Markov model, indexed by code point."""

    def __init__(self) -> None:
        with files("myanmartools.resources").joinpath("zawgyiUnicodeModel.dat").open("rb") as stream:
            chars = check_signature(stream)
            params = read_params(stream)
        size = len(chars) + 1
        states = array("H", bytes(2 * _CODE_POINTS))  # code point → state; foreign is 0
        for i, ch in enumerate(chars):
            states[ord(ch)] = i + 1
        table = array("d", params[: size * size])
        table[0] = math.nan  # foreign → foreign carries no information
        self._states, self._table, self._size = states, table, size

    def unicode_log_ratio(self, text: str) -> float | None:
        """log P(text | Unicode) − log P(text | Zawgyi), or None with no Myanmar character.

        The pairs are summed in the same order as myanmar-tools, so the result is
        bit-for-bit the same wherever its lookup is right.
        """
        return pair_sum(text, 0, len(text), self._states, self._table, self._size)

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
