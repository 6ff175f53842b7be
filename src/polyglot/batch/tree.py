"""A tree of files: its walk, the ledger of finished files, and the run over both."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from polyglot.batch.block import BLOCK_LINES, Options
from polyglot.batch.pool import worker_pool
from polyglot.batch.stream import FileReport, normalize_file
from polyglot.files import InputError, json_line, writing


def ledger_folder() -> Path:
    """Where tree runs keep their records of finished files: the user's cache, not the
    tree (a user's archive should not gain files it did not have)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "polyglot" / "normalize"


@dataclass(frozen=True)
class Job:
    """One file of a tree: where it is read from and where its result goes."""

    source: str
    destination: str
    relative: str


_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}

LINK = "a symbolic link (a tree's links are not followed; name the link itself to normalize what it points to)"
"""Why a link in a tree is skipped (see ``walk``)."""


def walk(
    root: str | os.PathLike[str],
    skip: str | os.PathLike[str] | None = None,
    skipped: Callable[[str, str], None] | None = None,
) -> Iterator[str]:
    """Every regular file under ``root``, sorted, skipping hidden files and folders: the one tree walk.

    ``skip`` is a folder left out (a run's output folder inside its own tree: walking it
    would normalize the last run's output into a folder one level deeper each time).

    Symbolic links inside the tree are never followed, to a file or to a folder (git's
    rule: a link is a link): following one could write outside the tree the user gave,
    or the same file twice under two names. What is not a regular file (a named pipe,
    whose opening waits for a writer forever; a socket, a device) is not text to read.
    Each of these is told to ``skipped`` with why, so that none is left out silently.
    """
    excluded = os.path.realpath(skip) if skip is not None else None
    say = skipped if skipped is not None else (lambda path, why: None)
    for folder, dirs, names in os.walk(root):
        kept = []
        for d in sorted(dirs):
            path = os.path.join(folder, d)
            if d.startswith(".") or (excluded is not None and os.path.realpath(path) == excluded):
                continue
            if os.path.islink(path):
                say(path, LINK)
            else:
                kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                yield path  # gone or unreadable: reading it says which, as for any file
                continue
            if stat.S_ISLNK(mode):
                say(path, LINK)
            elif not stat.S_ISREG(mode):
                say(path, f"not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'a special file')})")
            else:
                yield path


def plan_tree(
    root: str | os.PathLike[str],
    out: str | os.PathLike[str] | None,
    skipped: Callable[[str, str], None] | None = None,
) -> list[Job]:
    """Every file ``walk`` finds under ``root`` (but not in ``out``); written to ``out`` (or in place)."""
    base = Path(root)
    jobs = []
    for name in walk(base, out, skipped):
        path = Path(name)
        relative = path.relative_to(base).as_posix()
        destination = Path(out) / relative if out is not None else path
        jobs.append(Job(str(path), str(destination), relative))
    return jobs


def output_key(options: Options, block_lines: int) -> str:
    """Everything that decides what normalizing a file writes, as one string: the
    program's version, the rules it applies (``pipeline.rules_digest``), the options and
    the block size (a block is a document: another size, other context)."""
    import polyglot
    from polyglot.burmese.pipeline import rules_digest

    repair = "repair" if options.repair else "no-repair"
    return (
        f"polyglot {polyglot.__version__}, rules {rules_digest()}, "
        f"{options.target}/{options.source}/{repair}, {block_lines} lines a block"
    )


class Ledger:
    """The finished files of a tree run, so that a re-run skips them.

    One JSON line per finished file, appended and flushed as each finishes, naming
    everything that decides the output (``output_key``) and the size and modification
    time of the source and of the result. The record lives in ``ledger_folder()``, one
    file per (tree, output folder). A file counts as done only while all of those still
    match: edit a source, ask for other options or another block size, or upgrade
    polyglot or its rules, and it is done again. A line cut short by an interruption is ignored. A
    record that cannot be read counts as empty; one that cannot be written is an
    ``InputError`` naming it.
    """

    def __init__(
        self,
        root: str | os.PathLike[str],
        out: str | os.PathLike[str] | None,
        options: Options,
        folder: str | os.PathLike[str] | None = None,
        block_lines: int = BLOCK_LINES,
    ) -> None:
        import hashlib
        import json

        where = f"{os.path.abspath(root)}\0{os.path.abspath(out) if out is not None else ''}"
        name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:24]
        self.path = Path(folder if folder is not None else ledger_folder()) / f"{name}.jsonl"
        self.key = output_key(options, block_lines)
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
    skipped: Callable[[str, str], None] | None = None,
) -> list[FileReport]:
    """Normalize every file under ``root`` into ``out`` (or in place) on ``jobs`` processes.

    Files already finished by an earlier run with the same options (see ``Ledger``)
    are skipped and reported to ``progress`` with ``None``. Each file is written
    atomically and recorded when done, so an interrupted run can simply be re-run.
    A file that cannot be read as text or written is not recorded; with ``errors`` given, its
    message goes there and the other files still run (otherwise the ``InputError``
    propagates). ``ledger`` is the folder for the record of finished files (default:
    ``ledger_folder()``). ``skipped`` hears what the walk leaves out, and why (``walk``).
    """
    todo = plan_tree(root, out, skipped)
    record = Ledger(root, out, options, ledger, block_lines)
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

    with worker_pool(jobs) as pool:
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
