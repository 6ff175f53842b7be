"""Data-driven cases in the style of ftfy's test-cases: in-the-wild, negative, synthetic, known failures.

Each file is a list of {label, original, fixed, comment?}. Known failures are documented,
not hidden: they must still fail, so a fix shows up as a test to move, not a silent change.
"""

import json
from pathlib import Path

import pytest

from polyglot.burmese.pipeline import normalize_text

CASES = Path(__file__).parent / "cases"


def load(name: str) -> list[dict[str, str]]:
    return json.loads((CASES / name).read_text(encoding="utf-8"))


def ids(cases: list[dict[str, str]]) -> list[str]:
    return [c["label"] for c in cases]


PASSING = [c for name in ("in-the-wild.json", "negative.json", "synthetic.json") for c in load(name)]
KNOWN = load("known-failures.json")


@pytest.mark.parametrize("case", PASSING, ids=ids(PASSING))
def test_case(case: dict[str, str]) -> None:
    result = normalize_text(case["original"])
    assert result.text == case["fixed"]
    assert normalize_text(result.text).text == result.text


@pytest.mark.parametrize("case", load("negative.json"), ids=ids(load("negative.json")))
def test_negative_cases_report_no_change(case: dict[str, str]) -> None:
    assert normalize_text(case["original"]).changes == []


@pytest.mark.parametrize("case", KNOWN, ids=ids(KNOWN))
def test_known_failure_still_fails(case: dict[str, str]) -> None:
    assert normalize_text(case["original"]).text != case["fixed"], "fixed? move it to synthetic.json"
