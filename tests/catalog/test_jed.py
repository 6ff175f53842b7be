"""build/json/*.json is a Jed 1.x catalog: Jed itself loads it and answers every published
message with its translation. Jed is installed by `make test` (``.venv/node``, from the npm
registry in set-up, never during a test); ``POLYGLOT_JED`` names another installation."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.project import Project

from .conftest import set_msgstr

NODE = shutil.which("node")
ROOT = Path(__file__).resolve().parents[2]
JED = Path(os.environ.get("POLYGLOT_JED", ROOT / ".venv" / "node" / "node_modules" / "jed"))

READ_ALL = """
const Jed = require(process.argv[1]);
const data = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const i18n = new Jed(data);
const out = {};
for (const key of Object.keys(data.locale_data[data.domain])) {
  if (key) out[key] = i18n.gettext(key);
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def jed() -> Path:
    assert NODE, "the Jed test needs Node.js (scripts/system-deps test installs it)"
    assert (JED / "package.json").is_file(), f"no Jed at {JED}: `make test` installs it (npm install jed)"
    return JED


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
