"""The one table of languages polyglot publishes in.

Everything that needs to know about a language (the gettext code used for file names,
the web tag used in HTML ``lang`` attributes and JSON catalogs, the plural rule, the
names people type for it) asks this table, so the answers never disagree. Plural rules
are written here rather than looked up: Burmese, like Chinese, does not inflect for
number, so both have a single form (what Babel 2.19 also says; older Babel releases
gave ``my`` two), and a catalog's header must not change with the installed Babel.
"""

from __future__ import annotations

from dataclasses import dataclass

from polyglot.files import InputError


@dataclass(frozen=True)
class Locale:
    """One language as gettext, the web and people refer to it."""

    code: str
    """The gettext code: directory names under ``locales/`` and the ``Language`` header."""
    web_tag: str
    """The BCP 47 tag for HTML ``lang`` and the JSON catalogs."""
    name: str
    """The English name, for the ``Language-Team`` header and reports."""
    plural_forms: str
    aliases: tuple[str, ...] = ()
    script: str = "Latn"
    """ISO 15924 script of the language's text; the checks choose by it."""
    length_ratio: float = 1.0
    """Typical length of a translation in characters, relative to its English source;
    ingest uses it to judge whether two blocks can be translations of each other."""

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LOCALE

    @property
    def nplurals(self) -> int:
        """How many plural forms ``plural_forms`` declares."""
        return int(self.plural_forms.split("nplurals=")[1].split(";")[0])


SOURCE_LOCALE = "en"

LOCALES: tuple[Locale, ...] = (
    Locale("en", "en", "English", "nplurals=2; plural=(n != 1);", ("en_US", "en-US", "en_GB")),
    Locale(
        "my",
        "my",
        "Burmese",
        "nplurals=1; plural=0;",
        ("my_MM", "my-MM", "bur", "mya"),
        script="Mymr",
        length_ratio=1.1,
    ),
    Locale(
        "zh_Hans",
        "zh-Hans",
        "Chinese (Simplified)",
        "nplurals=1; plural=0;",
        ("zh_CN", "zh-CN", "zh_Hans_CN", "zh-Hans-CN", "zh_SG", "zh-SG"),
        script="Hans",
        length_ratio=0.32,
    ),
)


def _fold(code: str) -> str:
    """Compare codes the way people write them: case and ``-`` versus ``_`` do not matter."""
    return code.strip().replace("-", "_").casefold()


_BY_NAME: dict[str, Locale] = {}
for _locale in LOCALES:
    for _name in (_locale.code, _locale.web_tag, *_locale.aliases):
        _BY_NAME[_fold(_name)] = _locale


def known_codes() -> list[str]:
    """The canonical codes, for error messages and help texts."""
    return [locale.code for locale in LOCALES]


def get_locale(code: str) -> Locale:
    """Resolve a code, web tag or alias (``zh_CN``, ``zh-Hans``) to its locale.

    An unknown code is an input error that lists the known ones, so the user sees at
    once what to type instead.
    """
    try:
        return _BY_NAME[_fold(code)]
    except KeyError:
        known = ", ".join(f"{loc.code} ({', '.join(dict.fromkeys((loc.web_tag, *loc.aliases)))})" for loc in LOCALES)
        raise InputError(f"unknown language {code!r}; known languages: {known}") from None
