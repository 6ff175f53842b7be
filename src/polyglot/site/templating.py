"""The Jinja2 environment: autoescaping, and gettext that treats translations as text.

Jinja's i18n extension marks what gettext returns as safe markup, which assumes
translations are trusted HTML. Ours are not (anyone can send a catalog), so the gettext
installed here escapes the translation itself; the extension then escapes every
``%(name)s`` value as usual. A site string that has no published translation is shown in
English inside ``<span lang="en">``, so that screen readers and fonts treat it as English
on a Burmese or Chinese page.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup, escape

from polyglot.files import read_text
from polyglot.site.artifacts import Translations

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")


_LONE_PERCENT = re.compile(r"%(?!\(\w+\)[sd]|%)")


def literal_percents(text: str) -> str:
    """Double every ``%`` that is not a ``%(name)s`` placeholder or ``%%``.

    Jinja's newstyle gettext always applies ``%`` formatting, so a translator's plain
    "100%" would crash the build (or worse, format something); a stray percent sign in a
    translation is meant as a percent sign.
    """
    return _LONE_PERCENT.sub("%%", text)


def _loader(folders: tuple[Path, ...]) -> FunctionLoader:
    """Templates are read through ``polyglot.files`` like every other file (the first folder
    that has one wins: ``polyglot serve``'s page includes the site's language switcher)."""

    def load(name: str) -> tuple[str, str, None] | None:
        for folder in folders:
            path = folder / name
            if path.is_file():
                return read_text(path).text, str(path), None
        return None

    return FunctionLoader(load)


def environment(folder: Path = TEMPLATES) -> Environment:
    """A fresh environment with the i18n extension (one per language: gettext differs)."""
    return Environment(
        loader=_loader((folder, TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def translated_environment(translations: Translations, folder: Path = TEMPLATES) -> Environment:
    """The environment for one language, with escaping gettext installed."""
    env = environment(folder)

    def gettext(message: str) -> Markup:
        found = translations.get(message)
        if found is not None:
            return escape(literal_percents(found))
        return Markup('<span lang="en" class="untranslated-string">') + escape(message) + Markup("</span>")

    def ngettext(singular: str, plural: str, count: int) -> Markup:
        return gettext(singular if count == 1 else plural)

    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def template_names(folder: Path = TEMPLATES) -> list[str]:
    return sorted(path.name for path in folder.glob("*.html"))
