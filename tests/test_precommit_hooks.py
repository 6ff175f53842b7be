"""The hooks in .pre-commit-hooks.yaml work as another project would use them: through
``pre-commit try-repo``, which installs polyglot from this repository into its own
environment and runs each hook on the files a commit would pass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.project import REPO

PRE_COMMIT = str(Path(sys.executable).parent / "pre-commit")  # the dev extra installs it beside pytest

CATALOG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh_Hans\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

msgid "Apply before 30 November 2018."
msgstr "{}"
"""


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def try_repo(project: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(REPO), hook, "--all-files", "--verbose"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )


@pytest.mark.slow
def test_hooks_pass_clean_files_and_fail_bad_ones(tmp_path: Path) -> None:
    assert Path(PRE_COMMIT).exists(), "pre-commit is in the dev extra: pip install -e '.[dev]'"
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q")
    (project / "notice.txt").write_text("မြန်မာ\n", encoding="utf-8")
    (project / "zh.po").write_text(CATALOG.format("请在2018年11月30日前申请。"), encoding="utf-8")
    git(project, "add", ".")
    home = tmp_path / "pre-commit-home"
    for hook in ("polyglot-normalize", "polyglot-check"):
        result = try_repo(project, hook, home)
        assert result.returncode == 0, result.stdout + result.stderr

    (project / "notice.txt").write_text("ျမန္မာ\n", encoding="utf-8")  # Zawgyi
    (project / "zh.po").write_text(CATALOG.format("请申请。"), encoding="utf-8")  # the date is lost
    git(project, "add", ".")
    result = try_repo(project, "polyglot-normalize", home)
    assert result.returncode == 1 and "notice.txt: would change" in result.stdout, result.stdout
    result = try_repo(project, "polyglot-check", home)
    assert result.returncode == 1 and "zh.po:8: [numbers]" in result.stdout, result.stdout
