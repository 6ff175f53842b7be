"""What must survive translation unchanged: placeholders, tags, URLs, e-mails, numbers.

The checks compare these between a message and its translation, compile leaves out a
translation whose placeholders differ, and ingest uses them as anchors to align an
existing translation with its source. Numbers are read the way readers of each script
write them: Myanmar digits (၁၅ is 15), Chinese numerals (二十 is 20, 二〇一八 is 2018,
250.5万 is 2,505,000) and English "2.505 million" all become plain numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation

PLACEHOLDER = re.compile(
    r"%\([A-Za-z_]\w*\)[sdifr]"  # %(name)s
    r"|%[sdifr](?![A-Za-z])"  # %s, %d (not the "% s" of "38% said")
    r"|\{[A-Za-z_0-9]*\}"  # {name}, {0}, {}
)
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*?/?>")
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL_TRAILER = ".,;:!?)]'"


def placeholders(text: str) -> Counter[str]:
    return Counter(match.group() for match in PLACEHOLDER.finditer(text))


def tags(text: str) -> Counter[str]:
    """HTML tags by name and direction (``<a>``, ``</a>``); attributes are not compared
    here (their URLs are, by ``urls``)."""
    return Counter(
        ("</" if match.group().startswith("</") else "<") + match.group(1).lower() + ">" for match in TAG.finditer(text)
    )


def urls(text: str) -> set[str]:
    found = set()
    for match in URL.finditer(text):
        url = match.group()
        while url and url[-1] in _URL_TRAILER:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        found.add(url)
    return found


def emails(text: str) -> set[str]:
    return {match.group().rstrip(".").lower() for match in EMAIL.finditer(text)}


def mask(text: str, *patterns: re.Pattern[str]) -> str:
    """``text`` with every match of ``patterns`` blanked out, columns kept."""
    for pattern in patterns:
        text = pattern.sub(lambda match: " " * len(match.group()), text)
    return text


# --------------------------------------------------------------------------- numbers

_DIGIT_MAP = {
    ord(char): str(unicodedata.digit(char))
    for char in map(chr, range(0x0660, 0x10000))
    if unicodedata.category(char) == "Nd"
}
"""Every Unicode decimal digit (Myanmar ၀-၉, full-width ０-９, ...) to its ASCII digit."""

_MYANMAR_ZERO = "\u1040"
_LETTER_MARK = re.compile(r"[\u1000-\u103f\u1050-\u109f]")

_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_ENGLISH_SCALE = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s+|-)(thousand|million|billion)\b", re.IGNORECASE)
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_CHINESE = re.compile(r"[〇零一二两三四五六七八九十百千万亿]+")
_CHINESE_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_MYRIADS = {"万": 10**4, "亿": 10**8}


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")).normalize()
    except InvalidOperation:
        return None


def chinese_numeral(text: str) -> int | None:
    """The value of a Chinese numeral: 二十五 → 25, 两万 → 20000, 二〇一八 → 2018."""
    if not text or all(char in _CHINESE_MYRIADS for char in text):
        return None
    if all(char in _CHINESE_DIGITS for char in text):
        return int("".join(str(_CHINESE_DIGITS[char]) for char in text))
    total = section = digit = 0
    for char in text:
        if char in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[char]
        elif char in _CHINESE_UNITS:
            section += (digit or 1) * _CHINESE_UNITS[char]
            digit = 0
        else:
            total += (section + digit) * _CHINESE_MYRIADS[char]
            section = digit = 0
    return total + section + digit


def _ascii_digits(text: str) -> str:
    """Myanmar and other digits as ASCII, except a lone ၀ inside a word, which is the
    letter wa (ဝ) typed with its look-alike, not a zero."""
    out = []
    for index, char in enumerate(text):
        if char == _MYANMAR_ZERO:
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            lone = not before.isdigit() and not after.isdigit()
            if lone and (_LETTER_MARK.match(before or " ") or _LETTER_MARK.match(after or " ")):
                out.append(char)
                continue
        out.append(char.translate(_DIGIT_MAP))
    return "".join(out)


def numbers(text: str) -> set[Decimal]:
    """The numbers a text states, whatever script it writes them in.

    URLs and e-mail addresses are left out (they are compared whole elsewhere), and so
    are placeholders.
    """
    text = _ascii_digits(mask(text, URL, EMAIL, PLACEHOLDER))
    found: set[Decimal] = set()

    def scaled(match: re.Match[str]) -> str:
        value = _number(match.group(1))
        if value is not None:
            found.add((value * _SCALES[match.group(2).lower()]).normalize())
        return " "

    text = _ENGLISH_SCALE.sub(scaled, text)
    for match in _ARABIC.finditer(text):
        value = _number(match.group())
        following = text[match.end() : match.end() + 1]
        if value is not None and following in _CHINESE_MYRIADS:
            value = (value * _CHINESE_MYRIADS[following]).normalize()
        if value is not None:
            found.add(value)
    for match in _CHINESE.finditer(text):
        numeral = chinese_numeral(match.group())
        if numeral is not None:
            found.add(Decimal(numeral).normalize())
    return found
