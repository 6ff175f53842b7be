"""Long lines: read in bounded fragments, cut into pieces at clean places, reported in the whole line's columns."""

from __future__ import annotations

import io
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import lines as corpus_lines
from benchmarks.longline import sentences as damaged_sentences
from polyglot.batch import block
from polyglot.batch.block import Options, blocks, normalize_blocks, pieces
from polyglot.batch.stream import stream_blocks
from polyglot.burmese.cuts import clean_cut
from polyglot.burmese.pipeline import normalize_text
from polyglot.cli import main
from polyglot.distributed import _normalize_partition
from polyglot.files import InputError, read_lines
from tests.project import REPO


def long_line(kind: str, chars: int, seed: int = 7) -> str:
    """Corpus sentences of one ``kind`` joined by spaces into one line of about ``chars`` characters."""
    out: list[str] = []
    size = 0
    source = damaged_sentences(seed) if kind == "damaged" else corpus_lines(kind, seed)
    for sentence in source:
        out.append(sentence)
        size += len(sentence) + 1
        if size >= chars:
            break
    return " ".join(out) + "\n"


# --- reading in fragments ---------------------------------------------------------------


def test_a_long_line_is_read_in_fragments_that_never_split_a_character() -> None:
    line = "မြန်မာ" * 5000 + "\n"  # three bytes a character: a limit of 1000 bytes cuts characters
    fragments = list(read_lines(io.BytesIO(line.encode() + b"next\n"), "x", 1000))
    assert "".join(fragments) == line + "next\n"
    assert all(len(f.encode()) <= 1000 + 3 for f in fragments)  # and the bytes of a cut character
    assert [f for f in fragments if f.endswith("\n")] == [fragments[-2], "next\n"]  # only a line's last
    assert list(read_lines(io.BytesIO(line.encode()), "x")) == [line]  # no limit: whole lines, as before


@pytest.mark.parametrize("limit", [None, 5, 7, 1000])
def test_errors_name_the_line_and_byte_when_a_line_comes_in_fragments(limit: int | None) -> None:
    data = "ကခ\n".encode() + "ဂ".encode() * 10 + b"\xe1\x80" + b"\n"  # an incomplete character on line 2
    with pytest.raises(InputError, match=r"^x:2: invalid UTF-8 at byte 37$"):
        list(read_lines(io.BytesIO(data), "x", limit))
    with pytest.raises(InputError, match=r"^x:1: invalid UTF-8 at byte 6$"):  # cut short at the end
        list(read_lines(io.BytesIO("ကခ".encode() + b"\xe1"), "x", limit))
    with pytest.raises(InputError, match="binary file"):
        list(read_lines(io.BytesIO(b"a" * 50 + b"\x00" + b"b" * 50), "x", limit))


# --- where lines are cut ----------------------------------------------------------------


@given(st.lists(st.text(st.sampled_from("ab \tက\u102dေ\n\u200b"), max_size=40), max_size=8), st.integers(4, 30))
def test_lines_that_fit_pass_whole_and_long_ones_come_back_byte_for_byte(parts: list[str], limit: int) -> None:
    text = "".join(parts)
    lines = text.splitlines(keepends=True)
    cut = list(pieces(lines, limit))
    assert "".join(cut) == text
    assert all(len(p) <= limit for p in cut)
    for line in lines:
        if len(line) <= limit and line.endswith("\n"):
            assert line in cut  # a line that fits is never cut
    ends = [i for i, p in enumerate(cut) if not p.endswith("\n")]
    assert all(len(cut[i]) >= limit // 2 for i in ends if i < len(cut) - 1)  # pieces are not tiny


def test_a_burmese_line_is_cut_only_before_the_space_between_phrases() -> None:
    line = long_line("zawgyi", 20_000)
    cut = list(pieces([line], 2000))
    assert "".join(cut) == line
    assert len(cut) > 10
    for before, after in itertools.pairwise(cut):
        assert clean_cut(before, after)
        assert after[0] == " " and before[-1] != " "


def test_clean_cuts_never_fall_where_a_rule_looks_across() -> None:
    assert clean_cut("ကို", " ခ")  # between phrases
    assert clean_cut("abc", "def") and clean_cut("က\f", "ခ")  # outside every run; after a line separator
    assert not clean_cut("ကို", "ခ")  # inside a word
    assert not clean_cut("လ", " ွ်ာ")  # a space before a mark: the space a PDF inserted (a repair)
    assert not clean_cut("က", "\u2002ား")  # a lost letter
    assert not clean_cut("ေ", " က")  # after Zawgyi's pre-base vowel E
    assert not clean_cut("က", " ေက")  # before it: a repair may ask whether its word has a letter
    assert not clean_cut("က\u200b", " ခ") and not clean_cut("က", " \u200bခ")  # ICU's spaced zero-width space
    assert not clean_cut("ဏ\u1039", " ဍ")  # after a virama


_BURMESE_PIECES = st.lists(
    st.sampled_from(
        ["က", "ခ", "ျ", "ြ", "ေ", "ာ", "ိ", "ု", "္", "်", "ွ", " ", "  ", "a", ".", "\u2002", "\u200b", "၀", "ၿ"]
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(_BURMESE_PIECES, _BURMESE_PIECES, st.sampled_from(["zawgyi", "unicode"]))
def test_a_clean_cut_changes_nothing_but_the_document(left: list[str], right: list[str], source: str) -> None:
    # With the encoding given and no repairs, no document decision is left: every word,
    # conversion and rule on either side of a clean cut is that of the whole.
    before, after = "".join(left), "".join(right)
    if not before or not after or not clean_cut(before, after):
        return
    whole = normalize_text(before + after, source=source, repair=False, explain=False)  # type: ignore[arg-type]
    a = normalize_text(before, source=source, repair=False, explain=False)  # type: ignore[arg-type]
    b = normalize_text(after, source=source, repair=False, explain=False)  # type: ignore[arg-type]
    assert a.text + b.text == whole.text


def test_a_line_without_whitespace_is_cut_at_a_syllable_and_the_cut_reported() -> None:
    line = "".join(long_line("zawgyi", 9000).split()) + "\n"
    cut = list(pieces([line], 2000))
    assert "".join(cut) == line
    texts = [b for b in blocks([line], line_chars=2000)]
    placed = list(normalize_blocks(texts))
    reported = [d for b in placed for d in b.diagnostics if d.code == "line-cut"]
    assert len(reported) == len(cut) - 1
    starts = list(itertools.accumulate(len(p) for p in cut[:-1]))
    assert [(d.line, d.column) for d in reported] == [(1, s + 1) for s in starts]
    for before, after in itertools.pairwise(cut):
        assert after[0] in "".join(chr(c) for c in range(0x1000, 0x102B))  # a letter begins the piece
        assert before[-1] not in "\u1039ေျ"


# --- pieces put back: the same text, lines and columns ------------------------------------


def pieces_and_whole(kind: str, chars: int, line_chars: int) -> None:
    line = long_line(kind, chars)
    whole = normalize_text(line)
    texts = list(blocks([line], line_chars=line_chars))
    assert len(texts) > 2
    placed = list(normalize_blocks(texts, explain=True))
    assert "".join(b.text for b in placed) == whole.text
    assert [(d.line, d.column, d.code) for b in placed for d in b.diagnostics] == [
        (d.line, d.column, d.code) for d in whole.diagnostics
    ]
    place = {(c.rule, c.before, c.after): (c.line, c.column) for c in whole.changes if c.kind != "convert"}
    for c in (c for b in placed for c in b.changes if c.kind != "convert"):
        assert place[c.rule, c.before, c.after][0] == c.line
    assert all(
        line[c.column - 1 :].startswith(c.before) for b in placed for c in b.changes if c.kind == "repair"
    )  # every change placed at its column in the whole line


@pytest.mark.parametrize("kind", ["mixed", "zawgyi", "unicode"])
def test_a_long_line_in_pieces_equals_the_whole_line_on_corpus_text(kind: str) -> None:
    pieces_and_whole(kind, 30_000, 4000)


@pytest.mark.slow
def test_a_long_damaged_line_in_pieces_of_the_real_size_equals_the_whole_line() -> None:
    # Which letter a PDF lost is decided on the evidence of the whole document; a piece of
    # the real size holds hundreds of the damaged places, as much as the whole line says.
    pieces_and_whole("damaged", 2 * block.LINE_CHARS + 20_000, block.LINE_CHARS)


def test_columns_count_in_the_whole_line_after_lines_and_across_blocks() -> None:
    line = long_line("unicode", 12_000).rstrip("\n") + " ကိီ\n"  # two upper vowels far along the line
    text = "first line\n" + line + "ကိီ\n"
    whole = normalize_text(text)
    placed = list(normalize_blocks(list(blocks(text.splitlines(keepends=True), line_chars=3000))))
    got = [(d.line, d.column, d.code) for b in placed for d in b.diagnostics]
    assert got == [(d.line, d.column, d.code) for d in whole.diagnostics]
    assert got[-1][0] == 3 and any(line_no == 2 and column > 11_000 for line_no, column, _ in got)
    assert [b.first_line for b in placed][:2] == [0, 1]
    assert [b.first_column for b in placed][1] > 0


def test_every_view_agrees_on_a_long_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(block, "LINE_CHARS", 3000)
    line = long_line("mixed", 20_000).rstrip("\n") + " ကိီ\n"
    text = "head\n" + line + "tail without newline"
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    runner = CliRunner()
    written = runner.invoke(main, ["normalize", "-q", str(path)]).output
    assert written == normalize_text(text).text
    diff = runner.invoke(main, ["normalize", "--diff", str(path)]).output
    assert diff.count("\n-") == 1 and diff.count("\n+") == 2  # the long line, once, as one line
    minus = next(x for x in diff.splitlines() if x.startswith("-") and not x.startswith("---"))
    assert minus == "-" + line.rstrip("\n")
    report = json.loads(runner.invoke(main, ["normalize", "--format", "json", str(path)]).output)
    assert report["text"] == written
    assert [(d["line"], d["column"]) for d in report["diagnostics"]] == [
        (d.line, d.column) for d in normalize_text(text).diagnostics
    ]
    two = runner.invoke(main, ["normalize", "-q", "-j", "2", str(path)]).output
    assert two == written
    assert runner.invoke(main, ["normalize", "-q", "-i", str(path)]).exit_code == 0
    assert path.read_text(encoding="utf-8") == written
    assert runner.invoke(main, ["normalize", "--check", str(path)]).exit_code == 0  # idempotent in pieces too


def test_dask_partitions_cut_the_same_way_and_give_whole_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(block, "LINE_CHARS", 3000)
    lines = ["head\n", long_line("mixed", 12_000), "tail\n"]
    out = _normalize_partition(lines, Options(), 2000)
    assert len(out) == 3
    with io.BytesIO("".join(lines).encode()) as handle:
        _, results = stream_blocks(handle, "x")
        assert "".join(out) == "".join(b.text for b in results)


# --- memory ------------------------------------------------------------------------------


MEMORY = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # a regression fails the test, not the machine
from polyglot.batch.stream import normalize_stream
with open(sys.argv[1], "rb") as handle, open(sys.argv[2], "wb") as out:
    normalize_stream(handle, sys.argv[1], out.write)
with open("/proc/self/status") as status:
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def peak_mib(command: list[str]) -> float:
    """The peak resident memory of ``command`` (``MEMORY``), which must succeed.

    Read by the process itself (``VmHWM``): ``wait4`` would also count the pages a forked
    child shares with its parent before ``exec``, and after a whole test run the parent
    is the larger.
    """
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return int(done.stdout.split()[-1]) / 1024


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
def test_memory_does_not_grow_with_the_length_of_a_line(tmp_path: Path) -> None:
    # Unicode Burmese is the quickest to normalize, so a line of megabytes takes seconds;
    # held whole as one document, a line of this length costs far more than the bound.
    lines = itertools.islice(corpus_lines("unicode", 3), 30_000)
    path = tmp_path / "line.txt"
    path.write_text(" ".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 3_000_000
    peak = peak_mib([sys.executable, "-c", MEMORY, str(path), str(tmp_path / "out.txt")])
    assert peak < 160, f"peak RSS {peak:.0f} MiB"
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").count("\n") == 1
