"""Every character ``str.splitlines`` ends a line at is a line boundary, never part of a run."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese.convert import unicode_to_zawgyi
from polyglot.burmese.pipeline import normalize_text
from polyglot.burmese.segment import LINE_SEPARATORS, myanmar_segments
from tests.conftest import UNICODE_SENTENCES


def test_the_separators_are_those_of_splitlines() -> None:
    assert {ch for ch in map(chr, range(0x3000)) if len(f"a{ch}b".splitlines()) == 2} == set(LINE_SEPARATORS)


@pytest.mark.parametrize("sep", list(LINE_SEPARATORS))
def test_a_separator_before_a_mark_is_kept(sep: str) -> None:
    text = f"မြန်မာ{sep}ာ\n"
    assert normalize_text(text).text == text
    assert all(sep not in s.text for s in myanmar_segments(text))


@pytest.mark.parametrize("sep", list(LINE_SEPARATORS))
def test_a_separator_between_zawgyi_words_is_kept(sep: str) -> None:
    zawgyi = unicode_to_zawgyi(UNICODE_SENTENCES[0]).split(" ")
    text = f"{zawgyi[0]}{sep}{zawgyi[1]} {sep}{sep}ၾ{sep}ား"
    out = normalize_text(text).text
    assert [ch for ch in out if ch in LINE_SEPARATORS] == [ch for ch in text if ch in LINE_SEPARATORS]


_PIECES = st.sampled_from(
    [*LINE_SEPARATORS, " ", "\t", "\u2002", "\u200b", "ာ", "ျ", "ေ", "ွ", "်", "ၾ", "က", "မြန်မာ", "ကေ်ာင္း", "abc", "中"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_no_separator_is_ever_removed_moved_or_added(text: str) -> None:
    out = normalize_text(text).text
    assert [ch for ch in out if ch in LINE_SEPARATORS] == [ch for ch in text if ch in LINE_SEPARATORS]
    assert len(out.splitlines()) == len(text.splitlines())
