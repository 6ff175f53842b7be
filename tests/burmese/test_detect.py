import math

import pytest
from myanmartools import ZawgyiDetector

from polyglot.burmese.detect import detect_text
from polyglot.burmese.markov import markov_model
from tests.conftest import UNICODE_SENTENCES


@pytest.mark.parametrize(
    "text",
    [*UNICODE_SENTENCES, "ascii only", "ဘဂၤလားေဒရွ္႕", "မွ", "အ", "digits ၅၂၀", "mixed ကို and 中文"],
)
def test_model_matches_myanmartools_bit_for_bit(text: str) -> None:
    # Strings without the characters myanmartools mis-indexes must score identically.
    assert markov_model().probability(text) == ZawgyiDetector().get_zawgyi_probability(text)


def test_zero_width_space_is_scored_not_treated_as_foreign() -> None:
    # myanmartools 1.2.1 bisects an unsorted list: U+200B falls out as "foreign" (state 0).
    model = markov_model()
    assert ZawgyiDetector()._state("\u200b") == 0
    assert model._states[0x200B] > 0
    text = "ကို\u200bမြန်မာ"
    assert model.probability(text) != ZawgyiDetector().get_zawgyi_probability(text)


def test_no_myanmar_means_no_signal() -> None:
    assert markov_model().probability("hello") == -math.inf
    assert detect_text("hello, 世界") == []


def test_sentences_are_detected(unicode_sentences: list[str], zawgyi_sentences: list[str]) -> None:
    for uni, zg in zip(unicode_sentences, zawgyi_sentences, strict=True):
        assert [d.encoding for d in detect_text(uni)] == ["unicode"] * len(detect_text(uni))
        assert {d.encoding for d in detect_text(zg)} == {"zawgyi"}


def test_identical_readings_are_unicode_with_nothing_to_do() -> None:
    (det,) = detect_text("ကာလ")
    assert det.encoding == "unicode"
    assert "same text in both encodings" in det.evidence


def test_positions_are_one_based_and_end_exclusive() -> None:
    (det,) = detect_text("ab\ncd မြန်မာ ef")
    assert (det.line, det.column, det.end_column) == (2, 4, 10)


def test_short_unclear_segment_follows_its_document(zawgyi_sentences: list[str]) -> None:
    # "ပါ" style short runs carry little evidence alone; a Zawgyi document decides them.
    alone = detect_text("ကိုယ္")
    assert alone[0].encoding in ("zawgyi", "ambiguous")
    doc = "\n".join(zawgyi_sentences) + "\nကိုယ္"
    assert detect_text(doc)[-1].encoding == "zawgyi"


def test_document_prior_overrules_a_weak_short_segment(unicode_sentences: list[str]) -> None:
    # "အမြဲ" (always) between English words: the model alone leans Zawgyi (+2.7).
    (alone,) = detect_text("the GV was အမြဲ open")
    doc = "\n".join(unicode_sentences) + "\nthe GV was အမြဲ open"
    in_context = detect_text(doc)[-1]
    assert in_context.probability < alone.probability
    assert in_context.encoding != "zawgyi" and in_context.treat_as == "unicode"


def test_document_prior_never_overrules_a_pasted_sentence(
    unicode_sentences: list[str], zawgyi_sentences: list[str]
) -> None:
    doc = "\n".join(unicode_sentences * 3) + "\n" + zawgyi_sentences[0]
    assert detect_text(doc)[-1].encoding == "zawgyi"


def test_a_unicode_verdict_at_the_models_clip_is_checked_against_the_syllables() -> None:
    from polyglot.burmese.detect import weigh

    clean = weigh("မြန်မာနိုင်ငံ လူ့အခွင့်အရေး ကော်မရှင်")
    assert clean.markov == -12.0 and clean.structure == 0.0  # decided by the model alone
    # The same run ending in stacks no Burmese or Pali word has: the structure is weighed.
    odd = weigh("မြန်မာနိုင်ငံ လူ့အခွင့်အရေး ကော်မရှင်က ထုတ်ပြန်သော ကြေညာချက်တွင် ဖန္ဂ္နသ္တံ")
    assert odd.markov == -12.0 and odd.structure > 0


def test_a_sentence_pasted_in_the_other_encoding_splits_its_run(
    unicode_sentences: list[str], zawgyi_sentences: list[str]
) -> None:
    # One line, one run of Burmese: a Unicode sentence, a space, a Zawgyi sentence.
    line = unicode_sentences[1] + " " + zawgyi_sentences[3]
    detections = detect_text(line)
    assert [(d.encoding, d.text) for d in detections] == [
        ("unicode", unicode_sentences[1]),
        ("zawgyi", zawgyi_sentences[3]),
    ]


def test_a_pali_phrase_the_model_misjudges_stays_with_its_run() -> None:
    # "Namo tassa bhagavato arahato sammāsambuddhassa" in Zawgyi, inside a Zawgyi
    # sentence: alone, နေမာ and အရဟေတာ lean Unicode (Pali is unusual text in either
    # encoding), but an island pays for two switches and they do not pay for them.
    from polyglot.burmese.detect import CONFIDENT, weigh

    pali = "နေမာ တႆ ဘဂဝေတာ အရဟေတာ သမၼာသမၺုဒၶႆ"
    assert weigh("နေမာ").total < -CONFIDENT
    line = "ကြၽန္ေတာ္တို႔အဖြဲ႔သည္ " + pali + " ဟု ရြတ္ဆိုၾကသည္။"
    (detection,) = detect_text(line)
    assert detection.encoding == "zawgyi"


@pytest.mark.parametrize(
    ("evidence", "labels"),
    [
        ([12.0, -5.0, 12.0], [True, True, True]),  # an island must pay for two switches
        ([12.0, -9.0, -9.0, 12.0], [True, False, False, True]),  # 18 > 2 x 8: it does
        ([12.0, 12.0, -7.0], [True, True, True]),  # one switch at the end costs 8
        ([12.0, 12.0, -9.0], [True, True, False]),
        ([-3.0, 0.0, 1.0], [False, False, False]),  # an unclear phrase follows its neighbours
        ([20.0, 0.0, 0.0, -20.0], [True, True, True, False]),  # phrases with no say stay with the earlier
    ],
)
def test_cheapest_labels_charge_each_switch(evidence: list[float], labels: list[bool]) -> None:
    from polyglot.burmese.detect import SWITCH_COST, _cheapest_labels

    assert SWITCH_COST == 8.0
    assert _cheapest_labels(evidence, SWITCH_COST) == labels


def test_a_pali_word_whose_zawgyi_reading_kills_the_vowel_e_is_unicode() -> None:
    # မေတ္တာ (loving-kindness) read as Zawgyi puts an asat on E (မတ်ေတာ), which no
    # Burmese syllable has; the model alone leans Zawgyi on the phrase (+7.7).
    (detection,) = detect_text("မေတ္တာထား၍")
    assert detection.treat_as == "unicode" and detection.probability < 0.2


def test_short_phrases_between_two_pasted_sentences_stay_with_the_first(
    unicode_sentences: list[str], zawgyi_sentences: list[str]
) -> None:
    # ေန (နေ) is too short to weigh: it belongs with the Zawgyi before it, and is converted.
    line = zawgyi_sentences[3] + " ေန " + unicode_sentences[1]
    first, second = detect_text(line)
    assert (first.encoding, first.text) == ("zawgyi", zawgyi_sentences[3] + " ေန")
    assert (second.encoding, second.text) == ("unicode", unicode_sentences[1])


def test_the_round_trip_ignores_what_zawgyi_my_changes_in_any_text() -> None:
    # Real Unicode: the digit zero typed for wa, a zero-width space with a space before it.
    # ICU's Zawgyi-my rewrites both in any text, so they say nothing about the encoding.
    from polyglot.burmese.detect import survives_round_trip

    assert survives_round_trip("၀တ္ထု")
    assert survives_round_trip("ဖောင့် \u200bစကေး")
    assert not survives_round_trip("ေနာက္")  # Zawgyi read as Unicode still fails
