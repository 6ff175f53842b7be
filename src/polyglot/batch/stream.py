"""A byte stream or a file through the blocks: read line by line, written block by block, atomically."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from polyglot.batch.block import BLOCK_LINES, NormalizedBlock, Options, blocks, normalize_blocks
from polyglot.burmese.diagnose import Diagnostic
from polyglot.documents import input_kind, normalize_document_file
from polyglot.files import BOM, AtomicOutput, open_binary, read_lines, split_bom

READ_BYTES = 1 << 16
"""How many bytes of a line are read at a time (a longer line comes in fragments)."""


def stream_blocks(
    handle: BinaryIO,
    name: str,
    options: Options = Options(),
    *,
    jobs: int = 1,
    block_lines: int = BLOCK_LINES,
    explain: bool = False,
) -> tuple[bool, Iterator[NormalizedBlock]]:
    """Read UTF-8 lines from ``handle`` and normalize them block by block, lazily.

    A line is read in fragments of ``READ_BYTES`` and a long one cut into pieces
    (``blocks``), so memory is bounded by the block, never by the longest line.

    Returns whether the input began with a byte order mark (kept out of the blocks: the
    writer puts it back first) and the blocks.
    """
    bom, lines = split_bom(read_lines(handle, name, READ_BYTES))
    return bom, normalize_blocks(blocks(lines, block_lines), options, jobs=jobs, explain=explain)


def normalize_stream(
    handle: BinaryIO,
    name: str,
    write: Callable[[bytes], object],
    options: Options = Options(),
    *,
    jobs: int = 1,
    block_lines: int = BLOCK_LINES,
    on_diagnostics: Callable[[list[Diagnostic]], None] | None = None,
) -> tuple[Diagnostic, ...]:
    """Read UTF-8 lines from ``handle``, ``write`` the normalized bytes block by block.

    Diagnostics count lines in the whole stream; with ``on_diagnostics`` each block's go
    there as soon as it is done and none are kept (so memory stays bounded however many
    there are), otherwise they are returned.
    """
    bom, results = stream_blocks(handle, name, options, jobs=jobs, block_lines=block_lines)
    if bom:
        write(BOM.encode("utf-8"))
    diagnostics: list[Diagnostic] = []
    for block in results:
        write(block.text.encode("utf-8"))
        if on_diagnostics is None:
            diagnostics.extend(block.diagnostics)
        elif block.diagnostics:
            on_diagnostics(list(block.diagnostics))
    return tuple(diagnostics)


@dataclass(frozen=True)
class FileReport:
    """What normalizing one file did (picklable: it comes back from worker processes)."""

    path: str
    changed: bool
    diagnostics: tuple[Diagnostic, ...]
    """The first ``REPORT_LIMIT`` diagnostics (all of them with ``on_diagnostics``: none)."""
    size: int
    diagnostic_count: int = 0
    """How many diagnostics the file has in all."""


REPORT_LIMIT = 1000
"""Diagnostics a file's report carries back from a worker; the rest are counted, so that a
huge, badly damaged file cannot fill the memory with messages."""


def normalize_file(
    source: str | os.PathLike[str],
    destination: str | os.PathLike[str] | None = None,
    options: Options = Options(),
    *,
    jobs: int = 1,
    block_lines: int = BLOCK_LINES,
    on_block: Callable[[int], None] | None = None,
    on_diagnostics: Callable[[list[Diagnostic]], None] | None = None,
) -> FileReport:
    """Stream ``source`` through ``normalize_blocks`` into ``destination`` (default: in place).

    The output goes to a temporary file beside the destination and is renamed over it
    only when complete, so an interrupted or failed run leaves the destination as it
    was. An unchanged file is not rewritten in place. Only one block is held in memory
    at a time (per worker with ``jobs`` > 1). ``on_block`` hears how many bytes each
    block wrote (for a progress bar); ``on_diagnostics`` hears each block's diagnostics
    (otherwise the report keeps the first ``REPORT_LIMIT``).
    """
    if input_kind(source) is not None:  # a Word, Excel … document, HTML, subtitles or a PDF
        return normalize_document_file(source, destination, options)
    name = os.fspath(source)
    kept: list[Diagnostic] = []
    count = 0

    def found(diagnostics: list[Diagnostic]) -> None:
        nonlocal count
        count += len(diagnostics)
        if on_diagnostics is not None:
            on_diagnostics(diagnostics)
        else:
            kept.extend(diagnostics[: max(REPORT_LIMIT - len(kept), 0)])

    target = Path(destination if destination is not None else source)
    handle = open_binary(name)
    if destination is not None:
        with contextlib.suppress(OSError):  # a folder that cannot be made is reported by the write
            target.parent.mkdir(parents=True, exist_ok=True)
    with handle, AtomicOutput(target, like=name, compare=name) as out:

        def write(data: bytes) -> None:
            out.write(data)
            if on_block:
                on_block(len(data))

        normalize_stream(handle, name, write, options, jobs=jobs, block_lines=block_lines, on_diagnostics=found)
        if not out.done_writing() and destination is None:
            out.discard()  # in place and nothing changed: leave the file (and its mtime) alone
    return FileReport(name, out.differs, tuple(kept), os.path.getsize(target), count)
