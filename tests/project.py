"""The project fixture the catalog and site tests share: files in a temporary folder, the real CLI."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from polyglot.cli import main

REPO = Path(__file__).resolve().parents[1]
"""The repository's root."""


class Project:
    """The fixture project: its files, and the CLI run inside it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.runner = CliRunner()

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def run(self, *args: str, code: int | None = 0) -> Result:
        result = self.runner.invoke(main, list(args), catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, (args, result.output, result.stderr)
        return result

    def po(self, lang: str) -> Path:
        return self.root / "locales" / lang / "LC_MESSAGES" / "announcements.po"

    @property
    def pot(self) -> Path:
        return self.root / "locales" / "announcements.pot"

    def snapshot(self) -> dict[str, tuple[bytes, int]]:
        """Every file under locales/ and build/ with its bytes and mtime."""
        files = {}
        for top in ("locales", "build"):
            for path in sorted((self.root / top).rglob("*")):
                if path.is_file():
                    files[str(path.relative_to(self.root))] = (path.read_bytes(), path.stat().st_mtime_ns)
        return files
