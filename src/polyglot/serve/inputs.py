"""What a request to ``polyglot serve``'s API carries: a text or a file, and the options.

Three shapes, as clients send them: JSON ``{"text": ..., "to": ..., "from": ...}`` (a pasted
text: it is what ``polyglot normalize -`` reads on standard input, so its name is
``<stdin>``); a ``multipart/form-data`` upload with a ``file`` field (a browser form,
``curl -F file=@call.txt``); or the file's bytes as the body (``text/plain`` or
``application/octet-stream``, its name in ``?name=``). Options may also come as query
parameters (``?to=zawgyi``). Everything is parsed in memory, never spooled to disk:
documents sent here are human-rights material, and nothing of them may be left behind.

Every way a request can be wrong is a ``BadRequest`` with the HTTP status and one line
that says what to send instead; the server turns it into a response, never a traceback.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP

from polyglot.batch.block import Options

STDIN_NAME = "<stdin>"
TEXT_TYPES = ("text/plain", "application/octet-stream")
TARGETS = ("unicode", "zawgyi")
SOURCES = ("auto", "unicode", "zawgyi")


class BadRequest(Exception):
    """A request the API cannot answer: its HTTP status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Upload:
    """One input: the name it is reported under, its bytes, and how to normalize it."""

    name: str
    data: bytes
    options: Options


def safe_name(name: str) -> str:
    """The file's own name, without any folder a client put in front of it.

    >>> safe_name("../../etc/call.txt"), safe_name("C:\\\\Users\\\\me\\\\call.txt"), safe_name("")
    ('call.txt', 'call.txt', 'upload.txt')
    """
    base = os.path.basename(name.replace("\\", "/")).strip()
    return base if base and base not in (".", "..") else "upload.txt"


def _choice(value: object, field: str, allowed: tuple[str, ...], default: str) -> str:
    if value is None:
        return default
    if not isinstance(value, str) or value not in allowed:
        raise BadRequest(422, f"'{field}' must be one of {', '.join(allowed)}")
    return value


def _options(fields: Mapping[str, object]) -> Options:
    return Options(
        target=_choice(fields.get("to"), "to", TARGETS, "unicode"),  # type: ignore[arg-type]
        source=_choice(fields.get("from"), "from", SOURCES, "auto"),  # type: ignore[arg-type]
    )


def parse(content_type: str, body: bytes, query: Mapping[str, str]) -> Upload:
    """The input of a request, or ``BadRequest`` saying what is wrong with it."""
    if not body:
        raise BadRequest(400, 'empty request body: send JSON {"text": "..."} or a file')
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "application/json":
        return _json(body, query)
    if kind == "multipart/form-data":
        return _multipart(content_type, body, query)
    if kind in TEXT_TYPES:
        return Upload(safe_name(query.get("name", "")), body, _options(query))
    shown = kind or "none"
    raise BadRequest(
        415,
        f'unsupported content type {shown!r}: send application/json with a "text" field, '
        'multipart/form-data with a "file" field, or the file itself as text/plain',
    )


def _json(body: bytes, query: Mapping[str, str]) -> Upload:
    try:
        value = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise BadRequest(400, f"malformed JSON: not UTF-8 at byte {err.start}") from None
    except json.JSONDecodeError as err:
        raise BadRequest(400, f"malformed JSON: {err.msg} at line {err.lineno}, column {err.colno}") from None
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        raise BadRequest(422, 'JSON must be an object with a "text" string: {"text": "..."}')
    if not value["text"]:
        raise BadRequest(400, 'empty "text": nothing to normalize')
    fields = {**query, **{key: value[key] for key in ("to", "from") if key in value}}
    return Upload(STDIN_NAME, value["text"].encode("utf-8", "surrogatepass"), _options(fields))


def _multipart(content_type: str, body: bytes, query: Mapping[str, str]) -> Upload:
    """A form upload, parsed by the standard library's MIME parser (in memory)."""
    if "boundary=" not in content_type:
        raise BadRequest(400, "malformed multipart upload: no boundary in the content type")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    fields: dict[str, object] = dict(query)
    found: tuple[str, bytes] | None = None
    parts = message.get_payload() if message.is_multipart() else None
    if not isinstance(parts, list):
        raise BadRequest(400, "malformed multipart upload: no parts")
    for part in parts:
        if not isinstance(part, Message):
            continue
        field = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        if field == "file":
            found = (safe_name(str(part.get_filename() or "")), data)
        elif field in ("to", "from"):
            fields[str(field)] = data.decode("utf-8", "replace")
    if found is None:
        raise BadRequest(400, 'multipart upload without a "file" field')
    if not found[1]:
        raise BadRequest(400, f"{found[0]}: empty file")
    return Upload(found[0], found[1], _options(fields))
