"""A tree of files: its walk, the ledger of finished files, and the run over both."""

from __future__ import annotations

import contextlib
import os
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
