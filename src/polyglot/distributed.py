"""Normalize corpora larger than one machine with Dask (``pip install 'polyglot[dask]'``).

The normalize core is a pure function of a block of lines (``polyglot.batch``), so it
maps onto any engine that can hand a worker a file or a stream of lines. Two entry
points, both running exactly the code ``polyglot normalize`` runs:

``normalize_files(sources, out_dir)``
    A ``dask.bag`` of files: each worker streams one file through
    ``batch.stream.normalize_file`` into ``out_dir`` (atomic write, bounded memory). The
    output is byte for byte what ``polyglot normalize -r DIR --out DIR2`` writes. The
    workers need the sources and ``out_dir`` on a shared file system.

``normalize_lines(bag)``
    For a bag of lines you already have, e.g. from
    ``dask.bag.read_text(urls, linedelimiter="\\n")`` (that delimiter keeps each
    line's own ending, ``\\r\\n`` included). Each partition is normalized in blocks of
    ``block_lines`` lines, so a partition that is one whole file
    (``blocksize=None``, the default) gives exactly the single-process output; with
    ``blocksize`` set, blocks restart at partition boundaries (context is local).

Example, on a cluster or Dask's local scheduler::

    import dask.bag as db
    from polyglot.distributed import normalize_files, normalize_lines

    normalize_files(["archive/2019.txt", "archive/2020.txt"], "clean/", root="archive")
    text = "".join(normalize_lines(db.read_text("archive/*.txt", linedelimiter="\\n")).compute())
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from polyglot.batch.block import BLOCK_LINES, Options, blocks, normalize_block
from polyglot.batch.stream import FileReport, normalize_file
from polyglot.files import BOM, split_bom

if TYPE_CHECKING:
    import dask.bag

DEFAULTS = Options()
"""Unicode output, repairs on, encoding detected: what ``polyglot normalize`` does by default."""


def normalize_files(
    sources: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | None = None,
    options: Options = DEFAULTS,
    block_lines: int = BLOCK_LINES,
    scheduler: str | None = None,
) -> list[FileReport]:
    """Normalize each file on a Dask worker into ``out_dir``; return the reports, in order.

    Each output keeps its path relative to ``root`` (default: the file's own folder,
    so only its name). ``scheduler`` is passed to ``compute`` (``"processes"``,
    ``"threads"``, ``"sync"``, or None for the current default / distributed client).
    """
    import dask.bag as db

    jobs = []
    for source in sources:
        path = Path(source)
        relative = path.relative_to(root) if root is not None else Path(path.name)
        jobs.append((str(path), str(Path(out_dir) / relative), options, block_lines))
    if not jobs:
        return []
    bag = db.from_sequence(jobs, npartitions=len(jobs)).map(_normalize_one)
    return list(bag.compute(scheduler=scheduler))


def _normalize_one(job: tuple[str, str, Options, int]) -> FileReport:
    source, destination, options, block_lines = job
    return normalize_file(source, destination, options, block_lines=block_lines)


def normalize_lines(
    lines: dask.bag.Bag, options: Options = DEFAULTS, *, block_lines: int = BLOCK_LINES
) -> dask.bag.Bag:
    """A bag of the normalized lines (each with its own line ending), partition by partition."""
    return lines.map_partitions(_normalize_partition, options, block_lines)


def _normalize_partition(lines: Iterable[str], options: Options, block_lines: int) -> list[str]:
    """One partition through the same blocks as ``polyglot normalize``, lines put back whole.

    A byte order mark (only ever at the start of a file) is kept aside as the streaming
    reader does, then given back.
    """
    bom, it = split_bom(iter(lines))
    out: list[str] = []
    held: list[str] = []  # the start of a long line cut across blocks
    for text in blocks(it, block_lines):
        done = _split_lines(normalize_block(text, options).text)
        if held and done:
            done[0] = "".join([*held, done[0]])
            held = []
        if done and not done[-1].endswith("\n"):
            held.append(done.pop())
        out.extend(done)
    if held:
        out.append("".join(held))
    if bom:
        out[:1] = [BOM + "".join(out[:1])]  # a partition of one empty line keeps its BOM too
    return out


def _split_lines(text: str) -> list[str]:
    """Lines with their endings, split at ``\\n`` only (as the input was)."""
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out
