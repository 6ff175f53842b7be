"""A paragraph normalized as one string and cut back onto its runs: nothing lost, nothing moved
that did not change."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from polyglot.batch.block import Options
from polyglot.burmese.pipeline import normalize_text
from polyglot.burmese.shortcuts import switched_off as shortcuts_off
from polyglot.documents import normalize_document
from polyglot.documents import runs as runs_module
from polyglot.documents.runs import Piece, map_boundaries, split_result
from tests.conftest import UNICODE_SENTENCES
from tests.documents.makers import ZG, word

PHRASES = [
    *(w for s in UNICODE_SENTENCES for w in s.split(" ")),
    *(w for s in ZG for w in s.split(" ")),
    "Asia Catalyst",
    "deadline 30 November",
    "人权",
    "申请表",
    "2018",
    "၁၅",
]
"""Burmese words in both encodings, English, Chinese and numbers, to build paragraphs from."""

paragraphs = st.lists(st.sampled_from(PHRASES), min_size=1, max_size=12).map(" ".join)


@st.composite
def runs(draw: st.DrawFn) -> list[str]:
    """A paragraph cut into runs at random places (inside syllables too, as Word does)."""
    text = draw(paragraphs)
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


@given(runs())
@settings(max_examples=300, deadline=None)
def test_joined_runs_are_the_normalized_paragraph(pieces: list[str]) -> None:
    result = normalize_text("".join(pieces)).text
    texts = split_result([Piece(p) for p in pieces], result)
    assert texts is not None and len(texts) == len(pieces)
    assert "".join(texts) == result  # no character lost, none added


def test_a_boundary_in_a_converted_word_follows_its_letters() -> None:
    # Zawgyi ေက်ာင္း (pre-base E, then its consonant) → Unicode ကျောင်း.
    source, result = "\u1031\u1000\u103a\u102c\u1004\u1039\u1038", "ကျောင်း"
    assert map_boundaries(source, result, [1]) == [0]  # the E goes with its consonant
    assert map_boundaries(source, result, [4]) == [4]  # before င: after ကျော


def test_a_fixed_piece_that_would_move_makes_the_mapping_impossible() -> None:
    """A space element (OpenDocument's ``text:s``) before a mark: the repair that removes the
    space cannot be written back, so the paragraph is left as it was."""
    pieces = [Piece("က"), Piece(" ", fixed=True), Piece("ာ")]
    assert split_result(pieces, "ကာ") is None
    assert split_result(pieces, "က ာ") == ["က", " ", "ာ"]


@given(st.lists(runs(), min_size=1, max_size=4))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_word_document_runs_join_to_the_normalized_text(tmp_path: Path, document: list[list[str]]) -> None:
    """The property through a real Word file: python-docx writes the runs, polyglot
    normalizes the file, python-docx reads each paragraph's runs back."""
    import docx

    path = word(tmp_path / "p.docx", [[(p, {}) for p in para if p] or [("", {})] for para in document], cell="")
    result = normalize_document(path.read_bytes(), "p.docx", Options())
    out = docx.Document(io.BytesIO(result.data)).paragraphs
    expected = normalize_text("".join("".join(para) + "\n" for para in document)).text.split("\n")[:-1]
    assert ["".join(r.text for r in p.runs) for p in out] == expected


@given(runs())
@settings(max_examples=300, deadline=None)
def test_word_pairing_agrees_with_difflib(pieces: list[str]) -> None:
    """The shortcut in ``runs._align`` (pair word i with word i when nothing between words
    changed) places every boundary where the general alignment (difflib) does."""
    source = "".join(pieces)
    result = normalize_text(source).text
    old, new = source.split(" "), result.split(" ")
    # Where a word repeats, difflib may pair it with another copy of itself: no reference then.
    assume(len(set(old)) == len(old) and len(set(new)) == len(new))
    assume(all(old.index(word) == new.index(word) for word in set(old) & set(new)))
    cuts = list(itertools.accumulate(len(p) for p in pieces[:-1]))
    with shortcuts_off():
        expected = map_boundaries(source, result, cuts)
    assert map_boundaries(source, result, cuts) == expected


def test_word_pairing_check_fails_when_the_pairing_is_wrong(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mutate the shortcut (pair every token as replaced, shifted by one) and see the comparison fail."""
    source, result = "ေက်ာင္း ေန", "ကျောင်း နေ"
    with shortcuts_off():
        expected = map_boundaries(source, result, [1, 8])
    # The mutation takes every changed word for an unchanged one.
    monkeypatch.setattr(
        runs_module, "_paired", lambda old, new: [("equal", i, i + 1, i, i + 1) for i in range(len(old))]
    )
    assert map_boundaries(source, result, [1, 8]) != expected
