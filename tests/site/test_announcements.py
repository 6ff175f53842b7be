"""What staff put in announcements, through the real CLI: HTML, dates and slugs.

Every bad announcement is a one-line error naming the file and line (exit 2) at
``extract`` and at ``build``; nothing is written and no page is silently lost.
"""

from __future__ import annotations

import os

import pytest

from tests.site.sitekit import NOTES, SiteProject


def head(slug: str = "extra", date: str = "'2018-06-01'") -> str:
    return f"---\ntitle: Extra\nslug: {slug}\ndate: {date}\nlanguage: en\n---\n\n"


def refused(project: SiteProject, command: str, *where: str) -> str:
    """Run ``command``: exit 2, one line on stderr naming every ``where``, nothing written."""
    before = project.snapshot()
    result = project.run(command, "-q", code=2)
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("polyglot: "), result.stderr
    for name in where:
        assert name in lines[0], (name, lines[0])
    assert project.snapshot() == before
    return lines[0]


# --------------------------------------------------------------------------- 11: HTML blocks


def test_an_html_comment_is_an_editors_note_never_extracted_nor_published(site_project: SiteProject) -> None:
    site_project.write("corpus/notes.md", NOTES.replace("\nEveryone", "\n<!-- editor: check the dates -->\n\nEveryone"))
    site_project.run("extract", "-q")
    site_project.run("update", "-q")
    site_project.run("compile", "-q")
    site_project.run("build", "-q")
    assert "editor" not in site_project.pot.read_text(encoding="utf-8")
    for path in site_project.site_files():
        assert "editor" not in path.read_text(encoding="utf-8"), path
    assert "Everyone was welcome." in site_project.page("en/notes.html")


@pytest.mark.parametrize("command", ["extract", "build"])
def test_raw_html_in_an_announcement_is_refused(site_project: SiteProject, command: str) -> None:
    site_project.write("corpus/extra.md", head() + "Hello.\n\n<div onclick=alert(1)>raw</div>\n")
    refused(site_project, command, "corpus/extra.md:10: raw HTML")


# --------------------------------------------------------------------------- 12: impossible dates


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ('"2018-02-30"', "day is out of range"),
        ("2018-13-45", "month must be in 1..12"),
        ("'2019-00'", "month must be in 1..12"),
        ("2018-11-30 10:00:00", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2018-11-30T10:00:00Z", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ('"0000"', "year 0 is out of range"),
        ("[2018]", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "build"])
def test_an_impossible_date_is_one_line_with_file_and_line(
    site_project: SiteProject, command: str, date: str, why: str
) -> None:
    site_project.write("corpus/extra.md", head(date=date) + "Hello.\n")
    refused(site_project, command, "corpus/extra.md:4: ", why)


def test_real_dates_of_every_precision_still_build(site_project: SiteProject) -> None:
    site_project.write("corpus/a.md", head("a", "2018-02-28") + "A.\n")
    site_project.write("corpus/b.md", head("b", "2016-02-29") + "B.\n")
    site_project.write("corpus/c.md", head("c", "2019") + "C.\n")
    site_project.write("corpus/d.md", head("d", "'2019-12'") + "D.\n")
    site_project.run("extract", "-q")
    site_project.run("build", "-q")
    assert "February 29, 2016" in site_project.page("en/b.html")
    assert "December 2019" in site_project.page("en/d.html")


# --------------------------------------------------------------------------- 13: slugs


@pytest.mark.parametrize("command", ["extract", "build"])
def test_two_announcements_with_one_slug_are_refused_naming_both(site_project: SiteProject, command: str) -> None:
    site_project.write("corpus/later.md", head("notes") + "Another page.\n")
    message = refused(site_project, command, "corpus/later.md:3", "corpus/notes.md")
    assert "'notes'" in message


@pytest.mark.parametrize(
    ("slug", "why"),
    [
        ("index", "reserved"),
        ("Index", "lowercase"),
        ("../escape", "lowercase"),
        ("a/b", "lowercase"),
        ("''", "lowercase"),
        ("ကြေညာချက်", "lowercase"),
        ("café", "lowercase"),
        ("x" * 201, "at most 200"),
        ("2019", "text"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_slug_that_cannot_be_a_page_is_refused(site_project: SiteProject, command: str, slug: str, why: str) -> None:
    site_project.write("corpus/extra.md", head(slug) + "Hello.\n")
    refused(site_project, command, "corpus/extra.md:3: ", why)


@pytest.mark.parametrize("command", ["extract", "build"])
def test_an_announcement_without_front_matter_is_refused(site_project: SiteProject, command: str) -> None:
    """Its slug would come from the file name unchecked (``Index.md``, ``My notes.md``)."""
    site_project.write("corpus/Index.md", "Hello.\n")
    refused(site_project, command, "corpus/Index.md:1: ", "front matter")


# --------------------------------------------------------------------------- beyond the list


@pytest.mark.parametrize(
    ("language", "why"),
    [
        ("fr", "unknown language 'fr'"),
        ("my", "language 'my' is not the source language"),
        ("zh-Hans", "language 'zh-Hans' is not the source language"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "build"])
def test_an_announcement_is_written_in_the_source_language(
    site_project: SiteProject, command: str, language: str, why: str
) -> None:
    """The catalogs translate from the source language: a Burmese announcement extracted as
    English msgids would be published as English (``lang="en"``) on every page."""
    site_project.write("corpus/extra.md", head().replace("language: en", f"language: {language}") + "Hello.\n")
    refused(site_project, command, "corpus/extra.md:5: ", why)


def test_reference_links_work_on_the_site_in_every_language(site_project: SiteProject) -> None:
    site_project.write("corpus/extra.md", head() + "Read [the report][r] first.\n\n[r]: https://example.org/report\n")
    site_project.run("extract", "-q")
    site_project.run("update", "-q")
    site_project.translate("zh_Hans", {"Read [the report][r] first.": "请先阅读[报告][r]。"})
    site_project.run("compile", "-q")
    site_project.run("build", "-q")
    assert '<a href="https://example.org/report">the report</a>' in site_project.page("en/extra.html")
    assert '<a href="https://example.org/report">报告</a>' in site_project.page("zh-Hans/extra.html")


def test_a_directory_named_like_an_announcement_is_not_one(site_project: SiteProject) -> None:
    site_project.write("corpus/archive.md/old.md", head("old") + "Old.\n")
    site_project.run("extract", "-q")
    assert "corpus/archive.md/old.md:8" in site_project.pot.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_file_name_that_is_not_utf8_is_refused(site_project: SiteProject, command: str) -> None:
    """Its name goes into every catalog's ``#:`` locations, which are UTF-8."""
    name = os.fsdecode(b"corpus/bad\xffname.md")
    site_project.write(name, head() + "Hello.\n")
    refused(site_project, command, "corpus/bad\\xffname.md: file name is not valid UTF-8")
