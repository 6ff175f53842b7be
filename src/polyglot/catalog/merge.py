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

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from polyglot.catalog.model import FUZZY, Catalog, Message
from polyglot.catalog.storage import catalog_header
from polyglot.locales import Locale

SIMILARITY = 0.6
"""How alike (``_similarity``) an old msgid must be to a new one for its translation to
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


def _common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at the start (slices compared in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _edits(a: str, b: str, limit: int) -> int | None:
    """The fewest insertions and deletions that turn ``a`` into ``b`` (Myers' O(ND) diff,
    as GNU's ``fstrcmp``), or None when more than ``limit`` are needed.

    The common start and end are cut off first, so a reworded paragraph costs about its
    changed words, and the search stops at ``limit``: a candidate that cannot beat the
    best so far costs little.
    """
    start = _common_prefix(a, b)
    a, b = a[start:], b[start:]
    end = _common_prefix(a[::-1], b[::-1])
    a, b = a[: len(a) - end], b[: len(b) - end]
    n, m = len(a), len(b)
    if abs(n - m) > limit:
        return None
    if not n or not m:
        return n + m
    offset = limit + 1
    furthest = [0] * (2 * limit + 3)
    for edits in range(limit + 1):
        for diagonal in range(-edits, edits + 1, 2):
            if diagonal == -edits or (
                diagonal != edits and furthest[offset + diagonal - 1] < furthest[offset + diagonal + 1]
            ):
                x = furthest[offset + diagonal + 1]
            else:
                x = furthest[offset + diagonal - 1] + 1
            y = x - diagonal
            while x < n and y < m and a[x] == b[y]:
                x += 1
                y += 1
            furthest[offset + diagonal] = x
            if x >= n and y >= m:
                return edits
    return None


def _similarity(a: str, b: str, floor: float = SIMILARITY) -> float:
    """How alike two msgids are, as msgmerge measures it: the share of both strings' characters
    in their longest common subsequence (1.0 for equal strings); 0.0 when below ``floor``."""
    total = len(a) + len(b)
    if not total:
        return 1.0
    edits = _edits(a, b, int((1 - floor) * total))
    if edits is None:
        return 0.0
    score = (total - edits) / total
    return score if score >= floor else 0.0


def _shares_location(a: Message, b: Message) -> bool:
    """Whether two messages were extracted from the same file (a strong hint of an edit)."""
    return bool({path for path, _ in a.locations} & {path for path, _ in b.locations})


def _best_match(new: Message, candidates: Iterable[Message]) -> Message | None:
    """The most similar old message, preferring one from the same announcement (the first
    of equals); each candidate is only measured as far as it could still win."""
    best, best_score = None, SIMILARITY
    for old in candidates:
        bonus = 0.05 if _shares_location(new, old) else 0.0
        score = _similarity(new.msgid, old.msgid, max(SIMILARITY, best_score - bonus))
        if score and score + bonus >= best_score and (best is None or score + bonus > best_score):
            best, best_score = old, score + bonus
    return best


GRAM = 4
"""Characters per n-gram of the fuzzy index: msgmerge's own choice (``msgl-fsearch.c``)."""

POSTINGS_BUDGET = 2_000
"""How many index entries one lookup may read, rarest n-grams first. A reworded paragraph
keeps most of its rare n-grams, which lead straight to its old version; common ones
(`` the``) would make every lookup read the whole catalog, the quadratic cost the index
is there to avoid."""

SHORTLIST = 8
"""Candidates sharing the most of those n-grams with a new msgid, compared with it exactly."""


def _grams(text: str) -> frozenset[str]:
    """The distinct ``GRAM``-character pieces of ``text`` (the whole text when shorter)."""
    text = text.lower()
    if len(text) <= GRAM:
        return frozenset((text,))
    return frozenset(text[i : i + GRAM] for i in range(len(text) - GRAM + 1))


class FuzzyIndex:
    """The orphaned translations indexed by their msgids' n-grams, as msgmerge indexes its
    candidates: a new msgid is compared exactly (``_best_match``) only with the few old
    ones that share most of its rarer n-grams, so a merge costs about the same per
    changed message however many there are.

    A message similar enough to inherit a translation (a ratio of 0.6) shares most of its
    n-grams; the shortlist is a heuristic all the same, as msgmerge's is:
    ``tests/catalog/test_merge.py`` compares its choice with the exhaustive search.
    """

    def __init__(self, orphans: list[Message]) -> None:
        self.orphans = orphans
        self.postings: dict[str, list[int]] = defaultdict(list)
        for number, grams in enumerate(_grams(message.msgid) for message in orphans):
            for gram in grams:
                self.postings[gram].append(number)
        self.used: set[int] = set()

    def take(self, new: Message) -> Message | None:
        """The old message whose translation ``new`` inherits (no longer offered to others)."""
        grams = _grams(new.msgid)
        lists = sorted((self.postings[g] for g in grams if g in self.postings), key=len)
        chosen: list[int] = []
        for numbers in lists:
            if chosen and len(chosen) + len(numbers) > POSTINGS_BUDGET:
                break
            chosen += numbers
        counts = Counter(chosen)
        unused = (number for number in counts if number not in self.used)
        ranked = heapq.nsmallest(SHORTLIST, unused, key=lambda n: (-counts[n], n))
        ranked.sort()  # the exhaustive search's order: ties go to the first orphan
        match = _best_match(new, (self.orphans[n] for n in ranked))
        if match is not None:
            self.used.add(next(n for n in ranked if self.orphans[n] is match))
        return match


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
    unmatched: list[int] = []
    for new in template.active:
        if new.key in active or new.key in obsolete:
            same = active.get(new.key) or obsolete[new.key]
            updated = _update(same, new, forms)
            messages.append(updated)
            if same.obsolete:
                used.add(id(same))
            if updated.fuzzy and not same.fuzzy:  # turned plural or singular (_translations)
                report.fuzzy.append((same.msgid, new.msgid))
            elif same.obsolete:
                report.revived.append(new.msgid)
            else:
                report.kept += 1
        else:
            unmatched.append(len(messages))
            messages.append(new)
    index_of_orphans = FuzzyIndex([m for m in orphans if id(m) not in used])
    for index in unmatched:
        new = messages[index]
        match = index_of_orphans.take(new)
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
