"""The events stage's learned layer (stages/events/learned.py) and its training
(tools/train_candidates.py): deterministic fitting, the shipped model, the screen."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from train_candidates import MIN_GAIN, Example, fit, folds, keeps_its_place, labels  # noqa: E402

from briefgraph.knowledge import Knowledge  # noqa: E402
from briefgraph.stages.events import document_drafts  # noqa: E402
from briefgraph.stages.events.context import EventKnowledge  # noqa: E402
from briefgraph.stages.events.learned import CandidateModel, features, screen, shipped_model  # noqa: E402
from events_fixtures import analysed  # noqa: E402


def _examples() -> list[Example]:
    """A small made-up training set: attacks are events, hosting is a state."""
    out = []
    for i in range(12):
        out.append(Example(i, "t", ["lemma=attack", "plover=ASSAULT", f"obj={i % 2 == 0}"], 1, True))
        out.append(Example(100 + i, "t", ["lemma=host", "plover=COOPERATE", f"obj={i % 3 == 0}"], 0, True))
    out.append(Example(200, "t", ["lemma=host", "plover=COOPERATE", "obj=True"], None, True))
    return out


def test_fitting_is_deterministic_and_learns_the_split():
    first, second = fit(_examples(), l2=1.0, threshold=0.4), fit(_examples(), l2=1.0, threshold=0.4)
    assert first.to_json() == second.to_json(), "the same data must give the same model file, byte for byte"
    assert first.probability(["lemma=attack", "plover=ASSAULT"]) > 0.8
    assert first.probability(["lemma=host", "plover=COOPERATE"]) < 0.2


def test_folds_depend_only_on_the_seed():
    assert folds(_examples(), 5, seed=7) == folds(_examples(), 5, seed=7)
    assert sorted(g for fold in folds(_examples(), 5, seed=7) for g in fold) == sorted({e.group for e in _examples()})


def test_the_model_file_round_trips(tmp_path):
    model = replace(fit(_examples(), l2=1.0, threshold=0.3), enabled=True, meta={"seed": 1})
    path = tmp_path / "model.json"
    path.write_text(model.to_json())
    loaded = CandidateModel.load(path)
    assert loaded == model
    assert loaded.probability(["lemma=host"]) == model.probability(["lemma=host"])


def test_the_shipped_model_loads():
    model = shipped_model()
    assert model.weights, "the package ships a trained model (make train)"
    assert 0.0 <= model.threshold < 1.0
    assert model.meta.get("trained_on") and all("tune" in part for part in model.meta["trained_on"])
    assert 0.0 < model.probability(["kind=verb", "lemma=attack"]) < 1.0


def test_labels_follow_the_scorers_alignment():
    gold = [{"source": ["Egypt"], "target": ["Sudan"], "plover": "CONSULT", "negated": False},
            {"source": ["Egypt"], "target": None, "plover": None, "negated": False}]
    preds = [{"plover": "CONSULT", "negated": False, "_src": ["Egypt"], "_tgt": ["Sudan"]},
             {"plover": "CONSULT", "negated": False, "_src": ["Egypt"], "_tgt": ["Sudan"]},
             {"plover": "ASSAULT", "negated": True, "_src": ["Egypt"], "_tgt": []},
             {"plover": "ASSAULT", "negated": False, "_src": ["Sudan"], "_tgt": []}]
    marks, missed = labels(gold, preds)
    assert marks == [1, 0, 0, 0] and missed == 0, "a repeat of a matched event is a false one"
    gold[1].update(source=["Sudan"], plover="ASSAULT", optional=True)
    marks, _ = labels(gold, preds)
    assert marks == [1, 0, 0, None], "an optional gold event absorbs the draft it matches"


def test_the_shipped_setting_keeps_its_place_unless_clearly_beaten():
    base, recall = 0.800, 0.750
    table = {"30.0@0.55": (0.8010, 0.750), "10.0@0.35": (0.8014, 0.7497), "3.0@0.6": (0.7900, 0.700)}
    assert keeps_its_place(table, (30.0, 0.55), 0.8014, base, recall), "one event's gain is no reason to flip"
    assert not keeps_its_place(table, (30.0, 0.55), 0.8010 + MIN_GAIN, base, recall), "a clear gain wins"
    assert not keeps_its_place(table, (3.0, 0.6), 0.8014, base, recall), "a setting that costs recall goes"
    assert not keeps_its_place({"30.0@0.55": (0.7990, 0.75)}, (30.0, 0.55), 0.7990, base, recall), \
        "a setting no better than the rules goes"
    assert not keeps_its_place(table, (1.0, 0.05), 0.8014, base, recall), "a setting off the grid goes"


def _drafts(text: str):
    doc = analysed(text)
    return document_drafts(doc, EventKnowledge.of(Knowledge.default()))


def test_an_enabled_model_drops_the_drafts_it_scores_low_and_a_disabled_one_keeps_all():
    ctx, drafts = _drafts("Egypt hosted talks with Sudan. Israel attacked Hezbollah positions.")
    lemmas = sorted(d.trigger.lemma_ for d in drafts)
    assert "attack" in lemmas and len(drafts) >= 2, lemmas
    assert all(f.startswith(("kind=", "plover=", "root=")) for f in features(ctx, drafts[0], drafts)[:3])
    model = CandidateModel(weights={"plover=ASSAULT": -5.0}, bias=2.0, threshold=0.5, enabled=True)
    kept = screen(ctx, drafts, model)
    assert [d.trigger.lemma_ for d in kept] == [d.trigger.lemma_ for d in drafts if d.trigger.lemma_ != "attack"]
    assert screen(ctx, drafts, replace(model, enabled=False)) == drafts


def test_a_dropped_drafts_targetless_twin_goes_with_it():
    ctx, drafts = _drafts("Egypt hosted talks with Sudan. Israel attacked Hezbollah positions.")
    hosted = next(d for d in drafts if d.trigger.lemma_ == "host" and d.target is not None)
    twin = replace(hosted, target=None)
    model = CandidateModel(weights={"tgt_type=none": 5.0}, bias=-2.0, threshold=0.5, enabled=True)
    kept = screen(ctx, [hosted, twin], model)
    assert kept == [], "the targeted draft is dropped, and its targetless twin (same source, type, sentence) with it"
    other = replace(twin, source=next(d.source for d in drafts if d.source.id != hosted.source.id))
    assert screen(ctx, [hosted, other], model) == [other], "another source's targetless draft stays"


@pytest.mark.slow
def test_make_train_rebuilds_the_shipped_model(tmp_path):
    import train_candidates

    out = tmp_path / "model.json"
    shipped = shipped_model()
    args = ["--seed", str(shipped.meta["seed"]), "--out", str(out)] + (["--enable"] if shipped.enabled else [])
    assert train_candidates.main(args) == 0
    assert CandidateModel.load(out) == shipped, "make train must reproduce the shipped model"
