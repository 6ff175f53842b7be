"""``--explain`` as a person reads it: changed words in context, reading order, countable columns."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from polyglot.burmese.pipeline import normalize_text
from polyglot.cli import main
from polyglot.explain import grapheme_column, word_changes

REPO = Path(__file__).resolve().parents[1]
CALL = REPO / "corpus" / "incoming" / "call-for-applications-2018.my.txt"
# A change record; the problems left (``[code] message``) are listed after the changes.
RECORD = re.compile(r"^(?P<name>.+?):(?P<line>\d+):(?P<column>\d+): (?!\[)")


def explain(path: str) -> list[str]:
    out = CliRunner().invoke(main, ["normalize", "--explain", "--check", path])
    assert out.exit_code == 1, out.output
    return out.output.splitlines()


def test_the_call_is_explained_word_by_word_in_reading_order() -> None:
    rows = explain(str(CALL))
    places = [(int(m["line"]), int(m["column"])) for row in rows if (m := RECORD.match(row))]
    assert len(places) > 30
    assert places == sorted(places)
    # the whole run was one record of up to hundreds of characters; a word is short
    records = [row for row in rows if RECORD.match(row)]
    assert max(len(row.split(": ", 1)[1]) for row in records) < 180, max(records, key=len)
    # the Zawgyi before is shown as its Unicode reading, never as garbled Zawgyi
    assert not any("ေ" in row.split(": ", 1)[1][:60] and "Zawgyi" not in row for row in records)
    assert any("in: " in row and "«" in row for row in rows)


def test_columns_count_what_a_cursor_steps_over() -> None:
    line = "ကြောင်း ကို"
    assert grapheme_column(line, line.index("ကို")) == 6  # ကြေ ာ င် း and the space
    assert grapheme_column("abc def", 4) == 5
    text = "မြန်မာ ၀ိ\n"  # a wa typed for zero... and a zero typed for wa, on line 1
    result = normalize_text(text)
    words = word_changes(text, result.text, result.changes)
    assert [(w.line, w.column, w.before) for w in words] == [(1, 6, "၀ိ")]
    assert words[0].changes and words[0].context == ("မြန်မာ", "")


def test_a_typed_space_is_not_blamed_on_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "typed.txt"
    path.write_text("ကျွန်တော် သွားမယ် ့ နော်\n", encoding="utf-8")
    rows = explain(str(path))
    reasons = " ".join(row for row in rows if row.lstrip().startswith("why:"))
    assert "habit" in reasons and "PDF extraction inserted it" not in reasons
