"""``settle`` against the pipeline it stands for, and each of its conditions against a mutant.

``settle`` (``polyglot.burmese.settle``) decides the certain runs of a block in one compiled
pass, and leaves the others open for the pipeline. Each of its conditions is a pre-filter
for a step of the pipeline, so it must change nothing but the time taken: the writer's
result (``normalize_text(explain=False)``, which settles) must equal, text and diagnostics,
the same call with every shortcut off (``shortcuts.switched_off``: nothing is settled) and
the explaining call (``explain=True``, which never settles). A wrong condition changes
nothing visible unless a document meets it, so each condition is also mutated, in settle's
own source run by the interpreter, and the check must then fail on a document made for it.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import lines
from polyglot.burmese import diagnose, normalize
from polyglot.burmese import settle as compiled_settle
from polyglot.burmese.convert import unicode_to_zawgyi
from polyglot.burmese.detect import Prior
from polyglot.burmese.diagnose import Diagnostic
from polyglot.burmese.normalize import rules_by_scope
from polyglot.burmese.pipeline import MEMO, Target, WordTable, normalize_text
from polyglot.burmese.settle import Settlement, settle
from polyglot.burmese.shortcuts import switched_off
from tests.burmese.test_prefilters import _LETTERS, _MARKS, _OTHER, soup, syllables
from tests.conftest import UNICODE_SENTENCES, ZAWGYI_SENTENCES

U, Z = UNICODE_SENTENCES, ZAWGYI_SENTENCES
SETTLE = "polyglot.burmese.settle"
SOURCE = Path(compiled_settle.__file__).with_name("settle.py")

# --- the check -------------------------------------------------------------------------------


def clear_caches() -> None:
    """Forget every memo, so that no call profits from what another decided."""
    diagnose._piece_score.cache_clear()
    diagnose._problems_of.cache_clear()
    normalize._canonical_alone.cache_clear()
    MEMO.tables.clear()


Written = tuple[str, list[Diagnostic]]


def _written(text: str, explain: bool, prior: Prior | None, target: Target = "unicode") -> Written:
    clear_caches()
    result = normalize_text(text, explain=explain, prior=prior, target=target)
    return result.text, result.diagnostics


def check_settle_is_invisible(documents: Iterable[str], prior: Prior | None = None, target: Target = "unicode") -> None:
    """The writer (which settles) gives what the pipeline gives with every shortcut off, and
    what the explaining call (which never settles) gives: text and diagnostics."""
    for document in documents:
        quick = _written(document, False, prior, target)
        with switched_off():
            full = _written(document, False, prior, target)
        explained = _written(document, True, prior, target)
        clear_caches()
        assert quick == full, document
        assert quick == explained, document


# --- documents -------------------------------------------------------------------------------

SHAN = "ၵႂၢမ်းတႆး မိူင်းတႆး ၽႃႇသႃႇတႆး"
MON = "ဘာသာမန် မၞိဟ်မန် ပ္ဍဲ"
SHAN_ASAT_FIRST = "မိူင်းတႆး ၵၢတ\u103a\u1037ႇ မိူင်းတႆး"
"""Shan typed with the asat before the dot below, an order the Burmese rules would change."""
ENGLISH = "The meeting is on 15 November, at the community hall."
CHINESE = "会议将于十一月十五日举行。"

DOCUMENTS = [
    # found by the property below: the fallback leaves a settled Zawgyi run as typed
    "မွ The meeting is on 15 November, at the community hall. အါ်ံဲ ",
    "\n".join(U),
    "\n".join(Z),
    "\n".join(u + "\n" + z for u, z in zip(U, Z, strict=True)),
    "\n".join([ENGLISH, U[0], CHINESE, Z[1], "", ENGLISH + " " + U[2], CHINESE + Z[3]]),
    # short words, digits, punctuation: little or no evidence of their own
    "\n".join([*Z[:3], "မွ", "ကို", "၁၂၃", "၊ ။", "က", "(မြန်မာ)", "“စာ”", "2024 ခုနှစ်"]),
    "\n".join([*U[:3], "မွ", "ကို", "၁၂၃", "၊ ။", "က", "(ျမန္မာ)", "ေက်ာင္း"]),
    # zero-width spaces between words, in either encoding
    "\n".join([U[0].replace(" ", "\u200b"), U[1], U[3].replace("တို့", "တို့\u200b")]),
    "\n".join([*Z[:3], Z[4].replace(" ", "\u200b"), Z[5]]),
    # a space before a mark, in either encoding
    "\n".join([*U[:3], U[1].replace("ရှိသည်", "ရှိသည ်"), "ကျွန်တော် လ ွှာ ပေးပို့ပါ။"]),
    "\n".join([*Z[:3], Z[0][:-1] + " အဂ ၤလိပ္စာ", Z[1].replace("ရွိ", "ရ ွိ"), "ရဲ ႔ ေဘာ္"]),
    # competing vowels (two lower, two upper)
    "\n".join([*U[:3], U[3].replace("လူ့", "လုူ့"), U[0].replace("နိုင်", "နိီုင်")]),
    "\n".join([*Z[:3], Z[1].replace("လူ", "လုူ"), Z[0].replace("ႏို", "ႏိီု")]),
    # PDF damage: U+2002 standing for a lost letter before a mark
    "\n".join([*Z[:3], "ၾ\u2002ား ၾ\u2002ား ၾ\u2002ာင္း", "ျမန္မာ"]),
    "\n".join([*U[:3], "မြ\u2002ာ် နိုင်ငံ", "တ\u2002ိုင်း"]),
    # Shan and Mon runs, alone and inside Burmese lines
    "\n".join([U[0], SHAN, MON, U[1] + " " + SHAN, "ၵၢင်မၞိဟ်", SHAN_ASAT_FIRST]),
    "\n".join([*Z[:3], SHAN, Z[4] + " " + MON]),
    # runs ending in a virama (a word cut off before its stacked letter)
    "\n".join([*U[:3], "အခန်းကဏ္", U[0][:-1] + " ကဏ္"]),
    "\n".join([*Z[:3], "အခန္းကဏ", Z[0][:-1] + "\u1039"]),
    # a phrase pasted in the other encoding
    " ".join([U[0], Z[1], U[3], U[6]]),
    " ".join([Z[0], U[0], Z[1], Z[5]]),
    "\n".join([U[3].replace("မှတ်တမ်းတင်ခြင်း", unicode_to_zawgyi("မှတ်တမ်းတင်ခြင်း")), U[0]]),
    "\n".join([Z[0] + " " + U[4], Z[1], Z[2], "ကို"]),
    # tabs and other whitespace inside runs
    "\n".join([U[0].replace(" ", "\t"), Z[1].replace(" ", "\u00a0"), U[2].replace(" ", "  ")]),
]


def corpus_documents(count: int = 100, size: int = 5) -> Iterator[str]:
    """Documents of ``size`` lines of each kind of the bench's corpus (``benchmarks.corpus``)."""
    for kind in ("mixed", "unicode", "typed", "zawgyi"):
        stream = lines(kind, seed=19)
        for _ in range(count // size):
            yield "\n".join(islice(stream, size))


def test_settle_changes_nothing_on_crafted_documents() -> None:
    """Protects every output and diagnostic of the writer from a condition of settle that is wrong."""
    check_settle_is_invisible(DOCUMENTS)


def test_settle_changes_nothing_when_writing_zawgyi() -> None:
    """Protects ``--to zawgyi``: settled runs then go through the memo of the Zawgyi target (no copies)."""
    check_settle_is_invisible(DOCUMENTS[:6], target="zawgyi")


def test_settle_changes_nothing_on_the_corpus() -> None:
    """Protects the kinds of text users feed (all four corpus kinds) from a wrong settlement."""
    check_settle_is_invisible(corpus_documents())


@pytest.mark.parametrize("log_odds", [-6.0, -3.0, 3.0, 6.0, -30.0])
def test_settle_changes_nothing_under_an_outside_prior(log_odds: float) -> None:
    """Protects documents read with their fonts' prior (the stronger, the more a run needs: ``certainty``)."""
    prior = Prior(log_odds, "fonts")
    check_settle_is_invisible(["\n".join(Z), "\n".join(U[:4]), "\n".join([*Z[:3], "မွ", "ကို"])], prior)


def test_a_prior_gives_the_same_with_every_shortcut_off() -> None:
    """Protects documents read with their fonts' prior: ``detect.clearly_unicode`` once took
    ``is_clean`` (a pre-filter) for its decision, so shortcuts on and off disagreed here."""
    check_settle_is_invisible([Z[1] + "\nခုနှစ်"], Prior(5.0, "fonts"))


# --- the property ------------------------------------------------------------------------------

document_lines = st.one_of(
    st.sampled_from(U),
    st.sampled_from(Z),
    st.sampled_from([ENGLISH, CHINESE, SHAN, MON, SHAN_ASAT_FIRST, "မွ", "ကို", "၁၂၃"]),
    soup,
    syllables,
)
documents = st.lists(st.tuples(document_lines, st.sampled_from([" ", "\n", "\n", "\u200b"])), max_size=6).map(
    lambda pieces: "".join(line + sep for line, sep in pieces)
)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_settle_changes_nothing_on_drawn_documents(document: str) -> None:
    """Protects the writer on documents no one wrote: sentences of both encodings and soups, mixed."""
    check_settle_is_invisible([document])


# --- what settle settles -------------------------------------------------------------------------


def _tables() -> dict[str, WordTable]:
    """The word memos as ``pipeline._read`` hands them to settle (writing Unicode)."""
    word_rules = rules_by_scope()[0]
    return {encoding: MEMO.table(encoding, "unicode", word_rules) for encoding in ("unicode", "zawgyi")}


def _settled(text: str, module: ModuleType = compiled_settle) -> Settlement:
    MEMO.tables.clear()
    result: Settlement = module.settle(text, "unicode", _tables(), True)
    MEMO.tables.clear()
    return result


def _votes_match(text: str, settled: Settlement) -> None:
    by_encoding = {"unicode": 0, "zawgyi": 0}
    for start, end, encoding in settled.context:
        by_encoding[encoding] += end - start
        assert text[start:end].strip(), (start, end)
    assert settled.unicode_votes == by_encoding["unicode"]
    assert settled.zawgyi_votes == by_encoding["zawgyi"]


@pytest.mark.parametrize("block", ["\n".join(U), "\n".join(Z)], ids=["unicode", "zawgyi"])
def test_settle_settles_clean_sentences(block: str) -> None:
    """Protects the speed-up itself: clean sentences of either encoding are settled, with their votes."""
    settled = _settled(block)
    assert len(settled.open) <= 1, [block[s:e] for s, e in settled.open]
    assert len(settled.context) >= len(U) - 1
    _votes_match(block, settled)
    encoding = "unicode" if block.startswith(U[0]) else "zawgyi"
    assert {e for _, _, e in settled.context} == {encoding}
    if encoding == "unicode":
        assert settled.changed == []  # clean Unicode is copied
    else:
        assert "\n".join(out for _, _, out in settled.changed) == "\n".join(U)


def test_settle_settles_the_corpus_mostly() -> None:
    """Protects the speed-up on the bench's Zawgyi and Unicode lines (most runs settled)."""
    for kind in ("unicode", "zawgyi"):
        block = "\n".join(islice(lines(kind, seed=3), 50))
        settled = _settled(block)
        assert len(settled.open) <= len(settled.context) // 4, kind
        _votes_match(block, settled)


def test_with_every_shortcut_off_nothing_is_settled() -> None:
    """Protects the oracle: under ``switched_off`` settle leaves every run open."""
    block = "\n".join([*U, *Z])
    with switched_off():
        settled = _settled(block)
    assert len(settled.open) == 2 * len(U)
    assert settled.context == [] and settled.changed == []
    assert settled.unicode_votes == settled.zawgyi_votes == 0


OPEN_RUNS = {
    "shan": U[0] + " " + SHAN,
    "tab": U[0].replace(" ", "\t"),
    "zawgyi with a zero-width space": Z[0].replace(" ", "\u200b"),
    "space before a mark": U[1].replace("ရှိသည်", "ရှိသည ်"),
    "space before a Zawgyi kinzi": Z[0][:-1] + " အဂ ၤလိပ္စာ",
    "two lower vowels": U[3].replace("လူ့", "လုူ့"),
    "two upper vowels": U[0].replace("နိုင်", "နိီုင်"),
    "ends in a virama": U[0][:-1] + " ကဏ္",
    "pasted zawgyi phrase": " ".join([U[0], Z[1], U[3]]),
    "pasted unicode phrase": " ".join([Z[0], U[0], Z[1], Z[5]]),
}


@pytest.mark.parametrize("name", OPEN_RUNS)
def test_runs_with_work_for_the_pipeline_stay_open(name: str) -> None:
    """Protects the runs only the pipeline may judge (language, repairs, splits) from being settled."""
    text = OPEN_RUNS[name]
    settled = _settled(text)
    assert settled.open == [(0, len(text))], name
    assert settled.context == [] and settled.unicode_votes == settled.zawgyi_votes == 0


# --- mutants: the check can fail -----------------------------------------------------------------


def interpreted_settle() -> ModuleType:
    """settle.py run by the interpreter (a fresh copy, to mutate), under another name."""
    spec = importlib.util.spec_from_file_location(f"{SETTLE}__interpreted", SOURCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert not module.COMPILED
    return module


def _flags_without(module: ModuleType, *names: str) -> bytes:
    """settle's flag table with the named flags cleared (those of them the module defines)."""
    mask = 0
    for name in names:
        mask |= int(getattr(module, name, 0))
    assert mask, names
    flags: bytes = module._FLAGS
    return bytes(f & ~mask for f in flags)


def _lean_never(*args: object) -> bool:
    return False


MUTANTS = {
    # the document made for each mutant, and the prior it is read with
    "no phrase leans the other way": (" ".join([Z[0], U[0], Z[1], Z[5]]), None),
    "no gap before a mark": ("\n".join(Z) + "\n" + Z[0][:-1] + " အဂ ၤလိပ္စာ", None),
    "no competing vowels": ("\n".join(Z[:3]) + "\n" + Z[1].replace("လူ", "လုူ"), None),
    "every code point Burmese": (U[0] + "\n" + SHAN_ASAT_FIRST, None),
    "a lower bar": ("\n".join(Z) + "\nဆွူမံရွူ", None),  # own evidence −5.4: the Zawgyi lean puts it in doubt
    "any prior": ("\n".join(Z), Prior(-30.0, "fonts")),
}


def mutant(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """settle with one condition weakened, as a plausible mistake would weaken it."""
    module = interpreted_settle()
    if name == "no phrase leans the other way":
        monkeypatch.setattr(module, "_phrase_leans_other_way", _lean_never)
    elif name == "no gap before a mark":
        monkeypatch.setattr(module, "_FLAGS", _flags_without(module, "_BASE_U", "_BASE_Z", "_PREBASE"))
    elif name == "no competing vowels":
        monkeypatch.setattr(module, "_FLAGS", _flags_without(module, "_UPPER", "_LOWER"))
    elif name == "every code point Burmese":
        monkeypatch.setattr(module, "_FLAGS", _flags_without(module, "_OTHER"))
    elif name == "a lower bar":
        monkeypatch.setattr(module, "certainty", lambda outside: module.CONFIDENT)
    elif name == "any prior":
        monkeypatch.setattr(module, "certainty", lambda outside: module.CONFIDENT + module.DOCUMENT_PRIOR_CAP)
    else:
        raise AssertionError(name)
    return module


@pytest.mark.parametrize("name", MUTANTS)
def test_a_weakened_condition_fails_the_check(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Protects the check itself: each condition of settle, weakened, makes it fail on its document."""
    document, prior = MUTANTS[name]
    monkeypatch.setitem(sys.modules, SETTLE, interpreted_settle())
    check_settle_is_invisible([document], prior)  # settle's own source passes: the mutation is what fails
    assert _settled(document, sys.modules[SETTLE]).open != [] or prior is not None
    monkeypatch.setitem(sys.modules, SETTLE, mutant(name, monkeypatch))
    with pytest.raises(AssertionError):
        check_settle_is_invisible([document], prior)
    clear_caches()


# --- compiled and interpreted ------------------------------------------------------------------


def _as_tuple(settled: Settlement) -> tuple[object, ...]:
    return settled.open, settled.changed, settled.context, settled.zawgyi_votes, settled.unicode_votes


@pytest.mark.skipif(not compiled_settle.COMPILED, reason="settle runs interpreted: nothing to compare")
def test_compiled_settle_equals_its_source() -> None:
    """Protects the compiled pass from drifting from settle.py (C types, flags, the model's sums)."""
    source = interpreted_settle()
    rng = random.Random(5)
    blocks = [*DOCUMENTS, *islice(corpus_documents(), 20)]
    blocks += ["".join(rng.choice(_LETTERS + _MARKS + _OTHER) for _ in range(40)) for _ in range(40)]
    for block in blocks:
        assert _as_tuple(_settled(block)) == _as_tuple(_settled(block, source)), block
    assert settle is compiled_settle.settle
