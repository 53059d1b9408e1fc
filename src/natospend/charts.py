"""Vega-Lite specs, one per chart: the CLI renders them to SVG/PNG offline with vl-convert, and
the web dashboard serves the same specs to the browser."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from natospend.output import records

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
TARGET_LINES: list[dict[str, Any]] = [{"target": 2.0, "label": "2% (Wales)"},
                {"target": 3.5, "label": "3.5% core (The Hague)"},
                {"target": 5.0, "label": "5% (The Hague)"}]


def _values(df: pd.DataFrame) -> list[dict[str, Any]]:
    return records(df)


def compliance_chart(df: pd.DataFrame) -> dict[str, Any]:
    """Each ally's share of GDP (or equipment share) as a bar, with the target lines."""
    a = df.attrs
    gdp = a["measure"] == "share_of_gdp_pct"
    data = df.dropna(subset=["value"])[["iso3", "name", "value", "status", "estimate"]]
    lines: list[dict[str, Any]] = (TARGET_LINES if gdp else
                                   [{"target": 20.0, "label": "20% equipment (Wales)"}])
    if not any(math.isclose(line["target"], a["target"]) for line in lines):
        lines = [*lines, {"target": a["target"], "label": f"{a['target']:g}% (asked)"}]
    axis = "Defence spending, % of GDP" if gdp else "Major equipment, % of defence spending"
    return {
        "$schema": SCHEMA,
        "title": {"text": f"{a['count']} of {a['total']} allies at or above {a['target']:g}% "
                          f"in {a['year']}",
                  "subtitle": f"NATO, edition {a['edition']}"
                              + ("; lighter bars are estimates" if a["estimate"]
                                 else "")},
        "width": 640, "height": 300,
        "layer": [
            {"data": {"values": _values(data)},
             "mark": {"type": "bar"},
             "encoding": {
                 "x": {"field": "iso3", "type": "nominal", "sort": "-y", "title": None},
                 "y": {"field": "value", "type": "quantitative", "title": axis},
                 "color": {"field": "status", "type": "nominal", "title": None,
                           "scale": {"domain": ["meets", "below"],
                                     "range": ["#2b6cb0", "#c05621"]}},
                 "opacity": {"condition": {"test": "datum.estimate", "value": 0.6},
                             "value": 1},
                 "tooltip": [{"field": "name"}, {"field": "value", "format": ".2f"},
                             {"field": "estimate"}]}},
            {"data": {"values": lines},
             "mark": {"type": "rule", "strokeDash": [4, 3]},
             "encoding": {"y": {"field": "target", "type": "quantitative"}}},
            {"data": {"values": lines},
             "mark": {"type": "text", "align": "right", "dy": -6, "x": "width"},
             "encoding": {"y": {"field": "target", "type": "quantitative"},
                          "text": {"field": "label"}}},
        ],
    }


def save(spec: dict[str, Any], path: Path) -> None:
    """Render ``spec`` to ``path`` (.svg or .png; .json writes the spec itself), offline."""
    import vl_convert as vlc

    suffix = path.suffix.lower()
    if suffix == ".svg":
        content: str | bytes = vlc.vegalite_to_svg(spec)
    elif suffix == ".png":
        content = vlc.vegalite_to_png(spec, scale=2)
    elif suffix == ".json":
        content = json.dumps(spec, indent=2)
    else:
        raise ValueError(f"chart file {path.name!r}: use .svg, .png or .json")
    tmp = path.with_name(f".{path.name}.tmp")
    if isinstance(content, bytes):
        tmp.write_bytes(content)
    else:
        tmp.write_text(content, "utf-8")
    tmp.replace(path)
