"""Rules declare their scope, and the pipeline keeps to it: one decision, whatever the path.

A plausible new rule, "no space before ။", looks across a
space. Declared as a word rule, it is caught by the locality check below (its edits on
a run are not its edits on each word); declared as a run rule, every way of
normalizing (explained or not, whole or in blocks, ``canonical``) agrees.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.batch.stream import normalize_stream
from polyglot.burmese import normalize
from polyglot.burmese.changes import REGISTRY, Edit, Rule, rule
from polyglot.burmese.normalize import RULES, apply_rules, canonical
from polyglot.burmese.pipeline import WordMemo, normalize_text

_CHARS = list("ကခငစညတနပမယရလဝသအ\u103b\u103c\u103d\u103e\u103a\u1031\u102d\u102e\u102f\u1030\u102c\u1036\u1037\u1038")
_CHARS += list("\u1039ဥဦ၀၁၄။၊ \u200b\u200c\u2060")
runs = st.text(st.sampled_from(_CHARS), max_size=30)


def check_word_local(r: Rule, texts: Iterable[str]) -> None:
    """A word rule's edits on a run are its edits on each space-separated word."""
    for text in texts:
        whole = apply_rules(text, (r,))
        by_word = " ".join(apply_rules(word, (r,)) for word in text.split(" "))
        assert whole == by_word, (r.name, text)


WORD_RULES = sorted({r.name: r for r in RULES if r.scope == "word"}.values(), key=lambda r: r.name)


@pytest.mark.parametrize("r", WORD_RULES, ids=[r.name for r in WORD_RULES])
@settings(max_examples=300, deadline=None)
@given(text=runs)
def test_every_word_rule_decides_inside_words(r: Rule, text: str) -> None:
    check_word_local(r, [text])


def test_every_rule_is_registered_with_a_reason_and_a_scope() -> None:
    for r in RULES:
        assert REGISTRY[r.name] is r
    for r in REGISTRY.values():
        assert r.reason and r.scope in ("document", "run", "word") and r.kind in ("repair", "convert", "normalize")


def _no_space_before_section_mark(text: str) -> Iterator[Edit]:
    """No space before ။: the section mark closes the sentence it follows."""
    for m in re.finditer(" +(?=\u104b)", text):
        yield m.start(), m.end(), ""


def test_a_rule_that_looks_across_a_space_fails_as_a_word_rule() -> None:
    mis_scoped = Rule("normalize", "no_space_before_section_mark", "x", _no_space_before_section_mark, "word")
    with pytest.raises(AssertionError):
        check_word_local(mis_scoped, ["မြန်မာ ။"])


@pytest.fixture
def run_rule(monkeypatch: pytest.MonkeyPatch) -> Iterator[Rule]:
    """The experiment's rule, declared as what it is (a run rule) and added to the rules."""
    new = rule("normalize", scope="run")(_no_space_before_section_mark)
    monkeypatch.setattr(normalize, "RULES", (*RULES, new))
    monkeypatch.setattr("polyglot.burmese.pipeline.MEMO", WordMemo())
    yield new
    del REGISTRY[new.name]
    normalize._canonical_alone.cache_clear()


def test_a_run_rule_gives_one_answer_on_every_path(run_rule: Rule) -> None:
    text = "မြန်မာ ။"
    want = "မြန်မာ။"
    explained = normalize_text(text, source="unicode")
    assert explained.text == want
    assert [c.rule for c in explained.changes] == [run_rule.name]
    assert normalize_text(text, source="unicode", explain=False).text == want
    assert canonical(text) == want
    out = io.BytesIO()
    normalize_stream(io.BytesIO((("English\n" * 3 + text + "\n") * 3).encode()), "x", out.write, block_lines=2)
    assert out.getvalue().decode() == ("English\n" * 3 + want + "\n") * 3
    zawgyi = normalize_text(text, source="unicode", target="zawgyi", explain=False).text
    assert normalize_text(zawgyi, source="zawgyi").text == want


def test_a_run_rule_after_conversion_is_placed_in_the_input(run_rule: Rule) -> None:
    zawgyi = "ျမန္မာ ။ ေက်ာင္း"
    result = normalize_text("abc " + zawgyi, source="zawgyi")
    assert result.text == "abc မြန်မာ။ ကျောင်း"
    (change,) = [c for c in result.changes if c.rule == run_rule.name]
    assert (change.line, change.column, change.before) == (1, 11, " ")
    assert normalize_text("abc " + zawgyi, source="zawgyi", explain=False).text == result.text
