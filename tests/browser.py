"""Headless Chromium for the browser tests: Debian's own (Playwright cannot download one here),
launched the same way by the site's tests and ``polyglot serve``'s."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, sync_playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.fail("Chromium is needed for the browser tests: sudo apt-get install chromium")
    return path


@contextmanager
def chromium(profile: Path, **options: object) -> Iterator[BrowserContext]:
    """A persistent headless Chromium context with its profile in ``profile``."""
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium_path(),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1000, "height": 1200},
            **options,  # type: ignore[arg-type]
        )
        try:
            yield context
        finally:
            context.close()
