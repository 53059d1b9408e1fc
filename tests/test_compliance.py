"""Compliance counts as NATO published them, and the rule for allies without a figure."""

from __future__ import annotations

import pytest

import natospend
from natospend.analysis.compliance import AnalysisInputError


def test_june_2024_edition_23_of_32_at_2pct_in_2024():
    df = natospend.compliance(target=2, year=2024, edition="2024-06")
    assert (df.attrs["count"], df.attrs["total"]) == (23, 32)
    assert df.attrs["no_figure"] == ["ISL"]
    assert set(df.attrs["not_meeting"]) == {"BEL", "CAN", "ESP", "HRV", "ITA", "LUX", "PRT", "SVN"}


def test_august_2025_edition_every_ally_with_a_figure_meets_2pct():
    df = natospend.compliance(target=2, year=2025, edition="2025-08")
    assert df.attrs["not_meeting"] == []
    assert sorted(df.attrs["no_figure"]) == ["DEU", "ISL"]
    assert df.attrs["meeting"][0] == "POL"


def test_before_sweden_joined_the_total_is_31():
    df = natospend.compliance(target=2, year=2023, edition="2024-06")
    assert df.attrs["total"] == 31 and "SWE" not in set(df["iso3"])


def test_the_annual_report_2024_vintage_counts_22():
    assert natospend.compliance(2, 2024, "2025-04").attrs["count"] == 22


def test_equipment_guideline_uses_the_equipment_share():
    df = natospend.compliance(target=20, year=2024, edition="2024-06", measure="equipment")
    assert df.attrs["measure"] == "equipment_share_pct"
    assert 0 < df.attrs["count"] < 32


@pytest.mark.parametrize("target", [-1, 0, 200])
def test_absurd_targets_are_refused(target):
    with pytest.raises(AnalysisInputError, match="out of range"):
        natospend.compliance(target=target)


def test_year_without_figures_is_refused():
    with pytest.raises(natospend.DataNotFoundError, match="2014-2024"):
        natospend.compliance(2, 2026, "2024-06")
