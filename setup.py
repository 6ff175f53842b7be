"""Build the compiled modules: Cython compiles each from its own ``.py`` source.

A module is compiled when a ``.pxd`` file stands beside its ``.py`` file: the ``.py`` is
the readable reference and also runs interpreted, the ``.pxd`` only gives Cython the C
types. ``pip install -e .`` (and so ``make``) builds them in place, next to their
source, where Python's import prefers them. Without a C compiler the install still
succeeds (each extension is optional) and the modules run as plain Python, slower;
``make test`` and CI fail on that (``tests/test_compiled.py``). Everything else is in
``pyproject.toml``.
"""

from pathlib import Path

from Cython.Build import cythonize
from setuptools import setup

COMPILED = sorted(str(pxd.with_suffix(".py")) for pxd in Path("src").rglob("*.pxd"))

EXTENSIONS = cythonize(
    COMPILED,
    compiler_directives={
        "language_level": 3,
        # Python annotations keep their Python meaning; C types come from the .pxd only.
        "annotation_typing": False,
    },
)
for extension in EXTENSIONS:
    extension.optional = True

setup(ext_modules=EXTENSIONS)
