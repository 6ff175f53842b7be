"""Real-world input that must not be damaged: typed spaces, other languages in
Myanmar script, short runs of the other encoding, look-alikes. Examples are our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese.chars import CONSONANTS, MARK_SLOTS, needs_base
from polyglot.burmese.convert import unicode_to_zawgyi
from polyglot.burmese.detect import detect_text
from polyglot.burmese.language import run_language
from polyglot.burmese.lexicon import dictionary
from polyglot.burmese.pipeline import Source, normalize_text
from polyglot.cli import main
from tests.conftest import UNICODE_SENTENCES, ZAWGYI_SENTENCES

# Running Zawgyi text with its tone marks mostly followed by the next syllable, as in news.
ZAWGYI_NEWS = "သူ႔အဖြဲ႕သည္ ေန႔တိုင္း အလုပ္လုပ္သည္။ ထို႔ေၾကာင့္ ေက်ာင္းသို႔ သြားၾကသည္။"


def _letters(text: str) -> int:
    return sum(ch in CONSONANTS for ch in text)


# --- 1. typed spaces ----------------------------------------------------------------------


def test_typed_spaces_before_a_dot_below_never_become_letters() -> None:
    text = "ေက်ာင္းရဲ ႔ ေရွ႕တြင္\nအိမ္ရဲ ႔ ေနာက္တြင္ ထိုင္ေနသည္။"
    result = normalize_text(text)
    assert result.text == "ကျောင်းရဲ့ ရှေ့တွင်\nအိမ်ရဲ့ နောက်တွင် ထိုင်နေသည်။"
    assert not [c for c in result.changes if c.rule == "restore_lost_letter"]


def test_typed_spaces_in_unicode_are_removed() -> None:
    assert normalize_text("သင့ ်တော်သည် ဖွင့ ်လှစ်မည်").text == "သင့်တော်သည် ဖွင့်လှစ်မည်"


def test_two_typed_spaces_in_one_syllable_both_go() -> None:
    # ခွင ့ ်: each gap alone leaves the syllable unfinished; together they are one habit.
    result = normalize_text("ခွင ့ ်ရှိသော ပြည်သူ\nခွင ့ ်ရှိသည်")
    assert result.text == "ခွင့်ရှိသော ပြည်သူ\nခွင့်ရှိသည်"


def test_a_space_before_a_tone_mark_goes_where_the_document_runs_on_after_tone_marks() -> None:
    result = normalize_text(ZAWGYI_NEWS + "\nျမန္မာ့ အဖြဲ ့အစည္းမ်ား")
    assert result.text.split("\n")[-1] == "မြန်မာ့ အဖွဲ့အစည်းများ"
    # With no such evidence (one short line), ICU's convention: the gap moves after the mark.
    assert normalize_text("ေန ့စဥ္").text == "နေ့ စဉ်"


def test_pdf_stand_ins_are_still_restored_beside_typed_spaces() -> None:
    damaged = "\n".join(ZAWGYI_SENTENCES).replace("က", "\u2002")
    # a space typed before each line's last visarga
    typed = "\n".join(" း".join(line.rsplit("း", 1)) for line in damaged.split("\n"))
    assert typed.count(" း") >= 3
    result = normalize_text(typed + "\nအိမ္ရဲ ႔ ေနာက္တြင္")
    assert result.text.split("\n")[:-1] == UNICODE_SENTENCES
    assert result.text.split("\n")[-1] == "အိမ်ရဲ့ နောက်တွင်"


def test_a_typed_space_that_nothing_explains_is_still_weighed_as_a_lost_letter() -> None:
    # A mark with no letter before it in its word (start of the line): the habit cannot explain it.
    result = normalize_text("ို ဆိုသည်")
    assert "ို" in result.text  # not deleted: nothing to attach to


_WORDS = sorted(w for w in dictionary() if 2 <= len(w) <= 12)


def _typed(text: str, encoding: str, picks: list[bool]) -> str:
    """A space typed before some marks that follow their letter in both encodings (not
    before U+1031 or U+103B, which Zawgyi writes before their letter: there a space is a
    word gap, and its text a genuinely different reading)."""
    out, k = [], 0
    for i, ch in enumerate(text):
        if i and not text[i - 1].isspace() and needs_base(ch, "unicode") and needs_base(ch, "zawgyi"):
            if picks[k % len(picks)]:
                out.append(" ")
            k += 1
        out.append(ch)
    return "".join(out)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map("".join), min_size=1, max_size=4),
    st.lists(st.booleans(), min_size=1, max_size=8),
)
def test_typed_spaces_before_marks_never_yield_a_letter(phrases: list[str], picks: list[bool]) -> None:
    """Unicode words and their Zawgyi, with spaces typed before marks: never a letter more."""
    unicode = " ".join(phrases)
    zawgyi = unicode_to_zawgyi(unicode)
    readings: tuple[tuple[str, Source], ...] = ((unicode, "unicode"), (zawgyi, "zawgyi"))
    for text, encoding in readings:
        typed = _typed(text, encoding, picks)
        clean = normalize_text(text, source=encoding).text
        assert _letters(normalize_text(typed, source=encoding).text) <= _letters(clean)
    clean = normalize_text(unicode).text
    assert _letters(normalize_text(_typed(unicode, "unicode", picks)).text) <= _letters(clean)


# --- 2. other languages in Myanmar script --------------------------------------------------

OTHER_LANGUAGES = {
    "shan": ["ၶႃႈ ၵိၼ်ၶဝ်ႈ ယူႇ", "လိၵ်ႈတႆး ၵႂၢမ်းတႆး", "ထႆး", "ႁဝ်း ၵႆႉ ၼမ်ႉ"],
    "mon": ["ဘာသာမန် ဍုၚ်မန်", "ၜိုတ်ၚ် ကၠောန်", "ဇၞော်"],
    "karen": ["ပှၤကညီ အီၤ", "ကညီကျိာ် ပှၤ", "ထံကီၢ် ဂီၤ"],
}


@pytest.mark.parametrize(("language", "text"), [(lang, t) for lang, ts in OTHER_LANGUAGES.items() for t in ts])
def test_other_languages_are_left_byte_for_byte_and_reported(language: str, text: str) -> None:
    result = normalize_text(text)
    assert result.text == text
    assert result.changes == [] and result.diagnostics == []
    assert [d.language for d in detect_text(text)] == [language]
    assert detect_text(text)[0].to_dict()["language"] == language
    assert normalize_text(text, source="unicode").text == text
    assert normalize_text(text, source="zawgyi").text == text


def test_other_languages_are_not_converted_in_a_zawgyi_document() -> None:
    text = "\n".join([*ZAWGYI_SENTENCES, "ထႆး", "လိၵ်ႈတႆး", "ပှၤကညီ အီၤ", "ဍုၚ်မန်"])
    out = normalize_text(text).text.split("\n")
    assert out[: len(UNICODE_SENTENCES)] == UNICODE_SENTENCES
    assert out[len(UNICODE_SENTENCES) :] == ["ထႆး", "လိၵ်ႈတႆး", "ပှၤကညီ အီၤ", "ဍုၚ်မန်"]


def test_syllables_burmese_never_writes_keep_their_order() -> None:
    # Mon AA before AI, Karen anusvara before AA: no Burmese syllable has these marks
    # together, so Burmese canonical order is not imposed on them.
    assert normalize_text("လှာဲ", source="unicode").text == "လှာဲ"
    assert normalize_text("ခရံာ်", source="unicode").text == "ခရံာ်"


def test_zawgyi_that_reuses_the_same_code_points_is_still_burmese() -> None:
    for line in [*ZAWGYI_SENTENCES, "ကမၻာ့ ႏိုင္ငံမ်ား", "ၿပီးေတာ့ ၾကည့္ပါ", "အဂၤလိပ္ စာ"]:
        assert run_language(line) == "burmese", line


_SHAN_INITIALS = "ၵၶၷၸၺၼၽၾႁဢ"
_SHAN_TONES = ["ႇ", "ႈ", "ႉ", "ႊ"]


@st.composite
def _shan_word(draw: st.DrawFn) -> str:
    """A Shan word: Shan's own initial, a vowel, an optional final with asat, a Shan tone."""
    initial = draw(st.sampled_from(_SHAN_INITIALS))
    medial = draw(st.sampled_from(["", "ႂ"]))
    final = draw(st.sampled_from(["", "ၵ်", "င်", "ၼ်", "မ်", "ဝ်", "ယ်"]))
    vowels = ["ိ", "ီ", "ု", "ူ", "ိူ", "ၢ", "ဵ", "ႅ"] if final else ["ႃ", "ႄ", "ႆ", "ီ", "ူ"]
    return initial + medial + draw(st.sampled_from(vowels)) + final + draw(st.sampled_from(["", *_SHAN_TONES]))


@st.composite
def _mon_word(draw: st.DrawFn) -> str:
    """A Mon word with one of Mon's letters, medials or vowels that Zawgyi has no glyph for
    (ၜ ၝ ၞ ၟ ဵ): text made only of code points Zawgyi shares (ကၠ ကဳ, Zawgyi's က္က ကု) reads
    both ways."""
    initial = draw(st.sampled_from("ကဂစတနပမလသဟအၚၜၝ"))
    medial = draw(st.sampled_from(["ၞ", "ၟ", "ၠ", "", "ြ"]))
    vowel = draw(st.sampled_from(["", "ာ", "ိ", "ု", "ဲ", "ဳ", "ဴ", "ဵ", "ော", "ာဲ"]))
    if not (set(initial + medial + vowel) & set("ၜၝၞၟဵ")):
        medial = "ၞ"
    final = "" if "ဲ" in vowel else draw(st.sampled_from(["", "က်", "ၚ်", "တ်", "န်", "ပ်", "မ်"]))
    word = initial + medial + vowel + final
    return word if len(word) > 1 else word + "ာ"  # a lone letter is a list's item (see language)


@st.composite
def _karen_word(draw: st.DrawFn) -> str:
    """A S'gaw Karen word ending in one of Karen's own tone marks."""
    initial = draw(st.sampled_from("ကခဂငစဆညတထဒနပဖဘမယရလဝသဟအၡ"))
    medial = draw(st.sampled_from(["", "ှ", "ျ", "ြ"]))
    vowel = draw(st.sampled_from(["", "ိ", "ီ", "ု", "ူ", "ဲ", "ံ", "ၢ", "ီၢ"]))
    tone = draw(st.sampled_from(["ၤ", "ၣ်", "ၣ"]))
    return initial + medial + vowel + tone


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([("shan", _shan_word()), ("mon", _mon_word()), ("karen", _karen_word())]).flatmap(
        lambda pair: st.tuples(st.just(pair[0]), st.lists(pair[1], min_size=2, max_size=6).map(" ".join))
    ),
    st.sampled_from(["auto", "unicode", "zawgyi"]),
)
def test_shan_mon_and_karen_unicode_is_a_fixed_point(case: tuple[str, str], source: str) -> None:
    """Text of two words or more (a lone Karen word like ကၣ reads as Zawgyi too: see language)."""
    language, text = case
    assert [d.language for d in detect_text(text)] == [language]
    assert normalize_text(text, source=source).text == text  # type: ignore[arg-type]
    assert normalize_text("\n".join([*ZAWGYI_SENTENCES, text])).text.split("\n")[-1] == text


# --- 3. short runs of the other encoding ---------------------------------------------------

ZAWGYI_DOCUMENT = "\n".join(ZAWGYI_SENTENCES)


@pytest.mark.parametrize("word", ["တစ်ဦး", "ကျောင်းသား", "ဆရာမ"])
def test_a_short_unicode_run_in_a_zawgyi_document_is_kept(word: str) -> None:
    out = normalize_text(f"{word}\n{ZAWGYI_DOCUMENT}").text.split("\n")
    assert out == [word, *UNICODE_SENTENCES]


def test_a_cut_off_unicode_word_in_a_zawgyi_document_is_kept() -> None:
    # အခန်းကဏ္ဍ (role) cut after its virama: what precedes the cut is clean Unicode.
    out = normalize_text(f"ဘဏ္ဍာရေး အခန်းကဏ္\n{ZAWGYI_DOCUMENT}").text.split("\n")
    assert out[0] == "ဘဏ္ဍာရေး အခန်းကဏ္"


def test_the_prior_still_tips_an_unclear_zawgyi_word() -> None:
    # မွ: Zawgyi's မှ, weak on its own: the Zawgyi document decides.
    assert normalize_text(f"မွ\n{ZAWGYI_DOCUMENT}").text.split("\n")[0] == "မှ"


# --- 4. look-alikes and doubled marks ------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "fixed"),
    [
        ("၁၉၉ဝ ခုႏွစ္", "၁၉၉၀ ခုနှစ်"),  # Zawgyi, one wa at a number's end
        ("၂ဝဝ၄ ခုႏွစ္", "၂၀၀၄ ခုနှစ်"),  # two wa side by side; ၄ stays a digit
        ("၂ဝဝ၄ ခုနှစ်", "၂၀၀၄ ခုနှစ်"),  # the same in Unicode
        ("ဖုန်း ၀၉ဝဝ၁", "ဖုန်း ၀၉၀၀၁"),
        ("ဝန်ကြီး ဝ", "ဝန်ကြီး ဝ"),  # wa alone, or in a word, is the letter
        ("ဥာဏ်ပညာ", "ဉာဏ်ပညာ"),
        ("ဥာဏ္ပညာ", "ဉာဏ်ပညာ"),  # Zawgyi
        ("သူူ ကားား", "သူ ကား"),  # doubled marks, Unicode
        ("ကုု ကာာ ေက်ာင္း", "ကု ကာ ကျောင်း"),  # doubled marks, Zawgyi
    ],
)
def test_look_alikes_and_doubled_marks(original: str, fixed: str) -> None:
    assert normalize_text(original).text == fixed


def test_doubled_marks_go_with_the_encoding_given() -> None:
    assert normalize_text("သူူ ကားား", source="unicode").text == "သူ ကား"
    assert normalize_text("ကုု ကာာ", source="zawgyi").text == "ကု ကာ"


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(UNICODE_SENTENCES), st.sampled_from(sorted(MARK_SLOTS)), st.integers(min_value=0))
def test_a_mark_typed_twice_is_one_mark(sentence: str, mark: str, where: int) -> None:
    places = [i for i, ch in enumerate(sentence) if ch == mark]
    if not places:
        return
    i = places[where % len(places)]
    doubled = sentence[: i + 1] + mark + sentence[i + 1 :]
    assert normalize_text(doubled, source="unicode").text == sentence


# --- both paths: the CLI on files (batch) agrees with normalize_text -----------------------


def test_the_cli_on_a_file_gives_the_same_text(tmp_path: Path) -> None:
    lines = [
        *ZAWGYI_SENTENCES,
        "ေက်ာင္းရဲ ႔ ေရွ႕တြင္",
        "လိၵ်ႈတႆး ၵႂၢမ်းတႆး",
        "ပှၤကညီ အီၤ",
        "တစ်ဦး",
        "၂ဝဝ၄ ခုႏွစ္",
        "ဥာဏ္ပညာ သူူ",
    ]
    text = "\n".join(lines) + "\n"
    path = tmp_path / "mixed.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["normalize", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == normalize_text(text).text
    out = result.output.split("\n")
    assert out[len(ZAWGYI_SENTENCES) :] == [
        "ကျောင်းရဲ့ ရှေ့တွင်",
        "လိၵ်ႈတႆး ၵႂၢမ်းတႆး",
        "ပှၤကညီ အီၤ",
        "တစ်ဦး",
        "၂၀၀၄ ခုနှစ်",
        "ဉာဏ်ပညာ သူ",
        "",
    ]
    # a file with no repair takes the word-by-word fast path: the same text
    clean = tmp_path / "clean.txt"
    clean.write_text("\n".join(lines[len(ZAWGYI_SENTENCES) + 1 :]) + "\n", encoding="utf-8")
    fast = CliRunner().invoke(main, ["normalize", str(clean)])
    assert fast.output == normalize_text(clean.read_text(encoding="utf-8")).text
    detected = CliRunner().invoke(main, ["detect", "--format", "json", str(clean)])
    assert '"language": "shan"' in detected.output and '"language": "karen"' in detected.output


def test_a_shan_word_with_a_vowel_karen_shares_is_shan() -> None:
    """Found by the property test above: ၢ is Karen's and Shan's, ၵ is Shan's alone."""
    assert [d.language for d in detect_text("ၵႃ ၵႃ ၵၢင် ၵၢင်")] == ["shan"]
