"""Resource limits (issue 14): one pathological document cannot stall or sink a batch.

- a text over the size cap fails alone, before any stage (spaCy would refuse it and
  take its whole batch down with it);
- a document that runs over the per-document time budget is stopped, reported with
  one line ("took over N s") and skipped; the rest of its batch goes on;
- a batched stage that fails on one document fails only that document.
"""

from __future__ import annotations

import time

import pytest

from briefgraph.errors import BriefgraphError
from briefgraph.pipeline import STAGES, Stage, analyse, extract_text
from briefgraph.records import Analysis, Failure, RawDocument

OK = "Russia condemned Ukraine on Monday."


def _doc(text: str, source: str) -> RawDocument:
    return RawDocument(text=text, source=source)


def _outcomes(results: list[Analysis | Failure]) -> list[str]:
    return [f"failed: {r.reason}" if isinstance(r, Failure) else "ok" for r in results]


def test_text_over_the_size_cap_fails_alone():
    docs = [_doc(OK, "a"), _doc("word " * 2_000, "big"), _doc("Hamas met Fatah in Moscow.", "c")]
    out = _outcomes(list(analyse(docs, max_chars=5_000)))
    assert out[0] == out[2] == "ok"
    assert out[1] == "failed: text is 9,999 characters, over the 5,000 limit (split the document)"


def test_default_size_cap_is_spacys_limit_and_spares_the_batch():
    """Before the cap, a text over spaCy's 1,000,000 characters failed every document of its batch."""
    docs = [_doc(OK, "a"), _doc("word " * 210_000, "big")]
    out = _outcomes(list(analyse(docs)))
    assert out[0] == "ok"
    assert "over the 1,000,000 limit" in out[1]


def test_extract_text_has_the_size_cap():
    with pytest.raises(BriefgraphError, match="over the 100 limit"):
        extract_text("word " * 100, max_chars=100)


def _stalling(kind: str):
    def build(_knowledge):
        def run(analysis):
            if "stall" in analysis.text:
                if kind == "python":
                    while True:
                        pass
                time.sleep(30)  # a C call: interrupted by the timer too
            return {}
        return run
    return build


@pytest.mark.parametrize("kind", ["python", "sleep"])
def test_document_over_the_time_budget_is_stopped_and_skipped(kind):
    stall = Stage("stall", _stalling(kind), requires=("nlp",))
    stages = (*STAGES[:3], stall, *STAGES[3:])
    docs = [_doc(OK, "a"), _doc("They stall here.", "slow"), _doc("Hamas met Fatah in Moscow.", "c")]
    started = time.monotonic()
    list(analyse([_doc(OK, "warm")], stages=STAGES))  # load the lazy data files first: only the stall may be slow
    out = _outcomes(list(analyse(docs, stages=stages, budget_seconds=15)))
    assert time.monotonic() - started < 90
    assert out[0] == out[2] == "ok"
    assert out[1] == "failed: took over 15 s (stopped in the stall stage)"
    assert "\n" not in out[1]


def test_budget_is_checked_between_stages_off_the_main_thread():
    """In a worker thread (the HTTP server's) no timer can be set: the runner stops the
    document at the next stage boundary instead."""
    import threading

    def build(_knowledge):
        def run(analysis):
            if "slow" in analysis.text:
                time.sleep(6.5)
            return {}
        return run

    stages = (*STAGES[:3], Stage("slow", build, requires=("nlp",)), *STAGES[3:])
    box: list[list[str]] = []
    thread = threading.Thread(target=lambda: box.append(_outcomes(list(analyse(
        [_doc("A slow one.", "slow"), _doc(OK, "a")], stages=stages, budget_seconds=6.0)))))
    thread.start()
    thread.join(120)
    assert box == [["failed: took over 6 s (stopped after the slow stage)", "ok"]]


def test_a_batched_stage_failing_on_one_document_fails_only_that_one():
    def build(_knowledge):
        def run(batch):
            if any("poison" in a.text for a in batch):
                raise ValueError("cannot parse this")
            return [{} for _ in batch]
        return run

    stages = (*STAGES[:3], Stage("batch", build, requires=("nlp",), batched=True), *STAGES[3:])
    docs = [_doc(OK, "a"), _doc("A poison pill.", "bad"), _doc("Hamas met Fatah in Moscow.", "c")]
    out = _outcomes(list(analyse(docs, stages=stages)))
    assert out[0] == out[2] == "ok"
    assert out[1].startswith("failed: internal error in the batch stage (ValueError: cannot parse this)")


def test_no_budget_and_no_cap_when_turned_off():
    docs = [_doc(OK * 3, "a")]
    assert _outcomes(list(analyse(docs, budget_seconds=None, max_chars=None))) == ["ok"]


def _quick(_knowledge):
    return lambda analysis: {}


def test_a_stage_prepare_loads_lazy_data_outside_the_document_budget():
    """A first caseless document waits for the case lexicon to be built: that is the
    run's cost, not the document's, so a stage's `prepare` is not counted in its budget;
    a failing `prepare` fails only its document, with the stage named."""
    from briefgraph.pipeline import Pipeline, start_analysis

    def slow_load(_knowledge):
        def load(analysis):
            if "boom" in analysis.text:
                raise ValueError("broken data file")
            time.sleep(1.5)
        return load

    stage = Stage("quick", _quick, requires=("text",), prepare=slow_load)
    pipeline = Pipeline.build(stages=(stage,), budget_seconds=1.0)
    current, failures = pipeline.run([start_analysis(_doc("fine", "a")), start_analysis(_doc("boom here", "b"))])
    assert current[0] is not None and failures[0] is None, failures[0]
    assert current[1] is None and failures[1] is not None
    assert "quick" in failures[1].reason and "broken data file" in failures[1].reason
