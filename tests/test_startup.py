"""Start-up guards: what a one-line ``polyglot normalize`` may load, checked by name, not by time.

A short command is dominated by what it imports and compiles before it reads a byte
(``make bench`` times it; ``docs/DECISIONS.md`` has the figures). These tests run the
real CLI in a fresh interpreter and fail when an eager import or an import-time
compilation comes back: commands import their heavy modules inside the command, ICU is
loaded only to convert, and the detector's model only for Burmese text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from polyglot import cli

RUN = """
import json, re, sys
compiled = []
_compile = re._compile
def recording(pattern, flags):
    caller = sys._getframe(2).f_code.co_filename  # past re.compile (or re.sub, re.match...)
    if isinstance(pattern, str) and "polyglot" in caller.replace("\\\\", "/").split("/"):
        compiled.append(pattern)
    return _compile(pattern, flags)
re._compile = recording
from polyglot.cli import main
main(sys.argv[1:], standalone_mode=False)
sys.stdout.flush()
print("\\n" + json.dumps({"modules": sorted(sys.modules), "compiled": compiled}), file=sys.stderr)
"""

ENGLISH = "Hello, this is an English line.\n"
UNICODE = "မြန်မာစာ ကို ယူနီကုဒ်ဖြင့် ရေးသည်။\n"
ZAWGYI = "ကိုယ္ Burmese in Zawgyi\n"

NEVER_FOR_NORMALIZE = (
    # Libraries of other commands (catalogs, the site) and of other modes (--jobs, Dask).
    "babel",
    "polib",
    "markdown_it",
    "jinja2",
    "yaml",
    "fontTools",
    "uharfbuzz",
    "dask",
    "numpy",
    "concurrent.futures",
    "multiprocessing",
    "tomllib",
    # polyglot's own modules for other commands.
    "polyglot.catalog",
    "polyglot.commands",
    "polyglot.locales",
    "polyglot.site",
    "polyglot.content",
    "polyglot.config",
    "polyglot.distributed",
)

BURMESE_ONLY = (
    "icu",
    "myanmartools",
    "polyglot.burmese.detect",
    "polyglot.burmese.markov",
    "polyglot.burmese.lexicon",
    "polyglot.burmese.repair",
    "tempfile",
)
"""Loaded only once a text has Burmese in it: the detector, its model, ICU, the dictionary."""


def normalize_one_line(tmp_path: Path, text: str, *options: str) -> dict[str, list[str]]:
    """Run ``polyglot normalize`` on a one-line file in a fresh interpreter; what it loaded and compiled."""
    path = tmp_path / "one-line.txt"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", RUN, "normalize", *options, str(path)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 1  # it did normalize the line
    loaded: dict[str, list[str]] = json.loads(proc.stderr.rsplit("\n", 2)[-2])
    return loaded


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


@pytest.mark.parametrize("text", [ENGLISH, UNICODE, ZAWGYI], ids=["english", "unicode", "zawgyi"])
def test_normalize_loads_nothing_of_other_commands(tmp_path: Path, text: str) -> None:
    loaded = normalize_one_line(tmp_path, text)
    assert _loaded(loaded["modules"], NEVER_FOR_NORMALIZE) == []


def test_text_without_burmese_loads_no_detector_and_no_icu(tmp_path: Path) -> None:
    loaded = normalize_one_line(tmp_path, ENGLISH)
    assert _loaded(loaded["modules"], BURMESE_ONLY) == []
    assert "polyglot.burmese.pipeline" in loaded["modules"]  # the one pipeline decided that


def test_burmese_text_does_load_the_detector(tmp_path: Path) -> None:
    """The other side of the two tests above: the names they look for are the real ones."""
    loaded = normalize_one_line(tmp_path, ZAWGYI)
    assert set(_loaded(loaded["modules"], BURMESE_ONLY)) >= {"icu", "polyglot.burmese.detect"}


LONG_PATTERN = 80
"""Characters beyond which a pattern compiled at import must be ``patterns.lazy_compile``d:
Python's ``re`` compiles in Python, and the long Burmese classes cost milliseconds each."""


def test_import_compiles_no_long_pattern(tmp_path: Path) -> None:
    """Importing every polyglot module a Burmese line loads, and normalizing English,
    compiles only short patterns; the long ones wait until a text needs them."""
    needed = [m for m in normalize_one_line(tmp_path, ZAWGYI)["modules"] if m.startswith("polyglot.")]
    code = RUN.replace(
        "from polyglot.cli import main",
        f"import importlib\nfor name in {needed!r}: importlib.import_module(name)\nfrom polyglot.cli import main",
    )
    path = tmp_path / "one-line.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", code, "normalize", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    compiled = json.loads(proc.stderr.rsplit("\n", 2)[-2])["compiled"]
    assert "polyglot.burmese.detect" in needed and compiled  # the recorder saw the short ones
    assert [p for p in compiled if len(p) > LONG_PATTERN] == []


def test_every_lazy_pattern_compiles() -> None:
    """A lazily compiled pattern shows a syntax error only when used: compile them all here."""
    import importlib
    import pkgutil

    import polyglot
    from polyglot.patterns import _LazyPattern

    found = 0
    for info in pkgutil.walk_packages(polyglot.__path__, "polyglot."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            for item in value.values() if isinstance(value, dict) else [value]:
                if isinstance(item, _LazyPattern):
                    assert isinstance(item.groups, int)  # compiles it
                    found += 1
    assert found >= 10


def test_lazy_commands_name_every_command_of_their_modules() -> None:
    """A command added to ``polyglot.commands`` but not to ``LAZY_COMMANDS`` would silently
    be missing from ``polyglot``; each listed one must be the command of that name."""
    import importlib

    modules = {where.split(":")[0] for where in cli.LAZY_COMMANDS.values()}
    defined = {
        command.name
        for module in modules
        for command in vars(importlib.import_module(module)).values()
        if isinstance(command, click.Command)
    }
    assert defined == set(cli.LAZY_COMMANDS)
    ctx = click.Context(cli.main)
    for name in cli.LAZY_COMMANDS:
        command = cli.main.get_command(ctx, name)
        assert command is not None and command.name == name
    assert set(cli.main.list_commands(ctx)) == set(cli.LAZY_COMMANDS) | {"detect", "normalize"}
