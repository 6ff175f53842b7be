import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese.chars import plausible_stack
from polyglot.burmese.diagnose import problems


def codes(text: str) -> list[str]:
    return [p.code for p in problems(text)]


@pytest.mark.parametrize(
    "word",
    [
        *["ကမ္ဘာ", "ဗုဒ္ဓ", "မန္တလေး", "ပစ္စည်း", "ဂုဏ်သိက္ခာ", "သင်္ဘော", "ဥက္ကဋ္ဌ", "ယောက်ျား", "မြန်မာ", "ရှေ့"],
        *["ယနေ့", "ကန့်", "ကံ့ကော်", "ပို့", "လူ့", "ကြည့်"],  # a dot below with a vowel, an asat or an anusvara
        *["ကော်ဖီ", "ပေါ်", "မေတ္တာ"],  # E with A carries an asat
        *["ကား", "ဦး", "ကြီး", "ကျွန်ုပ်", "အဝေး"],  # a visarga with a vowel (or on an independent vowel)
    ],
)
def test_real_words_are_well_formed(word: str) -> None:
    assert codes(word) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ကို ိ", "orphan-mark"),
        ("ကိိ", "duplicate-mark"),
        ("ကိီ", "conflicting-marks"),
        ("လတ္", "dangling-virama"),  # Zawgyi's asat read as Unicode
        ("ထိုင္းကို", "dangling-virama"),  # ... before a visarga: still nothing stacked
        ("ဟက္တိုလီ", "implausible-stack"),  # k over t: two rows of the grid
        ("အဒေီ", "impossible-vowels"),
        ("ဥျ", "medial-without-consonant"),
        ("ယေန့", "tone-without-vowel"),  # Zawgyi ယနေ့ (today) read as Unicode
        ("မြ့", "tone-without-vowel"),
        ("အေဝး", "tone-without-vowel"),  # Zawgyi အဝေး (far) read as Unicode
        ("မတ်ေတာ", "impossible-vowels"),  # E with an asat and no A: Unicode မေတ္တာ read as Zawgyi
        ("ကိ်", "impossible-vowels"),  # Zawgyi ကျိ (medial YA is U+103A there) read as Unicode
    ],
)
def test_ill_formed(text: str, code: str) -> None:
    assert code in codes(text)


def test_stacks_follow_the_pali_grid() -> None:
    assert plausible_stack("က", "ခ") and plausible_stack("န", "ဒ") and plausible_stack("လ", "လ")
    assert plausible_stack("ဟ", "မ") and not plausible_stack("မ", "ဟ")  # brahma-: ha over ma, never under
    assert not plausible_stack("က", "တ") and not plausible_stack("န", "ဂ") and not plausible_stack("ခ", "ခ")


def test_positions() -> None:
    (problem,) = problems("မြန်မာ ကို ိ")
    assert problem.offset == 11
    # The virama that stacks nothing, not the one that stacks ခ under က.
    assert [(p.code, p.offset) for p in problems("က္ာ္ခ")][:1] == [("dangling-virama", 1)]


_SOUP = [chr(c) for c in range(0x1000, 0x10A0)] + [" ", "\u200b", "a"]


@pytest.mark.slow
@settings(max_examples=1000)
@given(st.text(st.sampled_from(_SOUP), max_size=12))
def test_the_search_for_evidence_problems_misses_none(text: str) -> None:
    from polyglot.burmese.diagnose import _MAY_BETRAY, ENCODING_EVIDENCE

    if not _MAY_BETRAY.search(text):
        assert not any(p.code in ENCODING_EVIDENCE for p in problems(text))
