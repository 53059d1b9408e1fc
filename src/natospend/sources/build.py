"""Build the shipped dataset (``src/natospend/data/``) from the raw files and the curated inputs.

This is the project's ``make data``: run it after changing an importer or a curated file, then
commit the result. Every output is validated before anything is written, and files are replaced
atomically, so a failed build leaves the previous dataset intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from natospend.sources import aid_build, curated, nato_csv, nato_long, nato_xlsx
from natospend.sources.csvtext import csv_text, read_rows
from natospend.sources.csvtext import schema_field as _field
from natospend.sources.records import INDICATORS, Observation, SourceFormatError

NAME_FILES = {
    "donors_extra.csv": "Donors and other countries outside NATO that news names (no figures)",
    "claim_groups.csv": "Group names news uses (NATO, Europe and Canada, the EU, ...)",
    "claim_aliases.csv": "Capitals, institutions and office-holders news uses for an ally",
}
PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data"
REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "data"
DEFAULT_CURATED = REPO_ROOT / "curated"

OBSERVATION_FIELDS = ["edition", "entity", "year", "indicator", "value", "estimate", "table",
                      "source_url"]
PLEDGE_FIELDS = ["iso3", "pledge_id", "target_pct_gdp", "target_pct_gdp_high", "deadline_year",
                 "start_year", "basis", "announced",
                 "announced_by", "status", "source_url", "note"]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()


def import_edition(edition: dict[str, Any], raw: Path) -> list[Observation]:
    """Run the importer that fits the edition's raw file."""
    path = raw / edition["raw_file"]
    url = edition.get("tables_url") or edition["url"]
    if path.is_dir():
        return nato_csv.parse(path, edition["id"], url)
    if path.suffix == ".xlsx":
        base = nato_xlsx.price_base(path)
        if base != edition["price_base"]:
            raise SourceFormatError(f"{path}: price base {base}, but editions.yaml says "
                                    f"{edition['price_base']} for {edition['id']}")
        return nato_xlsx.parse(path, edition["id"], url)
    if path.suffix == ".csv":
        return nato_long.parse(path, edition["id"], url)
    raise SourceFormatError(f"{path}: no importer for this kind of file")




def observation_rows(obs: list[Observation]) -> list[dict[str, Any]]:
    return [{"edition": o.edition, "entity": o.entity, "year": o.year, "indicator": o.indicator,
             "value": repr(o.value), "estimate": o.estimate, "table": o.table,
             "source_url": o.source_url}
            for o in sorted(obs, key=lambda o: (o.edition, o.entity, o.year, o.indicator))]


def build(raw: Path = DEFAULT_RAW, curated_dir: Path = DEFAULT_CURATED,
          out: Path = PACKAGE_DATA) -> dict[str, int]:
    """Import everything, validate it, then write the dataset. Returns row counts per file."""
    if not raw.is_dir():
        raise SourceFormatError(f"{raw}: the raw data folder is missing (see README, 'Data')")
    allies_doc = yaml.safe_load((curated_dir / "allies.yaml").read_text("utf-8"))
    editions_doc = yaml.safe_load((curated_dir / "editions.yaml").read_text("utf-8"))
    targets_doc = yaml.safe_load((curated_dir / "targets.yaml").read_text("utf-8"))

    files: dict[str, str] = {}
    files["allies.csv"] = csv_text(
        ["iso3", "iso2", "geo", "name", "nato_name", "joined", "eu", "armed_forces", "capital",
         "currency", "aliases", "demonyms", "note"],
        [{**a, "armed_forces": a.get("armed_forces", True)} for a in allies_doc["allies"]])
    files["groups.csv"] = csv_text(
        ["code", "name", "members", "nato_aggregate", "aliases"],
        [{"code": k, **v, "nato_aggregate": v.get("nato_aggregate", False)}
         for k, v in allies_doc["groups"].items()])
    # The importers resolve names through natospend.countries, which reads the package's CSV:
    # write it first so that a change to allies.yaml is seen by this same build.
    _write_atomic(out, {k: files[k] for k in ("allies.csv", "groups.csv")})
    from natospend import countries
    for f in (countries.allies, countries.ally_by_iso3, countries.groups, countries._name_index):
        f.cache_clear()

    observations: list[Observation] = []
    publication_obs = curated.parse(curated_dir / "nato_publications.csv")
    edition_ids = {e["id"] for e in editions_doc["editions"]}
    stray = {o.edition for o in publication_obs} - edition_ids
    if stray:
        raise SourceFormatError(f"nato_publications.csv: editions {sorted(stray)} are not in "
                                "editions.yaml")
    edition_rows = []
    for e in editions_doc["editions"]:
        row = dict(e)
        if e["kind"] == "tables":
            tables = import_edition(e, raw)
            observations.extend(tables)
            observations.extend(_text_figures(tables, [o for o in publication_obs
                                                       if o.edition == e["id"]]))
            row["raw_sha256"] = sha256(raw / e["raw_file"])
        else:
            mine = [o for o in publication_obs if o.edition == e["id"]]
            if not mine:
                raise SourceFormatError(f"edition {e['id']}: no figures in nato_publications.csv")
            observations.extend(mine)
            if not row.get("url"):
                urls = sorted({o.source_url for o in mine},
                              key=lambda u: -sum(o.source_url == u for o in mine))
                row["url"] = urls[0]
        edition_rows.append(row)
    files["editions.csv"] = csv_text(
        ["id", "kind", "title", "publisher", "published", "cutoff", "price_base",
         "estimate_years", "basis", "url", "tables_url", "raw_file", "raw_sha256", "note"],
        edition_rows)
    files["targets.csv"] = csv_text(
        ["id", "name", "summit", "agreed", "share_pct", "of", "basis", "deadline",
         "deadline_text", "review_year", "ceiling", "measurable", "measurable_note", "source",
         "url"],
        [{"ceiling": False, "measurable": True, **t} for t in targets_doc["targets"]])
    files["observations.csv"] = csv_text(OBSERVATION_FIELDS, observation_rows(observations))
    files["pledges.csv"] = _pledges(curated_dir / "pledges.csv")
    files["known_exceptions.csv"] = (curated_dir / "known_exceptions.csv").read_text("utf-8")
    files.update(aid_build.build_aid(raw, curated_dir))
    files["aid_totals.csv"] = _aid_totals(curated_dir / "aid_totals.csv")
    for name in NAME_FILES:  # hand-written name lists the claim checker reads
        files[name] = (curated_dir / name).read_text("utf-8")
    files["datapackage.json"] = json.dumps(datapackage(editions_doc, files), indent=2,
                                           ensure_ascii=False) + "\n"
    _write_atomic(out, files)
    return {k: v.count("\n") - 1 for k, v in files.items() if k.endswith(".csv")}


def _text_figures(tables: list[Observation], text: list[Observation]) -> list[Observation]:
    """Figures NATO stated in text for an edition we hold as tables: keep only what the tables
    lack. Where both give a figure, the table's is the precise one; the text must agree with it
    to its rounding, or the build stops, since one of the two was misread."""
    known = {(o.entity, o.year, o.indicator): o.value for o in tables}
    out = []
    for o in text:
        key = (o.entity, o.year, o.indicator)
        if key not in known:
            out.append(o)
        elif abs(known[key] - o.value) > 0.5 + 0.005 * abs(known[key]):
            raise SourceFormatError(f"edition {o.edition}: text gives {o.value} for {key}, the "
                                    f"tables {known[key]}")
    return out


AID_TOTAL_FIELDS = ["total_id", "stated", "subject", "scope", "donors", "amount", "currency",
                    "amount_text", "period", "source_url", "source_title", "note"]


def _aid_totals(path: Path) -> str:
    """Multi-donor totals as a source states them (UDCG meetings, the EU, PURL), checked."""
    rows = read_rows(path, AID_TOTAL_FIELDS)
    for n, r in enumerate(rows, start=2):
        if not r["source_url"].startswith("http"):
            raise SourceFormatError(f"{path} line {n}: a total needs its source URL")
        try:
            float(r["amount"])
        except ValueError:
            raise SourceFormatError(f"{path} line {n}: amount {r['amount']!r}") from None
        if len(r["currency"]) != 3 or not r["subject"]:
            raise SourceFormatError(f"{path} line {n}: currency and subject are required")
    return csv_text(AID_TOTAL_FIELDS, rows)


def _pledges(path: Path) -> str:
    from natospend import countries
    rows = read_rows(path, PLEDGE_FIELDS)
    for n, r in enumerate(rows, start=2):
        if r["iso3"] not in countries.ally_by_iso3():
            raise SourceFormatError(f"{path} line {n}: unknown ally {r['iso3']!r}")
        if not r["source_url"].startswith("http"):
            raise SourceFormatError(f"{path} line {n}: a pledge needs its source URL")
        for k in ("target_pct_gdp", "target_pct_gdp_high"):
            if r[k]:  # a pledge in money (France's EUR 64bn) has no share
                float(r[k])
        if r["start_year"] and (not r["deadline_year"]
                                or int(r["start_year"]) > int(r["deadline_year"])):
            raise SourceFormatError(f"{path} line {n}: start_year {r['start_year']} needs a "
                                    f"deadline_year at or after it (got "
                                    f"{r['deadline_year'] or 'none'})")
    return csv_text(PLEDGE_FIELDS, rows)


def _write_atomic(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    try:
        for name, text in files.items():
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
            os.fchmod(fd, 0o644)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            staged.append((tmp, folder / name))
        for tmp, final in staged:
            os.replace(tmp, final)
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)


def datapackage(editions_doc: dict[str, Any], files: dict[str, str]) -> dict[str, Any]:
    """The Frictionless descriptor of the shipped files: fields, types, units, sources."""
    release = files["aid_kiel_release.csv"].splitlines()[1].split(",")[0]
    package = _nato_datapackage(editions_doc)
    package["resources"] += aid_build.datapackage_resources(release)
    package["resources"].append({
        "name": "aid-totals", "path": "aid_totals.csv", "profile": "tabular-data-resource",
        "format": "csv", "encoding": "utf-8",
        "description": "Multi-donor totals of aid to Ukraine as a source states them (Ukraine "
                       "Defense Contact Group meetings, the EU, PURL, Nordic-Baltic); curated by "
                       "hand, each with its source. Overlapping; never to be summed.",
        "schema": {"fields": [
            _field("total_id", "string", "Id"),
            _field("stated", "string", "Date the total was stated, YYYY-MM-DD or YYYY-MM where "
                   "the source gives only the month", constraints={
                       "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"}),
            _field("subject", "string", "Group code: UDCG, UDCG_EX_USA, USA, EU, G7, PURL, "
                   "NORDIC_BALTIC, NATO, EUROPE, CZECH_INITIATIVE"),
            _field("scope", "string", "What the total covers"),
            _field("donors", "string", "Who, as the source words it"),
            _field("amount", "number", "Amount in units of the currency"),
            _field("currency", "string", "ISO 4217"),
            _field("amount_text", "string", "The amount as the source wrote it"),
            _field("period", "string", "Period covered"),
            _field("source_url", "string", "URL read"),
            _field("source_title", "string", "Title of the page"),
            _field("note", "string", "Note")]}})
    for name, description in NAME_FILES.items():
        header = files[name].splitlines()[0].split(",")
        package["resources"].append({
            "name": name.removesuffix(".csv").replace("_", "-"), "path": name,
            "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8",
            "description": description + "; lists are '|'-separated. Written by hand for "
                           "natospend (names, not figures).",
            "schema": {"fields": [_field(c, "string", c.replace("_", " ")) for c in header]}})
    package["licenses"].append({"name": "Kiel-attribution", "title": "Credit the Kiel Institute "
                                "for the World Economy (Ukraine Support Tracker)",
                                "path": "https://www.ifw-kiel.de/topics/war-against-ukraine/"
                                        "ukraine-support-tracker/"})
    return package


def _nato_datapackage(editions_doc: dict[str, Any]) -> dict[str, Any]:
    sources = [{"title": f"NATO, {e['title']} ({e['id']})", "path": e.get("tables_url")
                or e.get("url") or "see nato_publications in the curated folder"}
               for e in editions_doc["editions"]]
    units = "; ".join(f"{i.name}: {i.unit}" for i in INDICATORS.values())
    nato_licence = {"name": "NATO-attribution", "title": "NATO material may be reused with "
                    "credit to NATO", "path": "https://www.nato.int/cps/en/natohq/69538.htm"}
    return {
        "profile": "data-package",
        "name": "natospend",
        "title": "NATO allies' defence expenditure, by edition, with targets and pledges",
        "description": "NATO's official defence-expenditure figures for every ally and year since "
                       "2014, one vintage per edition, never overwritten. Built by `natospend "
                       "build-data` from NATO's tables and hand-curated publication figures.",
        "licenses": [nato_licence],
        "sources": sources,
        "resources": [
            {"name": "observations", "path": "observations.csv", "profile": "tabular-data-resource",
             "format": "csv", "encoding": "utf-8",
             "description": "One figure per edition, entity, year and indicator. Units: " + units,
             "schema": {"fields": [
                 _field("edition", "string", "Edition (vintage) id, see editions.csv"),
                 _field("entity", "string", "ISO 3166 alpha-3 of the ally, or NATO / "
                        "NATO_EUROPE_CANADA for NATO's aggregates"),
                 _field("year", "integer", "Calendar year the figure is for"),
                 _field("indicator", "string", "What the figure measures",
                        constraints={"enum": list(INDICATORS)}),
                 _field("value", "number", "The figure, in the indicator's unit"),
                 _field("estimate", "boolean", "NATO labels the year an estimate",
                        trueValues=["true"], falseValues=["false"]),
                 _field("table", "string", "NATO table or publication part it was read from"),
                 _field("source_url", "string", "URL of the publication", format="uri"),
             ], "primaryKey": ["edition", "entity", "year", "indicator"]}},
            {"name": "editions", "path": "editions.csv", "profile": "tabular-data-resource",
             "format": "csv", "encoding": "utf-8",
             "schema": {"fields": [
                 _field("id", "string", "Edition id, YYYY-MM of publication"),
                 _field("kind", "string", "tables: imported from NATO's tables; publication: "
                        "figures stated only in NATO's text",
                        constraints={"enum": ["tables", "publication"]}),
                 _field("title", "string", "Title of the publication"),
                 _field("publisher", "string", "Publisher"),
                 _field("published", "date", "Publication date; empty where not known"),
                 _field("cutoff", "date", "Data cut-off NATO states; empty where not stated"),
                 _field("price_base", "integer", "Price base year of constant-price figures"),
                 _field("estimate_years", "string", "Years NATO labels estimates, '|'-separated"),
                 _field("basis", "string", "Definition of expenditure used"),
                 _field("url", "string", "URL of the publication"),
                 _field("tables_url", "string", "URL of NATO's tables"),
                 _field("raw_file", "string", "Raw file imported, relative to the raw folder"),
                 _field("raw_sha256", "string", "SHA-256 of the raw file(s) at import"),
                 _field("note", "string", "What to know about this edition"),
             ], "primaryKey": ["id"]}},
            {"name": "allies", "path": "allies.csv", "profile": "tabular-data-resource",
             "format": "csv", "encoding": "utf-8",
             "sources": [{"title": "NATO member countries",
                          "path": "https://www.nato.int/cps/en/natohq/topics_52044.htm"},
                         {"title": "Defence Expenditure of NATO Countries (2014-2024), Table 1 "
                                   "(currencies)",
                          "path": "https://www.nato.int/nato_static_fl2014/assets/pdf/2024/6/"
                                  "pdf/240617-def-exp-2024-TABLES-en.xlsx"}],
             "schema": {"fields": [
                 _field("iso3", "string", "ISO 3166-1 alpha-3"),
                 _field("iso2", "string", "ISO 3166-1 alpha-2"),
                 _field("geo", "string", "Eurostat-style code (EL, UK)"),
                 _field("name", "string", "English short name"),
                 _field("nato_name", "string", "Name in NATO's English tables"),
                 _field("joined", "date", "Date of accession (founding members: 1949-04-04)"),
                 _field("eu", "boolean", "Member of the EU", trueValues=["true"],
                        falseValues=["false"]),
                 _field("armed_forces", "boolean", "Has armed forces (Iceland has none)",
                        trueValues=["true"], falseValues=["false"]),
                 _field("capital", "string", "Capital, as news uses it for the government"),
                 _field("currency", "string", "ISO 4217 code of the national currency of NATO's "
                        "tables (Table 1, 'million national currency units'; euro-area allies "
                        "in euros for every year)"),
                 _field("aliases", "string", "Names in news text, '|'-separated"),
                 _field("demonyms", "string", "Adjectives and demonyms, '|'-separated"),
                 _field("note", "string", "How NATO treats this ally"),
             ], "primaryKey": ["iso3"]}},
            {"name": "groups", "path": "groups.csv", "profile": "tabular-data-resource",
             "format": "csv", "encoding": "utf-8",
             "schema": {"fields": [
                 _field("code", "string", "Group code"),
                 _field("name", "string", "Group name"),
                 _field("members", "string", "Membership rule: all, all_but_usa, eu, european"),
                 _field("nato_aggregate", "boolean", "NATO publishes this aggregate itself",
                        trueValues=["true"], falseValues=["false"]),
                 _field("aliases", "string", "Names in news text, '|'-separated"),
             ], "primaryKey": ["code"]}},
            {"name": "targets", "path": "targets.csv", "profile": "tabular-data-resource",
             "format": "csv", "encoding": "utf-8",
             "schema": {"fields": [
                 _field("id", "string", "Target id"),
                 _field("name", "string", "Name"),
                 _field("summit", "string", "Summit that agreed it"),
                 _field("agreed", "date", "Date agreed"),
                 _field("share_pct", "number", "Target share, percent"),
                 _field("of", "string", "Share of what: gdp or defence_expenditure"),
                 _field("basis", "string", "What spending counts"),
                 _field("deadline", "integer", "Year by which to reach it"),
                 _field("deadline_text", "string", "The deadline as the declaration words it"),
                 _field("review_year", "integer", "Year of the agreed review"),
                 _field("ceiling", "boolean", "An 'up to' share rather than a floor",
                        trueValues=["true", "True"], falseValues=["false", "False"]),
                 _field("measurable", "boolean", "NATO's tables measure it",
                        trueValues=["true", "True"], falseValues=["false", "False"]),
                 _field("measurable_note", "string", "Why not, where not"),
                 _field("source", "string", "Document and paragraph"),
                 _field("url", "string", "URL of the document"),
             ], "primaryKey": ["id"]}},
            {"name": "pledges", "path": "pledges.csv", "profile": "tabular-data-resource",
             "format": "csv", "encoding": "utf-8",
             "description": "National pledges as reported by governments, each with its source",
             "schema": {"fields": [
                 _field("iso3", "string", "Ally"),
                 _field("pledge_id", "string", "Pledge id"),
                 _field("target_pct_gdp", "number", "Pledged share of GDP, percent (the low end "
                        "of a range)"),
                 _field("target_pct_gdp_high", "number", "High end where a range is pledged"),
                 _field("deadline_year", "integer", "Year by which"),
                 _field("start_year", "integer", "For a pledge over a period (Lithuania's 5-6% "
                        "in each year of 2026-2030), its first year; deadline_year is its last"),
                 _field("basis", "string", "core, total_5pct or national"),
                 _field("announced", "date", "Date announced"),
                 _field("announced_by", "string", "Who announced it"),
                 _field("status", "string", "announced, legislated, withdrawn, superseded"),
                 _field("source_url", "string", "URL of the report"),
                 _field("note", "string", "Note"),
             ]}},
        ],
    }
