"""Catalog commands at the same time lose nothing: a lock between polyglot commands, and a
refusal to write over a file a translator's editor saved after polyglot read it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from polyglot.catalog.pofile import read_po
from tests.project import Project

from .conftest import set_msgstr

HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_catalog_command_waits_for_the_one_holding_the_catalogs(project: Project) -> None:
    """While another command holds the catalogs (here a process holding the lock as
    `polyglot update` does), `polyglot ingest` waits, says so, and then does its work."""
    project.run("extract")
    project.run("update")
    project.write("incoming.txt", "给我们工作！\n\n人们想要什么\n")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(project.root / "locales"), "10"], stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1543536000"}
    ingest = subprocess.run(
        [sys.executable, "-m", "polyglot.cli", "ingest", "corpus/jobs.md", "--lang", "zh_Hans", "incoming.txt"],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    holder.wait(timeout=30)
    assert ingest.returncode == 0, ingest.stderr
    assert "locales: waiting for another polyglot command to finish" in ingest.stderr
    translated = {m.msgid: m.msgstr for m in read_po(str(project.po("zh_Hans"))).messages if m.msgstr}
    assert translated.get("Give us jobs!") == "给我们工作！"


def test_a_catalog_saved_by_an_editor_during_update_is_not_overwritten(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator saves the catalog (Poedit takes no lock) while `update` is merging:
    update writes nothing, says why (exit 2), and the translator's work stays."""
    from polyglot.catalog import merge as merging

    project.run("extract")
    project.run("update")
    real = merging.merge

    def merge_while_a_translator_saves(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(*args, **kwargs)
        set_msgstr(project.po("my"), {"What people want": "လူတွေ ဘာလိုချင်သလဲ"})
        return result

    monkeypatch.setattr(merging, "merge", merge_while_a_translator_saves)
    project.write("corpus/jobs.md", project.read("corpus/jobs.md").replace("rebuild", "restart"))
    project.run("extract")
    result = project.run("update", "--lang", "my", code=2)
    assert "changed on disk since polyglot read it" in result.stderr
    translated = {m.msgid: m.msgstr for m in read_po(str(project.po("my"))).messages}
    assert translated["What people want"] == "လူတွေ ဘာလိုချင်သလဲ"
