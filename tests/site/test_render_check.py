"""The HarfBuzz render check, and the localized dates and numbers."""

from __future__ import annotations

from polyglot.locales import get_locale
from polyglot.site.localize import format_announcement_date, format_percentage, language_name, native_digits
from polyglot.site.render_check import site_shaper
from tests.site.sitekit import SiteProject

MY = get_locale("my")
ZH = get_locale("zh_Hans")
EN = get_locale("en")


def test_well_formed_burmese_shapes_without_dotted_circles() -> None:
    shaper = site_shaper()
    for text in ("မြန်မာ", "ကြေညာချက်များ", "လျှောက်လွှာ ပေးပို့ပါ။", "ဤစာမျက်နှာ၏ %(percent)s ကိုသာ"):
        assert shaper.problems(text) == [], text


def test_an_orphaned_mark_is_reported_with_its_position() -> None:
    problems = site_shaper().problems("ကို ုက")
    assert len(problems) == 1
    assert problems[0].column == 5
    assert "dotted circle (U+25CC)" in problems[0].message
    assert "U+102F MYANMAR VOWEL SIGN U" in problems[0].message


def test_a_dotted_circle_in_the_text_itself_is_not_a_problem() -> None:
    assert site_shaper().problems("◌ိ ဆိုသည်မှာ") == []


def test_polyglot_check_reports_dotted_circles(site_project: SiteProject) -> None:
    site_project.translate("my", {"Field notes": "ိကွင်းဆင်း မှတ်စုများ"})
    result = site_project.run("check", "--lang", "my", code=1)
    line = next(line for line in result.output.splitlines() if "[render]" in line)
    assert line.startswith("locales/my/LC_MESSAGES/announcements.po:")
    assert "column 1: dotted circle (U+25CC) inserted at 'ိ' (U+102D MYANMAR VOWEL SIGN I)" in line


def test_a_dotted_circle_never_reaches_the_site(site_project: SiteProject) -> None:
    site_project.translate("my", {"Field notes": "ိကွင်းဆင်း မှတ်စုများ"})
    compiled = site_project.run("compile", "-q")
    assert "[render] 'Field notes' left out of the build, English shown: column 1: dotted circle" in compiled.stderr
    result = site_project.run("build", "-q")
    assert "[render]" not in result.stderr
    assert "ိကွင်းဆင်း" not in site_project.page("my/notes.html")


def test_dates_at_the_precision_given() -> None:
    assert format_announcement_date("2018-11-30", ZH) == "2018年11月30日"
    assert format_announcement_date("2018-11-30", MY) == "၂၀၁၈ နိုဝင်ဘာ ၃၀"
    assert format_announcement_date("2018-11", MY) == "၂၀၁၈ နိုဝင်ဘာ"
    assert format_announcement_date("2008", ZH) == "2008年"
    assert format_announcement_date("2019-03-08", EN) == "March 8, 2019"


def test_numbers_in_the_locale_digits() -> None:
    assert native_digits("45%", MY) == "၄၅%"
    assert format_percentage(99.7, MY) == "၉၉%"
    assert format_percentage(45.0, ZH) == "45%"


def test_language_names_in_their_own_language() -> None:
    assert language_name(MY) == "မြန်မာ"
    assert language_name(ZH) == "中文 (简体)"
    assert language_name(EN) == "English"
