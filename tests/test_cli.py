import json
import os
import subprocess
import sys

from click.testing import CliRunner

from polyglot.burmese.convert import unicode_to_zawgyi
from polyglot.cli import main
from tests.conftest import UNICODE_SENTENCES

ZG = unicode_to_zawgyi(UNICODE_SENTENCES[0])


def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "polyglot.cli", *args], input=input, capture_output=True, check=False)


def test_stdin_to_stdout_keeps_bytes_outside_burmese() -> None:
    data = f"\ufeffTitle 标题\r\n{ZG}\r\nno final newline".encode()
    proc = run("normalize", input=data)
    assert proc.returncode == 0
    assert proc.stdout == f"\ufeffTitle 标题\r\n{UNICODE_SENTENCES[0]}\r\nno final newline".encode()


def test_in_place_check_and_diff(tmp_path) -> None:
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


def test_detect_json_lines(tmp_path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(f"{UNICODE_SENTENCES[1]}\nEnglish {ZG}\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["detect", "--format", "json", str(path)])
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert [(r["line"], r["column"], r["encoding"]) for r in rows] == [(1, 1, "unicode"), (2, 9, "zawgyi")]
    assert {"path", "end_column", "probability"} <= rows[0].keys()


def test_input_errors_exit_2_with_one_line(tmp_path) -> None:
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


def test_recursive_in_place_on_two_workers(tmp_path) -> None:
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


def test_ctrl_c_exits_130() -> None:
    import signal
    import time

    # Standard input stays open, so normalize is still reading when the interrupt comes.
    process = subprocess.Popen(
        [sys.executable, "-m", "polyglot.cli", "normalize", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(("ကျောင်း\n" * 10).encode())
    process.stdin.flush()
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.strip().endswith(b"polyglot: interrupted")


def test_an_unreadable_icu_dictionary_is_a_clear_error(monkeypatch) -> None:
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
