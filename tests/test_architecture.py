"""The packages import one way: every module of polyglot has its place in the layers.

``make lint`` runs import-linter on the ``layers`` contract of ``pyproject.toml``; a module
the contract does not name is not checked at all, so a new module must be placed there.
"""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path

import polyglot

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def layered_modules() -> set[str]:
    """The modules the ``layers`` contract names, siblings included."""
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["id"] == "layers"]
    return {name.strip() for layer in contract["layers"] for name in layer.replace(":", "|").split("|")}


def test_every_module_has_a_layer() -> None:
    """A package or module added to polyglot must be placed in the layers (or the check misses it)."""
    modules = {f"polyglot.{info.name}" for info in pkgutil.iter_modules(polyglot.__path__)}
    assert modules - layered_modules() == set()
    assert layered_modules() - modules == set(), "the contract names a module that does not exist"
