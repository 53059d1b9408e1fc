"""Figures that exist only in NATO's text (annual reports, press conferences), entered by hand.

``curated/nato_publications.csv`` holds one row per figure with the URL it was read from; each row
carries its own source, so the importer keeps the row's URL and table rather than the edition's.
"""

from __future__ import annotations

from pathlib import Path

from natospend import countries
from natospend.sources.csvtext import read_rows
from natospend.sources.records import INDICATORS, Observation, SourceFormatError

HEADER = ["edition", "iso3", "year", "indicator", "value", "estimate", "table", "source_url",
          "note"]
ENTITIES = {"NATO", "NATO_EUROPE_CANADA", "EUROPE"}
ENTITY_ALIASES = {"NATO_EUROPE": "EUROPE"}  # European allies, as NATO states them


def parse(path: Path | str) -> list[Observation]:
    path = Path(path)
    out = []
    for n, row in enumerate(read_rows(path, HEADER), start=2):
        entity = row["iso3"].strip()
        entity = ENTITY_ALIASES.get(entity, entity)
        if entity not in ENTITIES and entity not in countries.ally_by_iso3():
            raise SourceFormatError(f"{path} line {n}: unknown ally {entity!r}")
        if row["indicator"] not in INDICATORS:
            raise SourceFormatError(f"{path} line {n}: unknown indicator {row['indicator']!r}")
        if not row["source_url"].startswith("http"):
            raise SourceFormatError(f"{path} line {n}: a curated figure needs its URL")
        if row["estimate"].strip().lower() not in ("true", "false"):
            raise SourceFormatError(f"{path} line {n}: estimate must be true or false")
        try:
            value = float(row["value"])
        except ValueError:
            raise SourceFormatError(
                f"{path} line {n}: {row['value']!r} is not a number") from None
        out.append(Observation(row["edition"].strip(), entity, int(row["year"]),
                               row["indicator"], value,
                               row["estimate"].strip().lower() == "true",
                               row["table"].strip(), row["source_url"].strip()))
    return out
