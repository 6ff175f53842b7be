"""Zip containers (Office Open XML, OpenDocument): read with limits, written back entry for entry.

What is refused, with one line naming the file (``PackageError``), before anything is
written:

* an Office file saved with a password: Office encrypts the whole package into an OLE
  compound file (not a zip), and a zip entry may itself be encrypted;
* a file that is not a zip at all, or a corrupt or truncated one;
* a zip bomb: an entry polyglot would read that unpacks to more than ``PART_LIMIT``
  bytes (all of them together, ``TOTAL_LIMIT``), or to more than ``RATIO_LIMIT`` times
  its packed size beyond a megabyte
  (real XML packs about ten to one; a bomb, thousands to one). Sizes are checked
  as read, not only as declared, since a header can lie.

Writing keeps the entries and their order, and copies every entry polyglot did not change
as it is stored (its local header and compressed bytes, never unpacked: an untouched
video or a bomb among the media costs nothing), so the ``mimetype`` entry of an
OpenDocument file stays first and stored. A changed entry keeps its header (name, date,
attributes, extra fields, compression method) with new sizes and checksum; the central
directory is the original's with new offsets. ZIP64 packages (over 4 GiB) are refused.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

PART_LIMIT = 256 << 20
"""The most an XML part may unpack to (a 500 MB sheet is refused, not read into memory)."""

TOTAL_LIMIT = 512 << 20
"""The most all the parts read from one package may unpack to together."""

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
    data: bytes
    unpacked: int = 0
    """How many bytes the parts read so far unpacked to."""

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
        if len(infos) >= 0xFFFF or any(max(i.file_size, i.compress_size, i.header_offset) >= 0xFFFFFFFF for i in infos):
            raise PackageError("is a ZIP64 archive (over 4 GiB or 65,535 entries): too large to edit safely")
        return cls(infos, archive, data)

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
        self.unpacked += size
        if self.unpacked > TOTAL_LIMIT:
            raise PackageError(
                f"unpacks to more than {TOTAL_LIMIT >> 20} MiB of text parts: refused (too large to edit safely)"
            )
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
        """The package with the ``replaced`` entries' new bytes, every other entry copied as stored, in order."""
        src = self.data
        end_record = src.rfind(b"PK\x05\x06")
        if end_record < 0:
            raise PackageError("is a corrupt zip archive (no end of central directory)")
        (size,) = struct.unpack_from("<I", src, end_record + 12)
        directory = end_record - size  # where the central directory starts, whatever precedes the zip
        out = bytearray()
        central = bytearray()
        at = directory
        for info in self.infos:  # zipfile lists entries in central directory order
            names, extra, comment = struct.unpack_from("<HHH", src, at + 28)
            record = bytearray(src[at : at + 46 + names + extra + comment])
            at += len(record)
            local = info.header_offset
            local_names, local_extra = struct.unpack_from("<HH", src, local + 26)
            header = bytearray(src[local : local + 30 + local_names + local_extra])
            start = len(out)
            if info.filename in replaced:
                data = replaced[info.filename]
                stored = info.compress_type == zipfile.ZIP_STORED
                if stored:
                    packed = data
                else:
                    deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
                    packed = deflate.compress(data) + deflate.flush()
                method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                flags = info.flag_bits & ~0x08  # sizes in the header, no data descriptor
                sizes = (zlib.crc32(data), len(packed), len(data))
                struct.pack_into("<HH", header, 6, flags, method)
                struct.pack_into("<III", header, 14, *sizes)
                struct.pack_into("<HH", record, 8, flags, method)
                struct.pack_into("<III", record, 16, *sizes)
                out += header + packed
            else:
                end = local + len(header) + info.compress_size
                if info.flag_bits & 0x08:  # a data descriptor follows, with or without its signature
                    end += 16 if src[end : end + 4] == b"PK\x07\x08" else 12
                out += src[local:end]
            struct.pack_into("<I", record, 42, start)
            central += record
        (comment_length,) = struct.unpack_from("<H", src, end_record + 20)
        closing = bytearray(src[end_record : end_record + 22 + comment_length])
        struct.pack_into("<HHII", closing, 8, len(self.infos), len(self.infos), len(central), len(out))
        return bytes(out + central + closing)
