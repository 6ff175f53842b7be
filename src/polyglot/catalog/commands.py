"""The catalog commands: extract, update, ingest, check, compile, stats.

Each command parses its options, calls the library, and formats what it got back; the
work itself lives in the modules beside this one. Errors in the user's input
(``InputError``) become a one-line message on stderr and exit status 2 (in the
command group, ``cli._Polyglot``, for every command); findings of a
check become exit status 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from polyglot.catalog import storage
from polyglot.catalog.locales import Locale, get_locale
from polyglot.catalog.pofile import Catalog
from polyglot.config import Config, load_config
from polyglot.files import InputError


def _config() -> Config:
    return load_config()


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
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output for people or for programs.",
)


@click.command()
@quiet_option
def extract(quiet: bool) -> None:
    """Extract one message per block of the corpus into the template (.pot)."""
    from polyglot.catalog.extract import extract as build

    config = _config()
    template = build(config)
    written = storage.save(config.template_path, template, touch="POT-Creation-Date")
    state = "written" if written else "unchanged"
    _say(quiet, f"{config.relative(config.template_path)}: {len(template.messages)} messages ({state})")


@click.command()
@lang_option
@quiet_option
def update(langs: tuple[str, ...], quiet: bool) -> None:
    """Merge the template into each language's catalog, keeping every translation."""
    from polyglot.catalog.merge import merge

    config = _config()
    template = storage.load(config.template_path)
    if template is None:
        raise InputError(f"{config.relative(config.template_path)}: no template; run `polyglot extract` first")
    # Read every catalog before writing any: a malformed one must leave all untouched.
    existing = {locale: storage.load(config.catalog_path(locale)) for locale in _locales(config, langs)}
    for locale, old in existing.items():
        path = config.catalog_path(locale)
        catalog, report = merge(template, old, locale, config.domain)
        written = storage.save(path, catalog)
        parts = [
            f"{report.kept} kept",
            f"{len(report.added)} new",
            f"{len(report.fuzzy)} fuzzy",
            f"{len(report.revived)} revived",
            f"{len(report.obsoleted)} obsolete",
        ]
        state = "written" if written else "unchanged"
        _say(quiet, f"{config.relative(path)}: {', '.join(parts)} ({state})")


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

    Burmese is normalized first (Zawgyi, PDF damage). Blocks are aligned with SOURCE's;
    each aligned message gets the translation, marked fuzzy for review. Every block that
    could not be aligned is reported.
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
        doubt = f" ({'; '.join(pair.notes)})" if pair.notes else ""
        _say(
            quiet,
            f"{where}:{pair.translation.line}: aligned with {src}:{pair.source.line} "
            f"[{pair.source.kind}], score {pair.score:.2f}{doubt}",
        )
    for block in report.unaligned_translation:
        click.echo(f"{where}:{block.line}: [ingest] not aligned with any block of {src}: {block.text[:60]!r}", err=True)
    for block in report.unaligned_source:
        click.echo(
            f"{src}:{block.line}: [ingest] no translation found for this {block.kind}: {block.text[:60]!r}", err=True
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


@click.command()
@lang_option
@click.option("--fix", is_flag=True, help="Convert Zawgyi, normalize Burmese and repair headers in place.")
@format_option
def check(langs: tuple[str, ...], fix: bool, fmt: str) -> None:
    """Check the catalogs; exit 1 if any error is found (warnings do not count)."""
    from polyglot.catalog.check import ERROR, check_catalog, fix_catalog
    from polyglot.site.render_check import check_catalog_rendering

    config = _config()
    catalogs = _load_catalogs(config, langs)
    findings = []
    for locale, catalog in catalogs.items():
        if fix:
            fixes = fix_catalog(catalog, locale)
            if fixes:
                storage.save(config.root / catalog.path, catalog, touch="PO-Revision-Date")
                # Re-read what was written, so the remaining findings point at real lines.
                fixed = storage.load(config.root / catalog.path)
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
@quiet_option
def compile_command(langs: tuple[str, ...], quiet: bool) -> None:
    """Build .mo and Jed JSON per language and build/manifest.json (fuzzy never included)."""
    from polyglot.catalog.compile import compile_all

    config = _config()
    result = compile_all(config, _load_catalogs(config, langs))
    for finding in result.left_out:
        click.echo(str(finding), err=True)
    for path in result.written:
        _say(quiet, f"{config.relative(path)}: written")
    _say(quiet, f"{len(result.written)} files written, {len(result.unchanged)} unchanged")


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


def register(group: click.Group) -> None:
    """Add the catalog commands to the main ``polyglot`` group."""
    for command in (extract, update, ingest, check, compile_command, stats):
        group.add_command(command)


__all__ = ["register"]
