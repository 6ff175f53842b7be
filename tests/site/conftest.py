"""Fixtures for the site: a small project built end to end (extract, translate, compile,
build), and the repository's own site served on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitekit import DEADLINE, MY, MY_FUZZY, NOTES, PYPROJECT, REPO, ZH, SiteProject, serve

from polyglot.cli import main


@pytest.fixture
def site_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteProject:
    """Extracted, translated (partly, with one fuzzy entry and one hostile one), compiled."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1543536000")
    project = SiteProject(tmp_path)
    project.write("pyproject.toml", PYPROJECT)
    project.write("corpus/deadline.md", DEADLINE)
    project.write("corpus/notes.md", NOTES)
    project.run("extract", "-q")
    project.run("update", "-q")
    project.translate("my", MY)
    project.translate("my", MY_FUZZY, fuzzy=True)
    project.translate("zh_Hans", ZH)
    project.run("compile", "-q")
    return project


@pytest.fixture
def built(site_project: SiteProject) -> SiteProject:
    site_project.run("build", "-q")
    return site_project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The repository's own announcements and catalogs, compiled and built in a copy
    (the working tree is left alone), served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("real")
    for name in ("corpus", "locales"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    previous = Path.cwd()
    os.chdir(root)
    try:
        runner = CliRunner()
        for args in (["compile", "-q"], ["build", "-q"]):
            result = runner.invoke(main, args, catch_exceptions=False)
            assert result.exit_code == 0, (args, result.output, result.stderr)
    finally:
        os.chdir(previous)
    server, url = serve(root / "site")
    try:
        yield root / "site", url
    finally:
        server.shutdown()
        server.server_close()
