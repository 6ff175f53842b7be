"""ICU's Burmese word list, read from ICU's data, and the word evidence built on it."""

import icu
import pytest

from polyglot.burmese.dictionary import icu_burmese_words, trie_keys
from polyglot.burmese.lexicon import dictionary, is_possessive, word_joins

# Hand-assembled BytesTrie bytes (ICU bytestrie.h): 0x10+n-1 is a run of n shared bytes,
# 0x00-0x0F a branch, 0x20 and above a value (odd: nothing follows it).
ONE_KEY = bytes([0x12, *b"abc", 0x21])  # "abc"
BRANCH = bytes([0x10, *b"a", 0x01, *b"b", 0x21, *b"c", 0x21])  # "ab" and "ac", both final
VALUE_THEN_MORE = bytes([0x11, *b"ab", 0x20, 0x10, *b"c", 0x21])  # "ab" and "abc"
# Seven edges: more than five, so the branch splits on a comparison byte ("d"): the
# greater-or-equal half (d, e, f, g) follows the jump delta (8), the less-than half
# (a, b, c) is 8 bytes further on. In a list, each edge but the last carries its value.
WIDE = bytes([0x06, *b"d", 0x08, *b"d\x21e\x21f\x21g\x21", *b"a\x21b\x21c\x21"])


@pytest.mark.parametrize(
    ("trie", "keys"),
    [
        (ONE_KEY, {b"abc"}),
        (BRANCH, {b"ab", b"ac"}),
        (VALUE_THEN_MORE, {b"ab", b"abc"}),
        (WIDE, {bytes([c]) for c in b"abcdefg"}),
    ],
)
def test_trie_keys_reads_each_node_kind(trie: bytes, keys: set[bytes]) -> None:
    assert set(trie_keys(trie)) == keys


def test_icu_word_list_is_read_whole() -> None:
    words = icu_burmese_words()
    assert len(words) > 40_000  # ICU 72 holds 41,120
    assert {"ညနေ", "စနေ", "ကမ္ဘာ", "ဇန်နဝါရီ", "ရွာ", "ရှာ"} <= set(words)
    assert all(all("\u1000" <= c <= "\u109f" or c in "\u200c\u200d" for c in w) for w in words)


def test_icu_segments_sampled_dictionary_words_as_one_token() -> None:
    # An entry decoded wrongly would be a string ICU's segmenter does not know.
    breaker = icu.BreakIterator.createWordInstance(icu.Locale("my"))
    for word in sorted(dictionary())[::400]:
        breaker.setText(word)
        assert list(breaker) == [len(word)], word


def test_entries_typed_in_zawgyi_are_not_evidence_for_unicode() -> None:
    zawgyi_entry = "ကမ႓ာစစ်"  # U+1093 is a Zawgyi glyph code point for stacked bha
    assert zawgyi_entry in icu_burmese_words()
    assert zawgyi_entry not in dictionary()


@pytest.mark.parametrize(
    ("text", "joins"),
    [
        ("ညနေ", 1),  # evening
        ("ညေန", 0),  # the same Zawgyi letters read as Unicode: ICU keeps it as one token all the same
        ("ညနေ စနေ", 2),  # a word never spans whitespace, each piece counts
        ("ညနေစနေ", 2),
        ("ည\ufffdနေ", 0),  # nor a replacement character (a lost letter's stand-in)
        ("နေ၊ရာ", 0),  # nor punctuation (နေရာ, place, is a word)
        ("ဇန်နဝါရီ", 3),  # four syllables, one word
        ("hello", 0),
    ],
)
def test_word_joins_counts_boundaries_inside_dictionary_words(text: str, joins: int) -> None:
    assert word_joins(text) == joins


def test_a_possessive_creaky_tone_still_reads_as_the_word() -> None:
    assert is_possessive("ကမ္ဘာ့") and is_possessive("ဘုရင့်")  # ကမ္ဘာ, ဘုရင် with the possessor's tone
    assert not is_possessive("ကမ္ဘာ") and not is_possessive("ကမ်ဘာ့")  # no tone; no such word
    assert not is_possessive("ကြက့်")  # a syllable closed by a stop takes no tone
    assert word_joins("ကမ္ဘာ့ကုလသမဂ္ဂ") == word_joins("ကမ္ဘာကုလသမဂ္ဂ")
