"""Shared fixtures: the analysed records of real documents, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgraph.pipeline import analyse
from briefgraph.readers import read_inputs
from briefgraph.records import Analysis, Failure

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "samples"


def analyse_paths(*paths: str | Path) -> list[Analysis | Failure]:
    return list(analyse(read_inputs([str(p) for p in paths])))


def analyse_text(text: str, published: str | None = None, title: str | None = None) -> Analysis:
    from briefgraph.pipeline import STAGES, run_stages, start_analysis
    from briefgraph.records import RawDocument

    done, failed = run_stages([start_analysis(RawDocument(text=text, source="<test>", published=published,
                                                          title=title))], STAGES)
    assert done[0] is not None, f"analysis failed: {failed[0]}"
    return done[0]


@pytest.fixture
def write(tmp_path):
    """write(name, content) -> path of a file in a fresh temporary folder."""
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path
    return _write
