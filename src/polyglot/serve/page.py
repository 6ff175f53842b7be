"""The page in every language, its script, style and fonts: made once, at start, in memory.

The page's strings are the site's: they are extracted into the project's catalogs with
the site's own (``site/messages.py``) and read from what ``polyglot compile`` published,
so a translator sees them in the same ``.po`` file and a fuzzy one never shows. Without
compiled catalogs the page is served in English only, and the command says so.

Fonts are the site's (``site/fonts.py``): the Unicode Burmese font whole, the Chinese one
cut to the characters of the Chinese page. They are served from here, as everything
else: the page makes no request to any other address, which its Content-Security-Policy
states (``app.CSP``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from polyglot.config import Config
from polyglot.files import InputError, read_text
from polyglot.locales import Locale
from polyglot.site import fonts as site_fonts
from polyglot.site.artifacts import Translations, load_manifest, load_translations
from polyglot.site.localize import language_name
from polyglot.site.settings import load_site_settings
from polyglot.site.templating import translated_environment

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@dataclass
class Assets:
    """Everything the server answers ``GET`` with, by path."""

    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    """path → (body, content type)."""
    languages: list[str] = field(default_factory=list)
    """The page's language tags, source first."""
    warnings: list[str] = field(default_factory=list)


def _alternates(locales: list[Locale], current: Locale) -> list[dict[str, object]]:
    return [
        {"tag": other.web_tag, "name": language_name(other), "href": f"/{other.web_tag}/", "current": other == current}
        for other in locales
    ]


def _translations(config: Config, warnings: list[str]) -> dict[Locale, Translations]:
    try:
        manifest = load_manifest(config)
    except InputError as err:
        warnings.append(f"the page is in English only: {err}")
        return {config.source: Translations(config.source)}
    return {locale: load_translations(config, locale, manifest) for locale in config.languages}


def build_assets(config: Config) -> Assets:
    """Render the page in each language, and read the script, style and fonts."""
    assets = Assets()
    translations = _translations(config, assets.warnings)
    locales = list(translations)
    for locale, published in translations.items():
        html = (
            translated_environment(published, TEMPLATES)
            .get_template("page.html")
            .render(page_tag=locale.web_tag, alternates=_alternates(locales, locale))
        )
        assets.files[f"/{locale.web_tag}/"] = (html.encode("utf-8"), "text/html; charset=utf-8")
        assets.languages.append(locale.web_tag)
    for name, kind in (("serve.js", "text/javascript; charset=utf-8"), ("serve.css", "text/css; charset=utf-8")):
        assets.files[f"/static/{name}"] = (read_text(STATIC / name).text.encode("utf-8"), kind)
    _fonts(config, assets)
    return assets


def _fonts(config: Config, assets: Assets) -> None:
    """The site's fonts, as the site serves them (a missing font is a warning: the page still works)."""
    settings = load_site_settings(config)
    served: list[site_fonts.SiteFont] = []
    try:
        for font in site_fonts.find_fonts("Burmese", settings.burmese_font):
            face = site_fonts.open_font(font)
            site_fonts.verify_unicode_burmese(face, str(font.path))
            weight = 700 if int(face["OS/2"].usWeightClass) >= 600 else 400
            url = f"fonts/myanmar-{weight}.woff2"
            assets.files[f"/{url}"] = (site_fonts.woff2(face), "font/woff2")
            served.append(site_fonts.SiteFont(site_fonts.BURMESE_FAMILY, weight, url, str(font.path)))
    except InputError as err:
        assets.warnings.append(f"no Burmese font served: {err}")
    chinese = "".join(body.decode("utf-8") for path, (body, _) in assets.files.items() if path.startswith("/zh-"))
    try:
        for font in site_fonts.find_fonts("Chinese", settings.chinese_font) if chinese else ():
            characters = "".join(sorted(set(chinese) - set("\n\r\t")))
            data, weight = site_fonts.subset_woff2(font.path, font.number, characters)
            url = f"fonts/zh-hans-{weight}.woff2"
            assets.files[f"/{url}"] = (data, "font/woff2")
            served.append(site_fonts.SiteFont(site_fonts.CHINESE_FAMILY, weight, url, str(font.path)))
    except InputError as err:
        assets.warnings.append(f"no Chinese font served: {err}")
    css = site_fonts.font_css(served)
    assets.files["/fonts/fonts.css"] = (css.encode("utf-8"), "text/css; charset=utf-8")
