"""The exile map: land outlines from Natural Earth and places from the data.

`python -m sitedata.geo PATH/land-110m.json` (from the npm package
world-atlas) writes data/geo/land.json: the land rings inside the map's box,
rounded to half a degree (about two pixels on the map).
The build only reads that committed file.
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
LAND = ROOT / "data" / "geo" / "land.json"
# West of Mexico to east of the Yenisei, the tropics to the Arctic.
BOX = {"west": -112.0, "east": 112.0, "south": 12.0, "north": 72.0}
WIDTH = 1000.0
_K = WIDTH / ((BOX["east"] - BOX["west"]) * math.cos(math.radians(45)))


def decode_topojson(topo: dict, name: str) -> list[list[tuple[float, float]]]:
    """The rings of a TopoJSON object, as (lon, lat) lists."""
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indices):
        points = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    rings = []
    for geometry in topo["objects"][name]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            rings.extend(ring(r) for r in polygon)
    return rings


def in_box(ring) -> bool:
    return any(BOX["west"] - 20 <= lon <= BOX["east"] + 20 and BOX["south"] - 10 <= lat
               <= BOX["north"] + 10 for lon, lat in ring)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular, true to scale at 45°N."""
    x = (lon - BOX["west"]) * _K * math.cos(math.radians(45))
    y = (BOX["north"] - lat) * _K
    return round(x, 1), round(y, 1)


def height() -> float:
    return round((BOX["north"] - BOX["south"]) * _K, 1)


def land_path() -> str:
    rings = json.loads(LAND.read_text(encoding="utf-8"))["rings"]
    parts = []
    for ring in rings:
        # Whole pixels are fine for coastlines and halve the path's size.
        points = [tuple(round(v) for v in project(lon, lat)) for lon, lat in ring]
        points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        parts.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
    return "".join(parts)


def exile_map_view(renderer) -> SimpleNamespace:
    """Everything the map template prints: land, places, routes."""
    ds = renderer.ds
    places = {}
    for exile in sorted(ds.exiles.values(), key=lambda x: ds.date(x, "from").sort_key):
        place = ds.places[exile.place]
        x, y = project(place.lon, place.lat)
        entry = places.setdefault(place.id, SimpleNamespace(
            id=place.id, name=place.name, x=x, y=y, people=set(), periods=[]))
        entry.people.add(exile.person)
        span = renderer.span(exile)
        entry.periods.append(f"{span.start.text}–{span.end.text if span.end else '?'}")
    for entry in places.values():
        entry.who = "both" if len(entry.people) > 1 else next(iter(entry.people))
        entry.title = f"{entry.name}: {'; '.join(entry.periods)}"
        # Labels go left of points near the map's right edge.
        entry.anchor = "end" if entry.x > WIDTH - 120 else "start"
        # HTML labels sit over the drawing, placed in percent of its size.
        entry.left = round(100 * entry.x / WIDTH, 2)
        entry.top = round(100 * entry.y / height(), 2)
    route = [project(ds.places[x.place].lon, ds.places[x.place].lat)
             for x in sorted(ds.exiles.values(), key=lambda x: ds.date(x, "from").sort_key)
             if x.person == "trotsky" and 1928 <= ds.date(x, "from").year <= 1937]
    deduped = [p for i, p in enumerate(route) if i == 0 or p != route[i - 1]]
    return SimpleNamespace(width=WIDTH, height=height(), land=land_path(),
                           places=sorted(places.values(), key=lambda p: p.y),
                           route=" ".join(f"{x:g},{y:g}" for x, y in deduped))


def main(source: str) -> int:
    topo = json.loads(Path(source).read_text(encoding="utf-8"))
    rings = [[(round(lon * 2) / 2, round(lat * 2) / 2) for lon, lat in ring]
             for ring in decode_topojson(topo, "land") if in_box(ring)]
    rings = [[p for i, p in enumerate(r) if i == 0 or p != r[i - 1]] for r in rings]
    rings = [r for r in rings if len(r) >= 6]
    LAND.parent.mkdir(parents=True, exist_ok=True)
    LAND.write_text(json.dumps({"source": "Natural Earth 1:110m land, via world-atlas 2.0.2",
                                "box": BOX, "rings": rings}, separators=(",", ":")) + "\n",
                    encoding="utf-8")
    print(f"wrote {LAND.relative_to(ROOT)}: {len(rings)} rings, {LAND.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
