"""The switch that turns every pre-filter off, so that tests can compare each with its rule.

A pre-filter is a cheap test that says "nothing to do here" (``clean.is_clean``,
``diagnose._MAY_BETRAY``, ``repair._MAY_HAVE_SITES``, ``normalize._CLUSTER_LOCAL``): it
lives beside the rule it guards, and a wrong one silently drops that rule's work. So each
is written to do nothing while ``switched_off()`` is in effect, and
``tests/burmese/test_prefilters.py`` checks, for each, that the rule gives the same
answer with the shortcut on and off, and that a deliberately wrong shortcut fails it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

_ON = [True]


def shortcuts_on() -> bool:
    """Whether pre-filters may skip work (always, outside tests)."""
    return _ON[0]


@contextmanager
def switched_off() -> Iterator[None]:
    """Run the rules without any pre-filter (for tests that check the pre-filters)."""
    _ON[0] = False
    try:
        yield
    finally:
        _ON[0] = True
