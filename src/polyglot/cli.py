"""The `polyglot` command: a thin layer over the library (parse options, call, format)."""

from __future__ import annotations

import click

from polyglot import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="polyglot")
def main() -> None:
    """Publish announcements cleanly in English, Burmese and Chinese."""


def _register_subcommands() -> None:
    """Attach the command groups that live beside their library code."""
    from polyglot.catalog.commands import register as register_catalog

    register_catalog(main)


_register_subcommands()
