"""The gold gate: our own annotated documents (tests/data/*.gold.json), scored with the
shared scorer (../shared/eval/score.py) on records extracted in this process. A rule
that lowers entities, quotes, times or events below the floors in tests/gold/floors.json
fails here with the metric and the misses, instead of staying green."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from briefgraph.pipeline import analyse
from briefgraph.readers import read_inputs
from briefgraph.records import Failure

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
FLOORS = json.loads((Path(__file__).parent / "gold" / "floors.json").read_text())


def _scorer() -> Any:
    assert SCORER.exists(), f"the shared scorer is missing: {SCORER} (clone the project beside ../shared)"
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _documents(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append((gold_path.with_name(gold["doc"]), gold))
    return out


@pytest.fixture(scope="module")
def scored() -> tuple[dict[str, Any], str]:
    score = _scorer()
    tallies: dict[str, Any] = defaultdict(score.Tally)
    shown = io.StringIO()
    documents = _documents(ROOT / "tests" / "data")
    results = list(analyse(read_inputs([str(path) for path, _ in documents])))
    assert len(results) == len(documents)
    for (path, gold), result in zip(documents, results, strict=True):
        assert not isinstance(result, Failure), f"{path.name} failed: {result}"
        with contextlib.redirect_stdout(shown):
            print(f"== {path.name}")
            score.score_doc(gold, result.to_record(), tallies, True)
    return dict(tallies), shown.getvalue()


@pytest.mark.parametrize("metric", sorted(FLOORS["tests/data"]))
def test_gold_figure_holds_its_floor(scored, metric):
    tallies, misses = scored
    floor = FLOORS["tests/data"][metric]
    p, r, f1 = tallies[metric].f1()
    relevant = "\n".join(line for line in misses.splitlines()
                         if line.startswith("==") or metric.split(".")[0].rstrip("s") in line)
    assert f1 >= floor, (f"tests/data {metric} F1 {f1:.3f} (P {p:.3f} R {r:.3f}) fell below its floor {floor}; "
                         f"misses and extras:\n{relevant}")
