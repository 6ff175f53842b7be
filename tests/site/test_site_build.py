"""polyglot build: pages, languages, the publishing rule, escaping, dates, fonts."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from polyglot.catalog.pofile import read_po
from polyglot.files import InputError
from tests.site.sitekit import SiteProject

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "aside"}


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def html_lang(html: str) -> str | None:
    return next(attrs.get("lang") for tag, attrs in Elements(html).tags if tag == "html")


def test_every_language_has_an_index_and_every_announcement(built: SiteProject) -> None:
    for tag in ("en", "my", "zh-Hans"):
        for page in ("index.html", "deadline.html", "notes.html"):
            assert html_lang(built.page(f"{tag}/{page}")) == tag
    assert html_lang(built.page("index.html")) == "en"


def test_every_block_has_a_lang(built: SiteProject) -> None:
    for path in built.site_files():
        for tag, attrs in Elements(path.read_text(encoding="utf-8")).tags:
            if tag in BLOCK_TAGS:
                assert attrs.get("lang") in ("en", "my", "zh-Hans"), (path, tag, attrs)


def test_language_switcher_links_to_the_same_page_in_every_language(built: SiteProject) -> None:
    page = Elements(built.page("my/deadline.html"))
    links = {attrs["hreflang"]: attrs["href"] for tag, attrs in page.tags if tag == "a" and attrs.get("hreflang")}
    assert links == {"en": "../en/deadline.html", "my": "../my/deadline.html", "zh-Hans": "../zh-Hans/deadline.html"}
    for href in links.values():
        assert href is not None and (built.root / "site" / "my" / href).resolve().is_file()


def test_untranslated_blocks_fall_back_to_english_marked_and_noticed(built: SiteProject) -> None:
    html = built.page("my/deadline.html")
    # Labelled "in English" in the page's language: seen, and read out by screen readers.
    label = '<span class="fallback-label" lang="my">အင်္ဂလိပ်ဘာသာဖြင့်</span> '
    assert f'<p lang="en" class="untranslated">{label}Late applications cannot be considered.</p>' in html
    assert '<h2 lang="my">လျှောက်ထားနည်း</h2>' in html
    assert 'class="notice"' in html  # 10 of 11 messages: above the threshold, still noticed
    assert "notice-incomplete" not in html
    assert "ဤစာမျက်နှာ" not in html  # the notice's translation is not in this catalog …
    assert '<span lang="en" class="untranslated-string">Parts of this page' in html  # … so English


def test_fuzzy_never_appears(built: SiteProject) -> None:
    late = read_po(str(built.po("my"))).find("Late applications cannot be considered.")
    assert late is not None and late.fuzzy
    for path in built.site_files():
        assert "FUZZY-NEVER-PUBLISHED" not in path.read_text(encoding="utf-8")


def test_a_page_below_the_threshold_is_built_with_the_notice(built: SiteProject) -> None:
    html = built.page("my/notes.html")
    assert 'class="notice notice-incomplete"' in html
    assert "Only ၀% of this page" in html
    assert '<meta name="robots" content="noindex">' in html
    label = '<span class="fallback-label" lang="my">အင်္ဂလိပ်ဘာသာဖြင့်</span> '
    assert f'<h1 lang="en" class="untranslated">{label}Field notes</h1>' in html
    # and kept out of the search engines' alternates of the other languages
    assert 'hreflang="my" href="../my/notes.html"' not in built.page("en/notes.html").split("<body>")[0]
    assert 'href="../my/notes.html" hreflang="my"' in built.page("en/notes.html").split("<body>")[1]


def test_threshold_is_configurable(site_project: SiteProject) -> None:
    site_project.run("build", "-q", "--threshold", "95")
    assert "notice-incomplete" in site_project.page("my/deadline.html")
    site_project.run("build", "-q", "--threshold", "0")
    assert "notice-incomplete" not in site_project.page("my/notes.html")


def test_a_page_is_never_deleted_when_its_translation_falls_behind(built: SiteProject) -> None:
    before = {path.relative_to(built.root) for path in built.site_files()}
    catalog = read_po(str(built.po("zh_Hans")))
    for message in catalog.messages:
        message.msgstr = ""
    from polyglot.catalog.pofile import format_po

    built.po("zh_Hans").write_text(format_po(catalog), encoding="utf-8")
    built.run("compile", "-q")
    result = built.run("build")
    assert {path.relative_to(built.root) for path in built.site_files()} == before
    assert "zh_Hans: 2 pages (0 complete, 0 partly in English, 2 below 80% translated)" in result.output
    assert '<p lang="en" class="untranslated">逾期' not in built.page("zh-Hans/deadline.html")
    label = '<span class="fallback-label" lang="en">In English</span> '  # its translation went too
    assert f'<p lang="en" class="untranslated">{label}Late applications' in built.page("zh-Hans/deadline.html")


def test_translations_are_escaped(built: SiteProject) -> None:
    html = built.page("my/deadline.html")
    assert (
        "&lt;script&gt;document.title=&#34;pwned&#34;;alert(1)&lt;/script&gt;" in html
        or "&lt;script&gt;document.title=&quot;pwned&quot;;alert(1)&lt;/script&gt;" in html
    )
    assert "<script" not in html
    zh = built.page("zh-Hans/index.html")  # a site string's translation holding markup
    assert "&lt;b&gt;公告&lt;/b&gt;" in zh and "<b>" not in zh
    for path in built.site_files():
        assert "<script" not in path.read_text(encoding="utf-8"), path


def test_build_reads_compiled_artifacts_not_po_files(built: SiteProject) -> None:
    import shutil

    shutil.rmtree(built.root / "locales")
    built.run("build", "-q")
    assert "ရပ်ရွာအဖွဲ့များ" in built.page("my/deadline.html")


def test_a_catalog_changed_after_compile_is_refused(built: SiteProject) -> None:
    path = built.root / "build" / "json" / "announcements.my.json"
    path.write_text(path.read_text(encoding="utf-8").replace("ရပ်ရွာ", "XX"), encoding="utf-8")
    result = built.run("build", code=2)
    assert "build/json/announcements.my.json: does not match build/manifest.json" in result.stderr


def test_build_without_compile_says_what_to_run(site_project: SiteProject) -> None:
    import shutil

    shutil.rmtree(site_project.root / "build")
    result = site_project.run("build", code=2)
    assert "run `polyglot compile` first" in result.stderr


def test_dates_are_localized_with_cldr(built: SiteProject) -> None:
    assert '<time datetime="2018-11-30">2018年11月30日</time>' in built.page("zh-Hans/deadline.html")
    assert '<time datetime="2018-11-30">၂၀၁၈ နိုဝင်ဘာ ၃၀</time>' in built.page("my/deadline.html")
    assert '<time datetime="2018-11-30">November 30, 2018</time>' in built.page("en/deadline.html")
    assert '<time datetime="2018-06">2018年6月</time>' in built.page("zh-Hans/notes.html")
    assert '<time datetime="2018-06">၂၀၁၈ ဇွန်</time>' in built.page("my/notes.html")


def test_site_strings_are_in_the_catalogs(site_project: SiteProject) -> None:
    template = read_po(str(site_project.root / "locales" / "announcements.pot"))
    message = template.find("All announcements")
    assert message is not None and message.extracted_comments == ["site"]
    assert message.locations[0][0] == "polyglot/site/templates/page.html"
    assert template.find("Only %(percent)s of this page is translated so far; the rest is shown in English.")


def test_no_site_strings_without_a_site_table(site_project: SiteProject) -> None:
    text = (site_project.root / "pyproject.toml").read_text(encoding="utf-8")
    site_project.write("pyproject.toml", text.split("[tool.polyglot.site]")[0])
    site_project.run("extract", "-q")
    template = read_po(str(site_project.root / "locales" / "announcements.pot"))
    assert template.find("All announcements") is None


def test_building_twice_writes_nothing(built: SiteProject) -> None:
    result = built.run("build")
    assert "0 files written" in result.output


def test_fonts_are_self_hosted(built: SiteProject) -> None:
    fonts = built.root / "site" / "fonts"
    css = (fonts / "fonts.css").read_text(encoding="utf-8")
    assert 'font-family: "Polyglot Myanmar"' in css and 'font-family: "Polyglot SC"' in css
    burmese = TTFont(str(fonts / "myanmar-400.woff2"))
    assert burmese.flavor == "woff2"
    assert "mym2" in {r.ScriptTag for r in burmese["GSUB"].table.ScriptList.ScriptRecord}
    chinese = TTFont(str(fonts / "zh-hans-400.woff2"))
    cmap = chinese.getBestCmap()
    for char in "申请截止社区团体逾期中文简体公告":
        assert ord(char) in cmap, char
    assert len(cmap) < 2000  # a subset, not the 19 MB collection
    manifest = json.loads((built.root / "build" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["locales"]["my"]["web_tag"] == "my"


def test_a_zawgyi_font_is_refused(tmp_path: Path) -> None:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    from polyglot.site.fonts import FontFile, open_font, verify_unicode_burmese

    names = [".notdef"] + [f"uni{code:04X}" for code in range(0x1000, 0x1022)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({int(name[3:], 16): name for name in names[1:]})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0)), pen.lineTo((0, 500)), pen.lineTo((500, 0)), pen.closePath()
    glyph = pen.glyph()
    builder.setupGlyf(dict.fromkeys(names, glyph))
    builder.setupHorizontalMetrics({name: (600, 0) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Zawgyi-One", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    path = tmp_path / "zawgyi.ttf"
    builder.save(str(path))
    with pytest.raises(InputError, match="Zawgyi font"):
        verify_unicode_burmese(open_font(FontFile(path)), str(path))
    builder.setupNameTable({"familyName": "Legacy Burmese", "styleName": "Regular"})
    builder.save(str(path))
    with pytest.raises(InputError, match="no OpenType shaping for Unicode Myanmar"):
        verify_unicode_burmese(open_font(FontFile(path)), str(path))


def test_render_check_runs_on_the_built_site(built: SiteProject) -> None:
    result = built.run("build")
    assert "[render]" not in result.stderr


def test_a_translation_cannot_change_the_page_structure() -> None:
    from polyglot.content.document import parse_document
    from polyglot.site.html import Coverage, render_body

    document = parse_document("---\ntitle: T\nslug: t\ndate: '2018'\nlanguage: en\n---\n\nOne.\n\n- Two\n")
    hostile = {"One.": "## not a heading\n\n- nor a list", "Two": "<img src=x onerror=alert(1)>"}
    html = render_body(document, hostile.get, "my", Coverage())
    assert html.count("<h2") == 0 and html.count("<li") == 1 and "<img" not in html
    # its line breaks are soft breaks inside one paragraph, folded as the catalogs fold them
    assert '<p lang="my">## not a heading  - nor a list</p>' in html
    assert '<li lang="my">&lt;img src=x onerror=alert(1)&gt;</li>' in html


def test_files_of_an_earlier_build_are_reported_not_deleted(built: SiteProject) -> None:
    old = built.write("site/my/withdrawn.html", "<!doctype html><p lang=my>old</p>")
    result = built.run("build", "-q")
    assert "my/withdrawn.html: not written by this build (left in place)" in result.stderr
    assert old.is_file()


def test_a_stray_percent_sign_in_a_site_translation_is_text(site_project: SiteProject) -> None:
    site_project.translate(
        "zh_Hans",
        {
            "All announcements": "100% 全部公告",
            "Only %(percent)s of this page is translated so far; the rest is shown in "
            "English.": "仅翻译了%(percent)s（100%）。",
        },
    )
    site_project.run("compile", "-q")
    site_project.run("build", "-q")
    assert "100% 全部公告" in site_project.page("zh-Hans/deadline.html")


def test_outline_lists_each_block_with_its_language_and_fallback(built: SiteProject) -> None:
    from polyglot.site.outline import outline

    page = next((built.root / "site" / "my").glob("*.html"))
    lines = outline(page.read_text(encoding="utf-8"))
    html = page.read_text(encoding="utf-8")
    assert lines and all(line.lang in ("my", "en") for line in lines)
    assert sum(line.fallback for line in lines) == html.count('class="untranslated"') + html.count(' untranslated"')
    result = built.run("outline", str(page.relative_to(built.root)))
    assert result.output.splitlines() == [str(line) for line in lines]
    built.run("outline", "site/nowhere.html", code=2)


def test_outline_refuses_a_page_polyglot_did_not_build(tmp_path: Path) -> None:
    """A page with no announcement article (another site's page, an index) is named as such, exit 2."""
    from click.testing import CliRunner

    from polyglot.cli import main

    page = tmp_path / "other.html"
    page.write_text("<!doctype html><html lang=en><body><p>Hello</p></body></html>\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["outline", str(page)])
    assert result.exit_code == 2, result.output
    assert f"{page}: no <article>" in result.stderr
    assert not result.stdout


def test_build_says_when_catalogs_changed_since_compile(built: SiteProject) -> None:
    built.translate("zh_Hans", {"Late applications cannot be considered.": "逾期申请一律不予考虑。"})
    result = built.run("build")
    notice = (
        "locales/zh_Hans/LC_MESSAGES/announcements.po: changed since the last `polyglot compile`; "
        "this output shows the compiled translations: run `polyglot compile`, then run this again"
    )
    assert notice in result.stderr
    assert "逾期申请一律" not in built.page("zh-Hans/deadline.html")
    assert "locales/my/" not in result.stderr
    built.run("compile", "-q")
    result = built.run("build", "-q")
    assert "changed since" not in result.stderr
    assert "逾期申请一律" in built.page("zh-Hans/deadline.html")
