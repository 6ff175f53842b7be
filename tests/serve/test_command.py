"""The ``polyglot serve`` command: loopback by default, a token beyond it, said at start."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from polyglot.cli import main
from polyglot.serve.app import Guard
from tests.serve.conftest import REPO


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """What uvicorn was asked to run (nothing is bound: the command's choices are the point)."""
    import uvicorn

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append({"app": app, **options}))
    monkeypatch.chdir(REPO)
    return calls


def test_loopback_by_default_without_a_token(started: list[dict[str, object]]) -> None:
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    (call,) = started
    assert call["host"] == "127.0.0.1" and call["port"] == 8000 and not call["access_log"]
    app = call["app"]
    assert isinstance(app, Guard) and app.token is None
    assert "open http://127.0.0.1:8000/ (this computer only" in result.stderr


def test_beyond_loopback_a_token_is_required_and_printed(started: list[dict[str, object]]) -> None:
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    app = started[0]["app"]
    assert isinstance(app, Guard) and app.token and len(app.token) >= 20
    assert (
        f"http://0.0.0.0:8123/?token={app.token}" in result.stderr and "every request needs the token" in result.stderr
    )
    given = CliRunner().invoke(main, ["serve", "--host", "192.168.1.5", "--token", "chosen-one"])
    assert given.exit_code == 0 and started[1]["app"].token == "chosen-one"  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", ["0", "lots", "-5MB", "5XB"])
def test_a_bad_upload_limit_is_a_usage_error(started: list[dict[str, object]], size: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--max-upload", size])
    assert result.exit_code == 2 and "not a size" in result.output and started == []
