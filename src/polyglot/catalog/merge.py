"""Bring a translation catalog up to date with the template, losing no translation.

This does what GNU ``msgmerge --previous`` does: a message that comes back (a paragraph
deleted and later restored) is revived from the obsolete entries with its translation,
as msgmerge revives it (Babel's ``update`` does not), instead of being sent to the
translators again. The rules, in order, for each template message:

1. the same msgid is in the catalog → keep its translation, flags and comments;
2. it is among the obsolete entries → revive it as it was;
3. a similar message disappeared from the catalog (an edited paragraph) → carry its
   translation over, marked fuzzy, with the old msgid as ``#|`` so the translator sees
   what changed; fuzzy translations are never published;
4. otherwise → a new, untranslated message.

Translated messages the template no longer has become obsolete (``#~``): they cost
nothing and are what makes rules 2 and 3 possible later. Untranslated ones are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Any

from polyglot.catalog.model import FUZZY, Catalog, Message
from polyglot.catalog.storage import catalog_header
from polyglot.locales import Locale

SIMILARITY = 0.6
"""How alike (difflib ratio) an old msgid must be to a new one for its translation to
carry over as fuzzy. 0.6 is msgmerge's own threshold."""


@dataclass
class MergeReport:
    """What a merge did, for the command to tell the user."""

    kept: int = 0
    added: list[str] = field(default_factory=list)
    fuzzy: list[tuple[str, str]] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)
    obsoleted: list[str] = field(default_factory=list)
    dropped: int = 0


def _similarity(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILARITY or matcher.quick_ratio() < SIMILARITY:
        return 0.0
    return matcher.ratio()


def _shares_location(a: Message, b: Message) -> bool:
    """Whether two messages were extracted from the same file (a strong hint of an edit)."""
    return bool({path for path, _ in a.locations} & {path for path, _ in b.locations})


def _best_match(new: Message, candidates: Iterable[Message]) -> Message | None:
    """The most similar old message, preferring one from the same announcement."""
    best, best_score = None, SIMILARITY
    for old in candidates:
        score = _similarity(new.msgid, old.msgid)
        if score and _shares_location(new, old):
            score += 0.05
        if score >= best_score and (best is None or score > best_score):
            best, best_score = old, score
    return best


def _translations(old: Message, template: Message, forms: int) -> dict[str, Any]:
    """The old translation in the template's shape (singular or ``forms`` plural forms).

    A message that turns from singular to plural (or back) keeps its translation, as
    every form or as the one form, marked fuzzy: the translator must adapt it, and a
    fuzzy translation is never published.
    """
    if template.msgid_plural is None:
        if old.msgid_plural is None:
            return {}
        text = old.msgstr_plural.get(0, "")
        fuzzy = bool(text)
        shaped: dict[str, Any] = {"msgstr": text, "msgstr_plural": {}}
    else:
        if old.msgid_plural is None:
            fuzzy = bool(old.msgstr)
            plural = {index: old.msgstr for index in range(forms)}
        else:
            fuzzy = False
            plural = {index: old.msgstr_plural.get(index, "") for index in range(max(forms, len(old.msgstr_plural)))}
        shaped = {"msgstr": "", "msgstr_plural": plural}
    if fuzzy and not old.fuzzy:
        shaped["flags"] = [FUZZY, *old.flags]
        shaped["previous_msgid"] = old.msgid
        shaped["previous_msgid_plural"] = old.msgid_plural
    return shaped


def _update(old: Message, template: Message, forms: int = 1, **changes: Any) -> Message:
    """The old translation under the template's msgid, locations and extracted comments."""
    changes = {**_translations(old, template, forms), **changes}
    return replace(
        old,
        msgid=template.msgid,
        msgctxt=template.msgctxt,
        msgid_plural=template.msgid_plural,
        locations=list(template.locations),
        extracted_comments=list(template.extracted_comments),
        obsolete=False,
        line=0,
        msgstr_line=0,
        **changes,
    )


def merge(template: Catalog, existing: Catalog | None, locale: Locale, domain: str) -> tuple[Catalog, MergeReport]:
    """The catalog for ``locale``: ``existing`` (None: a new one) merged with ``template``."""
    report = MergeReport()
    forms = locale.nplurals
    old = existing or Catalog()
    active = {message.key: message for message in old.active}
    obsolete = {message.key: message for message in old.obsolete}
    template_keys = {message.key for message in template.active}
    # Translations that lost their msgid: what an edited message may inherit (rule 3).
    orphans = [m for m in [*old.active, *old.obsolete] if m.key not in template_keys and m.has_translation]
    used: set[int] = set()
    messages: list[Message] = []
    unmatched: list[Message] = []
    for new in template.active:
        if new.key in active:
            messages.append(_update(active[new.key], new, forms))
            report.kept += 1
        elif new.key in obsolete:
            messages.append(_update(obsolete[new.key], new, forms))
            used.add(id(obsolete[new.key]))
            report.revived.append(new.msgid)
        else:
            messages.append(new)
            unmatched.append(new)
    for new in unmatched:
        match = _best_match(new, (m for m in orphans if id(m) not in used))
        index = next(i for i, m in enumerate(messages) if m is new)
        if match is None:
            plural = dict.fromkeys(range(forms), "") if new.msgid_plural is not None else {}
            messages[index] = replace(new, msgstr="", msgstr_plural=plural, flags=[], translator_comments=[])
            report.added.append(new.msgid)
            continue
        used.add(id(match))
        previous = match.previous_msgid if match.fuzzy and match.previous_msgid else match.msgid
        flags = ["fuzzy", *[flag for flag in match.flags if flag != "fuzzy"]]
        messages[index] = _update(
            match, new, forms, flags=flags, previous_msgid=previous, previous_msgctxt=match.msgctxt
        )
        report.fuzzy.append((previous, new.msgid))
    retired: list[Message] = []
    for message in [*old.active, *old.obsolete]:
        if message.key in template_keys or id(message) in used:
            continue
        if not message.has_translation:
            report.dropped += 1
            continue
        if not message.obsolete:
            report.obsoleted.append(message.msgid)
        retired.append(replace(message, obsolete=True, locations=[], line=0, msgstr_line=0))
    retired.sort(key=lambda message: (message.msgctxt or "", message.msgid))
    created = template.header.get("POT-Creation-Date", "")
    catalog = Catalog(
        header=catalog_header(domain, locale, created, old.header or None),
        header_comments=old.header_comments
        or [
            f"{locale.name} translations of the {domain}.",
            "Kept up to date by `polyglot update`; translate the msgstr lines.",
        ],
        header_flags=old.header_flags,
        messages=messages + retired,
        path=old.path,
        trailing_comments=old.trailing_comments,
    )
    return catalog, report
