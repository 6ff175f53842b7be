"""Reviewing a document's translations: what state each message is in, and accepting them.

A fuzzy entry is a translation nobody has confirmed yet (ingest's alignment, a merge
after the source changed); it is never published. Reviewing means reading each one
against its source and clearing the flag: translators do that in their own tool (Poedit,
Lokalize, Weblate, ``msgattrib --clear-fuzzy``); ``accept`` is the same step for staff
without one, limited to one announcement (and optionally to some of its source lines),
so that accepting a document never confirms anything else.

An entry whose translation fails a check that blocks publishing (``polyglot check``
errors) is not accepted unless the reviewer says which of those checks they looked at
and accept as intended: the entry then carries an ``# ignore-<check>`` translator comment
(``check.ignored_checks``), and ``check`` leaves that check out for that entry only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from polyglot.catalog.check import ERROR, IGNORE_PREFIX, Finding, check_catalog
from polyglot.catalog.model import Catalog, Message
from polyglot.locales import Locale

REVIEW_NOTE = "; review before publishing"
REVIEWED_NOTE = "; reviewed"


def state(message: Message) -> str:
    """``translated`` (published), ``fuzzy`` (waiting for review) or ``untranslated``."""
    if message.translated:
        return "translated"
    if message.fuzzy and message.has_translation:
        return "fuzzy"
    return "untranslated"


def document_messages(catalog: Catalog, document: str) -> list[Message]:
    """The active messages used by ``document`` (a ``#:`` location path), in file order."""
    found = [m for m in catalog.active if any(path == document for path, _ in m.locations)]
    return sorted(found, key=lambda m: min(line or 0 for path, line in m.locations if path == document))


def source_line(message: Message, document: str) -> int:
    return min(line or 0 for path, line in message.locations if path == document)


def findings_for(catalog: Catalog, message: Message, locale: Locale) -> list[Finding]:
    """What ``polyglot check`` says about this one message as if it were accepted now
    (without the ``ignore-`` marks of an earlier review)."""
    probe = Catalog(header=dict(catalog.header), messages=[_accepted(message, ())], path=catalog.path)
    return [f for f in check_catalog(probe, locale) if f.check != "header"]


def _accepted(message: Message, ignore: tuple[str, ...]) -> Message:
    """The message as review leaves it: not fuzzy, its ingest note marked reviewed, and
    exactly the ``ignore-`` marks of this review, as one translator comment (an earlier
    review's are for an earlier text)."""
    comments = [
        c.replace(REVIEW_NOTE, REVIEWED_NOTE)
        for c in message.translator_comments
        if not all(word.startswith(IGNORE_PREFIX) for word in c.split())
    ]
    if ignore:
        comments.append(" ".join(IGNORE_PREFIX + name for name in ignore))
    kept = [flag for flag in message.flags if not flag.startswith(IGNORE_PREFIX)]
    accepted = replace(message, translator_comments=comments, flags=kept)
    accepted.fuzzy = False
    return accepted


@dataclass
class AcceptReport:
    accepted: list[Message] = field(default_factory=list)
    refused: list[tuple[Message, list[Finding]]] = field(default_factory=list)
    """Fuzzy entries left fuzzy because a check that blocks publishing fails on them."""
    empty: list[Message] = field(default_factory=list)
    """Fuzzy entries with no translation: nothing to accept."""


def accept(
    catalog: Catalog,
    document: str,
    locale: Locale,
    *,
    lines: frozenset[int] = frozenset(),
    ignore: tuple[str, ...] = (),
) -> AcceptReport:
    """Clear the fuzzy flag of ``document``'s reviewed entries in ``catalog`` (in place).

    ``lines`` limits it to the messages at those lines of the document; ``ignore`` names
    the checks the reviewer accepts failing (they become ``ignore-`` marks on the entries
    that fail them, and on no other).
    """
    report = AcceptReport()
    for message in document_messages(catalog, document):
        if not message.fuzzy or (lines and source_line(message, document) not in lines):
            continue
        if not message.has_translation:
            report.empty.append(message)
            continue
        errors = [f for f in findings_for(catalog, message, locale) if f.severity == ERROR]
        blocking = [f for f in errors if f.check not in ignore]
        if blocking:
            report.refused.append((message, blocking))
            continue
        accepted = _accepted(message, tuple(sorted({f.check for f in errors})))
        catalog.messages[catalog.messages.index(message)] = accepted
        report.accepted.append(accepted)
    return report
