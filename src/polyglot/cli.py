"""The `polyglot` command: a thin layer over the library (parse options, call, format).

Exit codes everywhere: 0 fine, 1 findings (check modes), 2 usage or input error with a
one-line message on stderr that names the file (and line, where there is one).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, NoReturn

import click

from polyglot import __version__
from polyglot.batch.block import BLOCK_LINES, NormalizedBlock, Options
from polyglot.batch.diff import LineDiff
from polyglot.batch.record import detection_records
from polyglot.batch.stream import FileReport, stream_blocks
from polyglot.batch.tree import Job, normalize_tree, walk
from polyglot.burmese.dictionary import DictionaryError
from polyglot.documents import input_kind, normalize_any_file
from polyglot.files import (
    BOM,
    AtomicOutput,
    ClosedStream,
    ErrorsUnsaid,
    InputError,
    NamedOutput,
    OutputClosed,
    ReaderGone,
    TextFile,
    decode,
    json_line,
    open_binary,
    read_text,
)

if TYPE_CHECKING:
    from polyglot.burmese.changes import Change
    from polyglot.burmese.diagnose import Diagnostic
    from polyglot.explain import WordChange

STDIN = "-"

LAZY_COMMANDS = {
    "extract": "polyglot.commands.catalog:extract",
    "update": "polyglot.commands.catalog:update",
    "ingest": "polyglot.commands.catalog:ingest",
    "review": "polyglot.commands.catalog:review",
    "check": "polyglot.commands.catalog:check",
    "compile": "polyglot.commands.catalog:compile_command",
    "stats": "polyglot.commands.catalog:stats",
    "build": "polyglot.commands.site:build",
    "outline": "polyglot.commands.site:outline_command",
    "export": "polyglot.commands.site:export_command",
    "serve": "polyglot.commands.serve:serve",
}
"""The commands of ``polyglot.commands``, as ``module:attribute``: a module is
imported only when one of its commands runs (or help lists them all), so that
``polyglot normalize`` does not pay for catalogs, configuration or the site."""


class PolyglotError(click.ClickException):
    """An input or usage error: ``polyglot: message`` on stderr (one line), exit status 2."""

    exit_code = 2

    def show(self, file: IO[str] | None = None) -> None:
        say(f"polyglot: {self.message}")


def say(message: str) -> None:
    """A last line on stderr, if it can still be written (the exit status says the rest)."""
    with contextlib.suppress(OSError, ValueError):
        click.echo(message, err=True)


@contextlib.contextmanager
def standard_streams() -> Iterator[None]:
    """The standard streams as every command uses them.

    Standard output is UTF-8 (the text polyglot writes), and a file name that is not
    UTF-8 is shown as the bytes it is (as ls and grep show it), Python's own choice for a
    POSIX locale. A write that fails (a full disk, a closed pipe) is a one-line error
    naming the stream, exit 2 (141, quietly, when a pipe's reader has gone); on standard
    error, where no message can go, just the status. A stream the process was started
    without (``>&-``) is the same error once it is used (``files.ClosedStream``), not a
    traceback or a silent loss.
    """
    saved = sys.stdin, sys.stdout, sys.stderr
    if sys.stdin is None:
        sys.stdin = io.TextIOWrapper(io.BufferedReader(ClosedStream("<stdin>")), encoding="utf-8")
    sys.stdout = _named(sys.stdout, "<stdout>", OutputClosed, "utf-8", "surrogateescape")
    sys.stderr = _named(sys.stderr, "<stderr>", ErrorsUnsaid, None, "backslashreplace")
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def _named(stream: IO[str] | None, name: str, error: type[OutputClosed], encoding: str | None, errors: str) -> IO[str]:
    """``stream`` with its failed writes raising ``error`` (and a missing one, closed)."""
    if stream is None:
        raw: NamedOutput | ClosedStream = ClosedStream(name, error)
    else:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # not a file (a test's capture): as it is
            return stream
        raw = NamedOutput(buffer, name, error)
        encoding = encoding or getattr(stream, "encoding", None)
    return io.TextIOWrapper(raw, encoding=encoding or "utf-8", errors=errors, write_through=True)


def fail(message: str) -> NoReturn:
    """Report an input or usage error the way every command does, and exit 2."""
    raise PolyglotError(message)


class _Polyglot(click.Group):
    """The command group; an interrupted command exits 130, as shells expect after Ctrl-C
    (click's default is 1, which scripts cannot tell from a failure). Outputs are
    written atomically, so an interrupted command leaves every file as it was or complete."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            with standard_streams():
                return super().invoke(ctx)
        except ErrorsUnsaid:
            raise click.exceptions.Exit(2) from None
        except KeyboardInterrupt:
            say("polyglot: interrupted")
            raise click.exceptions.Exit(130) from None
        except ReaderGone:
            raise click.exceptions.Exit(141) from None  # quiet, as SIGPIPE leaves ``cmd | head``
        except InputError as err:  # every command's bad input, handled here once
            raise PolyglotError(str(err)) from None
        except DictionaryError as err:  # the installation, not the input: say what to fix
            fail(f"cannot read ICU's Burmese word list ({err}); polyglot needs the ICU that PyICU was built against")

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = LAZY_COMMANDS.get(cmd_name)
        if where is None:
            return super().get_command(ctx, cmd_name)
        module, attribute = where.split(":")
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command

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


def _version(context: click.Context, _: click.Parameter, value: bool) -> None:
    """``polyglot 0.1.0 (compiled)``: the version, and whether the compiled modules run."""
    if value and not context.resilient_parsing:
        from polyglot import build

        click.echo(f"polyglot {__version__} ({build()})")
        context.exit()


@click.group(cls=_Polyglot, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version", is_flag=True, expose_value=False, is_eager=True, callback=_version, help="Show the version and exit."
)
def main() -> None:
    """Publish announcements cleanly in English, Burmese and Chinese."""


# --- inputs ---------------------------------------------------------------------------


def skipped(path: str, why: str) -> None:
    """Say what a tree walk left out (a link, a named pipe), one line on stderr; not an error."""
    click.echo(f"polyglot: {path}: skipped: {why}", err=True)


def expand_paths(paths: tuple[str, ...], recursive: bool, quiet: bool = False) -> list[str]:
    """Turn the command line's paths into files; ``-`` (or nothing) is standard input.

    A path named on the command line is taken as it is (a link is followed, a named pipe
    read: ``<(command)`` is one); in a folder, ``walk`` decides."""
    if not paths:
        return [STDIN]
    out: list[str] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            if not recursive:
                raise InputError(f"{path}: is a directory (use --recursive to walk it)")
            out.extend(walk(path, skipped=None if quiet else skipped))
        else:
            out.append(path)
    return out


def each_input(names: Iterable[str], run: Callable[[str], bool]) -> tuple[bool, bool]:
    """``run`` every input; one that is bad is reported (one line) and the rest still run,
    as a tree written in place does. Returns (any findings, any input failed); a standard
    output that cannot be written stops the run (nothing later could be shown)."""
    findings = failed = False
    for name in names:
        try:
            findings |= run(name)
        except OutputClosed:
            raise
        except InputError as err:
            click.echo(f"polyglot: {err}", err=True)
            failed = True
    return findings, failed


def _peek(stream: IO[bytes]) -> bytes:
    """The first bytes waiting on a stream, without taking them (none where that cannot be done)."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(8)[:8])
    if stream.seekable():
        at = stream.tell()
        head = stream.read(8)
        stream.seek(at)
        return head
    return b""


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
    the run), encoding (zawgyi, unicode, ambiguous, or neutral for digits and punctuation
    alone, which read the same in both), probability (P(Zawgyi) with all evidence; 0.5
    for neutral), detector_probability (myanmar-tools' model alone), text, evidence and
    language (burmese, or shan, mon, karen, pali, other: left exactly as it is).
    A file name that is not UTF-8 keeps its odd bytes as \\udcXX escapes (Python's
    surrogateescape), which give the name's bytes back.
    """

    def run(path: str) -> bool:
        name = "<stdin>" if path == STDIN else path
        for record in detection_records(name, load(path).text):
            if fmt == "json":
                click.echo(json_line(record))
            else:
                text = str(record["text"])
                snippet = visible(text if len(text) <= 40 else text[:39] + "…")
                click.echo(
                    f"{name}:{record['line']}:{record['column']}\t{record['encoding']:<9}\t{record['probability']:.3f}\t{snippet}"
                )
        return False

    if each_input(expand_paths(paths, recursive), run)[1]:
        sys.exit(2)


# --- normalize ------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """What ``polyglot normalize`` was asked to do and show."""

    options: Options
    in_place: bool = False
    check: bool = False
    diff: bool = False
    explain: bool = False
    json: bool = False
    quiet: bool = False
    jobs: int = 1
    block_lines: int = BLOCK_LINES

    @property
    def reports(self) -> bool:
        """Whether anything besides the text is shown (so each block's changes are needed)."""
        return self.check or self.diff or self.explain or self.json

    @property
    def text_to_stdout(self) -> bool:
        return not (self.in_place or self.check or self.diff or self.json)


@dataclass
class _Shown:
    """What has been said about one input so far."""

    changes: int = 0
    problems: int = 0
    changed: bool = False
    reasons: set[str] = field(default_factory=set)


def normalize_input(path: str, request: Request) -> bool:
    """Normalize one input through the blocks the write uses, showing what was asked; return findings.

    The text written (standard output or ``--in-place``) and everything reported about
    it (``--check``, ``--diff``, ``--explain``, ``--format json``) come from the same
    blocks, so they agree byte for byte. What is shown only once the file is done (the
    JSON record, ``--check``'s problems after its summary) waits in spools (``_Spool``),
    not in memory: a file with millions of problems costs disk, not gigabytes.
    """
    kind = input_kind(path, _peek(sys.stdin.buffer) if path == STDIN else None)
    if kind is not None:  # a Word, Excel, PowerPoint, OpenDocument, HTML or PDF document
        from polyglot.documents.command import Reporters, normalize_document_input

        return normalize_document_input(path, request, kind, Reporters(explain_paragraph, report_diagnostics))
    name = "<stdin>" if path == STDIN else path
    note: Callable[[str], None] = (lambda s: click.echo(s, err=True)) if request.text_to_stdout else click.echo
    warn: Callable[[str], None] = (lambda s: None) if request.quiet else (lambda s: click.echo(s, err=True))
    shown = _Shown()
    with contextlib.ExitStack() as spools:
        changes, diagnostics, text, later = (spools.enter_context(_Spool()) for _ in range(4))
        with contextlib.ExitStack() as stack:
            handle = sys.stdin.buffer if path == STDIN else stack.enter_context(open_binary(path))
            bom, results = stream_blocks(
                handle,
                name,
                request.options,
                jobs=request.jobs,
                block_lines=request.block_lines,
                explain=request.reports,
            )
            diff = LineDiff(name, bom=bom) if request.diff else None
            write = _writer(path, request, bom, stack)
            progress = _progress(path, request, stack)
            for block in results:
                write(block.text.encode("utf-8"))
                progress(len(block.source.encode("utf-8")))
                shown.changes += len(block.changes)
                shown.problems += len(block.diagnostics)
                shown.changed |= block.changed
                if request.json:
                    changes.items([c.to_dict() for c in block.changes])
                    diagnostics.items([d.to_dict() for d in block.diagnostics])
                    if not (request.in_place or request.check):
                        text.write(json_line(block.text)[1:-1])  # a JSON string, in pieces
                    continue
                if request.explain:
                    explain_block(name, block, shown.reasons, note)
                    report_diagnostics(name, block.diagnostics, note)
                elif request.check:
                    report_diagnostics(name, block.diagnostics, later.line)
                else:
                    report_diagnostics(name, block.diagnostics, warn)
                if diff is not None:
                    click.echo(diff.feed(block.source, block.text), nl=False)
            if diff is not None:
                click.echo(diff.close(), nl=False)
        if request.json:  # one line, as json_line would write the whole record
            head = json_line({"path": name, "changed": shown.changed})[:-1]
            click.echo(f'{head}, "changes": [', nl=False)
            changes.echo()
            click.echo('], "diagnostics": [', nl=False)
            diagnostics.echo()
            click.echo("]", nl=False)
            if not (request.in_place or request.check):  # the text itself: a byte order mark is not part of it
                click.echo(', "text": "', nl=False)
                text.echo()
                click.echo('"', nl=False)
            click.echo("}")
        elif request.check and (shown.changed or shown.problems):
            if shown.changed:
                click.echo(f"{path}: would change ({shown.changes} changes, {shown.problems} problems)")
            else:  # nothing to write: what --check fails on is what is still ill-formed
                click.echo(f"{path}: unchanged, {shown.problems} problems")
            later.echo()
    return shown.changed or bool(shown.problems)


class _Spool:
    """Text kept for later in a temporary file (in memory up to ``SPOOL_BYTES``), shown with ``echo``.

    The file is made on the first write: a run with nothing to keep (most) does not pay
    for ``tempfile``'s import."""

    SPOOL_BYTES = 1 << 20

    def __enter__(self) -> _Spool:
        self.file: IO[str] | None = None
        self.count = 0
        return self

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            self.file.close()

    def write(self, text: str) -> None:
        if self.file is None:
            import tempfile

            self.file = tempfile.SpooledTemporaryFile(  # noqa: SIM115  (closed by __exit__)
                max_size=self.SPOOL_BYTES, mode="w+", encoding="utf-8", errors="surrogateescape", newline=""
            )
        assert self.file is not None
        self.file.write(text)

    def line(self, text: str) -> None:
        self.write(text + "\n")

    def items(self, values: list[dict[str, object]]) -> None:
        """More items of a JSON array, separated as ``json.dumps`` separates them."""
        if values:
            listed = json_line(values)[1:-1]
            self.write(f", {listed}" if self.count else listed)
            self.count += len(values)

    def echo(self) -> None:
        if self.file is None:
            return
        self.file.seek(0)
        while chunk := self.file.read(1 << 16):
            click.echo(chunk, nl=False)


def _writer(path: str, request: Request, bom: bool, stack: contextlib.ExitStack) -> Callable[[bytes], None]:
    """Where the normalized bytes go: standard output, the file itself (atomically), or nowhere."""
    if request.in_place:
        out = stack.enter_context(AtomicOutput(path, compare=path))

        def keep_only_if_changed() -> None:
            if not out.done_writing():
                out.discard()  # unchanged: the file (and its mtime) is left alone

        stack.callback(keep_only_if_changed)
        write: Callable[[bytes], object] = out.write
    elif request.text_to_stdout:
        stream = sys.stdout.buffer

        def write(data: bytes) -> None:
            stream.write(data)
            stream.flush()

    else:
        return lambda data: None
    if bom:
        write(BOM.encode("utf-8"))
    return write  # type: ignore[return-value]


def _progress(path: str, request: Request, stack: contextlib.ExitStack) -> Callable[[int], None]:
    """A byte-counting progress bar on stderr for a file rewritten in place on a terminal."""
    if request.quiet or not request.in_place or path == STDIN or not sys.stderr.isatty():
        return lambda n: None
    bar = stack.enter_context(click.progressbar(length=max(os.path.getsize(path), 1), label=path, file=sys.stderr))
    return bar.update


def explain_block(name: str, block: NormalizedBlock, said: set[str], echo: Callable[[str], None]) -> None:
    """Each changed word of a block, in reading order: where, before → after, in context, why.

    Words, not runs (``polyglot.explain``): a conversion is shown word by word where it
    changed something, a Zawgyi "before" as what it reads (it is garbled in a Unicode font).
    A rule's reason, and evidence shared by many changes (a document-wide repair), is said
    once per file: the same paragraph nineteen times hides the changes themselves.
    """
    from polyglot.explain import unplaced, word_changes

    words = word_changes(block.source, block.text, block.changes, block.first_line, block.first_column)
    _explain_words(words, lambda word: f"{name}:{word.line}:{word.column}", said, echo)
    for c in unplaced(block.changes, words):
        echo(f"{name}:{c.line}: {c.kind} [{c.rule}] {c.before!r} → {c.after!r} (undone by a later step)")
        _explain_reasons((c,), said, echo)


def explain_paragraph(
    name: str,
    before: str,
    after: str,
    first: int,
    changes: list[Change],
    place: Callable[[Change], str],
    said: set[str],
    echo: Callable[[str], None],
) -> None:
    """A document's changed paragraph as ``explain_block`` shows a block's words, each named by
    the place of its first change (``call.docx: paragraph 12, run 3``): in a document a person
    finds a paragraph and a run, not a column. ``first`` is the paragraph's line in the
    document's text, where its changes' lines count."""
    from polyglot.explain import unplaced, word_changes

    words = word_changes(before, after, changes, first - 1)
    _explain_words(words, lambda word: f"{name}: {place(word.changes[0])}", said, echo)
    for c in unplaced(changes, words):
        echo(f"{name}: {place(c)}: {c.kind} [{c.rule}] {c.before!r} → {c.after!r} (the text reads the same there)")
        _explain_reasons((c,), said, echo)


def _explain_words(
    words: Iterable[WordChange], where: Callable[[WordChange], str], said: set[str], echo: Callable[[str], None]
) -> None:
    for word in words:
        rules = " + ".join(f"{c.kind} [{c.rule}]" for c in {c.rule: c for c in word.changes}.values())
        echo(f"{where(word)}: {rules} {_before_after(word)}")
        left, right = word.context
        echo(f"    in: {'… ' + left + ' ' if left else ''}«{word.after}»{' ' + right + ' …' if right else ''}")
        _explain_reasons(word.changes, said, echo)


def _before_after(word: WordChange) -> str:
    """``'before' → 'after'``; Zawgyi is shown as its Unicode reading (garbled in a Unicode font)."""
    if not any(c.rule == "zawgyi_to_unicode" for c in word.changes):
        return f"{word.before!r} → {word.after!r}"
    from polyglot.burmese.convert import zawgyi_to_unicode

    reading = zawgyi_to_unicode(word.before)
    if reading == word.after:
        return f"{word.after!r} (typed in Zawgyi)"
    return f"{reading!r} (Zawgyi, read as Unicode) → {word.after!r}"


def _explain_reasons(changes: Iterable[Change], said: set[str], echo: Callable[[str], None]) -> None:
    for c in changes:
        for label, text in (("why", c.reason), ("evidence", c.evidence)):
            if text and text not in said:
                echo(f"    {label}: {text}")
                said.add(text)


def report_diagnostics(
    name: str,
    diagnostics: Iterable[Diagnostic],
    echo: Callable[[str], None],
    total: int | None = None,
    place: Callable[[int], str] | None = None,
) -> None:
    """One line per problem; ``total`` counts any not carried back (from a tree's worker);
    ``place(i)``, where given, names the i-th problem's place (``call.docx: paragraph 12``)."""
    shown = 0
    for i, d in enumerate(diagnostics):
        hint = f" (suggestion: {d.suggestion})" if d.suggestion else ""
        where = place(i) if place is not None else f"{name}:{d.line}:{d.column}"
        echo(f"{where}: [{d.code}] {d.message}{hint}")
        shown += 1
    if total is not None and total > shown:
        echo(f"{name}: … and {total - shown} more problems (`polyglot normalize --check {name}` lists them all)")


def normalize_tree_in_place(root: str, out_dir: str | None, request: Request) -> bool:
    """Write a tree in place or into ``out_dir`` (``batch.tree.normalize_tree``: files in parallel,
    finished ones recorded); return whether any file failed."""
    errors: list[str] = []
    warn: Callable[[str], None] = (lambda s: None) if request.quiet else (lambda s: click.echo(s, err=True))

    def note(job: Job, report: FileReport | None) -> None:
        if report is not None:
            report_diagnostics(report.path, report.diagnostics, warn, report.diagnostic_count)

    def run(progress: Callable[[Job, FileReport | None], None]) -> None:
        normalize_tree(
            root,
            out_dir,
            request.options,
            jobs=request.jobs,
            block_lines=request.block_lines,
            progress=progress,
            errors=errors,
            skipped=None if request.quiet else skipped,
            normalize=normalize_any_file,  # Word, Excel … documents, HTML, subtitles, PDF, text
        )

    if not request.quiet and sys.stderr.isatty():
        total = sum(1 for _ in walk(root, out_dir))
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
@click.option("--diff", is_flag=True, help="Show a unified diff instead of the text.")
@click.option(
    "--explain",
    is_flag=True,
    help="Explain every change, word by word in reading order: FILE:LINE:COLUMN (a column counts what the "
    "arrow keys step over), before → after, the words around it, why, evidence.",
)
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
    help="Lines per block; each block is normalized as a document of its own.",
)
@click.option("-q", "--quiet", is_flag=True, help="No diagnostics and no progress bar on stderr.")
def normalize(paths: tuple[str, ...], recursive: bool, out_dir: str | None, **flags: object) -> None:
    """Convert Zawgyi to Unicode, repair damage and normalize Burmese; everything else untouched.

    With no PATH (or -), read standard input and write standard output. The output has
    exactly as many lines as the input, the same line endings and byte order mark.

    Input is streamed in blocks of --block-lines lines, each normalized as a document of
    its own, so memory stays bounded for files of any size; --check, --diff, --explain
    and --format json report on those same blocks, so they show exactly what is
    written. --jobs spreads blocks (or, for a tree written with --in-place or --out,
    files) over processes. --recursive DIR with --in-place or --out DIR2 records
    finished files, so an interrupted run can be re-run without redoing them.

    Documents (.docx .xlsx .pptx and their macro-enabled kin, .odt .ods .odp, .html,
    .srt .vtt, and .pdf, read only) are edited in place: only their text changes, and
    changes are named by paragraph, cell, cue or page and line.

    A file that cannot be read or written is reported on stderr and the other files
    still run, whatever the output; the exit status is then 2.
    """
    options = Options(
        target=flags.pop("target"),  # type: ignore[arg-type]
        repair=not flags.pop("no_repair"),
        source=flags.pop("source"),  # type: ignore[arg-type]
    )
    request = Request(options, json=flags.pop("fmt") == "json", **flags)  # type: ignore[arg-type]
    if request.in_place and request.check:
        fail("--in-place and --check contradict each other")
    if out_dir is not None and (request.in_place or request.reports):
        fail(
            "--out writes a normalized tree; it cannot be combined with --in-place, --check, --diff, "
            "--explain or --format json"
        )
    if out_dir is not None and not (recursive and len(paths) == 1 and os.path.isdir(paths[0])):
        fail("--out needs --recursive and exactly one directory")
    inputs = list(paths) or [STDIN]
    if request.in_place and STDIN in inputs:
        fail("--in-place needs files, not standard input")
    findings = failed = False
    for path in inputs:
        writes_tree = out_dir is not None or request.in_place
        if path != STDIN and os.path.isdir(path) and recursive and writes_tree and not request.reports:
            failed |= normalize_tree_in_place(path, out_dir, request)
            continue
        found, bad = each_input(
            expand_paths((path,), recursive, request.quiet), lambda name: normalize_input(name, request)
        )
        findings, failed = findings or found, failed or bad
    if failed:
        sys.exit(2)
    if request.check and findings:
        sys.exit(1)


if __name__ == "__main__":
    main()
