"""Dates and numbers in the reader's language, from Babel's CLDR data.

Babel formats with CLDR's patterns and month names but always writes ASCII digits;
CLDR also says which digits a language uses by default (Burmese: ``mymr``, the Myanmar
digits ၀-၉), so the digits are mapped afterwards. Announcement dates have the precision
their author gave (``2018``, ``2018-11``, ``2018-11-30``) and are shown with exactly that
precision: inventing a day would state something nobody said.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale as BabelLocale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, format_percent

from polyglot.locales import Locale

ZERO_DIGITS = {
    "latn": "0",
    "mymr": "\u1040",
    "arab": "\u0660",
    "beng": "\u09e6",
    "deva": "\u0966",
    "thai": "\u0e50",
    "khmr": "\u17e0",
    "laoo": "\u0ed0",
}
"""First digit (zero) of the CLDR numbering systems whose digits are consecutive code points."""


@cache
def babel_locale(locale: Locale) -> BabelLocale:
    """Babel's locale for one of ours (``zh_Hans`` and ``my`` are CLDR identifiers already)."""
    return BabelLocale.parse(locale.code)


def native_digits(text: str, locale: Locale) -> str:
    """``text`` with ASCII digits written in the locale's default CLDR numbering system."""
    system = babel_locale(locale).default_numbering_system
    zero = ZERO_DIGITS.get(system, "0")
    if zero == "0":
        return text
    return "".join(chr(ord(zero) + ord(c) - 48) if "0" <= c <= "9" else c for c in text)


def format_announcement_date(value: str, locale: Locale) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the locale writes it, at that precision.

    ``2018-11-30`` → ``November 30, 2018`` / ``၂၀၁၈ နိုဝင်ဘာ ၃၀`` / ``2018年11月30日``.
    """
    parts = [int(part) for part in value.split("-")]
    where = babel_locale(locale)
    if len(parts) == 3:
        text = format_date(dt.date(*parts), "long", locale=where)
    elif len(parts) == 2:
        text = format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=where)
    else:
        text = format_skeleton("y", dt.date(parts[0], 1, 1), locale=where)
    return native_digits(text, locale)


def format_number(value: float, locale: Locale) -> str:
    return native_digits(format_decimal(value, locale=babel_locale(locale)), locale)


def format_percentage(percent: float, locale: Locale) -> str:
    """A percentage rounded down to a whole number (99.6% is not yet 100%)."""
    return native_digits(format_percent(int(percent) / 100, locale=babel_locale(locale)), locale)


def language_name(locale: Locale, in_locale: Locale | None = None) -> str:
    """The language's name in its own language (or in ``in_locale``): မြန်မာ, 中文 (简体)."""
    name = babel_locale(locale).get_display_name(babel_locale(in_locale or locale)) or locale.name
    return name[:1].upper() + name[1:]
