"""scripts/system-deps: each make target checks only what it uses, installs what is
missing with apt-get (as root, or sudo -n), else prints one command and exits 2.

The machine's own packages are never touched: a PATH without Chromium and gettext
simulates a fresh machine, and stand-in apt-get, id and sudo record what would run.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "system-deps"
HIDDEN = {"chromium", "chromium-browser", "msgfmt", "msgcat", "apt-get", "id", "sudo"}


@pytest.fixture(scope="module")
def machine_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every command of this machine except Chromium, gettext, apt-get, id and sudo."""
    bin_dir = tmp_path_factory.mktemp("bin")
    for folder in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            target = bin_dir / name
            if name not in HIDDEN and not target.exists():
                target.symlink_to(os.path.join(folder, name))
    return bin_dir


def fresh_machine(machine_bin: Path, tmp_path: Path, *, uid: int, sudo: str | None) -> tuple[dict[str, str], Path]:
    """That PATH with stand-ins for apt-get (logs its arguments), id (says ``uid``) and sudo."""
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    log = tmp_path / "apt.log"
    (stubs / "apt-get").write_text(f'#!/bin/sh\necho "$(id -u) apt-get $*" >> {log}\n')
    (stubs / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    if sudo == "works":
        (stubs / "sudo").write_text('#!/bin/sh\n[ "$1" = -n ] && shift\n[ "$1" = true ] && exit 0\nexec "$@"\n')
    elif sudo == "asks":
        (stubs / "sudo").write_text("#!/bin/sh\necho 'a password is required' >&2\nexit 1\n")
    for stub in stubs.iterdir():
        stub.chmod(0o755)
    env = {**os.environ, "PATH": f"{stubs}{os.pathsep}{machine_bin}"}
    return env, log


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, check=False)


def test_the_demo_needs_no_browser_and_no_gettext(machine_bin: Path, tmp_path: Path) -> None:
    env, log = fresh_machine(machine_bin, tmp_path, uid=1000, sudo=None)
    result = run(env, "demo")
    assert result.returncode == 0, result.stderr
    assert not log.exists()


def test_tests_install_chromium_and_gettext_as_root(machine_bin: Path, tmp_path: Path) -> None:
    env, log = fresh_machine(machine_bin, tmp_path, uid=0, sudo=None)
    result = run(env, "test")
    assert result.returncode == 0, result.stderr
    lines = log.read_text().splitlines()
    assert lines[0] == "0 apt-get update -qq"
    assert lines[1] == "0 apt-get install -y -qq gettext chromium"


def test_tests_install_with_sudo_n_when_not_root(machine_bin: Path, tmp_path: Path) -> None:
    env, log = fresh_machine(machine_bin, tmp_path, uid=1000, sudo="works")
    result = run(env, "test")
    assert result.returncode == 0, result.stderr
    assert "apt-get install -y -qq gettext chromium" in log.read_text()


@pytest.mark.parametrize("sudo", [None, "asks"])
def test_without_root_or_sudo_one_command_and_exit_2(machine_bin: Path, tmp_path: Path, sudo: str | None) -> None:
    env, log = fresh_machine(machine_bin, tmp_path, uid=1000, sudo=sudo)
    result = run(env, "test")
    assert result.returncode == 2
    assert "install them with: sudo apt-get install -y gettext chromium" in result.stderr
    assert not log.exists()


def test_check_only_lists_and_installs_nothing(machine_bin: Path, tmp_path: Path) -> None:
    env, log = fresh_machine(machine_bin, tmp_path, uid=0, sudo=None)
    result = run(env, "--check", "test")
    assert result.returncode == 2
    assert "missing: gettext chromium" in result.stderr
    assert not log.exists()


def test_an_unknown_target_is_a_usage_error() -> None:
    assert run(dict(os.environ), "everything").returncode == 2
