"""``make eval``'s tool (``evaluation/``): its reader, its scores and its verdict on targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.data import Pair, Row, read_tsv
from evaluation.evaluate import check_targets, evaluate_conversion, evaluate_detection, main
from polyglot.burmese.convert import unicode_to_zawgyi
from tests.conftest import UNICODE_SENTENCES


def test_read_tsv_skips_blank_lines_and_comments_and_keeps_every_field(tmp_path: Path) -> None:
    path = tmp_path / "data.tsv"
    path.write_text('# kind\tinput\n\nz2u\tက\tခ\tnote\n  \nu2z\t"\\u1000"\tx\n', encoding="utf-8")
    assert list(read_tsv(path)) == [["z2u", "က", "ခ", "note"], ["u2z", '"\\u1000"', "x"]]


def test_a_target_is_missed_when_its_value_falls_short_or_its_row_is_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = [Row("set", "kept %", None, 99.0, 10), Row("set", "flagged %", None, 0.2, 10)]
    assert check_targets(rows, [("set", "kept %", ">=", 99.0), ("set", "flagged %", "<=", 0.2)]) == 0
    assert check_targets(rows, [("set", "kept %", ">=", 99.5)]) == 1
    assert check_targets(rows, [("set", "flagged %", "<=", 0.1)]) == 1
    assert check_targets(rows, [("other", "kept %", ">=", 0.0)]) == 1
    assert "NOT MET other, kept %" in capsys.readouterr().out


def test_missing_data_is_exit_2(tmp_path: Path) -> None:
    assert main([str(tmp_path / "nowhere")]) == 2


def _our_pairs() -> list[Pair]:
    return [Pair(unicode_to_zawgyi(u), u) for u in UNICODE_SENTENCES]


def test_detection_scores_our_own_sentences() -> None:
    rows = {row.metric: row for row in evaluate_detection("ours", _our_pairs())}
    assert rows["Zawgyi caught %"].polyglot == 100.0
    assert rows["Unicode kept %"].polyglot == 100.0
    assert rows["Zawgyi caught %"].n == len(UNICODE_SENTENCES)


def test_conversion_scores_count_a_wrong_reference_as_a_miss() -> None:
    pairs = _our_pairs()
    exact = "conversion exact %, encoding known (anchor: ICU alone)"
    assert {row.metric: row.polyglot for row in evaluate_conversion("ours", pairs)}[exact] == 100.0
    wrong = [Pair(pairs[0].zawgyi, pairs[1].unicode), *pairs[1:]]
    score = {row.metric: row.polyglot for row in evaluate_conversion("ours", wrong)}[exact]
    assert score == pytest.approx(100.0 * (len(pairs) - 1) / len(pairs))
