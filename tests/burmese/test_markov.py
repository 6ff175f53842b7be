"""The Markov model scores as myanmar-tools does, bit for bit."""

from __future__ import annotations

import math

from myanmartools import ZawgyiDetector

from polyglot.burmese.markov import MarkovModel, markov_model
from tests.conftest import UNICODE_SENTENCES


def test_the_model_gives_myanmar_tools_probabilities() -> None:
    model = MarkovModel()
    detector = ZawgyiDetector()
    sentences = [*UNICODE_SENTENCES, "ျမန္မာ", "မြန်မာ abc မြန်မာ"]
    assert all(model.probability(t) == detector.get_zawgyi_probability(t) for t in sentences)
    assert model.probability("") == -math.inf
    assert model.unicode_log_ratio("hello") is None


def test_characters_beyond_the_model_are_foreign() -> None:
    model = markov_model()
    for other in ["a", "\U0001f600", "\x00", "中"]:
        assert model.unicode_log_ratio(f"က{other}ခ") == model.unicode_log_ratio("ကaခ")
    assert model.unicode_log_ratio("\U0001f600") is None
