"""Hypothesis's profiles: derandomized in CI, random locally with the seed printed.

``CI=true`` (``.ci/run``) loads ``ci``: every run tries the same examples, so a build fails
only for a change, never for a seed. Elsewhere each run draws a new seed and prints it in
pytest's header, so a failure found locally can be replayed with ``--hypothesis-seed``.
An explicit ``--hypothesis-profile`` or ``--hypothesis-seed`` wins over both.
"""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)

_SEED = pytest.StashKey[int]()


def pytest_configure(config: pytest.Config) -> None:
    from hypothesis import core

    if config.getoption("hypothesis_profile", None) is None:
        settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")
    if settings.get_current_profile_name() == "dev" and config.getoption("hypothesis_seed", None) is None:
        seed = random.SystemRandom().getrandbits(32)
        core.global_force_seed = seed  # type: ignore[assignment]  # typed as None, set by --hypothesis-seed
        config.stash[_SEED] = seed


def pytest_report_header(config: pytest.Config) -> str:
    seed = config.stash.get(_SEED, None)
    name = settings.get_current_profile_name()
    if seed is None:
        return f"hypothesis: profile {name!r}"
    return f"hypothesis: profile {name!r}, seed {seed} (replay with --hypothesis-seed={seed})"
