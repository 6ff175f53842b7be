"""``normalize_text`` is idempotent: its output is a fixed point, on any mix of input.

A Zawgyi word inside a Unicode line was once half reordered and converted on a second
run; ``--check`` failed on the output of ``normalize -i``. The property test
feeds the mixes staff really paste (Unicode and Zawgyi words, English, Chinese, marks
with no letter, odd whitespace and every line separator) and requires a second run to
change nothing; the regression tests pin the two strings that showed it.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese.convert import unicode_to_zawgyi
from polyglot.burmese.pipeline import normalize_text
from tests.conftest import UNICODE_SENTENCES

_UNICODE_WORDS = sorted(
    {w for s in UNICODE_SENTENCES for w in s.split()}
    | {"နှင့်", "တိုးမြှင့်", "လူ့အခွင့်အရေး", "သည့်", "လူထုအခြေပြု", "ဝန်ကြီး", "၂၀၁၈", "၃၀", "ဉာဏ်", "၎င်း"}
)
unicode_word = st.sampled_from(_UNICODE_WORDS)
zawgyi_word = unicode_word.map(unicode_to_zawgyi)  # polyglot's own converter, as a Zawgyi keyboard types
burmese_word = unicode_word | zawgyi_word
english = st.sampled_from(["Call", "for", "Applications", "2018-19", "http://x.org", "ksuwin@example.org", "—", "("])
chinese = st.sampled_from(["申请", "截止日期", "人权", "。"])
loose_mark = st.sampled_from(
    [chr(cp) for cp in range(0x102B, 0x103F)]  # vowel signs, medials, asat, virama, tones
    + ["\u1060", "\u1064", "\u107e", "\u1087", "\u108f", "\u1094", "\u1095"]  # Zawgyi glyph variants
    + ["\u200b", "\u200c", "\ufffd"]
)


@st.composite
def _damaged(draw: st.DrawFn) -> str:
    """A word with a mark typed into it, or a piece of a word cut mid-syllable."""
    word = draw(burmese_word)
    i = draw(st.integers(0, len(word)))
    if draw(st.booleans()):
        return word[:i] + draw(loose_mark) + word[i:]
    return word[i:] if draw(st.booleans()) else word[:i]


piece = st.one_of(unicode_word, zawgyi_word, english, chinese, loose_mark, _damaged())
_SPACES = [" ", " ", "  ", "", "\t", "\u00a0", "\u2002", "\u3000", "\u200b"]
_LINE_SEPARATORS = ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
separator = st.sampled_from([*_SPACES, *_LINE_SEPARATORS])
mix = st.lists(st.tuples(piece, separator), max_size=10).map(lambda xs: "".join(p + s for p, s in xs))


@settings(max_examples=1000, deadline=None)
@given(mix)
def test_normalize_is_idempotent_on_mixed_input(text: str) -> None:
    once = normalize_text(text, explain=False)
    twice = normalize_text(once.text)
    assert twice.text == once.text
    assert twice.changes == []


@settings(max_examples=200, deadline=None)
@given(mix)
def test_explained_and_plain_normalize_write_the_same(text: str) -> None:
    explained = normalize_text(text)
    plain = normalize_text(text, explain=False)
    assert explained.text == plain.text
    assert explained.diagnostics == plain.diagnostics


ISSUE_ZAWGYI_WORD = "နှင့် တိုးျမွင့္ လူ့အခွင့်အရေး သည့္"
ISSUE_COMPETING_VOWELS = "၃၀ http://x.org လုူ႕ လူထုအခြေပြု"


def test_a_zawgyi_word_in_a_unicode_line_is_left_as_typed_and_reported() -> None:
    once = normalize_text(ISSUE_ZAWGYI_WORD)
    assert "တိုးျမွင့္" in once.text.split()  # as typed: not reordered to တျိုးမွင့္
    assert once.text.endswith("သည့်")  # the run of its own after it is clearly Zawgyi, and converted
    assert [(d.column, d.code) for d in once.diagnostics] == [(7, "zawgyi-word")]
    assert "တိုးမြှင့်" in once.diagnostics[0].message  # what it reads as in Zawgyi
    assert normalize_text(once.text).text == once.text


def test_a_zawgyi_dot_below_in_a_unicode_line_is_reported_and_stable() -> None:
    once = normalize_text(ISSUE_COMPETING_VOWELS)
    assert once.text == ISSUE_COMPETING_VOWELS  # the word is left as typed, its damage too
    assert [d.code for d in once.diagnostics] == ["zawgyi-word"]
    assert normalize_text(once.text).text == once.text


def test_a_unicode_typists_misordered_word_is_still_reordered() -> None:
    # ရေှ: medial HA typed after the vowel E; the Unicode rules make it well-formed.
    assert normalize_text("ကလေးများ ရေှ့ မှာ").text == "ကလေးများ ရှေ့ မှာ"


def test_a_line_of_marks_with_no_letter_is_left_as_typed() -> None:
    # A lone ြ is Zawgyi's WA or Unicode's RA, and nothing tells which: converting it
    # made ွ, then ှ on the next run.
    text = "ြ\nရက္ေန႔တြင္ "
    once = normalize_text(text)
    assert once.text == "ြ\nရက်နေ့တွင် "
    assert [d.code for d in once.diagnostics] == ["orphan-mark"]
    assert normalize_text(once.text).text == once.text


def test_a_run_whose_result_would_not_stand_is_read_as_the_normalized_document_reads() -> None:
    # The unclear first run follows the document's Zawgyi lean, but once the Zawgyi run is
    # converted the lean is Unicode, and the result would be normalized again; so it is read
    # as Unicode, as it is alone, and reported (where every changed run used to be left as typed).
    text = "ဝန်ကြီး\u00a0္\v့\x85ဝန္ႀကီး အဖွဲ့အစည်းများနှင့်ပူးေပါင္းေဆာင္ရြက္ရန္ "
    once = normalize_text(text)
    first = once.text.split("\v")[0]
    assert first == normalize_text("ဝန်ကြီး\u00a0္").text
    assert "first reading would not stand" in next(d.message for d in once.diagnostics if d.line == 1)
    assert normalize_text(once.text).text == once.text


_NOT_KEPT = re.compile("[\\s\u1000-\u109f\u200b-\u200d\ufffd]")
"""What normalization may change: Myanmar runs, the whitespace inside them, lost glyphs."""


@settings(max_examples=200, deadline=None)
@given(mix)
def test_lines_and_text_outside_myanmar_runs_are_kept(text: str) -> None:
    out = normalize_text(text, explain=False).text
    assert len(out.splitlines()) == len(text.splitlines())
    assert _NOT_KEPT.sub("", out) == _NOT_KEPT.sub("", text)


def test_with_the_encoding_given_no_word_is_judged() -> None:
    # ``--from unicode``: the caller says the text is Unicode, so its words are normalized as
    # Unicode, the Zawgyi-looking one too, and nothing is checked a second time.
    result = normalize_text(ISSUE_ZAWGYI_WORD, source="unicode")
    assert "တျိုးမွင့္" in result.text.split()
    assert "zawgyi-word" not in [d.code for d in result.diagnostics]


def test_a_list_of_marks_after_a_word_stays_a_list() -> None:
    # Joining the list's first member to the word before left two members, no longer a
    # list, which the next run joined too.
    text = "ကလေး ါ ာ ိ"
    once = normalize_text(text)
    assert once.text == text
    assert [d.code for d in once.diagnostics] == ["orphan-mark"] * 3


def test_one_unstable_ambiguous_run_never_leaves_the_whole_document_as_typed() -> None:
    # Three clear Zawgyi lines and one unclear run, which follows their lean. Converted, they
    # lean Unicode, and the run (left as typed or not) is read differently: it used to leave
    # every line as typed. Read as the normalized document reads, it stands, and so do the rest.
    text = "ပူးေပါင္းေဆာင္ရြက္ရန္\nအစည္းအေဝးကို\nကို ဝန်ကြီး\u00a0္\nရက္ေန့တြင္ ဝန္ေဆာင္မႈမ်ား"
    once = normalize_text(text)
    assert once.text.splitlines()[0] == "ပူးပေါင်းဆောင်ရွက်ရန်"
    assert once.text.splitlines()[3] == "ရက်နေ့တွင် ဝန်ဆောင်မှုများ"
    [unclear] = [d for d in once.diagnostics if d.code == "ambiguous-encoding"]
    assert (unclear.line, "first reading would not stand") == (
        3,
        unclear.message[-len("first reading would not stand") - 1 : -1],
    )
    assert normalize_text(once.text).text == once.text
    assert normalize_text(text, explain=False).text == once.text
