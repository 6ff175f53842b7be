"""The ``polyglot serve`` command: the page on 127.0.0.1, or with a token on a network."""

from __future__ import annotations

import ipaddress
import logging
import secrets
import sys

import click

from polyglot.config import load_config
from polyglot.files import InputError

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """Is ``host`` reachable only from this machine?

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0"), is_loopback("192.168.1.5")
    (True, True, False, False)
    """
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


def _size(text: str) -> int:
    """``50MB``, ``512KB`` or a number of bytes."""
    value = text.strip().upper().removesuffix("B")
    scale = {"K": 1024, "M": 1024**2, "G": 1024**3}.get(value[-1:], 1)
    number = value[:-1] if scale > 1 else value
    if not number.isdigit() or int(number) <= 0:
        raise click.BadParameter(f"{text!r} is not a size such as 50MB, 512KB or 1000000")
    return int(number) * scale


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", help="The token a client beyond loopback must give (default: a new random one).")
@click.option("--max-upload", default="50MB", show_default=True, help="Largest text or file accepted (413 above).")
def serve(host: str, port: int, token: str | None, max_upload: str) -> None:
    """A page for staff: paste Burmese or drop a file, see each change and why, take the clean text.

    The page and its API (POST /api/normalize, /api/detect: the JSON of `polyglot
    normalize --format json` and `polyglot detect --format json`) listen on 127.0.0.1
    unless --host says otherwise; on any other address every request needs the token,
    printed here. Nothing sent is stored or logged (only each request's method, path and
    status), and the page loads nothing from elsewhere.
    """
    import uvicorn

    from polyglot.serve.app import ServeSettings, create_app
    from polyglot.serve.page import build_assets

    limit = _size(max_upload)
    if is_loopback(host):
        token = None
    elif not token:
        token = secrets.token_urlsafe(18)
    try:
        assets = build_assets(load_config())
    except InputError as err:
        raise click.ClickException(str(err)) from None
    for warning in assets.warnings:
        click.echo(f"polyglot serve: {warning}", err=True)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/"
    if token is None:
        click.echo(f"polyglot serve: open {address} (this computer only; Ctrl-C stops it)", err=True)
    else:
        click.echo(
            f"polyglot serve: listening on {host} beyond this computer: every request needs the token.\n"
            f"  open {address}?token={token}  (replace {host} with this computer's address; Ctrl-C stops it)",
            err=True,
        )
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(message)s")
    app = create_app(assets, ServeSettings(limit=limit, token=token))
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning", server_header=False)
