"""build/json/*.json is a Jed 1.x catalog: Jed itself (from the npm registry) loads it
and answers every published message with its translation."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.project import Project

from .conftest import set_msgstr

NODE = shutil.which("node")
NPM = shutil.which("npm")

READ_ALL = """
const Jed = require(process.argv[1] + "/node_modules/jed");
const data = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const i18n = new Jed(data);
const out = {};
for (const key of Object.keys(data.locale_data[data.domain])) {
  if (key) out[key] = i18n.gettext(key);
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def jed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert NODE and NPM, "the Jed test needs Node.js and npm (scripts/system-deps test installs them)"
    folder = tmp_path_factory.mktemp("jed")
    subprocess.run(
        [NPM, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(folder), "jed@1.1.1"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder


def test_jed_reads_every_published_translation(project: Project, jed: Path) -> None:
    project.run("extract")
    project.run("update")
    set_msgstr(project.po("zh_Hans"), {"Give us jobs!": "给我们工作！", "What people want": "人们想要什么"})
    project.run("compile")
    path = project.root / "build/json/announcements.zh-Hans.json"
    assert NODE is not None
    answers = json.loads(
        subprocess.run([NODE, "-e", READ_ALL, str(jed), str(path)], check=True, capture_output=True, text=True).stdout
    )
    assert answers == {"Give us jobs!": "给我们工作！", "What people want": "人们想要什么"}
