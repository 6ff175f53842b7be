"""polyglot export: each layout's paths and front matter, fallback marking, the JSON map."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.site.sitekit import SiteProject

PATHS = {
    "hugo": "content/{tag}/{slug}.md",
    "jekyll": "{tag}/{slug}.md",
    "eleventy": "{tag}/{slug}.md",
    "mkdocs": "docs/{tag}/{slug}.md",
}


def _front(text: str) -> tuple[dict[str, object], str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


@pytest.mark.parametrize("layout", list(PATHS))
def test_each_layout_writes_every_announcement_in_every_language(site_project: SiteProject, layout: str) -> None:
    site_project.run("export", "--layout", layout, "-q")
    out = site_project.root / "export" / layout
    for tag in ("en", "my", "zh-Hans"):
        for slug in ("deadline", "notes"):
            assert (out / PATHS[layout].format(tag=tag, slug=slug)).is_file(), (tag, slug)
    meta, body = _front((out / PATHS[layout].format(tag="my", slug="deadline")).read_text(encoding="utf-8"))
    assert meta["title"] == "နိုဝင်ဘာ ၃၀ ရက်နေ့တွင် လျှောက်လွှာ ပိတ်မည်"
    assert meta["lang"] == "my" and meta["slug"] == "deadline" and meta["title_lang"] == "my"
    assert str(meta["date"]) == "2018-11-30" and meta["date_precision"] == "day"
    assert meta["translation_state"] == "partial"
    assert "## လျှောက်ထားနည်း" in body
    # The fuzzy paragraph is English, marked and labelled; the fuzzy text never appears.
    assert '<span class="polyglot-fallback" lang="en"><span class="polyglot-label" lang="my">' in body
    assert "Late applications cannot be considered.</span>" in body
    assert "FUZZY-NEVER-PUBLISHED" not in body


def test_dates_keep_their_precision_and_nothing_translated_says_so(site_project: SiteProject) -> None:
    site_project.run("export", "--layout", "hugo", "-q")
    meta, body = _front(site_project.read("export/hugo/content/my/notes.md"))
    assert str(meta["date"]) == "2018-06-01" and meta["date_precision"] == "month"
    assert meta["date_text"] == "၂၀၁၈ ဇွန်"
    assert meta["translation_state"] == "untranslated" and meta["title_lang"] == "en"
    assert body.count('class="polyglot-fallback"') == 2


def test_json_is_keyed_by_document_and_block(site_project: SiteProject) -> None:
    site_project.run("export", "--layout", "json", "-q")
    data = json.loads(site_project.read("export/json/my.json"))
    assert data["lang"] == "my"
    deadline = data["documents"]["deadline"]
    assert deadline["blocks"]["title"]["text"] == "နိုဝင်ဘာ ၃၀ ရက်နေ့တွင် လျှောက်လွှာ ပိတ်မည်"
    assert deadline["blocks"]["1"] == {
        "kind": "heading",
        "lang": "my",
        "fallback": False,
        "text": "လျှောက်ထားနည်း",
        "html": "လျှောက်ထားနည်း",
        "msgid": "How to apply",
    }
    last = deadline["blocks"][str(len(deadline["blocks"]) - 2)]
    assert last["fallback"] and last["lang"] == "en" and last["text"] == "Late applications cannot be considered."
    peer = next(b for b in deadline["blocks"].values() if b["msgid"] == "Peer educators")
    assert "<script>" not in peer["html"]  # the reviewer let markup through; the HTML is escaped


def test_raw_html_in_a_translation_is_text_autolinks_stay_links() -> None:
    from polyglot.site.export import as_text

    assert as_text("<script>alert(1)</script> <img src=x onerror=alert(1)>") == (
        "&lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)>"
    )
    assert as_text("<!-- note --> <Enter>") == "&lt;!-- note --> &lt;Enter>"
    assert as_text("<https://asiacatalyst.org> <ksuwin@example.org> 3 < 5") == (
        "<https://asiacatalyst.org> <ksuwin@example.org> 3 < 5"
    )


def test_a_hostile_translation_a_reviewer_let_through_is_text(site_project: SiteProject) -> None:
    site_project.run("export", "--layout", "hugo", "-q")
    body = site_project.read("export/hugo/content/my/deadline.md")
    assert '&lt;script>document.title="pwned";alert(1)&lt;/script>' in body
    assert "<script" not in body


def test_export_twice_writes_nothing_the_second_time(site_project: SiteProject) -> None:
    site_project.run("export", "--layout", "jekyll", "-q")
    result = site_project.run("export", "--layout", "jekyll")
    assert "0 files written, 6 unchanged" in result.output
