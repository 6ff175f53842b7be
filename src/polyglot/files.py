"""The one place where polyglot touches files.

Everything that reads or writes user files goes through here, so that every command
behaves the same way on bad input:

* decoding is strict: invalid UTF-8 is an error that names the file, line and byte,
  never a silent replacement character;
* a binary file, a missing file or a directory is a one-line error, not a traceback;
* a UTF-8 byte order mark is remembered and written back; line endings are never
  touched, because the text is handled with its newlines exactly as they were read;
* writes are atomic: a temporary file in the same directory, flushed to disk, then
  renamed over the target, so a reader never sees half a file and a failed write
  leaves the original intact. The original's permission bits are kept.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

BOM = "\ufeff"
_BOM_BYTES = BOM.encode("utf-8")


class InputError(Exception):
    """Bad input that the user must fix: the message is one line naming file and line."""


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


def atomic_write(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``path`` so that the file is either wholly old or wholly new.

    The temporary file lives in the target's directory (a rename is only atomic within
    one file system) and inherits the target's permission bits when it exists.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise InputError(f"{target}: cannot write: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"{target}: cannot write: {err.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


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
