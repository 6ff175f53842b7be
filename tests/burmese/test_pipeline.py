import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese.convert import unicode_to_zawgyi
from polyglot.burmese.pipeline import normalize_text
from polyglot.burmese.repair import plan_repairs
from tests.conftest import UNICODE_SENTENCES, ZAWGYI_SENTENCES

OTHER = ["Call for Applications", "2018-19", "申请截止日期", "ksuwin@example.org", "  ", "\t", "—"]

piece = st.sampled_from(UNICODE_SENTENCES + ZAWGYI_SENTENCES + OTHER)
line = st.lists(piece, min_size=0, max_size=4).map(" ".join)
document = st.tuples(st.lists(line, max_size=6), st.sampled_from(["\n", "\r\n"]), st.booleans()).map(
    lambda t: t[1].join(t[0]) + (t[1] if t[2] else "")
)
_MYANMAR = re.compile("[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]")


@settings(max_examples=150, deadline=None)
@given(document)
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    twice = normalize_text(once.text)
    assert twice.text == once.text
    assert twice.changes == []


@settings(max_examples=150, deadline=None)
@given(document)
def test_line_count_and_non_myanmar_text_preserved(text: str) -> None:
    out = normalize_text(text).text
    assert out.count("\n") == text.count("\n")
    assert out.count("\r") == text.count("\r")
    for before, after in zip(text.split("\n"), out.split("\n"), strict=True):
        assert _MYANMAR.sub("", before).replace(" ", "") == _MYANMAR.sub("", after).replace(" ", "")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(UNICODE_SENTENCES + OTHER), max_size=5).map("\n".join))
def test_canonical_unicode_is_left_unchanged(text: str) -> None:
    result = normalize_text(text)
    assert result.text == text
    assert result.changes == []
    assert result.diagnostics == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(UNICODE_SENTENCES + OTHER), max_size=5).map("\n".join))
def test_to_zawgyi_and_back_restores_unicode(text: str) -> None:
    zawgyi = normalize_text(text, target="zawgyi").text
    assert normalize_text(zawgyi).text == text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(UNICODE_SENTENCES + ZAWGYI_SENTENCES), max_size=6))
def test_repairs_never_fire_on_clean_text(lines: list[str]) -> None:
    runs = [(s, "zawgyi" if s in ZAWGYI_SENTENCES else "unicode") for s in lines]
    assert all(plan == [] for plan in plan_repairs(runs))


def test_zawgyi_sentences_become_unicode() -> None:
    for zg, uni in zip(ZAWGYI_SENTENCES, UNICODE_SENTENCES, strict=True):
        result = normalize_text(f"EN: {zg}")
        assert result.text == f"EN: {uni}"
        assert result.changes[0].kind == "convert"


def test_bom_free_text_with_no_burmese_is_returned_as_is() -> None:
    text = "Hello\r\n世界\n"
    assert normalize_text(text).text is text


def damage(zawgyi: str, lost: str, stand_in: str) -> str:
    """Simulate a PDF font that cannot map ``lost``: it comes out as ``stand_in``."""
    return zawgyi.replace(lost, stand_in)


def test_lost_letter_is_restored_from_document_evidence() -> None:
    clean = "\n".join(ZAWGYI_SENTENCES)
    damaged = damage(clean, "က", "\u2002")
    result = normalize_text(damaged)
    expected = "\n".join(UNICODE_SENTENCES)
    # Every က is restored, the one at the start of a line too (before the pre-base
    # vowel E: the stand-in belongs to the run it touches).
    assert result.text == expected
    assert {c.after for c in result.changes if c.rule == "restore_lost_letter"} == {"က"}


def test_a_lost_letter_with_no_mark_after_it_is_restored_where_it_makes_words() -> None:
    # ကရင်ပြည်နယ် (Karen State), အားကစား (sports): က before a consonant, no mark betrays it.
    line = "မြန်မာ့ ကရင်ပြည်နယ် အားကစား ပြိုင်ပွဲ"
    damaged = damage("\n".join([*ZAWGYI_SENTENCES, "ျမန္မာ့ ကရင္ျပည္နယ္ အားကစား ၿပိဳင္ပြဲ"]), "က", "\u2002")
    result = normalize_text(damaged)
    assert result.text.split("\n")[-1] == line
    bare = [c for c in result.changes if c.line == len(ZAWGYI_SENTENCES) + 1 and c.rule == "restore_lost_letter"]
    assert len(bare) == 2 and all("dictionary word boundaries, the gap" in c.evidence for c in bare)


def test_a_replacement_character_standing_for_a_lost_letter_is_restored() -> None:
    # pdftotext writes U+FFFD for a glyph it cannot map: the same evidence applies.
    result = normalize_text(damage("\n".join(ZAWGYI_SENTENCES), "က", "\ufffd"))
    assert result.text == "\n".join(UNICODE_SENTENCES)


def test_letters_lost_to_private_use_code_points_are_restored_each_on_its_own() -> None:
    # A PDF font with no usable character map leaves each glyph's own number, one per
    # letter: here က and သ are lost at once, as two private-use code points.
    damaged = damage(damage("\n".join(ZAWGYI_SENTENCES), "က", "\ue01f"), "သ", "\ue020")
    result = normalize_text(damaged)
    assert result.text == "\n".join(UNICODE_SENTENCES)
    assert {c.before: c.after for c in result.changes if c.rule == "restore_lost_letter"} == {
        "\ue01f": "က",
        "\ue020": "သ",
    }


def test_a_replacement_character_is_never_deleted() -> None:
    # One U+FFFD before a mark and no letter that makes words: it is reported, not removed.
    result = normalize_text("မြန်မာ \ufffdိ")
    assert "\ufffd" in result.text
    assert not [c for c in result.changes if c.kind == "repair"]
    assert [d.code for d in result.diagnostics] == ["lost-character", "orphan-mark"]


def test_a_lost_letter_that_leaves_a_final_stranded_is_restored() -> None:
    # Lost သ: ရိွ⎵ည္ (ရှိသည်) reads as ရှိ + ည်, a final consonant with nothing to close.
    damaged = damage("\n".join(ZAWGYI_SENTENCES), "သ", "\u2002")
    result = normalize_text(damaged)
    assert result.text == "\n".join(UNICODE_SENTENCES)
    assert any("no syllable to close" in c.evidence for c in result.changes)


def test_a_typographic_stand_in_is_restored_where_the_words_do_not_object() -> None:
    # The subject marker က (one syllable, so no dictionary word either way) lost at a
    # word's end: an en space is no Burmese word gap, so the letter goes back in.
    line = "သူတို့က ပြောသည်။"
    damaged = damage("\n".join([*ZAWGYI_SENTENCES, unicode_to_zawgyi(line)]), "က", "\u2002")
    result = normalize_text(damaged)
    assert result.text.split("\n")[-1] == line
    assert any("Burmese puts no U+2002 between words" in c.evidence for c in result.changes)


@pytest.mark.parametrize(
    "layout",
    [
        "\u2002မြန်မာနိုင်ငံ",  # an indent
        "\u2002\u2002မြန်မာ",  # a double indent: the second one touches the first
        "ပြောသည်\u2002။",  # before the full stop
        "ပြောသည်။\u2002မြန်မာ",  # after it
        "၁။\u2002မြန်မာ",  # after a number
        "မြန်မာ \u2002 စာ",  # between two spaces
    ],
)
def test_a_stand_in_next_to_layout_needs_word_evidence(layout: str) -> None:
    # Where an en space could be layout, it is restored only if the words gain.
    damaged = damage("\n".join(ZAWGYI_SENTENCES), "က", "\u2002") + "\n" + layout
    assert normalize_text(damaged).text.split("\n")[-1] == layout


def test_a_replacement_character_needs_word_evidence_everywhere() -> None:
    # U+FFFD stands for every glyph an extractor lost, so two may be two different letters.
    line = "သူတို့က ပြောသည်။"
    damaged = damage("\n".join([*ZAWGYI_SENTENCES, unicode_to_zawgyi(line)]), "က", "\ufffd")
    result = normalize_text(damaged)
    assert result.text.split("\n")[-1] == "သူတို့\ufffd ပြောသည်။"
    assert [d.code for d in result.diagnostics if d.line == len(ZAWGYI_SENTENCES) + 1] == ["lost-character"]


def test_a_possessive_tone_does_not_hide_a_word() -> None:
    # ကမ္ဘာ့ (the world's) is ကမ္ဘာ with the creaky tone of a possessor; the dictionary
    # lists ကမ္ဘာ, and that word is the evidence for the lost က at the line's start.
    line = "ကမ္ဘာ့ ကုလသမဂ္ဂ"
    damaged = damage("\n".join([*ZAWGYI_SENTENCES, unicode_to_zawgyi(line)]), "က", "\u2002")
    assert normalize_text(damaged).text.split("\n")[-1] == line


def test_a_lost_glyph_left_in_the_text_is_reported() -> None:
    result = normalize_text("abc\nမြန်မာ \ufffdန်\nမြန်မာ \ue000န်")
    assert "\ufffd" in result.text and "\ue000" in result.text
    where = [(d.line, d.column, d.code) for d in result.diagnostics]
    assert where == [(2, 8, "lost-character"), (3, 8, "lost-character")]
    assert "private-use" in result.diagnostics[1].message
    assert normalize_text("မြန်မာ \uf0b7 နိုင်ငံ").diagnostics == []  # a symbol-font bullet, not a lost letter


def test_an_ordinary_space_standing_for_a_letter_is_not_restored_between_words() -> None:
    # Where the font's stand-in is the word separator itself, only places before a mark
    # are repaired: its other occurrences are mostly real gaps between words.
    damaged = damage("\n".join(ZAWGYI_SENTENCES), "က", " ")
    result = normalize_text(damaged)
    assert not any("the gap" in c.evidence for c in result.changes)


def test_inserted_space_before_a_medial_is_removed() -> None:
    damaged = ZAWGYI_SENTENCES[4].replace("ေလ်ွ", "ေလ ်ွ")
    assert damaged != ZAWGYI_SENTENCES[4]
    result = normalize_text(damaged)
    assert result.text == UNICODE_SENTENCES[4]
    assert [c.rule for c in result.changes if c.kind == "repair"] == ["remove_inserted_space"]


def test_two_spaces_inserted_in_one_syllable_both_go() -> None:
    # ကြ ေ ာင်း: the second gap's word holds no letter, but the first gap is damage too.
    assert normalize_text("အကြ ေ ာင်းကြားစာ").text == "အကြောင်းကြားစာ"


def test_a_space_before_a_tone_mark_is_moved_only_where_the_gaps_look_typed() -> None:
    # Alone, a space before the dot below is a typist's word gap, typed too early.
    assert normalize_text("မြန်မာ တာ ့မိမိ").text == "မြန်မာ တာ့ မိမိ"
    # Where the document's spaces also stand before vowels and medials, an extractor put
    # them there: the one before the dot below is deleted like the others.
    result = normalize_text("မြန်မာ တာ ့မိမိ\nလ ွှာ ပို ့ပါ")
    assert result.text == "မြန်မာ တာ့မိမိ\nလွှာ ပို့ပါ"
    assert {c.rule for c in result.changes} == {"remove_inserted_space"}


def test_competing_vowels_keep_the_word_the_document_knows() -> None:
    text = "လူ့အခွင့်အရေး\nလုူ့ အခွင့်အရေး"
    result = normalize_text(text)
    assert result.text == "လူ့အခွင့်အရေး\nလူ့ အခွင့်အရေး"
    (change,) = result.changes
    assert (change.rule, change.line, change.column) == ("resolve_competing_vowels", 2, 2)


def test_no_repair_reports_instead() -> None:
    result = normalize_text("ကို ျပည္ ့", repair=False)
    assert any(d.code == "orphan-mark" for d in result.diagnostics)


def test_changes_point_at_the_original_place() -> None:
    result = normalize_text("abc\nxyz ၀န်ထမ်း")
    (change,) = result.changes
    assert (change.line, change.column, change.before, change.after) == (2, 5, "၀", "ဝ")
    assert change.rule == "fix_zero_for_wa" and change.reason


def test_unresolvable_damage_is_diagnosed_with_position() -> None:
    # Two upper vowels and no word evidence for either: reported, not guessed.
    result = normalize_text("abc\nမြန်မာ ကိီ")
    assert [(d.line, d.column, d.code) for d in result.diagnostics] == [(2, 10, "conflicting-marks")]


def test_a_gap_with_no_letter_before_it_is_never_deleted() -> None:
    # After ":" the mark has nothing to join; deleting the space would glue it to ":".
    result = normalize_text("vowel signs: ါ ာ")
    assert result.text == "vowel signs: ါ ာ"
    assert not [c for c in result.changes if c.kind == "repair"]


def test_a_space_after_a_zawgyi_pre_base_mark_is_not_deleted() -> None:
    # Zawgyi ေ before a space: a typing slip or a lost letter, never two words to glue.
    runs = [("ေ ကာင္း", "zawgyi")]
    assert plan_repairs(runs) == [[]]


def test_a_no_break_space_between_clean_words_is_never_taken_for_the_lost_letter() -> None:
    # The font's stand-in here is the no-break space, which clean text uses between words too.
    damaged = damage("\n".join(ZAWGYI_SENTENCES), "က", "\u00a0")
    clean = "အစည်းအဝေးကို နိုဝင်ဘာလ ၁၅\u00a0ရက်နေ့တွင် ကျင်းပမည်။"
    result = normalize_text(damaged + "\n" + clean)
    assert any(c.rule == "restore_lost_letter" for c in result.changes)  # before marks: yes
    assert result.text.split("\n")[-1] == clean


def test_a_doubled_lost_letter_is_restored_twice() -> None:
    # နန်းတော် (palace) with န lost: ⎵⎵်း; the site is the second stand-in, the first
    # is judged by the words it makes.
    line = "မြို့တော်ရှိ နန်းတော်ကို ကြည့်ရှုသည်။"
    damaged = damage("\n".join([*ZAWGYI_SENTENCES, "ၿမိဳ႔ေတာ္ရိွ နန္းေတာ္ကို ၾကၫ့္ရႈသည္။"]), "န", "\u2002")
    assert normalize_text(damaged).text == "\n".join([*UNICODE_SENTENCES, line])


def test_repair_edits_never_overlap() -> None:
    from itertools import pairwise

    from polyglot.burmese.repair import plan_repairs
    from polyglot.burmese.segment import myanmar_segments

    # A stand-in inside a gap that another repair moves: judged once, not twice.
    text = damage("\n".join(ZAWGYI_SENTENCES), "က", "\u2002") + "\nအ\u2002 ့သွား"
    runs = [(s.text, "zawgyi") for s in myanmar_segments(text)]
    for plan in plan_repairs(runs):
        spans = sorted((e.start, e.end) for e in plan)
        assert all(end <= start for (_, end), (start, _) in pairwise(spans))
