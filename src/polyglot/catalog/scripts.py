"""Is a translation written in its language's script at all?

A Burmese msgstr with no Myanmar letter is not a Burmese translation: Chinese text
ingested with ``--lang my``, or the English original pasted back as "Burmese". Such
text passes every other check (no Zawgyi, no ill-formed syllable, the numbers agree),
so it is caught by what it lacks. What a translation may legitimately keep in another
script is what survives translation: names (written in Latin letters with a capital:
``Asia Catalyst``, ``HIV``), numbers, URLs, e-mail addresses, placeholders and markup.
Prose in another script has lower-case words (English) or letters of a script that is
neither the language's nor Latin (Chinese in a Burmese msgstr), and that is the finding.

Scripts are ICU's (UAX #24, ``uscript_getScript``), so the rule holds for any language
in the locale table, not only the two the organisation publishes in today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import icu

from polyglot.catalog import tokens

ICU_SCRIPT = {"Hans": "Hani", "Hant": "Hani"}
"""ISO 15924 codes of the locale table whose characters ICU files under another code:
Simplified and Traditional Chinese are both written in Han characters (``Hani``)."""

NEUTRAL = frozenset({"Zyyy", "Zinh", "Zzzz"})
"""Common (digits, punctuation), Inherited (combining marks) and Unknown: no language's own."""

_MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_NAME = re.compile(r"\b[A-Z][\w'’.-]*")
"""A Latin word with a capital: a name, an acronym or a title-case word of a name."""


@cache
def script_of(char: str) -> str:
    """ICU's ISO 15924 code for ``char``'s script (``Mymr``, ``Hani``, ``Latn``, ``Zyyy``…)."""
    return str(icu.Script.getScript(char).getShortName())


@dataclass(frozen=True)
class ScriptProblem:
    """A translation with none of its language's letters, and what it is written in instead."""

    found: tuple[str, ...]
    """The scripts of its letters, commonest first."""
    sample: str

    def describe(self, language: str, script: str) -> str:
        names = ", ".join(self.found)
        return f"no {language} ({script}) letter; written in {names}: {self.sample!r}"


def wrong_script(text: str, script: str) -> ScriptProblem | None:
    """A problem when ``text`` has letters but none of ``script`` beyond names, else None.

    URLs, e-mail addresses, placeholders, tags and Markdown link targets are masked first;
    then Latin words with a capital are masked as names. What letters remain must include
    one of ``script`` (a translation with only names and numbers left is fine: a name is
    not translated).
    """
    wanted = ICU_SCRIPT.get(script, script)
    masked = tokens.mask(text, tokens.URL, tokens.EMAIL, tokens.PLACEHOLDER, tokens.TAG, _MARKDOWN_LINK_TARGET)
    counts: dict[str, int] = {}
    for char in masked:
        if char.isalpha():
            name = script_of(char)
            if name == wanted:
                return None
            if name not in NEUTRAL:
                counts[name] = counts.get(name, 0) + 1
    if wanted != "Latn":
        masked = _NAME.sub(lambda match: " " * len(match.group()), masked)
    prose = [char for char in masked if char.isalpha() and script_of(char) not in NEUTRAL]
    if not prose:
        return None
    start = next(index for index, char in enumerate(masked) if char.isalpha() and script_of(char) not in NEUTRAL)
    found = tuple(sorted(counts, key=lambda name: -counts[name]))
    return ScriptProblem(found, text[max(0, start - 10) : start + 30].strip())
