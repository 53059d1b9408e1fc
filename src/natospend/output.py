"""Rendering of results for the CLI: one option set (--format table|csv|json|jsonl) everywhere."""

from __future__ import annotations

import json
import math
import sys
from typing import Any

import click
import pandas as pd

FORMATS = ("table", "csv", "json", "jsonl")


def format_option(f: Any) -> Any:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="table for people, csv/json/jsonl for programs")(f)


def _clean(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if v is pd.NA or v is pd.NaT:
        return None
    if hasattr(v, "item"):  # numpy scalars
        return _clean(v.item())
    if isinstance(v, dict):
        return {k: _clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_clean(x) for x in v]
    return v


def whole_numbers(df: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """``df`` with ``columns`` (those it has) as whole numbers, the missing ones missing: pandas
    makes a column of years with a gap floats, and JSON would say '2026.0'."""
    for column in columns:
        if column in df:
            df[column] = df[column].astype("Int64")
    return df


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [_clean(r) for r in df.astype(object).to_dict(orient="records")]


def emit(df: pd.DataFrame, fmt: str, title: str | None = None,
         summary: dict[str, Any] | None = None, footer: str | None = None,
         digits: int = 2) -> None:
    """Write ``df`` to stdout in ``fmt``; json wraps rows with ``summary`` (the result's attrs)."""
    if fmt == "csv":
        sys.stdout.write(df.to_csv(index=False, lineterminator="\n"))
    elif fmt == "jsonl":
        for r in records(df):
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "json":
        body: dict[str, Any] = dict(_clean(summary or {}))
        body["rows"] = records(df)
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        from rich.console import Console  # only for tables: the helpers above stay light
        from rich.table import Table

        console = Console(soft_wrap=False, width=max(Console().width, 100))
        table = Table(title=title, title_justify="left", show_lines=False)
        for c in df.columns:
            table.add_column(str(c), justify="right" if pd.api.types.is_numeric_dtype(df[c])
                             else "left", overflow="fold")
        # a year column holding floats (a missing year makes pandas widen it) stays a year
        places = [0 if str(c).endswith("year") else digits for c in df.columns]
        for r in df.itertuples(index=False):
            table.add_row(*[_cell(v, d, grouped=d > 0) for v, d in zip(r, places, strict=True)])
        console.print(table)
        if footer:
            console.print(footer, highlight=False)


def _cell(v: Any, digits: int, grouped: bool = True) -> str:
    v = _clean(v)
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:,.{digits}f}" if grouped else f"{v:.{digits}f}"
    return str(v)
