"""``polyglot serve``'s page in headless Chromium (Debian's), over real HTTP on 127.0.0.1.

Paste the organisation's Burmese call, see the changes highlighted with their reasons, copy
and download the result; the page in Burmese and Chinese shows no dotted circle (HarfBuzz
with the site's font: the site's render check) and no English left untranslated.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import BrowserContext, Page

from polyglot.cli import main
from polyglot.files import atomic_write
from polyglot.site.render_check import site_shaper
from tests.browser import chromium
from tests.serve.conftest import CALL, REPO, call_docx

pytestmark = pytest.mark.browser
SCREENSHOTS = REPO / "build" / "screenshots"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    with chromium(tmp_path_factory.mktemp("chromium-profile"), accept_downloads=True) as context:
        yield context


@pytest.fixture
def page(browser: BrowserContext, server: str) -> Iterator[Page]:
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    yield tab
    tab.close()
    assert errors == []  # a CSP violation is a console error too
    assert all(url.startswith(server) or url.startswith("blob:") for url in requests), requests


def visit(page: Page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    page.evaluate("document.fonts.ready.then(() => true)")


def clean_call() -> str:
    return CliRunner().invoke(main, ["normalize", "-q", str(CALL)]).output


def run_call(page: Page) -> None:
    page.fill("#text", CALL.read_text(encoding="utf-8"))
    page.click("#run")
    page.wait_for_selector("#result:not([hidden])")


def test_paste_the_call_see_each_change_and_why_and_copy_it(page: Page, server: str) -> None:
    visit(page, f"{server}/en/")
    run_call(page)
    marks = page.locator("#paragraphs mark")
    assert marks.count() > 30
    verdicts = page.locator(".verdict strong").all_inner_texts()
    # every paragraph is Zawgyi, but for the title's one Burmese word (မွ), well-formed and a
    # word in both encodings: the page says it is unsure rather than choose in silence
    assert verdicts[0] == "Unsure: could be either" and set(verdicts[1:]) == {"Zawgyi"}
    # a lost letter restored: highlighted in place, its reason shown on focus
    restored = page.locator("#paragraphs mark.kind-repair").first
    restored.focus()
    tip = restored.locator(".tip")
    assert tip.is_visible()
    assert "PDF font could not map" in tip.inner_text()
    # the list below: the word in context, a place a person can count to, the reasons
    first = page.locator("#changes li").nth(1).inner_text()
    assert "Line 3, column 1" in first and "အတွက်" in first and "PDF font" in first
    assert page.locator("#changes li").count() == marks.count()
    # the Zawgyi input is shown as its Unicode reading, with a note
    assert "လက်တွဲလုပ်ဆောင်ရန်" not in page.locator(".in").first.inner_text()
    assert "ဆောင်ရန်" in page.locator(".in").nth(1).inner_text()
    assert "shown here as it reads in Unicode" in page.locator(".verdict").nth(1).inner_text()
    page.click("#copy")
    assert page.evaluate("navigator.clipboard.readText()") == clean_call()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#paragraphs mark.kind-repair").nth(2).focus()
    image = page.screenshot(full_page=False)
    atomic_write(SCREENSHOTS / "serve-call.png", image)


def test_choose_a_file_download_it_with_its_name(page: Page, server: str, tmp_path: Path) -> None:
    visit(page, f"{server}/en/")
    page.set_input_files("#file", str(CALL))
    page.click("#run")
    page.wait_for_selector("#result:not([hidden])")
    with page.expect_download() as waiting:
        page.click("#download")
    download = waiting.value
    assert download.suggested_filename == CALL.name
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_text(encoding="utf-8") == clean_call()


def test_drop_a_word_document_download_it_open_it(page: Page, server: str, tmp_path: Path) -> None:
    import docx

    path = call_docx(tmp_path / "call.docx")
    visit(page, f"{server}/en/")
    # dropped on the page, as from a file manager: a drop event carrying the file
    dropped = page.evaluate_handle(
        """([name, data]) => { const transfer = new DataTransfer();
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            transfer.items.add(new File([bytes], name)); return transfer; }""",
        [path.name, base64.b64encode(path.read_bytes()).decode()],
    )
    page.dispatch_event("main", "drop", {"dataTransfer": dropped})
    page.wait_for_selector("#result:not([hidden])")
    assert page.locator("#paragraphs mark").count() > 30
    assert page.locator(".where").first.inner_text() == "paragraph 1"
    assert page.locator("#copy").is_hidden()  # a document is taken away whole
    with page.expect_download() as waiting:
        page.click("#download")
    download = waiting.value
    assert download.suggested_filename == "call.docx"
    saved = tmp_path / "clean" / "call.docx"
    download.save_as(saved)
    paragraphs = [paragraph.text for paragraph in docx.Document(str(saved)).paragraphs]
    assert paragraphs == clean_call().split("\n")


def test_to_zawgyi_copies_zawgyi_and_shows_unicode(page: Page, server: str) -> None:
    visit(page, f"{server}/en/")
    page.check("input[name=to][value=zawgyi]")
    run_call(page)
    assert page.locator("#zawgyi-note").is_visible()
    page.click("#copy")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == CliRunner().invoke(main, ["normalize", "-q", "--to", "zawgyi", str(CALL)]).output
    assert "ခေါ်ယူလျှက်ရှိရာ" in page.locator(".out").nth(1).inner_text()  # shown in Unicode


CONTENT = ".in, .out, .context, .before, .why, .tip, .evidence"
"""What the page shows of the text sent and of the engine's reasons (English, marked so)."""
ENGLISH_LEFT = f"""() => [...document.querySelectorAll('body *')]
    .filter(e => e.closest('[lang]').lang === 'en' && !e.closest('{CONTENT}, [lang=en]:not(html)')
                 && [...e.childNodes].some(n => n.nodeType === 3 && /[A-Za-z]{{3,}}/.test(n.textContent)))
    .map(e => e.outerHTML.slice(0, 100))"""
TEXTS = """(outside) => [...document.querySelectorAll('body *')]
    .filter(e => !e.closest('.why, .tip, .evidence') && e.closest('[lang]').lang !== 'en'
                 && !(outside && e.closest(outside)))
    .flatMap(e => [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()))
    .filter(Boolean)"""
ALLOWED_LATIN = {"Unicode", "Zawgyi", "txt", "English", "Word", "Excel", "PowerPoint", "OpenDocument", "HTML", "PDF"}
"""Names, which a translation keeps in Latin letters."""


@pytest.mark.parametrize("tag", ["my", "zh-Hans"])
def test_the_page_in_burmese_and_chinese_is_whole(page: Page, server: str, tag: str) -> None:
    visit(page, f"{server}/{tag}/")
    assert page.evaluate("document.documentElement.lang") == tag
    assert page.locator(".untranslated-string").count() == 0
    run_call(page)
    assert page.evaluate(ENGLISH_LEFT) == []
    chrome = page.evaluate(TEXTS, CONTENT) + page.locator("#messages span").all_text_contents()
    latin = {word for text in chrome for word in re.findall(r"[A-Za-z]{2,}", re.sub(r"\{\w+\}", "", text))}
    assert latin <= ALLOWED_LATIN, latin
    # The input as it came (and each change's "before") shows the PDF's damage, a mark with
    # no letter among it: there a dotted circle is the truth. Everything else must have none.
    texts = page.evaluate(TEXTS, ".in, .before") + page.locator("#messages span").all_text_contents()
    shaper = site_shaper()
    burmese = [text for text in texts if any("\u1000" <= ch <= "\u109f" for ch in text)]
    assert burmese
    problems = {text: shaper.problems(text) for text in burmese}
    assert {text: found for text, found in problems.items() if found} == {}
    if tag == "my":
        page.locator("#paragraphs mark.kind-repair").nth(3).focus()
        image = page.screenshot(full_page=False)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        atomic_write(SCREENSHOTS / "serve-call-my.png", image)  # README's docs/serve.png is a copy
