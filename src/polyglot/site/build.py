"""``polyglot build``: the static site, from the corpus and the compiled catalogs only.

Layout (all links relative, so the site works from any directory, a web server or
``file://``)::

    site/index.html                 choose a language
    site/<tag>/index.html           the announcements in one language (tag: en, my, zh-Hans)
    site/<tag>/<slug>.html          one announcement in one language
    site/site.css, site/fonts/      styles and the self-hosted fonts

The publishing rule, per page and language: only published translations (never fuzzy)
appear; a block without one is shown in English, marked ``lang="en"``, with a notice at
the top of the page. A page whose translated share is below the threshold is still built
(a reader who needs Burmese is better served by a half-Burmese page than by none; po4a's
habit of dropping such pages is what we avoid), with a stronger notice, and it is kept
out of search engines' language alternates (``noindex``, no ``hreflang``) until it
catches up. Nothing is ever deleted: pages of an earlier build that this build did not
write are reported, not removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from polyglot.catalog.check import Finding
from polyglot.catalog.extract import load_announcements
from polyglot.config import Config
from polyglot.content.document import Document
from polyglot.files import read_text, write_text_if_changed
from polyglot.locales import Locale
from polyglot.site import fonts as site_fonts
from polyglot.site.artifacts import Translations, changed_since_compile, load_manifest, load_translations
from polyglot.site.html import SOURCE_TAG, Coverage, fallback_label, render_body, render_inline
from polyglot.site.localize import format_announcement_date, format_percentage, language_name
from polyglot.site.messages import site_strings
from polyglot.site.render_check import Shaper, check_strings
from polyglot.site.settings import SiteSettings
from polyglot.site.templating import STATIC, translated_environment


@dataclass(frozen=True)
class PageReport:
    """One built page: where, in which language, how much of it is translated."""

    path: str
    """Relative to the site root."""
    locale: str
    slug: str
    percent: float
    complete: bool
    below_threshold: bool


@dataclass
class BuildReport:
    """What a build wrote and found, for the command to tell the user."""

    site: Path
    pages: list[PageReport] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    fonts: list[site_fonts.SiteFont] = field(default_factory=list)
    render_findings: list[Finding] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    uncompiled: list[str] = field(default_factory=list)
    """Catalogs edited since ``polyglot compile``: the site shows their compiled state."""


CHOOSE = "Choose a language"
"""The root page's prompt (in ``root.html``), shown in every language that has translated it."""


@dataclass
class _Alternate:
    tag: str
    name: str
    href: str
    current: bool
    prompt: str = ""
    """On the root page: "Choose a language" in this language (its own words), if translated."""
    prompt_tag: str = ""


def _load_documents(config: Config) -> list[Document]:
    """The announcements, newest first (dates compare as text: YYYY[-MM[-DD]])."""
    documents = load_announcements(config)
    return sorted(documents, key=lambda doc: (str(doc.meta.get("date", "")), doc.slug), reverse=True)


def _front(document: Document, key: str, translations: Translations) -> tuple[Markup | None, str, str | None]:
    """A front-matter field: (HTML, its language tag, its msgid) or (None, …) when absent."""
    block = document.front_blocks.get(key)
    if block is None:
        return None, translations.locale.web_tag, None
    found = translations.get(block.text)
    text, tag = (found, translations.locale.web_tag) if found is not None else (block.text, SOURCE_TAG)
    return render_inline(text), tag, block.text


class SiteBuilder:
    """Renders every page in memory first, then writes only what changed."""

    def __init__(self, config: Config, settings: SiteSettings, site: Path) -> None:
        self.config = config
        self.settings = settings
        self.site = site
        manifest = load_manifest(config)
        self.translations = {locale: load_translations(config, locale, manifest) for locale in config.languages}
        self.environments = {locale: translated_environment(t) for locale, t in self.translations.items()}
        self.documents = _load_documents(config)
        self.files: dict[str, str] = {}
        self.report = BuildReport(site, uncompiled=changed_since_compile(config, manifest))
        self.burmese_strings: list[tuple[str, int, str]] = []

    # ---------------------------------------------------------------- pages

    def alternates(self, locale: Locale, target: str, depth: int, hidden: set[str]) -> list[_Alternate]:
        prefix = "../" * depth
        return [
            _Alternate(other.web_tag, language_name(other), f"{prefix}{other.web_tag}/{target}", other == locale)
            for other in self.config.languages
            if other.web_tag not in hidden or other == locale
        ]

    def page(self, locale: Locale, document: Document) -> tuple[dict[str, object], PageReport]:
        translations = self.translations[locale]
        coverage = Coverage()
        label = fallback_label(translations.get, locale.web_tag)
        body = render_body(document, translations.get, locale.web_tag, coverage, label)
        title, title_tag, title_id = _front(document, "title", translations)
        summary, summary_tag, summary_id = _front(document, "summary", translations)
        for tag, msgid in ((title_tag, title_id), (summary_tag, summary_id)):
            if msgid is not None:
                coverage.add(msgid, tag == locale.web_tag)
        below = coverage.percent < self.settings.threshold
        path = f"{locale.web_tag}/{document.slug}.html"
        report = PageReport(path, locale.code, document.slug, coverage.percent, coverage.complete, below)
        date = str(document.meta.get("date", ""))
        item: dict[str, object] = {
            "href": f"{document.slug}.html",
            "title": title or render_inline(document.slug),
            "title_tag": title_tag,
            "title_text": Markup(title or "").striptags(),
            "summary": summary,
            "summary_tag": summary_tag,
            "date": format_announcement_date(date, locale) if date else "",
            "datetime": date,
            "partial": not coverage.complete,
            "untranslated": not coverage.translated,
            "below_threshold": below,
            "percent": format_percentage(coverage.percent, locale),
            "body": body,
            "label": label,
        }
        return item, report

    def build_pages(self) -> None:
        pages: dict[tuple[Locale, str], tuple[dict[str, object], PageReport]] = {}
        for locale in self.config.languages:
            for document in self.documents:
                pages[locale, document.slug] = self.page(locale, document)
        for locale in self.config.languages:
            env = self.environments[locale]
            items = []
            for document in self.documents:
                item, report = pages[locale, document.slug]
                hidden = {
                    other.web_tag for other in self.config.languages if pages[other, document.slug][1].below_threshold
                }
                html = env.get_template("page.html").render(
                    page_tag=locale.web_tag,
                    root="../",
                    home="index.html",
                    alternates=self.alternates(locale, f"{document.slug}.html", 1, set()),
                    seo_alternates=self.alternates(locale, f"{document.slug}.html", 1, hidden),
                    **item,
                )
                self.files[report.path] = html
                self.report.pages.append(report)
                items.append(item)
            self.files[f"{locale.web_tag}/index.html"] = env.get_template("index.html").render(
                page_tag=locale.web_tag,
                root="../",
                home="index.html",
                items=items,
                alternates=self.alternates(locale, "index.html", 1, set()),
                seo_alternates=self.alternates(locale, "index.html", 1, set()),
            )
        source = self.config.source
        root_alternates = []
        for loc in self.config.languages:
            prompt = self.translations[loc].get(CHOOSE)
            root_alternates.append(
                _Alternate(
                    loc.web_tag,
                    language_name(loc),
                    f"{loc.web_tag}/index.html",
                    False,
                    prompt or "",
                    loc.web_tag if prompt else "",
                )
            )
        self.files["index.html"] = (
            self.environments[source]
            .get_template("root.html")
            .render(
                page_tag=source.web_tag,
                root="",
                home="index.html",
                alternates=root_alternates,
                seo_alternates=root_alternates,
            )
        )

    # ---------------------------------------------------------------- Burmese strings

    def collect_burmese(self) -> None:
        """Every Burmese string the site shows, for the render check, with where it comes from."""
        for locale, translations in self.translations.items():
            if locale.script != "Mymr":
                continue
            where = self.config.relative(self.config.build / "json") + f"/{self.config.domain}.{locale.web_tag}.json"
            used: dict[str, None] = {}
            for document in self.documents:
                for block in document.blocks:
                    used[block.text] = None
            for text, _, _ in site_strings():
                used[text] = None
            for msgid in used:
                found = translations.get(msgid)
                if found is not None:
                    self.burmese_strings.append((f"{where} (msgid {msgid[:40]!r})", 0, found))
            self.burmese_strings.append(("language switcher", 0, language_name(locale)))

    # ---------------------------------------------------------------- output

    def install_fonts(self) -> None:
        (self.site / "fonts").mkdir(parents=True, exist_ok=True)
        fonts = site_fonts.install_burmese(self.site, self.settings.burmese_font)
        chinese_text = "".join(
            html for path, html in self.files.items() if path.startswith("zh-Hans/") or path == "index.html"
        )
        chinese_text += "".join(language_name(locale) for locale in self.config.languages)
        fonts += site_fonts.install_chinese(self.site, self.settings.chinese_font, chinese_text)
        fonts += site_fonts.install_latin(self.site, "".join(self.files.values()))
        self.files["fonts/fonts.css"] = site_fonts.font_css(fonts)
        self.report.fonts = fonts

    def write(self) -> None:
        self.files["site.css"] = read_text(STATIC / "site.css").text
        for relative, text in sorted(self.files.items()):
            path = self.site / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            (self.report.written if write_text_if_changed(path, text) else self.report.unchanged).append(relative)
        built = set(self.files)
        self.report.stale = sorted(
            path.relative_to(self.site).as_posix()
            for path in self.site.rglob("*.html")
            if path.relative_to(self.site).as_posix() not in built
        )

    def render_check(self) -> None:
        font = site_fonts.find_fonts("Burmese", self.settings.burmese_font)[0]
        shaper = Shaper(font.path, font.number)
        self.report.render_findings = check_strings(self.burmese_strings, shaper)


def build_site(config: Config, settings: SiteSettings, site: Path) -> BuildReport:
    """Build the whole site into ``site``; returns what was written and found."""
    builder = SiteBuilder(config, settings, site)
    builder.build_pages()
    builder.collect_burmese()
    builder.install_fonts()
    builder.write()
    builder.render_check()
    return builder.report
