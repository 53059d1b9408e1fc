"""NATO's Excel workbook of "Defence Expenditure of NATO Countries" (sheets TABLE1..TABLE8b).

Each sheet holds one or two blocks: a section label (e.g. "Current prices"), then one row per ally
(name in English, sometimes with a footnote mark ``*`` or the currency in brackets), then NATO's
aggregates. Years sit in one header row; ``2023e`` marks an estimate. NATO writes ``..`` where a
figure is not available; that stays missing.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

from natospend import countries
from natospend.sources.records import Observation, SourceFormatError

# (sheet, section label prefix) -> indicator. The label is matched case-insensitively on its start.
SECTIONS: dict[str, list[tuple[str, str]]] = {
    "TABLE1": [("current prices", "nat_currency_current_m"),
               ("constant", "nat_currency_constant_m")],
    "TABLE2": [("current prices", "usd_current_m"), ("constant", "usd_constant_m")],
    "TABLE3": [("share of real gdp", "share_of_gdp_pct"),
               ("annual real change", "real_change_pct")],
    "TABLE5": [("current prices", "gdp_usd_current_m"), ("constant", "gdp_usd_constant_m")],
    "TABLE6": [("gdp per capita", "gdp_per_capita_constant_kusd"),
               ("defence expenditure per capita", "per_capita_constant_usd")],
    "TABLE7": [("thousands", "personnel_k")],
    "TABLE8A": [("equipment", "equipment_share_pct"), ("personnel", "personnel_share_pct")],
    "TABLE8B": [("infrastructure", "infrastructure_share_pct"), ("other", "other_share_pct")],
}
# Table 4 (cumulative real change since 2014) is derived from Table 2 and not imported.
SKIPPED_SHEETS = {"TABLE4"}
AGGREGATES = {"nato europe and canada": "NATO_EUROPE_CANADA", "nato total": "NATO"}
MISSING = {None, "..", "", "-"}
YEAR = re.compile(r"^(20\d\d)(e?)$")
PRICE_BASE = re.compile(r"(?:constant|based on)\s+(\d{4})\s+prices", re.I)


def _year(cell: Any) -> tuple[int, bool] | None:
    m = YEAR.match(str(cell).strip()) if cell is not None else None
    return (int(m.group(1)), bool(m.group(2))) if m else None


def _open(path: Path) -> openpyxl.Workbook:
    if not path.is_file():
        raise SourceFormatError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise SourceFormatError(f"{path}: not an Excel .xlsx workbook (not a zip container)")
    try:
        return openpyxl.load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises many types for a corrupt file
        raise SourceFormatError(f"{path}: cannot be read as an Excel workbook: {exc}") from exc


def price_base(path: Path) -> int:
    """The price base year of the workbook's constant-price tables, read from its own labels."""
    wb = _open(path)
    try:
        for row in wb["TABLE3"].iter_rows(max_row=12, values_only=True):
            for cell in row:
                m = PRICE_BASE.search(str(cell)) if isinstance(cell, str) else None
                if m:
                    return int(m.group(1))
    except KeyError as exc:
        raise SourceFormatError(f"{path}: no sheet TABLE3") from exc
    finally:
        wb.close()
    raise SourceFormatError(f"{path}: TABLE3 states no price base ('Based on YYYY prices')")


def parse(path: Path | str, edition: str, source_url: str) -> list[Observation]:
    """Every figure of every table in the workbook, as observations of ``edition``."""
    path = Path(path)
    wb = _open(path)
    try:
        sheets = {ws.title.upper(): ws for ws in wb.worksheets}
        missing = [s for s in SECTIONS if s not in sheets]
        if missing:
            raise SourceFormatError(
                f"{path}: not a NATO defence-expenditure workbook: sheets {missing} are missing "
                f"(found {sorted(sheets)})")
        unknown = set(sheets) - set(SECTIONS) - SKIPPED_SHEETS
        if unknown:
            raise SourceFormatError(f"{path}: unexpected sheets {sorted(unknown)}")
        out: list[Observation] = []
        for sheet, sections in SECTIONS.items():
            out.extend(_parse_sheet(path, sheets[sheet], sheet, sections, edition, source_url))
        return out
    finally:
        wb.close()


def _parse_sheet(path: Path, ws: Any, sheet: str, sections: list[tuple[str, str]],
                 edition: str, source_url: str) -> list[Observation]:
    table = "Table " + sheet[5:].lower()
    where = f"{path.name}:{ws.title}"
    years: dict[int, tuple[int, bool]] | None = None
    indicator: str | None = None
    out: list[Observation] = []
    seen: set[tuple[str, str]] = set()
    for rownum, row in enumerate(ws.iter_rows(values_only=True), start=1):
        cells = list(row)
        if years is None:
            found = {i: y for i, c in enumerate(cells) if (y := _year(c))}
            if len(found) >= 5:
                years = found
            elif sheet == "TABLE7" and any(
                    isinstance(c, str) and c.strip().lower() == "thousands" for c in cells):
                indicator = "personnel_k"
            continue
        labels = [(i, c.strip()) for i, c in enumerate(cells)
                  if isinstance(c, str) and c.strip() and i not in years]
        values = {i: cells[i] for i in years if i < len(cells)}
        if not labels and all(v in MISSING for v in values.values()):
            continue
        if all(isinstance(v, str) and v.startswith("#REF") for v in values.values()
               if v is not None) and any(v is not None for v in values.values()):
            continue  # a broken formula row NATO left below the allies in some sheets
        if not labels and all(v in MISSING or v == 0 for v in values.values()):
            continue  # an unlabelled row of zeros, another leftover formula row (TABLE8b)
        if not labels:
            raise SourceFormatError(f"{where} row {rownum}: figures without a row label")
        label = labels[0][1]
        low = label.lower()
        if low.startswith(("notes", "note:", "*", "(a)", "(b)", "(c)", "(d)", "-")):
            continue
        if all(v in MISSING for v in values.values()):
            match = [ind for prefix, ind in sections if low.startswith(prefix)]
            if match:
                indicator = match[0]
                continue
            if low.startswith(("table ", "million", "percentage", "based on", "thousand",
                               "current prices and exchange", "2015 prices", "2021 prices")):
                continue
            if _is_entity(low):
                continue  # an ally without any figure in this block (e.g. Iceland)
            raise SourceFormatError(f"{where} row {rownum}: unrecognised label {label!r}")
        if indicator is None:
            raise SourceFormatError(f"{where} row {rownum}: figures before any section label")
        entity = _entity(label, where, rownum)
        if (entity, indicator) in seen:
            raise SourceFormatError(f"{where} row {rownum}: {label!r} appears twice in one block")
        seen.add((entity, indicator))
        for col, (year, estimate) in years.items():
            v = values.get(col)
            if v in MISSING:
                continue
            if not isinstance(v, (int, float)):
                raise SourceFormatError(f"{where} row {rownum}: {v!r} for {year} is not a number")
            out.append(Observation(edition, entity, year, indicator, float(v), estimate,
                                   table, source_url))
    if years is None:
        raise SourceFormatError(f"{where}: no header row of years")
    return out


def _is_entity(low: str) -> bool:
    try:
        _entity(low, "", 0)
        return True
    except SourceFormatError:
        return False


def _entity(label: str, where: str, rownum: int) -> str:
    low = label.lower().rstrip("*").strip()
    if low in AGGREGATES:
        return AGGREGATES[low]
    try:
        return countries.by_nato_name(re.sub(r"\s*\(.*\)$", "", label))
    except KeyError:
        try:
            return countries.by_nato_name(label.split("  ")[0].title())
        except KeyError:
            raise SourceFormatError(f"{where} row {rownum}: unknown ally {label!r}") from None
