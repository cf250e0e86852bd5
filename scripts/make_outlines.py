"""Write static/countries-110m.geojson: country borders and coasts for the Map.

Source: Natural Earth 1:110m Admin 0 countries (public domain), version 4.1.0, as
TopoJSON in the npm package world-atlas 2.0.2 (``npm pack world-atlas@2.0.2``;
``package/countries-110m.json``). Every TopoJSON arc (a border or coast, shared
borders once) becomes one line of a MultiLineString, coordinates rounded to 0.01°
(about 1 km, far finer than 1:110m), so the map draws outlines with no tile server.

Usage: python scripts/make_outlines.py path/to/countries-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "static" / "countries-110m.geojson"


def arcs_as_lines(topology: dict) -> list[list[list[float]]]:
    """The topology's arcs in degrees (delta-decoded and de-quantized)."""
    transform = topology["transform"]
    (scale_x, scale_y), (dx, dy) = transform["scale"], transform["translate"]
    lines = []
    for arc in topology["arcs"]:
        x = y = 0
        line = []
        for step_x, step_y in arc:
            x, y = x + step_x, y + step_y
            line.append([round(x * scale_x + dx, 2), round(y * scale_y + dy, 2)])
        # Rounding can repeat points; keep a line's distinct consecutive points.
        line = [p for i, p in enumerate(line) if i == 0 or p != line[i - 1]]
        if len(line) > 1:
            lines.append(line)
    return lines


def split_at_antimeridian(lines: list[list[list[float]]]) -> list[list[list[float]]]:
    """Cut a line where it jumps across the ±180° meridian (a map would draw the jump)."""
    pieces = []
    for line in lines:
        start = 0
        for i in range(1, len(line)):
            if abs(line[i][0] - line[i - 1][0]) > 180:
                pieces.append(line[start:i])
                start = i
        pieces.append(line[start:])
    return [piece for piece in pieces if len(piece) > 1]


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "name": "country borders and coasts",
                    "source": "Natural Earth 1:110m Admin 0 countries v4.1.0 (public domain), "
                    "via world-atlas 2.0.2",
                },
                "geometry": {
                    "type": "MultiLineString",
                    "coordinates": split_at_antimeridian(arcs_as_lines(topology)),
                },
            }
        ],
    }
    OUTPUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
