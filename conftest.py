"""pytest, for the whole tree.

A compiled module (a ``.pxd`` beside its ``.py``: ``setup.py``) is imported from its
extension, so pytest cannot collect the doctests of its ``.py`` file; they run in
``tests/test_compiled.py`` instead, on the source run by the interpreter.

Every run starts by checking that build (``tests/compiled.py``): a compiled module older
than its source would make the tests pass on old code, so the run stops before any test
(set ``POLYGLOT_ALLOW_INTERPRETED=1`` only where no C compiler is at hand).
Hypothesis runs derandomized under ``CI=true`` (``tests/hypothesis_profiles.py``).
"""

from pathlib import Path

import pytest

pytest_plugins = ["tests.hypothesis_profiles"]

collect_ignore = [str(pxd.with_suffix(".py")) for pxd in Path(__file__).parent.joinpath("src").rglob("*.pxd")]


def pytest_sessionstart(session: pytest.Session) -> None:
    from tests.compiled import ALLOW_INTERPRETED, problems

    if ALLOW_INTERPRETED:
        return
    found = problems()
    if found:
        pytest.exit("stale compiled modules, no test run:\n  " + "\n  ".join(found), returncode=3)
