"""The compiled modules were built, are up to date, and compute what their source computes.

A module with a ``.pxd`` beside its ``.py`` is compiled by Cython at install time
(``setup.py``). The suite must test the compiled code users run, never silently the
interpreted fallback: so the build is checked first (``make test`` runs this file before
the rest), and then each compiled module is compared with its own source run as plain
Python, loaded under another name, on the bench's kind of text and on random strings.
Set ``POLYGLOT_ALLOW_INTERPRETED=1`` to run the suite on an uncompiled checkout (never in CI).
"""

from __future__ import annotations

import doctest
import importlib
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import lines
from tests.compiled import ALLOW_INTERPRETED, SRC, problem, problems

MODULES = sorted(".".join(p.relative_to(SRC).with_suffix("").parts) for p in SRC.rglob("*.pxd"))


def test_some_modules_are_compiled() -> None:
    assert {"polyglot.burmese.clean", "polyglot.burmese.dictionary", "polyglot.burmese.markov"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_the_compiled_module_was_built_from_its_current_source(name: str) -> None:
    if ALLOW_INTERPRETED:
        pytest.skip("POLYGLOT_ALLOW_INTERPRETED=1: the interpreted fallback is allowed")
    assert problem(name) is None
    assert importlib.import_module(name).COMPILED


def test_setup_py_and_the_package_name_every_compiled_module() -> None:
    """``setup.py`` builds ``COMPILED`` and fails on a missing one; ``--version`` reads the package's list."""
    import ast

    import polyglot

    assert set(polyglot.COMPILED_MODULES) == set(MODULES)
    setup = ast.parse((SRC.parent / "setup.py").read_text(encoding="utf-8"))
    named = next(
        ast.literal_eval(node.value)
        for node in setup.body
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets)
    )
    assert named == polyglot.COMPILED_MODULES


def test_version_says_whether_the_modules_run_compiled() -> None:
    from click.testing import CliRunner

    from polyglot import __version__
    from polyglot.cli import main

    out = CliRunner().invoke(main, ["--version"]).output
    expected = "interpreted" if ALLOW_INTERPRETED and not importlib.import_module(MODULES[0]).COMPILED else "compiled"
    assert out == f"polyglot {__version__} ({expected})\n"


def test_a_stale_build_is_found_before_any_test(tmp_path: Path) -> None:
    """The session-start hook's check (``tests/compiled.py``) on a package whose source
    changed after its extension was built, and on one whose extension is missing."""
    package = tmp_path / "src" / "stalepkg"
    package.mkdir(parents=True)
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    for name in ("fresh", "stale", "missing"):
        (package / f"{name}.py").write_text("COMPILED = False\n")
        (package / f"{name}.pxd").write_text("")
        if name != "missing":
            (package / f"{name}{suffix}").write_bytes(b"")
    os.utime(package / f"stale{suffix}", (1, 1))
    sys.path.insert(0, str(tmp_path / "src"))
    try:
        found = problems(tmp_path / "src")
    finally:
        sys.path.remove(str(tmp_path / "src"))
    assert len(found) == 2
    assert "is older than its source" in found[1] and "stale" in found[1]
    assert "missing is imported from missing.py" in found[0]


def interpreted(name: str) -> ModuleType:
    """The module's ``.py`` source, executed by the interpreter under another name."""
    source = SRC.joinpath(*name.split(".")).with_suffix(".py")
    loader = importlib.machinery.SourceFileLoader(f"{name}__interpreted", str(source))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[loader.name] = module  # dataclasses look their module up
    loader.exec_module(module)
    assert not module.COMPILED
    return module


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_of_compiled_modules_hold(name: str) -> None:
    """pytest cannot collect them from the extension (``conftest.py``): run them on the source."""
    result = doctest.testmod(interpreted(name))
    assert result.failed == 0


def corpus_strings(count: int = 4000) -> Iterator[str]:
    """Lines of the bench's mixed corpus, their space-separated pieces, and their prefixes."""
    for line in islice(lines("mixed", seed=11), count):
        yield line
        yield from line.split(" ")
        yield line[: len(line) // 3]


_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x1000, max_codepoint=0x109F),  # Myanmar, Unicode and Zawgyi alike
    st.characters(min_codepoint=0xA9E0, max_codepoint=0xA9FF),  # Myanmar Extended-B
    st.characters(min_codepoint=0xAA60, max_codepoint=0xAA7F),  # Myanmar Extended-A
    st.sampled_from(list(" \t\n\r\u00a0\u2002\u200b\u200c\u200d\ufeff\ufffd\ue000")),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # Latin
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),  # CJK
    st.characters(min_codepoint=0x10000, max_codepoint=0x1F64F),  # beyond the BMP
)
random_strings = st.text(_ALPHABET, max_size=80)


def _same(a: object, b: object) -> bool:
    """Equal, floats bit for bit (``float.hex``), whatever they are nested in."""
    if isinstance(a, float) and isinstance(b, float):
        return a.hex() == b.hex()
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and a == b


# --- markov ---------------------------------------------------------------------------------

_markov = importlib.import_module("polyglot.burmese.markov")
_markov_source = interpreted("polyglot.burmese.markov")
_models = (_markov.markov_model(), _markov_source.markov_model())


def check_markov(texts: list[str]) -> None:
    compiled, source = _models
    for text in texts:
        assert _same(compiled.unicode_log_ratio(text), source.unicode_log_ratio(text)), text
        assert _same(compiled.probability(text), source.probability(text)), text


def test_markov_equals_its_source_on_the_corpus() -> None:
    check_markov(list(corpus_strings()))


@settings(max_examples=500, deadline=None)
@given(random_strings)
def test_markov_equals_its_source_on_random_strings(text: str) -> None:
    check_markov([text])


# --- clean ------------------------------------------------------------------------------------

_clean = importlib.import_module("polyglot.burmese.clean")
_clean_source = interpreted("polyglot.burmese.clean")

_CONSONANTS = [chr(cp) for cp in range(0x1000, 0x1022)]
_VOWELS = ["", "", "\u1031", "\u102d", "\u102e", "\u1032", "\u102f", "\u1030", "\u102d\u102f", "\u102c", "\u102b"]
_VOWELS += ["\u1031\u102c", "\u1031\u102b", "\u102d\u102c", "\u1031\u102d", "\u1031\u102f", "\u102f\u102d"]
_FINALS = ["", "", "\u103a", "\u1037\u103a", "\u103a\u1037", "\u103a\u1038", "\u1036", "\u1037", "\u1038", "\u1039"]
_FINALS += ["\u103a\u102f", "\u1036\u1037\u1038", "\u103a\u103a", "\u102c\u103a"]
syllables = st.lists(
    st.tuples(
        st.sampled_from(["", "", "", "\u1004\u103a\u1039"]),
        st.sampled_from(_CONSONANTS),
        st.sampled_from(["", "", "", "\u1039"]),
        st.sampled_from(["", *_CONSONANTS[:5]]),
        st.sampled_from(
            ["", "", "\u103b", "\u103c", "\u103d", "\u103e", "\u103b\u103d", "\u103c\u103e", "\u103e\u103b"]
        ),
        st.sampled_from(_VOWELS),
        st.sampled_from(_FINALS),
        st.sampled_from(["", "", "", " ", "  ", "\u104b", "\u1041\u1042", "\u1025\u1036", "x", "\u200b"]),
    ).map("".join),
    min_size=1,
    max_size=5,
).map("".join)
"""Strings shaped like Burmese syllables (kinzi, stacks, medials, vowels and finals, in and
out of their order), so that every branch of the grammar is reached, with spaces, digits,
punctuation and other characters between."""


def check_clean(texts: list[str]) -> None:
    for text in texts:
        assert _clean.is_clean(text) is _clean_source.is_clean(text), text


def test_clean_equals_its_source_on_the_corpus() -> None:
    check_clean(list(corpus_strings()))


@settings(max_examples=1500, deadline=None)
@given(st.one_of(random_strings, syllables))
def test_clean_equals_its_source_on_random_strings(text: str) -> None:
    check_clean([text, text.strip()])


# --- dictionary -------------------------------------------------------------------------------

_dictionary = importlib.import_module("polyglot.burmese.dictionary")
_dictionary_source = interpreted("polyglot.burmese.dictionary")


def _icu_trie() -> bytes:
    """The BytesTrie of ICU's Burmese word list, as ``icu_burmese_words`` reads it."""
    import mmap
    import struct

    d = _dictionary
    with open(d._icu_data_path(), "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        item = d._package_item(data, "brkitr/burmesedict.dict")
        at = item + d._header_size(data, item, b"Dict")
        offset, _, _, total, *_ = struct.unpack_from("<8i", data, at)
        return bytes(data[at + offset : at + total])


def test_dictionary_reads_icus_trie_as_its_source_does() -> None:
    """Every node kind of a BytesTrie occurs in ICU's 41,000-word list: the same keys, in
    the same order. (Random bytes are no trie: their jumps may point backwards forever.)"""
    trie = _icu_trie()
    keys = _dictionary.trie_keys(trie)
    assert len(keys) > 40_000
    assert keys == _dictionary_source.trie_keys(trie)
    assert _dictionary.icu_burmese_words() == _dictionary_source.icu_burmese_words()
