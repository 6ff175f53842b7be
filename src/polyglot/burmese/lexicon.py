"""Does a string read as real Burmese words? Asked of ICU's Burmese dictionary.

The dictionary is ICU's own word list (``dictionary.icu_burmese_words``), the one behind
its word ``BreakIterator``, looked up exactly: ICU's segmenter glues letters it cannot
find onto the token before them, so its tokens cannot tell ``ညနေ`` (evening, a word)
from ``ညေန`` (the same Zawgyi letters read as Unicode, not a word).

The evidence is the number of syllable boundaries that fall inside dictionary words
(``word_joins``): high for real Burmese, near zero for the gibberish a wrong encoding or
a wrong repair produces. It is used as evidence, never as a spell-checker: it only
compares two readings of the same text (Zawgyi vs Unicode, repaired vs not), so words
the dictionary does not know (names, loanwords) cost both readings alike.
"""

from __future__ import annotations

from functools import lru_cache

from polyglot.burmese.chars import ASAT, DOT_BELOW
from polyglot.burmese.clean import is_clean
from polyglot.burmese.clusters import Cluster, clusters
from polyglot.burmese.diagnose import problems
from polyglot.burmese.dictionary import icu_burmese_words
from polyglot.burmese.memo import short_texts
from polyglot.burmese.normalize import canonical

_VOWELS = frozenset("\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1032\u1036")


def _begins_syllable(cluster: Cluster) -> bool:
    """A cluster begins a syllable unless it is a final consonant killed by asat."""
    killed = ASAT in cluster.marks and not (_VOWELS & set(cluster.marks))
    return bool(cluster.head) and not killed


def syllables(text: str) -> list[str]:
    """The syllables of ``text``: ``ကြောင်း`` is one (``ကြော`` + the final ``င်း``), ``မြန်မာ`` two.

    Marks without a letter form no syllable, so damaged places yield none.
    """
    return [syllable for run in _parse(text)[0] for syllable in run]


def stranded_finals(text: str) -> int:
    """How many killed consonants in ``text`` have no syllable right before them to close.

    A consonant with asat has lost its vowel: it can only end the syllable before it, so
    one at the start of a word (``ရှိ ည်``) means the letter it closed is missing.
    """
    return _parse(text)[1]


@short_texts(maxsize=1 << 15)
def _parse(text: str) -> tuple[tuple[tuple[str, ...], ...], int]:
    """The runs of adjacent syllables of ``text``, and its stranded finals.

    A run ends wherever anything that is no part of a syllable stands between two:
    whitespace, punctuation, a replacement character, a stray mark, a stranded final.
    Memoized: repair scoring reads each candidate's syllables for the dictionary and for
    the document's vocabulary.
    """
    runs: list[list[str]] = []
    run: list[str] = []
    stranded = 0
    end = -1
    for cluster in clusters(text):
        adjacent = cluster.start == end
        if _begins_syllable(cluster):
            if run and not adjacent:
                runs.append(run)
                run = []
            run.append(cluster.text)
        elif cluster.head and run and adjacent:
            run[-1] += cluster.text
        else:
            stranded += bool(cluster.head)
            if run:
                runs.append(run)
                run = []
        end = cluster.end
    if run:
        runs.append(run)
    return tuple(map(tuple, runs)), stranded


def syllable_count(text: str) -> int:
    """How many syllables ``text`` has."""
    return sum(1 for c in clusters(text) if _begins_syllable(c))


@lru_cache(maxsize=1 << 16)
def is_word(text: str) -> bool:
    """Is ``text`` one of ICU's Burmese words, well-formed Unicode in canonical order?

    The list holds a few entries typed in Zawgyi or in another storage order (``ကမ႓ာ``
    with a Zawgyi glyph code point for ``ကမ္ဘာ``, ``အေဝး`` with E typed first); as
    evidence *for* a Unicode reading they would reward the very misreadings detection
    looks for, so they do not count. (Checked on lookup: most entries are never asked.)
    """
    return text in icu_burmese_words() and (is_clean(text) or (not problems(text) and canonical(text) == text))


def is_possessive(text: str) -> bool:
    """Is ``text`` a dictionary word with the creaky tone a possessor takes?

    Burmese marks a noun that possesses or qualifies the next one by putting the
    creaky tone, the dot below, on its last syllable: ကမ္ဘာ (world) → ကမ္ဘာ့ ကုလသမဂ္ဂ
    (the world's United Nations), ဘုရင် → ဘုရင့်. The dictionary lists the plain noun.
    A syllable closed by a stop (က် စ် တ် ပ်) has no tone to change, so never takes it.
    """
    if text.endswith(DOT_BELOW):
        plain = text[:-1]
    elif text.endswith(DOT_BELOW + ASAT):
        plain = text[:-2] + ASAT
    else:
        return False
    return DOT_BELOW not in plain[-2:] and plain[-2:] not in _STOP_FINALS and is_word(plain)


_STOP_FINALS = frozenset({"က်", "စ်", "တ်", "ပ်"})
_TONE_ENDS = frozenset(DOT_BELOW + ASAT)
"""The last characters a possessive can end with (``is_possessive``), checked before the call."""


def dictionary() -> frozenset[str]:
    """Every word ``is_word`` accepts (for tests and measurements; lookups use ``is_word``)."""
    return frozenset(w for w in icu_burmese_words() if is_word(w))


@lru_cache(maxsize=1)
def _longest_word() -> int:
    return max(map(len, icu_burmese_words()))


@short_texts(maxsize=1 << 15)
def word_joins(text: str) -> int:
    """How many syllable boundaries in ``text`` fall inside words of the dictionary.

    Each run of adjacent syllables is covered with dictionary words so that as many
    boundaries as possible fall inside words (dynamic programming over the syllables).
    A word never spans anything that is not a syllable: whitespace, punctuation, a
    replacement character standing for a lost letter, a stranded final.
    """
    longest = _longest_word()
    joins = 0
    for parts in _parse(text)[0]:
        best = [0] * (len(parts) + 1)  # best[i]: most joins in the first i syllables
        for end in range(1, len(parts) + 1):
            best[end] = best[end - 1]
            candidate = parts[end - 1]
            for start in range(end - 2, -1, -1):
                candidate = parts[start] + candidate
                if len(candidate) > longest:
                    break
                if is_word(candidate) or (candidate[-1] in _TONE_ENDS and is_possessive(candidate)):
                    best[end] = max(best[end], best[start] + end - start - 1)
        joins += best[-1]
    return joins


@short_texts(maxsize=1 << 15)
def all_words(text: str) -> bool:
    """Does every syllable of ``text`` belong to a dictionary word, the words side by side?

    Each run of adjacent syllables must split completely into words of the dictionary
    (one-syllable words included), and ``text`` must have at least one syllable and no
    stranded final. Real Burmese typed in Unicode usually does; the same characters read
    as the other encoding rarely do.
    """
    runs, stranded = _parse(text)
    if stranded or not runs:
        return False
    longest = _longest_word()
    for parts in runs:
        ok = [True] + [False] * len(parts)  # ok[i]: the first i syllables split into words
        for end in range(1, len(parts) + 1):
            candidate = ""
            for start in range(end - 1, -1, -1):
                candidate = parts[start] + candidate
                if len(candidate) > longest:
                    break
                if ok[start] and (is_word(candidate) or is_possessive(candidate)):
                    ok[end] = True
                    break
        if not ok[-1]:
            return False
    return True
