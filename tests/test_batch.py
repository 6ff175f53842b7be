"""Streaming and batch normalization: blocks are ``normalize_text`` on each block, files are safe to interrupt."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.corpus import lines as corpus_lines
from polyglot.batch.block import Options, blocks, normalize_block, normalize_blocks
from polyglot.batch.stream import normalize_file, normalize_stream
from polyglot.batch.tree import Ledger, normalize_tree
from polyglot.burmese.pipeline import normalize_text
from polyglot.burmese.segment import has_myanmar
from polyglot.cli import main
from polyglot.files import InputError
from tests.conftest import UNICODE_SENTENCES
from tests.conftest import ZAWGYI_SENTENCES as ZG


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tree runs record finished files in the user's cache; keep the tests' records apart.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


def mixed(n: int, seed: int = 7) -> str:
    return "\n".join(itertools.islice(corpus_lines("mixed", seed), n)) + "\n"


TRICKY = [
    "\n".join(ZG) + "\nEnglish only\n中文\n",
    "\n".join(UNICODE_SENTENCES) + "\r\nဝန်\u200bကြီး \u200b\u200bမြန်မာ\u200d\r\n",  # zero-width characters
    "ဂဏန်း ၁၀၀ နှင့် ၀န်ကြီး ၄င်း ဥ်\n" + ZG[0] + "\n",  # look-alike digits and letters
    "ကိုယ္\n" + ZG[1] + " and " + UNICODE_SENTENCES[2] + "\n",  # short unclear run; mixed encodings
    "ရှေ  ရေှ ေရှ ကြ့် မွ\n\tမြန်မာ\u2003စာ\n",  # misordered marks, other whitespace inside runs
    "no burmese at all\nnone here either\n",
    ZG[0] + " \u200b" + ZG[1] + "\nအမေ\u2060့အိမ်\n",  # ICU's spaced zero-width space; a dot below after a joiner
    "ပ္စ္ \ue000က ပ္စ္ ကာ\nမြန်မာ \ufffdန်\n",  # several problems in one cluster; lost glyphs
]


@pytest.mark.parametrize("text", [*TRICKY, mixed(400), mixed(300, seed=11)])
@pytest.mark.parametrize(
    "options",
    [Options(), Options(target="zawgyi"), Options(repair=False), Options(source="zawgyi"), Options(source="unicode")],
)
def test_unexplained_blocks_give_the_explained_text_and_diagnostics(text: str, options: Options) -> None:
    # explain=False splices the memo's words; explain=True also places their edits: one decision.
    quick = normalize_block(text, options)
    explained = normalize_block(text, options, explain=True)
    assert quick.text == explained.text
    assert quick.diagnostics == explained.diagnostics
    assert quick.changes == ()
    assert quick.text == text or explained.changes


def test_a_block_shorter_than_the_limit_is_the_whole_document() -> None:
    text = mixed(300)
    (only,) = blocks(text.splitlines(keepends=True), block_lines=1000)
    assert only == text
    assert normalize_block(text).text == normalize_text(text).text


def test_blocks_keep_every_line_and_line_ending() -> None:
    lines = ["a\r\n", "b\n", "c"]
    assert list(blocks(lines, block_lines=2)) == ["a\r\nb\n", "c"]
    line = "x" * 10 + "\n"
    assert list(blocks([line] * 3, block_lines=100, block_chars=15)) == [line * 2, line]  # ends once ≥ 15 chars


def test_parallel_blocks_come_back_in_order_and_equal_one_process() -> None:
    texts = list(blocks(mixed(600).splitlines(keepends=True), block_lines=50))
    one = [(b.first_line, b.text) for b in normalize_blocks(texts)]
    two = [(b.first_line, b.text) for b in normalize_blocks(texts, jobs=2)]
    assert one == two
    assert [first for first, _ in one] == [50 * i for i in range(len(texts))]


class CountingReader(io.BytesIO):
    """A byte stream that counts how many lines were read from it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.lines_read = 0

    def __iter__(self) -> CountingReader:
        return self

    def __next__(self) -> bytes:
        line = self.readline()
        if not line:
            raise StopIteration
        self.lines_read += 1
        return line


def test_stream_reads_no_further_than_the_block_it_writes() -> None:
    data = ("English line\n" + ZG[0] + "\n").encode() * 500  # 1000 lines
    reader = CountingReader(data)
    seen_when_written: list[int] = []
    out = io.BytesIO()

    def write(chunk: bytes) -> None:
        seen_when_written.append(reader.lines_read)
        out.write(chunk)

    normalize_stream(reader, "big.txt", write, block_lines=100)
    assert seen_when_written[0] <= 101  # the first block was written before the rest was read
    assert out.getvalue() == ("English line\n" + UNICODE_SENTENCES[0] + "\n").encode() * 500


def test_stream_diagnostics_count_lines_across_blocks() -> None:
    text = "English\n" * 150 + "ကိ ု\n"  # an orphaned mark on line 151
    diagnostics = normalize_stream(
        io.BytesIO(text.encode()), "x", io.BytesIO().write, Options(repair=False), block_lines=100
    )
    assert diagnostics and {d.line for d in diagnostics} == {151}


def test_file_keeps_bom_crlf_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" + ZG[0] + "\r\nEnglish\r\n" + ZG[1]).encode())
    os.chmod(path, 0o640)
    report = normalize_file(path, block_lines=1)
    assert report.changed
    assert path.read_bytes() == ("\ufeff" + UNICODE_SENTENCES[0] + "\r\nEnglish\r\n" + UNICODE_SENTENCES[1]).encode()
    assert path.stat().st_mode & 0o777 == 0o640


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(UNICODE_SENTENCES[0] + "\nEnglish\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert not normalize_file(path).changed
    assert path.stat().st_mtime_ns == 1


def test_invalid_utf8_late_in_a_file_leaves_no_partial_output(tmp_path: Path) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes((ZG[0] + "\n").encode() * 300 + b"bro\xffken\n")
    out = tmp_path / "out" / "bad.txt"
    with pytest.raises(InputError, match=r"bad.txt:301: invalid UTF-8"):
        normalize_file(source, out, block_lines=10)
    assert not out.exists()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == []  # no temporary file left behind
    with pytest.raises(InputError):
        normalize_file(source, block_lines=10)  # in place: the original stays as it was
    assert source.read_bytes().startswith(ZG[0].encode())


def make_tree(root: Path) -> None:
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ZG[0] + "\n", encoding="utf-8")
    (root / "sub" / "b.txt").write_text("English\n" + ZG[1] + "\n", encoding="utf-8")
    (root / "sub" / "c.txt").write_text(UNICODE_SENTENCES[2] + "\n", encoding="utf-8")
    (root / ".hidden").write_text(ZG[0], encoding="utf-8")


def test_tree_to_out_is_resumable_and_redoes_only_what_changed(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    make_tree(src)
    seen: list[tuple[str, bool]] = []
    reports = normalize_tree(src, out, jobs=2, progress=lambda job, r: seen.append((job.relative, r is None)))
    assert sorted(r.path for r in reports) == sorted(str(src / p) for p in ("a.txt", "sub/b.txt", "sub/c.txt"))
    assert (out / "a.txt").read_text(encoding="utf-8") == UNICODE_SENTENCES[0] + "\n"
    assert (out / "sub" / "b.txt").read_text(encoding="utf-8") == "English\n" + UNICODE_SENTENCES[1] + "\n"
    assert not (out / ".hidden").exists()
    assert (src / "a.txt").read_text(encoding="utf-8") == ZG[0] + "\n"  # sources untouched
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*.txt")}

    seen.clear()
    assert normalize_tree(src, out, jobs=2, progress=lambda job, r: seen.append((job.relative, r is None))) == []
    assert sorted(seen) == [("a.txt", True), ("sub/b.txt", True), ("sub/c.txt", True)]
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.txt")} == mtimes

    (src / "sub" / "b.txt").write_text(ZG[3] + "\n", encoding="utf-8")
    (out / "a.txt").unlink()
    redone = normalize_tree(src, out)
    assert sorted(r.path for r in redone) == [str(src / "a.txt"), str(src / "sub" / "b.txt")]
    assert (out / "sub" / "b.txt").read_text(encoding="utf-8") == UNICODE_SENTENCES[3] + "\n"
    # other options are other work
    assert len(normalize_tree(src, out, Options(target="zawgyi"))) == 3


def test_a_failing_file_is_reported_not_recorded_and_redone_later(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "sub" / "bin.dat").write_bytes(b"\x00\x01")
    errors: list[str] = []
    done = normalize_tree(tmp_path, None, errors=errors)
    assert len(done) == 3 and len(errors) == 1 and "binary file" in errors[0]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == UNICODE_SENTENCES[0] + "\n"
    (tmp_path / "sub" / "bin.dat").write_text(ZG[2], encoding="utf-8")
    again = normalize_tree(tmp_path, None, errors=errors)
    assert [r.path for r in again] == [str(tmp_path / "sub" / "bin.dat")]
    with pytest.raises(InputError):
        (tmp_path / "sub" / "bin.dat").write_bytes(b"\x00")
        normalize_tree(tmp_path, None)


def test_ledger_ignores_a_line_cut_short(tmp_path: Path) -> None:
    make_tree(tmp_path / "t")
    normalize_tree(tmp_path / "t", tmp_path / "o", ledger=tmp_path / "l")
    (record,) = (tmp_path / "l").iterdir()
    record.write_text(record.read_text(encoding="utf-8") + '{"file": "sub/c.t', encoding="utf-8")
    ledger = Ledger(tmp_path / "t", tmp_path / "o", Options(), tmp_path / "l")
    assert sorted(ledger.done) == ["a.txt", "sub/b.txt", "sub/c.txt"]


def test_cli_recursive_out_then_rerun(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    make_tree(src)
    runner = CliRunner()
    first = runner.invoke(main, ["normalize", "-r", str(src), "--out", str(out), "-j", "2"])
    assert first.exit_code == 0, first.output
    assert (out / "sub" / "b.txt").read_text(encoding="utf-8") == "English\n" + UNICODE_SENTENCES[1] + "\n"
    os.utime(out / "a.txt", ns=(5, 5))  # the output changed since: it is no longer "done"
    again = runner.invoke(main, ["normalize", "-r", str(src), "--out", str(out)])
    assert again.exit_code == 0
    assert (out / "a.txt").stat().st_mtime_ns != 5
    assert runner.invoke(main, ["normalize", str(src), "--out", str(out)]).exit_code == 2


def test_cli_streams_stdin_in_blocks_with_the_block_size_as_context() -> None:
    text = mixed(120)
    out = CliRunner().invoke(main, ["normalize", "-q", "--block-lines", "50", "-"], input=text)
    assert out.exit_code == 0
    expected = "".join(normalize_text(b).text for b in blocks(text.splitlines(keepends=True), block_lines=50))
    assert out.output == expected
    assert out.output.count("\n") == text.count("\n")


def test_cli_tree_error_exits_2_after_finishing_the_rest(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"ok\n\xff\n")
    result = CliRunner().invoke(main, ["normalize", "-r", "-i", "-q", str(tmp_path)])
    assert result.exit_code == 2
    assert "bad.txt:2: invalid UTF-8" in result.output
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == UNICODE_SENTENCES[0] + "\n"


def test_file_reports_carry_a_bounded_number_of_diagnostics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "damaged.txt"
    path.write_text("English\n" + "ကိ ု\n" * 5, encoding="utf-8")  # five orphaned marks
    options = Options(repair=False)
    streamed: list[int] = []
    report = normalize_file(
        path,
        tmp_path / "o1.txt",
        options,
        block_lines=2,
        on_diagnostics=lambda found: streamed.extend(d.line for d in found),
    )
    assert streamed == [2, 3, 4, 5, 6] and report.diagnostics == () and report.diagnostic_count == 5
    monkeypatch.setattr("polyglot.batch.stream.REPORT_LIMIT", 2)
    report = normalize_file(path, tmp_path / "o2.txt", options, block_lines=2)
    assert [d.line for d in report.diagnostics] == [2, 3] and report.diagnostic_count == 5


def test_benchmark_corpus_is_seeded_and_mixed(tmp_path: Path) -> None:
    from benchmarks.corpus import generate

    a = generate(tmp_path / "a.txt", 0.05)
    b = generate(tmp_path / "b.txt", 0.05)
    assert a.read_bytes() == b.read_bytes() and 50_000 <= a.stat().st_size < 51_000
    assert generate(tmp_path / "c.txt", 0.05, seed=8).read_bytes() != a.read_bytes()
    lines = a.read_text(encoding="utf-8").splitlines()
    burmese = [line for line in lines if has_myanmar(line)]
    zawgyi = [line for line in burmese if normalize_text(line).text != line]
    assert 0.5 < len(burmese) / len(lines) < 0.7
    assert 0.3 < len(zawgyi) / len(burmese) < 0.7  # about half were converted to Zawgyi
    assert any("\u4e00" <= ch <= "\u9fff" for line in lines for ch in line)


def test_a_lone_mark_is_reported_whatever_the_caches_hold() -> None:
    # A one-character word can come back from normalization as the very same object;
    # that must not pass for "clean" (it once did, when the cluster cache was cold).
    from polyglot.burmese.normalize import RULES, _canonical_alone
    from polyglot.burmese.pipeline import decide_word

    _canonical_alone.cache_clear()
    word = decide_word("\u102f", "unicode", "unicode", RULES)
    assert word.text == "\u102f"
    assert [p.code for p in word.problems] == ["orphan-mark"]


def polyglot(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """The real command in a process of its own (its own standard streams and locale)."""
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "polyglot.cli", *args], capture_output=True, check=False, **kwargs
    )


def test_a_file_name_that_is_not_utf8_neither_stops_a_tree_nor_spoils_json(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    odd = os.path.join(os.fsencode(tree), b"caf\xe9.txt")  # Latin-1, as an old archive names it
    with open(odd, "wb") as handle:
        handle.write(f"{ZG[0]}\n".encode())
    (tree / "z.txt").write_text(f"{ZG[1]}\n", encoding="utf-8")  # walked after the odd name
    for _ in range(2):  # and again: the record of finished files must not stop the re-run
        proc = polyglot("normalize", "-r", "-i", str(tree))
        assert proc.returncode == 0, proc.stderr
        assert b"Traceback" not in proc.stderr
    with open(odd, "rb") as handle:
        assert handle.read() == f"{UNICODE_SENTENCES[0]}\n".encode()
    assert (tree / "z.txt").read_text(encoding="utf-8") == f"{UNICODE_SENTENCES[1]}\n"
    with open(odd, "wb") as handle:
        handle.write(f"{ZG[0]}\n".encode())
    for args in (["normalize", "--format", "json", "-r"], ["detect", "--format", "json", "-r"]):
        proc = polyglot(*args, str(tree))
        assert b"Traceback" not in proc.stderr
        rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]  # valid UTF-8
        assert os.fsencode(rows[0]["path"]) == odd  # the escape (\udcXX) gives the name's bytes back
    proc = polyglot("normalize", "--check", "-r", str(tree))
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert proc.stdout.startswith(odd + b": would change")  # text output names the file as it is


def test_a_tree_never_follows_symbolic_links_and_says_so(tmp_path: Path) -> None:
    # git's rule: a link in a tree is a link, never followed, whether to a file or a folder,
    # so a tree run never writes outside the tree (nor a file twice); naming the link
    # itself is asking for its target.
    tree, outside, folder = tmp_path / "tree", tmp_path / "outside.txt", tmp_path / "folder"
    tree.mkdir()
    folder.mkdir()
    outside.write_text(f"{ZG[0]}\n", encoding="utf-8")
    (folder / "in.txt").write_text(f"{ZG[0]}\n", encoding="utf-8")
    (tree / "link.txt").symlink_to(outside)
    (tree / "linked").symlink_to(folder, target_is_directory=True)
    (tree / "z.txt").write_text(f"{ZG[2]}\n", encoding="utf-8")
    for args in (["-r", "-i"], ["-r", "--check"], ["-r", "-o", str(tmp_path / "out")]):
        proc = polyglot("normalize", *args, str(tree))
        assert b"Traceback" not in proc.stderr
        said = proc.stderr.decode()
        for name in ("link.txt", "linked"):
            assert f"polyglot: {tree / name}: skipped: a symbolic link" in said, (args, said)
        assert outside.read_text(encoding="utf-8") == f"{ZG[0]}\n"
        assert (folder / "in.txt").read_text(encoding="utf-8") == f"{ZG[0]}\n"
    assert (tree / "link.txt").is_symlink() and (tree / "z.txt").read_text(
        encoding="utf-8"
    ) == f"{UNICODE_SENTENCES[2]}\n"
    assert not (tmp_path / "out" / "link.txt").exists() and (tmp_path / "out" / "z.txt").exists()
    assert "skipped" in polyglot("detect", "-r", str(tree)).stderr.decode()
    proc = polyglot("normalize", "-i", str(tree / "link.txt"))  # named: followed, and stays a link
    assert proc.returncode == 0 and (tree / "link.txt").is_symlink()
    assert outside.read_text(encoding="utf-8") == f"{UNICODE_SENTENCES[0]}\n"


def test_in_place_refuses_hard_links_in_a_tree(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "one.txt").write_text(f"{ZG[1]}\n", encoding="utf-8")
    os.link(tree / "one.txt", tmp_path / "other-name.txt")
    (tree / "z.txt").write_text(f"{ZG[2]}\n", encoding="utf-8")
    proc = polyglot("normalize", "-r", "-i", str(tree))
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert f"{tree / 'one.txt'}: not rewritten: it has 2 hard links" in proc.stderr.decode()
    assert (tree / "one.txt").read_text(encoding="utf-8") == f"{ZG[1]}\n"  # both names keep one file
    assert (tree / "one.txt").stat().st_nlink == 2
    assert (tree / "z.txt").read_text(encoding="utf-8") == f"{UNICODE_SENTENCES[2]}\n"


@pytest.mark.parametrize(
    "args",
    [["normalize", "--check", "-r"], ["normalize", "-i", "-r"], ["normalize", "-r", "-o", "OUT"], ["detect", "-r"]],
)
def test_a_named_pipe_in_a_tree_is_skipped_and_said(tmp_path: Path, args: list[str]) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    os.mkfifo(tree / "pipe.txt")  # opening it for reading would wait for a writer forever
    (tree / "a.txt").write_text(f"{ZG[0]}\n", encoding="utf-8")
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    proc = polyglot(*args, str(tree), timeout=60)
    assert b"Traceback" not in proc.stderr and proc.returncode in (0, 1)
    assert proc.stderr.decode().startswith(
        f"polyglot: {tree / 'pipe.txt'}: skipped: not a regular file (a named pipe)\n"
    )


def _small_files_only() -> None:
    """In the child: files may not grow past 4 KiB (writes past it fail with EFBIG, not a signal)."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_file_too_large_to_write_is_a_one_line_error_and_the_tree_goes_on(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    big = "\n".join(ZG * 40) + "\n"
    assert len(big.encode()) > 3 * 4096
    (tree / "big.txt").write_text(big, encoding="utf-8")
    (tree / "small.txt").write_text(f"{ZG[0]}\n", encoding="utf-8")
    for args in (["-i", str(tree / "big.txt")], ["-r", "-i", str(tree)]):
        proc = polyglot("normalize", *args, preexec_fn=_small_files_only)
        assert proc.returncode == 2, proc.stderr
        assert b"Traceback" not in proc.stderr
        assert proc.stderr.decode() == f"polyglot: {tree / 'big.txt'}: cannot write: File too large\n"
        assert (tree / "big.txt").read_text(encoding="utf-8") == big  # nothing lost
        assert sorted(os.listdir(tree)) == ["big.txt", "small.txt"]  # no temporary file left
    assert (tree / "small.txt").read_text(encoding="utf-8") == f"{UNICODE_SENTENCES[0]}\n"


def test_an_unusable_ledger_location_is_reported_and_the_files_still_done(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in ("a.txt", "b.txt"):
        (tree / name).write_text(f"{ZG[0]}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.write_text("a file where the cache folder should be")
    proc = polyglot("normalize", "-r", "-i", str(tree), env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    message = proc.stderr.decode()
    assert message.count("\n") == 1 and str(cache) in message and "cannot write" in message
    assert all((tree / n).read_text(encoding="utf-8") == f"{UNICODE_SENTENCES[0]}\n" for n in ("a.txt", "b.txt"))


def test_tree_runs_use_the_block_size_asked_for(tmp_path: Path) -> None:
    # "ကြ" alone is valid in both encodings: in a Zawgyi document it is Zawgyi, on its own it is kept.
    text = "\n".join(ZG) + "\nကြ\n"
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    for size, last in (("1", "ကြ\n"), ("2000", "ကွ\n")):
        alone = runner.invoke(main, ["normalize", "--block-lines", size], input=text).stdout
        assert alone.endswith("\n" + last)
        out = tmp_path / f"out{size}"
        assert runner.invoke(main, ["normalize", "-r", "-o", str(out), "--block-lines", size, str(tree)]).exit_code == 0
        assert (out / "a.txt").read_text(encoding="utf-8") == alone


def test_a_rerun_redoes_what_another_block_size_version_or_rule_set_would_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The ledger says "done" only for output this very program and these options would write.
    import polyglot
    from polyglot.burmese.changes import REGISTRY, declare

    make_tree(tmp_path / "t")
    out, ledger = tmp_path / "o", tmp_path / "l"

    def redone(**kwargs: object) -> int:
        return len(normalize_tree(tmp_path / "t", out, ledger=ledger, **kwargs))  # type: ignore[arg-type]

    assert redone() == 3 and redone() == 0
    assert redone(block_lines=1) == 3 and redone(block_lines=1) == 0
    monkeypatch.setattr(polyglot, "__version__", polyglot.__version__ + ".post1")
    assert redone(block_lines=1) == 3 and redone(block_lines=1) == 0
    with monkeypatch.context() as patched:
        patched.setattr("polyglot.burmese.changes.REGISTRY", dict(REGISTRY))
        declare("normalize", "a-new-rule", "word", "A rule added by an upgrade.")
        assert redone(block_lines=1) == 3


def test_an_output_folder_inside_the_tree_is_not_walked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{ZG[0]}\n", encoding="utf-8")
    runner = CliRunner()
    for _ in range(3):
        out = runner.invoke(main, ["normalize", "-r", "-o", str(tmp_path / "clean"), str(tmp_path)])
        assert out.exit_code == 0, out.output
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["a.txt", "clean", "clean/a.txt"]


@pytest.mark.parametrize(
    "args",
    [
        ["normalize", "--check"],
        ["normalize", "--diff"],
        ["normalize", "--explain"],
        ["normalize", "--format", "json"],
        ["normalize"],
        ["detect"],
        ["detect", "--format", "json"],
    ],
)
def test_every_view_of_a_tree_reports_a_bad_file_and_goes_on(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a.txt").write_text(f"{ZG[0]}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"fine\nbro\xffken\n")
    (tmp_path / "c.txt").write_text(f"{ZG[1]}\n", encoding="utf-8")
    proc = polyglot(*args, "-r", str(tmp_path))
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert f"polyglot: {tmp_path / 'b.txt'}:2: invalid UTF-8 at byte 8\n" in proc.stderr.decode()
    seen = proc.stdout.decode() + proc.stderr.decode()  # the file after the bad one was still read:
    assert str(tmp_path / "c.txt") in seen or UNICODE_SENTENCES[1] in seen  # named, or its text shown


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError), open(f"/proc/{entry}/stat") as handle:
                if int(handle.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    import signal
    import time

    text = mixed(2000)
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_text(text, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "polyglot.cli", "normalize", "-r", "-i", "-j", "2", str(tmp_path)])
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert len(workers) >= 2
        time.sleep(1)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers)
    finally:
        for pid in [proc.pid, *workers]:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def test_a_killed_run_leaves_a_temporary_file_that_the_next_run_removes(tmp_path: Path) -> None:
    import signal
    import time

    big = tmp_path / "big.txt"
    big.write_text(mixed(2000) * 20, encoding="utf-8")
    before = big.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-m", "polyglot.cli", "normalize", "-i", "--block-lines", "200", str(big)],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not any(n.endswith(".tmp") for n in os.listdir(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]
    assert left and big.read_bytes() == before  # killed mid-write: the original is whole
    time.sleep(0.01)  # (the next run begins after the leftover was last written)
    small = tmp_path / "small.txt"
    small.write_text(f"{ZG[0]}\n", encoding="utf-8")
    assert polyglot("normalize", "-i", str(small)).returncode == 0  # any write in that folder
    assert sorted(os.listdir(tmp_path)) == ["big.txt", "small.txt"]
