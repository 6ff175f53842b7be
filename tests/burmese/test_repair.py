"""Repair planning: the cheap search that skips runs must never skip a damage site."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.burmese import lexicon, repair

_CHARS = [chr(c) for c in range(0x1000, 0x10A0)] + [" ", " ", "\u2002", "\u200b", "\t", "a"]
runs = st.lists(
    st.tuples(st.text(st.sampled_from(_CHARS), min_size=1, max_size=14), st.sampled_from(["unicode", "zawgyi"])),
    min_size=1,
    max_size=3,
)


@pytest.mark.slow
@settings(max_examples=1000)
@given(runs)
def test_the_prefilter_finds_every_site(texts: list[tuple[str, str]]) -> None:
    found = repair._damage_sites(texts)
    everything = {encoding: re.compile("") for encoding in repair._MAY_HAVE_SITES}
    saved = dict(repair._MAY_HAVE_SITES)
    try:
        repair._MAY_HAVE_SITES.update(everything)
        assert repair._damage_sites(texts) == found
    finally:
        repair._MAY_HAVE_SITES.update(saved)


def test_sites_of_each_kind_pass_the_prefilter() -> None:
    assert repair._MAY_HAVE_SITES["unicode"].search("လ ွ်ာ")  # a space before a medial
    assert repair._MAY_HAVE_SITES["zawgyi"].search("ၾ\u2002ား")  # a lost letter after medial RA
    assert repair._MAY_HAVE_SITES["zawgyi"].search("က ေ")  # vowel E with no letter after it
    assert not repair._MAY_HAVE_SITES["zawgyi"].search("ျမန္မာ ေက်ာင္း")  # clean Zawgyi


def _whole_run_score(texts: list[tuple[str, str]], sites: list[repair._Site], replacement: str) -> int:
    """The reference: score each affected run whole."""
    from polyglot.burmese.lexicon import word_joins

    total = 0
    for run in {site.run for site in sites}:
        text, encoding = texts[run]
        chars = list(text)
        for site in sites:
            if site.run == run:
                chars[site.offset] = replacement
        total += word_joins(repair._to_unicode("".join(chars), encoding))
    return total


def _damaged_sentences() -> st.SearchStrategy[list[tuple[str, str]]]:
    """Runs of real Zawgyi words, one letter lost to U+2002, spaces put before some marks."""
    from polyglot.burmese.convert import unicode_to_zawgyi
    from tests.conftest import UNICODE_SENTENCES

    words = sorted({w for s in UNICODE_SENTENCES for w in unicode_to_zawgyi(s).split()})
    sentence = st.lists(st.sampled_from(words), min_size=1, max_size=8).map(" ".join)
    damaged = st.tuples(sentence, st.sampled_from("ကတနသ"), st.sampled_from(["", " "])).map(
        lambda t: t[0].replace(t[1], "\u2002").replace("ြ", t[2] + "ြ")
    )
    return st.lists(damaged.map(lambda text: (text, "zawgyi")), min_size=1, max_size=3)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.one_of(runs, _damaged_sentences()))
def test_scoring_the_words_around_sites_ranks_hypotheses_as_whole_runs_do(texts: list[tuple[str, str]]) -> None:
    sites = repair._damage_sites(texts)
    if not sites:
        return
    base = repair._score_hypothesis(texts, sites, "")
    whole = _whole_run_score(texts, sites, "")
    for letter in "ကနသ":
        assert repair._score_hypothesis(texts, sites, letter) - base == _whole_run_score(texts, sites, letter) - whole


def _competing_vowel_line(size: int) -> str:
    """One line without spaces, every consonant carrying two vowel signs that compete."""
    letters, vowels = "ကခဂစတနပမလသ", ["ို", "ုူ", "ိီ", "ူု"]
    return "".join(letters[i % len(letters)] + vowels[i % len(vowels)] for i in range(size // 3))


def test_a_line_without_spaces_is_scored_in_windows_around_its_repair_sites(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each repair is judged on the syllables around its site (``REPAIR_CONTEXT``), not on the
    whole "word", which on a line without spaces is the line: 4x the line is 4x the work."""
    scored = [0]
    real = lexicon.word_joins

    def counting(text: str) -> int:
        scored[0] += len(text)
        return real(text)

    monkeypatch.setattr(repair, "word_joins", counting)
    work = []
    for size in (600, 2400):
        scored[0] = 0
        repair.plan_repairs([(_competing_vowel_line(size), "unicode")])
        work.append(scored[0])
    assert work[0] > 0
    assert work[1] <= 5 * work[0]
