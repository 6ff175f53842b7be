"""A built page as text, block by block, with the language each block is in.

What a reader sees, for a terminal: the heading, notices and body blocks of a page's
``<article>``, each with its ``lang`` and whether it is marked as English fallback
(``class="untranslated"``). ``polyglot outline`` prints it; the demo ends with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "aside"})


@dataclass(frozen=True)
class Line:
    tag: str
    lang: str
    fallback: bool
    text: str

    def __str__(self) -> str:
        mark = ", English fallback" if self.fallback else ""
        return f"[{self.lang}{mark}] {self.tag}: {self.text}"


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.langs: list[str] = []
        self.stack: list[tuple[str, str, bool, list[str]]] = []
        self.in_article = 0
        self.articles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.langs.append(values.get("lang") or (self.langs[-1] if self.langs else ""))
        if tag == "article":
            self.in_article += 1
            self.articles += 1
        if self.in_article and tag in BLOCKS:
            classes = (values.get("class") or "").split()
            self.stack.append((tag, self.langs[-1], "untranslated" in classes, []))

    def handle_endtag(self, tag: str) -> None:
        if self.langs:
            self.langs.pop()
        if tag == "article":
            self.in_article -= 1
        if self.stack and self.stack[-1][0] == tag:
            name, lang, fallback, parts = self.stack.pop()
            text = " ".join("".join(parts).split())
            if text:
                self.lines.append(Line(name, lang, fallback, text))

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1][3].append(data)


def outline(html: str, name: str = "<page>") -> list[Line]:
    """The blocks of a page's article in reading order (a block inside another, such as
    a paragraph in a list item, is listed on its own, before its container).

    A page with no ``<article>`` is not an announcement page ``polyglot build`` wrote:
    an ``InputError``, since an empty outline would look like an empty announcement.
    """
    from polyglot.files import InputError

    parser = _Outline()
    parser.feed(html)
    parser.close()
    if not parser.articles:
        raise InputError(f"{name}: no <article>: not an announcement page written by `polyglot build`")
    return parser.lines
