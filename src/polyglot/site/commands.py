"""CLI commands of the site package (``polyglot build``)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Attach the site commands to the main ``polyglot`` group (none are finished yet)."""
