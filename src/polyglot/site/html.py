"""An announcement's body as HTML, block by block, each block marked with its language.

Why not render ``content.render.render_markdown``'s output: that is the translated
Markdown as a whole, where a translation (untrusted input) could add structure or raw
HTML, and it cannot say which blocks fell back to English. Here the *source* document is
parsed with the content module's own parser (so the blocks line up exactly with
``Document.blocks``, and a translation cannot change the page's structure), each block's
inline content is replaced by its translation parsed as inline Markdown with raw HTML off,
raw HTML anywhere is shown as text (an HTML comment block, an editor's note, is left out;
the content module refuses other HTML blocks), and every block gets ``lang``: the page's
language, or ``en`` with ``class="untranslated"`` where no published translation exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererProtocol
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup

from polyglot.content.document import Document, is_editor_note, line_break, markdown
from polyglot.content.render import Translate
from polyglot.locales import SOURCE_LOCALE, get_locale

SOURCE_TAG = get_locale(SOURCE_LOCALE).web_tag
"""The ``lang`` of text shown untranslated, in the catalogs' source language."""
UNTRANSLATED = "untranslated"
LABEL_MSGID = "In English"
"""The site string that labels a block shown in English (templates use it too, so it is extracted)."""
LABEL_CLASS = "fallback-label"


@dataclass(frozen=True)
class FallbackLabel:
    """The words that tell a reader a block is English, in the page's language where
    translated (``lang`` says which), so a screen reader announces them correctly."""

    text: str
    tag: str


def fallback_label(lookup: Translate, web_tag: str) -> FallbackLabel:
    found = lookup(LABEL_MSGID)
    return FallbackLabel(found, web_tag) if found is not None else FallbackLabel(LABEL_MSGID, SOURCE_TAG)


def _label_tokens(label: FallbackLabel) -> list[Token]:
    """``<span class="fallback-label" lang="my">အင်္ဂလိပ်ဘာသာဖြင့်</span>`` and a space, as inline tokens."""
    opening = Token("fallback_label_open", "span", 1, attrs={"class": LABEL_CLASS, "lang": label.tag})
    return [
        opening,
        Token("text", "", 0, content=label.text),
        Token("fallback_label_close", "span", -1),
        Token("text", "", 0, content=" "),
    ]


@dataclass
class Coverage:
    """How much of a page is in the page's language (messages counted once, as in stats)."""

    translated: set[str] = field(default_factory=set)
    missing: set[str] = field(default_factory=set)

    def add(self, msgid: str, found: bool) -> None:
        (self.translated if found else self.missing).add(msgid)

    @property
    def total(self) -> int:
        return len(self.translated | self.missing)

    @property
    def percent(self) -> float:
        done = len(self.translated - self.missing)
        return 100.0 * done / self.total if self.total else 100.0

    @property
    def complete(self) -> bool:
        return not self.missing


def _escape_html_token(
    renderer: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Raw HTML (in the source or anywhere else) is shown as text, never interpreted; an
    HTML comment block is an editor's note and is not published at all.

    A render rule is bound to the renderer (``add_render_rule`` calls ``__get__``), so it
    takes the renderer first, as markdown-it-py's documented rules do.
    """
    token = tokens[idx]
    if token.type == "html_block" and is_editor_note(token.content):
        return ""
    return escapeHtml(token.content)


@cache
def inline_parser() -> MarkdownIt:
    """Inline Markdown for translations: emphasis, code and links, but no raw HTML."""
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    parser.add_render_rule("html_inline", _escape_html_token)
    parser.add_render_rule("html_block", _escape_html_token)
    return parser


def fold_soft_breaks(children: list[Token]) -> list[Token]:
    """A translation's soft line breaks as the text they stand for (``line_break``).

    A browser turns a soft break into a space except between Chinese characters, which
    would put a space inside a Burmese phrase a translator wrapped in their editor; the
    page gets what the message means instead, decided by the rule the catalogs use. Hard
    breaks (two spaces or a backslash before the newline) stay line breaks.
    """
    texts = [child.content if child.type in ("text", "code_inline") else "" for child in children]
    out = []
    for index, child in enumerate(children):
        if child.type == "softbreak":
            before, after = "".join(texts[:index]), "".join(texts[index + 1 :])
            child = Token("text", "", 0, content=line_break(before, after))
        out.append(child)
    return out


def _block_element(tokens: list[Token], index: int) -> Token:
    """The element that carries a block's ``lang``: its heading, paragraph or cell, or for a
    tight list item (whose paragraph is not rendered) the ``<li>``."""
    parent = tokens[index - 1]
    if not parent.hidden:
        return parent
    for position in range(index - 2, -1, -1):
        token = tokens[position]
        if token.nesting == 1 and not token.hidden and token.level < parent.level:
            return token
    return parent


def _mark(token: Token, tag: str, fallback: bool) -> None:
    token.attrSet("lang", tag)
    if fallback:
        existing = token.attrGet("class")
        token.attrSet("class", f"{existing} {UNTRANSLATED}".strip() if existing else UNTRANSLATED)


def render_body(
    document: Document, lookup: Translate, web_tag: str, coverage: Coverage, label: FallbackLabel | None = None
) -> Markup:
    """The body of ``document`` in the language ``web_tag``, falling back block by block.

    A fallback block starts with ``label`` (visible, and read by screen readers in the
    page's language: the ``lang="en"`` of the block alone is not announced by all of them).

    ``coverage`` is updated with every body block's message. Raises AssertionError if the
    parser's blocks and the document's disagree, which would be a bug in this module.
    """
    env: EnvType = {}
    tokens = markdown().parse("\n".join(document.text.split("\n")[document.body_start :]), env)
    blocks = iter(document.body_blocks)
    parser = inline_parser()
    for index, token in enumerate(tokens):
        if token.type != "inline" or not token.content.strip():
            continue
        block = next(blocks)
        translation = lookup(block.text)
        coverage.add(block.text, translation is not None)
        if translation is None:
            text, tag = block.text, SOURCE_TAG
        else:
            text, tag = translation, web_tag
        parsed = parser.parseInline(text, env)  # env: the document's link reference definitions
        token.children = fold_soft_breaks(parsed[0].children or []) if parsed else []
        if translation is None and label is not None and web_tag != SOURCE_TAG:
            token.children = _label_tokens(label) + token.children
        token.content = text
        _mark(_block_element(tokens, index), tag, fallback=translation is None and tag != web_tag)
    assert next(blocks, None) is None, f"{document.path}: blocks and parse disagree"
    html = parser.renderer.render(tokens, parser.options, env)
    return Markup(html)


def render_inline(text: str) -> Markup:
    """A front-matter field (title, summary) as inline Markdown, raw HTML shown as text."""
    parser = inline_parser()
    parsed = parser.parseInline(text)
    children = fold_soft_breaks(parsed[0].children or []) if parsed else []
    return Markup(parser.renderer.render(children, parser.options, {}))
