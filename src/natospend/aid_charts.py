"""Vega-Lite specs for the aid ledger, rendered like every other chart by ``charts.save``."""

from __future__ import annotations

from typing import Any

import pandas as pd

from natospend.charts import SCHEMA
from natospend.output import records

TYPE_COLOURS = {"military": "#2b6cb0", "financial": "#c05621", "humanitarian": "#2f855a"}


def _title(df: pd.DataFrame, text: str) -> dict[str, Any]:
    a = df.attrs
    return {"text": text, "subtitle": f"Kiel Institute, {a['release_label']}; allocations "
                                      f"{a['months']}, EUR billion"}


def aid_chart(df: pd.DataFrame) -> dict[str, Any]:
    """One chart per grouping of :func:`natospend.analysis.aid.aid`: monthly bars stacked by
    type, donors ranked, or the split by type."""
    by = df.attrs["by"]
    who = f" from {df.attrs['donor']}" if df.attrs.get("donor") else ""
    if by == "month":
        types = [t for t in TYPE_COLOURS if f"{t}_eur_bn" in df.columns]
        if types:
            wide = df[["month", *[f"{t}_eur_bn" for t in types]]]
            long = wide.melt(id_vars=["month"], var_name="type", value_name="value")
            long = long.assign(type=long["type"].str.removesuffix("_eur_bn")).rename(
                columns={"value": "eur_bn"})
        else:
            long = df[["month", "eur_bn"]].assign(type=df.attrs["aid_type"])
        return {
            "$schema": SCHEMA, "title": _title(df, f"Aid to Ukraine{who} by month"),
            "width": 720, "height": 300, "data": {"values": records(long)},
            "mark": {"type": "bar"},
            "encoding": {
                "x": {"field": "month", "type": "ordinal", "title": None,
                      "axis": {"labelAngle": -90}},
                "y": {"field": "eur_bn", "type": "quantitative", "stack": "zero",
                      "title": "EUR billion"},
                "color": {"field": "type", "type": "nominal", "title": None,
                          "scale": {"domain": list(TYPE_COLOURS),
                                    "range": list(TYPE_COLOURS.values())}},
                "tooltip": [{"field": "month"}, {"field": "type"},
                            {"field": "eur_bn", "format": ".3f"}]}}
    if by == "donor":
        data = df[["iso3", "donor", "eur_bn", "nato_ally"]]
        return {
            "$schema": SCHEMA, "title": _title(df, "Aid to Ukraine by donor"),
            "width": 480, "height": {"step": 14}, "data": {"values": records(data)},
            "mark": {"type": "bar"},
            "encoding": {
                "y": {"field": "donor", "type": "nominal", "sort": "-x", "title": None},
                "x": {"field": "eur_bn", "type": "quantitative", "title": "EUR billion"},
                "color": {"field": "nato_ally", "type": "nominal", "title": "NATO ally"},
                "tooltip": [{"field": "donor"}, {"field": "eur_bn", "format": ".2f"}]}}
    return {
        "$schema": SCHEMA, "title": _title(df, f"Aid to Ukraine{who} by type"),
        "width": 360, "height": 200, "data": {"values": records(df[["type", "eur_bn"]])},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "type", "type": "nominal", "title": None, "sort": list(TYPE_COLOURS)},
            "y": {"field": "eur_bn", "type": "quantitative", "title": "EUR billion"},
            "color": {"field": "type", "type": "nominal", "legend": None,
                      "scale": {"domain": list(TYPE_COLOURS),
                                "range": list(TYPE_COLOURS.values())}}}}
