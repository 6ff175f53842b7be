"""The vectorized Markov scorer is the per-character loop, bit for bit."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from myanmartools import ZawgyiDetector

from polyglot.burmese.markov import PRIME_MIN, MarkovModel, markov_model
from tests.conftest import UNICODE_SENTENCES

_ALPHABET = st.sampled_from(
    [chr(cp) for cp in range(0x1000, 0x10A0)]
    + list(" \t\nab中\u200b\u2002\u200c")
    + [chr(0xA9E5), chr(0xAA70), "\U0001f600", "\x00"]
)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(_ALPHABET, max_size=120), min_size=1, max_size=40))
def test_batch_scores_equal_the_loop(texts: list[str]) -> None:
    model = markov_model()
    batch = model.log_ratios(texts)
    loop = [model._loop_log_ratio(t) for t in texts]
    assert [None if v is None else v.hex() for v in batch] == [None if v is None else v.hex() for v in loop]


def test_primed_strings_are_answered_from_memory_with_the_same_values() -> None:
    model = MarkovModel()
    texts = [*UNICODE_SENTENCES, "hello", ""] + [s[:i] for s in UNICODE_SENTENCES for i in range(1, 12)]
    assert len(texts) >= PRIME_MIN
    expected = [model.unicode_log_ratio(t) for t in texts]
    model.prime(texts[:3])
    assert not model._primed  # too few to be worth numpy: scored when asked
    model.prime(texts)
    assert set(texts) <= model._primed.keys()
    assert [model.unicode_log_ratio(t) for t in texts] == expected
    assert model.unicode_log_ratio("hello") is None
    detector = ZawgyiDetector()
    assert all(model.probability(t) == detector.get_zawgyi_probability(t) for t in UNICODE_SENTENCES)
    assert model.probability("") == -math.inf
