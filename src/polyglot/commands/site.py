"""The site's commands (``polyglot build``, ``outline``; listed in ``cli.LAZY_COMMANDS``)."""

from __future__ import annotations

from pathlib import Path

import click

from polyglot.config import load_config


def _warn_uncompiled(paths: list[str]) -> None:
    for path in paths:
        click.echo(
            f"{path}: changed since the last `polyglot compile`; this output shows the compiled "
            "translations: run `polyglot compile`, then run this again",
            err=True,
        )


@click.command()
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the site (default: [tool.polyglot.site] out, else site/).",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Percent translated below which a page gets the prominent notice and noindex "
    "(default: [tool.polyglot.site] threshold, else 80).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only problems.")
def build(out: Path | None, threshold: float | None, quiet: bool) -> None:
    """Build the static site from corpus/ and the compiled catalogs in build/ (never the .po files).

    Every announcement gets a page in every language; untranslated or fuzzy blocks are
    shown in English, marked as such. Burmese text that the site's font would show with a
    dotted circle is reported (as `polyglot check` does, where it is an error).

    A catalog edited since the last `polyglot compile` is named, with the advice to
    compile: build does not compile by itself, because compile is the step that decides
    what may be published (and, with --strict, fails a CI job); a build that compiled
    silently would publish catalogs nobody ran that step on.
    """
    from dataclasses import replace

    from polyglot.site.build import build_site
    from polyglot.site.settings import load_site_settings, site_root

    config = load_config()
    settings = load_site_settings(config)
    if threshold is not None:
        settings = replace(settings, threshold=threshold)
    site = site_root(config, settings, out)
    report = build_site(config, settings, site)
    say = (lambda message: None) if quiet else click.echo
    _warn_uncompiled(report.uncompiled)
    for locale in config.languages:
        pages = [page for page in report.pages if page.locale == locale.code]
        complete = sum(page.complete for page in pages)
        partial = [page for page in pages if not page.complete and not page.below_threshold]
        below = [page for page in pages if page.below_threshold]
        say(
            f"{locale.code}: {len(pages)} pages ({complete} complete, {len(partial)} partly in English, "
            f"{len(below)} below {settings.threshold:g}% translated)"
        )
        for page in below:
            say(f"  {page.path}: {page.percent:.0f}% translated; built with the notice, English fallback")
    for font in report.fonts:
        say(f"font: {font.family} {font.weight} ← {font.source}")
    for path in report.stale:
        click.echo(f"{path}: not written by this build (left in place)", err=True)
    for finding in report.render_findings:
        click.echo(f"{finding.path}: [render] warning: {finding.message}", err=True)
    say(f"{len(report.written)} files written, {len(report.unchanged)} unchanged")
    say(f"open {(site / 'index.html').resolve().as_uri()}")


@click.command(name="export")
@click.option(
    "--layout",
    required=True,
    type=click.Choice(["hugo", "jekyll", "eleventy", "mkdocs", "json"]),
    help="Where and how to write: a site generator's content layout, or JSON for JS apps.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The directory to write into (default: export/LAYOUT).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only problems.")
def export_command(layout: str, out: Path | None, quiet: bool) -> None:
    """Write every announcement in every language for another site generator or a JS app.

    Markdown with front matter (title, date, lang, slug, translation state) where Hugo,
    Jekyll, Eleventy or MkDocs look for content, English fallback blocks wrapped in
    <span class="polyglot-fallback" lang="en"> with a label in the page's language; or
    one JSON file per language keyed by document and block. From the compiled catalogs,
    like `polyglot build`.
    """
    from polyglot.site.export import export

    config = load_config()
    target = out if out is not None else config.root / "export" / layout
    report = export(config, layout, target)
    _warn_uncompiled(report.uncompiled)
    if not quiet:
        for path in report.written:
            click.echo(f"{path}: written")
        click.echo(f"{target}: {len(report.written)} files written, {len(report.unchanged)} unchanged")


@click.command(name="outline")
@click.argument("page", type=click.Path(dir_okay=False, path_type=Path))
def outline_command(page: Path) -> None:
    """Print a built PAGE block by block: its language, and which blocks are English fallback."""
    from polyglot.files import read_text
    from polyglot.site.outline import outline

    for line in outline(read_text(str(page)).text, str(page)):
        click.echo(str(line))


__all__ = ["build", "export_command", "outline_command"]
