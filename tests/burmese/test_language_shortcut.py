"""The language step's shortcuts, each against the computation it skips."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese import language
from polyglot.burmese.language import LANGUAGE_OF, OTHER_LANGUAGE_CHAR, _run_language
from polyglot.burmese.shortcuts import switched_off
from tests.conftest import ZAWGYI_SENTENCES


def test_the_shortcut_matches_exactly_the_code_points_of_other_languages() -> None:
    """A character the class missed would leave a Shan, Mon or Karen run to the Burmese rules;
    one it matched wrongly would only cost time. Both are checked over the whole BMP."""
    for code in range(0x10000):
        ch = chr(code)
        assert bool(OTHER_LANGUAGE_CHAR.fullmatch(ch)) == (ch in LANGUAGE_OF), f"U+{code:04X}"


RUNS = [
    *(line for line in ZAWGYI_SENTENCES),
    "ကမၻာ့ ႏိုင္ငံမ်ား",
    "ၿပီးေတာ့ ၾကည့္ပါ",
    "လိၵ်ႈတႆး ၼႂ်းမိူင်းတႆး",
    "ၵႂၢမ်းတႆး ပိူင်ယႂ်ႇ",
    "ကၠောန်ဂှ် ဍုၚ်မန်",
    "ပှၤကညီ ကျိာ်ၤ",
    "ကၣ ခၣ်",
]


def _languages(runs: list[str]) -> list[str]:
    return [_run_language.__wrapped__(run) for run in runs]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.characters(min_codepoint=0x1000, max_codepoint=0x109F) | st.just(" ")), max_size=8))
def test_the_vote_bound_never_changes_a_runs_language(runs: list[str]) -> None:
    """The shortcut in ``_run_language`` (too few words well-formed as Unicode to outvote
    Zawgyi) gives the same language as counting every vote."""
    runs = [*RUNS, *runs]
    with_shortcut = _languages(runs)
    with switched_off():
        assert _languages(runs) == with_shortcut


def test_a_wrong_bound_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the bound counted words wrongly, the comparison above would fail: here it does."""
    monkeypatch.setattr(language, "_too_few_to_outvote", lambda words: True)
    with_shortcut = _languages(RUNS)
    with switched_off():
        assert _languages(RUNS) != with_shortcut
