"""Actors and quotes as CSV or Parquet tables, and the actor network as GraphML or GEXF
(plain XML, readable by Gephi, networkx and yEd)."""

from __future__ import annotations

import csv
from typing import Any, TextIO
from xml.etree import ElementTree as ET

ACTOR_COLUMNS = ("id", "name", "type", "country", "code", "kb_id", "aliases", "roles", "mentions", "documents",
                 "events", "category", "country_from")
QUOTE_COLUMNS = ("speaker", "speaker_code", "text", "kind", "cue", "document", "document_id", "published", "url",
                 "start", "end")
_INTS = {"id", "mentions", "documents", "events", "document_id", "start", "end"}


def _rows(what: str, store: Any) -> list[dict[str, Any]]:
    from .. import query

    if what == "actors":
        rows = query.actors(store)
        for row in rows:
            row["aliases"] = "|".join(row["aliases"])
            row["roles"] = "|".join(row["roles"])
        return rows
    return query.quotes(store)


def _write(what: str, columns: tuple[str, ...], store: Any, out: Any, format: str) -> int:
    rows = _rows(what, store)
    if format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(c, pa.int64() if c in _INTS else pa.string()) for c in columns])
        pq.write_table(pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema), out)
        return len(rows)
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: ("" if row.get(c) is None else row.get(c)) for c in columns})
    return len(rows)


def write_actors(store: Any, out: Any, format: str = "csv") -> int:
    """Every stored actor with its counts, names and roles ("|"-joined)."""
    return _write("actors", ACTOR_COLUMNS, store, out, format)


def write_quotes(store: Any, out: Any, format: str = "csv") -> int:
    """Every stored quote with its speaker and document."""
    return _write("quotes", QUOTE_COLUMNS, store, out, format)


def write_graphml(store: Any, out: TextIO, **filters: Any) -> int:
    from .. import query

    pairs = query.network(store, **filters)
    out.write(query.network_graphml(pairs))
    return len(pairs)


def network_gexf(pairs: list[dict[str, Any]]) -> str:
    """The network as GEXF 1.3 (directed; node label and code, edge weight = events,
    with reports and goldstein as attributes)."""
    ns = "http://gexf.net/1.3"
    root = ET.Element("gexf", {"xmlns": ns, "version": "1.3"})
    ET.SubElement(ET.SubElement(root, "meta"), "creator").text = "briefgraph"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    node_attrs = ET.SubElement(graph, "attributes", {"class": "node"})
    ET.SubElement(node_attrs, "attribute", {"id": "code", "title": "code", "type": "string"})
    edge_attrs = ET.SubElement(graph, "attributes", {"class": "edge"})
    ET.SubElement(edge_attrs, "attribute", {"id": "reports", "title": "reports", "type": "integer"})
    ET.SubElement(edge_attrs, "attribute", {"id": "goldstein", "title": "goldstein", "type": "double"})
    nodes_el = ET.SubElement(graph, "nodes")
    edges_el = ET.SubElement(graph, "edges")
    from ..query import network_nodes

    nodes = network_nodes(pairs)
    for node_id in sorted(nodes):
        name, code = nodes[node_id]
        node = ET.SubElement(nodes_el, "node", {"id": f"a{node_id}", "label": name or ""})
        if code:
            values = ET.SubElement(node, "attvalues")
            ET.SubElement(values, "attvalue", {"for": "code", "value": code})
    for i, pair in enumerate(pairs, 1):
        edge = ET.SubElement(edges_el, "edge", {"id": f"e{i}", "source": f"a{pair['source_id']}",
                                                "target": f"a{pair['target_id']}", "weight": str(pair["events"])})
        values = ET.SubElement(edge, "attvalues")
        ET.SubElement(values, "attvalue", {"for": "reports", "value": str(pair["reports"])})
        ET.SubElement(values, "attvalue", {"for": "goldstein", "value": str(pair["goldstein"])})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_gexf(store: Any, out: TextIO, **filters: Any) -> int:
    from .. import query

    pairs = query.network(store, **filters)
    out.write(network_gexf(pairs))
    return len(pairs)
