"""The one place where polyglot touches files.

Everything that reads or writes user files goes through here, so that every command
behaves the same way on bad input:

* decoding is strict: invalid UTF-8 is an error that names the file, line and byte,
  never a silent replacement character;
* a binary file, a missing file or a directory is a one-line error, not a traceback;
* a UTF-8 byte order mark is remembered and written back; line endings are never
  touched, because the text is handled with its newlines exactly as they were read;
* long files are read line by line (``read_lines``), never whole, and a long line in
  fragments of bounded size;
* writes are atomic (``AtomicOutput``, streaming, and ``atomic_write`` for data in
  memory, which uses it): a temporary file in the same directory, flushed to disk,
  then renamed over the target, so a reader never sees half a file and a failed write
  leaves the original intact. The original's permission bits are kept, and its owner and
  group as far as the system allows (what cannot be kept is said).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import re
import stat
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from polyglot.patterns import lazy_compile

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

BOM = "\ufeff"
_BOM_BYTES = BOM.encode("utf-8")


class InputError(Exception):
    """Bad input that the user must fix: the message is one line naming file and line."""


class OutputClosed(InputError):
    """Standard output cannot be written: no later input can be shown either, so a run stops."""


class ReaderGone(OutputClosed):
    """Standard output is a pipe whose reader has gone (``polyglot normalize big.txt | head``).

    Not an error of the input or the disk: the reader took what it wanted. Like a command
    the shell's SIGPIPE stops, polyglot stops quietly with status 141 (128 + SIGPIPE), which
    ``set -o pipefail`` still sees."""


@contextlib.contextmanager
def writing(name: str, error: type[InputError] = InputError) -> Iterator[None]:
    """The one place where a failed write (a full disk, a file too large, a closed pipe)
    becomes an ``InputError`` naming what was being written: a one-line message, exit 2."""
    try:
        yield
    except BrokenPipeError as err:
        gone = ReaderGone if issubclass(error, OutputClosed) else error  # a standard stream's reader left
        raise gone(f"{name}: cannot write: {err.strerror or err}") from None
    except OSError as err:
        raise error(f"{name}: cannot write: {err.strerror or err}") from None


class ErrorsUnsaid(OutputClosed):
    """Standard error cannot be written: nothing more can be said, so a run stops with
    status 2 (not 1, which means findings), and without a message, which could not be shown."""


class NamedOutput(io.RawIOBase):
    """A byte stream (standard output or error) whose failed writes are ``error``s naming it.

    Bytes go straight to the file descriptor when there is one, so none wait in a buffer
    that the interpreter would try, and fail, to flush again at exit.
    """

    def __init__(self, stream: BinaryIO, name: str, error: type[OutputClosed] = OutputClosed) -> None:
        self.stream = stream
        self.name = name
        self.error = error
        self.fd: int | None = None
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
            self.fd = stream.fileno()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            return self.stream.isatty()
        return False

    def write(self, data: ReadableBuffer) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        with writing(self.name, self.error):
            if self.fd is None:
                self.stream.write(view)
                self.stream.flush()
            else:
                while view:
                    view = view[os.write(self.fd, view) :]
        return size


class ClosedStream(io.RawIOBase):
    """A standard stream the process was started without (the shell's ``>&-``, ``0<&-``).

    Python leaves such a stream ``None``, which loses what is written and turns a read
    into a traceback; using this one is a one-line error naming it instead (``error`` for
    a write), and not using it is no error at all.
    """

    def __init__(self, name: str, error: type[OutputClosed] = OutputClosed) -> None:
        self.name = name
        self.error = error

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readinto(self, buffer: object) -> int:
        raise InputError(f"{self.name}: cannot read: it is closed")

    def write(self, data: ReadableBuffer) -> int:
        raise self.error(f"{self.name}: cannot write: it is closed")


_LONE_SURROGATE = lazy_compile("[\ud800-\udfff]")


def json_line(value: object) -> str:
    """``value`` as one line of JSON that is valid UTF-8 whatever file names it holds.

    A file name that is not UTF-8 reaches Python with its odd bytes as lone surrogates
    (PEP 383's ``surrogateescape``), which UTF-8 cannot encode; they are written as
    JSON's ``\\udcXX`` escapes, which ``json.loads`` reads back and ``os.fsencode``
    turns into the name's original bytes. Text read from files never holds one (it is
    decoded strictly), so only names are affected.
    """
    import json  # only JSON output and tree runs' records pay for it

    text = json.dumps(value, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True)
class TextFile:
    """A decoded text file and what is needed to write it back byte for byte."""

    path: str
    text: str
    bom: bool = False

    def encode(self, text: str | None = None) -> bytes:
        """Encode ``text`` (default: the file's own text) the way this file was encoded."""
        body = self.text if text is None else text
        return (BOM + body).encode("utf-8") if self.bom else body.encode("utf-8")


def decode(data: bytes, name: str = "<stdin>") -> TextFile:
    """Decode UTF-8 strictly; raise InputError naming the line and byte of the first fault.

    A NUL byte marks a binary file: no text format polyglot reads may contain one, and
    decoding it "successfully" would only produce garbage downstream.
    """
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    bom = data.startswith(_BOM_BYTES)
    if bom:
        data = data[len(_BOM_BYTES) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start + (len(_BOM_BYTES) if bom else 0)
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(f"{name}:{line}: invalid UTF-8 at byte {offset}") from None
    return TextFile(path=name, text=text, bom=bom)


def read_text(path: str | os.PathLike[str]) -> TextFile:
    """Read a UTF-8 text file, raising InputError with a one-line message on any fault."""
    name = os.fspath(path)
    with open_binary(name) as handle:
        try:
            data = handle.read()
        except OSError as err:
            raise InputError(f"{name}: cannot read: {err.strerror}") from None
    return decode(data, name)


def open_binary(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a file for reading bytes (streaming readers), or raise a one-line InputError."""
    name = os.fspath(path)
    try:
        return open(name, "rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory (use --recursive to walk it)") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read: {err.strerror}") from None


def read_lines(handle: BinaryIO, name: str, limit: int | None = None) -> Iterator[str]:
    """Decode a byte stream line by line (``\n`` ends a line), as strictly as ``decode`` does a whole file.

    A UTF-8 byte order mark is passed through as the first character (``split_bom``
    takes it off); invalid UTF-8 or a NUL byte is an ``InputError`` naming the line.

    With ``limit``, no more than about ``limit`` bytes are read at a time: a longer line
    comes in several fragments, each ending at a character boundary and only the last
    ending in ``\n``, so that a line is never held whole however long it is (what to do
    with the fragments is the reader's business: ``batch.pieces``).
    """
    offset = 0
    number = 1
    carry = b""
    size = -1 if limit is None else max(limit, 4)
    while True:
        try:
            read = handle.readline(size)
        except OSError as err:  # a device error, a folder given as standard input
            raise InputError(f"{name}: cannot read: {err.strerror or err}") from None
        raw = carry + read if carry else read
        carry = b""
        if not raw:
            return
        if read and not raw.endswith(b"\n"):
            end = _whole_characters(raw)
            raw, carry = raw[:end], raw[end:]  # a character cut by the limit waits for its other bytes
        if b"\x00" in raw:
            raise InputError(f"{name}: binary file (contains NUL bytes), not text")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"{name}:{number}: invalid UTF-8 at byte {offset + err.start}") from None
        offset += len(raw)
        if raw.endswith(b"\n"):
            number += 1
        if text:
            yield text


def _whole_characters(raw: bytes) -> int:
    """Where the last, incomplete UTF-8 sequence of ``raw`` begins (``len(raw)`` if none is cut)."""
    start = len(raw) - 1
    while start > 0 and len(raw) - start < 4 and (raw[start] & 0xC0) == 0x80:  # continuation bytes
        start -= 1
    lead = raw[start]
    need = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if 0xF0 <= lead < 0xF8 else 1
    return start if len(raw) - start < need else len(raw)


def split_bom(lines: Iterator[str]) -> tuple[bool, Iterator[str]]:
    """Take a leading byte order mark off decoded lines: (whether there was one, the lines).

    Inside text a BOM would be a stray zero-width character, so it is kept aside and
    written back first.
    """
    first = next(lines, None)
    if first is None:
        return False, iter(())
    bom = first.startswith(BOM)
    return bom, itertools.chain([first[1:] if bom else first], lines)


_STARTED = time.time()
"""When this run began: a temporary file written since may be a sibling's that is not locked yet."""

_TEMPORARY = re.compile(r"\A\.(.*)\.polyglot-([0-9a-f]{8})([0-9a-f]{8})\.tmp\Z", re.DOTALL)
"""The shape of ``temporary_name``'s names: ``.NAME.polyglot-<token><tag>.tmp``."""

_TEMPORARY_FIXED = len(".") + len(".polyglot-") + 16 + len(".tmp")
"""Bytes a temporary name adds to the part of the target's name it keeps."""


def _tag(stem: str, token: str) -> str:
    import hashlib

    return hashlib.blake2s(os.fsencode(stem) + b"\0" + token.encode("ascii"), digest_size=4).hexdigest()


def temporary_name(name: str, name_max: int = 255) -> str:
    """A name for the temporary file of a write to ``name`` that proves polyglot made it.

    ``.NAME.polyglot-<token><tag>.tmp``: a random token and a checksum of the name and
    the token, so a name someone typed in the same shape (``.notes.polyglot-backup01.tmp``)
    is not taken for one of ours (one chance in 2**32); ``is_temporary_name`` checks it.
    The target's name is cut (at a byte, kept reversible by ``os.fsdecode``) so that the
    whole stays within ``name_max`` bytes, the file system's limit, whatever the
    target's length.
    """
    import secrets

    raw = os.fsencode(name)[: max(name_max - _TEMPORARY_FIXED, 0)]
    stem = os.fsdecode(raw)
    token = secrets.token_hex(4)
    return f".{stem}.polyglot-{token}{_tag(stem, token)}.tmp"


def is_temporary_name(name: str) -> bool:
    """Whether ``name`` is one ``temporary_name`` made (its checksum holds)."""
    found = _TEMPORARY.match(name)
    return found is not None and _tag(found[1], found[2]) == found[3]


_swept: set[str] = set()


def remove_stale_temporaries(folder: str | os.PathLike[str]) -> list[str]:
    """Remove the temporary files that killed runs of polyglot left in ``folder``; return them.

    A run killed while writing (SIGKILL, a power cut) leaves its temporary file behind,
    and no later run would otherwise look at it. One is removed only when all of these
    hold, so that nothing else is ever touched: its name is one polyglot made
    (``is_temporary_name``: a checksum no one types, not merely polyglot's pattern, which
    a user's own ``.notes.polyglot-backup01.tmp`` may match), it was last written before this run began, it is
    a regular file, and no process holds its lock (a writer holds it for as long as it
    writes, and the kernel drops the locks of a process that dies).
    """
    removed: list[str] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not is_temporary_name(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(info.st_mode) or info.st_mtime >= _STARTED:
                    continue
                fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                try:
                    if _try_lock(fd, blocking=False):
                        os.unlink(entry.path)
                        removed.append(entry.path)
                finally:
                    os.close(fd)
    return removed


def _try_lock(fd: int, *, blocking: bool) -> bool:
    """Take the exclusive lock of an open file (where the platform has ``flock``)."""
    if sys.platform == "win32":
        return False  # no flock: never remove what might be another run's
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def warn(message: str) -> None:
    """Say something the user should know that is not an error: ``polyglot: message`` on stderr."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"polyglot: {message}", file=sys.stderr, flush=True)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class AtomicOutput:
    """A file written in pieces and renamed over its target only when complete.

    The one way polyglot writes a user's file: a temporary file in the target's
    directory (a rename is only atomic within one file system; named by
    ``temporary_name``, within the file system's name length, and locked while written, so that the leftovers of
    killed runs are recognised and removed by later ones), flushed to disk, then
    renamed, so a reader never sees half a file and a failed or interrupted write leaves
    the target as it was. Permission bits: the target's when it exists, otherwise those
    of ``like`` (the source of a file written elsewhere), otherwise a new file's.

    With ``compare`` (a file's path), the output notes whether the bytes written differ
    from that file's (``differs``), so an unchanged file need not be replaced; call
    ``discard`` to drop the output instead of renaming it.

    Links: a target that is a symbolic link is followed, and the file it points to is
    what gets rewritten (the link stays a link), because renaming over the link would
    turn it into a copy and leave the real file as it was. A target with other hard
    links is refused with an ``InputError`` (nothing written): a rename gives this name
    a new file and leaves the others on the old one, and rewriting the shared file in
    place could not be atomic. An unchanged (discarded) output needs no rename, so it is
    never refused.
    """

    def __init__(
        self,
        target: str | os.PathLike[str],
        *,
        like: str | os.PathLike[str] | None = None,
        compare: str | os.PathLike[str] | None = None,
    ) -> None:
        self.name = os.fspath(target)
        self.target = Path(os.path.realpath(target) if os.path.islink(target) else target)
        self.like = like
        self.compare_path = compare
        self.differs = compare is None
        self._kept = True
        self._compare: BinaryIO | None = None

    def __enter__(self) -> AtomicOutput:
        directory = self.target.parent if str(self.target.parent) else Path(".")
        name_max = 255
        with contextlib.suppress(OSError, ValueError):
            name_max = os.pathconf(directory, "PC_NAME_MAX")
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        with writing(self.name):
            while True:
                self.tmp = os.path.join(directory, temporary_name(self.target.name, name_max))
                try:
                    fd = os.open(self.tmp, flags, 0o600)
                except FileExistsError:  # another write's token: draw again
                    continue
                break
            _try_lock(fd, blocking=True)  # mine while I write it (see remove_stale_temporaries)
        if str(directory) not in _swept:  # once per folder and run: listing it is not free
            _swept.add(str(directory))
            remove_stale_temporaries(directory)
        self.handle = os.fdopen(fd, "wb")
        if self.compare_path is not None:
            try:
                self._compare = open(self.compare_path, "rb")
            except OSError:
                self.differs = True
        return self

    def write(self, data: bytes) -> None:
        with writing(self.name):
            self.handle.write(data)
        if not self.differs and self._compare is not None and self._compare.read(len(data)) != data:
            self.differs = True

    def done_writing(self) -> bool:
        """Whether the bytes written differ from the compared file's (now that all are written)."""
        if not self.differs and self._compare is not None and self._compare.read(1):
            self.differs = True  # the compared file is longer
        return self.differs

    def discard(self) -> None:
        self._kept = False

    def _mode(self) -> int:
        for path in (self.target, self.like):
            if path is not None:
                with contextlib.suppress(OSError):
                    return stat.S_IMODE(os.stat(path).st_mode)
        return _new_file_mode()

    def _keep_owner(self) -> None:
        """Give the new file the owner and group of the one it replaces, as far as allowed.

        A rewrite is a new file, which belongs to whoever writes it: as root, a file of
        65534:65534 with mode 640 would become root's and its group would lose access.
        Root may give it back to anyone; another user may only give it a group of their
        own; what cannot be kept is said (``warn``), and the write goes ahead, as
        ``sed -i`` and editors do.
        """
        try:
            old = os.stat(self.target)
        except OSError:
            return  # a new file: the writer's, as any new file
        new = os.stat(self.tmp)
        if (new.st_uid, new.st_gid) == (old.st_uid, old.st_gid):
            return
        try:
            os.chown(self.tmp, old.st_uid, old.st_gid)
            return
        except OSError:
            with contextlib.suppress(OSError):
                os.chown(self.tmp, -1, old.st_gid)
        now = os.stat(self.tmp)
        warn(
            f"{self.name}: owner and group {old.st_uid}:{old.st_gid} could not be kept (only root can give a "
            f"file away); it now belongs to {now.st_uid}:{now.st_gid}"
        )

    def _refuse_hard_links(self) -> None:
        try:
            links = os.stat(self.target).st_nlink
        except FileNotFoundError:
            return
        if links > 1:
            raise InputError(
                f"{self.name}: not rewritten: it has {links} hard links, which replacing it would split "
                "(write the result elsewhere, or make it a file of its own first)"
            )

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        try:
            with writing(self.name):
                if self._compare is not None:
                    self._compare.close()
                if kind is not None or not self._kept:
                    with contextlib.suppress(OSError):  # the write already failed, or its bytes are not wanted
                        self.handle.close()
                    os.unlink(self.tmp)
                    return
                self.handle.flush()
                os.fsync(self.handle.fileno())
                self.handle.close()
                self._refuse_hard_links()
                self._keep_owner()
                os.chmod(self.tmp, self._mode())  # after chown, which may clear set-id bits
                os.replace(self.tmp, self.target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            raise


def atomic_write(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``path`` so that the file is either wholly old or wholly new (``AtomicOutput``)."""
    with AtomicOutput(path) as out:
        out.write(data.encode("utf-8") if isinstance(data, str) else data)


def write_text_if_changed(path: str | os.PathLike[str], data: bytes | str) -> bool:
    """Atomically write ``data`` unless the file already holds exactly these bytes.

    Returns whether the file was written. Commands that regenerate files (catalogs,
    compiled artifacts) use this so that running them twice changes nothing.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with contextlib.suppress(OSError):  # absent or unreadable: write it
        if Path(path).read_bytes() == payload:
            return False
    atomic_write(path, payload)
    return True
