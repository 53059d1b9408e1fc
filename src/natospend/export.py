"""Exports of the dataset in the formats other tools read: SQLite, CSV, JSON, Excel.

Each export is written to a temporary file beside the target and renamed into place, so an
interrupted export never leaves a half-written file under the name asked for.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

import pandas as pd

from natospend import dataset
from natospend.output import records

FORMATS = ("sqlite", "csv", "json", "xlsx")


class ExportError(ValueError):
    """The export cannot be written where it was asked for (no such folder and none can be
    made, no permission, a folder of that name, a full disk): the user's path, not a bug."""


def _cannot_write(path: Path, exc: OSError) -> ExportError:
    return ExportError(f"cannot write {path}: {exc.strerror or exc}")


def tables() -> dict[str, pd.DataFrame]:
    """Every table an export holds: the wide expenditure table of all editions, the long
    observations with their sources, and the reference tables."""
    from natospend.analysis import aid

    out = {
        "expenditure": dataset.expenditure("all"),
        "observations": dataset.observations(),
        "editions": dataset.editions(),
        "allies": dataset.allies(),
        "targets": dataset.targets(),
        "pledges": dataset.pledges(),
        "aid_by_donor": aid.aid(by="donor"),
        "aid_packages": aid.packages(),
    }
    return {k: v.reset_index(drop=True) for k, v in out.items()}


def export(fmt: str, path: Path) -> dict[str, int]:
    """Write the export; returns rows per table. csv writes only the expenditure table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    data = tables()
    if fmt == "csv":
        data = {"expenditure": data["expenditure"]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if fmt == "sqlite":
            tmp.unlink()
            with sqlite3.connect(tmp) as conn:
                for name, df in data.items():
                    df.astype(object).where(df.notna(), None).to_sql(name, conn, index=False)
                conn.execute("CREATE INDEX expenditure_ally ON expenditure (iso3, year, edition)")
                conn.execute("CREATE INDEX observations_key ON observations "
                             "(edition, entity, year, indicator)")
            conn.close()
        elif fmt == "csv":
            data["expenditure"].to_csv(tmp, index=False, lineterminator="\n")
        elif fmt == "json":
            tmp.write_text(json.dumps({k: records(v) for k, v in data.items()},
                                      ensure_ascii=False, default=str), "utf-8")
        else:
            with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
                for name, df in data.items():
                    df.to_excel(xl, sheet_name=name[:31], index=False)
        os.chmod(tmp, 0o644)
        tmp.replace(path)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return {k: len(v) for k, v in data.items()}
