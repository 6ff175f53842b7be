"""Reading and writing gettext PO files, strictly and in one stable format (the model: ``model.py``).

Why our own, when polib and Babel exist: polib accepts broken files silently (an
unterminated string, a missing ``msgstr``) and drops the previous msgid of obsolete
entries; Babel's writer has produced ``#|`` output that GNU ``msgfmt`` rejects. A
catalog is the translators' work, so the reader refuses anything it cannot represent
faithfully (with ``FILE:LINE: message``), and the writer produces GNU gettext's own
layout (what ``msgcat``, ``msgmerge`` and Poedit write: 79 display columns, GNU's break
points; see ``layout.py``), so a translator's tool and polyglot never fight over line
wrapping, and re-running a command never creates a diff.
"""

from __future__ import annotations

import itertools
import re

from polyglot.catalog.layout import break_class, break_opportunities, char_width
from polyglot.catalog.model import FUZZY, Catalog, Message
from polyglot.files import InputError, read_text

WIDTH = 79
"""GNU gettext's line width: files we write look like files ``msgmerge`` writes."""

# --------------------------------------------------------------------------- reading

_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "\\": "\\",
    '"': '"',
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "'": "'",
    "?": "?",
}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)$")


def _unquote(raw: str, where: str) -> str:
    """The value of one quoted PO string, or an InputError naming the fault.

    Octal (``\\303``) and hex (``\\xc3``) escapes give bytes, as in C and GNU gettext:
    ``"caf\\303\\251"`` is UTF-8 for ``café``. A NUL would end the string in every
    C reader, cutting the message short, so it is refused.
    """
    raw = raw.strip()
    if not raw.startswith('"'):
        raise InputError(f"{where}: expected a quoted string")
    out = bytearray()
    index = 1
    while index < len(raw):
        char = raw[index]
        if char == '"':
            if raw[index + 1 :].strip():
                raise InputError(f"{where}: text after the closing quote")
            try:
                return out.decode("utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{where}: octal or hex escapes that are not UTF-8") from None
        if char == "\\":
            if index + 1 >= len(raw):
                break
            code = raw[index + 1]
            if code in _ESCAPES:
                out += _ESCAPES[code].encode()
                index += 2
                continue
            number = re.match(r"[0-7]{1,3}", raw[index + 1 :]) or (
                re.match(r"x([0-9a-fA-F]{1,2})", raw[index + 1 :]) if code == "x" else None
            )
            if number:
                value = int(number.group(), 8) if code != "x" else int(number.group(1), 16)
                if value == 0 or value > 0xFF:
                    problem = "a NUL (\\0) would end the string" if value == 0 else "octal escape above \\377"
                    raise InputError(f"{where}: {problem}")
                out.append(value)
                index += 1 + len(number.group())
                continue
            raise InputError(f"{where}: invalid escape sequence \\{code}")
        out += char.encode()
        index += 1
    raise InputError(f"{where}: end-of-line within string (missing closing quote)")


class _Parser:
    """A line-oriented state machine over one PO file; see ``parse_po``."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = text.split("\n")
        self.catalog = Catalog(path=path)
        self.seen: dict[tuple[str | None, str], int] = {}
        self._reset()

    def _reset(self) -> None:
        self.entry: dict[str, str] = {}  # msgctxt, msgid, msgid_plural, msgstr as read so far
        self.plurals: dict[int, str] = {}
        self.where: dict[str, int] = {}  # the lines of msgid and msgstr
        self.comments: dict[str, list[str]] = {"#": [], "#.": [], "#,": [], "#:": []}
        self.previous: dict[str, str] = {}
        self.last: tuple[str, int | None] | None = None  # the field continuation lines extend
        # Continuation lines of each field, joined once when the entry closes: adding each
        # line to the string read so far copies it every time (quadratic in a long message).
        self.tails: dict[tuple[str, int | None], list[str]] = {}
        self.obsolete = False
        self.started = 0

    def error(self, lineno: int, message: str) -> InputError:
        return InputError(f"{self.path}:{lineno}: {message}")

    def parse(self) -> Catalog:
        for lineno, raw in enumerate(self.lines, start=1):
            self._line(lineno, raw.rstrip("\r"))
        self._finish(len(self.lines))
        return self.catalog

    def _line(self, lineno: int, line: str) -> None:
        stripped = line.strip()
        if not stripped:
            if self.entry:
                self._finish(lineno)
            return
        obsolete = stripped.startswith("#~")
        if obsolete:
            stripped = stripped[2:].strip()
            if stripped.startswith("|"):
                self._previous(lineno, stripped[1:].strip())
                return
            if not stripped:
                return
        elif stripped.startswith("#"):
            self._comment(lineno, stripped)
            return
        if stripped.startswith('"'):
            self._continue(lineno, stripped)
            return
        match = _KEYWORD.match(stripped)
        if not match:
            word = stripped.split()[0]
            raise self.error(lineno, f"unknown keyword {word!r} (expected msgid, msgstr, ...)")
        keyword, plural_index, rest = match.groups()
        name = "msgstr" if keyword.startswith("msgstr") else keyword
        if name in ("msgctxt", "msgid") and "msgstr" in self.entry:
            self._finish(lineno)
        if self.entry and obsolete != self.obsolete:
            raise self.error(lineno, "an entry mixes obsolete (#~) and active lines")
        self.obsolete = obsolete
        value = _unquote(rest, f"{self.path}:{lineno}")
        index = int(plural_index) if plural_index is not None else None
        if name == "msgstr":
            if "msgid" not in self.entry:
                raise self.error(lineno, "msgstr without a msgid before it")
            if index is not None and "msgid_plural" not in self.entry:
                raise self.error(lineno, f"msgstr[{index}] without a msgid_plural before it")
            if index is None:
                if "msgid_plural" in self.entry:
                    raise self.error(lineno, "a plural message needs msgstr[N], not msgstr")
                if "msgstr" in self.entry:
                    raise self.error(lineno, "msgstr given twice in one entry")
                self.entry["msgstr"] = value
            else:
                if index in self.plurals:
                    raise self.error(lineno, f"msgstr[{index}] given twice")
                self.plurals[index] = value
                self.entry["msgstr"] = ""
            self.where.setdefault("msgstr", lineno)
        else:
            if name in self.entry:
                raise self.error(lineno, f"{name} given twice in one entry")
            if name == "msgid_plural" and "msgid" not in self.entry:
                raise self.error(lineno, "msgid_plural without a msgid before it")
            self.entry[name] = value
            self.where.setdefault(name, lineno)
        self.started = self.started or lineno
        self.last = (name, index)

    def _comment(self, lineno: int, stripped: str) -> None:
        if "msgstr" in self.entry:
            self._finish(lineno)
        elif self.entry:
            raise self.error(lineno, "a comment between msgid and msgstr (GNU msgfmt rejects it)")
        self.started = self.started or lineno
        if stripped.startswith("#|"):
            self._previous(lineno, stripped[2:].strip())
            return
        for prefix in ("#.", "#,", "#:"):
            if stripped.startswith(prefix):
                self.comments[prefix].append(stripped[len(prefix) :].strip())
                return
        text = stripped[1:]
        self.comments["#"].append(text[1:] if text.startswith(" ") else text)

    def _previous(self, lineno: int, rest: str) -> None:
        where = f"{self.path}:{lineno}"
        if rest.startswith('"'):
            if not self.previous:
                raise self.error(lineno, "#| continuation without a previous msgid")
            key = next(reversed(self.previous))
            self.previous[key] += _unquote(rest, where)
            return
        match = _KEYWORD.match(rest)
        if self.entry and "msgstr" not in self.entry:
            raise self.error(lineno, "a #| comment between msgid and msgstr (GNU msgfmt rejects it)")
        if not match or match.group(1) not in ("msgctxt", "msgid", "msgid_plural"):
            raise self.error(lineno, "#| must give a previous msgctxt or msgid")
        self.previous[match.group(1)] = _unquote(match.group(3), where)

    def _continue(self, lineno: int, stripped: str) -> None:
        if self.last is None:
            raise self.error(lineno, "a string continuation with no keyword before it")
        value = _unquote(stripped, f"{self.path}:{lineno}")
        self.tails.setdefault(self.last, []).append(value)

    def _finish(self, lineno: int) -> None:
        """Close the entry read so far. Comments separated from the next entry by blank
        lines belong to it (as GNU reads them); translator comments after the last entry
        are the catalog's trailing comments, so a closing note survives a rewrite."""
        for (name, index), tail in self.tails.items():
            if name == "msgstr" and index is not None:
                self.plurals[index] += "".join(tail)
            else:
                self.entry[name] += "".join(tail)
        self.tails = {}
        entry = self.entry
        if not entry:
            if self.previous or self.comments["#,"] or self.comments["#:"] or self.comments["#."]:
                raise self.error(self.started or lineno, "comments without a message after them")
            if self.comments["#"]:
                if not self.catalog.messages and not self.catalog.header:
                    self.catalog.header_comments.extend(self.comments["#"])
                else:
                    self.catalog.trailing_comments.extend(self.comments["#"])
            self._reset()
            return
        start = self.started or lineno
        if "msgid" not in entry:
            raise self.error(start, "an entry without a msgid")
        if "msgstr" not in entry:
            raise self.error(self.where["msgid"], "missing msgstr after this msgid")
        msgid = entry["msgid"]
        msgctxt = entry.get("msgctxt")
        flags = [flag.strip() for line in self.comments["#,"] for flag in line.split(",")]
        message = Message(
            msgid=msgid,
            msgstr=entry["msgstr"],
            msgctxt=msgctxt,
            msgid_plural=entry.get("msgid_plural"),
            msgstr_plural=dict(self.plurals) if "msgid_plural" in entry else {},
            locations=[_location(item) for line in self.comments["#:"] for item in _location_items(line)],
            extracted_comments=list(self.comments["#."]),
            translator_comments=list(self.comments["#"]),
            flags=list(dict.fromkeys(flag for flag in flags if flag)),
            previous_msgctxt=self.previous.get("msgctxt"),
            previous_msgid=self.previous.get("msgid"),
            previous_msgid_plural=self.previous.get("msgid_plural"),
            obsolete=self.obsolete,
            line=self.where["msgid"],
            msgstr_line=self.where["msgstr"],
        )
        if msgid == "" and msgctxt is None and not self.obsolete:
            if self.catalog.header or self.catalog.messages:
                raise self.error(message.line, 'a second header entry (msgid "")')
            self.catalog.header = _parse_header(message.msgstr, self.path, message.msgstr_line)
            self.catalog.header_comments += message.translator_comments
            self.catalog.header_flags = message.flags
            self.catalog.header_line = message.line
        else:
            if not self.obsolete:
                first = self.seen.get(message.key)
                if first is not None:
                    raise self.error(message.line, f"duplicate message definition (first at line {first})")
                self.seen[message.key] = message.line
            self.catalog.messages.append(message)
        self._reset()


FSI, PDI = "\u2068", "\u2069"
"""A file name with white space in a ``#:`` line is isolated between these (GNU gettext
0.20 and later), so that ``my notes.md:8`` is one reference and not two."""

_LOCATION_ITEM = re.compile(f"{FSI}[^{PDI}]*{PDI}\\S*|\\S+")


def _location_items(line: str) -> list[str]:
    """The references of a ``#:`` line: split at white space, except inside an isolate."""
    return _LOCATION_ITEM.findall(line)


def _location(item: str) -> tuple[str, int | None]:
    path, sep, line = item.rpartition(":")
    if not (sep and line.isdigit()):
        path, line = item, ""
    if path.startswith(FSI) and path.endswith(PDI):
        path = path[1:-1]
    return (path, int(line) if line else None)


def _parse_header(text: str, path: str, lineno: int) -> dict[str, str]:
    header: dict[str, str] = {}
    for line in text.split("\n"):
        if not line.strip():
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise InputError(f"{path}:{lineno}: header line {line!r} is not 'Name: value'")
        header[name.strip()] = value.strip()
    return header


def parse_po(text: str, path: str = "<catalog>") -> Catalog:
    """Parse PO text; any fault is an InputError ``FILE:LINE: message``."""
    return _Parser(text, path).parse()


def read_po(path: str) -> Catalog:
    """Read and parse a PO or POT file through ``polyglot.files``.

    A byte order mark is refused, as GNU ``msgfmt`` refuses it: a catalog with one would
    pass here and fail in every GNU tool.
    """
    source = read_text(path)
    if source.bom:
        raise InputError(f"{path}:1: a byte order mark (GNU msgfmt rejects it); save the file as UTF-8 without BOM")
    return parse_po(source.text, path)


# --------------------------------------------------------------------------- writing

_WRITE_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v", "\\": "\\", '"': '"'}
"""What GNU writes as a backslash escape; every other character is written as itself."""


def _escaped(portion: str) -> tuple[str, list[bool]]:
    """``portion`` as it appears between quotes, and where GNU forbids a break: inside an
    escape, and before the ``\\n`` that ends a line (a line never starts with it)."""
    text: list[str] = []
    forbidden: list[bool] = []
    for char in portion:
        code = _WRITE_ESCAPES.get(char)
        if code is None:
            text.append(char)
            forbidden.append(False)
        else:
            text += ["\\", code]
            forbidden += [False, True]
    if portion.endswith("\n"):
        forbidden[-2] = True
    return "".join(text), forbidden


def _line_breaks(text: str, forbidden: list[bool], width: int, start: int) -> list[bool]:
    """Where GNU breaks ``text`` so that lines fit in ``width`` columns (the first line
    starting at column ``start``): at the last opportunity before a piece overflows.

    A piece between two opportunities is never split, however long (a URL stays whole).
    A line separator (U+2028, U+2029, NEL) is a mandatory break for GNU's measuring only:
    the column starts again after it, but the output line goes on.
    """
    allowed = [ok and not no for ok, no in zip(break_opportunities(text), forbidden, strict=True)]
    breaks = [False] * len(text)
    column, piece, last = start, 0, None
    for index, char in enumerate(text):
        if allowed[index] and break_class(char) == "BK":
            if last is not None and column + piece > width:
                breaks[last] = True
            column, piece, last = 0, 0, None
            continue
        if allowed[index]:
            if last is not None and column + piece > width:
                breaks[last] = True
                column = 0
            last = index
            column += piece
            piece = 0
        piece += char_width(char)
    if last is not None and column + piece > width:
        breaks[last] = True
    return breaks


def _field(keyword: str, value: str, prefix: str = "", wrap: bool = True) -> list[str]:
    """``keyword "value"`` in GNU's layout: one line per ``\\n``-ended portion, each cut
    to fit 79 columns; when the value has several portions or needs a cut, the first
    line is ``keyword ""`` and the text starts on the next."""
    portions = re.findall(r"[^\n]*\n|[^\n]+", value) or [""]
    indent = len(prefix) + 1  # where continuation text starts: after the prefix and a quote
    width = (WIDTH if wrap else 1 << 30) - 1 - indent
    lines: list[str] = []
    first = True
    for number, portion in enumerate(portions):
        text, forbidden = _escaped(portion)
        start = len(keyword) + 1 if first else 0
        breaks = _line_breaks(text, forbidden, width, start)
        if first and text and (number < len(portions) - 1 or start > width or any(breaks)):
            lines.append(f'{prefix}{keyword} ""')
            first, start = False, 0
            breaks = _line_breaks(text, forbidden, width, start)
        head = f"{prefix}{keyword} " if first else prefix
        first = False
        cuts = [0, *(index for index, cut in enumerate(breaks) if cut), len(text)]
        for index, (begin, end) in enumerate(itertools.pairwise(cuts)):
            lines.append(f'{head if index == 0 else prefix}"{text[begin:end]}"')
    return lines


def _locations(locations: list[tuple[str, int | None]]) -> list[str]:
    lines: list[str] = []
    line = "#:"
    for path, lineno in locations:
        name = f"{FSI}{path}{PDI}" if any(ch in path for ch in " \t") else path
        item = f"{name}:{lineno}" if lineno is not None else name
        if line != "#:" and len(line) + 1 + len(item) > WIDTH:
            lines.append(line)
            line = "#:"
        line += " " + item
    if line != "#:":
        lines.append(line)
    return lines


def _comment(mark: str, text: str) -> str:
    return f"{mark} {text}" if text else mark


def _flags(message: Message) -> list[str]:
    """The ``#,`` line: fuzzy first, and only on a message with a translation (GNU drops
    it from an empty one, where it means nothing); other flags as they were read."""
    flags = [flag for flag in message.flags if flag != FUZZY]
    if message.fuzzy and message.translations and message.translations[0]:
        flags.insert(0, FUZZY)
    return ["#, " + ", ".join(flags)] if flags else []


def _message_lines(message: Message) -> list[str]:
    lines = [_comment("#", text) for text in message.translator_comments]
    lines += [_comment("#.", text) for text in message.extracted_comments]
    lines += _locations(message.locations)
    lines += _flags(message)
    wrap = "no-wrap" not in message.flags
    prefix = "#~ " if message.obsolete else ""
    previous = "#~| " if message.obsolete else "#| "
    if message.previous_msgctxt is not None:
        lines += _field("msgctxt", message.previous_msgctxt, previous, wrap)
    if message.previous_msgid is not None:
        lines += _field("msgid", message.previous_msgid, previous, wrap)
    if message.previous_msgid_plural is not None:
        lines += _field("msgid_plural", message.previous_msgid_plural, previous, wrap)
    if message.msgctxt is not None:
        lines += _field("msgctxt", message.msgctxt, prefix, wrap)
    lines += _field("msgid", message.msgid, prefix, wrap)
    if message.msgid_plural is not None:
        lines += _field("msgid_plural", message.msgid_plural, prefix, wrap)
        for index in sorted(message.msgstr_plural):
            lines += _field(f"msgstr[{index}]", message.msgstr_plural[index], prefix, wrap)
    else:
        lines += _field("msgstr", message.msgstr, prefix, wrap)
    return lines


def format_po(catalog: Catalog) -> str:
    """The catalog as PO text in GNU gettext's layout (what ``msgcat`` writes): header,
    active messages, obsolete ones; comments that belong to no message last."""
    out: list[str] = [_comment("#", text) for text in catalog.header_comments]
    if catalog.header_flags:
        out.append("#, " + ", ".join(catalog.header_flags))
    header = "".join(f"{name}: {value}\n" for name, value in catalog.header.items())
    out += _field("msgid", "")
    out += _field("msgstr", header)
    for message in [*catalog.active, *catalog.obsolete]:
        if message.obsolete and not any(message.translations):
            continue  # GNU drops an obsolete entry with no translation: nothing to revive
        out.append("")
        out += _message_lines(message)
    if catalog.trailing_comments:
        out.append("")
        out += [_comment("#", text) for text in catalog.trailing_comments]
    return "\n".join(out) + "\n"
