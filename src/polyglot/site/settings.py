"""``[tool.polyglot.site]``: the website's own settings.

The table is also the opt-in for extracting the site's own strings (its templates) into
the project's catalogs: a project that publishes with polyglot's site declares it, and a
project that only keeps catalogs gets no website strings in them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from polyglot.config import PYPROJECT, Config
from polyglot.files import InputError, read_text

DEFAULT_THRESHOLD = 80.0
"""Percent of a page's messages that must be translated for it to count as published in
full; below it the page is still built, with a prominent notice (never deleted)."""


@dataclass(frozen=True)
class SiteSettings:
    """What the ``[tool.polyglot.site]`` table says (defaults when it is absent)."""

    enabled: bool
    """Whether the table exists: the site's strings are extracted only then."""
    threshold: float = DEFAULT_THRESHOLD
    out: str = "site"
    burmese_font: str | None = None
    """A font file to use instead of the installed Noto Sans Myanmar or Padauk."""
    chinese_font: str | None = None
    """A font file (``.otf``, ``.ttf`` or ``.ttc``) to use instead of Noto Sans CJK SC."""


def load_site_settings(config: Config) -> SiteSettings:
    """Read ``[tool.polyglot.site]`` from the project's ``pyproject.toml``."""
    path = config.root / PYPROJECT
    name = str(path)
    if not path.is_file():
        return SiteSettings(enabled=False)
    try:
        data = tomllib.loads(read_text(path).text)
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{name}:{getattr(err, 'lineno', 1)}: invalid TOML: {err}") from None
    table = data.get("tool", {}).get("polyglot", {}).get("site")
    if table is None:
        return SiteSettings(enabled=False)
    if not isinstance(table, dict):
        raise InputError(f"{name}: [tool.polyglot.site] must be a table")
    threshold = table.get("threshold", DEFAULT_THRESHOLD)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 100:
        raise InputError(f"{name}: [tool.polyglot.site] threshold must be a percentage from 0 to 100")
    fonts: dict[str, str | None] = {}
    for key in ("burmese_font", "chinese_font", "out"):
        value = table.get(key)
        if value is not None and (not isinstance(value, str) or not value):
            raise InputError(f"{name}: [tool.polyglot.site] {key} must be a non-empty string")
        fonts[key] = str(config.root / value) if value and key != "out" else value
    return SiteSettings(
        enabled=True,
        threshold=float(threshold),
        out=fonts["out"] or "site",
        burmese_font=fonts["burmese_font"],
        chinese_font=fonts["chinese_font"],
    )


def site_root(config: Config, settings: SiteSettings, out: Path | None) -> Path:
    """Where the site is written: ``--out``, else the table's ``out``, else ``site/``."""
    return out if out is not None else config.root / settings.out
