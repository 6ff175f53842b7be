"""Announcements as blocks: kinds, locations, folding, and the errors a bad file gets."""

import pytest

from polyglot.content.document import fold, parse_document
from polyglot.content.render import render_markdown
from polyglot.files import InputError

DOC = """\
---
title: Give us jobs!
slug: jobs
date: 2008-05-01
summary: What people want.
language: en
---

## What people want

The first thing most want is a chance
to rebuild their lives.

- Five Hearts Service Centre
- Emei and Chengdu,
  Sichuan province.

> A quoted paragraph.

| Partner | Place |
|---------|-------|
| Five Hearts | Emei |

Setext heading
--------------

```
code is not translated
```
"""


def test_blocks_have_kinds_lines_and_folded_text() -> None:
    document = parse_document(DOC, "jobs.md")
    got = [(b.kind, b.line, b.end_line, b.text) for b in document.blocks]
    assert got == [
        ("title", 2, 2, "Give us jobs!"),
        ("summary", 5, 5, "What people want."),
        ("heading", 9, 9, "What people want"),
        ("paragraph", 11, 12, "The first thing most want is a chance to rebuild their lives."),
        ("list item", 14, 14, "Five Hearts Service Centre"),
        ("list item", 15, 16, "Emei and Chengdu, Sichuan province."),
        ("paragraph", 18, 18, "A quoted paragraph."),
        ("table cell", 20, 20, "Partner"),
        ("table cell", 20, 20, "Place"),
        ("table cell", 22, 22, "Five Hearts"),
        ("table cell", 22, 22, "Emei"),
        ("heading", 24, 25, "Setext heading"),
    ]
    assert document.meta["date"] == "2008-05-01"
    assert document.slug == "jobs"


def test_reflowing_changes_no_block_text() -> None:
    reflowed = DOC.replace("is a chance\nto rebuild", "is\na chance to rebuild")
    before = [b.text for b in parse_document(DOC).blocks]
    after = [b.text for b in parse_document(reflowed).blocks]
    assert before == after


def test_fold_joins_chinese_lines_without_a_space() -> None:
    assert fold("我们是成年人了，\n不应该依靠家人。") == "我们是成年人了，不应该依靠家人。"
    assert fold("Wu Mei\n确实") == "Wu Mei 确实"
    assert fold("Asia Catalyst\nမှ") == "Asia Catalyst မှ"  # a change of script keeps its space


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("---\ntitle: x\n", "doc.md:1: front matter opened with '---' is never closed"),
        ("---\ntitle: [unclosed\nslug: x\n---\n", "doc.md:3: invalid front matter"),
        ("---\ntitle: X\ndate: 2019\nlanguage: en\n---\n", "doc.md:1: front matter has no 'slug'"),
        ("---\ntitle: X\nslug: x\ndate: soon\nlanguage: en\n---\n", "doc.md:4: date must be"),
        ("---\ntitle: X\nslug: x\ndate: '၂၀၁၈-၀၆'\nlanguage: en\n---\n", "doc.md:4: date must be"),
        ("---\ntitle: X\nslug: x\ndate: '２０１８'\nlanguage: en\n---\n", "doc.md:4: date must be"),
        ("---\ntitle: ''\nslug: x\ndate: 2019\nlanguage: en\n---\n", "doc.md:2: 'title' must be"),
        ("---\ntitle: X\ntitle: Y\nslug: x\ndate: 2019\nlanguage: en\n---\n", "doc.md:3: field 'title' is given twice"),
        ("---\ntitle: X\nslug: x\ndate: !!int soon\nlanguage: en\n---\n", "doc.md:4: invalid front matter"),
        ("---\ntitle: X\nslug: x\ndate: 2019\nlanguage: en\nx: !!float no\n---\n", "doc.md:6: invalid front matter"),
        ("---\ntitle: X\nslug: x\ndate: !!timestamp no\nlanguage: en\n---\n", "doc.md:4: invalid front matter"),
        ("---\n? [a, b]\n: c\n---\n", "doc.md:2: front matter field names must be text"),
        ("---\n- title\n- slug\n---\n", "doc.md:2: front matter must be a mapping"),
        ("---\n\njust text\n---\n", "doc.md:3: front matter must be a mapping"),
        ("---\ntitle: 1984\nslug: x\ndate: 2019\nlanguage: en\n---\n", "doc.md:2: 'title' must be text; quote it"),
        ("---\ntitle: X\nsummary: [a, b]\nslug: x\ndate: 2019\nlanguage: en\n---\n", "doc.md:3: 'summary' must"),
        ("---\ntitle: X\nslug: x\ndate: 2019\nlanguage: [en]\n---\n", "doc.md:5: language must be"),
        ("---\rtitle: X\rslug: x\rdate: 2019\rlanguage: en\r---\r", "doc.md:1: a carriage return"),
        ("---\ntitle: X\nslug: x\ndate: 2019\nlanguage: en\n---\n\nOne\rtwo\n", "doc.md:8: a carriage return"),
    ],
)
def test_bad_front_matter_is_one_line_with_file_and_line(text: str, where: str) -> None:
    with pytest.raises(InputError) as error:
        parse_document(text, "doc.md")
    assert str(error.value).startswith(where)
    assert "\n" not in str(error.value)


TRANSLATIONS = {
    "Give us jobs!": "给我们工作！",
    "What people want": "人们想要什么",
    "The first thing most want is a chance to rebuild their lives.": "大多数人最想要的是重建生活的机会。",
    "Emei and Chengdu, Sichuan province.": "四川省峨眉和成都。",
    "Place": "地点",
    "Emei": "峨眉",
    "Setext heading": "标题",
}


def test_render_replaces_translated_blocks_and_keeps_the_rest() -> None:
    document = parse_document(DOC, "jobs.md")
    out = render_markdown(document, TRANSLATIONS.get, "zh-Hans")
    assert "title: 给我们工作！" in out
    assert "summary: What people want." in out  # untranslated: the English stays
    assert "language: zh-Hans" in out
    assert "## 人们想要什么\n\n大多数人最想要的是重建生活的机会。\n\n" in out
    assert "- Five Hearts Service Centre\n- 四川省峨眉和成都。\n" in out
    assert "| Partner | 地点 |" in out and "| Five Hearts | 峨眉 |" in out
    assert out.endswith("## 标题\n\n```\ncode is not translated\n```\n")
    assert "```\ncode is not translated\n```" in out
    again = parse_document(out, "jobs.zh.md")
    assert [b.kind for b in again.blocks] == [b.kind for b in document.blocks]


# --------------------------------------------------------------------------- HTML in announcements

HEAD = "---\ntitle: T\nslug: t\ndate: '2018'\nlanguage: en\n---\n\n"


def test_an_html_comment_block_is_an_editors_note_never_a_message() -> None:
    text = HEAD + "<!-- editor: check the dates -->\n\nOne.\n\n<!--\nmulti-line\nnote\n-->\n- Two\n"
    document = parse_document(text, "doc.md")
    assert [(b.kind, b.line, b.text) for b in document.body_blocks] == [
        ("paragraph", 10, "One."),
        ("list item", 16, "Two"),
    ]
    assert all("editor" not in b.text and "note" not in b.text for b in document.blocks)


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ('One.\n\n<div class="x">raw <b>html</b></div>\n', 10),
        ("<script>alert(1)</script>\n", 8),
        ("<!-- a note --> <b>and markup after it</b>\n", 8),
        ("- item\n\n  <iframe src=x></iframe>\n", 10),
        ("<?php echo 1; ?>\n", 8),
    ],
)
def test_raw_html_blocks_are_refused_with_file_and_line(body: str, line: int) -> None:
    with pytest.raises(InputError) as error:
        parse_document(HEAD + body, "doc.md")
    assert str(error.value).startswith(f"doc.md:{line}: raw HTML")
    assert "\n" not in str(error.value)


def test_an_html_comment_inside_a_paragraph_is_refused() -> None:
    """It would reach translators in the message and readers as text."""
    with pytest.raises(InputError) as error:
        parse_document(HEAD + "Deadline is\n30 November <!-- check -->.\n", "doc.md")
    assert str(error.value).startswith("doc.md:8: an HTML comment inside")


def test_crlf_line_endings_are_lines() -> None:
    document = parse_document(HEAD.replace("\n", "\r\n") + "One\r\ntwo.\r\n\r\n- Three\r\n", "doc.md")
    assert [(b.line, b.end_line, b.text) for b in document.body_blocks] == [(8, 9, "One two."), (11, 11, "Three")]


def test_inline_markup_and_code_that_looks_like_html_stay_text() -> None:
    document = parse_document(HEAD + "Press <Enter> and type `<!-- x -->`.\n\n```\n<div>code</div>\n```\n", "doc.md")
    assert [b.text for b in document.body_blocks] == ["Press <Enter> and type `<!-- x -->`."]


def test_render_keeps_crlf_line_endings() -> None:
    text = DOC.replace("\n", "\r\n")
    out = render_markdown(parse_document(text, "jobs.md"), TRANSLATIONS.get, "zh-Hans")
    assert "\n" not in out.replace("\r\n", "")
    assert "## 人们想要什么\r\n\r\n大多数人最想要的是重建生活的机会。\r\n" in out
    assert out.startswith("---\r\ntitle: 给我们工作！\r\n")


def test_a_hard_line_break_is_kept_in_the_message() -> None:
    """A forced break (an address, a poem) is content, not wrapping; both CommonMark spellings
    become the visible one, a backslash before the line end, which the site renders as <br>."""
    assert fold("Five Hearts\\\nEmei") == "Five Hearts\\\nEmei"
    assert fold("Five Hearts  \n  Emei") == "Five Hearts\\\nEmei"
    assert fold("an escaped backslash \\\\\nis text") == "an escaped backslash \\\\ is text"
    assert fold("峨眉\\\n成都") == "峨眉\\\n成都"
    assert fold("  x\ny  ") == "x y"


def test_the_site_renders_a_hard_line_break() -> None:
    from polyglot.site.html import Coverage, render_body

    document = parse_document(HEAD + "Five Hearts\\\nEmei\n\nOne  \ntwo\n", "doc.md")
    html = render_body(document, lambda msgid: None, "en", Coverage())
    assert "Five Hearts<br />\nEmei" in html and "One<br />\ntwo" in html and "\\" not in html
