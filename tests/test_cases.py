"""Data-driven cases in the form of ftfy's test cases: in-the-wild, negative, synthetic, known failures.

Every file holds a list of cases in one schema: ``label``, ``expect`` (``pass`` or
``fail``), ``original``, ``fixed``, and an optional ``comment``. Invisible and unusual
characters are written as ``\\u`` escapes, so a reader sees them. A case expected to fail
is a known failure, run as ``xfail(strict=True)``: when it starts to pass, the suite
says so, and the case moves to ``pass``.

Each case is also checked for idempotence (normalizing the result changes nothing) and
for explained changes: every change names a registered rule, with that rule's reason.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pytest

from polyglot.burmese.changes import REGISTRY
from polyglot.burmese.pipeline import normalize_text

CASES = Path(__file__).parent / "cases"
FILES = ("in-the-wild.json", "negative.json", "synthetic.json", "known-failures.json")
KEYS = {"label", "expect", "original", "fixed", "comment"}


def load(name: str) -> list[dict[str, str]]:
    cases: list[dict[str, str]] = json.loads((CASES / name).read_text(encoding="utf-8"))
    return cases


def params(names: tuple[str, ...] = FILES, *, expected: bool = False) -> Sequence[object]:
    """The cases as test parameters; with ``expected``, those expected to fail marked ``xfail(strict=True)``."""
    out = []
    for name in names:
        for case in load(name):
            known = expected and case["expect"] == "fail"
            marks = [pytest.mark.xfail(strict=True, reason=case.get("comment", ""))] if known else []
            out.append(pytest.param(case, id=f"{name}: {case['label']}", marks=marks))
    return out


@pytest.mark.parametrize("name", FILES)
def test_case_files_share_one_schema_and_show_invisible_characters(name: str) -> None:
    raw = (CASES / name).read_text(encoding="utf-8")
    for case in load(name):
        assert {"label", "expect", "original", "fixed"} <= case.keys() <= KEYS, case
        assert case["expect"] in ("pass", "fail")
    hidden = [ch for ch in raw if ch not in "\n " and unicodedata.category(ch) in ("Cf", "Cc", "Zs", "Co")]
    assert not hidden, f"write these as \\u escapes: {hidden}"


@pytest.mark.parametrize("case", params(expected=True))
def test_case(case: dict[str, str]) -> None:
    assert normalize_text(case["original"]).text == case["fixed"]


@pytest.mark.parametrize("case", params())
def test_case_is_idempotent(case: dict[str, str]) -> None:
    once = normalize_text(case["original"]).text
    assert normalize_text(once).text == once


@pytest.mark.parametrize("case", params())
def test_case_changes_name_a_registered_rule_and_its_reason(case: dict[str, str]) -> None:
    result = normalize_text(case["original"])
    for change in result.changes:
        rule = REGISTRY[change.rule]
        assert (change.kind, change.reason) == (rule.kind, rule.reason)
    assert result.changed <= bool(result.changes)


@pytest.mark.parametrize("case", params(("negative.json",)))
def test_negative_cases_report_no_change(case: dict[str, str]) -> None:
    assert normalize_text(case["original"]).changes == []
