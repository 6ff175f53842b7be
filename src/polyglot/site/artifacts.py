"""Reading what ``polyglot compile`` wrote: ``build/manifest.json`` and the Jed JSON catalogs.

The site reads the web artifacts (Jed JSON), not the ``.po`` files: only what compile
chose to publish is in them (never a fuzzy entry, never a translation whose placeholders
differ from its msgid). Each catalog is checked against the manifest's sha256, so a site
is never built from a catalog that a later edit or a half-finished compile left behind.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from polyglot.config import Config
from polyglot.files import InputError, read_text
from polyglot.locales import Locale


@dataclass(frozen=True)
class Translations:
    """The published translations of one locale: msgid → msgstr (one plural form or none)."""

    locale: Locale
    messages: dict[str, str] = field(default_factory=dict)

    def get(self, msgid: str) -> str | None:
        """The translation, or None when this message is not published in this locale."""
        if self.locale.is_source:
            return msgid
        text = self.messages.get(msgid)
        return text or None


def _load_json(path: str) -> object:
    try:
        return json.loads(read_text(path).text)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{err.lineno}: invalid JSON: {err.msg}") from None


def _sha256(path: str) -> str:
    return hashlib.sha256(read_text(path).encode()).hexdigest()


def load_manifest(config: Config) -> dict[str, object]:
    """``build/manifest.json``, or an error that says to run ``polyglot compile``."""
    path = config.build / "manifest.json"
    if not path.exists():
        raise InputError(f"{config.relative(path)}: no compiled catalogs; run `polyglot compile` first")
    data = _load_json(str(path))
    if not isinstance(data, dict) or not isinstance(data.get("locales"), dict):
        raise InputError(f"{config.relative(path)}: not a polyglot manifest (no 'locales')")
    return data


def changed_since_compile(config: Config, manifest: dict[str, object]) -> list[str]:
    """The catalogs (and the template) whose bytes differ from what the manifest says
    ``polyglot compile`` read: edits the site will not show until compile runs again.

    Hashes, not modification times: a checkout or a copy changes the times of files
    whose content did not change, and an edit saved within the same second does not.
    """
    recorded: list[tuple[str, str]] = []
    template = manifest.get("template")
    if isinstance(template, dict):
        recorded.append((str(template.get("path")), str(template.get("sha256"))))
    locales = manifest["locales"]
    assert isinstance(locales, dict)
    for entry in locales.values():
        try:
            info = entry["files"]["catalog"]
            recorded.append((str(info["path"]), str(info["sha256"])))
        except (KeyError, TypeError):
            continue
    changed = []
    for relative, digest in recorded:
        path = config.root / relative
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            changed.append(relative)
    return changed


def load_translations(config: Config, locale: Locale, manifest: dict[str, object]) -> Translations:
    """The published messages of ``locale``, from its Jed JSON catalog.

    A locale the manifest does not list (never compiled) has no translations: its pages
    are still built, entirely in English with the notice, rather than not at all.
    """
    if locale.is_source:
        return Translations(locale)
    locales = manifest["locales"]
    assert isinstance(locales, dict)
    entry = locales.get(locale.code)
    if not isinstance(entry, dict):
        return Translations(locale)
    try:
        info = entry["files"]["json"]
        relative, expected = str(info["path"]), str(info["sha256"])
    except (KeyError, TypeError):
        raise InputError(
            f"{config.relative(config.build / 'manifest.json')}: no JSON catalog listed for {locale.code}"
        ) from None
    path = str(config.root / relative)
    if _sha256(path) != expected:
        raise InputError(f"{relative}: does not match build/manifest.json (sha256); run `polyglot compile` again")
    data = _load_json(path)
    try:
        domain_data = data["locale_data"][data["domain"]]  # type: ignore[index]
    except (KeyError, TypeError):
        raise InputError(f"{relative}: not a Jed catalog (no locale_data for its domain)") from None
    messages: dict[str, str] = {}
    for key, value in domain_data.items():
        if key == "" or "\x04" in key or not isinstance(value, list) or not value:
            continue
        messages[key] = str(value[0])
    return Translations(locale, messages)
