"""ICU's Burmese word list, read out of the ICU data this process has loaded.

ICU segments Burmese with a word list (``burmesedict``: about 41,000 words from the
public Myanmar-Karen word lists, built into ICU's data). Its ``BreakIterator`` only says
where it would break, and it glues letters it cannot find in the list onto the token
before them, so ``ညေန`` (not a word) comes back as one token just like ``ညနေ``
(evening): token boundaries cannot say whether a string *is* a word. The list itself
can, so polyglot reads it from the same data ICU uses (nothing is bundled, and it is
always the list of the ICU in use).

ICU's data formats are documented and stable (``udata.h``, ``dictionarydata.h``,
``bytestrie.h``): a common-data package is a header and a table of contents of named
items; a dictionary item is a header, eight int32 indexes and a ``BytesTrie`` in which
each code point is stored as its offset from U+1000 (U+200C/U+200D as 0xFE/0xFF). The
reader below checks every signature it relies on and raises ``DictionaryError`` rather
than guess when one differs.
"""

from __future__ import annotations

import mmap
import re
import struct
from functools import lru_cache
from pathlib import Path

COMPILED = not __file__.endswith(".py")
"""Whether this module was loaded from the extension Cython built (see ``setup.py``)."""


class DictionaryError(RuntimeError):
    """ICU's data is not where or what this reader expects."""


_ICU_DATA_FILE = re.compile(r"/(libicudata[^/]*\.so[^/]*|icudt\d+[lb]\.dat)$")


def _icu_data_path() -> Path:
    """The ICU data file mapped into this process (PyICU loads it on import)."""
    import icu  # noqa: F401 - imported for its side effect: ICU's data is loaded

    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise DictionaryError(f"cannot list this process's libraries ({err}); ICU's data file is needed") from err
    for line in maps.splitlines():
        fields = line.split(maxsplit=5)  # address, perms, offset, device, inode, path
        path = fields[5] if len(fields) == 6 else ""
        if path.endswith(" (deleted)") and _ICU_DATA_FILE.search(path.removesuffix(" (deleted)")):
            raise DictionaryError(f"{path.removesuffix(' (deleted)')} was replaced while polyglot ran; run it again")
        if _ICU_DATA_FILE.search(path):
            return Path(path)
    raise DictionaryError("ICU's data (libicudata) is not loaded in this process")


def _header_size(data: mmap.mmap | bytes, at: int, data_format: bytes) -> int:
    """Check an ICU data header (``udata.h``: size, magic 0xDA27, little-endian, format)."""
    size: int
    size, magic1, magic2 = struct.unpack_from("<HBB", data, at)
    big_endian = data[at + 8]
    if (magic1, magic2) != (0xDA, 0x27) or big_endian or data[at + 12 : at + 16] != data_format:
        raise DictionaryError(f"ICU data item at {at} is not a little-endian {data_format.decode()} item")
    return size


def _package_item(data: mmap.mmap, name: str) -> int:
    """Where the item ``name`` (e.g. ``brkitr/burmesedict.dict``) starts in a common-data package."""
    start = data.find(b"CmnD")
    if start < 12:
        raise DictionaryError("no ICU common data package found in ICU's data file")
    header = start - 12
    toc = header + _header_size(data, header, b"CmnD")
    (count,) = struct.unpack_from("<I", data, toc)
    suffix = ("/" + name).encode()
    for k in range(count):
        name_offset: int
        data_offset: int
        name_offset, data_offset = struct.unpack_from("<II", data, toc + 4 + 8 * k)
        end = data.find(b"\0", toc + name_offset)
        if data[toc + name_offset : end].endswith(suffix):
            return toc + data_offset
    raise DictionaryError(f"ICU's data has no {name}")


# BytesTrie encoding constants (ICU bytestrie.h).
_MIN_LINEAR_MATCH = 0x10
_MIN_VALUE_LEAD = 0x20
_MAX_BRANCH_LINEAR_SUB_NODE_LENGTH = 5


def _value(trie: bytes, pos: int, node: int) -> tuple[int, int]:
    """A value (or jump delta) whose lead is ``node >> 1``: (value, position after it)."""
    lead = node >> 1
    if lead < 0x51:
        return lead - 0x10, pos
    if lead < 0x6C:
        return ((lead - 0x51) << 8) | trie[pos], pos + 1
    if lead < 0x7E:
        return ((lead - 0x6C) << 16) | (trie[pos] << 8) | trie[pos + 1], pos + 2
    if lead == 0x7E:
        return (trie[pos] << 16) | (trie[pos + 1] << 8) | trie[pos + 2], pos + 3
    return (trie[pos] << 24) | (trie[pos + 1] << 16) | (trie[pos + 2] << 8) | trie[pos + 3], pos + 4


def _delta(trie: bytes, pos: int) -> tuple[int, int]:
    """A branch's jump delta: (delta, position after it)."""
    lead = trie[pos]
    pos += 1
    if lead < 0xC0:
        return lead, pos
    if lead < 0xF0:
        return ((lead - 0xC0) << 8) | trie[pos], pos + 1
    if lead < 0xFE:
        return ((lead - 0xF0) << 16) | (trie[pos] << 8) | trie[pos + 1], pos + 2
    if lead == 0xFE:
        return (trie[pos] << 16) | (trie[pos + 1] << 8) | trie[pos + 2], pos + 3
    return (trie[pos] << 24) | (trie[pos + 1] << 16) | (trie[pos + 2] << 8) | trie[pos + 3], pos + 4


def trie_keys(trie: bytes) -> list[bytes]:
    """Every byte string stored in an ICU ``BytesTrie``, in no particular order.

    One loop over an explicit stack of places still to read: a node (``edges`` 0), where
    linear matches extend the bytes so far and values end a key; or a branch with
    ``edges`` edges, whose large halves are split by a comparison byte and whose small
    lists give each edge's byte and either a final value (a key ends) or a jump to the
    node that continues it. Compiled (``dictionary.pxd``): reading the 41,000 words of
    ICU's list is the largest part of a short Burmese input's start-up.
    """
    keys: list[bytes] = []
    stack: list[tuple[int, bytes, int]] = [(0, b"", 0)]  # (position, bytes so far, edges)
    while stack:
        pos, prefix, edges = stack.pop()
        if edges:
            while edges > _MAX_BRANCH_LINEAR_SUB_NODE_LENGTH:
                delta, after = _delta(trie, pos + 1)  # pos: the comparison byte
                stack.append((after + delta, prefix, edges >> 1))  # the less-than half
                edges -= edges >> 1
                pos = after
            for _ in range(edges - 1):
                key = prefix + trie[pos : pos + 1]
                node = trie[pos + 1]
                value, pos = _value(trie, pos + 2, node)
                if node & 1:  # the edge's byte ends a stored string
                    keys.append(key)
                else:
                    stack.append((pos + value, key, 0))
            stack.append((pos + 1, prefix + trie[pos : pos + 1], 0))  # the last edge: its node follows
            continue
        while True:
            node = trie[pos]
            pos += 1
            if node >= _MIN_VALUE_LEAD:  # a value: the bytes so far are a key
                keys.append(prefix)
                if node & 1:  # final: nothing continues from here
                    break
                _, pos = _value(trie, pos, node)
            elif node >= _MIN_LINEAR_MATCH:  # a run of bytes every key here shares
                length = node - _MIN_LINEAR_MATCH + 1
                prefix += trie[pos : pos + length]
                pos += length
            else:  # a branch on the next byte
                length = node or trie[pos]
                pos += 0 if node else 1
                stack.append((pos, prefix, length + 1))
                break
    return keys


_TRANSFORM_TYPE_OFFSET = 0x01000000
_TRANSFORM_OFFSET_MASK = 0x001FFFFF


def _byte_table(offset: int) -> dict[int, str]:
    """Each trie byte (read as a Latin-1 character) to its code point: ``offset`` + byte,
    but 0xFE and 0xFF are ZWNJ and ZWJ (``BytesDictionaryMatcher::transform``)."""
    table = {b: chr(offset + b) for b in range(0xFE)}
    table.update({0xFE: "\u200c", 0xFF: "\u200d"})
    return table


@lru_cache(maxsize=1)
def icu_burmese_words() -> frozenset[str]:
    """Every entry of ICU's Burmese word list, as ICU stores it (unfiltered)."""
    with open(_icu_data_path(), "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        item = _package_item(data, "brkitr/burmesedict.dict")
        indexes_at = item + _header_size(data, item, b"Dict")
        trie_offset, _, _, total_size, trie_type, transform, _, _ = struct.unpack_from("<8i", data, indexes_at)
        if trie_type & 7 != 0 or transform & ~_TRANSFORM_OFFSET_MASK != _TRANSFORM_TYPE_OFFSET:
            raise DictionaryError(f"ICU's Burmese dictionary has an unknown layout ({trie_type:#x}, {transform:#x})")
        trie = bytes(data[indexes_at + trie_offset : indexes_at + total_size])
    table = _byte_table(transform & _TRANSFORM_OFFSET_MASK)
    return frozenset(key.decode("latin-1").translate(table) for key in trie_keys(trie) if key)
