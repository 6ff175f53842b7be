"""Fixtures for the site: a small project built end to end (extract, translate, compile,
build), and the repository's own site served on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site.sitekit import (
    DEADLINE,
    HOSTILE,
    MY,
    MY_FUZZY,
    NOTES,
    PYPROJECT,
    ZH,
    SiteProject,
    repository_copy,
    serve,
)

EPOCH = "1543536000"
"""SOURCE_DATE_EPOCH for every build of the fixture project: reproducible dates."""


def _make_project(root: Path) -> SiteProject:
    """Extracted, translated (partly, with one fuzzy entry and one hostile one), compiled."""
    project = SiteProject(root)
    project.write("pyproject.toml", PYPROJECT)
    project.write("corpus/deadline.md", DEADLINE)
    project.write("corpus/notes.md", NOTES)
    project.run("extract", "-q")
    project.run("update", "-q")
    project.translate("my", MY)
    project.translate("my", MY_FUZZY, fuzzy=True)
    project.translate("zh_Hans", ZH)
    for lang, table in HOSTILE.items():
        project.translate(lang, table, ignore="ignore-html ignore-script")
    project.run("compile", "-q")
    return project


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fixture project made once per session, before and after ``build``: each test gets a copy
    (``shutil.copytree`` keeps modification times, which the tests of idempotence compare)."""
    compiled = tmp_path_factory.mktemp("site-compiled")
    built = tmp_path_factory.mktemp("site-built")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        patch.chdir(compiled)
        _make_project(compiled)
        shutil.copytree(compiled, built, dirs_exist_ok=True)
        patch.chdir(built)
        SiteProject(built).run("build", "-q")
    return {"compiled": compiled, "built": built}


def _copy(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteProject:
    root = tmp_path / "project"
    shutil.copytree(template, root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return SiteProject(root)


@pytest.fixture
def site_project(_templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteProject:
    """A private copy of the compiled fixture project, as the current directory."""
    return _copy(_templates["compiled"], tmp_path, monkeypatch)


@pytest.fixture
def built(_templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteProject:
    """A private copy of the fixture project after ``polyglot build``."""
    return _copy(_templates["built"], tmp_path, monkeypatch)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The repository's own announcements and catalogs, compiled and built in a copy
    (the working tree is left alone), served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("real")
    repository_copy(root, ["compile", "-q"], ["build", "-q"])
    server, url = serve(root / "site")
    try:
        yield root / "site", url
    finally:
        server.shutdown()
        server.server_close()
