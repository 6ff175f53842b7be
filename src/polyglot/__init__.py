"""polyglot: publish announcements cleanly in English, Burmese and Chinese.

The library's public names are the ones in ``__all__``, importable from ``polyglot``
itself; they keep their names and signatures within a major version (see the README's
"Library" section). Everything else (``polyglot.burmese.*``, ``polyglot.catalog.*``, the
CLI's modules) is internal and may change in any release.

Burmese text: :func:`normalize_text` detects Zawgyi, repairs PDF damage, converts and
normalizes every run of Myanmar script, and leaves every other character as it is; it is
the function the ``polyglot normalize`` command runs.

>>> import polyglot
>>> result = polyglot.normalize_text("Exams: ေက်ာင္းသား")
>>> result.text
'Exams: ကျောင်းသား'
>>> [(change.kind, change.rule, change.before, change.after) for change in result.changes]
[('convert', 'zawgyi_to_unicode', 'ေက်ာင္းသား', 'ကျောင်းသား')]

:func:`detect_text` says, for each run of Myanmar script, what ``normalize_text`` will
take it to be (``zawgyi``, ``unicode`` or ``ambiguous``), how likely Zawgyi is, its
language, and the evidence:

>>> [(run.text, run.encoding, run.language) for run in polyglot.detect_text("Hi မင်္ဂလာပါ")]
[('မင်္ဂလာပါ', 'unicode', 'burmese')]

Catalogs: :func:`read_po` and :func:`parse_po` read a PO file strictly (a malformed one
raises :class:`InputError` naming its file and line), :func:`format_po` writes GNU
gettext's own layout, :func:`check_catalog` runs the checks ``polyglot check`` runs.

>>> catalog = polyglot.parse_po('msgid "Exams"\\nmsgstr "ေက်ာင္းသား"\\n', "my.po")
>>> print(*polyglot.check_catalog(catalog, polyglot.get_locale("my")), sep="\\n")
my.po:1: [header] Language is None, should be 'my'
my.po:1: [header] Plural-Forms is None, should be 'nplurals=1; plural=0;'
my.po:1: [header] Content-Type '' must declare charset=UTF-8
my.po:2: [zawgyi] Zawgyi-encoded Burmese at column 1 (P(Zawgyi) = 1.00): 'ေက်ာင္းသား'; `polyglot check --fix` converts it
>>> polyglot.parse_po('msgid "Exams\\nmsgstr ""\\n', "my.po")
Traceback (most recent call last):
polyglot.files.InputError: my.po:1: end-of-line within string (missing closing quote)
>>> print(polyglot.format_po(catalog), end="")
msgid ""
msgstr ""
<BLANKLINE>
msgid "Exams"
msgstr "ေက်ာင္းသား"

Importing ``polyglot`` loads none of this: each name imports its module when first used,
so ``polyglot --version`` and scripts that need one part do not pay for the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from polyglot.burmese.changes import Change
    from polyglot.burmese.detect import Detection, detect_text
    from polyglot.burmese.diagnose import Diagnostic
    from polyglot.burmese.pipeline import Result, normalize_text
    from polyglot.catalog.check import Finding, check_catalog
    from polyglot.catalog.model import Catalog, Message
    from polyglot.catalog.pofile import format_po, parse_po, read_po
    from polyglot.files import InputError
    from polyglot.locales import Locale, get_locale

_HOMES = {
    "normalize_text": "polyglot.burmese.pipeline",
    "Result": "polyglot.burmese.pipeline",
    "Change": "polyglot.burmese.changes",
    "Diagnostic": "polyglot.burmese.diagnose",
    "detect_text": "polyglot.burmese.detect",
    "Detection": "polyglot.burmese.detect",
    "Catalog": "polyglot.catalog.model",
    "Message": "polyglot.catalog.model",
    "parse_po": "polyglot.catalog.pofile",
    "read_po": "polyglot.catalog.pofile",
    "format_po": "polyglot.catalog.pofile",
    "check_catalog": "polyglot.catalog.check",
    "Finding": "polyglot.catalog.check",
    "Locale": "polyglot.locales",
    "get_locale": "polyglot.locales",
    "InputError": "polyglot.files",
}
"""Where each public name lives; it is imported from there when first used."""

__all__ = [
    "Catalog",
    "Change",
    "Detection",
    "Diagnostic",
    "Finding",
    "InputError",
    "Locale",
    "Message",
    "Result",
    "__version__",
    "check_catalog",
    "detect_text",
    "format_po",
    "get_locale",
    "normalize_text",
    "parse_po",
    "read_po",
]


def __getattr__(name: str) -> object:
    """Import a public name's module on first use (PEP 562), then keep the name here."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'polyglot' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


COMPILED_MODULES = (
    "polyglot.burmese.clean",
    "polyglot.burmese.dictionary",
    "polyglot.burmese.markov",
    "polyglot.burmese.settle",
)
"""The modules Cython compiles at install time (``setup.py`` refuses a build that misses one)."""


def build() -> str:
    """How this copy runs: ``compiled`` (every module in ``COMPILED_MODULES`` imported from its
    extension), ``interpreted`` (a pure-Python build, about half as fast), or which are which."""
    compiled = [name for name in COMPILED_MODULES if importlib.import_module(name).COMPILED]
    if len(compiled) == len(COMPILED_MODULES):
        return "compiled"
    if not compiled:
        return "interpreted"
    return "compiled: " + ", ".join(compiled) + "; the others interpreted"
