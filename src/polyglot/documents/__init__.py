"""Documents as staff receive them: each format an adapter around the one text pipeline.

An adapter finds a document's text pieces and the places a person can find them
(``report.docx: paragraph 12, run 3``), hands the text to ``normalize_text`` exactly
as a ``.txt`` file's would be, and writes the results back where they were, leaving
every other byte as it was. The Burmese core never sees a file format.

The library entry point is ``normalize_document(data, name, options)``: bytes in, a
``DocumentResult`` (new bytes and what changed where) out, for the CLI and for anything
that receives uploads. This module is cheap to import; the adapters load when used.
"""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from polyglot.batch.block import Options
    from polyglot.batch.stream import FileReport
    from polyglot.documents.document import DocumentResult

PACKAGES = frozenset({".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".pptx", ".pptm", ".odt", ".ods", ".odp"})
"""Zip packages of XML parts: Office Open XML (macro-enabled ones too: macros are kept
untouched, as every part polyglot does not read) and OpenDocument."""

PAGES = frozenset({".html", ".htm", ".xhtml"})
"""Web pages: text edited in place, never re-serialized."""

SUBTITLES = frozenset({".srt", ".vtt"})
"""Subtitles: cue text only, cues named as players number them."""

READ_ONLY = frozenset({".pdf"})
"""Read only: the text comes out, the file is never rewritten."""


def document_kind(name: str | os.PathLike[str]) -> str | None:
    """What a file's name says it is: ``package``, ``html``, ``subtitles``, ``pdf``, or None (text)."""
    suffix = os.path.splitext(os.fspath(name))[1].lower()
    if suffix in PACKAGES:
        return "package"
    if suffix in PAGES:
        return "html"
    if suffix in READ_ONLY:
        return "pdf"
    if suffix in SUBTITLES:
        return "subtitles"
    return None


MAGIC = ((b"PK\x03\x04", "package"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "package"), (b"%PDF-", "pdf"))
"""How a document begins, whatever it is called: a zip, Office's encrypted (OLE) container, a PDF."""


def sniff(head: bytes) -> str | None:
    """The kind of document ``head`` (a file's first bytes) begins, if it begins one."""
    return next((kind for magic, kind in MAGIC if head.startswith(magic)), None)


def input_kind(path: str | os.PathLike[str], head: bytes | None = None) -> str | None:
    """What ``normalize`` reads ``path`` as: a document by its name, else by its first bytes
    (``head``, or read from the file); None for text."""
    kind = document_kind(path)
    if kind is not None:
        return kind
    if head is None:
        try:
            with open(path, "rb") as handle:
                head = handle.read(8)
        except OSError:
            return None  # the text path reports it
    return sniff(head)


def normalize_document(
    data: bytes,
    name: str,
    options: Options | None = None,
    *,
    explain: bool = False,
    font: str | None = None,
    jobs: int = 1,
    kind: str | None = None,
) -> DocumentResult:
    """Normalize the Burmese in a document's text and return its new bytes and report.

    ``name`` is used in messages; ``kind`` (``package``, ``html``, ``pdf``) defaults to
    what the name's extension says, else what the data begins with; ``font`` is the font
    a converted run gets (default: Pyidaungsu, or Zawgyi-One with ``--to zawgyi``). Bad
    input raises ``files.InputError`` with one line naming ``name`` and what is wrong;
    nothing is written anywhere.
    """
    from polyglot.batch.block import Options
    from polyglot.documents.fonts import DEFAULT_UNICODE_FONT, DEFAULT_ZAWGYI_FONT
    from polyglot.files import InputError

    options = options or Options()
    kind = kind or document_kind(name) or sniff(data[:8]) or "package"
    font = font or (DEFAULT_UNICODE_FONT if options.target == "unicode" else DEFAULT_ZAWGYI_FONT)
    if kind == "html":
        from polyglot.documents.html import normalize_html

        return normalize_html(data, name, options, explain=explain, font=font, jobs=jobs)
    if kind == "subtitles":
        from polyglot.documents.subtitles import normalize_subtitles

        return normalize_subtitles(data, name, options, explain=explain, jobs=jobs)
    from polyglot.documents.document import normalize_package
    from polyglot.documents.package import PackageError
    from polyglot.documents.pdf import normalize_pdf

    try:
        if kind == "pdf":
            return normalize_pdf(data, options, explain=explain, jobs=jobs)
        return normalize_package(data, options, explain=explain, font=font, jobs=jobs)
    except PackageError as err:
        raise InputError(f"{name}: {err}") from None


def normalize_document_file(
    source: str | os.PathLike[str], destination: str | os.PathLike[str] | None, options: Options
) -> FileReport:
    """A document of a tree run: normalized into ``destination`` (default: in place), atomically.

    An unchanged document is not rewritten in place; written elsewhere, it is copied as it
    is. A PDF's text goes to ``NAME.txt`` beside where the PDF would go; in place, a PDF
    is refused (``InputError``).
    """
    from polyglot.batch.stream import FileReport
    from polyglot.files import AtomicOutput, InputError, open_binary

    name = os.fspath(source)
    kind = input_kind(name)
    read_only = kind == "pdf"
    if read_only and destination is None:
        raise InputError(f"{name}: a PDF is read only: polyglot prints its text (or writes NAME.txt with -r --out DIR)")
    with open_binary(name) as handle:
        data = handle.read()
    result = normalize_document(data, name, options, kind=kind)
    target = os.fspath(destination if destination is not None else source)
    if read_only:
        target = os.path.splitext(target)[0] + ".txt"
    if destination is not None or result.changed:
        if destination is not None:
            os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        with AtomicOutput(target, like=name) as out:
            out.write(result.data)
    diagnostics = tuple(  # the place a person can find goes first in the message
        dataclasses.replace(d.diagnostic, message=f"{d.where}: {d.diagnostic.message}")
        for d in result.diagnostics
        if d.diagnostic is not None
    )
    return FileReport(name, result.changed, diagnostics, len(result.data), len(diagnostics))
