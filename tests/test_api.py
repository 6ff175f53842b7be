"""The public API: the names ``polyglot`` exports, what they promise, and that importing is light.

The README's "Library" section promises these names and their parameters within a major
version; this file is that promise written down, so a change to it is a deliberate one.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

import pytest

import polyglot

PUBLIC = {
    "Catalog": "polyglot.catalog.model",
    "Change": "polyglot.burmese.changes",
    "Detection": "polyglot.burmese.detect",
    "Diagnostic": "polyglot.burmese.diagnose",
    "Finding": "polyglot.catalog.check",
    "InputError": "polyglot.files",
    "Locale": "polyglot.locales",
    "Message": "polyglot.catalog.model",
    "Result": "polyglot.burmese.pipeline",
    "check_catalog": "polyglot.catalog.check",
    "detect_text": "polyglot.burmese.detect",
    "format_po": "polyglot.catalog.pofile",
    "get_locale": "polyglot.locales",
    "normalize_text": "polyglot.burmese.pipeline",
    "parse_po": "polyglot.catalog.pofile",
    "read_po": "polyglot.catalog.pofile",
}
"""Each public name and the module that defines it."""

SIGNATURES = {
    "normalize_text": "(text, *, target='unicode', repair=True, source='auto', explain=True)",
    "detect_text": "(text)",
    "parse_po": "(text, path='<catalog>')",
    "read_po": "(path)",
    "format_po": "(catalog)",
    "check_catalog": "(catalog, locale, only=None)",
    "get_locale": "(code)",
}
"""The promised parameters (names, order, defaults) of the public functions."""

FIELDS = {
    "Result": ["text", "changes", "diagnostics", "detections", "changed"],
    "Change": ["kind", "rule", "line", "column", "before", "after", "reason", "evidence"],
    "Diagnostic": ["line", "column", "code", "message"],
}
"""The promised fields of the result types (more may be added, none removed or renamed)."""

# English and a Zawgyi word, Unicode Burmese, Chinese.
MIXED = "Exams: ေက်ာင္းသား\nမြန်မာစာ ကို ယူနီကုဒ်ဖြင့် ရေးသည်။\n考试\n"


def test_all_is_the_promised_names() -> None:
    assert sorted(polyglot.__all__) == sorted([*PUBLIC, "__version__"])
    assert polyglot._HOMES == PUBLIC  # no name loads lazily without being promised


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_each_name_is_its_module_s_own(name: str) -> None:
    import importlib

    assert getattr(polyglot, name) is getattr(importlib.import_module(PUBLIC[name]), name)
    assert name in dir(polyglot)


def test_from_import_and_unknown_names() -> None:
    from polyglot import Result, normalize_text

    assert isinstance(normalize_text("abc"), Result)
    with pytest.raises(AttributeError, match="no attribute 'normalise_text'"):
        polyglot.normalise_text  # noqa: B018


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_function_signatures_are_kept(name: str) -> None:
    signature = inspect.signature(getattr(polyglot, name))
    plain = signature.replace(
        parameters=[p.replace(annotation=p.empty) for p in signature.parameters.values()],
        return_annotation=inspect.Signature.empty,
    )
    assert str(plain) == SIGNATURES[name]


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_result_fields_are_kept(name: str) -> None:
    import dataclasses

    fields = [field.name for field in dataclasses.fields(getattr(polyglot, name))]
    assert fields[: len(FIELDS[name])] == FIELDS[name]


def test_detect_text_reports_each_run() -> None:
    runs = polyglot.detect_text(MIXED)
    assert [run.encoding for run in runs] == ["zawgyi", "unicode"]
    assert all(run.language == "burmese" and run.evidence for run in runs)
    assert runs[0].probability > 0.99 > 0.01 > runs[1].probability


def _python(code: str, stdin: bytes = b"") -> bytes:
    proc = subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


def test_the_documented_one_liner_equals_the_cli() -> None:
    """``python -c "import polyglot; print(polyglot.normalize_text('…').text)"`` (the README's
    example) prints what ``polyglot normalize`` writes for the same text."""
    one_liner = _python(f"import polyglot; print(polyglot.normalize_text({MIXED.rstrip()!r}).text)")
    cli = subprocess.run(
        [sys.executable, "-m", "polyglot.cli", "normalize", "-"], input=MIXED.encode(), capture_output=True, check=True
    )
    assert one_liner == cli.stdout
    assert one_liner != MIXED.encode()  # it did convert the Zawgyi line


HEAVY = ("icu", "myanmartools", "babel", "click", "jinja2", "markdown_it", "yaml", "fontTools", "uharfbuzz", "dask")


def test_importing_polyglot_loads_nothing_else() -> None:
    """``import polyglot`` (or ``from polyglot import __version__``, which the CLI does) loads
    none of polyglot's modules and none of its dependencies; each name loads on first use."""
    code = "import json, sys, polyglot; print(json.dumps(sorted(sys.modules)))"
    loaded = json.loads(_python(code))
    ours = [m for m in loaded if m.startswith("polyglot.")]
    heavy = [m for m in loaded if m.split(".")[0] in HEAVY]
    assert (ours, heavy) == ([], [])
    used = json.loads(_python(code.replace("import json", "import polyglot; polyglot.Result; import json")))
    assert "polyglot.burmese.pipeline" in used  # the other side: a name does load its module
