"""polyglot: publish announcements cleanly in English, Burmese and Chinese."""

__version__ = "0.1.0"

COMPILED_MODULES = ("polyglot.burmese.clean", "polyglot.burmese.dictionary", "polyglot.burmese.markov")
"""The modules Cython compiles at install time (``setup.py`` refuses a build that misses one)."""


def build() -> str:
    """How this copy runs: ``compiled`` (every module in ``COMPILED_MODULES`` imported from its
    extension), ``interpreted`` (a pure-Python build, about half as fast), or which are which."""
    import importlib

    compiled = [name for name in COMPILED_MODULES if importlib.import_module(name).COMPILED]
    if len(compiled) == len(COMPILED_MODULES):
        return "compiled"
    if not compiled:
        return "interpreted"
    return "compiled: " + ", ".join(compiled) + "; the others interpreted"
