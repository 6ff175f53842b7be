"""Whether the compiled modules this run imports are built, and from their current source.

Shared by the session-start hook (``conftest.py``: any pytest run stops at once on a stale
build, so no test passes on old compiled code) and ``tests/test_compiled.py``.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
ALLOW_INTERPRETED = os.environ.get("POLYGLOT_ALLOW_INTERPRETED") == "1"


def problem(name: str, src: Path = SRC) -> str | None:
    """What is wrong with the compiled module ``name`` as Python would import it, or None.

    Built in place (an editable install, ``make install``), the extension must be newer than
    its ``.py`` and ``.pxd``; installed from a wheel (outside ``src``), it must be an
    extension. Found without importing it, so a stale module's side effects never run.
    """
    spec = importlib.util.find_spec(name)
    origin = Path(spec.origin) if spec is not None and spec.origin else None
    if origin is None or not origin.name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
        where = origin.name if origin else "nowhere"
        return f"{name} is imported from {where}, not from the extension Cython builds: run `make install`"
    if origin.is_relative_to(src):
        stem = origin.name.split(".")[0]
        sources = [origin.with_name(stem + suffix) for suffix in (".py", ".pxd")]
        if origin.stat().st_mtime < max(source.stat().st_mtime for source in sources):
            return f"{origin.name} is older than its source: run `make install` (or `pip install -e .`)"
    return None


def problems(src: Path = SRC) -> list[str]:
    names = sorted(".".join(p.relative_to(src).with_suffix("").parts) for p in src.rglob("*.pxd"))
    return [message for name in names if (message := problem(name, src))]
