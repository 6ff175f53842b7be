"""Quality checks on translation catalogs, and the fixes that are safe to automate.

Each check is a small named function from a message (and its locale) to problems, so a
finding says which rule fired (``FILE:LINE: [numbers] ...``) and each rule is tested on
its own. Errors block publishing (exit status 1); warnings are advice. A fuzzy
translation is never published, so its content findings are only warnings: they tell
the translator what to look at when reviewing it. A reviewed entry marked
``ignore-<check>`` (``polyglot review --accept --ignore``; see ``ignored_checks``) is not
checked by that check: the reviewer accepted it failing it, on purpose.

Burmese knowledge comes from the Burmese core (its detector and its pipeline); this
module knows nothing about Zawgyi itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

import icu

from polyglot.burmese.detect import detect_text
from polyglot.burmese.pipeline import normalize_text
from polyglot.catalog import tokens
from polyglot.catalog.model import Catalog, Message
from polyglot.catalog.scripts import wrong_script
from polyglot.locales import Locale

ERROR = "error"
WARNING = "warning"
FIXED = "fixed"


@dataclass(frozen=True)
class Finding:
    """One problem (or one fix) at one place in a catalog."""

    path: str
    line: int
    check: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        label = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{self.path}:{self.line}: [{self.check}] {label}{self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
        }


IGNORE_PREFIX = "ignore-"


def ignored_checks(message: Message) -> frozenset[str]:
    """The checks a reviewer accepted this entry failing.

    Written ``ignore-<check>`` as a translator comment (``# ignore-numbers``), the form GNU
    gettext's tools keep (msgcat and msgmerge drop flags they do not know), or as Weblate's
    flag of the same name, which polyglot reads but does not write.
    """
    marks = [*message.flags, *(word for comment in message.translator_comments for word in comment.split())]
    return frozenset(mark[len(IGNORE_PREFIX) :] for mark in marks if mark.startswith(IGNORE_PREFIX))


Problem = tuple[str, str]
"""(severity, message) as a check yields it; the runner adds place and name."""

MessageCheck = Callable[[Message, Locale], Iterator[Problem]]
CHECKS: dict[str, MessageCheck] = {}
ALWAYS_ERRORS = {"zawgyi"}
"""A Zawgyi msgstr is wrong in any entry: it is the file's encoding, not a translation choice."""


def check(name: str) -> Callable[[MessageCheck], MessageCheck]:
    """Register a message check under the name findings show in brackets."""

    def register(function: MessageCheck) -> MessageCheck:
        CHECKS[name] = function
        return function

    return register


def _quote(values: Iterable[object]) -> str:
    items = sorted(str(value) for value in values)
    return ", ".join(items) if items else "none"


def _compare(what: str, source: Collection[str], target: Collection[str]) -> Iterator[Problem]:
    if source != target:
        yield ERROR, f"{what} differ: msgid has {_quote(source)}; msgstr has {_quote(target)}"


# --------------------------------------------------------------------------- Burmese


@check("zawgyi")
def zawgyi(message: Message, locale: Locale) -> Iterator[Problem]:
    """Zawgyi-encoded Burmese displays as garbage without a Zawgyi font."""
    for detection in detect_text(message.msgstr):
        if detection.encoding == "zawgyi":
            yield (
                ERROR,
                (
                    f"Zawgyi-encoded Burmese at column {detection.column} "
                    f"(P(Zawgyi) = {detection.probability:.2f}): {detection.text!r}; "
                    "`polyglot check --fix` converts it"
                ),
            )


UNCERTAIN = {"ambiguous-encoding"}
"""Diagnostics that report the core's doubt rather than a defect: advice, not errors."""


@check("burmese")
def burmese(message: Message, locale: Locale) -> Iterator[Problem]:
    """Burmese must be well-formed, canonically stored Unicode: what the core would change
    (other than a Zawgyi conversion, reported above) or cannot fix is reported."""
    if locale.script != "Mymr":
        return
    result = normalize_text(message.msgstr, repair=False)
    for change in result.changes:
        if change.kind != "convert":
            yield (
                ERROR,
                (
                    f"column {change.column}: {change.rule}: {change.before!r} should be "
                    f"{change.after!r}; `polyglot check --fix` applies it"
                ),
            )
    for diagnostic in result.diagnostics:
        severity = WARNING if diagnostic.code in UNCERTAIN else ERROR
        yield severity, f"column {diagnostic.column}: {diagnostic.code}: {diagnostic.message}"


# --------------------------------------------------------------------------- any language


@check("script")
def script(message: Message, locale: Locale) -> Iterator[Problem]:
    """A translation must be written in its language's script (names, numbers and URLs
    aside): Chinese ingested as Burmese, or the English pasted back, is not a translation."""
    if locale.is_source:
        return
    problem = wrong_script(message.msgstr, locale.script)
    if problem is not None:
        yield ERROR, problem.describe(locale.name, locale.script)


# --------------------------------------------------------------------------- invariants


@check("placeholders")
def placeholders(message: Message, locale: Locale) -> Iterator[Problem]:
    yield from _compare("placeholders", tokens.placeholders(message.msgid), tokens.placeholders(message.msgstr))


@check("html")
def html(message: Message, locale: Locale) -> Iterator[Problem]:
    yield from _compare("HTML tags", tokens.tags(message.msgid), tokens.tags(message.msgstr))


@check("urls")
def urls(message: Message, locale: Locale) -> Iterator[Problem]:
    yield from _compare("URLs", tokens.urls(message.msgid), tokens.urls(message.msgstr))


@check("emails")
def emails(message: Message, locale: Locale) -> Iterator[Problem]:
    yield from _compare("e-mail addresses", tokens.emails(message.msgid), tokens.emails(message.msgstr))


@check("numbers")
def numbers(message: Message, locale: Locale) -> Iterator[Problem]:
    """Every number of the source must be in the translation (in any script). The
    translation may state more (a month as a number: 30 November → 11月30日)."""
    missing = tokens.numbers(message.msgid) - tokens.numbers(message.msgstr)
    if missing:
        shown = ", ".join(format(value, "f") for value in sorted(missing))
        yield ERROR, f"number(s) of the msgid missing from the msgstr: {shown}"


# --------------------------------------------------------------------------- Chinese

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

SIMPLIFIED_WORDS = ("显著", "著名", "著作", "名著", "著称", "昭著", "卓著", "土著", "乾隆", "乾坤", "瞭望")
"""Words of standard Simplified Chinese that ICU's Hant-Hans still changes (著 and 乾 are
in the General Standard Chinese Characters table): never a finding."""


@cache
def _hant_hans() -> icu.Transliterator:
    return icu.Transliterator.createInstance("Hant-Hans")


@check("traditional")
def traditional(message: Message, locale: Locale) -> Iterator[Problem]:
    """A Simplified Chinese translation that changes under Hant-Hans has Traditional
    characters in it."""
    if locale.script != "Hans":
        return
    text = message.msgstr
    simplified = _hant_hans().transliterate(text)
    if simplified == text:
        return
    allowed = [range(m.start(), m.end()) for word in SIMPLIFIED_WORDS for m in re.finditer(word, text)]
    if len(simplified) != len(text):
        yield ERROR, f"Traditional characters; Simplified would read: {simplified}"
        return
    found = [
        f"{old}→{new} (column {index + 1})"
        for index, (old, new) in enumerate(zip(text, simplified, strict=True))
        if old != new and not any(index in span for span in allowed)
    ]
    if found:
        yield ERROR, "Traditional characters: " + ", ".join(found)


_HALF_WIDTH = re.compile(
    rf"(?<=[{HAN}])[,;:!?]|[,;:!?](?=[{HAN}])|(?<=[{HAN}])\.(?!\d)"
    rf"|(?<=[{HAN}])\(|\((?=[{HAN}])|(?<=[{HAN}])\)|\)(?=[{HAN}])"
)
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。", "(": "（", ")": "）"}
_MARKDOWN_LINK = re.compile(r"\]\([^)\s]*\)")
_MYANMAR_LETTER = "\u1000-\u103f"
_ASCII_AFTER_BURMESE = re.compile(rf"(?<=[{_MYANMAR_LETTER}])[.,](?=\s|$)")


@check("punctuation")
def punctuation(message: Message, locale: Locale) -> Iterator[Problem]:
    """Chinese takes full-width punctuation; Burmese takes ။ and ၊ rather than . and ,."""
    text = tokens.mask(message.msgstr, tokens.URL, tokens.EMAIL, _MARKDOWN_LINK)
    if locale.script == "Hans":
        for match in _HALF_WIDTH.finditer(text):
            char = match.group()
            yield (
                WARNING,
                (f"column {match.start() + 1}: half-width {char!r} in Chinese text; use {_FULL_WIDTH[char]!r}"),
            )
    elif locale.script == "Mymr":
        for match in _ASCII_AFTER_BURMESE.finditer(text):
            wanted = "။" if match.group() == "." else "၊"
            yield (
                WARNING,
                (f"column {match.start() + 1}: {match.group()!r} after Burmese text; Burmese uses {wanted!r}"),
            )


_TERMINATORS = ".!?。！？။…"
_CLOSERS = "\"'”’»）)」』*_"


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINATORS


@check("sentence-end")
def sentence_end(message: Message, locale: Locale) -> Iterator[Problem]:
    """A translation of a full sentence should end one, in its own script's punctuation
    (။ for Burmese, 。 for Chinese: both count)."""
    if _ends_sentence(message.msgid) and not _ends_sentence(message.msgstr):
        yield WARNING, "the msgid ends a sentence but the msgstr has no final punctuation"


# --------------------------------------------------------------------------- running


def check_header(catalog: Catalog, locale: Locale) -> Iterator[Problem]:
    header = catalog.header
    if header.get("Language") != locale.code:
        yield ERROR, f"Language is {header.get('Language')!r}, should be {locale.code!r}"
    plural = " ".join(header.get("Plural-Forms", "").split())
    if plural != locale.plural_forms:
        yield ERROR, (f"Plural-Forms is {header.get('Plural-Forms')!r}, should be {locale.plural_forms!r}")
    content_type = header.get("Content-Type", "")
    if "charset=utf-8" not in content_type.replace(" ", "").lower():
        yield ERROR, f"Content-Type {content_type!r} must declare charset=UTF-8"


def fix_header(catalog: Catalog, locale: Locale) -> list[str]:
    """Set the header fields the ``header`` check requires; return what changed."""
    wanted = {"Language": locale.code, "Plural-Forms": locale.plural_forms, "Content-Type": "text/plain; charset=UTF-8"}
    changed = []
    for name, value in wanted.items():
        if catalog.header.get(name) != value:
            changed.append(f"{name}: {catalog.header.get(name)!r} → {value!r}")
            catalog.header[name] = value
    return changed


def check_gnu_rules(message: Message, forms: int) -> Iterator[Problem]:
    """What GNU ``msgfmt -c`` refuses in a translated message: a msgstr that does not
    begin and end with a newline exactly when its msgid does (the program prints it as
    is), and a plural message without exactly the locale's number of forms."""
    translations = message.translations
    for index, text in enumerate(translations):
        if not text:
            continue
        where = f"msgstr[{index}]" if message.msgid_plural is not None else "msgstr"
        for position, test in (("begin", str.startswith), ("end", str.endswith)):
            if test(message.msgid, "\n") != test(text, "\n"):
                yield ERROR, f"msgid and {where} do not both {position} with a newline (\\n)"
    if message.msgid_plural is not None and message.has_translation and len(translations) != forms:
        yield ERROR, f"{len(translations)} plural forms; the header's Plural-Forms says nplurals={forms}"


def check_catalog(catalog: Catalog, locale: Locale, only: set[str] | None = None) -> list[Finding]:
    """Every finding of every check on the catalog's translated (or fuzzy) messages."""
    findings = [
        Finding(catalog.path, catalog.header_line, "header", text, severity)
        for severity, text in check_header(catalog, locale)
    ]
    forms = locale.nplurals
    for message in catalog.active:
        for severity, text in check_gnu_rules(message, forms):
            if message.fuzzy:
                severity, text = WARNING, f"{text} (fuzzy)"
            findings.append(Finding(catalog.path, message.msgstr_line or message.line, "gettext", text, severity))
        if not message.msgstr or message.msgid_plural is not None:
            continue
        line = message.msgstr_line or message.line
        ignored = ignored_checks(message)
        for name, function in CHECKS.items():
            if only is not None and name not in only:
                continue
            if name in ignored and not message.fuzzy and name not in ALWAYS_ERRORS:
                continue  # a reviewer accepted this entry failing this check
            for severity, text in function(message, locale):
                if message.fuzzy and name not in ALWAYS_ERRORS:
                    severity, text = WARNING, f"{text} (fuzzy)"
                findings.append(Finding(catalog.path, line, name, text, severity))
    if only is not None:
        findings = [finding for finding in findings if finding.check in only]
    return findings


def fix_catalog(catalog: Catalog, locale: Locale) -> list[Finding]:
    """Apply the safe fixes in place: Zawgyi → Unicode and Burmese normalization through
    the core (no guessing repairs: translators do not paste from PDFs), and the header.
    Returns one finding per change, so the user sees exactly what was rewritten."""
    fixes = [Finding(catalog.path, catalog.header_line, "header", text, FIXED) for text in fix_header(catalog, locale)]
    for index, message in enumerate(catalog.messages):
        if message.obsolete or not message.msgstr:
            continue
        result = normalize_text(message.msgstr, repair=False)
        if not result.changes or result.text == message.msgstr:
            continue
        line = message.msgstr_line or message.line
        for change in result.changes:
            name = "zawgyi" if change.kind == "convert" else "burmese"
            fixes.append(
                Finding(
                    catalog.path,
                    line,
                    name,
                    f"column {change.column}: {change.rule}: {change.before!r} → {change.after!r}",
                    FIXED,
                )
            )
        catalog.messages[index] = replace(message, msgstr=result.text)
    return fixes
