"""Render check: shape Burmese text with HarfBuzz and the site's own Burmese font.

Why: text can be valid Unicode code point by code point and still not render. When a
vowel sign or other mark has no consonant to sit on (an orphaned mark, marks in an order
the font's shaping rules do not accept), HarfBuzz, like every browser built on it,
inserts a dotted circle (U+25CC) in its place. Readers see ◌ in the middle of a word. The
catalog checks reason about syllable structure; this check asks the renderer itself,
with the very font the site serves, so what it reports is what readers would see.

It is part of ``polyglot check`` (every Burmese msgstr of the catalog, where the site's
strings are too) and of ``polyglot build`` (every Burmese string the site shows).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import uharfbuzz as hb

from polyglot.catalog.check import ERROR, WARNING, Finding
from polyglot.catalog.model import Catalog
from polyglot.files import InputError
from polyglot.locales import Locale
from polyglot.site.fonts import find_fonts

DOTTED_CIRCLE = 0x25CC
CHECK = "render"


@dataclass(frozen=True)
class RenderProblem:
    """One place where the shaper shows something other than the text's letters."""

    column: int
    """1-based position (in characters) of the character the problem is attached to."""
    message: str


class Shaper:
    """HarfBuzz with one font, reusable for many strings."""

    def __init__(self, font_path: str | Path, number: int = 0) -> None:
        path = Path(font_path)
        try:
            blob = hb.Blob.from_file_path(str(path))
        except Exception as err:  # uharfbuzz raises plain exceptions for unreadable files
            raise InputError(f"{path}: cannot read font: {err}") from None
        self.face = hb.Face(blob, number)
        self.font = hb.Font(self.face)
        self.path = path
        self.dotted_circle = self.font.get_nominal_glyph(DOTTED_CIRCLE)

    def shape(self, text: str) -> list[tuple[int, int]]:
        """(glyph id, cluster = index of the first character) for each glyph of ``text``."""
        buffer = hb.Buffer()
        buffer.add_codepoints([ord(char) for char in text])
        buffer.guess_segment_properties()
        hb.shape(self.font, buffer, {})
        return [(info.codepoint, info.cluster) for info in buffer.glyph_infos]

    def problems(self, text: str) -> list[RenderProblem]:
        """Dotted circles the shaper inserted (a U+25CC in the text itself is no problem),
        and Myanmar characters the font has no glyph for."""
        found = []
        for glyph, cluster in self.shape(text):
            char = text[cluster] if cluster < len(text) else ""
            if glyph == 0 and char and "\u1000" <= char <= "\u109f":
                found.append(RenderProblem(cluster + 1, f"the font has no glyph for {_describe(char)}"))
            elif glyph == self.dotted_circle and self.dotted_circle and ord(char or " ") != DOTTED_CIRCLE:
                at = _orphan(text, cluster)
                mark = text[at] if at < len(text) else ""
                context = text[max(0, at - 3) : at + 4]
                found.append(
                    RenderProblem(
                        at + 1,
                        f"dotted circle (U+25CC) inserted at {_describe(mark)} in {context!r}: the mark has "
                        "no base it can attach to; readers see ◌",
                    )
                )
        return found


def _describe(char: str) -> str:
    if not char:
        return "the end"
    return f"{char!r} (U+{ord(char):04X} {unicodedata.name(char, 'unnamed')})"


def _orphan(text: str, cluster: int) -> int:
    """Index of the mark the dotted circle stands in front of: the first combining character
    of the cluster (HarfBuzz may start the cluster at a space before it)."""
    for index in range(cluster, min(len(text), cluster + 8)):
        if unicodedata.category(text[index]) in ("Mn", "Mc"):
            return index
    return cluster


@cache
def site_shaper(override: str | None = None) -> Shaper:
    """HarfBuzz with the Burmese font the site serves (the same lookup as the build)."""
    font = find_fonts("Burmese", override)[0]
    return Shaper(font.path, font.number)


def _configured_font() -> str | None:
    """The Burmese font ``[tool.polyglot.site]`` names for the project in the working
    directory (the one ``polyglot check`` is checking), so both commands shape with the
    font the site serves."""
    from polyglot.config import load_config
    from polyglot.site.settings import load_site_settings

    try:
        return load_site_settings(load_config()).burmese_font
    except InputError:
        return None


def check_strings(strings: list[tuple[str, int, str]], shaper: Shaper) -> list[Finding]:
    """Findings for (path, line, text) triples, one per problem, ``path:line: [render] column N: …``."""
    findings = []
    for path, line, text in strings:
        for problem in shaper.problems(text):
            findings.append(Finding(path, line, CHECK, f"column {problem.column}: {problem.message}"))
    return findings


def check_catalog_rendering(catalog: Catalog, locale: Locale, font: str | None = None) -> list[Finding]:
    """``polyglot check``'s render check: shape every Burmese msgstr of ``catalog``.

    Fuzzy entries are shaped too (the translator should hear about ◌ before publishing),
    as warnings, the way the catalog checks treat fuzzy content. Without an installed
    Burmese font the check cannot run: that is one warning naming the package to install.
    """
    if locale.script != "Mymr":
        return []
    try:
        shaper = site_shaper(font if font is not None else _configured_font())
    except InputError as err:
        return [Finding(catalog.path, catalog.header_line, CHECK, f"not run: {err}", WARNING)]
    findings = []
    for message in catalog.active:
        for text in message.translations:
            if not text:
                continue
            for problem in shaper.problems(text):
                severity = WARNING if message.fuzzy else ERROR
                suffix = " (fuzzy)" if message.fuzzy else ""
                findings.append(
                    Finding(
                        catalog.path,
                        message.msgstr_line or message.line,
                        CHECK,
                        f"column {problem.column}: {problem.message}{suffix}",
                        severity,
                    )
                )
    return findings
