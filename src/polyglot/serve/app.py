"""The ASGI application behind ``polyglot serve``: the page, its files and the JSON API.

Starlette and uvicorn (from the package index) rather than the standard library's
``http.server``: uvicorn parses HTTP with h11, a strict parser that answers a malformed
request with 400 and keeps serving; a client that disconnects mid-upload ends only its
own request (``ClientDisconnect``); requests are served concurrently while the work runs
in worker threads. ``http.server`` would need each of those written and tested here.

What the server promises, because the documents are human-rights material:

- Nothing is stored: bodies are read into memory (at most ``limit`` bytes each, and at
  most ``concurrency`` requests at a time, so memory is bounded), parsed there, answered,
  and dropped. No file is written.
- Nothing is logged but each request's method, path and status (not its query string,
  which can hold a file name or the token; never its body).
- Nothing is fetched from elsewhere: the page's script, style and fonts come from here,
  and the Content-Security-Policy tells the browser to refuse anything else.
- On an address other than loopback a token is required (``Authorization: Bearer``, or
  ``?token=`` once, which sets a cookie for the page).
- Every error is a status with a one-line JSON ``{"error": ...}``, never a traceback.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import parse_qsl, urlencode

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from polyglot.serve.inputs import BadRequest, Upload, parse
from polyglot.serve.page import Assets
from polyglot.serve.view import detect_json, normalize_json, page_view

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""Only this server's own script, style, fonts and API; no inline script, no frames."""
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]
COOKIE = "polyglot_token"
MEGABYTE = 1024 * 1024
log = logging.getLogger("polyglot.serve")


@dataclass(frozen=True)
class ServeSettings:
    limit: int = 50 * MEGABYTE
    """Largest request body, in bytes; a larger one gets 413."""
    token: str | None = None
    """Required on every request when set (the server listens beyond loopback)."""
    concurrency: int = 2
    """Requests read and normalized at once; others wait their turn (bounded memory)."""


class Guard:
    """Security headers on every response, the token check, and the one-line access log."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 0

        async def send_guarded(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        try:
            if self.token is None or self._allowed(scope):
                await self.app(scope, receive, send_guarded)
            elif self._token_in_query(scope):
                await self._remember(scope, receive, send_guarded)
            else:
                error = {"error": "this server needs its token: open the address printed at its start"}
                await JSONResponse(error, 401)(scope, receive, send_guarded)
        finally:
            log.info('"%s %s HTTP/%s" %d', scope["method"], scope["path"], scope.get("http_version", "1.1"), status)

    def _allowed(self, scope: Scope) -> bool:
        assert self.token is not None
        request = Request(scope)
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        given = given or request.cookies.get(COOKIE, "")
        return hmac.compare_digest(given.encode(), self.token.encode())

    def _token_in_query(self, scope: Scope) -> bool:
        assert self.token is not None
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        return hmac.compare_digest(query.get("token", "").encode(), self.token.encode())

    async def _remember(self, scope: Scope, receive: Receive, send: Send) -> None:
        """``?token=`` once: set it as a cookie and send the browser to the address without it."""
        query = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1")) if k != "token"]
        target = scope["path"] + (f"?{urlencode(query)}" if query else "")
        response = RedirectResponse(target, 303)
        assert self.token is not None
        response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict")
        await response(scope, receive, send)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to pass ``limit`` bytes."""
    too_large = BadRequest(413, f"upload larger than the limit of {limit:,} bytes (polyglot serve --max-upload)")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise BadRequest(400, "malformed Content-Length")
        if int(declared) > limit:
            raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(assets: Assets, settings: ServeSettings = ServeSettings()) -> ASGIApp:
    """The application: ``GET`` the page and its files, ``POST`` the API."""
    gate = asyncio.Semaphore(settings.concurrency)

    def api(work: Callable[[Upload], object], media_type: str) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            async with gate:
                try:
                    body = await read_body(request, settings.limit)
                    upload = parse(request.headers.get("content-type", ""), body, request.query_params)
                    answer = await run_in_threadpool(work, upload)
                except BadRequest as err:
                    return JSONResponse({"error": err.message}, err.status)
                except ClientDisconnect:
                    return Response(status_code=499)  # nobody is left to read it
                except Exception as err:  # never a traceback to the client, nor one in the log
                    return JSONResponse({"error": f"internal error ({type(err).__name__})"}, 500)
            if isinstance(answer, str):
                return Response(answer, media_type=media_type)
            return JSONResponse(answer)

        return endpoint

    async def page(request: Request) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": f"{request.url.path}: use POST"}, 405, headers={"Allow": "POST"})
        found = assets.files.get(request.url.path)
        if request.url.path == "/favicon.ico":
            return Response(status_code=204)  # browsers ask; there is none
        if found is None:
            return JSONResponse({"error": f"{request.url.path}: not found"}, 404)
        body, kind = found
        return Response(body, media_type=kind)

    async def root(request: Request) -> Response:
        wanted = request.headers.get("accept-language", "").lower()
        tag = next((t for t in assets.languages if wanted.startswith(t.lower()[:2])), assets.languages[0])
        return RedirectResponse(f"/{tag}/", 303)

    async def not_allowed(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        return JSONResponse({"error": HTTPStatus(status).phrase}, status)

    routes = [
        Route("/", root, methods=["GET"]),
        Route("/api/normalize", api(normalize_json, "application/json"), methods=["POST"]),
        Route("/api/detect", api(detect_json, "application/jsonl"), methods=["POST"]),
        Route("/api/view", api(page_view, "application/json"), methods=["POST"]),
        Route("/{path:path}", page, methods=["GET"]),
    ]
    app = Starlette(routes=routes, exception_handlers={404: not_allowed, 405: not_allowed})
    return Guard(app, settings.token)
