"""Line breaks in Burmese: a space where a phrase ends, nothing inside a phrase."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese.phrases import BOUND, PHRASE_FINAL, break_is_space, first_word, last_word
from polyglot.content.document import fold, line_break, parse_document

# The organisation's call (seed), as extracted from its PDF and converted: three breaks
# fall inside phrases, one at a phrase boundary.
INSIDE = [
    ("နိုဝင်ဘာ ၃၀ ရက်နေ့သို့ တိုးမြှင့်", "လိုက်ကြောင်း အကြောင်း"),  # verb + auxiliary
    ("စွမ်းရည်များကို မြှင့်တင်လို", "သည့် လူထုအခြေပြု"),  # verb + relative particle
    ("ဖြစ်စဉ်များအား မှတ်တမ်းတင်ခြင်း", "နှင့် ပြောင်းလဲမှုအတွက်"),  # noun + postposition
]
BOUNDARY = [
    ("အဖွဲ့ သစ်များ ခေါ်ယူလျှက်ရှိရာ", "လျှောက်လွှာ ပိတ်သည့်"),  # clause connective ရာ, then a noun
    ("၁၅ ရက်နေ့ မှ", "နိုဝင်ဘာ ၃၀"),  # case marker မှ, then a noun
    ("ကြားအပ်ပါတယ်။", "လူ့ အခွင့်အရေး"),  # after a full stop
]


@pytest.mark.parametrize(("before", "after"), INSIDE)
def test_a_break_inside_a_phrase_is_nothing(before: str, after: str) -> None:
    assert not break_is_space(before, after)
    assert fold(f"{before}\n{after}") == before + after


@pytest.mark.parametrize(("before", "after"), BOUNDARY)
def test_a_break_at_a_phrase_boundary_is_a_space(before: str, after: str) -> None:
    assert break_is_space(before, after)
    assert fold(f"{before}\n{after}") == f"{before} {after}"


def test_a_dictionary_word_across_the_break_is_joined() -> None:
    # လျှောက်လွှာ (application form) is one dictionary word; ရာ would otherwise call for a space
    assert not break_is_space("ခေါ်ယူလျှက်ရှိရာ လျှောက်", "လွှာ ပိတ်သည့်")


def test_a_number_stands_apart_from_the_words_around_it() -> None:
    assert fold("နိုဝင်ဘာ\n၁၅ ရက်နေ့") == "နိုဝင်ဘာ ၁၅ ရက်နေ့"
    assert fold("နိုဝင်ဘာ ၁၅\nရက်နေ့") == "နိုဝင်ဘာ ၁၅ ရက်နေ့"


def test_a_word_ending_in_a_phrase_final_particle_closes_the_phrase() -> None:
    # များသည် (plural + topic) and လွယ်ကူစွာ (adverb: easily) end their phrases
    assert fold("အဖွဲ့ဝင်များသည်\nအစည်းအဝေး") == "အဖွဲ့ဝင်များသည် အစည်းအဝေး"
    assert fold("လွယ်ကူစွာ\nဝင်ရောက်နိုင်သည်") == "လွယ်ကူစွာ ဝင်ရောက်နိုင်သည်"
    # ... while the adverb suffix itself never opens one
    assert fold("များ\nစွာ") == "များစွာ"


def test_two_content_words_without_a_particle_are_one_phrase() -> None:
    assert fold("လူထု\nအဖွဲ့") == "လူထုအဖွဲ့"


def test_punctuation_after_the_break_attaches_to_what_precedes() -> None:
    assert fold("ကြားအပ်ပါတယ်\n။") == "ကြားအပ်ပါတယ်။"


def test_words_are_read_from_the_dictionary_and_the_particles() -> None:
    assert last_word("ခေါ်ယူလျှက်ရှိရာ") == "ရာ"
    assert first_word("လျှောက်လွှာ") == "လျှောက်လွှာ"
    assert first_word("လိုက်ကြောင်း") == "လိုက်"
    assert "ရာ" in PHRASE_FINAL and "သည့်" in BOUND


def test_other_scripts_keep_their_rules() -> None:
    assert line_break("亚洲促进会", "正在") == ""
    assert line_break("CBOs", "in Myanmar") == " "
    assert line_break("Program 2018", "အတွက်") == " "
    assert line_break("ခေါ်ယူ\u200b", "လျှောက်") == ""


def test_markdown_sources_in_burmese_fold_by_the_same_rule() -> None:
    text = "---\ntitle: t\nslug: s\ndate: 2018\nlanguage: my\n---\n\nမြှင့်တင်လို\nသည့် အဖွဲ့များ\n"
    assert [b.text for b in parse_document(text).body_blocks] == ["မြှင့်တင်လိုသည့် အဖွဲ့များ"]


_BURMESE_WORD = st.sampled_from(["လူထု", "အဖွဲ့", "သစ်", "များ", "ကို", "ရာ", "လျှောက်လွှာ", "သည့်", "၊", "။", "၁၅"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_BURMESE_WORD, min_size=2, max_size=8), st.data())
def test_folding_loses_and_invents_nothing_but_spaces(words: list[str], data: st.DataObject) -> None:
    """Whatever the rule decides, only the break itself becomes a space or nothing."""
    cut = data.draw(st.integers(1, len(words) - 1))
    text = "".join(words[:cut]) + "\n" + "".join(words[cut:])
    folded = fold(text)
    assert folded.replace(" ", "") == text.replace("\n", "")
    assert "\n" not in folded


def test_a_msgstr_with_soft_breaks_renders_by_the_same_rule() -> None:
    """A translator who wrapped a Burmese msgstr in their editor: the page shows the phrase
    whole, the phrase boundary as a space, and keeps a hard break."""
    from polyglot.site.html import render_inline

    assert render_inline("မြှင့်တင်လို\nသည့် အဖွဲ့များ") == "မြှင့်တင်လိုသည့် အဖွဲ့များ"
    assert render_inline("ခေါ်ယူလျှက်ရှိရာ\n*လျှောက်လွှာ*") == "ခေါ်ယူလျှက်ရှိရာ <em>လျှောက်လွှာ</em>"
    assert render_inline("我们\n是") == "我们是"
    assert render_inline("အဖွဲ့များ  \nနှင့်") == "အဖွဲ့များ<br />\nနှင့်"
