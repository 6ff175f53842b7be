"""Properties that must hold for any text, not just the examples we thought of."""

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polyglot.catalog.model import Catalog, Message
from polyglot.catalog.pofile import format_po, parse_po
from polyglot.content.document import parse_document

any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)


@settings(max_examples=300, deadline=None)
@given(
    msgid=any_text.filter(bool),
    msgstr=any_text,
    comment=st.text(st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=40),
)
def test_any_message_survives_writing_and_reading(msgid: str, msgstr: str, comment: str) -> None:
    catalog = Catalog(
        header={"Language": "my"},
        messages=[
            Message(
                msgid=msgid,
                msgstr=msgstr,
                translator_comments=[comment.strip()],
                locations=[("corpus/a.md", 3)],
                flags=["fuzzy"],
                previous_msgid=msgid + "x",
            ),
        ],
    )
    text = format_po(catalog)
    again = parse_po(text)
    message = again.messages[0]
    assert (message.msgid, message.msgstr, message.previous_msgid) == (msgid, msgstr, msgid + "x")
    assert format_po(again) == text


# Words start with a letter: a wrapped line that began with "1." or "-" would start a
# list, which is a change of structure, not a reflow.
words = st.lists(st.from_regex(r"[A-Za-z][A-Za-z0-9’,.()-]{0,11}", fullmatch=True), min_size=1, max_size=60)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(words=words, width=st.integers(min_value=20, max_value=120))
def test_wrapping_a_paragraph_anywhere_gives_the_same_message(words: list[str], width: int) -> None:
    sentence = "Note: " + " ".join(words)
    wrapped = "\n".join(textwrap.wrap(sentence, width, break_long_words=False, break_on_hyphens=False))
    one_line = parse_document(f"Intro.\n\n{sentence}\n")
    reflowed = parse_document(f"Intro.\n\n{wrapped}\n")
    assert [b.text for b in one_line.blocks] == [b.text for b in reflowed.blocks]
