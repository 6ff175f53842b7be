"""Never wrong in silence: where the evidence cannot settle a run, the output says so.

Every string here was written for these tests, the Zawgyi ones typed the way people type
Zawgyi (keyboard order, a space before ``႔``, a mark doubled or missing), not made by
``unicode_to_zawgyi``.
"""

import pytest

from polyglot.burmese.convert import unicode_to_zawgyi
from polyglot.burmese.detect import Encoding, detect_text
from polyglot.burmese.pipeline import normalize_text
from tests.conftest import UNICODE_SENTENCES

UNICODE_DOCUMENT = "\n".join(UNICODE_SENTENCES)
ZAWGYI_DOCUMENT = "\n".join(unicode_to_zawgyi(s) for s in UNICODE_SENTENCES)


def last_line(doc: str) -> tuple[str, list[Encoding], list[str]]:
    """The last line's text, detections' encodings and diagnostics' messages."""
    result = normalize_text(doc)
    line = doc.count("\n") + 1
    encodings = [d.encoding for d in result.detections if d.line == line]
    messages = [f"{d.code}: {d.message}" for d in result.diagnostics if d.line == line]
    return result.text.split("\n")[-1], encodings, messages


# --- class 1: a short Zawgyi word in a Unicode document -------------------------------------


def test_a_word_that_reads_both_ways_is_reported_with_both_readings() -> None:
    # Zawgyi မွာ is Unicode မှာ ("at"); as Unicode it reads mwa, a syllable but no word.
    # The Unicode document's prior keeps it, and says so, with both readings.
    text, encodings, messages = last_line(UNICODE_DOCUMENT + "\nရုံး မွာ")
    assert text == "ရုံး မွာ"
    assert encodings == ["ambiguous"]
    assert len(messages) == 1 and "ambiguous-encoding" in messages[0]
    assert "'ရုံး မွာ'" in messages[0] and "'ရုံး မှာ'" in messages[0]


def test_where_only_the_zawgyi_reading_is_a_word_the_prior_does_not_count() -> None:
    # Alone on its line, မွာ leans Zawgyi on its own evidence, and only its Zawgyi reading
    # is a word: the Unicode document's prior does not overrule that, and the line says so.
    text, encodings, messages = last_line(UNICODE_DOCUMENT + "\nမွာ")
    assert (text, encodings) == ("မှာ", ["ambiguous"])
    assert len(messages) == 1 and "'မွာ'" in messages[0] and "'မှာ'" in messages[0]


def test_a_verdict_the_words_contradict_is_kept_but_reported() -> None:
    # Zawgyi က် is the word ကျ; as Unicode it is a lone killed ka. The model and the round
    # trip say Unicode, a little: the text is kept, and the words' disagreement is told.
    text, encodings, messages = last_line(UNICODE_DOCUMENT + "\nက်")
    assert (text, encodings) == ("က်", ["ambiguous"])
    assert len(messages) == 1 and "'ကျ'" in messages[0]


def test_a_space_typed_before_a_zawgyi_mark_does_not_hide_the_zawgyi_reading() -> None:
    # သူ ႔ (Zawgyi for သူ့, with the space typed before ႔): read as Zawgyi with the space,
    # ႔ has no letter; the word meant is what is compared, and the choice is reported.
    _text, encodings, messages = last_line(UNICODE_DOCUMENT + "\nသူ ႔")
    assert encodings == ["ambiguous"]
    assert len(messages) == 1 and "'သူ့'" in messages[0]


def test_a_unicode_word_the_dictionary_knows_stays_silent_in_a_unicode_document() -> None:
    text, encodings, messages = last_line(UNICODE_DOCUMENT + "\nကျောင်းသား")
    assert (text, encodings, messages) == ("ကျောင်းသား", ["unicode"], [])


def test_a_zawgyi_word_whose_reading_is_the_dictionary_word_converts_in_a_zawgyi_document() -> None:
    text, encodings, messages = last_line(ZAWGYI_DOCUMENT + "\nရုံး မွာ")
    assert (text, encodings, messages) == ("ရုံး မှာ", ["zawgyi"], [])


# --- class 2: a clean Unicode word in a Zawgyi document ------------------------------------


def test_the_prior_alone_never_converts_a_word_into_fewer_words() -> None:
    # Unicode တံခါးမုခ် (gate) pasted into a Zawgyi document: as Zawgyi its final ခ် is
    # ချ, and the dictionary has no such word. Its own evidence is weak; the prior is no
    # evidence about this word: left as typed, and reported.
    text, encodings, messages = last_line(ZAWGYI_DOCUMENT + "\nတံခါးမုခ်")
    assert text == "တံခါးမုခ်"
    assert encodings == ["ambiguous"]
    assert len(messages) == 1 and "'တံခါးမုချ'" in messages[0] and "left it as typed" in messages[0]


def test_a_word_both_readings_make_is_converted_on_the_prior_and_reported() -> None:
    # Unicode အမြဲ ("always") read as Zawgyi is အမွဲ: both split into dictionary words,
    # nothing settles it. The Zawgyi document's prior decides, and the line says so.
    text, encodings, messages = last_line(ZAWGYI_DOCUMENT + "\nအမြဲ")
    assert text == "အမွဲ" and encodings == ["ambiguous"]
    assert len(messages) == 1 and "'အမြဲ'" in messages[0] and "'အမွဲ'" in messages[0]


def test_a_well_formed_word_is_not_made_ill_formed_on_the_prior() -> None:
    det = detect_text(ZAWGYI_DOCUMENT + "\nတစ်ဦး")[-1]
    assert det.treat_as == "unicode"


# --- class 3: a four before a word is a digit -----------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ဒီေန႔ ၄နာရီ မွာ ေတြ႕မယ္", "ဒီနေ့ ၄နာရီ မှာ တွေ့မယ်"),  # at four o'clock today
        ("စာအုပ္ ၄အုပ္ ဝယ္ခဲ့တယ္", "စာအုပ် ၄အုပ် ဝယ်ခဲ့တယ်"),  # bought four books
        ("၄င္းကို ေျပာခဲ့တယ္", "၎င်းကို ပြောခဲ့တယ်"),  # ၎င်း typed with a four
    ],
)
def test_a_four_stands_for_a_letter_only_in_its_one_word(typed: str, expected: str) -> None:
    assert normalize_text(typed).text == expected


@pytest.mark.parametrize("typed", ["၄နာရီ", "ည ၄နာရီ ထိ", "၄ခု"])
def test_a_four_before_a_word_in_unicode_is_unicode_and_untouched(typed: str) -> None:
    # Read as Zawgyi it used to become ၎နာရီ, so the round trip failed and the run looked
    # Zawgyi (left as typed as an unstable run). A digit reads the same in both.
    result = normalize_text(typed)
    assert (result.text, [d.encoding for d in result.detections], result.diagnostics) == (typed, ["unicode"], [])


# --- Zawgyi as people type it ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # keyboard order: the vowel E, then medial RA, before the consonant they follow in speech
        ("ကၽြန္ေတာ္ ေျပာခ်င္တာက ဒီေန႔ အစည္းအေဝး ရွိတယ္", "ကျွန်တော် ပြောချင်တာက ဒီနေ့ အစည်းအဝေး ရှိတယ်"),
        # medial RA typed before the E, and a space typed before ႔
        ("ကၽြန္ေတာ္ ျေပာခ်င္တာက ဒီေန ႔ အစည္းအေဝး ရွိတယ္", "ကျွန်တော် ပြောချင်တာက ဒီနေ့ အစည်းအဝေး ရှိတယ်"),
        ("သူ ႔ အိမ္ကို သြားမယ္", "သူ့ အိမ်ကို သွားမယ်"),
        ("ေက်ာင္းသားေတြ ေက်ာင္းကို ေန႔တိုင္း သြားၾကတယ္ ။", "ကျောင်းသားတွေ ကျောင်းကို နေ့တိုင်း သွားကြတယ် ။"),
        # a mark typed twice
        ("မိုးရြာေနတယ္္", "မိုးရွာနေတယ်"),
        ("ေနေကာင္းလားး", "နေကောင်းလား"),
        # a mark missing: converted as typed, nothing invented
        ("ေျပာတယ", "ပြောတယ"),
    ],
)
def test_zawgyi_typed_by_hand_converts(typed: str, expected: str) -> None:
    result = normalize_text(typed)
    assert result.text == expected
    assert {d.encoding for d in result.detections} == {"zawgyi"}
    assert normalize_text(result.text).text == result.text


# --- class 4: ill-formed input is not reordered into other ill-formed text ------------------


@pytest.mark.parametrize(
    "typed",
    [
        "ကော်ိ",  # a vowel I typed after a complete syllable: no order of these marks is a syllable
        "ကိုး်",  # an asat after the visarga of a complete syllable
    ],
)
def test_marks_no_order_makes_a_syllable_of_stay_as_typed_and_are_reported(typed: str) -> None:
    text = f"မြန်မာ {typed} စာ"
    result = normalize_text(text, source="unicode")
    assert result.text == text
    assert [d.code for d in result.diagnostics] == ["impossible-vowels"]
    assert not result.changes


def test_marks_typed_out_of_order_in_a_well_formed_syllable_are_still_put_in_order() -> None:
    # ကေျာင်း: the E typed before the medial; storage order makes the word ကျောင်း.
    assert normalize_text("ကေျာင်း", source="unicode").text == "ကျောင်း"


# --- class 5: loanwords Zawgyi writes with U+1039, which Unicode reads as a stack ------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ဒီဇင္ဘာလ", "ဒီဇင်ဘာလ"),  # December
        ("စက္တင္ဘာ", "စက်တင်ဘာ"),  # September
        ("ကြန္ပ်ဴတာ", "ကွန်ပျူတာ"),  # computer
        ("ဘတ္စ္ကား", "ဘတ်စ်ကား"),  # bus
    ],
)
def test_a_loanword_typed_in_zawgyi_converts_alone_and_in_a_unicode_document(typed: str, expected: str) -> None:
    assert normalize_text(typed).text == expected
    assert last_line(f"{UNICODE_DOCUMENT}\n{typed}")[0] == expected


def test_a_month_both_readings_spell_follows_its_document_and_says_so() -> None:
    # ဇန္နဝါရီ: Unicode's stacked spelling of January, or Zawgyi for ဇန်နဝါရီ; both are
    # dictionary words, so however sure the model is, only the document can say.
    text, encodings, messages = last_line(f"{ZAWGYI_DOCUMENT}\nဇန္နဝါရီ")
    assert (text, encodings) == ("ဇန်နဝါရီ", ["ambiguous"])
    assert "'ဇန္နဝါရီ'" in messages[0] and "'ဇန်နဝါရီ'" in messages[0]
    assert last_line(f"{UNICODE_DOCUMENT}\nဇန္နဝါရီ")[0] == "ဇန္နဝါရီ"
