"""Every check with a case it must catch and a case it must let through."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polyglot.catalog.check import ERROR, WARNING, Finding, check_catalog, fix_catalog
from polyglot.catalog.model import Catalog, Message
from polyglot.catalog.pofile import read_po
from polyglot.catalog.scripts import wrong_script
from polyglot.locales import get_locale
from tests.project import Project

from .conftest import set_msgstr

ZAWGYI = "ေလွ်ာက္လႊာ ပိတ္သည့္ ရက္ကို နို၀င္ဘာ ၁၅ ရက္ေန႕"
UNICODE = "လျှောက်လွှာ ပိတ်သည့် ရက်ကို နိုဝင်ဘာ ၁၅ ရက်နေ့"
GOOD_HEADER = {"Language": "my", "Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=1; plural=0;"}


def findings(check: str, msgid: str, msgstr: str, lang: str = "my", fuzzy: bool = False) -> list[Finding]:
    locale = get_locale(lang)
    header = dict(GOOD_HEADER, Language=locale.code)
    message = Message(msgid=msgid, msgstr=msgstr, msgstr_line=7)
    message.fuzzy = fuzzy
    catalog = Catalog(header=header, messages=[message], path="my.po")
    return check_catalog(catalog, locale, only={check})


CASES = [
    # check, lang, msgid, bad msgstr, good msgstr
    ("zawgyi", "my", "Deadline: 15 November", ZAWGYI, UNICODE),
    ("burmese", "my", "Human rights", "လူ့ ာအခွင့်အရေး", "လူ့အခွင့်အရေး"),
    (
        "placeholders",
        "zh_Hans",
        "Hello %(name)s, {count} new",
        "你好，{count}条新消息",
        "你好%(name)s，{count}条新消息",
    ),
    ("html", "zh_Hans", "Read <b>this</b>.", "请阅读这个。", "请阅读<b>这个</b>。"),
    (
        "urls",
        "my",
        "See https://asiacatalyst.org/apply.",
        "https://asiacatalyst.org/ ကိုကြည့်ပါ။",
        "https://asiacatalyst.org/apply ကိုကြည့်ပါ။",
    ),
    ("emails", "zh_Hans", "Write to ksuwin@asiacatalyst.org.", "请写信给我们。", "请发送至ksuwin@asiacatalyst.org。"),
    ("numbers", "my", "from 15 to 30 November", "နိုဝင်ဘာ ၁၅ ရက်မှ", "နိုဝင်ဘာ ၁၅ ရက်မှ ၃၀ ရက်"),
    ("numbers", "zh_Hans", "She is 47, in her mid-20s", "她今年四十岁，二十多岁", "她今年四十七岁，二十多岁"),
    ("numbers", "zh_Hans", "2.505 million people in 2016", "2016年有250万人", "2016年有250.5万人"),
    ("traditional", "zh_Hans", "Development", "發展", "发展"),
    ("punctuation", "zh_Hans", "Yes, really.", "是的,真的.", "是的，真的。"),
    ("punctuation", "my", "Yes, really.", "ဟုတ်ကဲ့, တကယ်ပါ.", "ဟုတ်ကဲ့၊ တကယ်ပါ။"),
    ("sentence-end", "my", "Apply now.", "ယခုလျှောက်ထားပါ", "ယခုလျှောက်ထားပါ။"),
    ("script", "my", "We visited three towns.", "我们走访了三个城镇。", "ကျွန်ုပ်တို့ မြို့သုံးမြို့သို့ သွားခဲ့သည်။"),
    ("script", "my", "We visited three towns.", "We visited three towns.", "Asia Catalyst"),
    ("script", "zh_Hans", "We visited three towns.", "ကျွန်ုပ်တို့ သွားခဲ့သည်။", "我们走访了三个城镇。"),
    (
        "script",
        "zh_Hans",
        "Write to us at ksuwin@example.org.",
        "Write to ksuwin@example.org",
        "HIV 2018 ksuwin@example.org",
    ),
]


@pytest.mark.parametrize(("check", "lang", "msgid", "bad", "good"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_check_catches_the_bad_and_passes_the_good(check: str, lang: str, msgid: str, bad: str, good: str) -> None:
    caught = findings(check, msgid, bad, lang)
    assert caught, f"{check} missed {bad!r}"
    assert all(f.check == check and f.line == 7 for f in caught)
    assert str(caught[0]).startswith(f"my.po:7: [{check}] ")
    assert findings(check, msgid, good, lang) == []


def test_names_numbers_urls_and_markup_need_no_script_of_their_own() -> None:
    """What survives translation as written is no sign of the wrong language."""
    for kept in ("Five Hearts", "HIV/AIDS 2018", "https://asiacatalyst.org/apply", "%(count)s", "**Asia Catalyst**"):
        assert findings("script", kept, kept) == [], kept
    assert findings("script", "Emei and Chengdu", "Emei and Chengdu")  # "and": English prose


def test_myanmar_digit_zero_inside_a_word_is_wa_not_a_number() -> None:
    """နို၀င်ဘာ typed with ၀ (zero) for ဝ (wa) must not be read as the number 0."""
    assert findings("numbers", "November 15", "နို\u1040င်ဘာ ၁၅") == []


def test_simplified_words_icu_would_change_are_not_flagged() -> None:
    assert findings("traditional", "remarkable", "显著的进步") == []


def test_burmese_punctuation_is_never_a_false_positive() -> None:
    for check in ("punctuation", "sentence-end", "numbers"):
        assert findings(check, "Rights, knowledge.", "အခွင့်အရေး၊ အသိပညာ။") == []
    assert findings("punctuation", "Email ksuwin@example.org.", "ksuwin@example.org သို့ ပို့ပါ။") == []


def test_fuzzy_entries_get_warnings_except_zawgyi() -> None:
    numbers = findings("numbers", "from 15 to 30", "၁၅ မှ", fuzzy=True)
    assert [f.severity for f in numbers] == [WARNING]
    assert [f.severity for f in findings("zawgyi", "x", ZAWGYI, fuzzy=True)] == [ERROR]


def test_header_check_and_fix() -> None:
    locale = get_locale("my")
    catalog = Catalog(
        header={
            "Language": "my_MM",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
            "Content-Type": "text/plain; charset=ISO-8859-1",
        },
        path="my.po",
    )
    assert {f.check for f in check_catalog(catalog, locale)} == {"header"}
    assert len(check_catalog(catalog, locale)) == 3
    fixes = fix_catalog(catalog, locale)
    assert len(fixes) == 3
    assert check_catalog(catalog, locale) == []


def test_fix_converts_zawgyi_and_reports_each_change() -> None:
    locale = get_locale("my")
    catalog = Catalog(
        header=dict(GOOD_HEADER),
        path="my.po",
        messages=[Message(msgid="Deadline: 15 November", msgstr=ZAWGYI, msgstr_line=9)],
    )
    fixes = fix_catalog(catalog, locale)
    assert catalog.messages[0].msgstr == UNICODE
    assert fixes and all(f.line == 9 for f in fixes)
    assert any(f.check == "zawgyi" and UNICODE in f.message for f in fixes)
    assert check_catalog(catalog, locale) == []


def test_check_command_exit_codes_fix_and_json(project: Project) -> None:
    project.run("extract")
    project.run("update")
    set_msgstr(project.po("my"), {"Please write to ksuwin@example.org before 30 November 2018.": ZAWGYI})
    result = project.run("check", code=1)
    assert "locales/my/LC_MESSAGES/announcements.po:" in result.output
    assert "[zawgyi]" in result.output
    lines = project.run("check", "--format", "json", code=1).output.splitlines()
    records = [json.loads(line) for line in lines]
    assert {"path", "line", "check", "severity", "message"} <= set(records[0])
    fixed = project.run("check", "--fix", code=1)  # the converted text still lacks an e-mail
    assert "[zawgyi] fixed:" in fixed.output
    catalog = read_po(str(project.po("my")))
    assert any(m.msgstr == UNICODE for m in catalog.messages)
    after = project.run("check", code=1).output
    assert "[zawgyi]" not in after and "[emails]" in after


_PROSE = st.text(alphabet=st.characters(exclude_characters="<>{}%@"))
"""Text around the letter that cannot make it part of a tag, placeholder or address."""


@given(_PROSE, st.sampled_from("ကခမနလ"), _PROSE)
def test_a_msgstr_with_one_burmese_letter_is_never_the_wrong_script(before: str, letter: str, after: str) -> None:
    assert wrong_script(before + letter + after, "Mymr") is None


@given(st.text(alphabet=st.characters(categories=("Nd", "P", "S", "Z"))))
def test_digits_punctuation_and_symbols_alone_are_never_the_wrong_script(text: str) -> None:
    for script in ("Mymr", "Hans"):
        assert wrong_script(text, script) is None
