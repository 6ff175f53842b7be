import subprocess
from pathlib import Path

import pytest

from polyglot.catalog.model import Catalog, Message
from polyglot.catalog.pofile import WIDTH, format_po, parse_po
from polyglot.files import InputError

from .conftest import msgfmt_check

FULL = """\
# Burmese translations.
msgid ""
msgstr ""
"Project-Id-Version: polyglot announcements\\n"
"PO-Revision-Date: 2018-11-30 00:00+0000\\n"
"Last-Translator: \\n"
"Language-Team: Burmese\\n"
"Language: my\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

# checked by Khine
#. paragraph
#: corpus/a.md:3 corpus/b.md:7
#, fuzzy
#| msgid "Old \\"quoted\\" text"
msgid "New \\"quoted\\" text"
msgstr "စာသား"

#. title
#: corpus/a.md:1
msgid "Other"
msgstr ""

#~ msgid "Gone"
#~ msgstr "ပျောက်"

#, fuzzy
#~| msgid "Gone before"
#~ msgid "Gone later"
#~ msgstr "နောက်မှ"
"""


def test_round_trip_is_byte_identical() -> None:
    catalog = parse_po(FULL, "my.po")
    assert format_po(catalog) == FULL
    first = catalog.messages[0]
    assert first.fuzzy and first.previous_msgid == 'Old "quoted" text'
    assert first.locations == [("corpus/a.md", 3), ("corpus/b.md", 7)]
    assert first.translator_comments == ["checked by Khine"]
    assert first.line == 19 and first.msgstr_line == 20
    assert [m.obsolete for m in catalog.messages] == [False, False, True, True]
    assert catalog.messages[3].previous_msgid == "Gone before"


def test_msgfmt_accepts_previous_and_obsolete_previous(tmp_path: Path) -> None:
    path = tmp_path / "my.po"
    path.write_text(FULL, encoding="utf-8")
    msgfmt_check(path, tmp_path)


def test_long_strings_wrap_at_79_columns_and_read_back() -> None:
    english = " ".join(["advocacy"] * 40)
    chinese = "亚洲促进会现正接受缅甸社区组织申请参加年度项目" * 5
    catalog = Catalog(header={"Language": "zh_Hans"}, messages=[Message(msgid=english, msgstr=chinese)])
    text = format_po(catalog)
    assert max(len(line) for line in text.splitlines()) <= WIDTH
    again = parse_po(text)
    assert again.messages[0].msgid == english
    assert again.messages[0].msgstr == chinese
    assert format_po(again) == text


@pytest.mark.parametrize(
    ("text", "line", "fault"),
    [
        ('msgid "a"\nmsgstr "b\n', 2, "end-of-line within string"),
        ('msgid "a"\nmsgstr "b"\n\nfoo "c"\n', 4, "unknown keyword 'foo'"),
        ('msgid "a"\n\nmsgid "b"\nmsgstr ""\n', 1, "missing msgstr"),
        ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 4, "duplicate message definition"),
        ('msgid "a"\nmsgstr "\\q"\n', 2, "invalid escape"),
        ('"orphan"\n', 1, "continuation with no keyword"),
    ],
)
def test_malformed_po_names_file_and_line(text: str, line: int, fault: str) -> None:
    with pytest.raises(InputError) as error:
        parse_po(text, "bad.po")
    assert str(error.value).startswith(f"bad.po:{line}: ")
    assert fault in str(error.value)


def test_context_and_plural_entries_round_trip(tmp_path: Path) -> None:
    text = (
        FULL.split("\n\n")[0] + "\n\n"
        'msgctxt "menu"\nmsgid "Open"\nmsgstr "ဖွင့်ပါ"\n\n'
        'msgid "%d day"\nmsgid_plural "%d days"\nmsgstr[0] "%d ရက်"\n'
    )
    catalog = parse_po(text)
    assert catalog.messages[0].key == ("menu", "Open")
    assert catalog.messages[1].msgstr_plural == {0: "%d ရက်"}
    assert format_po(catalog) == text
    path = tmp_path / "my.po"
    path.write_text(text, encoding="utf-8")
    msgfmt_check(path, tmp_path)


def test_a_file_name_with_spaces_is_one_reference_as_gnu_writes_it(tmp_path: Path) -> None:
    """GNU gettext isolates such a name between U+2068 and U+2069; split at the space, it
    would be read back as two references (``corpus/my`` and ``notes.md:8``)."""
    locations: list[tuple[str, int | None]] = [("corpus/my notes.md", 8), ("b.md", 3), ("x y.md", None)]
    header = {"Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    text = format_po(Catalog(header=header, messages=[Message(msgid="a", msgstr="b", locations=locations)]))
    assert "#: \u2068corpus/my notes.md\u2069:8 b.md:3 \u2068x y.md\u2069\n" in text
    assert parse_po(text, "x.po").messages[0].locations == locations
    path = tmp_path / "spaces.po"
    path.write_text(text, encoding="utf-8")
    gnu = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True).stdout
    assert gnu == text
