"""``polyglot normalize`` on documents: every mode, places a person can find."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner

from polyglot.cli import main
from tests.conftest import UNICODE_SENTENCES
from tests.documents.makers import PREBASE_RUNS, ZG, word, workbook


def call(tmp_path: Path) -> Path:
    return word(
        tmp_path / "call.docx",
        [[(t, {"bold": i == 1, "font": "Zawgyi-One"}) for i, t in enumerate(PREBASE_RUNS)], [(ZG[2], {})]],
    )


def normalize(*args: str) -> tuple[int, str]:
    out = CliRunner().invoke(main, ["normalize", *args])
    return out.exit_code, out.output


def test_check_diff_explain_and_json_name_paragraphs_and_runs(tmp_path: Path) -> None:
    path = call(tmp_path)
    data = path.read_bytes()
    code, output = normalize("--check", str(path))
    assert code == 1 and output.startswith(f"{path}: would change (")
    code, output = normalize("--diff", str(path))
    assert f"@@ paragraph 2 @@\n-{ZG[2]}\n+{UNICODE_SENTENCES[2]}\n" in output
    code, output = normalize("--explain", "--check", str(path))
    assert f"{path}: paragraph 1, run 1: convert [zawgyi_to_unicode]" in output
    assert f"{path}: paragraph 1, run 2: font [font_for_encoding] 'Zawgyi-One' → 'Pyidaungsu'" in output
    # word by word, in context, as a text file's changes are; not the paragraph's whole run
    assert f"{path}: paragraph 2: convert [zawgyi_to_unicode]" in output
    assert any(row.startswith("    in: ") and "«" in row for row in output.splitlines())
    assert ZG[2] not in output
    code, output = normalize("--format", "json", str(path))
    record = json.loads(output)
    assert record["path"] == str(path) and record["changed"] is True
    assert {"paragraph 2", "paragraph 1, run 1"} <= {c["where"] for c in record["changes"]}
    assert path.read_bytes() == data  # none of these writes


def test_in_place_then_check_is_clean(tmp_path: Path) -> None:
    import docx

    path = call(tmp_path)
    assert normalize("-i", str(path))[0] == 0
    assert docx.Document(str(path)).paragraphs[1].text == UNICODE_SENTENCES[2]
    written = path.read_bytes()
    assert normalize("--check", str(path)) == (0, "")
    assert normalize("-i", str(path))[0] == 0
    assert path.read_bytes() == written  # a fixed point: nothing more to change


def test_standard_output_gets_the_document(tmp_path: Path) -> None:
    import docx

    out = CliRunner().invoke(main, ["normalize", str(call(tmp_path))])
    assert out.exit_code == 0
    assert docx.Document(io.BytesIO(out.stdout_bytes)).paragraphs[1].text == UNICODE_SENTENCES[2]


def test_tree_with_out_and_jobs(tmp_path: Path) -> None:
    import openpyxl

    tree = tmp_path / "tree"
    tree.mkdir()
    call(tree)
    workbook(tree / "budget.xlsx")
    (tree / "notes.txt").write_text(ZG[0] + "\n", encoding="utf-8")
    code, _ = normalize("-r", "--out", str(tmp_path / "clean"), "-j", "2", str(tree))
    assert code == 0
    clean = tmp_path / "clean"
    assert (clean / "notes.txt").read_text(encoding="utf-8") == UNICODE_SENTENCES[0] + "\n"
    assert openpyxl.load_workbook(clean / "budget.xlsx")["Budget"]["B7"].value == UNICODE_SENTENCES[2]
    assert (tree / "budget.xlsx").read_bytes() != (clean / "budget.xlsx").read_bytes()
    code, _ = normalize("-r", "-i", str(tree))
    assert code == 0 and openpyxl.load_workbook(tree / "budget.xlsx")["Budget"]["A1"].value == UNICODE_SENTENCES[0]


def test_from_and_to(tmp_path: Path) -> None:
    import docx

    path = word(tmp_path / "u.docx", [[(UNICODE_SENTENCES[1], {"font": "Pyidaungsu"})]], cell="")
    assert normalize("-i", "--to", "zawgyi", str(path))[0] == 0
    para = docx.Document(str(path)).paragraphs[0]
    assert para.text == ZG[1] and para.runs[0].font.name == "Zawgyi-One"
    assert normalize("-i", "--from", "zawgyi", str(path))[0] == 0
    para = docx.Document(str(path)).paragraphs[0]
    assert para.text == UNICODE_SENTENCES[1] and para.runs[0].font.name == "Pyidaungsu"
