"""CSV exports of NATO's tables: one file per table block, one row per ally, one column per year.

The file name says which block it holds (``table3_share_of_gdp.csv``); the header is ``country``
then years, ``2024e`` marking an estimate. An empty cell is a figure NATO did not give.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from natospend import countries
from natospend.sources.records import Observation, SourceFormatError

FILES: dict[str, tuple[str, str]] = {
    "table3_share_of_gdp.csv": ("share_of_gdp_pct", "Table 3"),
    "table3_real_change.csv": ("real_change_pct", "Table 3"),
    "table7_military_personnel_thousands.csv": ("personnel_k", "Table 7"),
    "table8_equipment_share.csv": ("equipment_share_pct", "Table 8a"),
    "table8_personnel_share.csv": ("personnel_share_pct", "Table 8a"),
    "table8_infrastructure_share.csv": ("infrastructure_share_pct", "Table 8b"),
    "table8_other_share.csv": ("other_share_pct", "Table 8b"),
}
AGGREGATES = {"NATO Europe and Canada": "NATO_EUROPE_CANADA", "NATO Total": "NATO"}
YEAR = re.compile(r"^(20\d\d)(e?)$")


def parse(folder: Path | str, edition: str, source_url: str) -> list[Observation]:
    """Every figure of every known table file in ``folder``; an unknown file is an error."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceFormatError(f"{folder}: not a folder of NATO table CSVs")
    names = sorted(p.name for p in folder.glob("*.csv"))
    unknown = [n for n in names if n not in FILES]
    if unknown:
        raise SourceFormatError(f"{folder}: files this importer does not know: {unknown}")
    if not names:
        raise SourceFormatError(f"{folder}: no CSV files")
    out: list[Observation] = []
    for name in names:
        indicator, table = FILES[name]
        out.extend(_parse_file(folder / name, indicator, table, edition, source_url))
    return out


def _parse_file(path: Path, indicator: str, table: str, edition: str,
                source_url: str) -> list[Observation]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0][0] != "country":
        raise SourceFormatError(f"{path}: header must start with 'country'")
    years = []
    for h in rows[0][1:]:
        m = YEAR.match(h.strip())
        if not m:
            raise SourceFormatError(f"{path}: column {h!r} is not a year")
        years.append((int(m.group(1)), bool(m.group(2))))
    out = []
    seen = set()
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(years) + 1:
            raise SourceFormatError(f"{path} line {n}: {len(row)} cells, expected {len(years) + 1}")
        name = row[0].strip()
        if name in AGGREGATES:
            entity = AGGREGATES[name]
        else:
            try:
                entity = countries.by_nato_name(name)
            except KeyError:
                raise SourceFormatError(f"{path} line {n}: unknown ally {name!r}") from None
        if entity in seen:
            raise SourceFormatError(f"{path} line {n}: {name!r} appears twice")
        seen.add(entity)
        for (year, estimate), cell in zip(years, row[1:], strict=True):
            cell = cell.strip()
            if cell in ("", ".."):
                continue
            try:
                value = float(cell)
            except ValueError:
                raise SourceFormatError(
                    f"{path} line {n}: {cell!r} for {year} is not a number") from None
            out.append(Observation(edition, entity, year, indicator, value, estimate, table,
                                   source_url))
    return out
