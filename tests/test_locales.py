import pytest

from polyglot.files import InputError
from polyglot.locales import get_locale, known_codes


@pytest.mark.parametrize("alias", ["zh_Hans", "zh-Hans", "zh_CN", "zh-CN", "ZH-hans"])
def test_chinese_aliases_resolve_to_zh_hans(alias: str) -> None:
    locale = get_locale(alias)
    assert locale.code == "zh_Hans"
    assert locale.web_tag == "zh-Hans"


def test_burmese_and_chinese_have_one_plural_form() -> None:
    assert get_locale("my").plural_forms == "nplurals=1; plural=0;"
    assert get_locale("zh_Hans").plural_forms == "nplurals=1; plural=0;"


def test_babel_agrees_on_one_plural_form() -> None:
    """Our table is written out, not looked up; Babel (2.19) gives the same answer."""
    from babel.messages.plurals import get_plural

    for code in ("my", "zh_Hans"):
        assert str(get_plural(code)) == get_locale(code).plural_forms


def test_unknown_language_lists_the_known_ones() -> None:
    with pytest.raises(InputError) as error:
        get_locale("fr")
    message = str(error.value)
    assert "unknown language 'fr'" in message
    for code in known_codes():
        assert code in message
    assert "zh_CN" in message
