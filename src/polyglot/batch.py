"""Normalize large inputs: streamed in blocks of lines, fast, on several processes, restartable.

``normalize_text`` takes a whole document as context: a short Burmese run follows the
encoding of the document's clear runs, and repairs of PDF damage are decided per
document. A whole archive cannot be one document (reading a file costs about four
times its size in memory), so here input is cut into **blocks** of lines
(``BLOCK_LINES``, and at most ``BLOCK_CHARS`` characters) and each block is normalized
as a document of its own.

The trade-off: a block's context is the block. For any file shorter than one block
(every announcement, most posts) the output is exactly ``normalize_text``'s. In a
longer file a short, unclear run is judged by the few thousand lines around it rather
than by the whole file, and a lost-letter repair needs its evidence within one block.
In exchange, memory stays bounded (a block, not a file) whatever the input's size, and
blocks can go to different processes.

The **fast path** (``normalize_block``) gives exactly the text and diagnostics that
``normalize_text`` gives for the same block, with less work:

* lines without a Myanmar character are copied through: they hold no run, so they
  neither change nor inform detection or repair;
* the Markov scores of all the block's runs and phrases are computed in one numpy pass
  (``MarkovModel.prime``), bit for bit the scores the detector would compute;
* after detection, a run of clean Unicode that stays Unicode (``clean.is_clean``:
  one regular expression, sound by a property test) is copied through;
* any other run is cut at its spaces and each distinct (word, encoding, target) is
  processed once per process and kept in a plain dictionary (``_WordTable``), so a
  run costs one look-up per word. This is exact because conversion works on
  whitespace-free chunks and every normalization rule and well-formedness check looks
  only inside a whitespace-separated piece; a test and ``make bench`` compare the two
  paths on whole corpora.

A block in which a repair is planned (PDF damage, which is decided with the whole
block's evidence and needs the pipeline's bookkeeping) is handed to ``normalize_text``
whole, so the two paths never disagree.

Files are read and written line by line (never whole), written atomically to a
temporary file renamed over the target, and a run over a tree records each finished
file so that an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import json
import os
import re
import stat
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from polyglot.burmese.changes import TrackedText
from polyglot.burmese.clean import is_clean
from polyglot.burmese.convert import conversion_edits, spaced_zwsp_edits, unicode_to_zawgyi, zawgyi_to_unicode
from polyglot.burmese.detect import MIN_VOTING_PHRASE, Detection, assume_encoding, detect_segments
from polyglot.burmese.diagnose import Diagnostic, problems
from polyglot.burmese.markov import markov_model
from polyglot.burmese.normalize import RULES, canonical
from polyglot.burmese.pipeline import Source, Target, ambiguous_encoding, normalize_text
from polyglot.burmese.repair import plan_repairs
from polyglot.burmese.segment import has_myanmar, myanmar_segments
from polyglot.files import BOM, InputError, open_binary

if TYPE_CHECKING:
    from concurrent.futures import Future

BLOCK_LINES = 2000
"""Lines per block: enough context for detection (hundreds of Burmese runs), small
enough that a block's working memory is a few megabytes."""

BLOCK_CHARS = 1 << 20
"""A block also ends once it holds this many characters (files with very long lines)."""


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
    """A normalized block: its text and its diagnostics (lines relative to the block)."""

    text: str
    diagnostics: tuple[Diagnostic, ...] = ()
    fast: bool = True
    """Whether the fast path produced it (False: the block went to ``normalize_text``)."""


# --- one block --------------------------------------------------------------------------


def plain_block(text: str, options: Options = Options()) -> BlockResult:
    """The reference: ``normalize_text`` on the block, as one document."""
    result = normalize_text(text, target=options.target, repair=options.repair, source=options.source)
    return BlockResult(result.text, tuple(result.diagnostics), fast=False)


_PHRASE = re.compile(f"[^ \\t]{{{MIN_VOTING_PHRASE},}}")


def _voting_phrases(text: str) -> list[str]:
    """The phrases of a run whose scores detection asks for (``detect.split_mixed``):
    primed along with the runs."""
    return _PHRASE.findall(text) if " " in text or "\t" in text else []


_WORD = re.compile(r"\S+")


def normalize_block(text: str, options: Options = Options()) -> BlockResult:
    """``plain_block(text)``'s text and diagnostics, computed with less work (see the module)."""
    if not has_myanmar(text):
        return BlockResult(text)
    lines = text.split("\n")
    burmese = [i for i, line in enumerate(lines) if has_myanmar(line)]
    sub = "\n".join(lines[i] for i in burmese)  # the runs, without the lines that hold none
    segments = list(myanmar_segments(sub))
    detections: list[Detection]
    if options.source == "auto":
        markov_model().prime([s.text for s in segments] + [p for s in segments for p in _voting_phrases(s.text)])
        detections = detect_segments(segments)
    else:
        markov_model().prime(s.text for s in segments)
        detections = assume_encoding(segments, options.source)
    if options.repair and any(plan_repairs([(d.text if d.is_burmese else "", d.treat_as) for d in detections])):
        return _via_pipeline(lines, burmese, sub, options)
    if any(d.treat_as == "zawgyi" and spaced_zwsp_edits(d.text) for d in detections):
        return _via_pipeline(lines, burmese, sub, options)  # a conversion edit spans a space: not word by word
    starts = _line_starts(sub)
    pieces: list[str] = []
    diagnostics: list[Diagnostic] = []
    pos = 0
    for det in detections:
        seg = det.segment
        if det.encoding == "ambiguous":
            line = bisect.bisect_right(starts, seg.start)
            diagnostics.append(ambiguous_encoding(det, burmese[line - 1] + 1, seg.start - starts[line - 1] + 1))
        pieces.append(sub[pos : seg.start])
        new, found = _normalize_run(seg.text, det.treat_as, options.target) if det.is_burmese else (seg.text, ())
        pieces.append(new)
        for offset, code, message, suggestion in found:
            source = seg.start + offset
            line = bisect.bisect_right(starts, source)
            column = source - starts[line - 1] + 1
            diagnostics.append(Diagnostic(burmese[line - 1] + 1, column, code, message, suggestion))
        pos = seg.end
    pieces.append(sub[pos:])
    return BlockResult(_merge(lines, burmese, "".join(pieces)), tuple(diagnostics))


Found = tuple[tuple[int, str, str, str], ...]
"""Problems of a piece of text: (offset, code, message, suggestion)."""

_OTHER_WHITESPACE = re.compile(r"[^\S ]")


def _normalize_run(text: str, treat_as: str, target: str) -> tuple[str, Found]:
    """A detected run through the pipeline's steps after detection, word by word.

    Clean Unicode that stays Unicode is done at once (``clean.is_clean``). Otherwise
    the run is cut at its spaces and each distinct word is processed once per process
    (``_WordTable``), so the per-word cost is a dictionary look-up.
    """
    if treat_as == "unicode" and target == "unicode" and is_clean(text):
        return text, ()
    table = _word_table(treat_as, target)
    if _OTHER_WHITESPACE.search(text):  # tabs, no-break spaces: cut where ``\S+`` cuts
        words = [m.group() for m in _WORD.finditer(text)]
        table.fill(words)
        return _WORD.sub(lambda m: table.text[m.group()], text), table.problems(_WORD.finditer(text))
    words = text.split(" ")
    table.fill(words)
    new = " ".join([table.text[w] for w in words])
    if not table.found or table.found.keys().isdisjoint(words):
        return new, ()
    return new, table.problems(_WORD.finditer(text))


class _WordTable:
    """The result of ``_word`` for every word seen, for one (encoding, target).

    Plain dictionaries rather than ``lru_cache``: a run's words are then looked up in
    one list comprehension. When the table grows past ``WORD_TABLE_LIMIT`` it starts
    afresh, so memory stays bounded on any input.
    """

    def __init__(self, treat_as: str, target: str) -> None:
        self.treat_as, self.target = treat_as, target
        self.text: dict[str, str] = {"": ""}
        self.found: dict[str, Found] = {}

    def fill(self, words: Iterable[str]) -> None:
        missing = set(words).difference(self.text)
        if len(self.text) + len(missing) > WORD_TABLE_LIMIT:
            self.text, self.found = {"": ""}, {}
            missing = set(words).difference(self.text)
        for word in missing:
            new, found = _word(word, self.treat_as, self.target)
            self.text[word] = new
            if found:
                self.found[word] = found

    def problems(self, words: Iterable[re.Match[str]]) -> Found:
        return tuple(
            (m.start() + offset, code, message, suggestion)
            for m in words
            for offset, code, message, suggestion in self.found.get(m.group(), ())
        )


WORD_TABLE_LIMIT = 1 << 16
"""Distinct words remembered per (encoding, target): a few megabytes."""

_TABLES: dict[tuple[str, str], _WordTable] = {}


def _word_table(treat_as: str, target: str) -> _WordTable:
    key = (treat_as, target)
    if key not in _TABLES:
        _TABLES[key] = _WordTable(treat_as, target)
    return _TABLES[key]


def _word(word: str, treat_as: str, target: str) -> tuple[str, Found]:
    """One whitespace-free piece of a run through the pipeline's steps after detection.

    The same steps, in the same order, as ``normalize_text`` takes for a run with no
    repair: convert if Zawgyi, every normalization rule, the well-formedness check
    (offsets mapped back to the piece as it was read), convert back if Zawgyi is wanted.
    Where the result is clean, no problem needs placing, so the bookkeeping is skipped.
    """
    text = zawgyi_to_unicode(word) if treat_as == "zawgyi" else word
    clean = is_clean(text)
    normalized = text if clean else canonical(text)
    if clean or is_clean(normalized):
        return (unicode_to_zawgyi(normalized) if target == "zawgyi" else normalized), ()
    tracked = TrackedText.at(word, 0)
    if treat_as == "zawgyi":
        tracked.apply(conversion_edits(tracked.text, "unicode"))
    if normalized != tracked.text:
        for rule in RULES:
            tracked.apply(rule.find(tracked.text))
    found = tuple((tracked.source_offset(p.offset), p.code, p.message, p.suggestion) for p in problems(tracked.text))
    if target == "zawgyi":
        tracked.apply(conversion_edits(tracked.text, "zawgyi"))
    return tracked.text, found


def _via_pipeline(lines: list[str], burmese: list[int], sub: str, options: Options) -> BlockResult:
    """The Burmese lines through ``normalize_text``, put back among the others."""
    result = normalize_text(sub, target=options.target, repair=options.repair, source=options.source)
    diagnostics = tuple(
        Diagnostic(burmese[d.line - 1] + 1, d.column, d.code, d.message, d.suggestion) for d in result.diagnostics
    )
    return BlockResult(_merge(lines, burmese, result.text), diagnostics, fast=False)


def _merge(lines: list[str], burmese: list[int], sub: str) -> str:
    out = list(lines)
    for i, line in zip(burmese, sub.split("\n"), strict=True):
        out[i] = line
    return "\n".join(out)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


# --- streams ----------------------------------------------------------------------------


def read_lines(handle: BinaryIO, name: str) -> Iterator[str]:
    """Decode a byte stream line by line, as strictly as ``files.decode`` does a whole file.

    A UTF-8 byte order mark is passed through as the first character (the caller writes
    it back); invalid UTF-8 or a NUL byte is an ``InputError`` naming the line.
    """
    offset = 0
    for number, raw in enumerate(handle, start=1):
        if b"\x00" in raw:
            raise InputError(f"{name}: binary file (contains NUL bytes), not text")
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"{name}:{number}: invalid UTF-8 at byte {offset + err.start}") from None
        offset += len(raw)


def blocks(lines: Iterable[str], block_lines: int = BLOCK_LINES, block_chars: int = BLOCK_CHARS) -> Iterator[str]:
    """Group lines (each with its own line ending) into blocks of whole lines."""
    block: list[str] = []
    size = 0
    for line in lines:
        block.append(line)
        size += len(line)
        if len(block) >= block_lines or size >= block_chars:
            yield "".join(block)
            block, size = [], 0
    if block:
        yield "".join(block)


def _run_block(args: tuple[str, Options, bool]) -> BlockResult:
    text, options, fast = args
    return normalize_block(text, options) if fast else plain_block(text, options)


def normalize_blocks(
    texts: Iterable[str], options: Options = Options(), *, jobs: int = 1, fast: bool = True
) -> Iterator[tuple[int, BlockResult]]:
    """Normalize blocks in order; yield each with the number of lines before it.

    With ``jobs`` > 1 the blocks go to worker processes, at most two per worker in
    flight, so memory stays bounded however long the input.
    """
    first_line = 0

    def numbered(results: Iterable[tuple[str, BlockResult]]) -> Iterator[tuple[int, BlockResult]]:
        nonlocal first_line
        for text, result in results:
            yield first_line, result
            first_line += text.count("\n")

    if jobs <= 1:
        yield from numbered((t, _run_block((t, options, fast))) for t in texts)
        return
    from concurrent.futures import ProcessPoolExecutor  # not paid for by one-process runs

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[tuple[str, Future[BlockResult]]] = deque()

        def drain(limit: int) -> Iterator[tuple[str, BlockResult]]:
            while len(pending) > limit:
                text, future = pending.popleft()
                yield text, future.result()

        for text in texts:
            pending.append((text, pool.submit(_run_block, (text, options, fast))))
            yield from numbered(drain(2 * jobs))
        yield from numbered(drain(0))


def normalize_stream(
    handle: BinaryIO,
    name: str,
    write: Callable[[bytes], object],
    options: Options = Options(),
    *,
    jobs: int = 1,
    fast: bool = True,
    block_lines: int = BLOCK_LINES,
    on_diagnostics: Callable[[list[Diagnostic]], None] | None = None,
) -> tuple[Diagnostic, ...]:
    """Read UTF-8 lines from ``handle``, ``write`` the normalized bytes block by block.

    A byte order mark is kept aside and written back first (inside text it would be a
    stray zero-width character). Diagnostics count lines in the whole stream; with
    ``on_diagnostics`` each block's go there as soon as it is done and none are kept
    (so memory stays bounded however many there are), otherwise they are returned.
    """
    lines = read_lines(handle, name)
    first_line, bom = strip_bom(next(lines, ""))
    if bom:
        write(BOM.encode("utf-8"))
    diagnostics: list[Diagnostic] = []
    texts = blocks(itertools.chain([first_line], lines), block_lines)
    for first, result in normalize_blocks(texts, options, jobs=jobs, fast=fast):
        write(result.text.encode("utf-8"))
        found = [Diagnostic(d.line + first, d.column, d.code, d.message, d.suggestion) for d in result.diagnostics]
        if on_diagnostics is None:
            diagnostics.extend(found)
        elif found:
            on_diagnostics(found)
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
    fast: bool = True,
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
    with handle, _AtomicOutput(target, name) as out:

        def write(data: bytes) -> None:
            out.write(data)
            if on_block:
                on_block(len(data))

        normalize_stream(
            handle, name, write, options, jobs=jobs, fast=fast, block_lines=block_lines, on_diagnostics=found
        )
        if not out.done_writing() and destination is None:
            out.discard()  # in place and nothing changed: leave the file (and its mtime) alone
    return FileReport(name, out.differs, tuple(kept), os.path.getsize(target), count)


class _AtomicOutput:
    """A file written in pieces and renamed over its target only when complete.

    ``files.atomic_write`` does the same for data already in memory; this is its
    streaming twin (same directory, fsync, the target's permission bits kept), so a
    file of any size is written without holding it whole. It also notes whether the
    bytes written differ from the source's, so an unchanged file need not be replaced.
    """

    def __init__(self, target: Path, source: str) -> None:
        self.target = target
        self.source = source
        self.differs = False
        self._kept = True

    def __enter__(self) -> _AtomicOutput:
        directory = self.target.parent if str(self.target.parent) else Path(".")
        directory.mkdir(parents=True, exist_ok=True)
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=directory)
        except OSError as err:
            raise InputError(f"{self.target}: cannot write: {err.strerror}") from None
        self.handle = os.fdopen(fd, "wb")
        self.compare = open(self.source, "rb")
        return self

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        if not self.differs and self.compare.read(len(data)) != data:
            self.differs = True

    def done_writing(self) -> bool:
        """Whether the bytes written differ from the source's (now that all are written)."""
        if not self.differs and self.compare.read(1):
            self.differs = True  # the source is longer
        return self.differs

    def discard(self) -> None:
        self._kept = False

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        try:
            self.compare.close()
            if kind is not None or not self._kept:
                self.handle.close()
                os.unlink(self.tmp)
                return
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            try:
                mode = stat.S_IMODE(os.stat(self.target if self.target.exists() else self.source).st_mode)
            except OSError:
                mode = 0o644
            os.chmod(self.tmp, mode)
            os.replace(self.tmp, self.target)
        except OSError as err:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            raise InputError(f"{self.target}: cannot write: {err.strerror}") from None
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            raise


# --- a tree of files ------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One file of a tree: where it is read from and where its result goes."""

    source: str
    destination: str
    relative: str


def plan_tree(root: str | os.PathLike[str], out: str | os.PathLike[str] | None) -> list[Job]:
    """Every regular, non-hidden file under ``root``, sorted; written to ``out`` (or in place)."""
    base = Path(root)
    jobs = []
    for folder, dirs, names in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(folder) / name
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
    options, and it is done again. A line cut short by an interruption is ignored.
    """

    def __init__(
        self,
        root: str | os.PathLike[str],
        out: str | os.PathLike[str] | None,
        options: Options,
        folder: str | os.PathLike[str] | None = None,
    ) -> None:
        import hashlib

        where = f"{os.path.abspath(root)}\0{os.path.abspath(out) if out is not None else ''}"
        name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:24]
        self.path = Path(folder if folder is not None else ledger_folder()) / f"{name}.jsonl"
        self.key = f"{options.target}/{options.source}/{'repair' if options.repair else 'no-repair'}"
        self.done: dict[str, dict[str, object]] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.done[job.relative] = record


def _tree_job(args: tuple[Job, Options]) -> FileReport:
    job, options = args
    in_place = job.source == job.destination
    return normalize_file(job.source, None if in_place else job.destination, options)


def normalize_tree(
    root: str | os.PathLike[str],
    out: str | os.PathLike[str] | None,
    options: Options = Options(),
    *,
    jobs: int = 1,
    progress: Callable[[Job, FileReport | None], None] | None = None,
    errors: list[str] | None = None,
    ledger: str | os.PathLike[str] | None = None,
) -> list[FileReport]:
    """Normalize every file under ``root`` into ``out`` (or in place) on ``jobs`` processes.

    Files already finished by an earlier run with the same options (see ``Ledger``)
    are skipped and reported to ``progress`` with ``None``. Each file is written
    atomically and recorded when done, so an interrupted run can simply be re-run.
    A file that cannot be read as text is not recorded; with ``errors`` given, its
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

    def finished(job: Job, report: FileReport) -> None:
        record.finish(job)
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
                report = _tree_job((job, options))
            except InputError as err:
                failed(err)
                continue
            finished(job, report)
        return reports
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_tree_job, (job, options)): job for job in pending}
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


def strip_bom(text: str) -> tuple[str, bool]:
    """Split a leading byte order mark from a decoded first line."""
    return (text[1:], True) if text.startswith(BOM) else (text, False)
