"""polyglot on Dask's local scheduler gives the single-process output, byte for byte."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from benchmarks.corpus import lines as corpus_lines
from polyglot.batch.block import Options
from polyglot.batch.stream import normalize_file

db = pytest.importorskip("dask.bag")

from polyglot.distributed import normalize_files, normalize_lines  # noqa: E402


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    stream = corpus_lines("mixed", seed=3)
    paths = []
    for i, n in enumerate((250, 40, 1)):
        path = folder / f"part{i}.txt"
        body = "\n".join(itertools.islice(stream, n))
        if i == 0:
            body = "\ufeff" + body.replace("\n", "\r\n", 5) + "\n"  # BOM, some CRLF, final newline
        path.write_text(body, encoding="utf-8", newline="")
        paths.append(path)
    return paths


@pytest.mark.slow
@pytest.mark.parametrize("scheduler", ["sync", "processes"])
def test_files_on_dask_equal_single_process(tmp_path: Path, scheduler: str) -> None:
    sources = write_corpus(tmp_path / "src")
    reports = normalize_files(sources, tmp_path / "dask", root=tmp_path / "src", block_lines=100, scheduler=scheduler)
    assert [r.path for r in reports] == [str(p) for p in sources]
    for source in sources:
        single = tmp_path / "single" / source.name
        normalize_file(source, single, block_lines=100)
        assert (tmp_path / "dask" / source.name).read_bytes() == single.read_bytes()
    assert any(r.changed for r in reports)


def test_bag_of_lines_equals_single_process(tmp_path: Path) -> None:
    sources = write_corpus(tmp_path / "src")
    bag = db.read_text([str(p) for p in sources], linedelimiter="\n", encoding="utf-8")
    assert bag.npartitions == len(sources)
    out = normalize_lines(bag, Options(), block_lines=100).compute(scheduler="processes")
    single = b""
    for source in sources:
        normalize_file(source, tmp_path / "single" / source.name, block_lines=100)
        single += (tmp_path / "single" / source.name).read_bytes()
    assert "".join(out).encode("utf-8") == single
    assert "".join(out) != "".join(p.read_text(encoding="utf-8") for p in sources)  # it did normalize
