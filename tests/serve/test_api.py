"""``polyglot serve``'s API over real HTTP (uvicorn on 127.0.0.1): the CLI's answers, the limits,
every malformed request answered with a status and one line, and the server still standing."""

from __future__ import annotations

import http.client
import json
import logging
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from polyglot.serve.app import ServeSettings
from polyglot.serve.page import Assets
from tests.serve.conftest import CALL, LIMIT, REPO, call_docx, start

CORPUS = sorted([*REPO.glob("corpus/incoming/*.txt"), *REPO.glob("corpus/*.md")])


def post(
    url: str, path: str, body: bytes, content_type: str | None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    where = urlsplit(url)
    connection = http.client.HTTPConnection(str(where.hostname), where.port, timeout=120)
    sent = dict(headers or {})
    if content_type is not None:
        sent["Content-Type"] = content_type
    connection.request("POST", path, body=body, headers=sent)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, data


def get(url: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    where = urlsplit(url)
    connection = http.client.HTTPConnection(str(where.hostname), where.port, timeout=60)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, data


def cli(*args: str, cwd: Path, stdin: bytes | None = None) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "polyglot.cli", *args], cwd=cwd, input=stdin, capture_output=True, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_normalize_and_detect_answer_as_the_cli_does(server: str, path: Path) -> None:
    data = path.read_bytes()
    for endpoint, command in (
        ("/api/normalize", ["normalize", "--format", "json"]),
        ("/api/detect", ["detect", "--format", "json"]),
    ):
        status, _, body = post(server, f"{endpoint}?name={quote(path.name)}", data, "text/plain")
        assert status == 200, body
        assert body == cli(*command, path.name, cwd=path.parent)


def test_pasted_text_answers_as_standard_input(server: str) -> None:
    text = CALL.read_text(encoding="utf-8")
    status, headers, body = post(server, "/api/normalize", json.dumps({"text": text}).encode(), "application/json")
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert body == cli("normalize", "--format", "json", "-", cwd=REPO, stdin=text.encode())
    record = json.loads(body)
    assert record["path"] == "<stdin>" and record["changed"] and "\u2002" not in record["text"]
    status, _, body = post(server, "/api/detect", json.dumps({"text": text}).encode(), "application/json")
    assert body == cli("detect", "--format", "json", "-", cwd=REPO, stdin=text.encode())


def test_a_word_document_answers_as_the_cli_does(server: str, tmp_path: Path) -> None:
    path = call_docx(tmp_path / "call.docx")
    data = path.read_bytes()
    status, _, body = post(server, "/api/normalize?name=call.docx", data, "application/octet-stream")
    assert status == 200, body
    assert body == cli("normalize", "--format", "json", "call.docx", cwd=tmp_path)
    assert json.loads(body)["changes"][0]["where"] == "paragraph 1"
    status, _, body = post(server, "/api/detect?name=call.docx", data, "application/octet-stream")
    assert status == 422 and "binary" in json.loads(body)["error"]  # detect reads text, as the CLI's does


def test_a_form_upload_and_to_zawgyi(server: str) -> None:
    text = "မြန်မာ နိုင်ငံ\n".encode()
    boundary = "polyglot-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="to"\r\n\r\nzawgyi\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="../notes/n.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + text
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, _, answer = post(server, "/api/normalize", body, f"multipart/form-data; boundary={boundary}")
    assert status == 200, answer
    record = json.loads(answer)
    assert record["path"] == "n.txt"
    assert record["text"] == cli("normalize", "--to", "zawgyi", "-", cwd=REPO, stdin=text).decode()


@pytest.mark.parametrize(
    ("body", "content_type", "status", "says"),
    [
        (b'{"text": "abc"', "application/json", 400, "malformed JSON"),
        (b"\xff\xfe{}", "application/json", 400, "not UTF-8"),
        (b'["text"]', "application/json", 422, '"text" string'),
        (b'{"text": ""}', "application/json", 400, "empty"),
        (b'{"text": "x", "to": "wingdings"}', "application/json", 422, "'to' must be one of"),
        (b"", "application/json", 400, "empty request body"),
        (b"", "text/plain", 400, "empty request body"),
        (b"<x/>", "application/xml", 415, "unsupported content type"),
        (b"abc", None, 415, "unsupported content type"),
        (b"--b\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b", 400, '"file"'),
        (b"abc", "multipart/form-data", 400, "no boundary"),
        (b"fine\nbro\xffken\n", "text/plain", 422, "upload.txt:2: invalid UTF-8"),
    ],
)
def test_malformed_requests_get_a_4xx_with_a_message(
    server: str, body: bytes, content_type: str | None, status: int, says: str
) -> None:
    got, headers, answer = post(server, "/api/normalize", body, content_type)
    assert got == status, answer
    assert headers["content-type"].startswith("application/json")
    message = json.loads(answer)["error"]
    assert says in message and "Traceback" not in message and "\n" not in message
    assert post(server, "/api/normalize", b'{"text": "ok"}', "application/json")[0] == 200  # still standing


def test_oversized_uploads_get_413(server: str) -> None:
    big = b"a" * (LIMIT + 1)
    status, _, answer = post(server, "/api/normalize?name=big.txt", big, "text/plain")
    assert status == 413 and "limit" in json.loads(answer)["error"]
    # without a Content-Length (chunked), the limit is enforced while reading
    where = urlsplit(server)
    connection = http.client.HTTPConnection(str(where.hostname), where.port, timeout=60)
    connection.request(
        "POST", "/api/detect", body=iter([b"b" * 40_000, b"b" * 40_000]), headers={"Content-Type": "text/plain"}
    )
    assert connection.getresponse().status == 413
    connection.close()
    assert post(server, "/api/normalize", b"a" * LIMIT, "text/plain")[0] == 200  # the limit itself is fine


def test_a_client_that_disconnects_mid_upload_leaves_the_server_standing(server: str) -> None:
    where = urlsplit(server)
    for _ in range(5):
        with socket.create_connection((str(where.hostname), where.port), timeout=10) as raw:
            raw.sendall(
                b"POST /api/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                b"Content-Length: 60000\r\n\r\n" + "မြန်မာ ".encode() * 100
            )
    with socket.create_connection((str(where.hostname), where.port), timeout=10) as raw:
        raw.sendall(b"NONSENSE\x00\r\n\r\n")
        assert raw.recv(100).startswith(b"HTTP/1.1 400")
    assert post(server, "/api/normalize", b'{"text": "ok"}', "application/json")[0] == 200


def test_fifty_concurrent_requests_are_all_answered(server: str) -> None:
    text = CALL.read_text(encoding="utf-8")
    bodies = [json.dumps({"text": text if i % 2 else text.replace("2018", str(1900 + i))}).encode() for i in range(50)]
    started = time.monotonic()
    with ThreadPoolExecutor(50) as pool:
        answers = list(pool.map(lambda body: post(server, "/api/normalize", body, "application/json"), bodies))
    elapsed = time.monotonic() - started
    assert [status for status, _, _ in answers] == [200] * 50
    assert len({body for _, _, body in answers[1::2]}) == 1  # the same input, the same answer, under load
    assert elapsed < 120, elapsed


def test_the_page_says_it_loads_nothing_from_elsewhere(server: str) -> None:
    status, headers, page = get(server, "/my/")
    assert status == 200
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "connect-src 'self'" in policy
    assert headers["x-content-type-options"] == "nosniff" and headers["cache-control"] == "no-store"
    html = page.decode()
    assert "http://" not in html and "https://" not in html and "<script>" not in html
    for path in ("/static/serve.js", "/static/serve.css", "/fonts/fonts.css", "/fonts/myanmar-400.woff2"):
        assert get(server, path)[0] == 200, path
    assert get(server, "/nothing-here")[0] == 404
    assert get(server, "/api/normalize")[0] == 405


def test_nothing_is_written_and_only_the_request_line_is_logged(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    secret = "ကိုယ္ secret-witness-name"
    boundary = "b0"
    form = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="witness-7.txt"\r\n\r\n'
        + f"{secret}\n" * 1000
        + f"\r\n--{boundary}--\r\n"
    ).encode()
    with caplog.at_level(logging.DEBUG):
        assert post(server, "/api/normalize", form, f"multipart/form-data; boundary={boundary}")[0] == 200
        assert post(server, "/api/view?name=witness-7.txt", secret.encode(), "text/plain")[0] == 200
        time.sleep(0.2)
    assert list(spool.iterdir()) == []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert '"POST /api/normalize HTTP/1.1" 200' in logged and '"POST /api/view HTTP/1.1" 200' in logged
    assert "secret" not in logged and "witness" not in logged


def test_beyond_loopback_every_request_needs_the_token(assets: Assets) -> None:
    running = start(assets, ServeSettings(token="s3cret-token"))
    try:
        assert get(running.url, "/en/")[0] == 401
        assert post(running.url, "/api/detect", b'{"text": "x"}', "application/json")[0] == 401
        assert (
            post(running.url, "/api/detect", b'{"text": "x"}', "application/json", {"Authorization": "Bearer no"})[0]
            == 401
        )
        ok = post(
            running.url, "/api/detect", b'{"text": "x"}', "application/json", {"Authorization": "Bearer s3cret-token"}
        )
        assert ok[0] == 200
        status, headers, _ = get(running.url, "/my/?token=s3cret-token")
        assert status == 303 and headers["location"] == "/my/" and "httponly" in headers["set-cookie"].lower()
        cookie = headers["set-cookie"].split(";")[0]
        assert get(running.url, "/my/", {"Cookie": cookie})[0] == 200
    finally:
        running.stop()
