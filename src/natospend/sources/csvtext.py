"""CSV text for the shipped files, one way for every importer: the same cells, the same bytes."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
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
