"""Build the compiled modules: Cython compiles each from its own ``.py`` source.

A module is compiled when a ``.pxd`` file stands beside its ``.py`` file: the ``.py`` is
the readable reference and also runs interpreted, the ``.pxd`` only gives Cython the C
types. ``pip install -e .`` (and so ``make``) builds them in place, next to their
source, where Python's import prefers them.

``COMPILED`` names them, and the build fails when one cannot be built (no C compiler,
no Python headers): a wheel that quietly runs interpreted is about twice as slow, and
would still be tagged for the platform. ``POLYGLOT_PURE_PYTHON=1`` asks for a pure-Python
build on purpose (``polyglot --version`` then says "interpreted"). Everything else is in
``pyproject.toml``.
"""

import os
from pathlib import Path

from setuptools import setup

COMPILED = (
    "polyglot.burmese.clean",
    "polyglot.burmese.dictionary",
    "polyglot.burmese.markov",
    "polyglot.burmese.settle",
)
"""Every module with a ``.pxd`` beside it (checked below), as ``polyglot.COMPILED_MODULES``
names them (``tests/test_compiled.py`` checks the two agree)."""

declared = {".".join(pxd.relative_to("src").with_suffix("").parts) for pxd in Path("src").rglob("*.pxd")}
if declared != set(COMPILED):
    raise SystemExit(f"setup.py: COMPILED {sorted(COMPILED)} differs from the .pxd files {sorted(declared)}")

if os.environ.get("POLYGLOT_PURE_PYTHON") == "1":
    extensions = []
else:
    from Cython.Build import cythonize

    extensions = cythonize(
        [str(Path("src", *name.split(".")).with_suffix(".py")) for name in COMPILED],
        compiler_directives={
            "language_level": 3,
            # Python annotations keep their Python meaning; C types come from the .pxd only.
            "annotation_typing": False,
        },
    )

setup(ext_modules=extensions)
