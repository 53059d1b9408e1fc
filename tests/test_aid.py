"""The Ukraine aid ledger: Kiel's release, the announced packages, ECB conversions, the CLI.

Expected figures come from outside the code under test: Kiel's own files (read here with the
csv module), ECB reference rates read on public pages (URL beside each), and the curated
sources' notes.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import defaultdict
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import natospend
from natospend.analysis import aid
from natospend.cli_aid import aid as aid_cli
from natospend.sources import fx, kiel
from natospend.sources.aid_build import build_aid, datapackage_resources
from natospend.sources.records import SourceFormatError
from tests.conftest import RAW, needs_raw

ROOT = Path(__file__).resolve().parents[1]
KIEL = RAW / "kiel"
AID_FILES = ("aid_kiel_release.csv", "aid_kiel_monthly.csv", "aid_donors.csv",
             "aid_kiel_weapons.csv", "aid_kiel_eu_shares.csv", "aid_kiel_procurement.csv",
             "aid_packages.csv")


def _kiel_rows(name: str) -> list[dict[str, str]]:
    with (KIEL / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# --- Kiel importer, against the raw files --------------------------------------------------

@needs_raw
def test_release_is_the_vintage():
    k = kiel.parse(KIEL)
    info = _kiel_rows("release_info.csv")[0]
    assert k["release"].iloc[0]["release"] == info["release"] == aid.release_info()["release"]
    assert set(aid.aid()["release"]) == {info["release"]}


@needs_raw
def test_donor_totals_equal_the_sum_of_their_months():
    months: dict[str, float] = defaultdict(float)
    for r in _kiel_rows("data_explorer.csv"):
        months[r["iso"]] += float(r["total"])
    by_donor = aid.aid(by="donor").set_index("iso3")["eur_bn"]
    assert set(by_donor.index) == set(months)
    for iso, total in months.items():
        assert by_donor[iso] == pytest.approx(total, abs=1e-9), iso
        per_month = aid.aid(by="month", donor=iso)["eur_bn"].sum()
        assert per_month == pytest.approx(total, abs=1e-9), iso


@needs_raw
def test_monthly_totals_equal_kiels_own_totals_file():
    stated = {f"{int(r['year']):04d}-{int(r['month']):02d}": float(r["total_allocations"])
              for r in _kiel_rows("total_allocations.csv")}
    ours = aid.aid(by="month").set_index("month")["eur_bn"]
    assert set(ours.index) == set(stated)
    for m, v in stated.items():
        assert ours[m] == pytest.approx(v, abs=1e-6), m


@needs_raw
def test_donor_share_of_gdp_matches_what_kiel_states_for_eu_members():
    """eu_aid_shares.csv states each EU member's cumulative bilateral aid as % of GDP."""
    ours = aid.aid(by="donor").set_index("iso3")["pct_gdp"]
    stated = {r["iso"]: float(r["bilateral_pct_gdp"]) for r in _kiel_rows("eu_aid_shares.csv")}
    for iso in ("DEU", "DNK", "FIN", "POL", "NLD", "SWE", "FRA"):
        assert ours[iso] == pytest.approx(stated[iso], abs=1e-5), iso
    # Known exception, release 29: Kiel's summary gives Slovenia 0.258634% while its own
    # monthly rows sum to 0.2715%; natospend reports the monthly sum and keeps both files.
    off = {iso for iso, v in stated.items() if abs(ours[iso] - v) > 1e-4}
    assert off == {"SVN"}


@needs_raw
def test_importer_refuses_unexpected_layouts(tmp_path: Path):
    def broken(edit) -> Path:
        folder = tmp_path / f"k{len(list(tmp_path.iterdir()))}"
        shutil.copytree(KIEL, folder)
        path = folder / "data_explorer.csv"
        path.write_text(edit(path.read_text("utf-8")), "utf-8")
        return folder

    cases = {
        "header": lambda t: t.replace('"pct_gdp"', '"pct_gdp","extra"', 1),
        "not a number": lambda t: t.replace("0.002645,0,0,0.002645", "0.002645,n/a,0,0.002645",
                                            1),
        "financial + humanitarian + military": lambda t: t.replace(
            '"AUS",2022,2,0.002645', '"AUS",2022,2,0.102645', 1),
    }
    for expected, edit in cases.items():
        with pytest.raises(SourceFormatError, match=re.escape(expected)):
            kiel.parse(broken(edit))
    stray = tmp_path / "stray"
    shutil.copytree(KIEL, stray)
    (stray / "new_table.csv").write_text("a\n1\n", "utf-8")
    with pytest.raises(SourceFormatError, match="unknown files"):
        kiel.parse(stray)


@needs_raw
def test_shipped_aid_files_are_what_the_build_makes():
    built = build_aid(RAW, ROOT / "curated")
    assert set(built) == set(AID_FILES)
    data = resources.files("natospend.data")
    for name, text in built.items():
        assert data.joinpath(name).read_text("utf-8") == text, f"{name} is stale: rebuild"


# --- shipped files: no raw data needed ------------------------------------------------------

def test_shipped_aid_files_are_small_and_valid_frictionless():
    from frictionless import Package, system

    folder = Path(natospend.__file__).parent / "data"
    assert sum((folder / n).stat().st_size for n in AID_FILES) < 1_500_000
    with system.use_context(trusted=True):
        report = Package({"resources": datapackage_resources("29")},
                         basepath=str(folder)).validate()
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert errors == []


def test_types_add_up_to_the_total():
    donors = aid.aid(by="donor")
    parts = donors[["military_eur_bn", "financial_eur_bn", "humanitarian_eur_bn"]].sum(axis=1)
    assert (parts - donors["eur_bn"]).abs().max() < 1e-6
    by_type = aid.aid(by="type")
    assert by_type["eur_bn"].sum() == pytest.approx(by_type.attrs["total_eur_bn"], abs=1e-6)
    assert by_type["share_of_total_pct"].sum() == pytest.approx(100, abs=1e-6)
    military = aid.aid(by="donor", aid_type="military").set_index("iso3")["eur_bn"]
    assert military.to_dict() == pytest.approx(donors.set_index("iso3")["military_eur_bn"]
                                               .to_dict())


def test_filters_and_attrs():
    since = aid.aid(by="month", since="2025-01", until="2025-06")
    assert list(since["month"]) == [f"2025-0{m}" for m in range(1, 7)]
    a = since.attrs
    assert a["release"] and a["sources"] and a["assumptions"] and a["unit"] == "EUR billion"
    assert since["usd_bn"].sum() == pytest.approx(a["total_usd_bn"])
    assert all(since["usd_bn"] > since["eur_bn"])  # the euro was above the dollar in 2025


def test_non_nato_donors_by_name_or_code():
    assert aid.resolve_donor("Japan") == aid.resolve_donor("jpn") == "JPN"
    assert aid.resolve_donor("Switzerland") == "CHE"
    assert aid.resolve_donor("European Union") == "EU"
    assert aid.resolve_donor("U.K.") == "GBR"  # an ally alias from allies.csv
    japan = aid.aid(by="type", donor="Japan")
    assert japan.attrs["donor"] == "JPN" and japan["pct_gdp"].notna().all()
    eu = aid.aid(by="donor", donor="EU")
    assert eu["pct_gdp"].isna().all()  # the EU institutions have no GDP


def test_unknown_donor_is_a_clear_error():
    with pytest.raises(aid.UnknownDonorError, match="unknown donor 'Narnia'"):
        aid.aid(donor="Narnia")
    with pytest.raises(aid.UnknownDonorError, match=r"Finland \(FIN\)"):
        aid.aid(donor="Finlnd")
    with pytest.raises(aid.UnknownDonorError, match="not a donor"):
        aid.packages(donor="Albania")  # an ally, but Kiel has no aid from it


def test_empty_date_range_is_a_clear_error():
    with pytest.raises(aid.NoAidDataError, match="covers 2022-01 to"):
        aid.aid(since="2030-01")
    with pytest.raises(aid.NoAidDataError, match="curated list has"):
        aid.packages(since="2030")
    with pytest.raises(aid.AidInputError, match="after"):
        aid.aid(since="2025-06", until="2025-01")
    with pytest.raises(aid.AidInputError, match="YYYY-MM"):
        aid.aid(since="last spring")


def test_parse_amount():
    assert aid.parse_amount("100m") == 100e6
    assert aid.parse_amount("1.5bn") == 1.5e9
    assert aid.parse_amount("€200 million") == 200e6
    assert aid.parse_amount("1,250,000") == 1_250_000
    assert aid.parse_money("$500m") == (500e6, "USD")
    for bad in ("12 gazillion", "", "lots", "12m m", "1,5bn", "€5 USD"):
        with pytest.raises(aid.AmountError, match="cannot read"):
            aid.parse_amount(bad)
    assert issubclass(aid.AmountError, ValueError)


@given(st.text(max_size=30))
def test_parse_money_either_reads_or_refuses(text: str):
    try:
        value, cur = aid.parse_money(text)
    except aid.AmountError:
        return
    assert value >= 0 and cur in (None, "EUR", "USD", "GBP")


# --- currency ------------------------------------------------------------------------------

def test_ecb_reference_rates_on_known_dates():
    # National Bank of Belgium's table of ECB reference rates "as at 22 May 2013":
    # http://www.nbb.be/pub/08_00_00_00_00/08_01_03_00_00.htm?l=de
    assert fx.ecb_rate("USD", date(2013, 5, 22)).per_eur == 1.2923
    assert fx.ecb_rate("GBP", date(2013, 5, 22)).per_eur == 0.8557
    # ECB reference rates for 28 February 2025 (USD 1.0411, GBP 0.82608, SEK 11.1880):
    # https://eurodripusa.net/?p=3470
    assert fx.convert(1000, "EUR", date(2025, 2, 28), "USD").value == pytest.approx(1041.1)
    assert fx.ecb_rate("SEK", date(2025, 2, 28)).per_eur == 11.188
    # ... and for 14 March 2025 (USD 1.0889, SEK 11.0538): https://euro2.net/?p=24927
    sek_usd = fx.convert(11.0538, "SEK", date(2025, 3, 14), "USD")
    assert sek_usd.value == pytest.approx(1.0889) and sek_usd.note == "ECB fixing of that date"


def test_no_fixing_uses_the_nearest_earlier_one_and_says_so():
    sat = fx.convert(1, "EUR", date(2025, 3, 1), "USD")  # a Saturday
    assert sat.rate_date == date(2025, 2, 28) and sat.rate == 1.0411
    assert "nearest earlier fixing 2025-02-28" in sat.note


def test_unquoted_currency_is_refused_and_shipped_rows_keep_their_rates():
    with pytest.raises(fx.RateNotFoundError, match="UAH"):
        aid.convert(1e6, "UAH", "2025-02-26", "EUR")
    # The ECB suspended its rouble rate after 1 March 2022:
    # https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html
    with pytest.raises(fx.RateNotFoundError, match="RUB"):
        fx.convert(1, "RUB", date(2025, 1, 6), "EUR")
    pk = aid.packages()
    converted = pk.dropna(subset=["amount_eur"])
    assert (converted["amount"] / converted["currency_per_eur"] - converted["amount_eur"]).abs(
    ).max() < 1
    assert (converted["amount_eur"] * converted["usd_per_eur"] - converted["amount_usd"]).abs(
    ).max() < 1
    assert pk.loc[pk["conversion_error"].notna(), "amount_eur"].isna().all()
    loan = pk[pk["package_id"] == "gbr-2025-03-era-loan"].iloc[0]  # announced on a Saturday
    assert (loan["rate_date"], loan["currency_per_eur"]) == ("2025-02-28", 0.82608)


# --- packages ------------------------------------------------------------------------------

def test_every_curated_package_is_shipped():
    with (ROOT / "curated" / "aid_packages.csv").open(newline="", encoding="utf-8") as f:
        curated = list(csv.DictReader(f))
    assert len(aid.packages()) == len(curated)


def test_packages_filters():
    big = aid.packages(since="2025-01", min_amount="100m")
    assert (big["amount_eur"] >= 100e6).all() and (big["announced"] >= "2025-01-01").all()
    finland = aid.packages(donor="Finland")
    assert "nb8-2025-11-purl" in set(finland["package_id"])  # joint, shares unpublished
    assert finland.loc[finland["package_id"] == "nb8-2025-11-purl", "joint"].all()
    dollars = aid.packages(min_amount="$5bn")
    assert (dollars["amount_usd"] >= 5e9).all()


def test_finland_691m_dollar_claim_matches_the_660m_euro_programme():
    """Seed 004 ('approximately $691 million', 1 March 2025): AID_SOURCES.md traces it to the
    EUR 660m programme announced on 26 February 2025."""
    found = aid.match_package("Finland", 691e6, "USD", "2025-03-01", tolerance=0.02)
    assert found.iloc[0]["package_id"] == "fin-2025-02-industry-programme"
    assert abs(found.iloc[0]["difference_pct"]) < 1


# --- CLI -----------------------------------------------------------------------------------

def run(*args: str):
    return CliRunner().invoke(aid_cli, list(args), catch_exceptions=False)


def test_cli_by_donor_csv():
    r = run("--by", "donor", "--since", "2022-01", "--type", "military", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(r.output.splitlines()))
    assert {"iso3", "eur_bn", "usd_bn", "pct_gdp", "release"} <= set(rows[0])
    assert rows[0]["iso3"] == "USA"


def test_cli_donor_json_has_allocations_and_packages():
    body = json.loads(run("--donor", "FIN", "--format", "json").output)
    assert body["donor"] == "FIN" and body["by"] == "type"
    assert {p["package_id"] for p in body["packages"]} >= {"fin-2025-02-industry-programme"}
    table = run("--donor", "FIN")
    assert "Announced packages including FIN" in table.output and "Kiel" in table.output


def test_cli_packages_jsonl_and_chart(tmp_path: Path):
    lines = run("packages", "--since", "2025-01", "--min", "100m", "--format", "jsonl").output
    rows = [json.loads(x) for x in lines.splitlines()]
    assert rows and all(r["amount_eur"] >= 100e6 for r in rows)
    chart = tmp_path / "aid.svg"
    assert run("--by", "month", "--chart", str(chart)).exit_code == 0
    assert chart.read_text("utf-8").lstrip().startswith("<svg")


def test_cli_errors_are_one_line_and_exit_1():
    for args, words in [(("--donor", "Narnia"), "unknown donor"),
                        (("packages", "--min", "12 gazillion"), "cannot read"),
                        (("--since", "2030-01"), "no Kiel allocations")]:
        r = CliRunner().invoke(aid_cli, list(args))
        assert r.exit_code == 1, args
        assert r.output.startswith("Error: ") and words in r.output
        assert r.output.count("\n") == 1
