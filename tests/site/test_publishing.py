"""Nothing `polyglot check` calls an error reaches a reader: compile leaves it out of the
.mo, the JSON and so the site, names it, and the page shows the English, marked."""

from __future__ import annotations

import gettext
import json
import re

import pytest

from polyglot.catalog.pofile import read_po
from tests.site.sitekit import SiteProject

CHECKS_DOC = """\
---
title: Checks
slug: checks
date: 2019-01-01
language: en
---

Announcements of the year.

Field work.

We accept %(count)s applications.

Send the <b>form</b> to us.

Applications close on 30 November.

Everyone was welcome here.

We visited three towns here.

Everyone stayed.
"""

CASES = [
    # (language, msgid, a translation check calls an error, the check)
    ("my", "Announcements of the year.", "ေၾကညာခ်က္မ်ား။", "zawgyi"),
    ("my", "Field work.", "ိကွင်းဆင်း မှတ်စုများ။", "render"),
    ("zh_Hans", "We accept %(count)s applications.", "我们接受申请。", "placeholders"),
    ("zh_Hans", "Send the <b>form</b> to us.", "请把表格发给我们。", "html"),
    ("zh_Hans", "Applications close on 30 November.", "申请于11月截止。", "numbers"),
    ("zh_Hans", "Everyone was welcome here.", "歡迎所有人來這裡。", "traditional"),
    ("my", "We visited three towns here.", "我们走访了三个城镇。", "script"),
    ("my", "Everyone stayed.", "Everyone stayed.", "script"),
]
TAGS = {"my": "my", "zh_Hans": "zh-Hans"}


@pytest.fixture
def bad(site_project: SiteProject) -> tuple[SiteProject, str]:
    """The fixture project with one translated message per check error; compiled and built."""
    site_project.write("corpus/checks.md", CHECKS_DOC)
    site_project.run("extract", "-q")
    site_project.run("update", "-q")
    for lang, msgid, msgstr, _ in CASES:
        site_project.translate(lang, {msgid: msgstr})
    stderr = site_project.run("compile").stderr
    site_project.run("build", "-q")
    return site_project, stderr


def _msgstr_line(project: SiteProject, lang: str, msgid: str) -> int:
    message = next(m for m in read_po(str(project.po(lang))).messages if m.msgid == msgid)
    assert message.msgstr_line is not None
    return message.msgstr_line


def test_a_check_error_is_never_published(bad: tuple[SiteProject, str]) -> None:
    """Each error class (one build for all of them: a build costs seconds)."""
    project, stderr = bad
    for lang, msgid, msgstr, check in CASES:
        line = _msgstr_line(project, lang, msgid)
        assert f"locales/{lang}/LC_MESSAGES/announcements.po:{line}: [{check}] {msgid!r} left out" in stderr, check
        mo = gettext.translation("announcements", str(project.root / "build/locale"), [lang])
        assert mo.gettext(msgid) == msgid, check
        data = json.loads(project.read(f"build/json/announcements.{TAGS[lang]}.json"))
        assert msgid not in data["locale_data"]["announcements"], check
        page = project.page(f"{TAGS[lang]}/checks.html")
        assert msgstr == msgid or msgstr not in page, check
        english = msgid.replace("<", "&lt;").replace(">", "&gt;")
        label = r'(<span class="fallback-label"[^>]*>[^<]*</span> ?)?'
        assert re.search(rf'<p lang="en" class="untranslated">{label}{re.escape(english)}</p>', page), check


def test_compile_publishes_the_rest_and_exits_0_or_1_with_strict(bad: tuple[SiteProject, str]) -> None:
    project, _ = bad
    project.translate("my", {"Everyone stayed.": "လူတိုင်း နေခဲ့ကြသည်။"})
    project.run("compile", "-q", code=0)
    assert "လူတိုင်း နေခဲ့ကြသည်။" in project.read("build/json/announcements.my.json")
    result = project.run("compile", "--strict", code=1)
    assert "translations left out (English shown)" in result.output
    for lang, msgid, _msgstr, _check in CASES:
        project.translate(lang, {msgid: ""})
    project.run("compile", "--strict", "-q", code=0)
