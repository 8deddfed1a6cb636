"""The `briefgraph` command, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys

from briefgraph.nlp import check_model_meta, load_nlp

BRIEF = """May 2, 2024 | Flash Brief

Egypt Hosts Gaza Truce Talks

Latest Developments

Egyptian officials hosted a Hamas delegation in Cairo on May 1 for talks on a truce in Gaza.

Issues:

Egypt Gaza Palestinian Politics
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgraph", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_extract_json_prints_one_record(write):
    path = write("brief.txt", BRIEF)
    out = run("extract", str(path), "--format", "json")
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert set(record) >= {"document", "text", "actors", "quotes", "times", "events"}
    assert record["document"]["title"] == "Egypt Hosts Gaza Truce Talks"
    assert record["document"]["published"] == "2024-05-02"
    assert record["document"]["tags"] == ["Egypt", "Gaza", "Palestinian Politics"]
    assert len(record["document"]["id"]) == 64


def test_same_input_gives_byte_identical_output(write):
    path = write("brief.txt", BRIEF)
    first, second = run("extract", str(path)), run("extract", str(path))
    assert first.returncode == 0 and first.stdout == second.stdout


def test_jsonl_input_gives_one_record_per_line_in_order(write):
    lines = [{"id": str(i), "text": f"Document number {i} says Kenya sent troops to Haiti.",
              "published": f"2024-06-{10 + i}"} for i in range(5)]
    path = write("set.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    out = run("extract", str(path), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["document"]["input_id"] for r in records] == ["0", "1", "2", "3", "4"]
    assert [r["document"]["published"] for r in records] == [f"2024-06-{10 + i}" for i in range(5)]


def test_stdin_and_table_format():
    out = run("extract", "-", "--format", "table", stdin=BRIEF)
    assert out.returncode == 0, out.stderr
    assert "Egypt Hosts Gaza Truce Talks" in out.stdout and "2024-05-02" in out.stdout


def test_some_bad_inputs_exit_1_with_one_line_each_and_no_traceback(write):
    good = write("good.txt", BRIEF)
    empty = write("empty.txt", "")
    binary = write("blob.txt", b"\x00\x01\x02" * 100)
    out = run("extract", str(good), str(empty), str(binary), "--format", "jsonl")
    assert out.returncode == 1, (out.returncode, out.stderr)
    assert len(out.stdout.splitlines()) == 1, "the good input still produces its record"
    errors = out.stderr.strip().splitlines()
    assert len(errors) == 2, errors
    assert "empty.txt" in errors[0] and "empty" in errors[0]
    assert "blob.txt" in errors[1] and "binary" in errors[1]
    assert "Traceback" not in out.stderr


def test_all_inputs_bad_exit_2(write):
    out = run("extract", str(write("empty.txt", "")), "/no/such/file.txt")
    assert out.returncode == 2, out.stderr
    assert "no such file" in out.stderr and "Traceback" not in out.stderr


def test_max_size_option(write):
    path = write("brief.txt", BRIEF)
    out = run("extract", str(path), "--max-size", "100")
    assert out.returncode == 2 and "limit" in out.stderr
    bad = run("extract", str(path), "--max-size", "lots")
    assert bad.returncode == 2 and "not a size" in bad.stderr


def test_help_on_every_command():
    for args in (["--help"], ["extract", "--help"]):
        out = run(*args)
        assert out.returncode == 0 and "Usage" in out.stdout, out.stderr


def test_model_is_explosions_core_web_sm_380():
    nlp = load_nlp()
    check_model_meta(nlp.meta)  # raises if it is another pipeline
    assert "paragraph_breaks" in nlp.pipe_names


def test_another_model_is_refused():
    import pytest

    from briefgraph.errors import ModelError

    with pytest.raises(ModelError, match="core_web_sm 3.8.0"):
        check_model_meta({"name": "core_web_md", "version": "3.7.1", "lang": "en", "author": "Explosion"})


def test_a_bug_in_a_stage_fails_only_that_document():
    from briefgraph.pipeline import STAGES, Stage, run_stages, start_analysis
    from briefgraph.records import RawDocument

    def fragile(doc):
        if "boom" in doc.text:
            raise ValueError("cannot handle this")
        return {}

    stages = [*STAGES[:1], Stage("fragile", lambda knowledge: fragile)]
    docs = [start_analysis(RawDocument(text=t, source=f"doc{i}")) for i, t in enumerate(["fine", "boom", "ok"])]
    done, failed = run_stages(docs, stages)
    assert [d is not None for d in done] == [True, False, True]
    assert failed[1].source == "doc1" and "internal error in the fragile stage" in failed[1].reason
    import pytest

    with pytest.raises(ValueError):
        run_stages(docs, stages, debug=True)


def test_the_stage_list_is_checked_when_built():
    import pytest

    from briefgraph.pipeline import STAGES, Pipeline, PipelineError

    with pytest.raises(PipelineError, match="'events' requires"):
        Pipeline.build(stages=[s for s in STAGES if s.name != "times"])


def test_a_stage_may_not_assign_undeclared_fields():
    from briefgraph.pipeline import STAGES, Stage, run_stages, start_analysis
    from briefgraph.records import RawDocument

    sneaky = Stage("sneaky", lambda knowledge: (lambda doc: {"events": []}), assigns=("quotes",))
    (done,), (failure,) = run_stages([start_analysis(RawDocument(text="x", source="d"))], [*STAGES[:1], sneaky])
    assert done is None and "undeclared fields" in failure.reason


def test_diagnostics_are_appended_with_the_stage_name():
    from briefgraph.pipeline import STAGES, Stage, run_stages, start_analysis
    from briefgraph.records import RawDocument

    noter = Stage("noter", lambda knowledge: (lambda doc: {"diagnostics": ["half done"]}))
    (done,), _ = run_stages([start_analysis(RawDocument(text="x", source="d"))], [*STAGES[:1], noter, noter])
    assert done.to_record()["diagnostics"] == ["noter: half done", "noter: half done"]
