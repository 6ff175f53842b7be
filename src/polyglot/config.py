"""The project's settings: ``[tool.polyglot]`` in ``pyproject.toml``.

Commands find the ``pyproject.toml`` by walking up from the working directory, the way
git finds its repository, so they work from any subdirectory. Paths in the table are
relative to the directory that holds ``pyproject.toml``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from polyglot.files import InputError, read_text
from polyglot.locales import SOURCE_LOCALE, Locale, get_locale

PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class Config:
    """Where the announcements and catalogs live and which languages they are in."""

    root: Path
    corpus: Path
    locales: Path
    build: Path
    domain: str
    languages: tuple[Locale, ...]

    @property
    def source(self) -> Locale:
        return get_locale(SOURCE_LOCALE)

    @property
    def targets(self) -> tuple[Locale, ...]:
        """The languages translated into (everything but the source)."""
        return tuple(locale for locale in self.languages if not locale.is_source)

    @property
    def template_path(self) -> Path:
        return self.locales / f"{self.domain}.pot"

    def catalog_path(self, locale: Locale) -> Path:
        return self.locales / locale.code / "LC_MESSAGES" / f"{self.domain}.po"

    def relative(self, path: Path) -> str:
        """A path as catalogs record it: relative to the project root, with ``/``."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def find_pyproject(start: Path | None = None) -> Path:
    """The nearest ``pyproject.toml`` at or above ``start`` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / PYPROJECT
        if candidate.is_file():
            return candidate
    raise InputError(f"{here}: no {PYPROJECT} here or in any parent directory")


def load_config(start: Path | None = None) -> Config:
    """Read ``[tool.polyglot]``; every value has a default except the table itself."""
    pyproject = find_pyproject(start)
    name = str(pyproject)
    try:
        data = tomllib.loads(read_text(pyproject).text)
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{name}:{getattr(err, 'lineno', 1)}: invalid TOML: {err}") from None
    table = data.get("tool", {}).get("polyglot")
    if not isinstance(table, dict):
        raise InputError(f"{name}: no [tool.polyglot] table")
    root = pyproject.parent

    def setting(key: str, default: str) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or not value:
            raise InputError(f"{name}: [tool.polyglot] {key} must be a non-empty string")
        return value

    languages = table.get("languages", [SOURCE_LOCALE])
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise InputError(f"{name}: [tool.polyglot] languages must be a list of strings")
    try:
        locales = tuple(dict.fromkeys(get_locale(code) for code in languages))
    except InputError as err:
        raise InputError(f"{name}: [tool.polyglot] languages: {err}") from None
    if SOURCE_LOCALE not in {locale.code for locale in locales}:
        locales = (get_locale(SOURCE_LOCALE), *locales)
    return Config(
        root=root,
        corpus=root / setting("corpus", "corpus"),
        locales=root / setting("locales", "locales"),
        build=root / setting("build", "build"),
        domain=setting("domain", "announcements"),
        languages=locales,
    )
