"""Verdicts against the data: precision respected, editions current at publication and latest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from natospend import dataset
from natospend.claims.verify import CONTRADICTED, SUPPORTED, UNVERIFIABLE, interval, verify


@dataclass
class Claim:
    type: str
    subject: str | None = None
    year: int | None = None
    value: float | None = None
    unit: str | None = None
    hedge: str | None = None
    low: float | None = None
    high: float | None = None
    target_pct: float | None = None
    total: int | None = None
    deadline: int | None = None


def test_rounding_in_the_article_is_respected():
    # 2.1% is supported by 2.06%, not by 2.16%
    lo, hi = interval(Claim("share_of_gdp", value=2.1, unit="pct_gdp"))
    assert lo <= 2.06 <= hi and not lo <= 2.16 <= hi
    lo, hi = interval(Claim("aid_pledge", value=1_050_000_000, unit="USD"))
    assert (lo, hi) == pytest.approx((1_045_000_000, 1_055_000_000))


def test_count_supported_at_publication_and_revised_later():
    v = verify(Claim("allies_meeting_target", "NATO", 2024, 23, "count", target_pct=2.0,
                     total=32), date(2025, 2, 14))
    assert v.verdict == SUPPORTED
    assert v.at_publication and v.at_publication.edition == "2024-06"
    assert v.latest.edition == "2026-07" and v.latest.verdict == CONTRADICTED
    assert "2024-06" in v.summary and "2026-07" in v.summary


def test_a_count_nato_stated_in_text_is_the_evidence_for_its_vintage():
    v = verify(Claim("allies_meeting_target", "NATO", 2024, 18, "count", target_pct=2.0),
               date(2024, 2, 20))
    assert v.at_publication and v.at_publication.edition == "2024-02"
    assert v.at_publication.verdict == SUPPORTED
    assert v.at_publication.evidence[0].source_url.startswith("https://")


def test_hedged_share_more_than():
    v = verify(Claim("share_of_gdp", "POL", 2025, 4.0, "pct_gdp", "more than"),
               date(2025, 9, 1))
    assert v.verdict == SUPPORTED
    assert v.at_publication and v.at_publication.edition == "2025-08"


def test_wrong_share_is_contradicted_with_the_figure_and_source():
    v = verify(Claim("share_of_gdp", "ESP", 2024, 3.0, "pct_gdp"), date(2025, 9, 1))
    assert v.verdict == CONTRADICTED
    ev = v.at_publication.evidence[0] if v.at_publication else None
    assert ev and ev.table == "Table 3" and ev.source_url.startswith("https://")


def test_year_beyond_the_data_is_a_forecast():
    v = verify(Claim("share_of_gdp", "DEU", 2029, 3.5, "pct_gdp"), date(2025, 7, 1))
    assert v.verdict == UNVERIFIABLE and "forecast" in v.summary


def test_subject_outside_nato_is_unverifiable():
    v = verify(Claim("share_of_gdp", "JPN", 2025, 1.8, "pct_gdp"), date(2025, 7, 1))
    assert v.verdict == UNVERIFIABLE and "not a NATO ally" in v.summary


def test_target_reported_before_it_was_agreed_is_a_proposal():
    v = verify(Claim("target_commitment", "NATO", None, 3.5, "pct_gdp", deadline=2032),
               date(2025, 6, 5))
    assert v.verdict == UNVERIFIABLE and "proposal" in v.summary
    after = verify(Claim("target_commitment", "NATO", None, 3.5, "pct_gdp", deadline=2032),
                   date(2025, 7, 1))
    assert after.verdict == CONTRADICTED and "2035" in after.summary


def test_national_pledge():
    v = verify(Claim("target_commitment", "GBR", None, 2.5, "pct_gdp", deadline=2027),
               date(2025, 3, 1))
    assert v.verdict == SUPPORTED


def test_national_pledge_with_another_deadline_is_not_refuted_by_our_records():
    # Full Fact, Feb 2025: the Conservatives' 'committed to spending 2.5% of GDP on defence by
    # 2030' (April 2024) was a real promise; our pledges hold only Labour's 2.5% by 2027.
    v = verify(Claim("target_commitment", "GBR", None, 2.5, "pct_gdp", deadline=2030),
               date(2025, 2, 26))
    assert v.verdict == UNVERIFIABLE and "2027" in v.summary


def test_amount_in_us_dollars():
    ok = verify(Claim("spending_amount", "NATO", 2024, 1.47e12, "USD", "about"), date(2024, 7, 1))
    assert ok.verdict == SUPPORTED
    wrong = verify(Claim("spending_amount", "NATO", 2024, 2.0e12, "USD"), date(2024, 7, 1))
    assert wrong.verdict == CONTRADICTED


def test_finlands_691_million_dollars_is_its_660_million_euro_programme():
    # seed: "Finland ... approximately $691 million worth of military support" (Feb 2025)
    v = verify(Claim("aid_pledge", "FIN", 2025, 691e6, "USD", "approximately"), date(2025, 2, 27))
    assert v.verdict == SUPPORTED
    ev = v.latest.evidence[0]
    assert ev.figure == 660e6 and "660" in ev.table and ev.source_url.startswith("http")


def test_aid_amount_with_no_matching_announcement_is_unverifiable_not_supported():
    v = verify(Claim("aid_pledge", "ESP", 2025, 3.05e9, "USD"), date(2025, 2, 25))
    assert v.verdict == UNVERIFIABLE and "no announced package" in v.summary
    narnia = verify(Claim("aid_pledge", "Narnia", 2025, 1e9, "USD"), date(2025, 2, 25))
    assert narnia.verdict == UNVERIFIABLE


@dataclass
class DatedClaim(Claim):
    year_inferred: bool = False


def test_a_package_announced_years_from_the_claims_stated_year_is_other_money():
    # CRS, January 2025 (round 43): "USAID obligated $1.0 billion in FY2022"; the $988 million
    # USAI package of 7 December 2024 is inside the window and the rounding, not that money
    stated = DatedClaim("aid_pledge", "USA", 2022, 1.0e9, "USD")
    assert verify(stated, date(2025, 1, 13)).verdict == UNVERIFIABLE
    # the same words with the year taken from the publication date, or a year either side of
    # the announcement (a fiscal year straddles two), still find it
    for claim in (DatedClaim("aid_pledge", "USA", 2025, 1.0e9, "USD", year_inferred=True),
                  DatedClaim("aid_pledge", "USA", 2025, 1.0e9, "USD"),
                  DatedClaim("aid_pledge", "USA", None, 1.0e9, "USD")):
        v = verify(claim, date(2025, 1, 13))
        assert v.verdict == SUPPORTED and "988" in v.summary


def test_a_group_total_is_checked_against_the_totals_sources_stated():
    v = verify(Claim("aid_pledge", "UDCG", None, 98e9, "USD", "more than"), date(2024, 6, 14))
    assert v.verdict == SUPPORTED and "2024-06-13" in v.summary
    later = verify(Claim("aid_pledge", "UDCG", None, 98e9, "USD", "more than"), date(2024, 5, 1))
    assert later.verdict == UNVERIFIABLE  # stated after publication: not the article's source


def test_cumulative_aid_is_checked_against_kiels_allocations():
    from natospend.analysis.aid import aid

    kiel = aid(by="donor", donor="DEU", until="2025-02").iloc[0]
    claimed = round(float(kiel["eur_bn"]), 1) * 1e9  # "about EUR 16.5 billion since 2022"
    v = verify(Claim("aid_pledge", "DEU", None, claimed, "EUR", "about"), date(2025, 3, 10))
    assert v.verdict == SUPPORTED and "Kiel" in v.summary
    assert v.latest.evidence[0].source_url.startswith("https://")
    far = verify(Claim("aid_pledge", "DEU", None, claimed * 3, "EUR"), date(2025, 3, 10))
    assert far.verdict == UNVERIFIABLE


def test_the_fast_count_agrees_with_compliance_everywhere():
    from natospend import dataset
    from natospend.analysis.compliance import compliance
    from natospend.claims.verify import _count

    for edition in ("2024-06", "2025-08", "2026-07", "2025-04"):
        years = sorted(dataset.expenditure(edition, aggregates=False)
                       .dropna(subset=["share_of_gdp_pct"])["year"].unique())
        for year in years:
            for target in (2.0, 3.5, 5.0):
                a = compliance(target, int(year), edition).attrs
                b = _count(target, int(year), edition)
                assert (a["count"], a["total"], sorted(a["no_figure"])) == \
                    (b["count"], b["total"], sorted(b["no_figure"])), (edition, year, target)


@dataclass
class InferredClaim(Claim):
    year_inferred: bool = False
    sentence: str = ""
    quote: str = ""


def test_before_any_edition_of_ours_the_verdict_is_unverifiable_and_the_latest_is_given():
    v = verify(Claim("share_of_gdp", "POL", 2023, 3.9, "pct_gdp"), date(2023, 7, 7))
    assert v.verdict == UNVERIFIABLE and "no edition" in v.summary
    assert v.latest.verdict == CONTRADICTED and "2026-07" in v.summary


def test_a_budget_within_the_definition_margin_is_neither_confirmed_nor_refuted():
    # NATO: CZK 159.7 billion for 2024 (2024-06 tables); the Czech budget said 166.8 billion.
    near = verify(Claim("spending_amount", "CZE", 2024, 166.8e9, "CZK"), date(2025, 1, 7))
    assert near.verdict == UNVERIFIABLE and "margin" in near.summary
    far = verify(InferredClaim("spending_amount", "CZE", 2024, 185e9, "CZK",
                               sentence="Czechia's defence budget for 2024 is CZK 185 billion."),
                 date(2025, 1, 7))
    assert far.verdict == UNVERIFIABLE and "define defence spending differently" in far.summary
    assert far.at_publication.evidence[0].figure == pytest.approx(159.7e9, rel=1e-3)


def test_a_figure_given_as_natos_is_refuted_by_natos_tables():
    sourced = verify(InferredClaim("spending_amount", "CZE", 2024, 185e9, "CZK",
                                   sentence="NATO estimates that Czechia spent CZK 185 billion."),
                     date(2025, 1, 7))
    assert sourced.verdict == CONTRADICTED


def test_present_tense_reads_the_newest_figures_but_this_year_is_the_year_itself():
    feb = verify(InferredClaim("allies_meeting_target", "NATO", 2025, 23, "count",
                               target_pct=2.0, year_inferred=True,
                               sentence="Currently, 23 out of NATO's 32 member nations are "
                                        "meeting the target of allocating 2% of their GDP."),
                 date(2025, 2, 14))
    assert feb.verdict == SUPPORTED
    plan = verify(InferredClaim("share_of_gdp", "ESP", 2025, 2.0, "pct_gdp", year_inferred=True,
                                sentence="Spain will reach 2% of GDP this year."),
                  date(2025, 6, 12))
    assert plan.verdict == UNVERIFIABLE
    future = verify(InferredClaim("share_of_gdp", "CAN", 2025, 2.0, "pct_gdp",
                                  year_inferred=True, sentence="Canada will be spending 2% of "
                                  "GDP on defence within the next fiscal year."),
                    date(2025, 6, 11))
    assert future.verdict == UNVERIFIABLE


def test_a_present_verb_or_the_start_of_a_rise_reads_the_newest_figures():
    # 28 May 2024: the 2024-03 edition's newest per-ally year is 2023 (US 3.24%)
    spend = verify(InferredClaim(
        "share_of_gdp", "USA", 2024, 3.0, "pct_gdp", hedge="more than", low=3.0,
        year_inferred=True, quote="more than 3%",
        sentence="Estonia's spending in 2024 could reach 3.5% of GDP, and only the United "
                 "States, Poland and Greece spend more than 3% of GDP."), date(2024, 5, 28))
    assert spend.verdict == SUPPORTED  # the year named in the other clause is not this figure's
    # 23 April 2024: the rise starts from the UK's level of the day, 2.28% for 2023
    rise = verify(InferredClaim(
        "share_of_gdp", "GBR", 2024, 2.32, "pct_gdp", year_inferred=True, quote="2.32 per cent",
        sentence="The rise, from 2.32 per cent of GDP, will take spending to 2.5 per cent by "
                 "2030."), date(2024, 4, 23))
    assert rise.verdict == CONTRADICTED
    must = verify(InferredClaim(
        "share_of_gdp", "USA", 2024, 3.0, "pct_gdp", year_inferred=True, quote="3%",
        sentence="Allies must spend 3% of GDP, the minister said."), date(2024, 5, 28))
    assert must.verdict == UNVERIFIABLE  # a modal is no present level


def test_a_current_level_or_is_at_reads_the_newest_figures_but_a_promise_for_the_year_not():
    # 25 July 2025: the 2025-04 edition's newest year is 2024 (Latvia 3.39%, Lithuania 3.11%)
    at = verify(InferredClaim(
        "share_of_gdp", "LVA", 2025, 3.15, "pct_gdp", year_inferred=True, quote="3.15%",
        sentence="Latvia is at 3.15% and Lithuania is at 2.85%, according to NATO."),
        date(2025, 7, 25))
    assert at.verdict == CONTRADICTED and "in 2024 is 3.39" in at.summary
    level = verify(InferredClaim(
        "share_of_gdp", "LTU", 2025, 3.11, "pct_gdp", year_inferred=True, quote="3.11%",
        sentence="Lithuania, with a current spending level of 3.11% of GDP, aims higher."),
        date(2025, 7, 25))
    assert level.verdict == SUPPORTED
    promise = verify(InferredClaim(
        "share_of_gdp", "ESP", 2025, 2.0, "pct_gdp", hedge="at least", low=2.0,
        year_inferred=True, quote="2 percent",
        sentence="Spain, whose current spending is low, promised to spend 2 percent of GDP on "
                 "defense by the end of the year."), date(2025, 4, 22))
    assert promise.verdict == UNVERIFIABLE  # a promise for the year itself, not last year's level


def test_a_call_for_much_more_than_a_target_names_no_level():
    demand = verify(InferredClaim("target_commitment", "NATO", None, 2.0, "pct_gdp",
                                  hedge="more than", low=2.0, quote="more than 2 per cent",
                                  sentence="We are going to need a lot more than 2 per cent, "
                                           "Rutte said."), date(2024, 12, 20))
    assert demand.verdict == UNVERIFIABLE and "names no level" in demand.summary
    plain = verify(InferredClaim("target_commitment", "NATO", None, 2.0, "pct_gdp",
                                 hedge="more than", low=2.0, quote="more than 2 per cent",
                                 sentence="Allies agreed to spend more than 2 per cent."),
                   date(2024, 12, 20))
    assert plain.verdict == SUPPORTED  # without 'a lot', 'much', ...: the Wales target


def test_an_ally_taking_natos_own_figure_and_deadline_is_natos_target():
    # the Netherlands' pledge of 3.5% in our records names no year; '3.5% by 2035' is the
    # Hague figure with the Hague deadline
    v = verify(Claim("target_commitment", "NLD", None, 3.5, "pct_gdp", deadline=2035),
               date(2026, 1, 30))
    assert v.verdict == SUPPORTED and v.latest.edition == "targets"
    other = verify(Claim("target_commitment", "NLD", None, 3.5, "pct_gdp", deadline=2031),
                   date(2026, 1, 30))
    assert other.verdict == UNVERIFIABLE  # another deadline is not NATO's


def test_european_nato_members_are_natos_europe_group():
    a = verify(Claim("share_of_gdp", "NATO_EUROPE", 2024, 2.0, "pct_gdp"), date(2024, 7, 13))
    b = verify(Claim("share_of_gdp", "EUROPE", 2024, 2.0, "pct_gdp"), date(2024, 7, 13))
    assert a.verdict == b.verdict == SUPPORTED


def test_several_donors_pooling_money_are_a_joint_package():
    # 'eight European countries announced the allocation of $500 million' (PURL, 13 Nov 2025):
    # the Nordic-Baltic joint package, recorded once under all eight donors.
    v = verify(Claim("aid_pledge", "DONORS", 2025, 500e6, "USD"), date(2025, 11, 13))
    assert v.verdict == SUPPORTED and "nb8-2025-11-purl" in v.latest.evidence[0].table
    # a month later nothing joint of that size was announced: no claim to support, none refuted
    later = verify(Claim("aid_pledge", "DONORS", 2025, 500e6, "USD"), date(2026, 3, 1))
    assert later.verdict == UNVERIFIABLE


@pytest.mark.parametrize(("ctype", "value", "unit"), [
    ("share_of_gdp", 1.6, "pct_gdp"), ("spending_amount", 343e9, "EUR"),
    ("spending_amount", 380e9, "USD")])
def test_the_european_union_s_own_figures_are_not_checked_against_its_allies(ctype, value, unit):
    """Four EU members are not allies: the sum of the allies in the EU is not the EU's figure."""
    v = verify(Claim(ctype, "EU", 2023, value, unit), date(2024, 12, 5))
    assert v.verdict == "unverifiable" and "Austria, Cyprus, Ireland, Malta" in v.summary
    europe = verify(Claim("share_of_gdp", "EUROPE", 2023, 1.6, "pct_gdp"), date(2024, 12, 5))
    assert europe.verdict == "contradicted"  # the European allies are a group NATO's rows sum


def test_kept_lookups_give_what_the_tables_give():
    """Verification keeps group sums, counts (and why there is none) and rounding steps per
    key; each must be what working it out afresh gives."""
    from natospend import dataset
    from natospend.analysis.gap import group_share
    from natospend.claims import judgement
    from natospend.claims import verify as v

    edition = dataset.latest_edition()
    for year in (2014, 2020, 2023, 2024, 2031):
        for subject in ("EU", "EUROPE", "POL"):
            rows = v._group_rows(subject, year, edition, ["usd_constant_m", "gdp_usd_constant_m"])
            assert v._group_share(subject, year, edition) == \
                (None if rows is None else group_share(rows))
            rows = v._group_rows(subject, year, edition, ["usd_current_m"])
            assert v._group_total(subject, year, edition, "usd_current_m") == \
                (None if rows is None else float(rows["usd_current_m"].sum()))
        for target in (2.0, 3.5, 7.0):
            try:
                expected: object = v._count(target, year, edition)
            except (dataset.DataNotFoundError, ValueError) as exc:
                expected = str(exc)
            assert v._count_or_reason(target, year, edition) == expected
    cases = {(2.1, "pct_gdp"): 0.05 + 1e-9, (2.0, "pct_gdp"): 0.5 + 1e-9,
             (1.05e9, "USD"): 5e6, (23.0, "count"): 0.0, (0.0, "USD"): 0.0,
             # money in its scale word: '€500 million' is 499.5-500.5m, '$60 billion' 59.5-60.5bn
             (5e8, "EUR"): 5e5, (6e10, "USD"): 5e8, (2.5e12, "USD"): 5e10, (75000.0, "EUR"): 500.0}
    for _ in range(2):  # worked out, then kept
        for (value, unit), step in cases.items():
            assert judgement._rounding(value, unit) == pytest.approx(step, rel=1e-12, abs=0)


def test_reloading_the_dataset_forgets_the_verifiers_derived_answers():
    from natospend import dataset
    from natospend.claims import verify as verify_mod

    verify(Claim("share_of_gdp", "POL", 2024, 4.1, "pct_gdp"), date(2025, 3, 1))
    assert verify_mod.editions_at.cache_info().currsize > 0
    dataset.reload()  # what `natospend import` does after adding an edition
    assert verify_mod.editions_at.cache_info().currsize == 0
    again = verify(Claim("share_of_gdp", "POL", 2024, 4.1, "pct_gdp"), date(2025, 3, 1))
    assert again.verdict == SUPPORTED


def test_a_country_outside_nato_does_not_restate_natos_target():
    # Japan's own aim of 2% of GDP is not the Wales pledge, and we record no Japanese pledge
    v = verify(Claim("target_commitment", "JPN", None, 2.0, "pct_gdp"), date(2025, 12, 26))
    assert v.verdict == UNVERIFIABLE and "not a NATO ally" in v.summary
    # an ally aiming at NATO's figure restates NATO's target, as before
    ally = verify(Claim("target_commitment", "CAN", None, 2.0, "pct_gdp"), date(2025, 12, 26))
    assert ally.verdict == SUPPORTED


def test_unnamed_donors_match_a_groups_stated_total():
    # 'the $50 billion loan' (January 2025): the G7's ERA loans, stated 10 December 2024
    v = verify(Claim("aid_pledge", "DONORS", None, 50e9, "USD"), date(2025, 1, 10))
    assert v.verdict == SUPPORTED and "g7-2024-era-50bn" in v.latest.evidence[0].table
    # stated after publication, it cannot be what the article reports
    before = verify(Claim("aid_pledge", "DONORS", None, 50e9, "USD"), date(2024, 12, 1))
    assert before.verdict == UNVERIFIABLE


def test_a_claim_stated_more_finely_than_the_table_is_read_at_its_precision():
    # NATO's April 2025 figure for Spain's 2024 is 1.24 (two decimals): '1.238%' agrees with it
    # at that precision, '1.25%' does not
    fine = verify(Claim("share_of_gdp", "ESP", 2024, 1.238, "pct_gdp"), date(2025, 4, 25))
    assert fine.at_publication is not None and fine.at_publication.verdict == SUPPORTED
    coarse = verify(Claim("share_of_gdp", "ESP", 2024, 1.25, "pct_gdp"), date(2025, 4, 25))
    assert coarse.at_publication is not None and coarse.at_publication.verdict == CONTRADICTED


def test_a_group_of_allies_restates_natos_target():
    v = verify(Claim("target_commitment", "NATO_EUROPE", None, 2.0, "pct_gdp", deadline=2024),
               date(2025, 7, 1))
    assert v.verdict == SUPPORTED


def test_a_count_of_european_allies_counts_only_them():
    # 'only nine European countries met the alliance's 2% target in 2023' (round 16): the
    # June 2024 tables have ten allies at 2%, the United States among them
    from natospend import countries
    from natospend.analysis.compliance import compliance

    table = compliance(2.0, 2023, "2024-06")
    europe = set(countries.groups()["EUROPE"].members)
    n_europe = int(table[table["meets"].eq(True) & table["iso3"].isin(europe)].shape[0])
    assert n_europe == table.attrs["count"] - 1  # the US is the one ally left out
    published = date(2024, 11, 7)
    for subject in ("NATO_EUROPE", "EUROPE"):
        v = verify(Claim("allies_meeting_target", subject, 2023, n_europe, "count",
                         target_pct=2.0), published)
        assert v.verdict == SUPPORTED and "number of European allies at" in v.summary
    v = verify(Claim("allies_meeting_target", "NATO", 2023, n_europe, "count", target_pct=2.0),
               published)
    assert v.verdict == CONTRADICTED


@pytest.mark.parametrize(("words", "verdict"), [
    ("only three members met it – the United States, Greece and the United Kingdom", SUPPORTED),
    ("only three NATO members – the U.S., the U.K. and Greece – were at the 2% threshold",
     SUPPORTED),
    ("the United States spent 2% of GDP on defence in 2014", CONTRADICTED),
])
def test_an_ally_said_to_meet_a_round_target_spends_at_least_it(words, verdict):
    # the US spent 3.7% of GDP in 2014: it met 2%, it did not spend 2%
    claim = InferredClaim("share_of_gdp", "USA", 2014, 2.0, "pct_gdp", sentence=words,
                          quote=words)
    assert verify(claim, date(2024, 6, 18)).verdict == verdict


@pytest.mark.parametrize(("deadline", "verdict"), [(2026, SUPPORTED), (2028, SUPPORTED),
                                                   (2030, SUPPORTED), (2025, UNVERIFIABLE)])
def test_a_pledge_over_a_period_holds_in_each_of_its_years(deadline, verdict):
    # Lithuania: 'in the 2026-2030 period we will annually earmark from 5 to 6 [percent]'
    from natospend import dataset

    (p,) = dataset.pledges("LTU").query("target_pct_gdp == 5").to_dict("records")
    assert (p["start_year"], p["deadline_year"]) == (2026, 2030)
    v = verify(Claim("target_commitment", "LTU", None, 5.0, "pct_gdp", "range", 5.0, 6.0,
                     deadline=deadline), date(2025, 2, 1))
    assert v.verdict == verdict
    if verdict == SUPPORTED:
        assert "in each year of 2026-2030" in v.summary


def test_a_count_the_article_gives_as_an_earlier_forecast_is_not_judged():
    # round 17: 'Estimates in the annual report showed that 22 allies had reached that goal
    # last year, compared to a previous forecast of 23' (April 2025, when NATO's stated count
    # for 2024 was 22): the 23 is reported as superseded, not as the article's own count
    from natospend.claims import extract

    sentence = ("Estimates in the annual report showed that 22 allies had reached that goal "
                "last year, compared to a previous forecast of 23.")
    published = date(2025, 4, 25)
    claims = [c for c in extract(sentence, published) if c.type == "allies_meeting_target"]
    assert [c.value for c in claims] == [22, 23]
    actual, forecast = (verify(c, published) for c in claims)
    assert actual.verdict == SUPPORTED
    assert forecast.verdict == UNVERIFIABLE and "earlier forecast" in forecast.summary
    # the same 23 stated as the count is contradicted by the same edition
    plain = Claim("allies_meeting_target", "NATO", 2024, 23, "count", target_pct=2.0)
    assert verify(plain, published).verdict == CONTRADICTED


def test_an_older_edition_does_not_overrule_a_newer_one_that_holds_the_figure():
    # round 16: 'European NATO members spent $454 billion' in 2024 (SIPRI's figure), April
    # 2025. The June 2024 tables hold $476bn, too close to call a contradiction; the February
    # 2024 statement's $380bn (another price basis) must not then decide it.
    v = verify(Claim("spending_amount", "EUROPE", 2024, 454e9, "USD"), date(2025, 4, 28))
    assert v.verdict == UNVERIFIABLE
    assert v.at_publication is not None and v.at_publication.edition == "2024-06"
    assert v.at_publication.evidence and v.at_publication.evidence[0].figure > 470e9


def test_hedges_read_as_the_gold_readers_read_them():
    # 'approximately 1.35 percent' covers its written digits, not 5% around them (round 5:
    # Slovenia's 1.37% contradicts it); money keeps 5% for 'about'
    lo, hi = interval(Claim("share_of_gdp", value=1.35, unit="pct_gdp", hedge="about"))
    assert lo <= 1.35 <= hi and not lo <= 1.37 <= hi and hi - lo == pytest.approx(0.01)
    lo, hi = interval(Claim("spending_amount", value=60e9, unit="USD", hedge="about"))
    assert lo <= 57.5e9 and hi >= 62.5e9
    # 'nearly 2%' is at or below 2% (France's 2.03% is not 'nearly 2%'), down to a tenth less
    lo, hi = interval(Claim("share_of_gdp", value=2.0, unit="pct_gdp", hedge="nearly"))
    assert lo <= 1.85 <= hi and not lo <= 2.03 <= hi


def test_more_than_a_share_excludes_the_share_itself():
    # 'more than 2 per cent of their combined GDP' (February 2024): the 2024-02 edition's 2.00%
    # for the European allies does not exceed it, as the gold readers of rounds 10, 23 and 24
    # decided; 2.02% does
    lo, hi = interval(Claim("share_of_gdp", value=2.0, unit="pct_gdp", hedge="more than"))
    assert not lo <= 2.0 <= hi and lo <= 2.01 <= hi


def test_aid_amounts_fit_their_hedge_and_rounding():
    from natospend.claims.verify_aid import _fits

    nearly = _fits(Claim("aid_pledge", "USA", None, 6e9, "USD", hedge="nearly"))
    assert nearly(5.55e9) and nearly(6e9) and not nearly(6.2e9) and not nearly(5.4e9)
    plain = _fits(Claim("aid_pledge", "USA", None, 60e9, "USD"))  # '$60 billion'
    assert plain(60.4e9) and not plain(60.84e9)
    more = _fits(Claim("aid_pledge", "SWE", None, 6e9, "EUR", hedge="more than"))
    assert more(6.45e9) and not more(5.9e9) and not more(7e9)


def test_at_least_a_share_is_that_share_as_nato_rounds_it():
    # 'Slovakia achieved NATO's 2% GDP target in 2021': NATO's 1.74% did not reach it, though
    # the written '2%' alone would cover 1.5-2.5%
    lo, _ = interval(Claim("share_of_gdp", value=2.0, unit="pct_gdp", hedge="at least"))
    assert 1.99 < lo < 2.0
    v = verify(Claim("share_of_gdp", "SVK", 2021, 2.0, "pct_gdp", "at least"),
               date(2024, 10, 15))
    assert v.verdict == CONTRADICTED
    # money keeps the rounding of its written digits
    lo, _ = interval(Claim("aid_pledge", value=2_000_000_000, unit="EUR", hedge="at least"))
    assert lo == pytest.approx(1_500_000_000)


def test_a_range_target_holds_the_pledges_inside_it():
    # 'allies such as Sweden and Poland have promised anything between 3% and 5% of GDP'
    claim = Claim("target_commitment", "SWE", None, 3.0, "pct_gdp", "range", low=3.0, high=5.0)
    v = verify(claim, date(2025, 6, 26))
    assert v.verdict == SUPPORTED
    assert "pledged 3.5%, within the claim's 3-5%" in v.summary
    outside = Claim("target_commitment", "SWE", None, 1.0, "pct_gdp", "range", low=1.0, high=2.0)
    assert verify(outside, date(2025, 6, 26)).verdict == UNVERIFIABLE


def _estimate_years(edition: str, iso3: str, column: str) -> dict[bool, int]:
    """A year whose figure for ``iso3`` is NATO's estimate (True) and one that is not (False)."""
    w = dataset.expenditure(edition, aggregates=False).dropna(subset=[column])
    w = w[w["iso3"] == iso3]
    return {flag: int(w[w["estimate"] == flag]["year"].max()) for flag in (True, False)}


def test_an_amount_checked_against_an_estimate_says_so():
    """Every verdict names an estimate as one, in its reason as in its evidence: amounts as
    shares always did."""
    edition = dataset.latest_edition()
    years = _estimate_years(edition, "CZE", "nat_currency_current_m")
    for estimate, year in years.items():
        figure = dataset.figure(edition, "CZE", year, "nat_currency_current_m")
        claimed = 0.5 * float(figure["value"]) * 1e6
        v = verify(InferredClaim("spending_amount", "CZE", year, claimed, "CZK",
                                 sentence="NATO figures show Czechia spent that much."),
                   date(year + 1, 12, 1))
        assert v.latest.verdict == CONTRADICTED
        assert ("(NATO estimate)" in v.latest.reason) is estimate
        assert (v.latest.evidence[0].note == "NATO estimate") is estimate


def test_a_group_figure_computed_from_estimates_says_so():
    # NATO publishes no total for the European allies alone: the checker adds its members up,
    # and a sum of estimates is an estimate
    edition = dataset.latest_edition()
    years = _estimate_years(edition, "DEU", "usd_current_m")
    for estimate, year in years.items():
        v = verify(InferredClaim("spending_amount", "EUROPE", year, 1e9, "USD"),
                   date(year + 1, 12, 1))
        [ev] = v.latest.evidence
        assert "computed" in ev.table
        assert (ev.note == "computed from NATO estimates") is estimate, (year, ev)
        assert ("computed from NATO estimates" in v.latest.reason) is estimate
