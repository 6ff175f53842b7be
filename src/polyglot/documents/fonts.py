"""Font names as evidence of the encoding, and the font a converted run is given.

Zawgyi is a font encoding: text typed in it only reads right in a Zawgyi font, so a
document that sets its Burmese in one was almost certainly typed in Zawgyi, and once
converted to Unicode it must name a Unicode Burmese font or a reader with the Zawgyi
font installed sees garbage. Every Zawgyi-encoded font people used carries the name
(Zawgyi-One, Zawgyi-One 2008, Smart Zawgyi, Zawgyi Two), so a name containing
"zawgyi" (spaces, hyphens and case aside) is a Zawgyi font. The Unicode fonts are the
ones Myanmar's government, Microsoft, Google and SIL ship for Burmese, and every family
named "Myanmar …": of the 31 fonts in Debian's fonts-myanmar, Zawgyi-One is the only one
without Myanmar shaping tables (a Zawgyi font needs none: its code points are its glyphs),
and all 22 named "Myanmar …" (Myanmar Text's and Myanmar3's kin) shape Unicode.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from polyglot.burmese.detect import Prior

UNICODE_FONTS = ("Pyidaungsu", "Myanmar Text", "Noto Sans Myanmar", "Noto Serif Myanmar", "Padauk", "Myanmar3")
"""Unicode Burmese fonts (the government's, Windows', Google's, SIL's, and the Myanmar NLP group's)."""

DEFAULT_UNICODE_FONT = "Pyidaungsu"
"""What a Zawgyi font becomes after conversion to Unicode: the government's standard font
(Windows and Android users have it or Noto Sans Myanmar, its usual fallback)."""

DEFAULT_ZAWGYI_FONT = "Zawgyi-One"
"""What a Unicode Burmese font becomes with ``--to zawgyi``."""

FontEncoding = Literal["zawgyi", "unicode"]


def _key(name: str) -> str:
    return re.sub(r"[\s\-_]", "", name.strip().strip("'\"")).lower()


_UNICODE_KEYS = frozenset(_key(n) for n in UNICODE_FONTS)


MAY_NAME_BURMESE_FONT = re.compile(r"zaw|pyi|myanmar|padauk", re.I)
"""A pre-filter: text in which this finds nothing names no font ``font_encoding`` knows
(every name it recognizes, spelt with any spaces or hyphens, contains one of these)."""


def font_encoding(name: str) -> FontEncoding | None:
    """The Burmese encoding a font name implies, if it implies one.

    >>> font_encoding("Zawgyi-One"), font_encoding("'Noto Sans Myanmar'"), font_encoding("Arial")
    ('zawgyi', 'unicode', None)
    """
    key = _key(name)
    if "zawgyi" in key:
        return "zawgyi"
    if key in _UNICODE_KEYS or key.startswith(("pyidaungsu", "notosansmyanmar", "notoserifmyanmar", "myanmar")):
        return "unicode"
    return None


def rename_fonts(value: str, target: FontEncoding, replacement: str) -> str:
    """A font name, or a CSS-style comma-separated list of them, with each font of the
    wrong encoding for ``target`` replaced by ``replacement`` (quotes kept as written).

    >>> rename_fonts("'Zawgyi-One', sans-serif", "unicode", "Pyidaungsu")
    "'Pyidaungsu', sans-serif"
    """
    wrong = "zawgyi" if target == "unicode" else "unicode"
    parts = value.split(",")
    out = []
    for part in parts:
        if font_encoding(part) == wrong:
            stripped = part.strip()
            quote = stripped[0] if stripped[:1] in "'\"" and len(stripped) > 1 else ""
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            part = f"{lead}{quote}{replacement}{quote}{trail}"
        out.append(part)
    return ",".join(out)


FONT_WEIGHT = 2.0
"""The most a document's fonts weigh, in log-odds of Zawgyi: as much as ``detect.CONFIDENT``,
so fonts alone decide a run whose text says nothing either way, and a run whose own text
leans the other way more clearly keeps its reading. Fonts are strong evidence (Zawgyi text
only reads right in a Zawgyi font) but not proof: people switch keyboards without switching
fonts, and templates carry fonts nobody chose. A run whose text is clearly Unicode is never
tipped (``detect.detect_segments``)."""


def font_prior(fonts: Iterable[str]) -> Prior | None:
    """The evidence of the fonts a document names (once per run, style or declaration that
    names one), as a prior on its unclear runs: the log of the ratio of Zawgyi to Unicode
    Burmese fonts (plus one each), at most ``FONT_WEIGHT`` either way. None when no font
    says anything about Burmese.

    >>> font_prior(["Zawgyi-One", "Zawgyi-One", "Arial"]).log_odds
    1.0986122886681098
    """
    from polyglot.burmese.detect import Prior

    zawgyi = unicode = 0
    for value in fonts:
        for name in value.split(","):
            encoding = font_encoding(name)
            zawgyi += encoding == "zawgyi"
            unicode += encoding == "unicode"
    if not zawgyi and not unicode:
        return None
    lean = max(-FONT_WEIGHT, min(FONT_WEIGHT, math.log((zawgyi + 1) / (unicode + 1))))
    return Prior(lean, f"fonts ({zawgyi} Zawgyi, {unicode} Unicode Burmese)")
