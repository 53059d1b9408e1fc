"""Gaps, costs, burden and revisions: figures NATO published, and properties that must hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import natospend
from natospend.analysis.burden import burden, burden_over_time
from natospend.analysis.compliance import AnalysisInputError
from natospend.analysis.cost import cost_to_target, share_path, summarise
from natospend.analysis.gap import gap
from natospend.analysis.revisions import compare_editions, trend
from natospend.cli import main


def test_cost_of_a_target_an_ally_already_meets_is_zero():
    df = cost_to_target(3.5, 2035, 2025, 3.0, group="POL,LTU")
    assert (df["extra_usd_m"] == 0).all()
    assert df.attrs["total_extra_usd_m"] == 0


@pytest.mark.parametrize("path", ["linear", "step", "immediate"])
def test_every_path_reaches_the_target_in_the_deadline_year(path):
    df = cost_to_target(3.5, 2035, 2025, 3.0, path=path, group="DEU,ESP,CAN")
    last = df[df["year"] == 2035]
    assert last["share_of_gdp_pct"].round(9).eq(3.5).all()
    first = df[df["year"] == 2025]
    assert (first["extra_usd_m"] == 0).all()


@given(base=st.floats(0.1, 10), target=st.floats(0.1, 20), span=st.integers(1, 30),
       path=st.sampled_from(["linear", "step", "immediate"]))
def test_share_path_properties(base, target, span, path):
    p = share_path(base, target, 2025, 2025 + span, path)
    assert p[2025] == base
    assert p[2025 + span] == pytest.approx(max(base, target))
    values = [p[y] for y in sorted(p)]
    assert all(b >= a - 1e-12 for a, b in zip(values, values[1:], strict=False))


def test_group_totals_equal_the_sum_of_their_allies():
    df = cost_to_target(5, 2035, 2025, 2.5, group="europe-canada")
    per_year = summarise(df, "year").set_index("year")
    assert per_year.loc[2035, "extra_usd_m"] == pytest.approx(
        df[df["year"] == 2035]["extra_usd_m"].sum())
    assert "USA" not in set(df["iso3"])
    g = gap(3.5, 2025)
    allies, total = g.iloc[:-1], g.iloc[-1]
    assert total["gap_usd_current_m"] == pytest.approx(allies["gap_usd_current_m"].sum())


def test_group_share_equals_natos_own_aggregate():
    g = gap(2.0, 2024, "2024-06", "europe-canada")
    # NATO's Table 3 gives 2.02% for Europe and Canada in 2024 (June 2024 edition)
    assert round(g.iloc[-1]["share_of_gdp_pct"], 2) == 2.02
    t = trend("NATO_EUROPE_CANADA", 2024, "2024-06")
    assert round(float(t["share_of_gdp_pct"].iloc[0]), 2) == 2.02


def test_gap_in_points_and_money():
    g = gap(3.5, 2025).set_index("iso3")
    assert g.loc["POL", "gap_pts"] == 0 and g.loc["POL", "distance_pts"] > 0
    esp = g.loc["ESP"]
    assert esp["gap_pts"] == pytest.approx(3.5 - esp["share_of_gdp_pct"])
    assert esp["gap_usd_current_m"] == pytest.approx(esp["gap_pts"] / 100
                                                     * esp["gdp_usd_current_m"])
    assert "ISL" in g.attrs["no_figure"]


def test_history_growth_uses_each_allys_own_rate():
    df = cost_to_target(3.5, 2030, 2024, "history", edition="2024-06", group="ESP,ITA")
    rates = df.groupby("iso3")["growth_pct"].first()
    assert rates["ESP"] != rates["ITA"]
    assert "2019-2024" in df.attrs["growth"]


def test_burden_shares_and_the_us_against_europe():
    b = burden(2024, "2024-06")
    assert b["spending_share_pct"].sum() == pytest.approx(100)
    assert b.attrs["total_usd_current_m"] == pytest.approx(1_474_399, rel=1e-4)
    over = burden_over_time("2024-06").set_index("year")
    usa = b.set_index("iso3").loc["USA", "spending_share_pct"]
    assert over.loc[2024, "usa_share_pct"] == pytest.approx(usa, rel=1e-6)
    assert over.loc[2024, "usa_share_pct"] + over.loc[2024, "europe_canada_share_pct"] == \
        pytest.approx(100)


def test_revisions_between_editions():
    c = compare_editions("2024-06", "2025-08")
    pol = c[(c["iso3"] == "POL") & (c["year"] == 2024)].iloc[0]
    assert round(pol["share_of_gdp_pct_2024-06"], 2) == 4.12
    assert round(pol["share_of_gdp_pct_2025-08"], 2) == 3.79


@pytest.mark.parametrize("call,message", [
    (lambda: gap(-1), "out of range"),
    (lambda: gap(200), "out of range"),
    (lambda: cost_to_target(3.5, 2020, 2025), "after the base year"),
    (lambda: cost_to_target(3.5, 2035, 2025, group="narnia"), "unknown group"),
    (lambda: cost_to_target(3.5, 2035, 2025, growth=90), "out of range"),
    (lambda: cost_to_target(3.5, 2035, 2025, edition="2025-08"), "no GDP table"),
    (lambda: gap(2, 2030, "2024-06"),
     r"no share_of_gdp_pct figures for 2030 \(years with figures: 2014-2024\)"),
    (lambda: compare_editions("2024-06", "2024-06"), "different editions"),
])
def test_bad_input_is_refused_with_a_reason(call, message):
    with pytest.raises((AnalysisInputError, natospend.DataNotFoundError), match=message):
        call()


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_cost_json_states_its_assumptions_and_writes_a_chart(tmp_path: Path):
    svg = tmp_path / "cost.svg"
    r = run("cost", "--target", "3.5", "--by", "2035", "--from", "2025", "--growth", "3.0",
            "--format", "json", "--chart", str(svg))
    assert r.exit_code == 0, r.output
    body = json.loads(r.output)
    assert body["growth"] == "3% a year for every ally" and body["edition"] == "2026-07"
    assert "assumptions" in body and body["rows"]
    assert svg.read_text("utf-8").lstrip().startswith("<svg")


@pytest.mark.parametrize("args,message", [
    (["cost", "--target", "3.5", "--by", "2035", "--growth", "fast"], "a rate in percent"),
    (["gap", "--target", "-1"], "out of range"),
    (["trend", "--ally", "Narnia"], "unknown country"),
    (["compare-editions", "2024-06", "1999-01"], "editions held"),
])
def test_cli_bad_input_exits_non_zero(args, message):
    r = CliRunner().invoke(main, args)
    assert r.exit_code != 0 and message in r.output


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_every_answer_in_every_format(fmt):
    for args in (["gap", "--target", "2"], ["burden"], ["trend", "--ally", "POL"],
                 ["compare-editions", "2025-08", "2026-07"],
                 ["cost", "--target", "2", "--by", "2030"]):
        r = run(*args, "--format", fmt)
        assert r.exit_code == 0, (args, r.output)
        assert r.output.strip()
