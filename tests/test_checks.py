"""The consistency checks pass on the shipped data and catch a doctored figure."""

from __future__ import annotations

from natospend import checks, dataset


def test_shipped_dataset_passes_every_check_and_the_schema():
    failed = [f for f in checks.run() if f.failed]
    assert failed == []
    assert checks.datapackage_errors() == []


def test_known_exceptions_are_reported_with_their_reason():
    excused = [f for f in checks.run() if not f.failed]
    deu = [f for f in excused if f.edition == "2025-08" and f.entity == "DEU"]
    assert deu and "budget" in deu[0].excused


def test_a_doctored_share_is_caught():
    df = dataset.expenditure("2024-06").copy()
    row = df.index[(df["iso3"] == "POL") & (df["year"] == 2024)][0]
    df.loc[row, "share_of_gdp_pct"] += 0.5
    found = checks.share_against_spending("2024-06", df)
    assert [(f.entity, f.year) for f in found] == [("POL", 2024)]


def test_categories_that_do_not_add_up_are_caught():
    df = dataset.expenditure("2026-07").copy()
    row = df.index[(df["iso3"] == "FRA") & (df["year"] == 2020)][0]
    df.loc[row, "equipment_share_pct"] += 3
    assert [(f.entity, f.year) for f in checks.categories_add_up("2026-07", df)] == [("FRA", 2020)]


def test_an_aggregate_that_misses_a_member_is_caught():
    df = dataset.expenditure("2024-06").copy()
    df = df[~((df["iso3"] == "DEU") & (df["year"] == 2019))]
    found = checks.aggregates_match_members("2024-06", df)
    assert any(f.entity == "NATO" and f.year == 2019 for f in found)
