"""``is_clean`` recognises clean Burmese and sends what needs a closer look on."""

import pytest

from polyglot.burmese.clean import is_clean


@pytest.mark.parametrize(
    "text",
    [
        *["မြန်မာနိုင်ငံ", "ကမ္ဘာ့ ဗုဒ္ဓ", "သင်္ဘော", "ကျွန်ုပ်", "ဦး ဥက္ကဋ္ဌ", "၂၀၂၆ ခုနှစ်။", "ရှေ့", "နေ့", "ပြော်", "ကြောင့်"],
        *["မြန်\u200bမာ", "ကျောင်း\u200bသား ၂၀\u200bခု"],  # one zero-width space between two syllables: a break hint
    ],
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
        *[
            "မြန်\u200b",
            "\u200bမာ",
            "မြန် \u200bမာ",
            "မြန်\u200b မာ",
            "မြန်\u200b\u200bမာ",
        ],  # a zero-width space at an edge, by a space, doubled
        "မြန\u200b်မာ",  # a zero-width space inside a syllable (before a mark)
        "မြန်\u200cမာ",  # other invisible characters take the full path
        " ိ",  # an orphan mark
        *["ကိာ်", "ကာံ်", "ကဲါ်", "ကာံ့်"],  # an asat with an upper vowel or anusvara (found by fuzzing)
        *["န့", "ဝး"],  # a tone mark on a consonant with no vowel
    ],
)
def test_what_needs_a_closer_look_is_not_clean(text: str) -> None:
    assert not is_clean(text)


# Soundness (what is_clean accepts, the rules and diagnostics computed without it leave
# alone) is checked in test_prefilters.py, with the shortcut switched off.
