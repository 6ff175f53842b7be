"""Catalogs → what the website and programs load: ``.mo``, Jed JSON, ``manifest.json``.

Only translations a reader may see are compiled: not fuzzy, not empty, and nothing
``polyglot check`` calls an error (Zawgyi, a dotted circle, placeholders that differ from
the msgid, the wrong script…): such a translation is left out and reported, and the
site and programs show the English instead. All outputs are deterministic
(sorted, no timestamps), so compiling twice writes nothing the second time, and the
manifest's hashes tell a deployment exactly which catalog it is serving.
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from polyglot.catalog import tokens
from polyglot.catalog.check import ERROR, Finding, check_catalog
from polyglot.catalog.model import Catalog, Message
from polyglot.catalog.stats import catalog_stats
from polyglot.config import Config
from polyglot.files import write_text_if_changed
from polyglot.locales import Locale

MO_MAGIC = 0x950412DE


CatalogCheck = Callable[[Catalog, Locale], list[Finding]]
"""A check of a whole catalog beyond ``check_catalog``: the command passes the site's
render check (HarfBuzz with the site's Burmese font), which the catalog package may not
import (the site builds on the catalogs, not the reverse)."""


def blocking_findings(catalog: Catalog, locale: Locale, more: CatalogCheck | None = None) -> list[Finding]:
    """What ``polyglot check`` calls an error in ``catalog``'s messages: the same checks
    (``more`` being the render check ``check`` also runs), so compile and check can never
    disagree about what may be published."""
    found = check_catalog(catalog, locale) + (more(catalog, locale) if more is not None else [])
    return [finding for finding in found if finding.severity == ERROR and finding.check != "header"]


def publishable(
    catalog: Catalog, locale: Locale, more: CatalogCheck | None = None
) -> tuple[list[Message], list[Finding]]:
    """The messages to publish, and one finding per (message, check) left out.

    A translation ``check`` calls an error is not published: the reader gets the English,
    marked as such, rather than Zawgyi shown as garbage, a dotted circle, a broken
    placeholder or Chinese on a Burmese page. The finding names the catalog line, the
    check and the msgid (``FILE:LINE: [check] 'msgid' …``) so the translator can find it.
    """
    errors: dict[int, dict[str, Finding]] = {}
    for finding in blocking_findings(catalog, locale, more):
        errors.setdefault(finding.line, {}).setdefault(finding.check, finding)
    chosen, left_out = [], []
    for message in catalog.active:
        if not message.translated:
            continue
        line = message.msgstr_line or message.line
        failed = dict(errors.get(line, {}))
        if any(tokens.placeholders(message.msgid) != tokens.placeholders(text) for text in message.translations):
            failed.setdefault("placeholders", Finding(catalog.path, line, "placeholders", "placeholders differ"))
        if not failed:
            chosen.append(message)
            continue
        for name, finding in failed.items():
            left_out.append(
                Finding(
                    catalog.path,
                    line,
                    name,
                    f"{message.msgid[:60]!r} left out of the build, English shown: {finding.message}",
                )
            )
    return chosen, left_out


def _key(message: Message) -> str:
    return f"{message.msgctxt}\x04{message.msgid}" if message.msgctxt else message.msgid


def mo_bytes(header: dict[str, str], messages: list[Message]) -> bytes:
    """A GNU ``.mo`` file: sorted keys, no hash table (readers fall back to binary search)."""
    pairs = {"": "".join(f"{name}: {value}\n" for name, value in header.items())}
    for message in messages:
        value = "\x00".join(message.translations) if message.msgid_plural is not None else message.msgstr
        key = _key(message)
        if message.msgid_plural is not None:
            key += "\x00" + message.msgid_plural
        pairs[key] = value
    items = sorted((k.encode("utf-8"), v.encode("utf-8")) for k, v in pairs.items())
    count = len(items)
    originals_at = 28
    translations_at = originals_at + 8 * count
    data_at = translations_at + 8 * count
    table_o: list[tuple[int, int]] = []
    table_t: list[tuple[int, int]] = []
    blob = b""
    for original, _ in items:
        table_o.append((len(original), data_at + len(blob)))
        blob += original + b"\x00"
    for _, translation in items:
        table_t.append((len(translation), data_at + len(blob)))
        blob += translation + b"\x00"
    out = struct.pack("<7I", MO_MAGIC, 0, count, originals_at, translations_at, 0, data_at)
    out += b"".join(struct.pack("<2I", length, offset) for length, offset in table_o)
    out += b"".join(struct.pack("<2I", length, offset) for length, offset in table_t)
    return out + blob


def jed_json(domain: str, locale: Locale, messages: list[Message]) -> str:
    """A Jed (1.x) catalog: ``{"domain", "locale_data": {domain: {"": meta, msgid: [str]}}}``."""
    data: dict[str, object] = {"": {"domain": domain, "lang": locale.web_tag, "plural_forms": locale.plural_forms}}
    for message in sorted(messages, key=_key):
        data[_key(message)] = message.translations
    document = {"domain": domain, "locale_data": {domain: data}}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class CompileResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    left_out: list[Finding] = field(default_factory=list)
    manifest: dict[str, object] = field(default_factory=dict)


def mo_path(config: Config, locale: Locale) -> Path:
    """Where Python's ``gettext.translation(domain, build/locale, [code])`` looks."""
    return config.build / "locale" / locale.code / "LC_MESSAGES" / f"{config.domain}.mo"


def json_path(config: Config, locale: Locale) -> Path:
    return config.build / "json" / f"{config.domain}.{locale.web_tag}.json"


def compile_all(
    config: Config, catalogs: dict[Locale, Catalog], *, dry_run: bool = False, more: CatalogCheck | None = None
) -> CompileResult:
    """Write every locale's outputs and the manifest; only files whose bytes change.

    ``more``: a further check whose errors keep a message out (the command's render check).

    With ``dry_run`` nothing is written; ``written`` lists the files that would be.
    """
    result = CompileResult()

    def emit(path: Path, data: bytes | str) -> dict[str, str]:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        if dry_run:
            same = path.is_file() and path.read_bytes() == payload
            (result.unchanged if same else result.written).append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            (result.written if write_text_if_changed(path, payload) else result.unchanged).append(path)
        return {"path": config.relative(path), "sha256": hashlib.sha256(payload).hexdigest()}

    locales: dict[str, object] = {}
    for locale, catalog in catalogs.items():
        messages, left_out = publishable(catalog, locale, more)
        result.left_out += left_out
        stats = catalog_stats(catalog)
        locales[locale.code] = {
            "web_tag": locale.web_tag,
            **stats.total.to_dict(),
            "published": len(messages),
            "left_out": len(left_out),
            "obsolete": stats.obsolete,
            "files": {
                "catalog": {"path": config.relative(Path(catalog.path)), "sha256": sha256(Path(catalog.path))},
                "mo": emit(mo_path(config, locale), mo_bytes(catalog.header, messages)),
                "json": emit(json_path(config, locale), jed_json(config.domain, locale, messages)),
            },
            "documents": {path: counts.to_dict() for path, counts in stats.documents.items()},
        }
    template = config.template_path
    result.manifest = {
        "domain": config.domain,
        "source_language": config.source.code,
        "template": {"path": config.relative(template), "sha256": sha256(template)} if template.exists() else None,
        "locales": locales,
    }
    emit(config.build / "manifest.json", json.dumps(result.manifest, ensure_ascii=False, indent=2) + "\n")
    return result
