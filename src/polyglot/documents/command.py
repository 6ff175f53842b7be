"""``polyglot normalize`` on a document: the same modes as on text, places named as a person finds them.

The text path streams blocks of lines; a document is read whole (a zip must be), judged
by the same blocks (``document``), and shown per paragraph: ``--explain`` and
diagnostics name ``report.docx: paragraph 12, run 3``, ``--diff`` shows each changed
paragraph under its place, ``--format json`` gives one object per document with a
``where`` on every change and problem. The document's bytes go where text would go:
``--in-place`` (atomically), or standard output when that is not a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from polyglot.documents import normalize_document
from polyglot.files import AtomicOutput, InputError, json_line, open_binary

if TYPE_CHECKING:
    from polyglot.cli import Request
    from polyglot.documents.document import DocumentResult, Located


def read_document(path: str) -> bytes:
    with open_binary(path) as handle:
        return handle.read()


@dataclass(frozen=True)
class Reporters:
    """How the command line says what changed and what is still wrong
    (``cli.explain_paragraph``, ``cli.report_diagnostics``), handed down by it: documents sit
    below the command line, and a document's report reads like a text file's."""

    explain: Callable[..., None]
    report: Callable[..., None]

    def changes(self, name: str, result: DocumentResult, echo: Callable[[str], None]) -> None:
        """Each changed word, paragraph by paragraph, and each reason and evidence once per document."""
        said: set[str] = set()
        places = {id(c.change): c.where for c in result.changes if c.change is not None}
        shown: set[int] = set()
        for where, before, after, first, inside in result.changed_paragraphs():
            self.explain(
                name, before, after, first, inside, lambda c, where=where: places.get(id(c), where), said, echo
            )
            shown.update(id(change) for change in inside)
        for located in result.changes:  # a change outside the paragraphs' text (a font): by its own place
            if located.change is not None and id(located.change) not in shown:
                self.explain(
                    name, "", "", located.change.line, [located.change], lambda c, w=located.where: w, said, echo
                )

    def problems(self, name: str, diagnostics: tuple[Located, ...], echo: Callable[[str], None]) -> None:
        found = [d.diagnostic for d in diagnostics if d.diagnostic is not None]
        self.report(name, found, echo, place=lambda i: f"{name}: {diagnostics[i].where}")


def diff(name: str, result: DocumentResult) -> str:
    """Each changed paragraph, before and after, under its place (a unified diff per paragraph)."""
    if not result.paragraphs:
        return ""
    out = [f"--- {name}\n", f"+++ {name}\n"]
    for where, before, after in result.paragraphs:
        out.append(f"@@ {where} @@\n")
        out.extend(f"-{line}\n" for line in before.split("\n"))
        out.extend(f"+{line}\n" for line in after.split("\n"))
    return "".join(out)


def json_record(path: str, result: DocumentResult, *, with_text: bool = True) -> dict[str, object]:
    """What ``--format json`` prints for a document (and ``polyglot serve``'s API answers)."""
    record: dict[str, object] = {
        "path": path,
        "changed": result.changed,
        "changes": [c.to_dict() for c in result.changes],
        "diagnostics": [d.to_dict() for d in result.diagnostics],
    }
    if result.notes:
        record["notes"] = list(result.notes)
    if result.kind == "pdf" and with_text:
        record["text"] = result.data.decode("utf-8")
    return record


def normalize_document_input(path: str, request: Request, kind: str, say: Reporters) -> bool:
    """``polyglot normalize`` on one document (``-`` is standard input); return whether there are findings."""
    if request.in_place and kind == "pdf":
        raise InputError(f"{path}: a PDF is read only: polyglot prints its text (or writes NAME.txt with -r --out DIR)")
    if path == "-":
        path, data = "<stdin>", sys.stdin.buffer.read()
    else:
        data = read_document(path)
    result = normalize_document(data, path, request.options, explain=request.reports, jobs=request.jobs, kind=kind)
    note: Callable[[str], None] = (lambda s: click.echo(s, err=True)) if request.text_to_stdout else click.echo
    warn: Callable[[str], None] = (lambda s: None) if request.quiet else (lambda s: click.echo(s, err=True))
    if request.in_place:
        if result.changed:
            with AtomicOutput(path) as out:
                out.write(result.data)
    elif request.text_to_stdout:
        if sys.stdout.isatty() and kind == "package":
            raise InputError(
                f"{path}: a document is not shown on a terminal: use --in-place, -r --out DIR, "
                "or redirect standard output to a file"
            )
        sys.stdout.buffer.write(result.data)
        sys.stdout.buffer.flush()
    if request.json:
        click.echo(json_line(json_record(path, result, with_text=not request.check)))
    elif request.explain:
        for line in result.notes:
            note(f"{path}: {line}")
        say.changes(path, result, note)
        say.problems(path, result.diagnostics, note)
    elif request.check:
        if result.changed:
            click.echo(f"{path}: would change ({len(result.changes)} changes, {len(result.diagnostics)} problems)")
        elif result.diagnostics:
            click.echo(f"{path}: unchanged, {len(result.diagnostics)} problems")
        say.problems(path, result.diagnostics, click.echo)
    else:
        say.problems(path, result.diagnostics, warn)
    if request.diff:
        click.echo(diff(path, result), nl=False)
    return result.changed or bool(result.diagnostics)
