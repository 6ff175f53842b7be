"""The catalog commands: extract, update, ingest, review, check, compile, stats (``cli.LAZY_COMMANDS``).

Each command parses its options, calls the library, and formats what it got back; the
work itself lives in ``polyglot.catalog``. Errors in the user's input
(``InputError``) become a one-line message on stderr and exit status 2 (in the
command group, ``cli._Polyglot``, for every command); findings of a
check become exit status 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from polyglot.catalog import storage
from polyglot.catalog.model import Catalog
from polyglot.config import Config, load_config
from polyglot.files import InputError
from polyglot.locales import Locale, get_locale


def _config(lock: bool = True) -> Config:
    """The project's configuration; with ``lock``, this command holds the catalogs' lock
    (``storage.locked``) until it ends, so concurrent catalog commands lose nothing."""
    config = load_config()
    if lock:

        def waiting() -> None:
            click.echo(f"{config.relative(config.locales)}: waiting for another polyglot command to finish", err=True)

        context = click.get_current_context()
        context.with_resource(storage.locked(config.locales, waiting))
    return config


def _span(blocks: tuple[Any, ...]) -> str:
    """Where blocks stand in their file: ``3``, ``3-5``, ``3-5, 6-8``."""
    return ", ".join(str(b.line) if b.line == b.end_line else f"{b.line}-{b.end_line}" for b in blocks)


def _locales(config: Config, codes: tuple[str, ...]) -> list[Locale]:
    """The target locales the user named (aliases allowed), or all of the project's."""
    if not codes:
        return list(config.targets)
    chosen = [get_locale(code) for code in codes]
    for locale in chosen:
        if locale.is_source:
            raise InputError(f"{locale.code} is the source language; it has no catalog")
    return list(dict.fromkeys(chosen))


def _say(quiet: bool, message: str) -> None:
    if not quiet:
        click.echo(message)


lang_option = click.option(
    "--lang",
    "-l",
    "langs",
    multiple=True,
    metavar="LANG",
    help="Only this language (repeatable; aliases such as zh_CN or zh-Hans work).",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
check_option = click.option(
    "--check", "dry_run", is_flag=True, help="Write nothing; exit 1 if a file would change (for CI)."
)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output for people or for programs.",
)


def _state(written: bool, dry_run: bool) -> str:
    if dry_run:
        return "would change" if written else "up to date"
    return "written" if written else "unchanged"


@click.command()
@check_option
@quiet_option
def extract(dry_run: bool, quiet: bool) -> None:
    """Extract one message per block of the corpus into the template (.pot)."""
    from polyglot.catalog.extract import extract as build
    from polyglot.site.messages import site_messages

    config = _config()
    template = build(config, site_messages(config))  # the website's own strings, if there is a site
    written = storage.save(config.template_path, template, touch="POT-Creation-Date", dry_run=dry_run)
    state = _state(written, dry_run)
    _say(
        quiet and not (dry_run and written),
        f"{config.relative(config.template_path)}: {len(template.messages)} messages ({state})",
    )
    sys.exit(1 if dry_run and written else 0)


@click.command()
@lang_option
@check_option
@quiet_option
def update(langs: tuple[str, ...], dry_run: bool, quiet: bool) -> None:
    """Merge the template into each language's catalog, keeping every translation."""
    from polyglot.catalog.merge import merge

    config = _config()
    template = storage.load(config.template_path)
    if template is None:
        raise InputError(f"{config.relative(config.template_path)}: no template; run `polyglot extract` first")
    # Read every catalog before writing any: a malformed one must leave all untouched.
    existing = {locale: storage.load(config.catalog_path(locale)) for locale in _locales(config, langs)}
    changed = False
    for locale, old in existing.items():
        path = config.catalog_path(locale)
        catalog, report = merge(template, old, locale, config.domain)
        written = storage.save(path, catalog, given=("POT-Creation-Date",), dry_run=dry_run)
        changed |= written
        parts = [
            f"{report.kept} kept",
            f"{len(report.added)} new",
            f"{len(report.fuzzy)} fuzzy",
            f"{len(report.revived)} revived",
            f"{len(report.obsoleted)} obsolete",
        ]
        _say(
            quiet and not (dry_run and written),
            f"{config.relative(path)}: {', '.join(parts)} ({_state(written, dry_run)})",
        )
    sys.exit(1 if dry_run and changed else 0)


def _load_catalogs(config: Config, langs: tuple[str, ...]) -> dict[Locale, Catalog]:
    """Every requested catalog, read (and so validated) before anything is written."""
    catalogs = {}
    for locale in _locales(config, langs):
        path = config.catalog_path(locale)
        catalog = storage.load(path)
        if catalog is None:
            raise InputError(f"{config.relative(path)}: no catalog; run `polyglot update` first")
        catalog.path = config.relative(path)
        catalogs[locale] = catalog
    return catalogs


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("translation", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", "-l", "lang", required=True, metavar="LANG", help="The language of TRANSLATION.")
@click.option("--force", is_flag=True, help="Overwrite translations already in the catalog.")
@click.option(
    "--trusted",
    is_flag=True,
    help="Do not mark ingested translations fuzzy (only for a translation known to follow its source block by block).",
)
@quiet_option
def ingest(source: Path, translation: Path, lang: str, force: bool, trusted: bool, quiet: bool) -> None:
    """Seed LANG's catalog from TRANSLATION, an existing translation of SOURCE.

    Burmese is normalized first (Zawgyi, PDF damage). Blocks are aligned with SOURCE's in
    order, one for one or one for two, on evidence that survives translation (numbers in
    any script, addresses, Latin names, length); each aligned message gets the
    translation, marked fuzzy for review (see `polyglot review`). Every pair is printed
    with its evidence, every block that could not be aligned with its line and why.
    """
    from polyglot.catalog.ingest import ingest as run
    from polyglot.catalog.merge import merge
    from polyglot.content.document import load_document
    from polyglot.files import read_text

    config = _config()
    locale = _locales(config, (lang,))[0]
    document = load_document(source)
    text = read_text(translation).text
    path = config.catalog_path(locale)
    catalog = storage.load(path)
    if catalog is None:
        template = storage.load(config.template_path)
        if template is None:
            raise InputError(f"{config.relative(config.template_path)}: no template; run `polyglot extract` first")
        catalog, _ = merge(template, None, locale, config.domain)
    where = config.relative(translation)
    report = run(document, text, where, catalog, locale, force=force, trusted=trusted)
    written = storage.save(path, catalog, touch="PO-Revision-Date")
    for line in report.changes:
        _say(quiet, line)
    src = config.relative(source)
    for pair in report.pairs:
        shape = {1: "", 2: " (two blocks for one)"}
        doubt = f"; doubtful: {'; '.join(pair.notes)}" if pair.notes else ""
        _say(
            quiet,
            f"{where}:{_span(pair.translations)}: aligned with {src}:{_span(pair.sources)} "
            f"[{pair.source.kind}]{shape[max(len(pair.sources), len(pair.translations))]}, "
            f"score {pair.score:.2f}: {'; '.join(pair.evidence)}{doubt}",
        )
    for item in report.unaligned_translation:
        click.echo(
            f"{where}:{_span((item.block,))}: [ingest] not aligned with any block of {src} ({item.reason}): "
            f"{item.block.text[:60]!r}",
            err=True,
        )
    for item in report.unaligned_source:
        click.echo(
            f"{src}:{item.block.line}: [ingest] no translation found for this {item.block.kind} ({item.reason}): "
            f"{item.block.text[:60]!r}",
            err=True,
        )
    for block, covering in report.covered:
        click.echo(
            f"{src}:{block.line}: [ingest] translated together with {src}:{covering.line}, in that message's "
            f"msgstr; this {block.kind} stays untranslated (a translator may split it)",
            err=True,
        )
    for msgid in report.kept:
        click.echo(
            f"{config.relative(path)}: [ingest] kept the existing translation of "
            f"{msgid[:60]!r} (use --force to replace it)",
            err=True,
        )
    for msgid in report.missing:
        click.echo(
            f"{config.relative(path)}: [ingest] not in the catalog (run extract and update first): {msgid[:60]!r}",
            err=True,
        )
    state = "written" if written else "unchanged"
    mark = "" if trusted else " (fuzzy, for review)"
    _say(
        quiet,
        f"{config.relative(path)}: {len(report.filled)} translations filled{mark}, "
        f"{len(report.unchanged)} already there, "
        f"{len(report.changes)} normalization changes, "
        f"{len(report.unaligned_source) + len(report.unaligned_translation)} blocks "
        f"not aligned ({state})",
    )


def _file_locale(path: Path, catalog: Catalog, langs: tuple[str, ...]) -> Locale | None:
    """The language of a catalog named on the command line: ``--lang``, else its
    ``Language`` header, else the ``<lang>/LC_MESSAGES`` folder it sits in; None for a
    template (.pot), which has no language and is only read (its syntax checked)."""
    if langs:
        return get_locale(langs[0])
    if catalog.header.get("Language"):
        return get_locale(catalog.header["Language"])
    if path.parent.name == "LC_MESSAGES":
        return get_locale(path.parent.parent.name)
    if path.suffix == ".pot":
        return None
    raise InputError(f"{path}:{catalog.header_line}: no Language in the header; say which with --lang")


@click.command()
@click.argument("document", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", "-l", "lang", required=True, metavar="LANG", help="The catalog to review.")
@click.option("--accept", is_flag=True, help="Accept the document's fuzzy entries (after reading them).")
@click.option("--line", "lines", type=int, multiple=True, metavar="N", help="Only the message at line N of DOCUMENT.")
@click.option(
    "--ignore",
    "ignore",
    multiple=True,
    metavar="CHECK",
    help="Accept entries that fail this check on purpose (they get an '# ignore-CHECK' comment).",
)
def review(document: Path, lang: str, accept: bool, lines: tuple[int, ...], ignore: tuple[str, ...]) -> None:
    """Show DOCUMENT's messages in LANG with their review state; --accept confirms them.

    Fuzzy entries (ingested, or changed in the source) are never published. Read each
    one against its English, then accept it here or in a PO editor (Poedit, Lokalize,
    Weblate: clear "needs work"/fuzzy). Entries failing a check that blocks publishing
    stay fuzzy unless that check is named with --ignore.
    """
    from polyglot.catalog.check import ALWAYS_ERRORS, CHECKS, ignored_checks
    from polyglot.catalog.review import accept as run_accept
    from polyglot.catalog.review import document_messages, findings_for, source_line, state

    config = _config()
    locale = _locales(config, (lang,))[0]
    catalog = _load_catalogs(config, (lang,))[locale]
    name = config.relative(document)
    unknown = sorted(set(ignore) - set(CHECKS)) + sorted(set(ignore) & ALWAYS_ERRORS)
    if unknown:
        raise InputError(f"--ignore {unknown[0]}: not a check that may be ignored ({', '.join(sorted(CHECKS))})")
    messages = document_messages(catalog, name)
    if not messages:
        raise InputError(f"{name}: no messages in {catalog.path}; run `polyglot extract` and `polyglot update`")
    known = {source_line(m, name) for m in messages}
    stray = sorted(set(lines) - known)
    if stray:
        raise InputError(f"{name}:{stray[0]}: no message starts at this line (messages at {sorted(known)})")
    if accept:
        report = run_accept(catalog, name, locale, lines=frozenset(lines), ignore=ignore)
        if report.accepted:
            storage.save(config.root / catalog.path, catalog, touch="PO-Revision-Date")
        for message in report.accepted:
            flags = [f"ignore-{name}" for name in sorted(ignored_checks(message))]
            extra = f" (with {', '.join(flags)})" if flags else ""
            click.echo(f"{name}:{source_line(message, name)}: accepted{extra}: {message.msgid[:60]!r}")
        for message, findings in report.refused:
            reasons = "; ".join(f"[{f.check}] {f.message}" for f in findings)
            click.echo(f"{name}:{source_line(message, name)}: [review] left fuzzy: {reasons}", err=True)
        for message in report.empty:
            click.echo(f"{name}:{source_line(message, name)}: [review] fuzzy with no translation: nothing to accept")
        click.echo(
            f"{catalog.path}: {len(report.accepted)} accepted, {len(report.refused)} left fuzzy "
            f"({'written' if report.accepted else 'unchanged'})"
        )
        sys.exit(1 if report.refused else 0)
    counts: dict[str, int] = {}
    for message in messages:
        where = state(message)
        counts[where] = counts.get(where, 0) + 1
        kind = message.extracted_comments[0] if message.extracted_comments else "message"
        origin = next((c for c in message.translator_comments if c.startswith("ingested from ")), "")
        flags = [f"ignore-{name}" for name in sorted(ignored_checks(message))]
        detail = "; ".join(part for part in (origin, ", ".join(flags)) if part)
        click.echo(f"{name}:{source_line(message, name)} [{kind}] {where}{f' — {detail}' if detail else ''}")
        click.echo(f"    en: {message.msgid}")
        if message.has_translation:
            click.echo(f"    {locale.code}: {message.msgstr}")
        else:
            click.echo(f"    {locale.code}: (none: the page shows the English, marked as such)")
        if where == "fuzzy":
            for finding in findings_for(catalog, message, locale):
                click.echo(f"    check: [{finding.check}] {finding.severity}: {finding.message}")
    summary = ", ".join(f"{counts.get(k, 0)} {k}" for k in ("translated", "fuzzy", "untranslated"))
    click.echo(f"{catalog.path}: {name}: {summary}")


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@lang_option
@click.option("--fix", is_flag=True, help="Convert Zawgyi, normalize Burmese and repair headers in place.")
@format_option
def check(files: tuple[Path, ...], langs: tuple[str, ...], fix: bool, fmt: str) -> None:
    """Check the project's catalogs, or the .po FILES named; exit 1 on any error.

    FILES may be any catalogs, in the project or not (a volunteer's file before it is
    merged; pre-commit passes the changed ones). Each file's language comes from --lang,
    its Language header or its <lang>/LC_MESSAGES folder. A file GNU msgfmt -c would
    reject is an error naming its file and line (exit 2). Warnings do not count.
    """
    from polyglot.catalog.check import ERROR, check_catalog, fix_catalog
    from polyglot.site.render_check import check_catalog_rendering

    todo: list[tuple[Locale, Catalog, Path]] = []
    if files:
        read = [(path, storage.load(path)) for path in files]  # every file read before any is fixed
        for path, catalog in read:
            if catalog is None:
                raise InputError(f"{path}: no such file")
            catalog.path = str(path)
            locale = _file_locale(path, catalog, langs)
            if locale is not None:
                todo.append((locale, catalog, path))
    else:
        config = _config()
        todo = [
            (locale, catalog, config.root / catalog.path) for locale, catalog in _load_catalogs(config, langs).items()
        ]
    findings = []
    for locale, catalog, path in todo:
        if fix:
            fixes = fix_catalog(catalog, locale)
            if fixes:
                storage.save(path, catalog, touch="PO-Revision-Date")
                # Re-read what was written, so the remaining findings point at real lines.
                fixed = storage.load(path)
                assert fixed is not None
                fixed.path = catalog.path
                catalog = fixed
            findings += fixes
        findings += check_catalog(catalog, locale)
        findings += check_catalog_rendering(catalog, locale)  # HarfBuzz with the site's Burmese font
    for finding in findings:
        click.echo(json.dumps(finding.to_dict(), ensure_ascii=False) if fmt == "json" else str(finding))
    errors = sum(finding.severity == ERROR for finding in findings)
    if fmt == "text":
        warnings = sum(finding.severity == "warning" for finding in findings)
        fixed_count = len(findings) - errors - warnings
        summary = f"{errors} errors, {warnings} warnings"
        if fix:
            summary += f", {fixed_count} fixes applied"
        click.echo(summary, err=True)
    sys.exit(1 if errors else 0)


@click.command(name="compile")
@lang_option
@check_option
@click.option("--strict", is_flag=True, help="Exit 1 if any translation was left out (for CI builds of a website).")
@quiet_option
def compile_command(langs: tuple[str, ...], dry_run: bool, strict: bool, quiet: bool) -> None:
    """Build .mo and Jed 1.x JSON per language and build/manifest.json (never fuzzy).

    A translation `polyglot check` calls an error is left out (the English is shown,
    marked) and named on stderr as FILE:LINE: [check] 'msgid'. The rest is still
    published, and the exit status is 0; with --strict it is 1 when anything was left out.
    """
    from polyglot.catalog.compile import compile_all
    from polyglot.site.render_check import check_catalog_rendering

    config = _config()
    result = compile_all(config, _load_catalogs(config, langs), dry_run=dry_run, more=check_catalog_rendering)
    for finding in result.left_out:
        click.echo(str(finding), err=True)
    for path in result.written:
        _say(quiet and not dry_run, f"{config.relative(path)}: {_state(True, dry_run)}")
    failed = strict and bool(result.left_out)
    if dry_run:
        _say(quiet, f"{len(result.written)} files would change, {len(result.unchanged)} up to date")
        sys.exit(1 if result.written or failed else 0)
    count = len({(finding.path, finding.line) for finding in result.left_out})
    left = f", {count} translations left out (English shown)" if count else ""
    _say(quiet, f"{len(result.written)} files written, {len(result.unchanged)} unchanged{left}")
    sys.exit(1 if failed else 0)


@click.command()
@lang_option
@format_option
def stats(langs: tuple[str, ...], fmt: str) -> None:
    """Translated, fuzzy and untranslated messages per language and per announcement."""
    from polyglot.catalog.stats import catalog_stats, format_table

    config = _config()
    catalogs = _load_catalogs(config, langs)
    if fmt == "json":
        data = {}
        for locale, catalog in catalogs.items():
            result = catalog_stats(catalog)
            data[locale.code] = {
                **result.total.to_dict(),
                "obsolete": result.obsolete,
                "documents": {p: c.to_dict() for p, c in result.documents.items()},
            }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    tables = [
        format_table(f"{locale.code} ({locale.name}): {catalog.path}", catalog_stats(catalog))
        for locale, catalog in catalogs.items()
    ]
    click.echo("\n\n".join(tables))


__all__ = ["check", "compile_command", "extract", "ingest", "review", "stats", "update"]
