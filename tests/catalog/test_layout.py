"""The writer's layout is GNU gettext's own: ``msgcat`` changes no byte of what we write.

Translators' tools rewrap catalogs the way GNU does; if our layout differed, every save
in Poedit and every ``polyglot update`` after it would rewrite lines nobody touched.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polyglot.catalog.layout import break_opportunities, char_width
from polyglot.catalog.model import Catalog, Message
from polyglot.catalog.pofile import format_po, parse_po

MSGCAT = shutil.which("msgcat")
HEADER = {"Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}

BURMESE = "မြန်မာနိုင်ငံ ကျောင်းသား လူ့အခွင့်အရေး"
CHINESE = "我们正在接受社区组织的申请（截止日期：2018年11月30日）。请写信给我们，谢谢！"
URL = "https://example.org/announcements/2018/call-for-applications-from-community-based-organizations?lang=my&x=1"


def msgcat(text: str, tmp: Path) -> str:
    assert MSGCAT, "GNU gettext's msgcat is required (apt-get install gettext)"
    path = tmp / "in.po"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([MSGCAT, str(path)], capture_output=True, text=True, check=True)
    return result.stdout


def assert_gnu_layout(catalog: Catalog, tmp: Path) -> None:
    ours = format_po(catalog)
    assert msgcat(ours, tmp) == ours
    assert format_po(parse_po(ours)) == ours  # and reading it back changes nothing either


# Words mixing what GNU treats differently: spaces, hyphens, slashes, CJK, Burmese with
# its zero-width marks, full-width brackets, escapes, quotes, long unbreakable runs.
PIECES = st.sampled_from(
    [
        "word",
        "a-hyphenated-word",
        " ",
        "  ",
        "\n",
        "\t",
        '"',
        "\\",
        "\a",
        "\b",
        "\f",
        "\v",
        "\r",
        "/",
        "(x)",
        "（注）",
        "2018-19",
        "30.11.2018",
        "e.g.",
        "<b>",
        "%s",
        "{name}",
        "—",
        "…",
        "«»",
        "ksuwin@example.org",
        URL,
        BURMESE,
        "၊",
        "။",
        CHINESE,
        "，",
        "。",
        "x" * 90,
        "中" * 45,
        "é",
        "e\u0301",
    ]
)
TEXT = st.lists(PIECES, max_size=14).map("".join)


def _message(data: st.DataObject, index: int) -> Message:
    msgid = data.draw(TEXT) or f"id {index}"
    plural = data.draw(st.booleans())
    obsolete = data.draw(st.booleans())
    message = Message(msgid=f"{index} {msgid}", obsolete=obsolete)
    if plural:
        message.msgid_plural = data.draw(TEXT) or "plural"
        message.msgstr_plural = {0: data.draw(TEXT)}
    else:
        message.msgstr = data.draw(TEXT)
    if obsolete:
        # GNU keeps an obsolete entry only with a translation to revive.
        message.msgstr_plural = {0: message.msgstr_plural[0] or "t"} if plural else {}
        message.msgstr = message.msgstr or ("" if plural else "t")
    if data.draw(st.booleans()):
        message.msgctxt = data.draw(TEXT)
    if data.draw(st.booleans()) and message.has_translation:
        message.fuzzy = True
        message.previous_msgid = data.draw(TEXT)
        if data.draw(st.booleans()):
            message.previous_msgctxt = data.draw(TEXT)
    if not obsolete:
        message.locations = [(f"corpus/{'long-name-' * data.draw(st.integers(0, 6))}doc.md", n) for n in range(3)]
    message.translator_comments = data.draw(st.lists(st.sampled_from(["note", "", "  indented"]), max_size=2))
    return message


@pytest.mark.skipif(MSGCAT is None, reason="needs GNU gettext")  # the CI installs it: see scripts/system-deps
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_msgcat_changes_no_byte_of_a_generated_catalog(data: st.DataObject, tmp_path: Path) -> None:
    messages = [_message(data, index) for index in range(data.draw(st.integers(1, 6)))]
    assert_gnu_layout(Catalog(header=dict(HEADER), messages=messages), tmp_path)


HAND_CASES = [
    # A Burmese run is one unbreakable piece: its combining marks take no column.
    BURMESE * 3,
    # Chinese breaks between any two ideographs, each two columns wide.
    CHINESE * 2,
    # A URL longer than a line stays whole; a hyphenated word breaks after the hyphen.
    f"See {URL} for the long-hyphenated-community-based-organizations-program-application-form.",
    # Escapes are never split, and a line never starts with the final \n.
    "tab\there " * 8 + "\n",
    "bell\a back\b form\f vertical\v " * 3,
    'He said "quote" and \\backslash\\ ' * 4,
    "line one\nline two\n\nline four",
    "x" * 71,  # fits exactly on the keyword's line
    "x" * 72,
]


@pytest.mark.skipif(MSGCAT is None, reason="needs GNU gettext")
@pytest.mark.parametrize("text", HAND_CASES)
def test_msgcat_keeps_hand_cases(text: str, tmp_path: Path) -> None:
    message = Message(msgid=text, msgstr=text, locations=[("corpus/a.md", 1)])
    old = Message(msgid="old " + text, msgstr=text, obsolete=True, previous_msgid=text, flags=["fuzzy"])
    assert_gnu_layout(Catalog(header=dict(HEADER), messages=[message, old]), tmp_path)


def test_display_width_follows_gnu() -> None:
    assert [char_width(c) for c in "a中\u1031\u103a，\t"] == [1, 2, 1, 0, 2, 0]


def test_break_opportunities() -> None:
    # after a hyphen, before an ideograph, after a space; never inside Burmese
    text = "ab-cd 中文 မြန်မာ"
    breaks = [i for i, ok in enumerate(break_opportunities(text)) if ok]
    assert breaks == [3, 6, 7, 9]


@pytest.mark.skipif(MSGCAT is None, reason="needs GNU gettext")
def test_a_line_separator_restarts_gnus_column_count_but_not_the_line(tmp_path: Path) -> None:
    text = ("word " * 12 + "\u2028") * 3
    assert_gnu_layout(Catalog(header=dict(HEADER), messages=[Message(msgid=text, msgstr=text)]), tmp_path)
