"""Does a string read as real Burmese words? Asked of ICU's Burmese dictionary.

ICU segments Burmese with a dictionary (the one behind its word ``BreakIterator``).
It joins syllables into one token only where the dictionary knows the word, and breaks
everything else syllable by syllable. So the number of syllable boundaries that ICU
*did not* break is a count of the dictionary words the text contains: high for real
Burmese, near zero for the gibberish a wrong encoding or a wrong repair produces.

This is used as evidence, never as a spell-checker: it only compares two readings of
the same text (Zawgyi vs Unicode, repaired vs not), so words ICU does not know cost
both readings alike.
"""

from __future__ import annotations

from functools import lru_cache

import icu

from polyglot.burmese.chars import ASAT
from polyglot.burmese.clusters import Cluster, clusters

_VOWELS = frozenset("\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1032\u1036")


def _begins_syllable(cluster: Cluster) -> bool:
    """A cluster begins a syllable unless it is a final consonant killed by asat."""
    killed = ASAT in cluster.marks and not (_VOWELS & set(cluster.marks))
    return bool(cluster.head) and not killed


def syllables(text: str) -> list[str]:
    """The syllables of ``text``: ``ကြောင်း`` is one (``ကြော`` + the final ``င်း``), ``မြန်မာ`` two.

    Marks without a letter form no syllable, so damaged places yield none.
    """
    out: list[str] = []
    end = -1
    for cluster in clusters(text):
        if _begins_syllable(cluster):
            out.append(cluster.text)
        elif cluster.head and out and cluster.start == end:
            out[-1] += cluster.text
        end = cluster.end
    return out


def syllable_count(text: str) -> int:
    """How many syllables ``text`` has."""
    return sum(1 for c in clusters(text) if _begins_syllable(c))


@lru_cache(maxsize=1)
def _word_breaker() -> icu.BreakIterator:
    return icu.BreakIterator.createWordInstance(icu.Locale("my"))


@lru_cache(maxsize=1 << 15)
def word_joins(text: str) -> int:
    """How many syllable boundaries in ``text`` fall inside a word ICU's dictionary knows."""
    breaker = _word_breaker()
    breaker.setText(text)
    joins = 0
    prev = breaker.first()
    for boundary in breaker:
        joins += max(syllable_count(text[prev:boundary]) - 1, 0)
        prev = boundary
    return joins


def words(text: str) -> list[str]:
    """The tokens ICU's dictionary segmentation gives (for explanations and tests)."""
    breaker = _word_breaker()
    breaker.setText(text)
    out = []
    prev = breaker.first()
    for boundary in breaker:
        token = text[prev:boundary]
        if token.strip():
            out.append(token)
        prev = boundary
    return out
