"""Zip containers (Office Open XML, OpenDocument): read with limits, written back entry for entry.

What is refused, with one line naming the file (``PackageError``), before anything is
written:

* an Office file saved with a password: Office encrypts the whole package into an OLE
  compound file (not a zip), and a zip entry may itself be encrypted;
* a file that is not a zip at all, or a corrupt or truncated one;
* a zip bomb: an entry polyglot would read that unpacks to more than ``PART_LIMIT``
  bytes, or to more than ``RATIO_LIMIT`` times its packed size beyond a megabyte
  (real XML packs about ten to one; a bomb, thousands to one). Sizes are checked
  as read, not only as declared, since a header can lie.

Writing keeps the entries and their order; an entry polyglot did not change is written
with its bytes unchanged (same name, date, compression method, attributes), so the
``mimetype`` entry of an OpenDocument file stays first and stored.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

PART_LIMIT = 256 << 20
"""The most an XML part may unpack to (a 500 MB sheet is refused, not read into memory)."""

RATIO_LIMIT = 200
"""An entry unpacking to more than this many times its packed size (past 1 MiB) is a zip bomb."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class PackageError(ValueError):
    """A package polyglot refuses to read: the message says what is wrong with it."""


@dataclass
class Package:
    """The entries of a zip, in order, and the bytes of those read or replaced."""

    infos: list[zipfile.ZipInfo]
    archive: zipfile.ZipFile

    @classmethod
    def open(cls, data: bytes) -> Package:
        if data.startswith(OLE_MAGIC):
            raise PackageError(
                "is encrypted or password-protected (an OLE container, not a zip): save it without a password first"
            )
        if not data.startswith(b"PK"):
            raise PackageError("is not a zip archive, as this kind of document must be")
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            infos = archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as err:
            raise PackageError(f"is a corrupt or truncated zip archive ({err})") from None
        names = [i.filename for i in infos]
        if len(set(names)) != len(names):
            raise PackageError("is a zip archive with two entries of the same name: refused")
        for info in infos:
            if info.flag_bits & 0x1:
                raise PackageError(f"has an encrypted entry ({info.filename}): save it without a password first")
        return cls(infos, archive)

    def names(self) -> list[str]:
        return [i.filename for i in self.infos]

    def read(self, name: str) -> bytes:
        """An entry's bytes, read in bounded pieces (never more than ``PART_LIMIT``)."""
        info = self.archive.getinfo(name)
        self._check_size(info, info.file_size)
        chunks: list[bytes] = []
        size = 0
        try:
            with self.archive.open(info) as handle:
                while chunk := handle.read(1 << 20):
                    size += len(chunk)
                    self._check_size(info, size)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as err:
            raise PackageError(f"has a corrupt entry {name} ({err})") from None
        return b"".join(chunks)

    @staticmethod
    def _check_size(info: zipfile.ZipInfo, size: int) -> None:
        if size > PART_LIMIT:
            raise PackageError(
                f"has an entry {info.filename} of more than {PART_LIMIT >> 20} MiB unpacked: refused "
                "(too large to edit safely, or a zip bomb)"
            )
        if size > 1 << 20 and size > RATIO_LIMIT * max(info.compress_size, 1):
            raise PackageError(
                f"has an entry {info.filename} that unpacks to over {RATIO_LIMIT} times its size: a zip bomb, refused"
            )

    def write(self, replaced: dict[str, bytes]) -> bytes:
        """The package with the ``replaced`` entries' new bytes, every other entry as it was, in order."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in self.infos:
                data = replaced[info.filename] if info.filename in replaced else self.read(info.filename)
                copy = zipfile.ZipInfo(info.filename, info.date_time)
                copy.compress_type = info.compress_type
                copy.external_attr = info.external_attr
                copy.create_system = info.create_system
                copy.comment = info.comment
                target.writestr(copy, data)
            target.comment = self.archive.comment
        return out.getvalue()
