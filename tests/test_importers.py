"""The importers reproduce what NATO's text says of its tables and refuse what they don't know."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from natospend.sources import build, nato_csv, nato_long, nato_xlsx
from natospend.sources.records import SourceFormatError
from tests.conftest import RAW, needs_raw

XLSX_2024 = RAW / "nato" / "2024-06" / "240617-def-exp-2024-TABLES-en.xlsx"


def _by(obs, indicator, year):
    return {o.entity: o.value for o in obs if o.indicator == indicator and o.year == year}


@needs_raw
def test_june_2024_workbook_matches_natos_statements():
    obs = nato_xlsx.parse(XLSX_2024, "2024-06", "u")
    share = _by(obs, "share_of_gdp_pct", 2024)
    allies = {k: v for k, v in share.items() if k not in ("NATO", "NATO_EUROPE_CANADA")}
    # "23 Allies are expected to meet or exceed 2% in 2024"; Iceland has no figure
    assert sum(v >= 2 for v in allies.values()) == 23
    assert "ISL" not in allies and len(allies) == 31
    assert round(share["NATO_EUROPE_CANADA"], 2) == 2.02
    usd = _by(obs, "usd_current_m", 2024)
    assert usd["NATO"] == pytest.approx(1_474_000, rel=0.001)  # about US$1,474 billion
    assert nato_xlsx.price_base(XLSX_2024) == 2015
    assert all(o.estimate == (o.year in (2023, 2024)) for o in obs)


@needs_raw
def test_august_2025_tables_every_ally_with_a_figure_at_2pct_poland_highest():
    obs = nato_csv.parse(RAW / "nato" / "2025-08", "2025-08", "u")
    share = {k: v for k, v in _by(obs, "share_of_gdp_pct", 2025).items()
             if k not in ("NATO", "NATO_EUROPE_CANADA")}
    assert share and all(v >= 2 for v in share.values())
    assert max(share, key=share.get) == "POL"
    assert "DEU" not in share  # budget not adopted by the cut-off: no figure, not a guess
    assert round(_by(obs, "share_of_gdp_pct", 2024)["POL"], 2) == 3.79


@needs_raw
def test_2026_long_file_maps_every_measure():
    obs = nato_long.parse(RAW / "nato" / "2026-07" / "nato_defence_2026_parsed.csv", "2026-07", "u")
    assert {o.indicator for o in obs} == {ind for ind, _ in nato_long.MEASURES.values()}
    assert round(_by(obs, "share_of_gdp_pct", 2025)["POL"], 2) == 4.25
    assert {o.year for o in obs if o.estimate} == {2025, 2026}


@needs_raw
def test_shipped_dataset_is_what_the_importers_build(tmp_path: Path):
    out = tmp_path / "data"
    build.build(RAW, build.DEFAULT_CURATED, out)
    shipped = Path(build.PACKAGE_DATA)
    for name in ("observations.csv", "editions.csv", "allies.csv", "targets.csv", "pledges.csv"):
        assert (out / name).read_text("utf-8") == (shipped / name).read_text("utf-8"), name


def test_binary_file_is_refused(tmp_path: Path):
    bad = tmp_path / "tables.xlsx"
    bad.write_bytes(b"\x00\x01garbage" * 100)
    with pytest.raises(SourceFormatError, match="not an Excel"):
        nato_xlsx.parse(bad, "2099-01", "u")


def test_zip_that_is_not_a_workbook_is_refused(tmp_path: Path):
    bad = tmp_path / "tables.xlsx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    with pytest.raises(SourceFormatError, match="cannot be read"):
        nato_xlsx.parse(bad, "2099-01", "u")


def test_foreign_workbook_is_refused_with_the_missing_sheets(tmp_path: Path):
    wb = openpyxl.Workbook()
    wb.active.title = "Budget"
    wb.active["A1"] = "not NATO"
    path = tmp_path / "other.xlsx"
    wb.save(path)
    with pytest.raises(SourceFormatError, match="sheets .*TABLE1.* are missing"):
        nato_xlsx.parse(path, "2099-01", "u")


def _workbook_with_table3(path: Path, rows: list[list[object]]) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in nato_xlsx.SECTIONS:
        title = sheet if not sheet.startswith("TABLE8") else "TABLE8" + sheet[6:].lower()
        ws = wb.create_sheet(title)
        ws.append([None, "Based on 2015 prices"])
        ws.append([None, None, None, 2022, 2023, "2024e", 2025, 2026])
        if sheet == "TABLE3":
            for r in rows:
                ws.append(r)
    wb.save(path)


def test_unknown_ally_in_a_workbook_is_an_error_not_a_guess(tmp_path: Path):
    path = tmp_path / "t.xlsx"
    _workbook_with_table3(path, [[None, "Share of real GDP (%)"],
                                 [None, None, "Narnia", 1, 2, 3, 4, 5]])
    with pytest.raises(SourceFormatError, match="unknown ally 'Narnia'"):
        nato_xlsx.parse(path, "2099-01", "u")


def test_workbook_parse_keeps_missing_as_missing_and_marks_estimates(tmp_path: Path):
    path = tmp_path / "t.xlsx"
    _workbook_with_table3(path, [[None, "Share of real GDP (%)"],
                                 [None, None, "Poland*", 2.1, "..", 4.1, 4.2, 4.3]])
    obs = nato_xlsx.parse(path, "2099-01", "u")
    got = {o.year: (o.value, o.estimate) for o in obs}
    assert 2023 not in got  # NATO's ".." stays missing
    assert got[2024] == (4.1, True) and got[2022] == (2.1, False)
    assert {o.entity for o in obs} == {"POL"}


def test_csv_table_with_a_text_cell_is_refused(tmp_path: Path):
    (tmp_path / "table3_share_of_gdp.csv").write_text('"country","2024e"\n"Poland","lots"\n')
    with pytest.raises(SourceFormatError, match="not a number"):
        nato_csv.parse(tmp_path, "2099-01", "u")


def test_csv_folder_with_an_unknown_file_is_refused(tmp_path: Path):
    (tmp_path / "table9_mystery.csv").write_text('"country","2024"\n')
    with pytest.raises(SourceFormatError, match="does not know"):
        nato_csv.parse(tmp_path, "2099-01", "u")


# The unit words of NATO's Table 1, as the June 2024 workbook prints them after each name.
_UNIT_WORDS = {"Leks": "ALL", "Euros": "EUR", "Leva": "BGN", "Canadian dollars": "CAD",
               "Koruny": "CZK", "Forint": "HUF", "Denars": "MKD", "Zlotys": "PLN",
               "New Lei": "RON", "Kronor": "SEK", "Liras": "TRY", "Pounds": "GBP",
               "US dollars": "USD"}


@needs_raw
def test_allies_currencies_are_the_units_of_natos_table_1():
    from natospend import countries

    ws = openpyxl.load_workbook(XLSX_2024, read_only=True)["TABLE1"]
    seen: dict[str, str] = {}
    for row in ws.iter_rows(values_only=True):
        label = next((c for c in row if isinstance(c, str) and c.endswith(")")), None)
        if label is None or "(" not in label:
            continue
        name, _, unit = label.rpartition("(")
        name, unit = name.strip().rstrip("*").strip(), unit.rstrip(")")
        seen.setdefault(name, unit)
    by_name = {a.nato_name: a for a in countries.allies()}
    checked = 0
    for name, unit in seen.items():
        ally = by_name.get(name) or countries.ally_by_iso3()[countries.resolve_ally(name)]
        expected = _UNIT_WORDS.get(unit) or {"DNK": "DKK", "NOR": "NOK"}.get(ally.iso3)
        assert ally.currency == expected, (name, unit, ally.currency)
        checked += 1
    assert checked == 31  # every ally but Iceland, which the tables leave out


def test_a_pledge_period_that_ends_before_it_starts_is_refused(tmp_path: Path):
    head = ",".join(build.PLEDGE_FIELDS)
    row = {"iso3": "LTU", "pledge_id": "LTU-x", "target_pct_gdp": "5", "deadline_year": "2026",
           "start_year": "2030", "source_url": "https://example.org/p"}
    path = tmp_path / "pledges.csv"
    path.write_text(head + "\n" + ",".join(row.get(f, "") for f in build.PLEDGE_FIELDS) + "\n")
    with pytest.raises(SourceFormatError, match="start_year 2030 needs a deadline_year"):
        build._pledges(path)
    path.write_text(head + "\n" + ",".join({**row, "start_year": "2026", "deadline_year": "2030"}
                                            .get(f, "") for f in build.PLEDGE_FIELDS) + "\n")
    assert "LTU-x" in build._pledges(path)
