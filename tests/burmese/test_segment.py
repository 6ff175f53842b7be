"""Runs of Myanmar script: what belongs to a run and what stays outside, untouched."""

import pytest

from polyglot.burmese.segment import myanmar_segments


def runs(text: str) -> list[str]:
    return [s.text for s in myanmar_segments(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ab မြန်မာ cd", ["မြန်မာ"]),  # ordinary spaces at the edges stay outside
        ("မြန်မာ နိုင်ငံ", ["မြန်မာ နိုင်ငံ"]),  # spaces between phrases belong to the run
        ("ab ွ်ာ", [" ွ်ာ"]),  # a space before a leading mark is damage or nothing
        ("ab \u2002ေလး", ["\u2002ေလး"]),  # a stand-in for a lost letter at a word's start
        ("ရှိ\u2002 ab", ["ရှိ\u2002"]),  # ... and at its end
        ("ရှိ\u2002ab", ["ရှိ"]),  # not when it touches other text
        ("ရှိ\xa0\xa0ab", ["ရှိ"]),  # ... however many there are
        ("မြန်မာ\nနိုင်ငံ", ["မြန်မာ", "နိုင်ငံ"]),  # never across a line break
        ("ab ၾ\ufffdား cd", ["ၾ\ufffdား"]),  # U+FFFD, an extractor's lost glyph, inside a word
        ("ab \ufffdို cd", ["\ufffdို"]),  # ... or at its start
        ("ab ၾ\ue01fား cd", ["ၾ\ue01fား"]),  # a private-use glyph number, lost the same way
        ("ab \ue01f cd", []),  # ... but never a run by itself
    ],
)
def test_what_a_run_holds(text: str, expected: list[str]) -> None:
    assert runs(text) == expected
