"""Font names: which encoding they imply, and the pre-filter that skips parts naming none."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from polyglot.documents.fonts import MAY_NAME_BURMESE_FONT, UNICODE_FONTS, font_encoding, rename_fonts

SPELLINGS = [
    *UNICODE_FONTS,
    "Zawgyi-One",
    "Zawgyi One",
    "ZawgyiOne2008",
    "Smart Zawgyi",
    "Pyi Daung Su",
    "Noto Sans Myanmar UI",
    "'Myanmar Text'",
    "Myanmar Sans Pro",
    "Myanmar Census",
]


@given(st.sampled_from(SPELLINGS), st.sampled_from(["", " ", "-", "_"]), st.booleans())
def test_prefilter_finds_every_name_the_fonts_module_knows(name: str, separator: str, upper: bool) -> None:
    spelt = re.sub(r"[\s\-_]", separator, name)
    spelt = spelt.upper() if upper else spelt
    assert font_encoding(spelt) is not None
    assert MAY_NAME_BURMESE_FONT.search(spelt)


def test_prefilter_comparison_fails_when_the_prefilter_is_too_narrow() -> None:
    narrow = re.compile(r"zawgyi|myanmar", re.I)  # a mutation: forgets Pyidaungsu and Padauk
    assert any(font_encoding(n) is not None and not narrow.search(n) for n in SPELLINGS)


def test_rename_keeps_lists_and_quotes() -> None:
    assert rename_fonts('"Zawgyi-One", Arial', "unicode", "Pyidaungsu") == '"Pyidaungsu", Arial'
    assert rename_fonts("Pyidaungsu", "zawgyi", "Zawgyi-One") == "Zawgyi-One"
    assert rename_fonts("Arial", "unicode", "Pyidaungsu") == "Arial"
