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


def cost_chart(df: pd.DataFrame) -> dict[str, Any]:
    """Extra spending per year against staying at the base share, stacked by ally."""
    a = df.attrs
    data = df[["iso3", "year", "extra_usd_m"]].copy()
    data["extra_usd_bn"] = data["extra_usd_m"] / 1e3
    return {
        "$schema": SCHEMA,
        "title": {"text": f"Extra spending to reach {a['target']:g}% of GDP by {a['by']} "
                          f"({a['group']})",
                  "subtitle": [f"{a['path']} path from {a['base_year']}; GDP growth: "
                               f"{a['growth']}", f"NATO, edition {a['edition']}; US$ current"]},
        "width": 640, "height": 300,
        "data": {"values": _values(data)},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": None},
            "y": {"field": "extra_usd_bn", "type": "quantitative", "aggregate": "sum",
                  "title": "Extra spending, US$ billion"},
            "color": {"field": "iso3", "type": "nominal", "title": "Ally",
                      "legend": {"columns": 2, "symbolLimit": 40}},
            "tooltip": [{"field": "iso3"}, {"field": "year"},
                        {"field": "extra_usd_bn", "format": ",.1f"}]},
    }


def burden_chart(df: pd.DataFrame) -> dict[str, Any]:
    """Each ally's share of allied spending beside its share of allied GDP."""
    a = df.attrs
    long = df.melt(id_vars=["iso3"], value_vars=["spending_share_pct", "gdp_share_pct"],
                   var_name="measure", value_name="pct")
    long["measure"] = long["measure"].map({"spending_share_pct": "share of defence spending",
                                           "gdp_share_pct": "share of GDP"})
    return {
        "$schema": SCHEMA,
        "title": {"text": f"Burden sharing, {a['year']}",
                  "subtitle": f"NATO, edition {a['edition']}; US$ current prices"},
        "width": 640, "height": 300,
        "data": {"values": _values(long)},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "iso3", "type": "nominal", "sort": {"field": "pct", "order":
                                                                 "descending"}, "title": None},
            "xOffset": {"field": "measure"},
            "y": {"field": "pct", "type": "quantitative", "title": "% of allied total",
                  "scale": {"type": "symlog"}},
            "color": {"field": "measure", "type": "nominal", "title": None},
            "tooltip": [{"field": "iso3"}, {"field": "measure"},
                        {"field": "pct", "format": ".2f"}]},
    }


def trend_chart(df: pd.DataFrame) -> dict[str, Any]:
    """One ally's share of GDP over time, against the 2% and 3.5% lines."""
    a = df.attrs
    data = df[["year", "share_of_gdp_pct", "estimate"]].dropna(subset=["share_of_gdp_pct"])
    return {
        "$schema": SCHEMA,
        "title": {"text": f"{a['ally']}: defence spending, % of GDP",
                  "subtitle": f"NATO, edition {a['edition']}; hollow points are estimates"},
        "width": 640, "height": 300,
        "layer": [
            {"data": {"values": _values(data)}, "mark": {"type": "line", "point": False},
             "encoding": {"x": {"field": "year", "type": "ordinal", "title": None},
                          "y": {"field": "share_of_gdp_pct", "type": "quantitative",
                                "title": "% of GDP"}}},
            {"data": {"values": _values(data)}, "mark": {"type": "point", "size": 60},
             "encoding": {"x": {"field": "year", "type": "ordinal"},
                          "y": {"field": "share_of_gdp_pct", "type": "quantitative"},
                          "fill": {"condition": {"test": "datum.estimate", "value": "white"},
                                   "value": "#2b6cb0"},
                          "tooltip": [{"field": "year"},
                                      {"field": "share_of_gdp_pct", "format": ".2f"},
                                      {"field": "estimate"}]}},
            {"data": {"values": TARGET_LINES[:2]}, "mark": {"type": "rule", "strokeDash": [4, 3]},
             "encoding": {"y": {"field": "target", "type": "quantitative"}}},
        ],
    }


def news_chart(df: pd.DataFrame) -> dict[str, Any]:
    """Claims in the store per month of publication, by verdict."""
    return {
        "$schema": SCHEMA,
        "title": {"text": "Claims in the news, by month and verdict"},
        "width": 640, "height": 240,
        "data": {"values": _values(df)},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "title": None},
            "y": {"field": "claims", "type": "quantitative", "aggregate": "sum",
                  "title": "claims"},
            "color": {"field": "verdict", "type": "nominal", "title": None,
                      "scale": {"domain": ["supported", "contradicted", "unverifiable"],
                                "range": ["#38a169", "#e53e3e", "#d69e2e"]}},
            "tooltip": [{"field": "month"}, {"field": "verdict"}, {"field": "claims"}]},
    }
