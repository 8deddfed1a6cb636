"""Build the web UI's offline world outline: src/briefgraph/web/static/world-110m.svg.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/build_world_map.py package/countries-110m.json

world-atlas (npm, ISC licence, Mike Bostock) is Natural Earth's 1:110m admin-0
countries (public domain) as TopoJSON. This script decodes its arcs and writes one SVG
path per country in an equirectangular projection whose user units are degrees: x is
the longitude, y the negated latitude (viewBox -180 -90 360 180), so the map page
places an event at (lon, -lat) without any projection code. Coordinates are rounded
to 0.1 degree. See src/briefgraph/web/static/NOTICE.
"""

from __future__ import annotations

import argparse
import json
from html import escape
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "briefgraph" / "web" / "static" / "world-110m.svg"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc (TopoJSON arcs are delta-encoded, quantised)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def path_data(polygons: list[list[list[int]]], arcs: list[list[tuple[float, float]]]) -> str:
    parts = []
    for polygon in polygons:
        for indices in polygon:
            points, last = [], None
            coordinates = ring(indices, arcs)
            if any(abs(a[0] - b[0]) > 180 for a, b in zip(coordinates, coordinates[1:], strict=False)):
                # a ring across the antimeridian (Fiji, Chukotka): east of it, past the right edge
                coordinates = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in coordinates]
            for lon, lat in coordinates:
                point = f"{lon:.1f} {-lat:.1f}"
                if point != last:
                    points.append(point)
                    last = point
            if len(points) >= 3:
                parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def build(source: Path) -> str:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    lines = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" width="360" height="180">',
             "<!-- Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2 (ISC); "
             "tools/build_world_map.py -->",
             '<rect x="-180" y="-90" width="360" height="180" fill="#dde9f3"/>',
             '<g fill="#f4f1ea" stroke="#9a9a9a" stroke-width="0.2" stroke-linejoin="round">']
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"]
        name = escape(str((geometry.get("properties") or {}).get("name", "")))
        code = escape(str(geometry.get("id", "")))
        lines.append(f'<path id="c{code}" d="{path_data(polygons, arcs)}"><title>{name}</title></path>')
    lines += ["</g>", "</svg>", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(build(args.topojson), encoding="utf-8")
    print(f"{args.out}: {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
