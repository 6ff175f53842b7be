import os
import stat
from pathlib import Path

import pytest

from polyglot.files import (
    InputError,
    atomic_write,
    decode,
    is_temporary_name,
    read_text,
    temporary_name,
    write_text_if_changed,
)


def test_invalid_utf8_names_line_and_byte() -> None:
    with pytest.raises(InputError, match=r"^f.txt:2: invalid UTF-8 at byte 5$"):
        decode(b"abc\nd\xffe", "f.txt")


def test_bom_is_remembered_and_written_back() -> None:
    f = decode("\ufeffကို\r\n".encode(), "x")
    assert f.bom and f.text == "ကို\r\n"
    assert f.encode() == "\ufeffကို\r\n".encode()


def test_binary_missing_and_directory(tmp_path: Path) -> None:
    (tmp_path / "b.bin").write_bytes(b"\x00\x01")
    with pytest.raises(InputError, match="binary file"):
        read_text(tmp_path / "b.bin")
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_atomic_write_keeps_mode_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["t.txt"]


def test_unwritable_target_is_a_clear_error(tmp_path: Path) -> None:
    # (A read-only directory would not stop root, who runs CI; a missing one stops anybody.)
    with pytest.raises(InputError, match=r"missing/t.txt: cannot write"):
        atomic_write(tmp_path / "missing" / "t.txt", "new")
    assert os.listdir(tmp_path) == []


def test_interrupted_write_leaves_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "t.txt"
    target.write_text("old")

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(InputError, match="No space left"):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["t.txt"]


def test_write_if_changed(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    assert write_text_if_changed(target, "x")
    mtime = target.stat().st_mtime_ns
    assert not write_text_if_changed(target, "x")
    assert target.stat().st_mtime_ns == mtime


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real" / "t.txt"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(os.path.join("real", "t.txt"))
    atomic_write(link, "new")
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "t.txt")
    assert target.read_text() == "new"
    assert sorted(os.listdir(target.parent)) == ["t.txt"]  # the temporary file sat beside the target


def test_a_file_with_hard_links_is_refused_not_split(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("old")
    os.link(first, tmp_path / "b.txt")
    with pytest.raises(InputError, match=r"a.txt: not rewritten: it has 2 hard links"):
        atomic_write(first, "new")
    assert first.read_text() == (tmp_path / "b.txt").read_text() == "old"
    assert first.stat().st_nlink == 2
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]
    assert not write_text_if_changed(first, "old")  # nothing to write: no refusal


def test_stale_temporary_files_are_removed_only_when_surely_abandoned(tmp_path: Path) -> None:
    import fcntl
    import time

    from polyglot.files import AtomicOutput

    old = time.time() - 3600

    def leftover(name: str, when: float = old) -> str:
        path = tmp_path / name
        path.write_text("half")
        os.utime(path, (when, when))
        return name

    stale = leftover(temporary_name("a.txt"))  # a killed run's
    busy = leftover(temporary_name("b.txt"))  # another run is writing it: it holds the lock
    fresh = leftover(temporary_name("c.txt"), time.time() + 60)  # written since this run began
    other = leftover(".a.txt.abcd1234.tmp")  # not polyglot's name: someone else's file
    typed = leftover(".notes.polyglot-backup01.tmp")  # a user's own name in polyglot's old pattern
    forged = leftover(".d.txt.polyglot-0123456789abcdef.tmp")  # polyglot's shape, but not a name it made
    with open(tmp_path / busy, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with AtomicOutput(tmp_path / "a.txt") as out:
            out.write(b"new")
    assert sorted(os.listdir(tmp_path)) == sorted(["a.txt", busy, fresh, other, typed, forged])
    assert stale not in os.listdir(tmp_path)


def test_a_name_of_the_longest_legal_length_is_rewritten_in_place(tmp_path: Path) -> None:
    # The temporary name adds its mark to the target's: at the file system's limit it must
    # shorten the part it copies, and still be recognised as its own by a later run.
    longest = os.pathconf(tmp_path, "PC_NAME_MAX")
    for name in ("x" * (longest - 11) + ".md", "မ" * ((longest - 4) // 3) + ".txt"):
        target = tmp_path / name
        target.write_text("old")
        atomic_write(target, "new")
        assert target.read_text() == "new"
        assert os.listdir(tmp_path) == [name]
        made = temporary_name(name)
        assert len(os.fsencode(made)) <= longest and is_temporary_name(made)
        target.unlink()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_owner_and_group_are_kept_on_a_rewrite(tmp_path: Path) -> None:
    target = tmp_path / "shared.txt"
    target.write_text("old")
    os.chown(target, 65534, 65534)
    os.chmod(target, 0o640)
    atomic_write(target, "new")
    info = target.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)


@pytest.mark.skipif(os.geteuid() != 0, reason="runs polyglot as another user, which needs root")
def test_an_owner_that_cannot_be_kept_is_said() -> None:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(dir="/tmp") as shared:  # pytest's own folders are root's alone
        said_as_nobody(Path(shared))


def said_as_nobody(folder: Path) -> None:
    import shutil
    import subprocess

    python = shutil.which("python3", path="/usr/bin:/bin")  # the project's own may sit in root's home
    if python is None:
        pytest.skip("no system python3 that user 65534 can run")
    src = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src")
    os.chmod(folder, 0o777)
    target = folder / "root.txt"
    target.write_text("old")
    os.chmod(target, 0o666)
    write = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from polyglot.files import atomic_write; atomic_write(sys.argv[2], 'new')"
    )
    done = subprocess.run(
        [python, "-c", write, src, str(target)],
        user=65534,
        group=65534,
        extra_groups=[],
        capture_output=True,
        text=True,
        check=False,
        cwd="/",
    )
    assert done.returncode == 0, done.stderr
    assert target.read_text() == "new" and target.stat().st_uid == 65534  # the write went ahead ...
    assert done.stderr.count("\n") == 1 and str(target) in done.stderr and "0:0" in done.stderr  # ... and said so
