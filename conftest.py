"""pytest, for the whole tree.

A compiled module (a ``.pxd`` beside its ``.py``: ``setup.py``) is imported from its
extension, so pytest cannot collect the doctests of its ``.py`` file; they run in
``tests/test_compiled.py`` instead, on the source run by the interpreter.
"""

from pathlib import Path

collect_ignore = [str(pxd.with_suffix(".py")) for pxd in Path(__file__).parent.joinpath("src").rglob("*.pxd")]
