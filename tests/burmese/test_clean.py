"""``is_clean`` must be sound: whatever it accepts, normalization and diagnostics leave alone."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese.clean import is_clean
from polyglot.burmese.diagnose import problems
from polyglot.burmese.normalize import _apply_rules, canonical

# Weighted towards what real syllables are made of, so that many draws are accepted.
_LETTERS = list("ကခဂဃငစဆဇဈညဋဌဍဎဏတထဒဓနပဖဗဘမယရလဝသဟဠအ")
_MARKS = list("\u103b\u103c\u103d\u103e\u103a\u1031\u102d\u102e\u1032\u102f\u1030\u102b\u102c\u1036\u1037\u1038\u1039")
_OTHER = list("ဥဦဧဩ၎ဿ၀၁၄၉၊။ \u200b") + [chr(c) for c in range(0x1000, 0x10A0, 7)]
syllable_soup = st.text(st.sampled_from(_LETTERS + _MARKS + _OTHER), max_size=24)
syllables = st.lists(
    st.tuples(st.sampled_from(_LETTERS), st.text(st.sampled_from(_MARKS), max_size=4)).map("".join), max_size=6
).map("".join)


@pytest.mark.parametrize(
    "text",
    ["မြန်မာနိုင်ငံ", "ကမ္ဘာ့ ဗုဒ္ဓ", "သင်္ဘော", "ကျွန်ုပ်", "ဦး ဥက္ကဋ္ဌ", "၂၀၂၆ ခုနှစ်။", "ရှေ့", "နေ့", "ပြော်", "ကြောင့်"],
)
def test_clean_words_are_recognised(text: str) -> None:
    assert is_clean(text)


@pytest.mark.parametrize(
    "text",
    [
        "ကေျာင်း",  # vowel E before the medial: reordered
        "\u1004\u103a\u1037",  # asat typed before the dot below: NFC swaps them
        "က၀န်",  # digit zero for the letter wa
        "၄င်း",  # digit four for ၎
        "ဥ်",  # the vowel U with an asat is the consonant NYA
        "ကိိ",  # a doubled mark
        "ဟက္တ",  # a stack outside the Pali grid
        "မြန်\u200bမာ",  # zero-width characters take the full path
        " ိ",  # an orphan mark
        *["ကိာ်", "ကာံ်", "ကဲါ်", "ကာံ့်"],  # an asat with an upper vowel or anusvara (found by fuzzing)
        *["န့", "ဝး"],  # a tone mark on a consonant with no vowel
    ],
)
def test_what_needs_a_closer_look_is_not_clean(text: str) -> None:
    assert not is_clean(text)


@pytest.mark.slow
@settings(max_examples=600)
@given(st.one_of(syllable_soup, syllables))
def test_accepted_text_is_canonical_and_well_formed(text: str) -> None:
    if is_clean(text):
        assert canonical(text) == text
        assert _apply_rules(text) == text
        assert problems(text) == []


@pytest.mark.slow
@settings(max_examples=600)
@given(st.one_of(syllable_soup, syllables))
def test_cluster_by_cluster_normalization_equals_the_rules(text: str) -> None:
    assert canonical(text) == _apply_rules(text)
