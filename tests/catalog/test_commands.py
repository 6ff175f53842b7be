"""The whole catalog flow through the CLI, checked by GNU msgfmt and Python's gettext."""

import gettext
import json
import subprocess
from pathlib import Path

import pytest

from polyglot.catalog.pofile import read_po
from tests.project import Project

from .conftest import PARAGRAPH, msgfmt_check, set_msgstr

TITLE_ZH = "2018-19年度项目申请征集"
SUMMARY_ZH = "我们正在接受申请。"
ITEM_ZH = "五心服务中心"
TITLE_MY = "လူတို့ လိုချင်သည့်အရာ"


def _translate(project: Project) -> None:
    project.run("extract")
    project.run("update")
    set_msgstr(
        project.po("zh_Hans"),
        {
            "Call for Applications for 2018-19 Program": TITLE_ZH,
            "We are accepting applications.": SUMMARY_ZH,
            "Five Hearts Service Centre": ITEM_ZH,
        },
    )
    set_msgstr(project.po("zh_Hans"), {PARAGRAPH: "我们正在接受2018-19年度项目的申请。"}, fuzzy=True)
    set_msgstr(project.po("my"), {"What people want": TITLE_MY})


def test_extract_one_message_per_block_with_locations_and_kinds(project: Project) -> None:
    result = project.run("extract")
    assert "locales/announcements.pot: 13 messages (written)" in result.output
    template = read_po(str(project.pot))
    by_id = {m.msgid: m for m in template.messages}
    assert by_id["Call for Applications for 2018-19 Program"].extracted_comments == ["title"]
    assert by_id[PARAGRAPH].locations == [("corpus/call.md", 9)]
    assert by_id["What people want"].extracted_comments == ["heading"]
    assert by_id["Five Hearts Service Centre"].extracted_comments == ["list item"]
    assert by_id["Five Hearts"].extracted_comments == ["table cell"]


def test_identical_blocks_share_one_message(project: Project) -> None:
    project.write(
        "corpus/more.md",
        "---\ntitle: More\nslug: more\ndate: 2019\nlanguage: en\n---\n\n- Five Hearts Service Centre\n",
    )
    project.run("extract")
    template = read_po(str(project.pot))
    shared = [m for m in template.messages if m.msgid == "Five Hearts Service Centre"]
    assert len(shared) == 1
    assert [path for path, _ in shared[0].locations] == ["corpus/jobs.md", "corpus/more.md"]


def test_every_written_catalog_passes_msgfmt(project: Project, tmp_path: Path) -> None:
    _translate(project)
    project.run("check", "--fix")
    for path in (project.pot, project.po("my"), project.po("zh_Hans")):
        msgfmt_check(path, tmp_path)
    header = read_po(str(project.po("my"))).header
    assert header["Plural-Forms"] == "nplurals=1; plural=0;"
    assert header["Language"] == "my"


def test_compile_publishes_translations_but_never_fuzzy(project: Project) -> None:
    _translate(project)
    project.run("compile")
    translation = gettext.translation("announcements", str(project.root / "build/locale"), languages=["zh_Hans"])
    assert translation.gettext("Call for Applications for 2018-19 Program") == TITLE_ZH
    assert translation.gettext("Five Hearts Service Centre") == ITEM_ZH
    assert translation.gettext(PARAGRAPH) == PARAGRAPH  # fuzzy: not published
    burmese = gettext.translation("announcements", str(project.root / "build/locale"), languages=["my"])
    assert burmese.gettext("What people want") == TITLE_MY
    assert burmese.gettext("Give us jobs!") == "Give us jobs!"
    jed = json.loads(project.read("build/json/announcements.zh-Hans.json"))
    data = jed["locale_data"]["announcements"]
    assert data[""]["lang"] == "zh-Hans"
    assert data[""]["plural_forms"] == "nplurals=1; plural=0;"
    assert data["We are accepting applications."] == [SUMMARY_ZH]
    assert PARAGRAPH not in data
    manifest = json.loads(project.read("build/manifest.json"))
    zh = manifest["locales"]["zh_Hans"]
    assert (zh["messages"], zh["translated"], zh["fuzzy"], zh["untranslated"]) == (13, 3, 1, 9)
    assert zh["documents"]["corpus/call.md"] == {"messages": 4, "translated": 2, "fuzzy": 1, "untranslated": 1}
    assert len(zh["files"]["mo"]["sha256"]) == 64
    assert manifest["locales"]["my"]["translated"] == 1


def test_gnu_msgunfmt_reads_our_mo_files(project: Project, tmp_path: Path) -> None:
    """A second outside reader of the .mo format, besides Python's gettext."""
    _translate(project)
    project.run("compile")
    mo = project.root / "build/locale/zh_Hans/LC_MESSAGES/announcements.mo"
    result = subprocess.run(["msgunfmt", str(mo)], capture_output=True, text=True, check=True)
    path = tmp_path / "roundtrip.po"
    path.write_text(result.stdout, encoding="utf-8")
    msgfmt_check(path, tmp_path)
    published = {m.msgid: m.msgstr for m in read_po(str(path)).messages}
    assert published == {
        "Call for Applications for 2018-19 Program": TITLE_ZH,
        "We are accepting applications.": SUMMARY_ZH,
        "Five Hearts Service Centre": ITEM_ZH,
    }


def test_compile_leaves_out_a_translation_whose_placeholders_differ(project: Project) -> None:
    project.write(
        "corpus/call.md",
        project.read("corpus/call.md").replace("We are accepting applications.", "We accept %(count)s applications."),
    )
    project.run("extract")
    project.run("update")
    set_msgstr(project.po("zh_Hans"), {"We accept %(count)s applications.": "我们接受申请。"})
    result = project.run("compile")
    assert "[placeholders]" in result.stderr and "left out" in result.stderr
    data = json.loads(project.read("build/json/announcements.zh-Hans.json"))
    assert "We accept %(count)s applications." not in data["locale_data"]["announcements"]


def test_running_everything_twice_changes_no_file(project: Project) -> None:
    _translate(project)
    for command in (["extract"], ["update"], ["check", "--fix"], ["compile"]):
        project.run(*command, code=None)
    first = project.snapshot()
    for command in (["extract"], ["update"], ["check", "--fix"], ["compile"]):
        project.run(*command, code=None)
    assert project.snapshot() == first


def test_stats_counts_fuzzy_apart_from_translated(project: Project) -> None:
    _translate(project)
    result = project.run("stats", "--format", "json", "--lang", "zh_CN")
    data = json.loads(result.output)
    assert list(data) == ["zh_Hans"]
    assert data["zh_Hans"]["translated"] == 3 and data["zh_Hans"]["fuzzy"] == 1
    assert data["zh_Hans"]["documents"]["corpus/jobs.md"]["translated"] == 1
    table = project.run("stats").output
    assert "corpus/call.md" in table and "total" in table


@pytest.mark.parametrize("lang", ["my", "zh_Hans"])
def test_malformed_po_is_reported_with_line_and_nothing_is_written(project: Project, lang: str) -> None:
    _translate(project)
    project.write("corpus/call.md", project.read("corpus/call.md") + "\nA new paragraph.\n")
    project.run("extract")
    path = project.po(lang)
    broken = path.read_text(encoding="utf-8").replace(
        'msgid "We are accepting applications."', 'msgid "We are accepting applications.', 1
    )
    assert broken != path.read_text(encoding="utf-8")
    path.write_text(broken, encoding="utf-8")
    before = project.snapshot()
    for command in (["update"], ["check", "--fix"], ["compile"], ["stats"]):
        result = project.run(*command, code=2)
        assert f"locales/{lang}/LC_MESSAGES/announcements.po:" in result.stderr
        assert "end-of-line within string" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert project.snapshot() == before


def test_unknown_language_is_a_clear_error(project: Project) -> None:
    project.run("extract")
    result = project.run("update", "--lang", "fr", code=2)
    assert "unknown language 'fr'" in result.stderr
    assert "zh_Hans" in result.stderr and "my" in result.stderr


def test_alias_selects_the_canonical_catalog(project: Project) -> None:
    project.run("extract")
    result = project.run("update", "--lang", "zh-Hans")
    assert "locales/zh_Hans/LC_MESSAGES/announcements.po" in result.output
    assert not project.po("my").exists()


def test_update_without_template_says_what_to_do(project: Project) -> None:
    result = project.run("update", code=2)
    assert "run `polyglot extract` first" in result.stderr


def test_bad_front_matter_names_the_file_and_line(project: Project) -> None:
    project.write("corpus/bad.md", "---\ntitle: Bad\nslug: Not A Slug\ndate: 2019\nlanguage: en\n---\n\nText.\n")
    result = project.run("extract", code=2)
    assert result.stderr.startswith("polyglot: ")
    assert "corpus/bad.md:3: slug must be" in result.stderr
    assert not project.pot.exists()
