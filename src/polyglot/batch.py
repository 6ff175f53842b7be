"""Normalize large inputs: streamed in blocks of lines, on several processes, restartable.

``normalize_text`` takes a whole document as context: a short Burmese run follows the
encoding of the document's clear runs, and repairs of PDF damage are decided per
document. A whole archive cannot be one document (reading a file costs about four
times its size in memory), so here input is cut into **blocks** of lines
(``BLOCK_LINES``, and at most ``BLOCK_CHARS`` characters) and each block is normalized
by ``normalize_text`` as a document of its own. Everything ``polyglot normalize``
shows (the text, ``--check``, ``--diff``, ``--explain``, ``--format json``) comes from
these blocks, so what it reports is what it writes.

The trade-off: a block's context is the block. For any file shorter than one block
(every announcement, most posts) the output is exactly ``normalize_text``'s on the
file. In a longer file a short, unclear run is judged by the few thousand lines around
it rather than by the whole file, and a lost-letter repair needs its evidence within
one block. In exchange, memory stays bounded (a block, not a file) whatever the input's
size, and blocks can go to different processes.

**Long lines.** A block of whole lines is only bounded if its lines are, and one line
can hold megabytes (a dump written without line breaks, a paste out of a PDF). A line
longer than ``LINE_CHARS`` is therefore cut into **pieces** (``pieces``), read in
bounded fragments so that it is never held whole (``files.read_lines``), and each
piece ends its block: a piece is a document of its own, like a block, with the same
trade-off. Where a line is cut decides whether anything but the context changes, so a
cut is made, in the second half of the piece's room, at the last of these places
(``clean_cut``):

* after a line separator other than ``\n`` (``\f``, U+2028 …): no run crosses one;
* between two characters no Myanmar run can hold (letters of other scripts,
  punctuation, digits): both sides are outside every run, which nothing changes;
* before the spaces between two Burmese phrases: a space is a phrase boundary in
  Burmese, every word is whole on its side, and no rule looks across such a space
  when the letter before it ends a syllable and the one after it begins one (not a
  mark, not Zawgyi's pre-base vowel E or medial RA, no zero-width or lost-glyph
  character on either side: those are the places repairs and the zero-width-space
  rule look across).

So the words, conversions and repairs on each side of a clean cut are exactly those
of the whole line; what may differ is only what a document decides (the encoding prior
of unclear runs, the repair evidence), now taken from the piece's tens of thousands of
characters rather than the line's millions. A stretch of half a piece with none of
these places is not text anyone wrote (Burmese puts a space between phrases every few
dozen characters); it is cut at the last Myanmar syllable boundary, or failing that at
the piece's end, and the cut is reported (``line-cut``, at its line and column) because
there the two sides may be normalized differently than the whole would be.

Lines and columns in everything reported (diagnostics, ``--explain``, ``--format
json``) count in the whole input: a block that begins inside a line knows how many
characters of that line came before it (``Block.first_column``).

This module holds no decision of its own (those are all in ``normalize_text``): only
blocks, streams, worker pools, and for a tree of files, its walk and the record of
finished files, so that an interrupted run resumes where it stopped. Files are read and
written through ``polyglot.files`` (line by line, atomically).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from polyglot.burmese.changes import Change
from polyglot.burmese.chars import (
    BASES,
    LOST_GLYPHS,
    MYANMAR_BLOCKS,
    ZAWGYI_PREBASE,
    char_class,
    myanmar_chars,
    needs_base,
)
from polyglot.burmese.diagnose import Diagnostic
from polyglot.burmese.pipeline import Source, Target, normalize_text
from polyglot.burmese.segment import myanmar_segments
from polyglot.files import BOM, AtomicOutput, InputError, json_line, open_binary, read_lines, split_bom, writing
from polyglot.patterns import lazy_compile

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

BLOCK_LINES = 2000
"""Lines per block: enough context for detection (hundreds of Burmese runs), small
enough that a block's working memory is a few megabytes."""

BLOCK_CHARS = 1 << 20
"""A block also ends once it holds this many characters (files with very long lines)."""

LINE_CHARS = 1 << 16
"""A line longer than this many characters is cut into pieces of at most this many, each
a document of its own: tens of thousands of words of context, and working memory of a few
tens of megabytes, whatever the line's length."""

READ_BYTES = 1 << 16
"""How many bytes of a line are read at a time (a longer line comes in fragments)."""


def ledger_folder() -> Path:
    """Where tree runs keep their records of finished files: the user's cache, not the
    tree (a user's archive should not gain files it did not have)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "polyglot" / "normalize"


@dataclass(frozen=True)
class Options:
    """What to produce: the target encoding, and whether to repair PDF damage."""

    target: Target = "unicode"
    repair: bool = True
    source: Source = "auto"
    """``auto`` detects; ``zawgyi`` or ``unicode`` is the user's word for the input's encoding."""


@dataclass(frozen=True)
class BlockResult:
    """A normalized block: its text, diagnostics and (when explained) changes; lines relative to the block."""

    text: str
    diagnostics: tuple[Diagnostic, ...] = ()
    changes: tuple[Change, ...] = ()


def normalize_block(text: str, options: Options = Options(), *, explain: bool = False) -> BlockResult:
    """``normalize_text`` on one block, as one document (picklable result, for worker processes)."""
    result = normalize_text(text, target=options.target, repair=options.repair, source=options.source, explain=explain)
    return BlockResult(result.text, tuple(result.diagnostics), tuple(result.changes))


_MY = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in MYANMAR_BLOCKS)
_ZW = "\u200b\u200c\u200d\u2060\ufeff"
_PREBASE = char_class(ZAWGYI_PREBASE)
_MARK = char_class(myanmar_chars(lambda ch: needs_base(ch, "unicode") or needs_base(ch, "zawgyi")))
_ENDS_SYLLABLE = f"[^\\s{_ZW}{LOST_GLYPHS}{_PREBASE}\u1039]"
"""May end a piece before a space: not whitespace, a zero-width or lost-glyph character,
Zawgyi's pre-base E or medial RA, or a virama (which stacks the letter after it)."""
_BEGINS_SYLLABLE = f"[^\\s{_ZW}{LOST_GLYPHS}{_PREBASE}{_MARK}]"
"""May begin the piece after the spaces: not a mark in either encoding, nor a pre-base."""
_OUTSIDE_RUNS = f"[^\\s{_MY}{_ZW}{LOST_GLYPHS}]"
"""A character no Myanmar run holds (``segment.MYANMAR_RUN``)."""
_CUTS = (
    "(?<=[\\r\\v\\f\\x1c-\\x1e\\x85\\u2028\\u2029])(?=[^\\n])"
    f"|(?<={_OUTSIDE_RUNS})(?={_OUTSIDE_RUNS})"
    f"|(?<={_ENDS_SYLLABLE})(?=[ \\t]{{1,64}}{_BEGINS_SYLLABLE})"
)
_CLEAN_CUT = lazy_compile(_CUTS)
_LAST_CLEAN_CUT = lazy_compile(f"(?s:.*)(?:{_CUTS})")
_LAST_SYLLABLE_START = lazy_compile(f"(?s:.*)(?<=[^\\s{_PREBASE}\u1039])(?=[{char_class(BASES)}][^\u1039\u103a])")
"""Before a letter that is not killed (its syllable's first letter), not after a virama
or a Zawgyi pre-base mark: a syllable boundary in either encoding."""


def clean_cut(before: str, after: str) -> bool:
    """Is the place between ``before`` and ``after`` one of ``pieces``' clean cuts?"""
    found = _CLEAN_CUT.match(before[-1:] + after[:66], min(len(before), 1)) is not None
    return found and _keeps_language(before, after)


def _keeps_language(before: str, after: str) -> bool:
    """Does a cut between ``before`` and ``after`` leave the run it splits (if any) in its
    language on both sides (``language.cut_keeps_language``)? Only the run that ends
    ``before`` and the one that begins ``after`` past its spaces can be one run."""
    from polyglot.burmese.language import cut_keeps_language  # loaded with detection, for Burmese only

    left = next(reversed(list(myanmar_segments(before))), None)
    right = next(iter(myanmar_segments(after)), None)
    if left is None or right is None or left.end != len(before) or after[: right.start].strip(" \t"):
        return True
    return cut_keeps_language(left.text, after[: right.end])


MAX_LANGUAGE_RETRIES = 64
"""Clean places tried, from the last back, for one whose run keeps its language on both
sides; past that (a run of another language thousands of words long with a Burmese
stretch in it) the last one is taken."""


def cut_line(text: str, start: int, end: int) -> int:
    """Where to cut ``text`` in ``(start, end]``: at the last clean cut (``clean_cut``),
    else at the last syllable boundary, else at ``end``."""
    found = _LAST_CLEAN_CUT.match(text, start + 1, end + 1)
    last, tries = found, 0
    while found is not None and tries < MAX_LANGUAGE_RETRIES:
        cut = found.end()
        if _keeps_language(text[start:cut], text[cut : cut + end - start]):
            break
        found, tries = _LAST_CLEAN_CUT.match(text, start + 1, cut - 1), tries + 1
    if found is None or tries == MAX_LANGUAGE_RETRIES:
        found = last
    if found is None:
        found = _LAST_SYLLABLE_START.match(text, start + 1, end + 1)
    return found.end() if found is not None else end


def pieces(lines: Iterable[str], line_chars: int | None = None) -> Iterator[str]:
    """Lines as they are, and a line longer than ``line_chars`` in pieces (see the module).

    ``lines`` may come in fragments (``files.read_lines`` with a limit): text without a
    ``\n`` is continued by the next. A piece is at most ``line_chars`` characters and,
    but for a line's last, at least half that; only a line's last piece ends in ``\n``.
    ``line_chars`` defaults to ``LINE_CHARS``.
    """
    line_chars = LINE_CHARS if line_chars is None else line_chars
    held: list[str] = []
    size = 0
    for line in lines:
        if not held and len(line) <= line_chars and line.endswith("\n"):
            yield line  # a whole line that fits: as it was
            continue
        held.append(line)
        size += len(line)
        if size > line_chars:
            text = "".join(held)
            start = 0
            while len(text) - start > line_chars:
                cut = cut_line(text, start + line_chars // 2, start + line_chars)
                yield text[start:cut]
                start = cut
            held, size = [text[start:]], len(text) - start
        if line.endswith("\n"):
            yield "".join(held)
            held, size = [], 0
    if held:
        yield "".join(held)


def blocks(
    lines: Iterable[str],
    block_lines: int = BLOCK_LINES,
    block_chars: int = BLOCK_CHARS,
    line_chars: int | None = None,
) -> Iterator[str]:
    """Group lines (each with its own line ending, or in fragments) into blocks of whole lines.

    A line longer than ``line_chars`` is cut (``pieces``), and each of its pieces ends
    its block, so that no block holds more than ``block_chars + line_chars`` characters.
    """
    block: list[str] = []
    size = 0
    for piece in pieces(lines, line_chars):
        block.append(piece)
        size += len(piece)
        if len(block) >= block_lines or size >= block_chars or not piece.endswith("\n"):
            yield "".join(block)
            block, size = [], 0
    if block:
        yield "".join(block)


@dataclass(frozen=True)
class Block:
    """A block of the input and what normalizing it gave, lines counted in the whole input."""

    first_line: int
    """How many lines come before this block."""
    source: str
    text: str
    diagnostics: tuple[Diagnostic, ...]
    changes: tuple[Change, ...]
    first_column: int = 0
    """How many characters of its first line come before this block (a piece of a long line)."""

    @property
    def changed(self) -> bool:
        return self.text != self.source


def _placed(first: int, column: int, source: str, result: BlockResult, cut: Diagnostic | None = None) -> Block:
    """A block's result with its lines (and, on its first line, columns) counted in the whole input."""
    if not first and not column and cut is None:
        return Block(0, source, result.text, result.diagnostics, result.changes)

    def shift(line: int, col: int) -> tuple[int, int]:
        return line + first, col + column if line == 1 else col

    diagnostics = tuple(
        Diagnostic(*shift(d.line, d.column), d.code, d.message, d.suggestion) for d in result.diagnostics
    )
    changes = tuple(
        Change(c.kind, c.rule, *shift(c.line, c.column), c.before, c.after, c.reason, c.evidence)
        for c in result.changes
    )
    if cut is not None:
        diagnostics = (cut, *diagnostics)
    return Block(first, source, result.text, diagnostics, changes, column)


def line_cut(line: int, column: int) -> Diagnostic:
    """The report of a long line cut where ``pieces`` found no clean place: inside Burmese text."""
    return Diagnostic(
        line,
        column,
        "line-cut",
        f"this line was cut here, inside Burmese text (no space or other clean place for {LINE_CHARS // 2:,} "
        "characters), to keep memory bounded; the text on either side was normalized on its own",
        "check the text around it; a line break between sentences avoids the cut",
    )


def _die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the process that started it dies.

    A worker blocked on its queue never notices a parent killed with SIGKILL, and would
    go on holding memory (and a core) for nothing; on Linux the kernel is asked to send
    SIGTERM on the parent's death (``prctl(PR_SET_PDEATHSIG)``), and a parent already
    gone by then (the worker is adopted) ends the worker at once.
    """
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>."""


def _pool(jobs: int) -> ProcessPoolExecutor:
    """The one way worker processes are started: ``jobs`` of them, each ending with its parent."""
    from concurrent.futures import ProcessPoolExecutor  # not paid for by one-process runs

    return ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),))


def _run_block(args: tuple[str, Options, bool]) -> BlockResult:
    text, options, explain = args
    return normalize_block(text, options, explain=explain)


def normalize_blocks(
    texts: Iterable[str], options: Options = Options(), *, jobs: int = 1, explain: bool = False
) -> Iterator[Block]:
    """Normalize blocks in order, each as a document of its own.

    With ``jobs`` > 1 the blocks go to worker processes, at most two per worker in
    flight, so memory stays bounded however long the input.
    """
    first_line = first_column = 0
    before = ""

    def numbered(results: Iterable[tuple[str, BlockResult]]) -> Iterator[Block]:
        nonlocal first_line, first_column, before
        for text, result in results:
            cut = None
            if first_column and not clean_cut(before, text):
                cut = line_cut(first_line + 1, first_column + 1)
            yield _placed(first_line, first_column, text, result, cut)
            newlines = text.count("\n")
            first_column = len(text) - text.rfind("\n") - 1 if newlines else first_column + len(text)
            first_line += newlines
            before = text[-1:]

    if jobs <= 1:
        yield from numbered((t, _run_block((t, options, explain))) for t in texts)
        return
    with _pool(jobs) as pool:
        pending: deque[tuple[str, Future[BlockResult]]] = deque()

        def drain(limit: int) -> Iterator[tuple[str, BlockResult]]:
            while len(pending) > limit:
                text, future = pending.popleft()
                yield text, future.result()

        for text in texts:
            pending.append((text, pool.submit(_run_block, (text, options, explain))))
            yield from numbered(drain(2 * jobs))
        yield from numbered(drain(0))


def stream_blocks(
    handle: BinaryIO,
    name: str,
    options: Options = Options(),
    *,
    jobs: int = 1,
    block_lines: int = BLOCK_LINES,
    explain: bool = False,
) -> tuple[bool, Iterator[Block]]:
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


# --- a tree of files ------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One file of a tree: where it is read from and where its result goes."""

    source: str
    destination: str
    relative: str


def walk(root: str | os.PathLike[str], skip: str | os.PathLike[str] | None = None) -> Iterator[str]:
    """Every file under ``root``, sorted, skipping hidden files and folders: the one tree walk.

    ``skip`` is a folder left out (a run's output folder inside its own tree: walking it
    would normalize the last run's output into a folder one level deeper each time).
    """
    skipped = os.path.realpath(skip) if skip is not None else None
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and (skipped is None or os.path.realpath(os.path.join(folder, d)) != skipped)
        )
        for name in sorted(names):
            if not name.startswith("."):
                yield os.path.join(folder, name)


def plan_tree(root: str | os.PathLike[str], out: str | os.PathLike[str] | None) -> list[Job]:
    """Every file ``walk`` finds under ``root`` (but not in ``out``); written to ``out`` (or in place)."""
    base = Path(root)
    jobs = []
    for name in walk(base, out):
        path = Path(name)
        relative = path.relative_to(base).as_posix()
        destination = Path(out) / relative if out is not None else path
        jobs.append(Job(str(path), str(destination), relative))
    return jobs


class Ledger:
    """The finished files of a tree run, so that a re-run skips them.

    One JSON line per finished file, appended and flushed as each finishes, naming the
    options and the size and modification time of the source and of the result. The
    record lives in ``ledger_folder()``, one file per (tree, output folder). A file
    counts as done only while all of those still match: edit a source, or ask for other
    options, and it is done again. A line cut short by an interruption is ignored. A
    record that cannot be read counts as empty; one that cannot be written is an
    ``InputError`` naming it.
    """

    def __init__(
        self,
        root: str | os.PathLike[str],
        out: str | os.PathLike[str] | None,
        options: Options,
        folder: str | os.PathLike[str] | None = None,
    ) -> None:
        import hashlib
        import json

        where = f"{os.path.abspath(root)}\0{os.path.abspath(out) if out is not None else ''}"
        name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:24]
        self.path = Path(folder if folder is not None else ledger_folder()) / f"{name}.jsonl"
        self.key = f"{options.target}/{options.source}/{'repair' if options.repair else 'no-repair'}"
        self.done: dict[str, dict[str, object]] = {}
        lines: list[str] = []
        with contextlib.suppress(OSError):  # none yet, or unreadable: every file is to do
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        for line in lines:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                record = json.loads(line)
                self.done[record["file"]] = record

    def is_done(self, job: Job) -> bool:
        record = self.done.get(job.relative)
        return record is not None and record == self._record(job)

    def _record(self, job: Job) -> dict[str, object] | None:
        try:
            src, dst = os.stat(job.source), os.stat(job.destination)
        except OSError:
            return None
        record: dict[str, object] = {"file": job.relative, "options": self.key}
        if job.source != job.destination:
            record["source"] = [src.st_size, src.st_mtime_ns]
        record["result"] = [dst.st_size, dst.st_mtime_ns]
        return record

    def finish(self, job: Job) -> None:
        record = self._record(job)
        if record is None:
            return
        with writing(str(self.path)):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json_line(record) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        self.done[job.relative] = record


def _tree_job(args: tuple[Job, Options, int]) -> FileReport:
    job, options, block_lines = args
    in_place = job.source == job.destination
    return normalize_file(job.source, None if in_place else job.destination, options, block_lines=block_lines)


def normalize_tree(
    root: str | os.PathLike[str],
    out: str | os.PathLike[str] | None,
    options: Options = Options(),
    *,
    jobs: int = 1,
    block_lines: int = BLOCK_LINES,
    progress: Callable[[Job, FileReport | None], None] | None = None,
    errors: list[str] | None = None,
    ledger: str | os.PathLike[str] | None = None,
) -> list[FileReport]:
    """Normalize every file under ``root`` into ``out`` (or in place) on ``jobs`` processes.

    Files already finished by an earlier run with the same options (see ``Ledger``)
    are skipped and reported to ``progress`` with ``None``. Each file is written
    atomically and recorded when done, so an interrupted run can simply be re-run.
    A file that cannot be read as text or written is not recorded; with ``errors`` given, its
    message goes there and the other files still run (otherwise the ``InputError``
    propagates). ``ledger`` is the folder for the record of finished files (default:
    ``ledger_folder()``).
    """
    todo = plan_tree(root, out)
    record = Ledger(root, out, options, ledger)
    reports: list[FileReport] = []
    pending = []
    for job in todo:
        if record.is_done(job):
            if progress:
                progress(job, None)
        else:
            pending.append(job)

    recording = True

    def finished(job: Job, report: FileReport) -> None:
        nonlocal recording
        if recording:
            try:
                record.finish(job)
            except InputError as err:  # the files are still done; only a re-run redoes them
                recording = False
                failed(err)
        reports.append(report)
        if progress:
            progress(job, report)

    def failed(err: InputError) -> None:
        if errors is None:
            raise err
        errors.append(str(err))

    if jobs <= 1 or len(pending) < 2:
        for job in pending:
            try:
                report = _tree_job((job, options, block_lines))
            except InputError as err:
                failed(err)
                continue
            finished(job, report)
        return reports
    from concurrent.futures import as_completed

    with _pool(jobs) as pool:
        futures = {pool.submit(_tree_job, (job, options, block_lines)): job for job in pending}
        try:
            for future in as_completed(futures):
                try:
                    report = future.result()
                except InputError as err:
                    failed(err)
                    continue
                finished(futures[future], report)
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return reports
