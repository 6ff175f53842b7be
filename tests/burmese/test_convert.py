from polyglot.burmese.convert import unicode_to_zawgyi, zawgyi_to_unicode
from polyglot.burmese.normalize import canonical


def test_zawgyi_to_unicode() -> None:
    assert zawgyi_to_unicode("ေျမာက္ ျမန္မာ") == "မြောက် မြန်မာ"


def test_marks_never_cross_whitespace() -> None:
    # ICU alone moves the orphaned vowel into the previous word: "ရ ္ ို" → "ရ်ို".
    import icu

    damaged = "ရ\u2002္\u2002ို"
    assert icu.Transliterator.createInstance("Zawgyi-my").transliterate(damaged) == "ရ်ို"
    converted = zawgyi_to_unicode(damaged)
    assert converted.split("\u2002") == ["ရ", "်", "ို"]


def test_non_myanmar_text_is_untouched() -> None:
    text = "Price: 100 元 (approx.) — ကို"
    assert zawgyi_to_unicode(text)[:-3] == text[:-3]


def test_round_trip_through_zawgyi(unicode_sentences: list[str]) -> None:
    for sentence in unicode_sentences:
        assert canonical(zawgyi_to_unicode(unicode_to_zawgyi(sentence))) == sentence
