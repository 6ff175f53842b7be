"""Formats that are already line-based text (subtitles, CSV, Markdown, JSON): only Burmese
changes; cue numbers, timings, quoting and syntax stay as they were (subtitles are read as
cues, so that changes name their cue; the others go through the text path).
A document is chosen by its content too: a Word file with no extension, or on standard input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from polyglot.cli import main
from tests.conftest import UNICODE_SENTENCES
from tests.documents.makers import ZG, word


def normalized(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    out = CliRunner().invoke(main, ["normalize", str(path)])
    assert out.exit_code == 0, out.output
    return out.stdout_bytes.decode("utf-8")


def test_subtitles_keep_cue_numbers_and_timings(tmp_path: Path) -> None:
    srt = f"1\n00:00:01,000 --> 00:00:04,000\n{ZG[0]}\n\n41\n00:01:10,500 --> 00:01:12,000\n<i>{ZG[1]}</i>\n"
    assert normalized(tmp_path, "talk.srt", srt) == srt.replace(ZG[0], UNICODE_SENTENCES[0]).replace(
        ZG[1], UNICODE_SENTENCES[1]
    )
    vtt = f"WEBVTT\n\n00:01.000 --> 00:04.000 line:0 position:20%\n<b>{ZG[2]}</b>\n"
    assert normalized(tmp_path, "talk.vtt", vtt) == vtt.replace(ZG[2], UNICODE_SENTENCES[2])


def test_subtitle_changes_name_their_cue(tmp_path: Path) -> None:
    path = tmp_path / "talk.srt"
    path.write_text(f"1\n00:00:01,000 --> 00:00:02,000\nEnglish\n\n41\n00:01:10,500 --> 00:01:12,000\n{ZG[1]}\n")
    out = CliRunner().invoke(main, ["normalize", "--explain", "--check", str(path)])
    assert out.exit_code == 1 and f"{path}: cue 41: convert [zawgyi_to_unicode]" in out.output
    vtt = tmp_path / "talk.vtt"
    vtt.write_text(f"WEBVTT\n\nNOTE {ZG[0]}\n\nintro\n00:01.000 --> 00:04.000\n{ZG[2]}\n")
    out = CliRunner().invoke(main, ["normalize", "--explain", "--check", str(vtt)])
    assert f"{vtt}: cue intro: convert [zawgyi_to_unicode]" in out.output
    assert "NOTE" not in out.output  # a note is not a cue: left as written


def test_csv_keeps_dialect_and_quoting(tmp_path: Path) -> None:
    text = f'id;text;amount\r\n1;"{ZG[0]}; with a semicolon";"1,500"\r\n2;{ZG[2]};30\r\n'
    out = normalized(tmp_path, "budget.csv", text)
    assert out == text.replace(ZG[0], UNICODE_SENTENCES[0]).replace(ZG[2], UNICODE_SENTENCES[2])
    rows = list(csv.reader(io.StringIO(out, newline=""), delimiter=";"))
    assert rows[1] == ["1", f"{UNICODE_SENTENCES[0]}; with a semicolon", "1,500"]


def test_markdown_and_json_string_values(tmp_path: Path) -> None:
    md = f"# {ZG[1]}\n\n- **{ZG[3]}**\n"
    assert normalized(tmp_path, "post.md", md) == md.replace(ZG[1], UNICODE_SENTENCES[1]).replace(
        ZG[3], UNICODE_SENTENCES[3]
    )
    data = json.dumps({"title": ZG[0], "count": 15, "tags": [ZG[2]]}, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(normalized(tmp_path, "post.json", data)) == {
        "title": UNICODE_SENTENCES[0],
        "count": 15,
        "tags": [UNICODE_SENTENCES[2]],
    }


def test_document_found_by_content(tmp_path: Path) -> None:
    import docx

    path = word(tmp_path / "call.docx", [[(ZG[0], {})]], cell="")
    renamed = path.rename(tmp_path / "call-from-email")
    out = CliRunner().invoke(main, ["normalize", "--check", str(renamed)])
    assert out.exit_code == 1 and out.output.startswith(f"{renamed}: would change")
    out = CliRunner().invoke(main, ["normalize", "--check", "-"], input=renamed.read_bytes())
    assert out.exit_code == 1 and out.output.startswith("<stdin>: would change")
    assert docx.Document(io.BytesIO(renamed.read_bytes())).paragraphs[0].text == ZG[0]
