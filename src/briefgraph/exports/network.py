"""The actor network of a store (`query.network` pairs) as GraphML or GEXF: plain XML,
readable by Gephi, networkx and yEd. Nodes are actors, directed edges carry the event
count, the number of reports and the mean Goldstein score."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO
from xml.etree import ElementTree as ET

__all__ = ["network_gexf", "network_graphml", "network_nodes", "write_gexf", "write_graphml"]


def network_nodes(pairs: list[dict[str, Any]]) -> dict[int, tuple[str, str | None]]:
    """The actors of `network` pairs: id -> (name, code), in order of first appearance."""
    nodes: dict[int, tuple[str, str | None]] = {}
    for pair in pairs:
        nodes.setdefault(pair["source_id"], (pair["source"], pair["source_code"]))
        nodes.setdefault(pair["target_id"], (pair["target"], pair["target_code"]))
    return nodes


def network_graphml(pairs: list[dict[str, Any]]) -> str:
    """The network as GraphML (directed; nodes are actors, edges carry events, reports, goldstein)."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    keys = [("name", "node", "string"), ("code", "node", "string"), ("events", "edge", "int"),
            ("reports", "edge", "int"), ("goldstein", "edge", "double")]
    for name, domain, kind in keys:
        ET.SubElement(root, "key", {"id": name, "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", {"id": "briefgraph", "edgedefault": "directed"})
    nodes = network_nodes(pairs)
    for node_id in sorted(nodes):
        name, code = nodes[node_id]
        node = ET.SubElement(graph, "node", {"id": f"a{node_id}"})
        ET.SubElement(node, "data", {"key": "name"}).text = name
        if code:
            ET.SubElement(node, "data", {"key": "code"}).text = code
    for i, pair in enumerate(pairs, 1):
        edge = ET.SubElement(graph, "edge", {"id": f"e{i}", "source": f"a{pair['source_id']}",
                                             "target": f"a{pair['target_id']}"})
        for key in ("events", "reports", "goldstein"):
            ET.SubElement(edge, "data", {"key": key}).text = str(pair[key])
    return _xml_text(root)


def _xml_text(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _write(render: Callable[[list[dict[str, Any]]], str], store: Any, out: TextIO, **filters: Any) -> int:
    """Write the store's network (`query.network` with `filters`) in one format; the number of edges."""
    from .. import query

    pairs = query.network(store, **filters)
    out.write(render(pairs))
    return len(pairs)


def write_graphml(store: Any, out: TextIO, **filters: Any) -> int:
    return _write(network_graphml, store, out, **filters)


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
    return _xml_text(root)


def write_gexf(store: Any, out: TextIO, **filters: Any) -> int:
    return _write(network_gexf, store, out, **filters)
