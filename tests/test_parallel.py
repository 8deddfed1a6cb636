"""Streaming, local workers and a Dask cluster: the same records, in input order."""

from __future__ import annotations

import io
import json

import pytest

from briefgraph.outputs import JsonSink, PartitionSink
from briefgraph.parallel import RunOptions, extract_records, parse_workers
from briefgraph.readers import read_inputs
from briefgraph.records import Failure

STORIES = [
    "Kenya and Uganda agreed on Monday to reopen the Busia border crossing.",
    "Police in Lagos said they had arrested 12 suspected kidnappers.",
    "Russia's foreign minister met his Chinese counterpart in Beijing on Tuesday.",
    "The European Union imposed sanctions on three Iranian officials.",
    "Chile recalled its ambassador to Venezuela after the vote.",
]


@pytest.fixture(scope="module")
def jsonl_input(tmp_path_factory):
    path = tmp_path_factory.mktemp("in") / "docs.jsonl"
    lines = [json.dumps({"id": str(i), "text": text, "published": "2024-05-0" + str(i + 1)})
             for i, text in enumerate(STORIES)]
    lines.insert(2, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _summary(results):
    return [("FAIL", r.source) if isinstance(r, Failure) else r for r in results]


@pytest.fixture(scope="module")
def local_results(jsonl_input):
    return _summary(extract_records(read_inputs([str(jsonl_input)]), RunOptions(batch_size=2)))


def test_local_runner_keeps_order_and_failures_in_place(local_results, jsonl_input):
    assert local_results[2] == ("FAIL", f"{jsonl_input}:3"), "the bad JSON line fails alone, in its place"
    texts = [r["text"] for r in local_results if isinstance(r, dict)]
    assert texts == STORIES


def test_two_workers_give_the_same_records_in_the_same_order(local_results, jsonl_input):
    results = _summary(extract_records(read_inputs([str(jsonl_input)]), RunOptions(workers=2, batch_size=2)))
    assert results == local_results


@pytest.mark.slow
def test_a_dask_cluster_of_two_workers_gives_the_same_records(local_results, jsonl_input):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        results = _summary(extract_records(read_inputs([str(jsonl_input)]),
                                           RunOptions(dask=cluster.scheduler_address, batch_size=2)))
        assert results == local_results
        assert len(cluster.workers) == 2


def test_an_unreachable_scheduler_is_one_clear_error():
    from briefgraph.parallel import ParallelError

    with pytest.raises(ParallelError, match="cannot reach the Dask scheduler"):
        list(extract_records(iter([]), RunOptions(dask="tcp://127.0.0.1:9")))


def test_workers_option_parses_numbers_and_auto():
    assert parse_workers("3") == 3 and parse_workers("auto") >= 1
    for bad in ("0", "-1", "two", ""):
        with pytest.raises(ValueError, match="--workers"):
            parse_workers(bad)


def test_jsonl_files_are_read_lazily(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"text": f"Story {i} about Kenya."}) + "\n" for i in range(5000)))
    docs = read_inputs([str(path)])
    first = next(docs)
    assert first.text == "Story 0 about Kenya."
    with path.open("a") as fh:  # a line added after reading began is still read: nothing was loaded whole
        fh.write(json.dumps({"text": "Added later."}) + "\n")
    rest = list(docs)
    assert len(rest) == 5000 and rest[-1].text == "Added later."


def test_an_oversized_json_line_fails_alone(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"text": "short"}) + "\n" + json.dumps({"text": "x" * 5000}) + "\n"
                    + json.dumps({"text": "also short"}) + "\n")
    items = list(read_inputs([str(path)], max_bytes=1000))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure", "RawDocument"]
    assert items[1].source == f"{path}:2" and "over the" in items[1].reason


def test_json_sink_streams_an_array_and_a_single_object():
    one, many = io.StringIO(), io.StringIO()
    sink = JsonSink(one)
    sink.write({"a": 1})
    sink.close()
    assert json.loads(one.getvalue()) == {"a": 1}
    sink = JsonSink(many)
    for i in range(3):
        sink.write({"a": i})
    sink.close()
    assert json.loads(many.getvalue()) == [{"a": 0}, {"a": 1}, {"a": 2}]


def test_partitions_are_written_whole_in_order(tmp_path, local_results):
    records = [r for r in local_results if isinstance(r, dict)]
    sink = PartitionSink(tmp_path / "out", "jsonl", size=2)
    for record in records:
        sink.write(record)
    sink.close()
    parts = sorted((tmp_path / "out").glob("part-*.jsonl"))
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    lines = [json.loads(line) for p in parts for line in p.read_text().splitlines()]
    assert [r["text"] for r in lines] == [r["text"] for r in records]
    import pyarrow.parquet as pq

    sink = PartitionSink(tmp_path / "pq", "parquet", size=10)
    for record in records:
        sink.write(record)
    sink.close()
    table = pq.read_table(tmp_path / "pq" / "part-00000.parquet")
    assert table.num_rows == len(records) and json.loads(table.column("record")[0].as_py())["text"] == STORIES[0]
