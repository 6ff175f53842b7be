"""Real site generators build a site from `polyglot export`: the repository's own
announcements and catalogs, the Burmese call page read back from each generator's output.

Hugo and Jekyll come from Debian, MkDocs from PyPI (the dev extra); Eleventy from npm is
tried when an ``eleventy`` is on PATH (``npm install -g @11ty/eleventy``). Each uses the
example configuration in ``docs/generators/`` that the README shows.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from polyglot.catalog.pofile import read_po
from polyglot.cli import main
from tests.project import REPO
from tests.site.sitekit import repository_copy

pytestmark = pytest.mark.slow

CALL = "call-for-applications-2018"
MKDOCS = [sys.executable, "-m", "mkdocs"]

GENERATORS = {
    # layout: (command, output directory, the Burmese call page in it)
    "hugo": (["hugo", "--quiet"], "public", f"my/{CALL}/index.html"),
    "jekyll": (["jekyll", "build", "--quiet"], "_site", f"my/{CALL}.html"),
    "mkdocs": ([*MKDOCS, "build", "--quiet", "-f", "mkdocs.my.yml"], "site", f"my/{CALL}/index.html"),
    "eleventy": (["eleventy", "--quiet"], "_site", f"my/{CALL}/index.html"),
}


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's corpus and catalogs, compiled in a copy."""
    root = tmp_path_factory.mktemp("generators")
    repository_copy(root, ["compile", "-q"])
    return root


def _call_in_burmese(root: Path) -> list[str]:
    """The published Burmese of the call (its title and paragraphs), as plain text."""
    catalog = read_po(str(root / "locales/my/LC_MESSAGES/announcements.po"))
    document = f"corpus/{CALL}.md"
    return [
        re.sub(r"[*_]", "", m.msgstr)
        for m in catalog.messages
        if m.translated and any(path == document for path, _ in m.locations)
    ]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("layout", list(GENERATORS))
def test_a_generator_builds_the_burmese_call_page_from_the_export(
    compiled: Path, layout: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(compiled)
    command, output, page = GENERATORS[layout]
    if command[0] != sys.executable and shutil.which(command[0]) is None:
        if layout == "eleventy":
            pytest.skip("eleventy is not on PATH (npm install -g @11ty/eleventy)")
        pytest.fail(f"{command[0]} is not installed: scripts/system-deps test installs it")
    out = compiled / "export" / layout
    result = CliRunner().invoke(main, ["export", "--layout", layout, "--out", str(out), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shutil.copytree(REPO / "docs/generators" / layout, out, dirs_exist_ok=True)
    subprocess.run(command, cwd=out, check=True, capture_output=True, timeout=300)
    html = (out / output / page).read_text(encoding="utf-8")
    text = _text(html)
    burmese = _call_in_burmese(compiled)
    assert len(burmese) >= 2
    for msgstr in burmese:
        assert _text(msgstr) in text, (layout, msgstr)
    assert '<html lang="my"' in html
    # The untranslated paragraph: English, marked for the target and labelled.
    assert re.search(r'<span class="polyglot-fallback" lang="en"><span class="polyglot-label" lang="[\w-]+">', html)
    assert "ksuwin@asiacatalyst.org" in text
    assert "\u25cc" not in html
