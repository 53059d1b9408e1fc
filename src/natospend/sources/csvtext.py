"""CSV text for the shipped files, one way for every importer: the same cells, the same bytes."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def cell(v: Any) -> str:
    """Empty for missing (None or NaN), true/false, '|'-joined lists, floats at full precision."""
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return "|".join(str(x) for x in v)
    if isinstance(v, float):
        return repr(v)
    return str(v)


def csv_text(fields: list[str], rows: Iterable[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: cell(r.get(k)) for k in fields})
    return buf.getvalue()


def read_rows(path: Path, fields: list[str]) -> list[dict[str, str]]:
    """The rows of a hand-written CSV whose header must be exactly ``fields``: a renamed or
    reordered column is an error, not a guess."""
    from natospend.sources.records import SourceFormatError

    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != fields:
            raise SourceFormatError(f"{path}: header {reader.fieldnames} is not {fields}")
        return list(reader)


def schema_field(name: str, type_: str, description: str, **extra: Any) -> dict[str, Any]:
    """One field of a shipped file's Frictionless schema (name, type, what it means)."""
    return {"name": name, "type": type_, "description": description, **extra}
