"""HTML pages: text and readable attributes normalized in place; markup, scripts, styles,
comments and entity spellings byte for byte; Zawgyi fonts in CSS renamed."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from polyglot.batch.block import Options
from polyglot.burmese.pipeline import normalize_text
from polyglot.cli import main
from polyglot.documents import normalize_document
from polyglot.documents.html import paragraphs
from tests.conftest import UNICODE_SENTENCES
from tests.documents.makers import PREBASE_RUNS, ZG

PAGE = f"""<!DOCTYPE html>
<html lang="my">
<head><meta charset="utf-8"><title>{ZG[2]}</title>
<meta name="description" content="{ZG[4]}">
<style>body {{ font-family: "Zawgyi-One", sans-serif; }} /* {ZG[0]} */</style>
<script>var s = "{ZG[0]}";</script>
</head>
<body>
<!-- {ZG[0]} -->
<p class=x>Fish &amp; chips &nbsp; {PREBASE_RUNS[0]}<b>{PREBASE_RUNS[1]}</b>{PREBASE_RUNS[2]}</p>
<p style="font-family:'Zawgyi-One'"><img src="a.png" alt="{ZG[1]}"> 人权 {ZG[3]}</p>
</body></html>
"""


class Tags(HTMLParser):
    """The page's markup as the standard library's parser sees it (tags and attribute names)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, tuple(name for name, _ in attrs)))


def tags(page: str) -> list[tuple[str, tuple[str, ...]]]:
    parser = Tags()
    parser.feed(page)
    return parser.seen


def test_page_text_is_normalized_in_place() -> None:
    result = normalize_document(PAGE.encode(), "call.html", Options(), explain=True)
    out = result.data.decode()
    words = UNICODE_SENTENCES[7].split(" ")
    expected = (
        PAGE.replace(f"<title>{ZG[2]}", f"<title>{UNICODE_SENTENCES[2]}")
        .replace(f'content="{ZG[4]}"', f'content="{UNICODE_SENTENCES[4]}"')
        .replace(
            f"{PREBASE_RUNS[0]}<b>{PREBASE_RUNS[1]}</b>{PREBASE_RUNS[2]}",
            f"{words[0]} <b></b>{' '.join(words[1:])}",
        )
        .replace(f'alt="{ZG[1]}"', f'alt="{UNICODE_SENTENCES[1]}"')
        .replace(f"人权 {ZG[3]}", f"人权 {UNICODE_SENTENCES[3]}")
        .replace("'Zawgyi-One'", "'Pyidaungsu'")
        .replace('"Zawgyi-One"', '"Pyidaungsu"')
    )
    assert out == expected  # script, comment, CSS text, entities, lang: as they were
    assert tags(out) == tags(PAGE)
    before = [p.text for p in paragraphs(PAGE)]
    after = [p.text for p in paragraphs(out)]
    assert after == normalize_text("".join(t + "\n" for t in before)).text.split("\n")[:-1]
    assert {"line 3", "line 4", "line 10", "line 11"} <= {c.where for c in result.changes}


def test_unicode_page_is_left_byte_for_byte() -> None:
    """The normalized page (Unicode, Unicode fonts) is a fixed point, byte for byte."""
    page = normalize_document(PAGE.encode(), "call.html", Options()).data
    result = normalize_document(page, "u.html", Options())
    assert not result.changed and result.data == page


def test_check_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "call.html"
    path.write_text(PAGE, encoding="utf-8")
    out = CliRunner().invoke(main, ["normalize", "--explain", "--check", str(path)])
    assert out.exit_code == 1
    assert f"{path}: line 11: convert [zawgyi_to_unicode]" in out.output
