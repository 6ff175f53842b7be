"""A real ``polyglot serve`` (uvicorn on 127.0.0.1, a free port) in a thread, for the API and page tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from polyglot.config import load_config
from polyglot.serve.app import ServeSettings, create_app
from polyglot.serve.page import Assets, build_assets
from tests.project import REPO
from tests.site.sitekit import repository_copy

__all__ = ["CALL", "LIMIT", "REPO", "call_docx", "start"]

CALL = REPO / "corpus" / "incoming" / "call-for-applications-2018.my.txt"


@dataclass
class Running:
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start(assets: Assets, settings: ServeSettings) -> Running:
    """Serve ``create_app`` on 127.0.0.1 with uvicorn, as the command does, until ``stop``."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(assets, settings), access_log=False, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return Running(f"http://127.0.0.1:{sock.getsockname()[1]}", server, thread)


@pytest.fixture(scope="session")
def compiled_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's catalogs compiled in a copy (the working tree is left alone)."""
    root = tmp_path_factory.mktemp("serve-project")
    repository_copy(root, ["compile", "-q"])
    return root


@pytest.fixture(scope="session")
def assets(compiled_project: Path) -> Assets:
    return build_assets(load_config(compiled_project))


LIMIT = 64 * 1024
"""The tests' upload limit: small, so that 413 is cheap to provoke."""


@pytest.fixture(scope="session")
def server(assets: Assets) -> Iterator[str]:
    running = start(assets, ServeSettings(limit=LIMIT))
    yield running.url
    running.stop()


def call_docx(path: Path) -> Path:
    """The call as a Word document, one paragraph per line (as a PDF's text pasted into Word)."""
    import docx

    document = docx.Document()
    for line in CALL.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return path
