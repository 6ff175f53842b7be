"""``polyglot export``: the published translations as content other site generators read.

The site polyglot builds is one consumer of the catalogs; an organisation's existing
Hugo, Jekyll, Eleventy or MkDocs site, or a JavaScript app, is another. Their messages
are whole Markdown blocks, so without this each would have to re-implement polyglot's
block splitting to put a page back together. Export does it once, from what ``polyglot
compile`` published (never a fuzzy entry, never one ``check`` calls an error), with the
same fallback rule as the site: a block without a translation is shown in English.

- **Markdown** (``--layout hugo|jekyll|eleventy|mkdocs``): one file per announcement per
  language, where that generator looks for content, with front matter every one of them
  reads (``title``, ``date``, ``lang``, ``slug``, the translation state). An English
  fallback block is wrapped in ``<span class="polyglot-fallback" lang="en">`` with a
  visible label in the page's language (``<span class="polyglot-label">``), so the target
  can style it and a screen reader is told the block is English. Inline HTML is the one
  marking all four generators' Markdown keeps (Hugo needs ``unsafe = true``; see README).
- **JSON** (``--layout json``): one file per language, keyed by document (slug) and block
  (front-matter field name, or the body block's position from 1), each block with its
  text (inline Markdown), its HTML (raw HTML escaped) and its language.

Dates: a front-matter ``date`` is a whole day in every generator; an announcement dated
``2018-11`` gets ``date: 2018-11-01`` with ``date_precision: month`` and ``date_text``
(the date as the site writes it, ``၂၀၁၈ နိုဝင်ဘာ``), so lists sort and nothing shows a day
nobody stated.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml

from polyglot.catalog.extract import load_announcements
from polyglot.config import Config
from polyglot.content.document import Block, Document
from polyglot.content.render import translated_body
from polyglot.files import write_text_if_changed
from polyglot.locales import Locale
from polyglot.site.artifacts import Translations, changed_since_compile, load_manifest, load_translations
from polyglot.site.html import SOURCE_TAG, Coverage, FallbackLabel, fallback_label, render_inline
from polyglot.site.localize import format_announcement_date

LAYOUTS = {
    "hugo": "content/{tag}/{slug}.md",
    "jekyll": "{tag}/{slug}.md",
    "eleventy": "{tag}/{slug}.md",
    "mkdocs": "docs/{tag}/{slug}.md",
    "json": "{tag}.json",
}
"""Where each target looks for content (Hugo: one content directory per language)."""

FALLBACK_CLASS = "polyglot-fallback"
LABEL_CLASS = "polyglot-label"
PRECISION = {1: "year", 2: "month", 3: "day"}


@dataclass
class ExportReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    uncompiled: list[str] = field(default_factory=list)


RAW_HTML = re.compile(r"<(?=/?[A-Za-z][A-Za-z0-9-]*[\s/>]|[!?])")
"""The ``<`` that opens raw HTML in CommonMark (a tag, a comment, a declaration), not an
autolink (``<https://…>``, ``<name@example.org>``), which has no space, ``/`` or ``>`` after
a tag name."""


def as_text(markdown: str) -> str:
    """Inline Markdown with raw HTML shown as written, as the site shows it: a translation
    is untrusted input, and a target that renders raw HTML (Hugo with ``unsafe``, which the
    fallback marking needs) must not run markup a translator (or a source) typed."""
    return RAW_HTML.sub("&lt;", markdown)


def _label(translations: Translations) -> FallbackLabel:
    return fallback_label(translations.get, translations.locale.web_tag)


def fallback_span(text: str, label: FallbackLabel) -> str:
    """A fallback block's inline Markdown wrapped so the target can style it and say so."""
    return (
        f'<span class="{FALLBACK_CLASS}" lang="{SOURCE_TAG}">'
        f'<span class="{LABEL_CLASS}" lang="{label.tag}">{escape(label.text)}</span> {text}</span>'
    )


def _date_fields(document: Document, locale: Locale) -> dict[str, object]:
    value = str(document.meta.get("date", ""))
    if not value:
        return {}
    parts = value.split("-")
    whole = "-".join([*parts, "01", "01"][:3])
    return {
        "date": whole,
        "date_precision": PRECISION[len(parts)],
        "date_text": format_announcement_date(value, locale),
    }


def _state(coverage: Coverage) -> str:
    if coverage.complete:
        return "complete"
    return "partial" if coverage.translated else "untranslated"


def _coverage(document: Document, translations: Translations) -> Coverage:
    coverage = Coverage()
    for block in document.blocks:
        coverage.add(block.text, translations.get(block.text) is not None)
    return coverage


def front_matter(document: Document, translations: Translations) -> dict[str, object]:
    """The fields every target reads, in the page's language where translated."""
    locale = translations.locale
    coverage = _coverage(document, translations)
    meta: dict[str, object] = {}
    for key in ("title", "summary"):
        block = document.front_blocks.get(key)
        if block is not None:
            found = translations.get(block.text)
            meta[key] = found if found is not None else block.text
            meta[f"{key}_lang"] = locale.web_tag if found is not None else SOURCE_TAG
    meta.update(_date_fields(document, locale))
    meta.update(
        {
            "lang": locale.web_tag,
            "slug": document.slug,
            "translationKey": document.slug,
            "translation_state": _state(coverage),
            "translated_percent": round(coverage.percent),
            "fallback_blocks": sum(translations.get(b.text) is None for b in document.body_blocks),
            "fallback_label": _label(translations).text,
        }
    )
    return meta


def markdown_page(document: Document, translations: Translations) -> str:
    """One announcement in one language as Markdown with front matter."""
    label = _label(translations)

    def translate(msgid: str) -> str | None:
        found = translations.get(msgid)
        return as_text(found) if found is not None else None

    body = translated_body(document, translate, lambda block: fallback_span(as_text(block.text), label))
    meta = front_matter(document, translations)
    if "date" in meta:  # a YAML date, which every generator reads as one (JSON has none)
        meta["date"] = dt.date.fromisoformat(str(meta["date"]))
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n{body}"


def _block_entry(block: Block, translations: Translations) -> dict[str, object]:
    found = translations.get(block.text)
    text = found if found is not None else block.text
    return {
        "kind": block.kind,
        "lang": translations.locale.web_tag if found is not None else SOURCE_TAG,
        "fallback": found is None,
        "text": text,
        "html": str(render_inline(text)),
        "msgid": block.text,
    }


def json_catalog(documents: list[Document], translations: Translations) -> str:
    """One language's announcements for a JS app: document → block → text, HTML, language."""
    data: dict[str, object] = {}
    for document in documents:
        blocks = {key: _block_entry(block, translations) for key, block in document.front_blocks.items()}
        blocks.update(
            {str(index): _block_entry(block, translations) for index, block in enumerate(document.body_blocks, 1)}
        )
        data[document.slug] = {**front_matter(document, translations), "blocks": blocks}
    payload = {"lang": translations.locale.web_tag, "documents": data}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def export(config: Config, layout: str, out: Path) -> ExportReport:
    """Write the corpus in every language in ``layout`` under ``out``; only changed files."""
    manifest = load_manifest(config)
    report = ExportReport(uncompiled=changed_since_compile(config, manifest))
    documents = sorted(load_announcements(config), key=lambda doc: doc.slug)
    files: dict[str, str] = {}
    for locale in config.languages:
        translations = load_translations(config, locale, manifest)
        if layout == "json":
            files[LAYOUTS[layout].format(tag=locale.web_tag)] = json_catalog(documents, translations)
            continue
        for document in documents:
            files[LAYOUTS[layout].format(tag=locale.web_tag, slug=document.slug)] = markdown_page(
                document, translations
            )
    for relative, text in sorted(files.items()):
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        (report.written if write_text_if_changed(path, text) else report.unchanged).append(relative)
    return report
