"""The shipped dataset: editions kept apart, every row sourced, missing figures left missing."""

from __future__ import annotations

import pandas as pd
import pytest

import natospend
from natospend import dataset

CONTRACT = ["iso3", "year", "edition", "share_of_gdp_pct", "usd_current_m", "usd_constant_m",
            "constant_price_year", "equipment_share_pct", "estimate", "source"]


def test_same_ally_year_differs_between_editions_and_both_are_kept():
    pol = natospend.expenditure("all", ally="Poland")
    y2024 = pol[pol["year"] == 2024].set_index("edition")["share_of_gdp_pct"]
    assert round(y2024["2024-06"], 2) == 4.12
    assert round(y2024["2025-08"], 2) == 3.79


def test_expenditure_has_the_output_contract_columns_and_a_source_on_every_row():
    df = natospend.expenditure(edition="2024-06")
    assert set(CONTRACT) <= set(df.columns)
    assert df["source"].str.contains("https://").all()
    assert (df["edition"] == "2024-06").all()
    assert set(df.loc[df["estimate"], "year"]) == {2023, 2024}


def test_latest_is_the_2026_edition_and_has_no_iceland_figures():
    assert natospend.latest_edition() == "2026-07"
    df = natospend.expenditure()
    assert "ISL" not in set(df["iso3"])
    assert {"NATO", "NATO_EUROPE_CANADA"} <= set(df["iso3"])


def test_an_edition_without_an_indicator_leaves_it_empty_rather_than_filled():
    df = natospend.expenditure("2025-08")
    assert df["usd_current_m"].isna().all()  # no US$ tables in the files we hold
    assert df["share_of_gdp_pct"].notna().any()
    deu = df[(df["iso3"] == "DEU") & (df["year"] == 2025)]
    assert deu.empty or pd.isna(deu["share_of_gdp_pct"]).all()


def test_unknown_edition_lists_the_ones_held():
    with pytest.raises(dataset.DataNotFoundError, match="editions held: .*2024-06"):
        natospend.expenditure("2019-01")


def test_year_outside_an_edition_says_which_years_it_covers():
    with pytest.raises(dataset.DataNotFoundError, match="2014-2024"):
        natospend.expenditure("2024-06", year=2030)


def test_edition_current_on_a_date():
    assert dataset.edition_current_on("2025-02-14") == "2025-02"
    assert dataset.edition_current_on("2024-07-01") == "2024-06"
    assert dataset.edition_current_on("2020-01-01") is None


def test_targets_and_pledges_carry_sources():
    t = natospend.targets().set_index("id")
    assert t.loc["wales-2pct", "share_pct"] == 2.0 and t.loc["hague-5pct", "deadline"] == 2035
    assert t["url"].str.startswith("https://").all()
    p = natospend.pledges()
    assert len(p) >= 20 and p["source_url"].str.startswith("http").all()
    gbr = natospend.pledges("U.K.")
    assert ((gbr["target_pct_gdp"] == 2.5) & (gbr["deadline_year"] == 2027)).any()


def test_allies_have_accession_dates_and_iceland_is_flagged():
    a = natospend.allies().set_index("iso3")
    assert len(a) == 32
    assert a.loc["FIN", "joined"] == "2023-04-04" and a.loc["SWE", "joined"] == "2024-03-07"
    assert not a.loc["ISL", "armed_forces"] and "no armed forces" in a.loc["ISL", "note"]


def test_the_top_level_api_returns_dataframes():
    df = natospend.check("Poland spent 4.12% of GDP on defence in 2024.", "2024-07-01")
    assert isinstance(df, pd.DataFrame)
    assert list(df["verdict"]) == ["supported"] and df.attrs["published"] == "2024-07-01"
    assert natospend.check("No figures here at all.").empty
    mixed = natospend.check("Poland spends 4.1% of GDP on defence and aims for 5% by 2026.",
                            "2025-06-01", min_confidence=0.5)
    assert str(mixed["year"].dtype) == "Int64" and mixed.attrs["min_confidence"] == 0.5
    assert (mixed["confidence"] >= 0.5).all()
    for frame in (natospend.gap(3.5, 2025), natospend.burden(2025), natospend.aid(by="donor"),
                  natospend.trend("POL"), natospend.cost_to_target(3.5, 2035, 2025)):
        assert isinstance(frame, pd.DataFrame) and not frame.empty and frame.attrs
