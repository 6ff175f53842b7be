"""Where catalogs live on disk, their headers, and writing them without churn.

Every command that writes a catalog goes through ``save``: it writes nothing when the
messages are unchanged, and when they are unchanged except for a timestamp it keeps the
old timestamp, so that running a command twice never produces a diff. Headers are built
here from the locale table, so they never depend on the installed Babel's plural data.

**Nothing lost to a concurrent writer.** A command that reads catalogs and writes them back
holds ``locked`` on the catalogs' folder from its first read to its last write, so two
polyglot commands (``ingest`` during an ``update``) run one after the other, each on what the
other wrote. A translator's editor takes no lock: a file saved by one (or by any program)
after polyglot read it is noticed when polyglot would write it, and nothing is written
(``ConcurrentChange``): run the command again, and reload the file in the editor after.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from polyglot import __version__
from polyglot.catalog.model import Catalog
from polyglot.catalog.pofile import format_po, read_po
from polyglot.files import InputError, write_text_if_changed
from polyglot.locales import Locale

DATE_FIELDS = ("POT-Creation-Date", "PO-Revision-Date")


def now() -> str:
    """The current time in PO header format; ``SOURCE_DATE_EPOCH`` makes builds reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M+0000")


def template_header(domain: str, created: str) -> dict[str, str]:
    return {
        "Project-Id-Version": f"polyglot {domain}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": created,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": GENERATOR,
    }


GENERATOR = f"polyglot {__version__}"
"""``X-Generator`` of the files polyglot creates; a translator's tool that saves one
later puts its own name there, and polyglot leaves it so."""


def catalog_header(domain: str, locale: Locale, created: str, previous: dict[str, str] | None = None) -> dict[str, str]:
    """The header of a translation catalog: ours where it matters, the translators' elsewhere.

    ``Language``, ``Plural-Forms`` and the charset always come from the locale table (the
    ``header`` check enforces the same) and ``POT-Creation-Date`` from the template.
    Every other field a translator or their tool set (``Last-Translator``,
    ``Language-Team``, ``X-Generator``, ``X-Poedit-*``, ...) is kept as found, in its place.
    """
    header = (
        dict(previous)
        if previous
        else {
            "Project-Id-Version": f"polyglot {domain}",
            "Report-Msgid-Bugs-To": "",
            "POT-Creation-Date": created,
            "PO-Revision-Date": created,
            "Last-Translator": "",
            "Language-Team": locale.name,
        }
    )
    header["POT-Creation-Date"] = created
    header["Language"] = locale.code
    header.setdefault("MIME-Version", "1.0")
    header["Content-Type"] = "text/plain; charset=UTF-8"
    header.setdefault("Content-Transfer-Encoding", "8bit")
    header["Plural-Forms"] = locale.plural_forms
    header.setdefault("X-Generator", GENERATOR)
    return header


_READ: dict[Path, tuple[int, int, int]] = {}
"""What each catalog file was (inode, size, modification time) when this command read it."""


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


class ConcurrentChange(InputError):
    """A catalog changed on disk between polyglot reading it and writing it back."""


@contextlib.contextmanager
def locked(folder: Path, waiting: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the exclusive lock of the catalogs' ``folder`` (``flock`` on the folder itself:
    no lock file to leave behind or commit; the kernel drops it when a process dies).

    ``waiting`` is called once if another command holds it; this one then waits its turn.
    """
    _READ.clear()  # what earlier commands in this process read says nothing about this one
    try:
        import fcntl
    except ImportError:  # no flock (Windows): the check in ``save`` still guards every write
        fcntl = None  # type: ignore[assignment]
    if fcntl is None or not folder.is_dir():
        yield
        _READ.clear()
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
        _READ.clear()


def load(path: Path) -> Catalog | None:
    """The catalog at ``path``, or None when there is none yet (what it was is remembered for ``save``)."""
    signature = _signature(path)
    if signature is None:
        return None
    _READ[path.resolve()] = signature
    return read_po(str(path))


def save(
    path: Path, catalog: Catalog, *, touch: str | None = None, given: tuple[str, ...] = (), dry_run: bool = False
) -> bool:
    """Write ``catalog`` if its content changed; return whether the file was (or, with
    ``dry_run``, would be) written.

    ``touch`` names the date field that records this kind of change (``POT-Creation-Date``
    for a template, ``PO-Revision-Date`` when translations change). It is set to now only
    if something other than dates differs from the file on disk; otherwise the file's own
    dates are kept and nothing is written. Date fields named in ``given`` were set by the
    caller on purpose (a catalog's ``POT-Creation-Date`` is its template's) and are kept.
    """
    key = path.resolve()
    if key in _READ and _signature(path) != _READ[key]:
        raise ConcurrentChange(
            f"{path}: changed on disk since polyglot read it (saved in an editor?); nothing written: "
            "run the command again"
        )
    existing = read_po(str(path)) if path.exists() else None
    if existing is not None:
        for name in DATE_FIELDS:
            if name in existing.header and name in catalog.header and name not in given:
                catalog.header[name] = existing.header[name]
        if format_po(existing) == format_po(catalog):
            return False
        if touch is not None:
            catalog.header[touch] = now()
    if dry_run:
        return True
    path.parent.mkdir(parents=True, exist_ok=True)
    written = write_text_if_changed(path, format_po(catalog))
    if key in _READ:
        _READ[key] = _signature(path) or _READ[key]
    return written
