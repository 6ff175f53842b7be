"""The suite is deterministic in CI and replayable locally (``tests/hypothesis_profiles.py``)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROPERTY = """
from hypothesis import given, strategies as st

@given(st.integers())
def test_record(n):
    with open("drawn.txt", "a") as f:
        f.write(f"{n}\\n")
"""


def _run(folder: Path, ci: bool, *extra: str) -> tuple[str, list[str]]:
    (folder / "drawn.txt").unlink(missing_ok=True)
    (folder / "test_property.py").write_text(PROPERTY)
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"PYTHONPATH": str(ROOT)}
    if ci:
        env["CI"] = "true"
    args = ["-p", "tests.hypothesis_profiles", "-p", "no:cacheprovider", "--rootdir", str(folder), "-c", os.devnull]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", *args, *extra, "test_property.py"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout, (folder / "drawn.txt").read_text().split()


def test_ci_draws_the_same_examples_every_run(tmp_path: Path) -> None:
    header, first = _run(tmp_path, ci=True)
    assert "hypothesis: profile 'ci'" in header
    assert _run(tmp_path, ci=True)[1] == first


def test_a_local_run_prints_its_seed_and_the_seed_replays_it(tmp_path: Path) -> None:
    header, first = _run(tmp_path, ci=False)
    seed = re.search(r"profile 'dev', seed (\d+) \(replay with --hypothesis-seed=\1\)", header)
    assert seed, header
    assert _run(tmp_path, False, f"--hypothesis-seed={seed.group(1)}")[1] == first
    assert _run(tmp_path, ci=False)[1] != first  # another seed, other examples
