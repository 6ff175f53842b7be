"""Every pre-filter against the rule it guards, with the shortcut switched off; and each
check against a deliberately wrong pre-filter, to see that it can fail.

A pre-filter says "nothing to do here" at the cost of one search. A wrong one does not
break anything visible: it silently drops the work it guards (a diagnostic, a repair).
So each is checked the same way: the guarded function with the shortcut on must give
what it gives with every shortcut off (``shortcuts.switched_off``); and each check is
run once more with the pre-filter mutated, where it must fail.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese import clean, diagnose, normalize, repair
from polyglot.burmese.changes import Rule
from polyglot.burmese.clean import is_clean
from polyglot.burmese.convert import unicode_to_zawgyi
from polyglot.burmese.diagnose import misreading_score, problems
from polyglot.burmese.normalize import canonical, canonical_words
from polyglot.burmese.pipeline import MEMO, WordMemo, normalize_text
from polyglot.burmese.repair import plan_repairs
from polyglot.burmese.shortcuts import switched_off
from tests.conftest import UNICODE_SENTENCES

_LETTERS = list("ကခဂဃငစဆဇဈညဋဌဍဎဏတထဒဓနပဖဗဘမယရလဝသဟဠအ")
_MARKS = list("\u103b\u103c\u103d\u103e\u103a\u1031\u102d\u102e\u1032\u102f\u1030\u102b\u102c\u1036\u1037\u1038\u1039")
_OTHER = list("ဥဦဧဩ၎ဿ၀၁၄၉၊။ \u200b") + [chr(c) for c in range(0x1000, 0x10A0, 7)]
soup = st.text(st.sampled_from(_LETTERS + _MARKS + _OTHER), max_size=24)
syllables = st.lists(
    st.tuples(st.sampled_from(_LETTERS), st.text(st.sampled_from(_MARKS), max_size=4)).map("".join), max_size=6
).map("".join)


def sample(n: int = 4000, seed: int = 13) -> list[str]:
    """Seeded strings like the property tests draw: syllables and character soup."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if i % 2:
            out.append("".join(rng.choice(_LETTERS) + "".join(rng.sample(_MARKS, rng.randint(0, 3))) for _ in range(3)))
        else:
            out.append("".join(rng.choice(_LETTERS + _MARKS + _OTHER) for _ in range(rng.randint(1, 12))))
    return out


def clear_caches() -> None:
    diagnose._piece_score.cache_clear()
    diagnose._problems_of.cache_clear()
    normalize._canonical_alone.cache_clear()


# --- the checks ---------------------------------------------------------------------------


def check_is_clean(texts: Iterable[str], accepts: Callable[[str], bool] = is_clean) -> None:
    """What ``is_clean`` accepts, the rules leave alone and the diagnostics accept (computed without it)."""
    for text in texts:
        if accepts(text):
            with switched_off():
                assert canonical(text) == text, text
                assert problems(text) == [], text


def check_same_with_and_without_shortcuts(function: Callable[[str], object], texts: Iterable[str]) -> None:
    for text in texts:
        clear_caches()
        quick = function(text)
        clear_caches()
        with switched_off():
            full = function(text)
        assert quick == full, text


def check_repair_sites(runs: list[list[tuple[str, str]]]) -> None:
    for document in runs:
        quick = plan_repairs(document)
        with switched_off():
            assert plan_repairs(document) == quick, document


# --- is_clean -----------------------------------------------------------------------------


@settings(max_examples=600, deadline=None)
@given(st.one_of(soup, syllables))
def test_is_clean_is_sound(text: str) -> None:
    check_is_clean([text])


def test_is_clean_is_sound_on_a_fixed_sample() -> None:
    check_is_clean(sample())


_RIGHT_NO_A = """    if c in (_E, _U, _UU):
        return _tones(text, i + 1, n)
"""
_WRONG_NO_A = """    if c == _E:  # then an upper and a lower vowel, each optional
        return _tones(text, _lower(text, i + 2 if _at(text, i + 1, n) in (_I, _II, _AI) else i + 1, n), n)
    if c == _U or c == _UU:
        return _tones(text, i + 1, n)
"""


def wrong_is_clean() -> Callable[[str], bool]:
    """A plausible mistake in the grammar: the vowel E followed by an upper or lower vowel accepted
    (``clean.py``'s source with that one branch changed, run by the interpreter)."""
    source = Path(clean.__file__).with_name("clean.py").read_text(encoding="utf-8")
    assert source.count(_RIGHT_NO_A) == 1
    namespace: dict[str, object] = {"__name__": "clean_wrong", "__file__": "clean_wrong.py"}
    exec(compile(source.replace(_RIGHT_NO_A, _WRONG_NO_A), "clean_wrong.py", "exec"), namespace)
    wrong = namespace["is_clean"]
    assert callable(wrong) and wrong("ကေို") and not is_clean("ကေို")
    return wrong


def test_a_wrong_is_clean_fails_the_check() -> None:
    with pytest.raises(AssertionError):
        check_is_clean(sample(), accepts=wrong_is_clean())


def test_a_wrong_is_clean_would_drop_the_impossible_vowels_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "ကေို"  # E with the upper vowel I
    assert [d.code for d in normalize_text(text, source="unicode").diagnostics] == ["impossible-vowels"]
    with switched_off():
        assert [d.code for d in normalize_text(text, source="unicode").diagnostics] == ["impossible-vowels"]
    wrong = wrong_is_clean()
    for module in list(sys.modules.values()):  # every module that imported it
        if module.__name__.startswith("polyglot.") and getattr(module, "is_clean", None) is is_clean:
            monkeypatch.setattr(module, "is_clean", wrong)
    monkeypatch.setattr("polyglot.burmese.pipeline.MEMO", WordMemo())
    clear_caches()
    assert normalize_text(text, source="unicode").diagnostics == []  # what the check above catches
    clear_caches()


# --- the pipeline's shortcuts as a whole ---------------------------------------------------


def _pipeline(text: str) -> tuple[object, ...]:
    MEMO.tables.clear()
    result = normalize_text(text)
    return result.text, result.diagnostics, result.changes


def test_the_pipeline_gives_the_same_with_every_shortcut_off() -> None:
    zawgyi = [unicode_to_zawgyi(s) for s in UNICODE_SENTENCES]
    texts = [
        "\n".join(UNICODE_SENTENCES),
        "\n".join(zawgyi),
        "ရှေ  ရေှ ေရှ ကြ့် မွ ကေို\n\tမြန်မာ\u2003စာ ၀န် ၄င်း\n",
        "ကျွန်တော် လ ွှာ ပေးပို့ပါ။\n" + UNICODE_SENTENCES[4],
        "ပ္စ္ \ue000က ပ္စ္ ကာ\nမြန်မာ \ufffdန်\n",
        *sample(300, seed=5),
    ]
    check_same_with_and_without_shortcuts(_pipeline, texts)


def _written(text: str) -> tuple[str, object]:
    """What the batch writer asks for (no explanation), from a memo of its own."""
    MEMO.tables.clear()
    result = normalize_text(text, explain=False)
    return result.text, result.diagnostics


_WELL_FORMED_NOT_CLEAN = ["ကျောင်း\u200bသား", "(မြန်မာ)", "“စာ”", "ကြ့်", "ကြ့် (မွ)", "ဝန်ကြီး\u00a0္ ၁၉ကြ့်"]
"""Phrases ``is_clean`` does not accept (a zero-width space, brackets, quotes) with and without problems."""


def test_the_writer_gives_the_same_with_every_shortcut_off() -> None:
    """Words the rules leave well-formed skip the tracking (``decide_word``): checked here."""
    texts = [*_WELL_FORMED_NOT_CLEAN, "\n".join(UNICODE_SENTENCES), *sample(300, seed=5)]
    check_same_with_and_without_shortcuts(_written, texts)
    MEMO.tables.clear()


# --- misreading_score: _MAY_BETRAY -----------------------------------------------------------


def test_may_betray_misses_no_encoding_evidence() -> None:
    check_same_with_and_without_shortcuts(misreading_score, sample())


def test_a_wrong_may_betray_fails_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diagnose, "_MAY_BETRAY", re.compile("\u1039"))  # forgets every other problem
    with pytest.raises(AssertionError):
        check_same_with_and_without_shortcuts(misreading_score, sample())
    clear_caches()


# --- repair: _MAY_HAVE_SITES ----------------------------------------------------------------

DAMAGED = [
    [("ကျွန်တော် လ ွှာ ပေးပို့ပါ။", "unicode"), (UNICODE_SENTENCES[0], "unicode")],
    [("ၾ\u2002ား ၾ\u2002ား ၾ\u2002ာင္း", "zawgyi"), ("ျမန္မာ", "zawgyi")],
    [("ျမန္မာ က ်ျ ေခ်ာင္း", "zawgyi")],
    [("တာ ့မိမိ", "unicode")],
    [("လူ့ဘောင်", "unicode"), ("လုူ့ဘောင်", "unicode")],
    [(s, "unicode") for s in sample(200, seed=3)],
]


def test_may_have_sites_misses_no_damage() -> None:
    check_repair_sites(DAMAGED)


def test_a_wrong_may_have_sites_fails_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    never = re.compile("(?!)")
    monkeypatch.setattr(repair, "_MAY_HAVE_SITES", {"unicode": never, "zawgyi": never})
    with pytest.raises(AssertionError):
        check_repair_sites(DAMAGED)


# --- canonical: _CLUSTER_LOCAL ---------------------------------------------------------------


@settings(max_examples=600, deadline=None)
@given(st.one_of(soup, syllables))
def test_cluster_by_cluster_normalization_equals_the_rules(text: str) -> None:
    check_same_with_and_without_shortcuts(canonical, [text])


def test_a_wrong_cluster_local_fails_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize, "_CLUSTER_LOCAL", re.compile("[\u1000-\u109f ]*"))  # digits and ဥ too
    with pytest.raises(AssertionError):
        check_same_with_and_without_shortcuts(canonical, ["က၀န်", *sample()])
    clear_caches()


# --- canonical: clean_form -------------------------------------------------------------------

_TYPED_ORDER = [
    "\u1000\u103b\u1004\u103a\u1037",  # ကျင့် with the asat typed before the dot below: NFC swaps them
    "မြန်မာ\u200b",  # a break at the end of a word
    "\u200bနိုင်ငံ",
    "\u200b\u200bလူ့\u200b",  # doubled, at both ends
    "သူ\u200bတို့",  # inside, between syllables: clean already
    "\u200bု",  # at the edge, before a mark: the rest is no clean word
    "\u1000\u1004\u103a\u1037\u200b",  # both habits in one word
    "\u1025\u102e",  # ဥ and ီ: NFC makes ဦ
]


def _typed_words(n: int = 1500, seed: int = 17) -> list[str]:
    """Words as typists type them: the generator's vocabulary with the asat before the dot
    below, breaks at their edges and inside, digits beside them."""
    from benchmarks.corpus import vocabulary

    rng = random.Random(seed)
    words = vocabulary(2000)
    out = list(_TYPED_ORDER)
    for _ in range(n):
        word = "".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.5:
            word = word.replace("\u1037\u103a", "\u103a\u1037")
        if rng.random() < 0.3:
            word = rng.choice(["\u200b", "\u200b\u200b", "၁", "၀", ""]) + word
        if rng.random() < 0.3:
            word += rng.choice(["\u200b", "\u200b ", "ု", "၄", ""])
        out.append(word)
    return out


@settings(max_examples=600, deadline=None)
@given(st.one_of(soup, syllables).map(lambda t: "\u200b" + t + "\u200b"))
def test_clean_form_equals_the_rules(text: str) -> None:
    check_same_with_and_without_shortcuts(canonical_words, [text])


def test_clean_form_equals_the_rules_on_typed_words() -> None:
    assert normalize.clean_form("\u1000\u103b\u1004\u103a\u1037") == "\u1000\u103b\u1004\u1037\u103a"
    assert normalize.clean_form("မြန်မာ\u200b") == "မြန်မာ"
    check_same_with_and_without_shortcuts(canonical_words, _typed_words())


def test_a_wrong_clean_form_fails_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every zero-width space stripped, not only those at the edges: the break typed between
    two words is kept by the rules, and the check must see that it is gone."""
    right = normalize._clean_form

    def wrong(text: str, words: tuple[Rule, ...]) -> str | None:
        found = right(text, words)
        return found.replace("\u200b", "") if found is not None else None

    monkeypatch.setattr(normalize, "_clean_form", wrong)
    with pytest.raises(AssertionError):
        check_same_with_and_without_shortcuts(canonical_words, ["\u200bသူ\u200bတို့", *_typed_words()])
    clear_caches()


# --- what a rule declares: adding a rule is one place -----------------------------------------


def _ka_before_nga(text: str) -> Iterable[tuple[int, int, str]]:
    """A toy rule that looks past its cluster: က becomes ခ where the next letter is င."""
    return ((m.start(), m.start() + 1, "ခ") for m in re.finditer("က(?=[\u1000-\u1021\u103b-\u103e]*င)", text))


def _with_rule(monkeypatch: pytest.MonkeyPatch, added: Rule) -> None:
    monkeypatch.setattr(normalize, "RULES", (*normalize.RULES, added))
    clear_caches()


_TOY_TEXTS = ["ကငာာ", "ကြင််", "ကျင်းး", "ကကငိိ", *sample(400)]


def test_a_new_rule_that_declares_its_context_keeps_the_cluster_shortcut_exact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_rule(monkeypatch, Rule("normalize", "toy_ka_before_nga", "toy", _ka_before_nga, "word", context="က"))
    assert canonical("ကငာာ") == "ခငာ"  # (not clean: a doubled mark)
    check_same_with_and_without_shortcuts(canonical, _TOY_TEXTS)
    monkeypatch.undo()
    clear_caches()


def test_a_new_rule_without_its_context_fails_the_cluster_check(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_rule(monkeypatch, Rule("normalize", "toy_ka_before_nga", "toy", _ka_before_nga, "word"))
    with pytest.raises(AssertionError):
        check_same_with_and_without_shortcuts(canonical, _TOY_TEXTS)
    monkeypatch.undo()
    clear_caches()


def test_a_new_rule_the_clean_grammar_does_not_reflect_fails_its_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """``is_clean`` is compiled and cannot be derived from the rules: a rule that changes
    text it calls clean must make its soundness check fail until the grammar learns it."""
    _with_rule(monkeypatch, Rule("normalize", "toy_ka_before_nga", "toy", _ka_before_nga, "word", context="က"))
    assert is_clean("ကင")
    with pytest.raises(AssertionError):
        check_is_clean(["ကင", *UNICODE_SENTENCES])
    monkeypatch.undo()
    clear_caches()
