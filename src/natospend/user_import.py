"""Adding an edition NATO publishes after this release, into the user's data directory.

The workbook is parsed and checked completely before anything is written; the edition's folder is
written under a temporary name and renamed into place, so a bad file changes nothing.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

from natospend import checks, dataset
from natospend.sources import build, nato_xlsx
from natospend.sources.csvtext import csv_text
from natospend.sources.records import SourceFormatError

EDITION_ID = re.compile(r"^20\d\d-(0[1-9]|1[0-2])$")


def import_workbook(path: Path, edition_id: str, title: str, published: str, url: str) -> Path:
    if not EDITION_ID.match(edition_id):
        raise SourceFormatError(f"edition id {edition_id!r} must look like YYYY-MM")
    try:
        date.fromisoformat(published)
    except ValueError:
        raise SourceFormatError(f"published {published!r} is not a date YYYY-MM-DD") from None
    if edition_id in set(dataset.editions()["id"]):
        raise SourceFormatError(f"edition {edition_id} already exists; editions are never "
                                "overwritten")
    base = nato_xlsx.price_base(path)
    obs = nato_xlsx.parse(path, edition_id, url)
    if not obs:
        raise SourceFormatError(f"{path}: the workbook holds no figures")
    years = sorted({o.year for o in obs})
    estimates = sorted({o.year for o in obs if o.estimate})
    edition_row = {"id": edition_id, "kind": "tables", "title": title, "publisher": "NATO",
                   "published": published, "cutoff": None, "price_base": base,
                   "estimate_years": estimates, "basis": "as stated by NATO", "url": url,
                   "tables_url": url, "raw_file": str(path), "raw_sha256": build.sha256(path),
                   "note": f"imported by the user; covers {years[0]}-{years[-1]}"}
    root = dataset.user_data_dir() / "editions"
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root, prefix=f".{edition_id}."))
    final = root / edition_id
    try:
        (staging / "observations.csv").write_text(
            csv_text(build.OBSERVATION_FIELDS, build.observation_rows(obs)), "utf-8")
        (staging / "edition.csv").write_text(csv_text(list(edition_row), [edition_row]),
                                             "utf-8")
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    dataset.reload()
    problems = [f for f in checks.run() if f.edition == edition_id and f.failed
                and f.check != "coverage"]
    if problems:
        shutil.rmtree(final, ignore_errors=True)
        dataset.reload()
        shown = "; ".join(f"{p.check} {p.entity} {p.year}: {p.message}" for p in problems[:5])
        raise SourceFormatError(f"{path}: the workbook fails {len(problems)} consistency "
                                f"checks, nothing imported: {shown}")
    return final
