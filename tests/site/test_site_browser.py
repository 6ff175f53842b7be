"""The built site in a real browser: headless Chromium (Debian's, never a downloaded one),
over a local HTTP server on 127.0.0.1, driven by Playwright.

These tests do not skip: without Chromium they fail and say what to install, because a
site nobody has looked at in a browser is not tested (``.ci/run`` installs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Dialog, Page

from polyglot.files import atomic_write
from tests.browser import chromium
from tests.project import REPO
from tests.site.sitekit import SiteProject, serve

SCREENSHOTS = REPO / "build" / "screenshots"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


@pytest.fixture
def page(browser: BrowserContext) -> Iterator[Page]:
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    tab.close()
    assert errors == []


def visit(page: Page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    page.evaluate("document.fonts.ready.then(() => true)")


BLOCKS_WITHOUT_LANG = """() => [...document.querySelectorAll(
    'p, h1, h2, h3, h4, h5, h6, li, td, th, aside, blockquote')]
    .filter(element => !element.hasAttribute('lang')).map(element => element.outerHTML.slice(0, 80))"""

FONT_FACES = """() => [...document.fonts].map(face => [face.family.replace(/"/g, ''), face.weight, face.status])"""


@pytest.mark.parametrize("tag", ["en", "my", "zh-Hans"])
def test_lang_attributes(page: Page, real_site: tuple[Path, str], tag: str) -> None:
    root, url = real_site
    for path in sorted((root / tag).glob("*.html")):
        visit(page, f"{url}{tag}/{path.name}")
        assert page.evaluate("document.documentElement.lang") == tag
        assert page.evaluate(BLOCKS_WITHOUT_LANG) == []
        assert page.evaluate(
            "() => [...document.querySelectorAll('[lang]')].every(e => ['en', 'my', 'zh-Hans'].includes(e.lang))"
        )


def test_burmese_font_is_loaded_and_used(page: Page, real_site: tuple[Path, str]) -> None:
    _, url = real_site
    visit(page, f"{url}my/postcard-international-aids-conference-2018.html")
    faces = page.evaluate(FONT_FACES)
    assert ["Polyglot Myanmar", "400", "loaded"] in faces, faces
    assert page.evaluate("""document.fonts.check('16px "Polyglot Myanmar"', 'မြန်မာ')""")
    family = page.evaluate("getComputedStyle(document.querySelector('main p[lang=my]')).fontFamily")
    assert family.startswith('"Polyglot Latin", "Polyglot Myanmar"'), family
    # The glyphs on screen come from our font: Burmese set in it is wider than the fallback box glyphs.
    width = page.evaluate("""() => { const s = document.createElement('span'); s.lang = 'my';
        s.textContent = 'မြန်မာနိုင်ငံ'; document.body.append(s); return s.getBoundingClientRect().width; }""")
    assert width > 40


def test_chinese_font_is_loaded(page: Page, real_site: tuple[Path, str]) -> None:
    _, url = real_site
    visit(page, f"{url}zh-Hans/give-us-jobs.html")
    faces = page.evaluate(FONT_FACES)
    assert ["Polyglot SC", "400", "loaded"] in faces, faces


def test_language_switcher_links_resolve(page: Page, real_site: tuple[Path, str]) -> None:
    _, url = real_site
    for start in ("index.html", "en/index.html", "my/profile-xinghong.html", "zh-Hans/give-us-jobs.html"):
        visit(page, url + start)
        links = page.evaluate("""() => [...document.querySelectorAll('nav.switcher a, ul.languages a')]
            .map(a => [a.href, a.hreflang])""")
        assert {hreflang for _, hreflang in links} == {"en", "my", "zh-Hans"}
        for href, hreflang in links:
            visit(page, href)
            assert page.evaluate("document.documentElement.lang") == hreflang, href


def test_screenshots_of_a_burmese_and_a_chinese_page(page: Page, real_site: tuple[Path, str]) -> None:
    _, url = real_site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for tag, slug in (
        ("my", "postcard-international-aids-conference-2018"),
        ("my", "call-for-applications-2018"),
        ("zh-Hans", "give-us-jobs"),
    ):
        visit(page, f"{url}{tag}/{slug}.html")
        image = page.screenshot(full_page=False)
        assert image.startswith(b"\x89PNG")
        atomic_write(SCREENSHOTS / f"{tag}-{slug}.png", image)


ORGANISATION_TITLE = "Asia Catalyst မှ Human Rights Documentation and Advocacy Program 2018"
"""The organisation's Burmese heading of its 2018 call, as ingested and reviewed (locales/my)."""
ORGANISATION_PHRASES = (
    "လက်တွဲလုပ်ဆောင်ရန် လူထု အခြေပြု အဖွဲ့ သစ်များ ခေါ်ယူလျှက်ရှိရာ လျှောက်လွှာ ပိတ်သည့် ရက်ကို",
    "နိုဝင်ဘာ ၁၅ ရက်နေ့ မှ နိုဝင်ဘာ ၃၀ ရက်နေ့သို့ တိုးမြှင့်လိုက်ကြောင်း အကြောင်း ကြားအပ်ပါတယ်။",
    "မှတ်တမ်းတင်ခြင်းနှင့် ပြောင်းလဲမှုအတွက်",
    "စွမ်းရည်များကို မြှင့်တင်လိုသည့် လူထုအခြေပြု အဖွဲ့များ နှင့် ကွန်ယက်များကို ပါဝင်လျှောက်ထားရန်",
)
"""Its two paragraphs: converted from Zawgyi, repaired, each PDF line break joined as the
phrase around it needs (inside a phrase nothing, between phrases a space)."""

PAGE_BLOCKS = """() => [...document.querySelectorAll('article h1, article .body p, article .body li')]
    .map(e => ({tag: e.tagName, lang: e.lang, marked: e.classList.contains('untranslated'),
                text: e.innerText, height: e.getBoundingClientRect().height}))"""


@pytest.mark.browser
def test_the_burmese_call_shows_the_organisations_own_burmese(page: Page, real_site: tuple[Path, str]) -> None:
    _, url = real_site
    visit(page, f"{url}my/call-for-applications-2018.html")
    assert page.evaluate("document.documentElement.lang") == "my"
    title, *body = page.evaluate(PAGE_BLOCKS)
    assert title == {"tag": "H1", "lang": "my", "marked": False, "text": ORGANISATION_TITLE, "height": title["height"]}
    burmese = [block for block in body if block["lang"] == "my"]
    assert len(burmese) == 1 and not burmese[0]["marked"]
    for phrase in ORGANISATION_PHRASES:
        assert phrase in burmese[0]["text"]
    # Only the English paragraph the Burmese has no counterpart for falls back, marked.
    english = [block for block in body if block["lang"] != "my"]
    assert [(b["lang"], b["marked"]) for b in english] == [("en", True)]
    assert english[0]["text"].startswith("အင်္ဂလိပ်ဘာသာဖြင့် Please fill out this application form")
    assert all(block["height"] > 0 for block in [title, *body])
    family = page.evaluate("getComputedStyle(document.querySelector('article .body p[lang=my]')).fontFamily")
    assert family.startswith('"Polyglot Latin", "Polyglot Myanmar"'), family
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image = page.screenshot(full_page=True)
    assert image.startswith(b"\x89PNG")
    atomic_write(SCREENSHOTS / "my-call-for-applications-2018-full.png", image)


def test_a_hostile_translation_stays_text_in_the_browser(page: Page, built: SiteProject) -> None:
    server, url = serve(built.root / "site")
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    try:
        visit(page, f"{url}my/deadline.html")
        assert page.evaluate("document.querySelectorAll('script').length") == 0
        assert "pwned" not in page.title()
        assert '<script>document.title="pwned";alert(1)</script>' in page.inner_text("main")
        visit(page, f"{url}zh-Hans/index.html")
        assert page.evaluate("document.querySelectorAll('main b, header b').length") == 0
        assert "<b>公告</b>" in page.inner_text("header")
    finally:
        server.shutdown()
        server.server_close()
    assert dialogs == []


LABELS = """() => [...document.querySelectorAll('.fallback-label')].map(e => ({lang: e.lang, text: e.innerText,
    visible: e.getBoundingClientRect().width > 0, block: e.parentElement.lang}))"""
BURMESE_TEXT = "() => [...document.querySelectorAll('[lang=my]')].map(e => e.innerText)"


@pytest.mark.parametrize("path", ["my/call-for-applications-2018.html", "my/index.html"])
def test_burmese_pages_latin_face_labels_and_no_dotted_circles(
    page: Page, real_site: tuple[Path, str], path: str
) -> None:
    """What the screenshots show, asserted: the Latin face paired with the Burmese one is
    loaded and used for the Latin names, every English block is labelled in Burmese, and
    HarfBuzz with the site's font (what Chromium shapes with) inserts no dotted circle."""
    from polyglot.site.render_check import site_shaper

    _, url = real_site
    visit(page, url + path)
    faces = page.evaluate(FONT_FACES)
    assert ["Polyglot Latin", "400", "loaded"] in faces, faces
    assert page.evaluate("""document.fonts.check('16px "Polyglot Latin"', 'Asia Catalyst')""")
    labels = page.evaluate(LABELS)
    if path.endswith("call-for-applications-2018.html"):
        assert labels == [{"lang": "my", "text": "အင်္ဂလိပ်ဘာသာဖြင့်", "visible": True, "block": "en"}]
    shaper = site_shaper()
    for text in page.evaluate(BURMESE_TEXT):
        assert "\u25cc" not in text
        assert shaper.problems(text) == [], text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = path.replace("/", "-").removesuffix(".html")
    atomic_write(SCREENSHOTS / f"{name}-labelled.png", page.screenshot(full_page=True))
