"""Regular expressions compiled on first use, for module-level constants.

Python's ``re`` compiles a pattern in Python code, slowly for large Unicode classes
(the Burmese letter and mark classes, the Private Use Area of ``chars.LOST_GLYPHS``),
and a module-level ``re.compile`` runs on every import, whether or not the command uses
the pattern: a one-line ``polyglot normalize`` would pay for every rule's expression.
``lazy_compile`` takes its place and compiles when the pattern is first used.
"""

from __future__ import annotations

import re
from typing import cast

__all__ = ["lazy_compile"]


class _LazyPattern:
    """Stands in for ``re.compile(pattern, flags)`` until an attribute of the compiled
    pattern is asked for; each attribute (``search``, ``sub``, ``groupindex``...) is then
    kept on this object, so a later call costs what it costs on the pattern itself."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # copy, pickle and friends probe for hooks: not the pattern's
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(self.pattern, self.flags)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used (a syntax error shows then).

    Use it for a module-level pattern that is costly to compile and not needed by every
    command; ``tests/test_startup.py`` checks that a short ``polyglot normalize`` stays
    within its start-up budget of modules.

    >>> digits = lazy_compile("[0-9]+")
    >>> digits.findall("a1b22")
    ['1', '22']
    """
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
