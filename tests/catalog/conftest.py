"""A small, self-contained polyglot project in a temporary directory, and the outside
validators (GNU msgfmt, Python's gettext) every catalog we write must satisfy."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.project import Project

PYPROJECT = """\
[project]
name = "fixture"
version = "0"

[tool.polyglot]
corpus = "corpus"
locales = "locales"
domain = "announcements"
languages = ["en", "my", "zh_Hans"]
"""

CALL = """\
---
title: Call for Applications for 2018-19 Program
slug: call
date: 2018-11
summary: We are accepting applications.
language: en
---

We are accepting applications from community-based organizations
for the 2018-19 program.

Please write to ksuwin@example.org before 30 November 2018.
"""

PARAGRAPH = "We are accepting applications from community-based organizations for the 2018-19 program."
"""The call's first paragraph, as extract joins its lines into one message."""

JOBS = """\
---
title: Give us jobs!
slug: jobs
date: "2008"
language: en
---

## What people want

The first thing most want is a chance to rebuild their lives.

- Five Hearts Service Centre
- Emei and Chengdu, Sichuan province, China.

| Partner | Place |
|---------|-------|
| Five Hearts | Emei |
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1543536000")
    fixture = Project(tmp_path)
    fixture.write("pyproject.toml", PYPROJECT)
    fixture.write("corpus/call.md", CALL)
    fixture.write("corpus/jobs.md", JOBS)
    return fixture


def set_msgstr(path: Path, translations: dict[str, str], *, fuzzy: bool = False) -> None:
    """Translate as a translator would: edit the msgstrs of the catalog file."""
    from polyglot.catalog.pofile import format_po, read_po

    catalog = read_po(str(path))
    for message in catalog.messages:
        if message.msgid in translations:
            message.msgstr = translations[message.msgid]
            message.fuzzy = fuzzy
    path.write_text(format_po(catalog), encoding="utf-8")


MSGFMT = shutil.which("msgfmt")


def msgfmt_check(path: Path, tmp: Path) -> str:
    """Run GNU ``msgfmt -c`` on ``path``; fail the test unless it accepts the file.

    Returns msgfmt's stderr. A template's header carries xgettext's placeholder values,
    about which msgfmt always warns; every other message is a failure.
    """
    assert MSGFMT, "GNU gettext's msgfmt is required (apt-get install gettext)"
    result = subprocess.run(
        [MSGFMT, "-c", "-o", str(tmp / "check.mo"), str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    allowed = "still has the initial default value" if path.suffix == ".pot" else None
    for line in result.stderr.splitlines():
        assert allowed and allowed in line, f"msgfmt warned: {line}"
    return result.stderr


MsgfmtCheck = Callable[[Path, Path], str]
