import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from polyglot.burmese.convert import unicode_to_zawgyi
from polyglot.cli import main
from tests.conftest import UNICODE_SENTENCES
from tests.conftest import ZAWGYI_SENTENCES as ZGS

ZG = unicode_to_zawgyi(UNICODE_SENTENCES[0])


def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "polyglot.cli", *args], input=input, capture_output=True, check=False)


def test_stdin_to_stdout_keeps_bytes_outside_burmese() -> None:
    data = f"\ufeffTitle 标题\r\n{ZG}\r\nno final newline".encode()
    proc = run("normalize", input=data)
    assert proc.returncode == 0
    assert proc.stdout == f"\ufeffTitle 标题\r\n{UNICODE_SENTENCES[0]}\r\nno final newline".encode()


def test_in_place_check_and_diff(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"x {ZG}\n", encoding="utf-8")
    os.chmod(path, 0o600)
    runner = CliRunner()
    check = runner.invoke(main, ["normalize", "--check", str(path)])
    assert check.exit_code == 1 and "would change" in check.output
    diff = runner.invoke(main, ["normalize", "--diff", str(path)])
    assert f"+x {UNICODE_SENTENCES[0]}" in diff.output
    assert path.read_text(encoding="utf-8") == f"x {ZG}\n"  # neither wrote
    assert runner.invoke(main, ["normalize", "--in-place", str(path)]).exit_code == 0
    assert path.read_text(encoding="utf-8") == f"x {UNICODE_SENTENCES[0]}\n"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert runner.invoke(main, ["normalize", "--check", str(path)]).exit_code == 0


def test_check_tells_problems_apart_from_changes(tmp_path: Path) -> None:
    """A file --check fails only for what is still ill-formed is not one that "would change"."""
    path = tmp_path / "a.txt"
    path.write_text("နှင့် တိုးျမွင့္ လူ့အခွင့်အရေး\n", encoding="utf-8")  # a Zawgyi word: left as typed
    runner = CliRunner()
    assert runner.invoke(main, ["normalize", "-i", str(path)]).exit_code == 0
    check = runner.invoke(main, ["normalize", "--check", str(path)])
    assert check.exit_code == 1
    assert check.output.splitlines()[0] == f"{path}: unchanged, 1 problems"


def test_explain_and_json() -> None:
    runner = CliRunner()
    explained = runner.invoke(main, ["normalize", "--explain", "--check", "-"], input=ZG)
    assert "convert [zawgyi_to_unicode]" in explained.output and "why:" in explained.output
    out = runner.invoke(main, ["normalize", "--format", "json", "-"], input=ZG)
    record = json.loads(out.output)
    assert record["text"] == UNICODE_SENTENCES[0] and record["changes"][0]["kind"] == "convert"


def test_to_zawgyi() -> None:
    out = CliRunner().invoke(main, ["normalize", "--to", "zawgyi"], input=UNICODE_SENTENCES[0])
    assert out.output == unicode_to_zawgyi(UNICODE_SENTENCES[0])


def test_detect_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(f"{UNICODE_SENTENCES[1]}\nEnglish {ZG}\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["detect", "--format", "json", str(path)])
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert [(r["line"], r["column"], r["encoding"]) for r in rows] == [(1, 1, "unicode"), (2, 9, "zawgyi")]
    assert {"path", "end_column", "probability"} <= rows[0].keys()


def test_detect_calls_a_number_neutral_and_lists_every_field(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("ဖုန်း ၀၉၄၅၆၇၈၉ နှင့် ၁၂၃ ။\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["detect", "--format", "json", str(path)])
    rows = [json.loads(line) for line in out.output.splitlines()]
    numbers = [r for r in rows if r["text"].strip(" ။") in ("၀၉၄၅၆၇၈၉", "၁၂၃")]
    assert rows and all(r["encoding"] == "neutral" and r["probability"] == 0.5 for r in numbers)
    helped = CliRunner().invoke(main, ["detect", "--help"]).output
    assert all(field in helped for field in ("language", "neutral", "evidence", "detector_probability"))


def test_input_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine\nbro\xffken\n")
    for args, message in (
        ([str(bad)], f"{bad}:2: invalid UTF-8 at byte 8"),
        ([str(tmp_path / "missing.txt")], "no such file"),
        ([str(tmp_path)], "is a directory"),
    ):
        proc = run("normalize", *args)
        assert proc.returncode == 2
        assert message in proc.stderr.decode() and proc.stderr.decode().count("\n") == 1
        assert b"Traceback" not in proc.stderr


def test_recursive_in_place_on_two_workers(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"{ZG}\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["normalize", "-r", "-i", "-j", "2", str(tmp_path)])
    assert out.exit_code == 0
    assert all(p.read_text(encoding="utf-8") == f"{UNICODE_SENTENCES[0]}\n" for p in tmp_path.iterdir())


def test_from_skips_detection() -> None:
    # "ကြ" is valid in both encodings; the user says which one it is.
    runner = CliRunner()
    assert runner.invoke(main, ["normalize", "--from", "zawgyi"], input="ကြ").output == "ကွ"
    assert runner.invoke(main, ["normalize", "--from", "unicode"], input="ကြ").output == "ကြ"


def _wait_until_reading_a_pipe(pid: int, limit: float = 30.0) -> None:
    """Until the process blocks reading its standard input (Linux's ``wchan``), so that an
    interrupt comes while polyglot runs, not while Python is still importing it (a fixed
    wait was too short on a loaded machine); at most ``limit`` seconds."""
    import time

    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            state = wchan.read_text()
        except OSError:
            break
        if "pipe" in state:  # "0" while it runs: still starting
            return
        time.sleep(0.05)


@pytest.mark.parametrize("inherited", [signal.SIG_DFL, signal.SIG_IGN], ids=["foreground", "background-job"])
def test_ctrl_c_exits_130(inherited: signal.Handlers) -> None:
    """Also as a background job of a script (`make test &`), whose children inherit SIGINT ignored."""
    previous = signal.signal(signal.SIGINT, inherited)
    try:
        _ctrl_c_exits_130()
    finally:
        signal.signal(signal.SIGINT, previous)


def _ctrl_c_exits_130() -> None:

    # Standard input stays open, so normalize is still reading when the interrupt comes.
    # SIGINT back to its default in the child: under `nohup` (or `make test &`) it inherits
    # SIG_IGN, and Python then leaves an ignored SIGINT ignored, as it should.
    process = subprocess.Popen(
        [sys.executable, "-m", "polyglot.cli", "normalize", "-"],
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(("ကျောင်း\n" * 10).encode())
    process.stdin.flush()
    _wait_until_reading_a_pipe(process.pid)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.strip().endswith(b"polyglot: interrupted")


def test_an_unreadable_icu_dictionary_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from polyglot.burmese import detect, dictionary, lexicon

    def missing() -> None:
        raise dictionary.DictionaryError("ICU's data (libicudata) is not loaded in this process")

    caches = (dictionary.icu_burmese_words, lexicon.is_word, lexicon.word_joins, detect.weigh)
    for cache in caches:
        cache.cache_clear()
    monkeypatch.setattr(dictionary, "_icu_data_path", missing)
    try:
        out = CliRunner().invoke(main, ["normalize"], input="ညေန\n")  # weak: needs word evidence
    finally:
        monkeypatch.undo()
        for cache in caches:
            cache.cache_clear()
    assert out.exit_code == 2
    assert "cannot read ICU's Burmese word list" in out.output and "libicudata" in out.output


def apply_diff(original: str, diff: str) -> str:
    """Apply a unified diff of equal-length texts (what ``normalize --diff`` prints) to ``original``."""
    lines = original.split("\n")
    old = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    new = list(old)
    rows = diff.split("\n")
    assert rows[0].startswith("--- a/") and rows[1].startswith("+++ b/")
    i, line = 2, 0
    while i < len(rows) and rows[i]:
        row = rows[i]
        ends = i + 1 < len(rows) and rows[i + 1] == "\\ No newline at end of file"
        body = row[1:] + ("" if ends else "\n")
        if row.startswith("@@"):
            line = int(row.split()[1][1:].split(",")[0]) - 1
            removed = added = line
        elif row[0] == " ":
            assert old[line] == body
            line += 1
            removed = added = line
        elif row[0] == "-":
            assert old[removed] == body
            removed += 1
        elif row[0] == "+":
            new[added] = body
            added += 1
            line = added
        i += 2 if ends else 1
    return "".join(new)


def long_file(tmp_path: Path) -> tuple[str, str]:
    """A long file whose blocks decide differently: a short unclear run on line 1, 2,100 English lines, then Zawgyi."""
    text = "ကေလ\n" + "".join(f"English line {i % 7}\n" for i in range(2100)) + "\n".join(ZGS[:5]) + "\n"
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    return str(path), text


def test_every_view_agrees_with_the_write_on_a_file_longer_than_a_block(tmp_path: Path) -> None:
    path, text = long_file(tmp_path)
    runner = CliRunner()
    written = runner.invoke(main, ["normalize", "-q", path]).output
    assert written.count("\n") == text.count("\n") and written != text
    changed = [i + 1 for i, (a, b) in enumerate(zip(text.split("\n"), written.split("\n"), strict=True)) if a != b]
    assert len(changed) == 5

    diff = runner.invoke(main, ["normalize", "-q", "--diff", path]).output
    assert apply_diff(text, diff) == written
    assert sum(1 for row in diff.split("\n") if row.startswith("-") and not row.startswith("---")) == len(changed)

    check = runner.invoke(main, ["normalize", "--check", path])
    assert check.exit_code == 1 and "would change" in check.output

    record = json.loads(runner.invoke(main, ["normalize", "--format", "json", path]).output)
    assert record["text"] == written and record["changed"]
    assert sorted({c["line"] for c in record["changes"]}) == changed

    explained = runner.invoke(main, ["normalize", "--explain", "--check", path]).output
    assert {int(row.split(":")[1]) for row in explained.split("\n") if "] '" in row} == set(changed)

    assert runner.invoke(main, ["normalize", "-i", path]).exit_code == 0
    assert Path(path).read_text(encoding="utf-8") == written
    again = runner.invoke(main, ["normalize", "--check", path])
    assert "unchanged, 1 problems" in again.output and "ambiguous-encoding" in again.output  # line 1, told
    assert runner.invoke(main, ["normalize", "-q", "--diff", path]).output == ""


def test_diff_of_a_last_line_without_newline_and_of_close_changes() -> None:
    text = f"{ZGS[0]}\na\nb\nc\nd\ne\nf\n{ZGS[1]}\nh\ni\nj\nk\nl\nm\nn\n{ZGS[2]}"
    out = CliRunner().invoke(main, ["normalize", "-q", "--diff", "-"], input=text).output
    written = CliRunner().invoke(main, ["normalize", "-q", "-"], input=text).output
    assert apply_diff(text, out) == written
    assert out.count("@@ -") == 2  # six unchanged lines between changes: one hunk; seven: two
    assert out.split("\n")[2] == "@@ -1,11 +1,11 @@"
    assert out.endswith(f"+{UNICODE_SENTENCES[2]}\n\\ No newline at end of file\n")


@pytest.mark.parametrize("context", [0, 1, 3])
def test_line_diff_matches_gnu_diff(tmp_path: Path, context: int) -> None:
    import random
    import shutil

    from polyglot.batch.diff import LineDiff

    if shutil.which("diff") is None:
        pytest.skip("GNU diff is not installed")
    rng = random.Random(context)
    for trial in range(40):
        n = rng.randint(1, 40)
        old = [f"line {i}\n" for i in range(n)]
        new = [f"LINE {i}\n" if rng.random() < 0.15 else line for i, line in enumerate(old)]
        if rng.random() < 0.5:  # sometimes no newline at the end
            old[-1], new[-1] = old[-1].rstrip("\n"), new[-1].rstrip("\n")
        (tmp_path / "a").write_text("".join(old), encoding="utf-8")
        (tmp_path / "b").write_text("".join(new), encoding="utf-8")
        gnu = subprocess.run(["diff", f"-U{context}", "a", "b"], capture_output=True, text=True, cwd=tmp_path).stdout
        differ = LineDiff("x", context)
        ours = "".join(differ.feed("".join(old[i : i + 7]), "".join(new[i : i + 7])) for i in range(0, n, 7))
        ours += differ.close()
        assert ours.split("\n")[2:] == gnu.split("\n")[2:], (trial, old, new)


@pytest.mark.parametrize(
    "args",
    [
        ["normalize"],
        ["normalize", "--format", "json"],
        ["normalize", "--diff"],
        ["detect"],
        ["detect", "--format", "json"],
    ],
)
def test_a_full_standard_output_is_a_one_line_error(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "polyglot.cli", *args],
            input="\n".join(ZGS).encode(),
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert proc.stderr.decode() == "polyglot: <stdout>: cannot write: No space left on device\n"
    assert proc.returncode == 2


@pytest.mark.parametrize("args", [["normalize"], ["normalize", "--diff"], ["detect", "--format", "json"]])
def test_a_reader_that_stops_reading_ends_the_run_quietly(args: list[str], tmp_path: Path) -> None:
    """``polyglot normalize big.txt | head``: no error message, status 141 as after SIGPIPE."""
    big = tmp_path / "big.txt"
    big.write_text("\n".join(ZGS * 4000), encoding="utf-8")  # far more than a pipe's buffer
    proc = subprocess.Popen(
        [sys.executable, "-m", "polyglot.cli", *args, str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.read(100)  # the reader takes what it wants and goes
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert err == b""
    assert proc.returncode == 141


def _closed(fd: int) -> Callable[[], None]:
    """In the child: the standard stream ``fd`` closed, as the shell's ``>&-`` or ``0<&-`` leaves it."""
    return lambda: os.close(fd)


@pytest.mark.parametrize(
    ("args", "fd", "name"),
    [
        (["normalize", "FILE"], 1, "<stdout>"),
        (["normalize", "--diff", "FILE"], 1, "<stdout>"),
        (["detect", "FILE"], 1, "<stdout>"),
        (["detect", "--format", "json", "FILE"], 1, "<stdout>"),
        (["normalize"], 0, "<stdin>"),
        (["normalize", "-"], 0, "<stdin>"),
        (["detect"], 0, "<stdin>"),
    ],
)
def test_a_closed_standard_stream_is_a_one_line_error(tmp_path: Path, args: list[str], fd: int, name: str) -> None:
    source = tmp_path / "in.txt"
    source.write_text("\n".join(ZGS) + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "polyglot.cli", *[str(source) if a == "FILE" else a for a in args]],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL if fd != 1 else None,
        stderr=subprocess.PIPE,
        preexec_fn=_closed(fd),
        check=False,
    )
    said = proc.stderr.decode()
    assert proc.returncode == 2, said
    assert said.count("\n") == 1 and said.startswith(f"polyglot: {name}: ") and "closed" in said, said


@pytest.mark.parametrize("stderr", ["/dev/full", "closed"])
def test_a_failing_standard_error_exits_2_not_1(tmp_path: Path, stderr: str) -> None:
    # Exit 1 means "findings" to every caller; a diagnostic that cannot be said is an error.
    source = tmp_path / "in.txt"
    source.write_text("ကိုယ္ \ufffdန်\n", encoding="utf-8")  # a problem to report on stderr
    with contextlib.ExitStack() as stack:
        err = stack.enter_context(open("/dev/full", "wb")) if stderr == "/dev/full" else None
        proc = subprocess.run(
            [sys.executable, "-m", "polyglot.cli", "normalize", str(source)],
            stdout=subprocess.PIPE,
            stderr=err,
            preexec_fn=None if err else _closed(2),
            check=False,
        )
    assert proc.returncode == 2


@pytest.mark.skipif(shutil.which("patch") is None, reason="GNU patch is not installed")
def test_every_diff_is_one_gnu_patch_applies(tmp_path: Path) -> None:
    # A name with spaces needs a tab after it (patch otherwise reads "call"); a byte order
    # mark is part of the first line's bytes, so the first "-" line must carry it.
    files = {
        "call for applications.txt": "\n".join(ZGS) + "\n",
        "bom.txt": "\ufeff" + ZGS[0] + "\nEnglish\n" + ZGS[1] + "\n",
        "bom no newline.txt": "\ufeff" + ZGS[2],
        "plain.txt": "English\n" + ZGS[3] + "\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    names = sorted(files)
    diff = subprocess.run(
        [sys.executable, "-m", "polyglot.cli", "normalize", "--diff", *names],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert diff.returncode == 0, diff.stderr
    expected = {n: run("normalize", "-q", str(tmp_path / n)).stdout for n in names}
    dry = subprocess.run(
        ["patch", "-p1", "--dry-run"], input=diff.stdout, cwd=tmp_path, capture_output=True, check=False
    )
    assert dry.returncode == 0, dry.stdout.decode() + dry.stderr.decode()
    checked = [line for line in dry.stdout.decode().splitlines() if line.startswith("checking file ")]
    assert sorted(line.removeprefix("checking file ").strip("'") for line in checked) == names, dry.stdout
    applied = subprocess.run(["patch", "-p1"], input=diff.stdout, cwd=tmp_path, capture_output=True, check=False)
    assert applied.returncode == 0, applied.stdout.decode()
    assert {n: (tmp_path / n).read_bytes() for n in names} == expected


PEAK = """
import atexit, sys

def peak() -> None:
    with open("/proc/self/status") as status:
        sys.stderr.write("VmHWM " + next(x.split()[1] for x in status if x.startswith("VmHWM:")) + "\\n")

atexit.register(peak)
from polyglot.cli import main
main(sys.argv[1:])
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
@pytest.mark.parametrize("view", [["--format", "json"], ["--check"]])
def test_reports_on_many_problems_take_memory_that_does_not_grow_with_the_file(tmp_path: Path, view: list[str]) -> None:
    # Every replacement character is a problem (a lost letter): 20 a line, tens of thousands a megabyte.
    line = "က\ufffd " * 20 + "\n"
    peaks = []
    for megabytes in (1, 2):
        path = tmp_path / f"{megabytes}.txt"
        path.write_text(line * (megabytes * 1_000_000 // len(line.encode())), encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-c", PEAK, "normalize", *view, str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        assert proc.returncode == (1 if "--check" in view else 0), proc.stderr[-2000:]
        peaks.append(int(proc.stderr.split()[-1]) / 1024)
    assert peaks[1] - peaks[0] < 6, f"peak RSS {peaks[0]:.0f} MiB on 1 MB, {peaks[1]:.0f} MiB on 2 MB"
