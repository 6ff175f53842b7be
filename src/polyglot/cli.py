"""The `polyglot` command: a thin layer over the library (parse options, call, format).

Exit codes everywhere: 0 fine, 1 findings (check modes), 2 usage or input error with a
one-line message on stderr that names the file (and line, where there is one).
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import click

from polyglot import __version__
from polyglot.batch import BLOCK_LINES, FileReport, Job, Options, normalize_file, normalize_stream, normalize_tree
from polyglot.burmese.detect import detect_text
from polyglot.burmese.diagnose import Diagnostic
from polyglot.burmese.dictionary import DictionaryError
from polyglot.burmese.pipeline import Result, normalize_text
from polyglot.files import InputError, TextFile, atomic_write, decode, open_binary, read_text

STDIN = "-"


def fail(message: str) -> NoReturn:
    """Report an input or usage error the way every command does, and exit 2."""
    click.echo(f"polyglot: {message}", err=True)
    sys.exit(2)


class _Polyglot(click.Group):
    """The command group; an interrupted command exits 130, as shells expect after Ctrl-C
    (click's default is 1, which scripts cannot tell from a failure). Outputs are
    written atomically, so an interrupted command leaves every file as it was or complete."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("polyglot: interrupted", err=True)
            raise click.exceptions.Exit(130) from None
        except DictionaryError as err:  # the installation, not the input: say what to fix
            fail(f"cannot read ICU's Burmese word list ({err}); polyglot needs the ICU that PyICU was built against")

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List every command with its whole summary (click cuts them to the terminal's
        width with "..."); a long summary wraps onto the next line instead."""
        rows = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        listed = [
            (name, command.get_short_help_str(limit=1000)) for name, command in rows if command and not command.hidden
        ]
        if listed:
            with formatter.section("Commands"):
                formatter.write_dl(listed)


@click.group(cls=_Polyglot, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="polyglot")
def main() -> None:
    """Publish announcements cleanly in English, Burmese and Chinese."""


# --- inputs ---------------------------------------------------------------------------


def expand_paths(paths: tuple[str, ...], recursive: bool) -> list[str]:
    """Turn the command line's paths into files; ``-`` (or nothing) is standard input."""
    if not paths:
        return [STDIN]
    out: list[str] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            if not recursive:
                raise InputError(f"{path}: is a directory (use --recursive to walk it)")
            out.extend(_walk(path))
        else:
            out.append(path)
    return out


def _walk(root: str) -> Iterator[str]:
    """Every regular file under ``root``, sorted, skipping hidden files and folders."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield os.path.join(folder, name)


def load(path: str) -> TextFile:
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    return read_text(path)


# --- detect ---------------------------------------------------------------------------


def visible(text: str) -> str:
    """Show invisible and unusual whitespace as ``<U+2002>`` so a reader can see damage."""
    return "".join(ch if ch == " " or (ch.isprintable() and not ch.isspace()) else f"<U+{ord(ch):04X}>" for ch in text)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "table"]),
    default="text",
    show_default=True,
    help="Output for people or for programs (table: the old name of text).",
)
@click.option("-r", "--recursive", is_flag=True, help="Walk directories.")
def detect(paths: tuple[str, ...], fmt: str, recursive: bool) -> None:
    """Say, for every run of Burmese text, whether it is Zawgyi or Unicode.

    JSON Lines output has one object per run: path, line, column, end_column (just past
    the run), encoding (zawgyi, unicode or ambiguous), probability (P(Zawgyi) with all
    evidence), detector_probability (myanmar-tools' model alone), text and evidence.
    """
    try:
        for path in expand_paths(paths, recursive):
            name = "<stdin>" if path == STDIN else path
            for det in detect_text(load(path).text):
                if fmt == "json":
                    click.echo(json.dumps({"path": name, **det.to_dict()}, ensure_ascii=False))
                else:
                    snippet = visible(det.text if len(det.text) <= 40 else det.text[:39] + "…")
                    click.echo(f"{name}:{det.line}:{det.column}\t{det.encoding:<9}\t{det.probability:.3f}\t{snippet}")
    except InputError as err:
        fail(str(err))


# --- normalize ------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What normalizing one input produced (picklable, for worker processes)."""

    path: str
    original: TextFile
    result: Result


def normalize_one(path: str, options: Options) -> Outcome:
    source = load(path)
    result = normalize_text(source.text, target=options.target, repair=options.repair, source=options.source)
    return Outcome(path, source, result)


def _normalize_file(args: tuple[str, Options]) -> Outcome:
    return normalize_one(*args)


def outcomes(paths: list[str], options: Options, jobs: int) -> Iterator[Outcome]:
    """Normalize every input, in order, on ``jobs`` worker processes when there are several files."""
    if jobs <= 1 or len(paths) < 2 or STDIN in paths:
        for path in paths:
            yield normalize_one(path, options)
        return
    from concurrent.futures import ProcessPoolExecutor  # only when there is parallel work

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_normalize_file, [(p, options) for p in paths], chunksize=4)


def explain_outcome(outcome: Outcome, echo: Callable[[str], None]) -> None:
    """Each change: where, what, why, evidence; then what is still wrong.

    A rule's reason, and evidence shared by many changes (a document-wide repair), is
    said once per file: the same paragraph nineteen times hides the changes themselves.
    """
    name = "<stdin>" if outcome.path == STDIN else outcome.path
    said: set[str] = set()
    for c in outcome.result.changes:
        echo(f"{name}:{c.line}:{c.column}: {c.kind} [{c.rule}] {c.before!r} → {c.after!r}")
        for label, text in (("why", c.reason), ("evidence", c.evidence)):
            if text and text not in said:
                echo(f"    {label}: {text}")
                said.add(text)
    report_diagnostics(outcome, echo)


def report_diagnostics(outcome: Outcome, echo: Callable[[str], None]) -> None:
    name = "<stdin>" if outcome.path == STDIN else outcome.path
    for d in outcome.result.diagnostics:
        hint = f" (suggestion: {d.suggestion})" if d.suggestion else ""
        echo(f"{name}:{d.line}:{d.column}: [{d.code}] {d.message}{hint}")


def unified_diff(outcome: Outcome) -> str:
    name = "<stdin>" if outcome.path == STDIN else outcome.path
    return "".join(
        difflib.unified_diff(
            outcome.original.text.splitlines(keepends=True),
            outcome.result.text.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
    )


def stream_inputs(
    paths: tuple[str, ...],
    options: Options,
    recursive: bool,
    in_place: bool,
    out_dir: str | None,
    jobs: int,
    block_lines: int,
    quiet: bool,
) -> bool:
    """Normalize text output modes by streaming (see ``polyglot.batch``); return whether any input failed.

    A failing file in a tree is reported and skipped (the rest still run, the exit code
    is 2); a failing single input stops the command, as before.
    """
    if out_dir is not None and not (recursive and len(paths) == 1 and os.path.isdir(paths[0])):
        raise InputError("--out needs --recursive and exactly one directory")
    inputs = list(paths) or [STDIN]
    if in_place and STDIN in inputs:
        raise InputError("--in-place needs files, not standard input")
    warn: Callable[[str], None] = (lambda s: None) if quiet else (lambda s: click.echo(s, err=True))
    show_progress = not quiet and sys.stderr.isatty()
    failed = False
    for path in inputs:
        if path != STDIN and os.path.isdir(path):
            if not recursive:
                raise InputError(f"{path}: is a directory (use --recursive to walk it)")
            if in_place or out_dir is not None:
                failed |= _stream_tree(path, out_dir, options, jobs, warn, show_progress)
            else:
                for name in _walk(path):
                    _stream_to_stdout(name, options, jobs, block_lines, warn)
        elif in_place:
            _with_progress(
                show_progress,
                os.path.getsize(path) if os.path.exists(path) else 0,
                path,
                functools.partial(_normalize_in_place, path, options, jobs, block_lines, warn),
            )
        else:
            _stream_to_stdout(path, options, jobs, block_lines, warn)
    return failed


def _stream_to_stdout(path: str, options: Options, jobs: int, block_lines: int, warn: Callable[[str], None]) -> None:
    out = sys.stdout.buffer

    def write(data: bytes) -> None:
        out.write(data)
        out.flush()

    def found(diagnostics: list[Diagnostic]) -> None:
        _report_file_diagnostics(path, diagnostics, warn)

    if path == STDIN:
        normalize_stream(
            sys.stdin.buffer, "<stdin>", write, options, jobs=jobs, block_lines=block_lines, on_diagnostics=found
        )
    else:
        with open_binary(path) as handle:
            normalize_stream(handle, path, write, options, jobs=jobs, block_lines=block_lines, on_diagnostics=found)


def _report_file_diagnostics(
    path: str, diagnostics: Iterable[Diagnostic], echo: Callable[[str], None], total: int | None = None
) -> None:
    """Diagnostics as ``report_diagnostics`` prints them; ``total`` counts any not carried back."""
    name = "<stdin>" if path == STDIN else path
    shown = 0
    for d in diagnostics:
        hint = f" (suggestion: {d.suggestion})" if d.suggestion else ""
        echo(f"{name}:{d.line}:{d.column}: [{d.code}] {d.message}{hint}")
        shown += 1
    if total is not None and total > shown:
        echo(f"{name}: … and {total - shown} more problems (`polyglot normalize --check {name}` lists them all)")


def _normalize_in_place(
    path: str, options: Options, jobs: int, block_lines: int, warn: Callable[[str], None], step: Callable[[int], None]
) -> FileReport:
    """One file rewritten in place, its diagnostics reported as they are found."""

    def report(found: list[Diagnostic]) -> None:
        _report_file_diagnostics(path, found, warn)

    return normalize_file(path, None, options, jobs=jobs, block_lines=block_lines, on_block=step, on_diagnostics=report)


def _with_progress(
    show: bool, total: int, label: str, work: Callable[[Callable[[int], None]], FileReport]
) -> FileReport:
    """Run ``work`` with a byte-counting progress bar on stderr when ``show`` (a terminal)."""
    if not show:
        return work(lambda n: None)
    with click.progressbar(length=max(total, 1), label=label, file=sys.stderr) as bar:
        return work(bar.update)


def _stream_tree(
    root: str, out_dir: str | None, options: Options, jobs: int, warn: Callable[[str], None], show: bool
) -> bool:
    """Normalize a tree in place or into ``out_dir``: files in parallel, finished ones recorded."""
    errors: list[str] = []

    def run(progress: Callable[[Job, FileReport | None], None]) -> None:
        normalize_tree(root, out_dir, options, jobs=jobs, progress=progress, errors=errors)

    def note(job: Job, report: FileReport | None) -> None:
        if report is not None:
            _report_file_diagnostics(report.path, report.diagnostics, warn, report.diagnostic_count)

    if show:
        total = sum(1 for _ in _walk(root))
        with click.progressbar(length=max(total, 1), label=root, file=sys.stderr) as bar:

            def step(job: Job, report: FileReport | None) -> None:
                note(job, report)
                bar.update(1)

            run(step)
    else:
        run(note)
    for message in errors:
        click.echo(f"polyglot: {message}", err=True)
    return bool(errors)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-i", "--in-place", is_flag=True, help="Rewrite the files (atomically, keeping their mode).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if anything would change or is ill-formed.")
@click.option("--diff", "show_diff", is_flag=True, help="Show a unified diff instead of the text.")
@click.option("--explain", is_flag=True, help="Explain every change: where, what, why, evidence.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--to", "target", type=click.Choice(["unicode", "zawgyi"]), default="unicode", show_default=True)
@click.option(
    "--from",
    "source",
    type=click.Choice(["auto", "unicode", "zawgyi"]),
    default="auto",
    show_default=True,
    help="The input's encoding, when you know it (skips detection).",
)
@click.option("--no-repair", is_flag=True, help="Do not repair PDF-extraction damage (only report it).")
@click.option("-r", "--recursive", is_flag=True, help="Walk directories.")
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="With --recursive DIR: write the normalized tree here (same relative paths) instead of in place.",
)
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True, help="Worker processes.")
@click.option(
    "--block-lines",
    type=click.IntRange(1),
    default=BLOCK_LINES,
    show_default=True,
    help="Lines per block when streaming; each block is normalized as a document of its own.",
)
@click.option("-q", "--quiet", is_flag=True, help="No diagnostics and no progress bar on stderr.")
def normalize(
    paths: tuple[str, ...],
    in_place: bool,
    check: bool,
    show_diff: bool,
    explain: bool,
    fmt: str,
    target: str,
    source: str,
    no_repair: bool,
    recursive: bool,
    out_dir: str | None,
    jobs: int,
    block_lines: int,
    quiet: bool,
) -> None:
    """Convert Zawgyi to Unicode, repair damage and normalize Burmese; everything else untouched.

    With no PATH (or -), read standard input and write standard output. The output has
    exactly as many lines as the input, the same line endings and byte order mark.

    Writing text (to standard output, --in-place or --out), input is streamed in blocks
    of --block-lines lines, each normalized as a document of its own, so memory stays
    bounded for files of any size; --jobs spreads blocks (or, for a tree, files) over
    processes. --recursive DIR with --in-place or --out DIR2 records finished files, so
    an interrupted run can be re-run without redoing them. --check, --diff, --explain
    and --format json read each file whole and use it all as context.
    """
    if in_place and check:
        fail("--in-place and --check contradict each other")
    if out_dir is not None and (in_place or check or show_diff or explain or fmt == "json"):
        fail(
            "--out writes a normalized tree; it cannot be combined with --in-place, --check, --diff, "
            "--explain or --format json"
        )
    try:
        options = Options(target=target, repair=not no_repair, source=source)  # type: ignore[arg-type]
        if not (check or show_diff or explain or fmt == "json"):
            failed = stream_inputs(paths, options, recursive, in_place, out_dir, jobs, block_lines, quiet)
            sys.exit(2 if failed else 0)
        files = expand_paths(paths, recursive)
        if in_place and STDIN in files:
            fail("--in-place needs files, not standard input")
        findings = False
        text_to_stdout = not (in_place or check or show_diff or fmt == "json")
        note = (lambda s: click.echo(s, err=True)) if text_to_stdout else click.echo
        warn = (lambda s: None) if quiet else (lambda s: click.echo(s, err=True))
        for outcome in outcomes(files, options, jobs):
            result = outcome.result
            findings = findings or result.changed or bool(result.diagnostics)
            if fmt == "json":
                record: dict[str, object] = {
                    "path": "<stdin>" if outcome.path == STDIN else outcome.path,
                    "changed": result.changed,
                    "changes": [c.to_dict() for c in result.changes],
                    "diagnostics": [d.to_dict() for d in result.diagnostics],
                }
                if not (in_place or check):
                    record["text"] = result.text
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                if explain:
                    explain_outcome(outcome, note)
                elif not check:
                    report_diagnostics(outcome, warn)
                if show_diff:
                    click.echo(unified_diff(outcome), nl=False)
                if check and (result.changed or result.diagnostics):
                    click.echo(
                        f"{outcome.path}: would change ({len(result.changes)} changes, "
                        f"{len(result.diagnostics)} problems)"
                    )
                    if not explain:
                        report_diagnostics(outcome, click.echo)
            if in_place and result.changed:
                atomic_write(Path(outcome.path), outcome.original.encode(result.text))
            elif text_to_stdout:
                sys.stdout.buffer.write(outcome.original.encode(result.text))
                sys.stdout.buffer.flush()
        if check and findings:
            sys.exit(1)
    except InputError as err:
        fail(str(err))


def _register_subcommands() -> None:
    """Attach the command groups that live beside their library code."""
    from polyglot.catalog.commands import register as register_catalog
    from polyglot.site.commands import register as register_site

    register_catalog(main)
    register_site(main)


_register_subcommands()


if __name__ == "__main__":
    main()
