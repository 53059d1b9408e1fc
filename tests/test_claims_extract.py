"""Claim extraction: the seeds' claims, the number parser, negatives, and arbitrary input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natospend.claims import NotTextError, decode, extract, html_to_text, split_sentences
from natospend.claims.numbers import find_quantities, parse_number
from natospend.claims.subjects import find_mentions
from natospend.claims.text import MAX_SENTENCE
from natospend.claims.years import find_years
from tests.labelled_rounds import BLIND_ROUND

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
# The labelled round kept blind (bench/claims_quality.py's 'blind' set): tests that read the
# labelled passages leave it out, so that nothing shows its text to whoever tunes the rules.
BLIND_ROUND_FILES = f"claims_dev{BLIND_ROUND}"


def _only(claims, ctype):
    found = [c for c in claims if c.type == ctype]
    assert found, f"no {ctype} in {claims}"
    return found


# --- golden cases from the seed articles -------------------------------------------------

def test_seed_allies_meeting_target():
    text = ("Currently, 23 out of NATO's 32 member nations are meeting the Western military "
            "alliance's target of allocating 2% of their GDP to defense.")
    [c] = extract(text, date(2025, 2, 14))
    assert (c.type, c.subject, c.value, c.unit) == ("allies_meeting_target", "NATO", 23, "count")
    assert (c.total, c.target_pct) == (32, 2.0)
    assert c.year == 2025 and c.year_inferred


def test_seed_aid_pledges_with_donor_outside_nato():
    text = ("Spain has also stepped up, as Prime Minister Pedro Sanchez declared during his recent "
            "visit to Kyiv, a new military assistance package valued at $1.05 billion, part of a "
            "broader ten-year bilateral defense agreement already established. Japan, though not a "
            "NATO member, has pledged $58 million of aid aimed at enhancing Ukraine's energy "
            "sector and infrastructure recovery.")
    spain, japan = _only(extract(text, date(2025, 3, 1)), "aid_pledge")
    assert (spain.subject, spain.value, spain.unit) == ("ESP", 1_050_000_000, "USD")
    assert text[spain.span[0]:spain.span[1]] == spain.quote == "$1.05 billion"
    assert (japan.subject, japan.value, japan.unit) == ("JPN", 58_000_000, "USD")
    assert spain.year == 2025 and spain.year_inferred


def test_seed_target_commitment_with_deadline():
    text = ("- The US demands that NATO members boost defence budgets to 5% of GDP, while NATO "
            "chief Mark Rutte proposed a compromise of 3.5% for core military spending plus 1.5% "
            "for related security by 2032.")
    targets = _only(extract(text, date(2025, 6, 5)), "target_commitment")
    by_value = {c.value: c for c in targets}
    assert by_value[5.0].subject == "NATO"
    assert by_value[1.5].deadline == 2032


def test_seed_parenthetical_conversion_is_one_amount():
    text = ("Rutte highlighted recent European commitments to strengthening defense, pointing to "
            "the European Commission's call for 800 billion euros ($874 billion) in new defense "
            "spending by the 27-member bloc.")
    [c] = extract(text, date(2025, 3, 13))
    assert (c.type, c.subject, c.value, c.unit) == ("spending_amount", "EU", 8e11, "EUR")


def test_seed_hedged_share_resolves_this_year_and_previous_sentence_subject():
    text = ("Poland is a front-line state. It is expected to spend more than 4% of GDP this year.")
    [c] = extract(text, date(2025, 2, 11))
    assert (c.type, c.subject, c.hedge, c.low, c.high) == ("share_of_gdp", "POL", "more than",
                                                            4.0, None)
    assert (c.year, c.year_inferred) == (2025, True)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_every_seed_runs_and_finds_claims():
    for path in sorted(SEEDS.glob("*.txt")):
        claims = extract(decode(path.read_bytes(), path.name), date(2025, 3, 1))
        assert claims, path.name
        for c in claims:
            assert c.quote and c.unit


# --- the number parser -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "currency"), [
    ("$1.05 billion", 1.05e9, "USD"), ("US$ 5m", 5e6, "USD"), ("EUR 89.9 billion", 89.9e9, "EUR"),
    ("€0.7 billion", 0.7e9, "EUR"), ("£13.4bn", 13.4e9, "GBP"),
    ("186 billion zlotys", 186e9, "PLN"),
    ("200 mld zł", None, None), ("PLN 4 bn", 4e9, "PLN"), ("17.9 billion crowns", 17.9e9, "KR"),
    ("405 million Danish kroner", 405e6, "DKK"), ("NOK 1.5 billion", 1.5e9, "NOK"),
    ("SEK 300 mn", 300e6, "SEK"), ("C$3bn", 3e9, "CAD"), ("¥10 billion", 10e9, "JPY"),
    ("a 100-billion-euro fund", 100e9, "EUR"), ("$1.6 trillion", 1.6e12, "USD"),
    ("100 million US dollars", 100e6, "USD"), ("$500k", 500e3, "USD"),
])
def test_money(text, value, currency):
    money = [q for q in find_quantities(text) if q.kind == "money"]
    if value is None:
        assert not money
        return
    [q] = money
    assert q.value == pytest.approx(value)
    assert q.currency == currency


def test_parenthetical_conversion_folds_into_first_amount():
    [q] = find_quantities("a €150 billion ($170.7 billion) loan")
    assert (q.value, q.currency) == (150e9, "EUR")
    [q] = [q for q in find_quantities("at least €85 billion [$87.5 billion] from 2028")
           if q.kind == "money"]
    assert (q.value, q.currency, q.hedge) == (85e9, "EUR", "at least")


@pytest.mark.parametrize(("token", "value"), [
    ("twenty-three", 23), ("Twenty-three", 23), ("thirty two", 32), ("ten", 10),
    ("1,050", 1050), ("4.48", 4.48), ("a third", 1 / 3), ("half", 0.5),
    # a wrapped page breaks a number's words across lines (round 18 crashed on one such)
    ("one and a\nhalf", 1.5), ("two and a\r\nhalf", 2.5), ("twenty-\nthree", 23),
    ("thirty\n two", 32), ("half a\n", 0.5),
])
def test_number_words(token, value):
    assert parse_number(token) == pytest.approx(value)


@pytest.mark.parametrize(("text", "hedge", "low", "high"), [
    ("more than 4%", "more than", 4.0, None), ("over 4.8 percent", "more than", 4.8, None),
    ("about 2.3%", "about", None, None), ("roughly $845 billion", "about", None, None),
    ("nearly EUR 1 billion", "nearly", None, 1e9), ("almost $37 billion", "nearly", None, 37e9),
    ("at least 3.5%", "at least", 3.5, None), ("up to €150 billion", "up to", None, 150e9),
    ("3.5-3.7%", "range", 3.5, 3.7), ("between £5bn and £6bn", "range", 5e9, 6e9),
    ("€100–500 billion", "range", 100e9, 500e9), ("2.1%", None, 2.1, 2.1),
    # a sign for 'about' ('a prudent step up from today's ~3%', round 41), with or without a space
    ("~3%", "about", None, None), ("≈ $196 million", "about", None, None),
    ("~ 3%", "about", None, None), ("a-3%", None, 3.0, 3.0),
])
def test_hedges_and_ranges_become_intervals(text, hedge, low, high):
    [q] = find_quantities(text)
    assert q.hedge == hedge
    assert q.low == (pytest.approx(low) if low is not None else None)
    assert q.high == (pytest.approx(high) if high is not None else None)


def test_percentage_words_and_points():
    [q] = find_quantities("two per cent")
    assert (q.kind, q.value) == ("percent", 2.0)
    [q] = find_quantities("0.2 percentage points")
    assert q.points


# --- years, subjects, sentences ----------------------------------------------------------

def test_deadline_year_versus_dated_figure():
    [t] = extract("Spain aims to reach 2% of GDP by 2029.", date(2024, 6, 18))
    assert (t.type, t.deadline, t.year) == ("target_commitment", 2029, None)
    [s] = extract("Estonia spent 3.13% of GDP in 2025.", date(2024, 6, 18))
    assert (s.type, s.year, s.year_inferred) == ("share_of_gdp", 2025, False)
    [s] = extract("Last year Latvia spent 3.15% of GDP.", date(2024, 6, 18))
    assert (s.year, s.year_inferred) == (2023, True)


def test_demonyms_and_short_names():
    [c] = extract("The U.K. will spend 2.3% of GDP on defence this year.", date(2025, 2, 25))
    assert c.subject == "GBR"
    [c] = extract("German defence spending was around 2% of GDP in 2024.", date(2025, 1, 1))
    assert c.subject == "DEU"


def test_sentences_keep_spans_and_do_not_break_at_abbreviations():
    text = "The U.S. President said $1.05 bn. was pledged. Gen. Smith agreed.\n\nNew paragraph"
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["The U.S. President said $1.05 bn. was pledged.",
                                       "Gen. Smith agreed.", "New paragraph"]
    assert all(text[s.start:s.end] == s.text for s in sents)


@given(st.text(alphabet=st.sampled_from(list("ab ,;.%1")), min_size=1, max_size=9000))
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
def test_an_endless_sentence_is_cut_into_bounded_pieces_with_exact_spans(text):
    # a table with no full stop, a run of names and figures: the rules look around each
    # figure within its sentence, so an unbounded one cost time quadratic in its length
    sents = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE and text[s.start:s.end] == s.text for s in sents)
    assert [s.start for s in sents] == sorted(s.start for s in sents)


def test_a_long_run_of_names_and_figures_is_cut_at_commas_and_still_read():
    unit = ["Poland spends 4.1% of GDP on defence", "Estonia spends 3.4% of GDP on defence",
            "Latvia spends 3.2% of GDP on defence"]
    run = ", ".join(unit * 100)
    pieces = split_sentences(run)
    assert len(pieces) > 1 and all(p.text.endswith("defence,") for p in pieces[:-1])
    shares = [(c.subject, c.value) for c in extract(run, date(2025, 7, 1))
              if c.type == "share_of_gdp"]
    assert shares == [("POL", 4.1), ("EST", 3.4), ("LVA", 3.2)] * 100


def test_html_is_reduced_to_visible_text():
    html = ("<html><head><script>var x = '5% of GDP';</script></head><body><h1>Title</h1>"
            "<p>Poland spends 4.1% of GDP.</p><style>p{}</style></body></html>")
    text = html_to_text(html)
    assert "var x" not in text and "Title\n\nPoland spends 4.1% of GDP." == text


# --- negatives ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Almost a million Russian soldiers have been killed or wounded in the war.",
    "North Korea has sent more than 10,000 soldiers to help Russia.",
    "A survey showed 73% of Germans believe Germany should invest more in security.",
    "In 2014 the alliance met in Wales; on February 24, 2022 Russia invaded.",
    "Russia controls nearly 20% of Ukraine, including Crimea.",
    "NATO allies are increasing defence spending this year by 18%.",
    "Members voted 311-112 to pass the bill.",
    "With the additional 1,700 US troops, there are now 10,000 American soldiers in Poland.",
    "The increase in aid is part of a €524.5 billion federal budget.",
    # a figure with a minus sign is a fall, never a share of GDP, a target or a count
    "LOW — Last: 113.40; Change: -1.62; Change %: -1.41%.",
    "Germany's defence spending as a share of GDP changed by -0.5% in 2023 (Spain: −0.2%).",
    "",
    "   \n\n ",
])
def test_negatives_yield_nothing(text):
    assert extract(text, date(2024, 6, 1)) == []
    assert extract(text, date(2024, 6, 1), learned=True) == []


def test_a_bullet_glued_to_its_figure_is_no_minus_sign():
    text = "NATO's new target, agreed in The Hague:\n-3.5% of GDP: core defence by 2035"
    claims = extract(text, date(2025, 7, 1))
    assert [(c.type, c.value, c.deadline) for c in claims] == [("target_commitment", 3.5, 2035)]


# --- arbitrary and adversarial input -----------------------------------------------------

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_crashes_on_arbitrary_text(text):
    claims = extract(text, date(2025, 1, 1))
    assert isinstance(claims, list)
    for c in claims:
        assert text[c.span[0]:c.span[1]] == c.quote


_PIECES = st.sampled_from([
    "$", "€", "£", "US$", "EUR ", "1", "1.05", "2%", " billion", "bn", " per cent", "-", "–",
    " of GDP", " by 2035", " Poland", " NATO", " allies", " more than ", "(", ")", ". ", "U.S.",
    " twenty-three", " of 32", " members", " meet", " aid", " to Ukraine", "\n\n", "kr", "zł",
    " one", " and", " a", "\n", " half", "\r\n", " thirty", " two", "-", " billion euros",
    # session 12's words: conversions after a noun, fiscal years, caps, needs, owners
    " loan", "; ", " capped at ", "FY25", " extra", " US dollars", " Ukraine will need ",
    " grant Ukraine", ", that is ", "'s", " Ministry of Defence", " X.", " GNI",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_never_crashes_on_claim_like_fragments(text):
    assert isinstance(extract(text, None), list)


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_learned_path_never_crashes_on_claim_like_fragments(text):
    assert isinstance(extract(text, date(2025, 3, 1), learned=True), list)


@pytest.mark.parametrize("text", ["$" * 100_000, "9" * 1_000_000, "€1" * 50_000,
                                  "1." * 100_000, "1,000," * 50_000, "%" * 100_000,
                                  "U.S. " * 20_000, "more than " * 20_000])
def test_adversarial_runs_finish(text):
    assert isinstance(extract(text), list)


def test_binary_and_non_utf8_get_a_clear_error():
    with pytest.raises(NotTextError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "chart.png")
    with pytest.raises(NotTextError, match="not UTF-8"):
        decode("Défense 2 % du PIB".encode("latin-1"), "article.txt")
    assert decode("\ufeffPoland 4%".encode()) == "Poland 4%"


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_decode_either_returns_text_or_raises_not_text(data):
    try:
        assert isinstance(decode(data), str)
    except NotTextError:
        pass


# --- rules added for passage context, lists, follow-ups and target structures -------------
# Each sentence is from tests/data/claims_dev.jsonl (dev split), source URL above the test.


# https://particle.news/story/nato-says-all-allies-will-meet-2-defense-target-in-2025-as-push-toward-5-intensifies
def test_count_built_from_a_list_after_only():
    text = ("Only Poland (4.48%), Lithuania (4.00%) and Latvia (3.73%) currently exceed the 3.5% "
            "core benchmark set in June.")
    claims = extract(text, date(2025, 8, 29))
    [count] = _only(claims, "allies_meeting_target")
    assert (count.value, count.target_pct) == (3, 3.5)
    shares = _only(claims, "share_of_gdp")
    assert [(c.subject, c.value) for c in shares] == [("POL", 4.48), ("LTU", 4.0), ("LVA", 3.73)]


# https://magyarnemzet.hu/kulfold/2024/06/attores-a-nato-ban-jelentosen-megnottek-a-vedelmi-kiadasok
def test_follow_up_counts_carry_the_topic_forward():
    text = "In 2014 that number was just 3. In 2022 it was still just 7, and 11 last year in 2023."
    counts = _only(extract(text, date(2024, 6, 17)), "allies_meeting_target")
    assert [(c.year, c.value) for c in counts] == [(2014, 3), (2022, 7), (2023, 11)]


def test_that_number_is_now_the_next_count():
    # a senator's post in a White House release (round 42)
    text = ("In 2014, just three of NATO's member countries met the 2% of GDP defense spending "
            "commitment. Thanks to the leadership of @POTUS, that number is now 23.")
    counts = _only(extract(text, date(2025, 6, 26)), "allies_meeting_target")
    assert [(c.year, c.value) for c in counts] == [(2014, 3), (2025, 23)]


# https://darakchi.uz/en/201989
def test_shares_within_a_target_are_parts_of_it():
    text = ("Members of the North Atlantic Alliance agreed to increase military spending to 5 "
            "percent of GDP by 2035. This was stated in the declaration announced at the "
            "conclusion of the NATO summit held in The Hague.\nAccording to the decision, at least "
            "3.5 percent of the 5 percent will be directly allocated to defense, while the "
            "remaining 1.5 percent will be directed to infrastructure that can be used for "
            "military purposes.")
    claims = extract(text, date(2025, 6, 26))
    assert {c.type for c in claims} == {"target_commitment"}
    assert [(c.value, c.deadline, c.hedge) for c in claims] == [
        (5.0, 2035, None), (3.5, 2035, "at least"), (1.5, 2035, None)]


# https://www.politico.eu/article/germany-pledges-to-hit-3-5-percent-defense-spending-target-by-2029/
def test_share_restating_an_amount_is_spending_not_a_target():
    text = ("For 2025, Berlin has allocated €86 billion to defense, equal to 2.4 percent of gross "
            "domestic product, officials said. By 2029, annual defense expenditures are expected "
            "to reach €153 billion, or 3.5 percent of GDP.")
    shares = _only(extract(text, date(2025, 6, 23)), "share_of_gdp")
    assert [(c.subject, c.year, c.value) for c in shares] == [("DEU", 2025, 2.4),
                                                              ("DEU", 2029, 3.5)]


# https://helpnearby.co.uk/home/uk-to-raise-defence-spending-to-25-of-gdp-by-2027
def test_starting_point_is_todays_share_and_apposition_is_one_subject():
    text = ("Keir Starmer, the UK’s prime minister, announced a £6bn boost to Britain’s defence "
            "funded by aid cuts. In his announcement, he said military spending will be boosted "
            "to 2.5 per cent in 2027, up from 2.3 per cent of national income.")
    claims = extract(text, date(2025, 2, 25))
    [money] = _only(claims, "spending_amount")
    assert (money.subject, money.value, money.unit) == ("GBR", 6e9, "GBP")
    [target] = _only(claims, "target_commitment")
    assert (target.value, target.deadline) == (2.5, 2027)
    [share] = _only(claims, "share_of_gdp")
    assert (share.subject, share.value, share.year) == ("GBR", 2.3, 2025)


# https://helpnearby.co.uk/home/uk-to-raise-defence-spending-to-25-of-gdp-by-2027
def test_aid_budget_and_shares_of_gni_are_not_defence_figures():
    text = ("Starmer said the £6bn increase in military spending would be funded entirely by "
            "reducing the UK’s £15.3bn aid budget from 0.5 per cent of gross national income to "
            "0.3 per cent over the next two years.")
    [c] = extract(text, date(2025, 2, 25))
    assert (c.type, c.value) == ("spending_amount", 6e9)


# https://www.shephardmedia.com/news/defence-notes/uk-defence-budget-increased-to-25-by-2027-as-geopolitical-landscape-darkens/
def test_share_of_its_gdp_with_a_vague_deadline():
    text = ("Assuming no change to the party in government, that would commit the UK to spending "
            "3% of its GDP to defence spending within the space of a decade.")
    [c] = extract(text, date(2025, 2, 25))
    assert (c.type, c.subject, c.value) == ("target_commitment", "GBR", 3.0)


# https://darpanmagazine.com/news/national/trudeau-says-canada-expects-to-hit-nato-defence-spending-target-in-2032/?page=44
def test_bare_target_with_a_year_before_the_hague():
    text = ("Prime Minister Justin Trudeau says Canada expects to hit the NATO defence spending "
            "target in 2032.")
    [c] = extract(text, date(2024, 7, 11))
    assert (c.type, c.subject, c.value, c.deadline) == ("target_commitment", "CAN", 2.0, 2032)


# --- round 2 conventions, on dev-split sentences from claims_dev2.jsonl ------------------

def test_target_as_yardstick_is_not_a_claim():
    # https://staging.particle.news/story/sweden-announces-28-billion-defense-spending-increase-in-largest-buildup-since-cold-war
    text = ("- The country aims to raise defense spending to 3.5% of GDP by 2030, up from the "
            "current 2.4%, significantly exceeding NATO's 2% target.")
    claims = extract(text, date(2025, 3, 26))
    assert [(c.type, c.value) for c in claims] == [("target_commitment", 3.5),
                                                   ("share_of_gdp", 2.4)]
    # https://www.globalbankingandfinance.com/BELGIUM-DEFENSE-2e246bb8-156c-407f-898a-f9c8ce8a12e2
    text = ("Defence spending is currently around 1.3% of Belgian GDP, and has never reached the "
            "2% level before.")
    assert [c.value for c in extract(text, date(2025, 3, 4))] == [1.3]


def test_future_raise_is_a_target_and_a_forecast_is_a_level():
    # https://newswire.com.pk/?p=116105
    text = ("London: On 25 February 2025, the Prime Minister, Keir Starmer, announced that the UK "
            "would raise its defence spending to 2.6% of gross domestic product (GDP) in 2027.")
    [c] = extract(text, date(2025, 2, 26))
    assert (c.type, c.subject, c.value, c.deadline) == ("target_commitment", "GBR", 2.6, 2027)
    # https://www.gamereactor.eu/sweden-to-increase-defence-spending-to-35-of-gdp-by-2030-1520103/
    text = ("The latest news on Sweden. The country is preparing to significantly ramp up its "
            "defence spending, targeting "
            "3.5% of GDP by 2030, a sharp increase from the previously projected 2.4% for this "
            "year and 2.6% by 2028.")
    by_value = {c.value: c for c in extract(text, date(2025, 3, 26))}
    assert by_value[2.6].type == "share_of_gdp" and by_value[2.6].year == 2028
    assert by_value[3.5].type == "target_commitment" and by_value[3.5].deadline == 2030


def test_parts_of_a_target_are_targets():
    # http://www.localnewswave.com/article/984691183342415872
    text = ("NATO Secretary General Mark Rutte has said he would propose an overall investment "
            "plan that would total five per cent of GDP in defence spending — 3.5 per cent for "
            "core military spending and another 1.5 in defence-related investments.")
    claims = extract(text, date(2025, 6, 9))
    assert {(c.type, c.value) for c in claims} == {("target_commitment", 5.0),
                                                   ("target_commitment", 3.5)}


def test_deficit_share_and_budget_composition_are_not_defence_shares():
    # https://newsukraine.rbc.ua/news/poland-plans-record-military-budget-details-1756459897.html
    text = ("Polish Finance Minister Andrzej Domański added that the budget deficit in 2026 will "
            "amount to 271.7 billion zlotys (74.35 billion dollars), which is 6.5% of GDP.")
    assert extract(text, date(2025, 8, 29)) == []
    # https://en.defence-ua.com/analysis/italy_hits_natos_2_defense_goal_by_turning_15_of_gdp_into_2_on_paper-16104.html
    text = ("According to that report, Italy's budget composition is: 42.8% personnel costs, "
            "29.6% operations, 25.7% procurement and development, and only 1.9% for "
            "infrastructure.")
    assert extract(text, date(2025, 9, 2)) == []


def test_amounts_listed_respectively_and_drawdowns_are_aid():
    # https://www.ifw-kiel.de/publications/news/ukraine-support-tracker-new-aid-drops-to-lowest-level-since-january-2022/
    text = ("For example, Denmark, Germany, and Norway, have delivered EUR 1.2 billion, EUR 1 "
            "billion, and EUR 662 million of military assistance, respectively, in the past 3 "
            "months as part of their previously committed multi-year schemes.")
    claims = extract(text, date(2023, 12, 7))
    assert [(c.type, c.subject, c.value) for c in claims] == [
        ("aid_pledge", "DNK", 1.2e9), ("aid_pledge", "DEU", 1e9), ("aid_pledge", "NOR", 6.62e8)]
    # https://spokomptontimes.com/spokane-news/military/latest-security-assistance-for-ukraine-announced-white-house-directs-dod-to-allocate-remaining-appropriations
    text = ("The Department of Defense announced yesterday the 66th round of security assistance "
            "for Ukraine, which includes some $375 million in presidential drawdown authority of "
            "equipment from the existing U.S. military inventory.")
    [c] = extract(text, date(2024, 9, 27))
    assert (c.type, c.subject, c.value, c.hedge) == ("aid_pledge", "USA", 3.75e8, "about")


def test_amounts_paired_respectively_beside_another_amount_still_pair_off():
    # The run of amounts around the figure pairs off with the names, as the run of shares does;
    # a total outside the run ('out of the EUR 10 billion') no longer stops the pairing.
    text = ("Denmark, Germany and Norway have delivered EUR 1.2 billion, EUR 1 billion and EUR "
            "662 million in military aid to Ukraine, respectively, out of the EUR 10 billion "
            "pledged in total.")
    claims = [c for c in extract(text, date(2024, 5, 1)) if c.value < 5e9]
    assert [(c.type, c.subject, c.value) for c in claims] == [
        ("aid_pledge", "DNK", 1.2e9), ("aid_pledge", "DEU", 1e9), ("aid_pledge", "NOR", 6.62e8)]


def test_demand_is_not_a_count_and_two_thirds_is_about_21():
    # https://norway.news-pravda.com/en/world/2025/05/15/3684.html
    text = ("US President Donald Trump has repeatedly criticized Europe for its low contribution "
            "to NATO's defense capability and demanded that all member states raise defense "
            "spending to 5% of GDP from the current 2%.")
    claims = extract(text, date(2025, 5, 15))
    assert not [c for c in claims if c.type == "allies_meeting_target"]
    assert [c.value for c in claims if c.type == "target_commitment"] == [5.0]
    # https://247newsreel.com/?p=520617
    text = ("“This year, two-thirds of allies will reach the 2% target, compared to only three in "
            "2014,” the secretary general added to the press.")
    counts = extract(text, date(2024, 3, 15))
    assert [(c.value, c.hedge, c.year) for c in counts] == [(21, "about", 2024), (3, None, 2014)]


def test_number_words_with_a_half_and_ranges_of_percent():
    [q] = find_quantities("a new commitment of two and a half billion pounds")
    assert (q.kind, q.value, q.currency) == ("money", 2.5e9, "GBP")
    [q] = find_quantities("to between 5 and 6 percent of its national economic output")
    assert (q.kind, q.value, q.high_value, q.hedge) == ("percent", 5.0, 6.0, "range")
    [q] = find_quantities("an additional EURO 2 billion in military aid")
    assert (q.currency, q.value) == ("EUR", 2e9)


# --- round 3 classes: lists of allies, split targets, aid parts, current-year aims -----------

def test_list_of_allies_that_spend_gives_each_and_the_target_clause_is_natos():
    # https://censor.net/en/news/3495309/it_became_known_who_spends_more_on_defence
    text = ("Poland, Estonia, the United States, Latvia, and Greece will spend more than 3% of "
            "their GDP on defence in 2024, while the target spending rate is 2% of GDP.")
    claims = extract(text, date(2024, 6, 18))
    shares = [c for c in claims if c.type == "share_of_gdp"]
    assert sorted(c.subject for c in shares) == ["EST", "GRC", "LVA", "POL", "USA"]
    assert all((c.value, c.hedge, c.year) == (3.0, "more than", 2024) for c in shares)
    [target] = [c for c in claims if c.type == "target_commitment"]
    assert (target.subject, target.value) == ("NATO", 2.0)


def test_target_split_in_the_next_sentence_keeps_the_deadline():
    # https://techoutstanders.com/editors-choice/nato-hague-summit-2025-defence-spending-5-percent-gdp
    text = ("At the NATO summit in The Hague on June 24-25, leaders from all 32 member nations "
            "agreed to boost defence outlays to 5% of GDP by 2035, a rise from the previous 2% "
            "target set in 2014. The plan splits this into 3.5% for core military needs and 1.5% "
            "for security measures like cyber defence and critical infrastructure.")
    claims = extract(text, date(2025, 6, 25))
    assert [(c.type, c.subject, c.value, c.deadline) for c in claims] == [
        ("target_commitment", "NATO", 5.0, 2035),
        ("target_commitment", "NATO", 3.5, 2035),
        ("target_commitment", "NATO", 1.5, 2035)]


def test_parts_of_an_aid_package_are_aid_even_when_they_buy_defence():
    # https://thedailyguardian.com/uk-unveils-225-million-military-aid-for-ukraine-in-2025
    text = ("- £92 million for Ukraine’s navy, covering small boats, reconnaissance drones.\n"
            "- £68 million for air defense, including radars, decoy land equipment, and "
            "counter-drone electronic warfare systems.")
    claims = extract(text, date(2024, 12, 19))
    assert [(c.type, c.value) for c in claims] == [("aid_pledge", 92e6), ("aid_pledge", 68e6)]


def test_aim_for_the_current_year_is_that_years_level():
    # http://dailypost27.com/2025/04/spain-commits-105-billion-to-meet-nato-defence-spending-target-by-2025.html
    text = ("Spain has announced a €10.5 billion investment plan aimed at reaching NATO’s "
            "long-standing defence spending benchmark of 2% of GDP by 2025—four years ahead of "
            "its previous target.")
    [share] = [c for c in extract(text, date(2025, 4, 22)) if c.unit == "pct_gdp"]
    assert (share.type, share.subject, share.year, share.deadline) == (
        "share_of_gdp", "ESP", 2025, None)


def test_attributive_nato_is_not_the_spender_and_from_next_year_is_a_deadline():
    # https://www.devdiscourse.com/article/politics/2518900-latvias-defence-spend-could-reach-3-of-gdp-already-next-year-pm-says
    text = ("Latvia's spending on defence could reach 3% of GDP already next year, Prime "
            "Minister Krisjanis Karins said on Tuesday. \"We're planning on hitting 3% on "
            "spending on defence in 2027,\" Karins told reporters at a NATO summit in Vilnius.")
    level, plan = extract(text, date(2023, 7, 11))
    assert (level.type, level.subject, level.year) == ("share_of_gdp", "LVA", 2024)
    assert (plan.type, plan.subject, plan.deadline) == ("target_commitment", "LVA", 2027)
    # https://thedefensepost.com/2025/03/19/estonia-defense-spending/amp
    text = ("Announcing Estonia’s government decision to increase defense spending to “at least "
            "five percent of our GDP from next year,” Michal said.")
    [c] = extract(text, date(2025, 3, 19))
    assert (c.type, c.subject, c.value, c.deadline, c.hedge) == (
        "target_commitment", "EST", 5.0, 2026, "at least")


def test_fraction_of_the_alliance_with_a_hedge_and_gdp_effects():
    # https://www.dailymail.co.uk/wires/reuters/article-13526137/Two-thirds-NATO-allies-likely-meet-2-spending-target-2024-official-says.html
    text = ("\"I think we'll be able to say that at least two thirds of the alliance, maybe even "
            "more than two thirds of the alliance, are on track to meet the 2% ... investment "
            "budget target in 2024,\" the official said.")
    [c] = extract(text, date(2024, 6, 13))
    assert (c.type, c.value, c.hedge, c.year) == ("allies_meeting_target", 21, "at least", 2024)
    # https://www.eurasiareview.com/23042025-sanchez-spain-will-reach-2-defence-spending-four-years-early/
    text = ("Spain’s new security and defence plan is anticipated to create nearly 100,000 jobs "
            "in technological and military sectors, and increase GDP between 0.4% and 0.7%.")
    assert extract(text, date(2025, 4, 23)) == []


# --- money: what an amount is, from the sentence or the ones before -----------------------

def test_bare_amount_takes_the_aid_topic_of_earlier_sentences():
    text = ("Nordic countries pledged a joint package of US weapons for Ukraine on Tuesday. "
            "Norway said it would pay its part. Denmark is paying about $90 million.")
    [c] = extract(text, date(2025, 8, 6))
    assert (c.type, c.subject, c.value, c.unit, c.hedge) == (
        "aid_pledge", "DNK", 90e6, "USD", "about")


def test_handing_money_over_is_aid_when_nothing_else_says():
    [c] = extract("Sweden is contributing $275 million.", date(2025, 8, 6))
    assert (c.type, c.subject, c.value) == ("aid_pledge", "SWE", 275e6)


def test_security_agreement_is_not_defence_spending():
    text = ("As part of the security agreement signed by Zelensky and Kristersson, Sweden will "
            "provide about 6.5 billion euros over three years.")
    [c] = extract(text, date(2024, 5, 31))
    assert (c.type, c.subject, c.unit) == ("aid_pledge", "SWE", "EUR")


def test_spending_on_helping_ukraine_is_aid():
    [c] = extract("Britain will spend £3billion a year helping defend Ukraine for the next five "
                  "years, Keir Starmer has promised.", date(2025, 1, 16))
    assert (c.type, c.subject, c.value, c.unit) == ("aid_pledge", "GBR", 3e9, "GBP")


def test_more_than_a_lowercase_word_does_not_hide_a_budget_figure():
    [c] = extract("The German armed forces (Bundeswehr) need approximately 6.5 billion euros "
                  "($7.1 billion) more than earmarked for 2025, Pistorius said.", date(2024, 4, 4))
    assert (c.type, c.subject, c.value, c.unit) == ("spending_amount", "DEU", 6.5e9, "EUR")


def test_a_conversion_after_which_is_is_one_amount():
    claims = extract("Three Nordic countries will fund a package of US weapons for Ukraine. "
                     "Norway is giving around 1.5 billion Norwegian crowns, which is roughly "
                     "$146 million.", date(2025, 8, 6))
    assert [(c.type, c.value, c.unit) for c in claims] == [("aid_pledge", 1.5e9, "NOK")]


def test_investment_is_spending_only_beside_defence_or_its_target():
    [c] = [c for c in extract("Belgium will meet the 2% target this year with an extra "
                              "investment of €3.9 billion.", date(2025, 4, 1)) if c.unit == "EUR"]
    assert (c.type, c.subject, c.value) == ("spending_amount", "BEL", 3.9e9)
    budget = ("The draft budget for 2025 will be approved by the cabinet on Tuesday with record "
              "investments of €115.7 billion in 2025, up from €74.5 billion in 2024.")
    assert [c for c in extract(budget, date(2025, 6, 23)) if c.unit == "EUR"] == []


def test_a_count_takes_the_year_that_follows_its_target():
    text = ("European allies have been hiking military budgets, with 23 allies estimated to have "
            "reached or exceeded the target of spending 2% of GDP last year.")
    [c] = [c for c in extract(text, date(2025, 2, 11)) if c.type == "allies_meeting_target"]
    assert (c.value, c.year, c.year_inferred, c.target_pct) == (23, 2024, True, 2.0)


# Percent and count rules (session 2). Sentences from tests/data/claims_dev*.jsonl.
def _kinds(text, published, ctypes=("share_of_gdp", "target_commitment",
                                    "allies_meeting_target")):
    return [(c.type, c.subject, c.value) for c in extract(text, published) if c.type in ctypes]


def test_a_share_with_nobody_named_is_kept_without_a_subject():
    text = ("“We will deliver our commitment to spend 2.5 per cent of GDP on defence, but we will "
            "bring it forward so that we reach that level in 2027.")
    assert _kinds(text, date(2025, 2, 25)) == [("target_commitment", None, 2.5)]


def test_a_later_year_is_a_target_after_an_aim_and_a_level_after_will_reach():
    assert _kinds("Latvia is also aiming for 4% of GDP on defence next year.",
                  date(2025, 2, 20)) == [("target_commitment", "LVA", 4.0)]
    assert _kinds("Starmer: UK will reach 4.1% of GDP on defence and security in 2027",
                  date(2025, 6, 25)) == [("share_of_gdp", "GBR", 4.1)]
    text = "Estonia’s long-term plan foresees lower defence spending at 3.13% of GDP in 2025."
    assert _kinds(text, date(2024, 7, 1)) == [("share_of_gdp", "EST", 3.13)]


def test_over_the_next_ten_years_is_a_deadline():
    [c] = extract("However, the UK plan requires a rise in spending to 3% over the next ten years.",
                  date(2025, 6, 2))
    assert (c.type, c.value, c.deadline) == ("target_commitment", 3.0, 2035)


def test_a_share_of_another_budget_is_not_of_gdp():
    text = ("The UK defence increase will cost between £5bn and £6bn a year — equivalent to about "
            "10 per cent of the core schools budget in England.")
    assert _kinds(text, date(2025, 2, 25)) == []


def test_the_total_of_the_parts_just_set_is_the_target():
    text = ("As well as an increase in pure defence spending of 3.5% by 2035, the PM is also said "
            "to be likely forced to commit a further 1.5% of GDP to defence-related areas such as "
            "spy agencies and infrastructure.\n\nIt would mean the total broader defence spending "
            "pot would be 5%.")
    claims = extract("The UK will be forced to hike defence spending. " + text, date(2025, 6, 3))
    [c] = [c for c in claims if c.value == 5.0]
    assert (c.type, c.deadline) == ("target_commitment", 2035)


def test_a_question_about_a_share_is_no_claim():
    text = ("When asked if Estonia's defence spending would be above or below 4.5% of GDP, he "
            "declined.")
    assert _kinds(text, date(2025, 2, 20)) == []


def test_said_that_before_the_figure_is_no_poll():
    text = ("Furthermore, Domański said that the new budget would raise Poland’s defence spending "
            "to 4.8% of GDP, moving it closer to the 5% target set at the NATO summit in June.")
    assert [(c.type, c.value) for c in extract(text, date(2025, 8, 29))] == [
        ("share_of_gdp", 4.8), ("target_commitment", 5.0)]


def test_count_verbs_pass_and_clear_and_a_subset_is_no_count():
    text = ("According to defence expenditure as a share of GDP percentage, three countries out of "
            "31 passed the 2.0 threshold in 2014. While the threat of war is imminent, 23 "
            "countries, including the previous three countries, reached that goal.")
    counts = [(c.value, c.total, c.year) for c in extract(text, date(2024, 6, 18))
              if c.type == "allies_meeting_target"]
    assert counts == [(3, 31, 2014), (23, None, 2024)]
    text = ("- Only Poland (4.48%), Lithuania (4.0%) and Latvia (3.73%) currently clear the "
            "alliance’s new 3.5% core defense threshold.")
    assert ("allies_meeting_target", "NATO", 3) in _kinds(text, date(2025, 8, 28))
    assert ("share_of_gdp", "NATO", 3.5) not in _kinds(text, date(2025, 8, 28))


def test_a_miss_in_another_clause_does_not_cancel_a_count():
    text = ("According to the data, 22 of the alliance's 32 members met or exceeded the 2% "
            "benchmark, with nine falling short of the goal.")
    assert _kinds(text, date(2025, 6, 25)) == [("allies_meeting_target", "NATO", 22)]


def test_its_32_members_is_the_whole_alliance():
    text = ("NATO released figures showing that its 32 members are on track to meet a defense "
            "spending goal of 2% GDP for the first time by year-end, with only three nations "
            "meeting the new 3.5% GDP target agreed upon in June.")
    counts = [(c.value, c.total) for c in extract(text, date(2025, 8, 28))
              if c.type == "allies_meeting_target"]
    assert counts == [(32, 32), (3, None)]
    text = ("At the NATO summit held in June, the 32 allies committed to spending 3.5% of GDP on "
            "traditional military expenses.")
    assert _kinds(text, date(2025, 8, 28)) == [("target_commitment", "NATO", 3.5)]


def test_all_members_then_only_three():
    text = ("BRUSSELS — All North Atlantic Treaty Organisation (Nato) members will hit a "
            "longstanding target of spending two per cent of GDP on defence this year but only "
            "three currently reach a new, higher goal set by alliance leaders in June.")
    assert [c.value for c in extract(text, date(2025, 8, 28))
            if c.type == "allies_meeting_target"] == [32, 3]


def test_no_member_has_reached_is_a_count_of_zero():
    text = ("With a current defense budget projected to reach 2.5% of GDP, Romanian officials "
            "will deliberate potential hikes amid suggestions from U.S. President Donald Trump "
            "pushing for a 5% target. However, no NATO country has achieved this figure.")
    claims = extract(text, date(2025, 2, 28))
    assert [(c.type, c.value) for c in claims if c.type != "share_of_gdp"] == [
        ("target_commitment", 5.0), ("allies_meeting_target", 0)]


def test_these_are_the_only_members_counts_the_list_before():
    text = ("Poland remains the NATO country with the highest percentage of GDP allocated to "
            "defense — 4.48%, followed by Lithuania (4%) and Latvia (3.73%).\n\nThese are the "
            "only alliance members that currently surpass the new NATO target of 3.5%, agreed "
            "upon at the June Hague summit.")
    claims = extract(text, date(2025, 8, 28))
    assert [(c.type, c.value) for c in claims if c.type != "share_of_gdp"] == [
        ("allies_meeting_target", 3)]


def test_a_count_can_refer_to_the_target_of_the_sentence_before():
    text = ("Meanwhile, NATO data for 2025 shows that over ten of its 32 members still do not meet "
            "the agreed defense expenditure target of 2% of GDP set in 2014.\n\nOnly seven "
            "countries have achieved this, while others are still below the mark.")
    assert _kinds(text, date(2025, 8, 28)) == [("allies_meeting_target", "NATO", 7)]


def test_one_of_the_countries_and_a_far_verb_are_no_counts():
    text = ("The document states that all member countries will submit annual plans "
            "demonstrating “a credible, incremental path to reach this goal,” with a review "
            "scheduled for 2029.")
    assert _kinds(text, date(2025, 6, 25)) == []
    text = ("At least two thirds of the 32 NATO allies are likely to meet the alliance's 2% "
            "military spending target this year.")
    assert [c.value for c in extract(text, date(2024, 6, 13))] == [21]


def test_sentences_about_the_target_itself():
    cases = [
        ("The new target replaces the alliance's former military spending goal of 2 percent "
         "that was first set back in 2014.", 2.0),
        ("- Allies agreed in June at The Hague to aim for 3.5% of GDP on core defense by 2035 "
         "within a broader 5% target that also covers infrastructure and cyber.", 5.0),
        ("The transatlantic alliance’s current minimum level for defense spending is two "
         "percent but some members already spend more.", 2.0),
        ("Poland will increase its defence spending next year to 4.8 percent of GDP -- near the "
         "five percent being demanded of NATO members by US President Donald Trump.", 5.0),
        ("At the NATO summit in Vilnius in 2023, member states agreed to spend at least 2% of "
         "their GDP on defense.", 2.0),
    ]
    for text, value in cases:
        assert ("target_commitment", "NATO", value) in _kinds(text, date(2025, 8, 28)), text
    [c] = extract("Estonia's defence budget is growing. The target for 2026 was originally 3.7% "
                  "of GDP but he said it was “clear” it needed to be higher.", date(2025, 2, 20))
    assert (c.type, c.value, c.deadline) == ("target_commitment", 3.7, 2026)
    text = ("We know our adversary, and I fully agree — 5% should be our target, Estonia's "
            "defence minister wrote.")
    assert _kinds(text, date(2025, 4, 24)) == [("target_commitment", "EST", 5.0)]


def test_yardsticks_are_not_levels():
    cases = [
        "The announcement come as the US has asked to move the goalpost from 2% to 5% and "
        "negotiations are ongoing between the 32 allies.",
        "The spending surge follows sustained pressure from U.S. President Donald Trump, with "
        "more than 10 allies missing 2% as recently as last year.",
        "European countries have accelerated their defence spending as many capitals have not "
        "yet met NATO's 2%-of-GDP financing commitment.",
        "These values represent an increase of nearly $6 billion and surpass the goal of two per "
        "cent of the GDP for each country.",
    ]
    for text in cases:
        assert [c for c in _kinds(text, date(2024, 6, 18)) if c[0] == "share_of_gdp"] == [], text
    text = ("NATO agreed to boost members’ total defense spending target from 2% to 5% of gross "
            "domestic product by 2035.")
    assert _kinds(text, date(2025, 6, 25)) == [("target_commitment", "NATO", 5.0)]


def test_a_level_next_to_a_target_and_the_nato_average():
    text = ("Turkiye is just above NATO’s 2 per cent target at 2.09 per cent and just below the "
            "NATO average of 2.11 per cent.")
    assert ("share_of_gdp", "NATO", 2.11) in _kinds(text, date(2024, 6, 18))
    assert ("share_of_gdp", "TUR", 2.0) not in _kinds(text, date(2024, 6, 18))


def test_aid_as_a_share_of_gdp_is_not_defence_spending():
    text = ("Starmer outlined that the rise will be funded by reducing overseas development aid "
            "from 0.5 to 0.3 percent of GDP, a shift toward military modernization.")
    assert _kinds(text, date(2025, 2, 25)) == []
    text = ("He specified that Norway intends to allocate 3.5% of GDP to standard defence needs, "
            "including support for Ukraine.")
    assert _kinds(text, date(2025, 6, 20)) == [("target_commitment", "NOR", 3.5)]


def test_a_dated_starting_point_is_that_years_level():
    text = ("In 2025 Poland expects to spend 4.7% of its GDP on defence, more than any other NATO "
            "member and up from 2.2% in 2022.")
    [c] = [c for c in extract(text, date(2025, 7, 25)) if c.value == 2.2]
    assert (c.type, c.subject, c.year) == ("share_of_gdp", "POL", 2022)


def test_a_hague_part_allocated_to_an_area_is_a_target():
    text = ("- NATO countries agreed to raise defence spending to 5% of GDP by 2035, with 3.5% "
            "allocated to core military needs and 1.5% to security-related investments.")
    assert [(c.type, c.value) for c in extract(text, date(2025, 6, 23))] == [
        ("target_commitment", 5.0), ("target_commitment", 3.5), ("target_commitment", 1.5)]


def test_a_likely_achievement_by_a_year_is_that_years_level():
    text = ("This strategic categorization is likely to help Germany achieve NATO’s 2% defence "
            "spending target by 2024.")
    [c] = extract(text, date(2023, 11, 13))
    assert (c.type, c.subject, c.year) == ("share_of_gdp", "DEU", 2024)


def test_a_count_reaching_the_target_by_a_year_is_no_national_target():
    text = ("Jens Stoltenberg stated, in connection with a meeting with the USA's President Joe "
            "Biden, that a total of 23 countries are expected to reach the target by 2024.")
    assert _kinds(text, date(2024, 6, 18)) == [("allies_meeting_target", "NATO", 23)]


def test_money_cues_army_cost_of_a_share_and_world_totals():
    [c] = extract("In total, 413 billion euros will be devoted to the army from 2024 to 2030.",
                  date(2023, 7, 14))
    assert (c.type, c.value, c.unit) == ("spending_amount", 413e9, "EUR")
    [c] = [c for c in extract("The structural funding of that 2 per cent, amounting to 12.8 "
                              "billion euros, has yet to be secured in Belgium.",
                              date(2025, 2, 1)) if c.unit == "EUR"]
    assert (c.type, c.subject, c.value) == ("spending_amount", "BEL", 12.8e9)
    assert extract("Global military spending rose to $2.7 trillion last year, the Stockholm "
                   "International Peace Research Institute said.", date(2025, 4, 28)) == []


def test_a_conversion_into_a_currency_the_parser_does_not_know_is_one_amount():
    claims = extract("NATO expects Bulgaria to spend 1.885 billion dollars, or 3.413 billion "
                     "leva, for defense this year.", date(2023, 7, 7))
    assert [(c.type, c.subject, c.value, c.unit) for c in claims] == [
        ("spending_amount", "BGR", 1.885e9, "USD")]


# --- round 4 (percent and count rules) -----------------------------------------------------

def _typed(text, published=date(2024, 6, 18)):
    return [(c.type, c.subject, c.value) for c in extract(text, published)]


def test_one_of_n_allies_is_a_count_and_the_named_allys_level():
    claims = extract("Romania is one of the 23 allies that will spend at least 2% of GDP on "
                     "defence this year.", date(2024, 6, 18))
    assert [(c.type, c.subject, c.value, c.hedge) for c in claims] == [
        ("allies_meeting_target", "NATO", 23, None), ("share_of_gdp", "ROU", 2.0, "at least")]
    assert ("allies_meeting_target", "NATO", 23) in _typed(
        "Slovakia, one of 23 countries that has met the 2% GDP target, says further rises need "
        "broad support.")


def test_a_count_out_of_a_total_in_words_or_after_a_possessive():
    [c] = extract("By the end of 2023, only eleven of the thirty-one members had kept their "
                  "promise.", date(2024, 2, 15))
    assert (c.type, c.value, c.total, c.year) == ("allies_meeting_target", 11, 31, 2023)
    [c] = extract("Currently, only nine of the Western military alliance’s 30 members meet or "
                  "surpass the 2% goal.", date(2023, 1, 4))
    assert (c.type, c.value, c.total) == ("allies_meeting_target", 9, 30)


def test_the_alliances_size_and_a_change_in_the_count_are_not_counts():
    assert _typed("Hungary ranked first among the alliance’s 31 member states, spending 48 "
                  "percent of its budget on equipment.") == []
    assert _typed("23 out of 32 allies will meet the 2 percent minimum, an increase of 13 "
                  "countries compared to the previous year.") == [
        ("allies_meeting_target", "NATO", 23)]


def test_allies_required_to_spend_are_not_a_count():
    assert _typed("NATO requires all member states to spend at least 2% of their gross "
                  "domestic product on defence.") == [("target_commitment", "NATO", 2.0)]
    assert _typed("Since 2014, NATO has set a target for all member countries to allocate at "
                  "least 2 percent of their GDP annually to defence.") == [
        ("target_commitment", "NATO", 2.0)]


def test_that_number_had_risen_to_is_a_second_count():
    assert _typed("In February, 18 alliance countries were allocating at least 2 percent of GDP "
                  "to defence, and by June that number had risen to 23.") == [
        ("allies_meeting_target", "NATO", 18), ("allies_meeting_target", "NATO", 23)]


def test_only_n_meeting_without_a_noun_is_a_count():
    assert _typed("In 2022 most members were still short of the pledge, with only seven meeting "
                  "the alliance's 2% target.") == [("allies_meeting_target", "NATO", 7)]


def test_no_country_currently_reaches_is_a_zero_count():
    assert ("allies_meeting_target", "NATO", 0) in _typed(
        "Trump wants allies to spend 5% of GDP, a level that no NATO country, including the "
        "United States, currently reaches.", date(2025, 2, 7))


def test_every_nato_member_allocating_is_a_count_of_all():
    assert _typed("It is a milestone: every NATO member is due to allocate at least 2% of GDP "
                  "to defence this year.", date(2025, 8, 28)) == [
        ("allies_meeting_target", "NATO", 32)]


def test_the_alliance_at_a_round_figure_is_its_target():
    for text in ("The 2 percent defence investment guideline was established in 2014 by NATO "
                 "heads of state.",
                 "The requirement for NATO allies to spend at least 2 percent of GDP on defence "
                 "has been in place since 2014.",
                 "NATO has said that 3.5% of GDP was needed to meet these targets."):
        [c] = extract(text, date(2024, 6, 18))
        assert (c.type, c.subject, c.year, c.deadline) == ("target_commitment", "NATO", None,
                                                           None), text


def test_the_alliance_as_recipient_or_apposition_is_not_the_subject():
    [c] = extract("For the first time, Germany has submitted to NATO spending plans that exceed "
                  "2 percent of its GDP.", date(2024, 3, 11))
    assert (c.type, c.subject, c.hedge) == ("share_of_gdp", "DEU", "more than")
    [c] = extract("Croatia, another NATO member, has kept its defence spending at about 1.5 "
                  "percent of its GDP.", date(2024, 3, 25))
    assert (c.type, c.subject) == ("share_of_gdp", "HRV")


def test_a_list_that_also_spends_above_a_share_gives_each_ally():
    assert _typed("Estonia, Norway and Denmark also spend above 3% of GDP on defence.") == [
        ("share_of_gdp", "EST", 3.0), ("share_of_gdp", "NOR", 3.0), ("share_of_gdp", "DNK", 3.0)]


# --- number forms met in round 4 -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Share of GDP 1,67% in 2024", [("percent", 1.67, None), ("number", 2024.0, None)]),
    ("1,050 soldiers", [("number", 1050.0, None)]),
    ("allocated a billion euros to Ukraine", [("money", 1e9, "EUR")]),
    ("a new package of nearly half a billion euros", [("money", 5e8, "EUR")]),
    ("the 2-per-cent target", [("percent", 2.0, None)]),
    ("130 billion koruny ($5.9 billion) for defence", [("money", 130e9, "CZK")]),
    ("3.413 billion leva", [("money", 3.413e9, "BGN")]),
    ("allocating 4.5 and 4 per cent of GDP", [("percent", 4.5, None), ("percent", 4.0, None)]),
    ("from 1.3 to 2 per cent", [("percent", 1.3, None), ("percent", 2.0, None)]),
    ("It rose from 17 to 23 allies", [("number", 17.0, None), ("number", 23.0, None)]),
])
def test_number_forms(text, expected):
    assert [(q.kind, q.value, q.currency) for q in find_quantities(text)] == expected


def test_word_ranges_are_ranges_and_from_to_is_not():
    [q] = find_quantities("five to six percent")
    assert (q.kind, q.value, q.high_value, q.hedge) == ("percent", 5.0, 6.0, "range")
    assert [q.hedge for q in find_quantities("from 2% to 5%")] == [None, None]


def test_places_and_institutions_are_not_subjects():
    from natospend.claims.subjects import find_mentions

    def codes(t: str) -> list[str]:
        return [m.code for m in find_mentions(t)]

    assert codes("the Stockholm International Peace Research Institute said") == []
    assert codes("at the NATO summit in Lithuania, Poland said") == ["NATO", "POL"]
    assert codes("Riga is also aiming for 4%") == ["LVA"]
    assert codes("All three Baltic States have pledged") == ["BALTICS"]


def test_word_hints_never_skip_a_sentence_a_pattern_matches():
    """The hints that let extraction skip regex scans must be sound: wherever a hinted pattern
    matches a sentence of the labelled rounds, the hint lets it through."""
    import json

    from natospend.claims.hints import HINTS
    from natospend.claims.sentence import Sent

    data = Path(__file__).resolve().parent / "data"
    checked = 0
    for path in sorted(data.glob("claims_dev*.jsonl")):
        if path.name.startswith(BLIND_ROUND_FILES):
            continue  # the blind round (bench/claims_quality.py): never read while tuning
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            for sent in split_sentences(json.loads(line)["text"]):
                s = Sent(sent, [], [], [])
                for pattern in HINTS:
                    if pattern.search(sent.text):
                        checked += 1
                        # Where, not what: the blind round's text must not be shown to whoever
                        # is tuning the rules.
                        assert s.may_match(pattern), (pattern.pattern[:60], path.name, n)
    assert checked > 1000


# --- round 5 (session 2): rules from the round-5 errors ----------------------------------

def test_ranking_with_implied_percent_gives_each_country_its_share():
    text = ("The champion in this classification is Poland with 4.12 percent of GDP, ahead of "
            "Estonia with 3.43, the United States with 3.38 and Latvia with 3.15 percent.")
    shares = {(c.subject, c.value) for c in _only(extract(text, date(2024, 6, 18)),
                                                   "share_of_gdp")}
    assert {("POL", 4.12), ("EST", 3.43), ("USA", 3.38), ("LVA", 3.15)} <= shares


def test_ranking_with_decimal_commas_and_each():
    text = ("Below the threshold are still Croatia with 1,81 percent, Portugal with 1,55, "
            "Luxembourg and Slovenia with 1,29 each and in the last place is Spain with 1,28 "
            "percent of GDP allocated to defense spending.")
    shares = {(c.subject, c.value) for c in _only(extract(text, date(2024, 6, 18)),
                                                   "share_of_gdp")}
    assert {("HRV", 1.81), ("PRT", 1.55), ("LUX", 1.29), ("SVN", 1.29), ("ESP", 1.28)} <= shares


def test_decimal_comma_after_with_keeps_thousands():
    assert [q.value for q in find_quantities("the Czech Republic with 2 ,10, Turkey")] == [2.1]
    assert [q.value for q in find_quantities("a unit with 1,050 soldiers")] == [1050.0]
    assert [q.value for q in find_quantities("Portugal (1,55) and Italy")] == [1.55]


def test_a_bare_number_after_a_name_outside_a_ranking_is_not_a_share():
    text = "Poland with 3.5 times more tanks than Germany is the leader, officials said."
    assert not [c for c in extract(text, date(2024, 6, 18)) if c.type == "share_of_gdp"]


def test_alliance_round_share_is_its_target():
    text = ("There will be annual reviews, says Rutte in The Hague. The 5 percent is divided "
            "into 3.5 percent in traditional military spending and 1.5 percent in investments "
            "that can be of military benefit, such as bridges.")
    claims = extract(text, date(2025, 6, 23))
    assert not [c for c in claims if c.type == "share_of_gdp"]
    assert {c.value for c in _only(claims, "target_commitment")} == {5.0, 3.5, 1.5}


def test_alliance_round_figure_moved_from_is_a_yardstick():
    text = ("In June 2025, NATO allies agreed to raise defense spending targets from 2 percent "
            "of gross domestic product (GDP) to 5 percent by 2035.")
    claims = extract(text, date(2026, 2, 26))
    assert [c.value for c in claims] == [5.0]
    assert claims[0].type == "target_commitment"


def test_what_is_spent_now_is_a_level_despite_target_words():
    text = ("While Spain claims it can manage its commitments without reaching this financial "
            "benchmark, Greece is already spending around 3% of its GDP on defence.")
    [c] = extract(text, date(2025, 6, 25))
    assert (c.type, c.subject, c.value, c.hedge, c.year) == ("share_of_gdp", "GRC", 3.0,
                                                              "about", 2025)
    text = ("Hungary is a reliable ally, fulfilling its commitments, spending more than 2% of "
            "gross domestic product (GDP) on defense.")
    [c] = extract(text, date(2024, 12, 4))
    assert (c.type, c.subject, c.hedge) == ("share_of_gdp", "HUN", "more than")


def test_current_fiscal_year_aim_is_a_level():
    text = ("Canada will achieve NATO’s two percent of GDP target this fiscal year, half a "
            "decade ahead of schedule, said Carney.")
    [c] = extract(text, date(2025, 6, 10))
    assert (c.type, c.subject, c.value, c.year) == ("share_of_gdp", "CAN", 2.0, 2025)


def test_from_level_to_level_gives_both_levels():
    text = ("In the last decade, Albania has increased defence spending from 1.35% to 1.76% of "
            "our GDP.")
    claims = _only(extract(text, date(2023, 7, 10)), "share_of_gdp")
    assert [(c.subject, c.value) for c in claims] == [("ALB", 1.35), ("ALB", 1.76)]
    assert claims[0].year is None


def test_a_level_with_two_decimals_is_not_a_count_target():
    text = "Poland tops the list of 32 Nato nations, spending 4.48% of GDP on defence."
    claims = extract(text, date(2025, 8, 28))
    assert not [c for c in claims if c.type == "allies_meeting_target"]
    assert [(c.type, c.value) for c in claims] == [("share_of_gdp", 4.48)]


def test_counts_all_nato_member_states_and_the_only_member():
    text = ("All 32 NATO member states are on track to meet the alliance's 2% GDP defense "
            "spending benchmark in 2025, Rutte said.")
    [c] = _only(extract(text, date(2025, 6, 17)), "allies_meeting_target")
    assert (c.value, c.total) == (32, 32)
    text = ("Currently, Poland is the only NATO member spending more than 3.5% of its GDP on "
            "defence.")
    claims = extract(text, date(2025, 6, 17))
    [count] = _only(claims, "allies_meeting_target")
    assert (count.value, count.target_pct) == (1, 3.5)
    [share] = _only(claims, "share_of_gdp")
    assert (share.subject, share.hedge) == ("POL", "more than")


def test_counts_of_total_and_the_three_named():
    text = "Of NATO’s 32 members, 18 spent at least 2% of GDP on their armed forces."
    [c] = _only(extract(text, date(2025, 4, 28)), "allies_meeting_target")
    assert (c.value, c.total, c.target_pct) == (18, 32, 2.0)
    text = "The three countries are already meeting the new higher goal of 3.5%."
    [c] = _only(extract(text, date(2025, 8, 28)), "allies_meeting_target")
    assert (c.value, c.target_pct) == (3, 3.5)


def test_all_members_agreeing_on_a_goal_is_not_a_count():
    text = ("Rubio said that all NATO members will have agreed on a goal of spending the "
            "equivalent of 5% of GDP on defence over the next decade.")
    claims = extract(text, date(2025, 5, 16))
    assert not [c for c in claims if c.type == "allies_meeting_target"]
    assert [(c.type, c.subject, c.value) for c in claims] == [("target_commitment", "NATO", 5.0)]


def test_deadline_within_the_next_one_to_two_years():
    text = ("Romania is set to escalate its defense budget to 3% of the Gross Domestic Product "
            "(GDP) within the next one to two years.")
    [c] = extract(text, date(2025, 2, 28))
    assert (c.type, c.subject, c.deadline) == ("target_commitment", "ROU", 2027)


def test_the_month_may_is_not_a_modal():
    text = ("Vijesti announced at the end of May that Montenegro should increase defense spending "
            "to three percent of gross domestic product (GDP) in 2026.")
    [c] = extract(text, date(2025, 6, 10))
    assert (c.type, c.value, c.deadline) == ("target_commitment", 3.0, 2026)


def test_shares_of_gdp_for_other_sectors_are_not_defence():
    text = ("A 5% increase in the defense budget would leave behind many sectors. In 2025, a "
            "budget of 2.36% of GDP has been dedicated to education, 2.78% to health, while "
            "budgetary spending on the pension scheme is 7.4% of GDP.")
    assert not [c for c in extract(text, date(2025, 6, 26)) if c.type == "share_of_gdp"]


def test_projected_target_with_deadline_is_a_target():
    text = ("He believes that this goal may even be achieved earlier, since the projected target "
            "of 2% by 2027 has already been reached this year, Croatia's minister said.")
    [c] = extract(text, date(2025, 5, 16))
    assert (c.type, c.value, c.deadline) == ("target_commitment", 2.0, 2027)


def test_headline_raise_in_present_tense_is_a_target():
    [c] = extract("Croatia boosts defence fund to 3% of GDP amid regional tensions",
                  date(2025, 4, 8))
    assert (c.type, c.subject, c.value) == ("target_commitment", "HRV", 3.0)


# --- round 6 (session 2) ---------------------------------------------------------------------

def test_count_with_named_list_gives_each_ally_the_target_as_level():
    text = ("Last year, only seven NATO countries met the 2% target, including Poland, Greece, "
            "the US, Estonia and Latvia.")
    claims = extract(text, date(2023, 7, 11))
    shares = _only(claims, "share_of_gdp")
    assert sorted(c.subject for c in shares) == ["EST", "GRC", "LVA", "POL", "USA"]
    assert {(c.value, c.year, c.hedge) for c in shares} == {(2.0, 2022, None)}
    [count] = _only(claims, "allies_meeting_target")
    assert count.value == 7


def test_count_with_named_list_above_a_target_is_more_than():
    text = ("As of now, only four countries, including Poland, Lithuania and Latvia, exceed 3% "
            "of GDP in military spending.")
    shares = _only(extract(text, date(2025, 5, 27)), "share_of_gdp")
    assert sorted(c.subject for c in shares) == ["LTU", "LVA", "POL"]
    assert {(c.value, c.hedge) for c in shares} == {(3.0, "more than")}


def test_figure_followed_by_a_dashed_list_is_each_allys_level():
    text = ("This time, six countries sit at exactly 2% of GDP — Portugal, Belgium, Spain and "
            "Luxembourg. Two more countries edged ahead with 2.03% — Slovenia and Montenegro.")
    shares = _only(extract(text, date(2025, 8, 29)), "share_of_gdp")
    assert sorted((c.value, c.subject) for c in shares) == [
        (2.0, "BEL"), (2.0, "ESP"), (2.0, "LUX"), (2.0, "PRT"), (2.03, "MNE"), (2.03, "SVN")]


def test_such_as_list_before_a_level_is_each_allys_level():
    text = ("Several eastern allies, such as Poland, Latvia and Lithuania, have already raised "
            "defence spending to four percent of GDP.")
    shares = _only(extract(text, date(2025, 6, 23)), "share_of_gdp")
    assert sorted(c.subject for c in shares) == ["LTU", "LVA", "POL"]


def test_comma_decimal_before_a_scale_word():
    [q] = find_quantities("Of the total, $48,7 billion comes from the state budget.")
    assert (q.value, q.currency) == (48.7e9, "USD")


def test_thousands_of_billions_of_euros_are_a_decimal_comma():
    text = "Defence expenditure in 2021 was 5,412 billion euros, and in 2022 6,118 billion."
    claims = _only(extract(text, date(2023, 3, 1)), "spending_amount")
    assert [c.value for c in claims] == [5.412e9, 6.118e9]
    [q] = [q for q in find_quantities("spending of HUF 1,753 billion") if q.kind == "money"]
    assert q.value == 1.753e12  # forints: thousands of billions are real


def test_the_price_of_a_thing_is_not_a_budget():
    text = ("The army's old barracks near Durrës will become a training complex worth nearly "
            "12 million euros, and a new firing range, valued at over 3 million euros, is "
            "planned as part of the defence investment programme.")
    assert not [c for c in extract(text, date(2024, 1, 5)) if c.type == "spending_amount"]
    text = "Sweden has approved defence projects worth a total of SEK 20 billion."
    [c] = _only(extract(text, date(2025, 3, 1)), "spending_amount")
    assert c.value == 20e9


def test_gdp_estimate_in_money_is_not_defence_spending():
    text = ("GDP for 2027 is estimated at around 9,4 billion euros, which means that defense "
            "spending would amount to around 280 million euros.")
    [c] = _only(extract(text, date(2025, 5, 1)), "spending_amount")
    assert c.value == 280e6


def test_financial_times_crowns():
    [c] = extract("Norway will give NKr12bn in military aid to Ukraine this year.",
                  date(2025, 3, 1))
    assert (c.type, c.subject, c.value, c.unit) == ("aid_pledge", "NOR", 12e9, "NOK")


def test_support_programme_total_is_aid():
    text = "The new agreement raises the total support for 2024 to 2027 to DKK 48.2 billion."
    [c] = extract(text, date(2024, 2, 1))
    assert (c.type, c.value, c.unit) == ("aid_pledge", 48.2e9, "DKK")


def test_the_country_depended_on_is_not_who_spends():
    text = ("Prime Minister Mark Carney said Canada is too dependent on the United States and "
            "announced $9-billion more for national defence this fiscal year.")
    [c] = _only(extract(text, date(2025, 6, 9)), "spending_amount")
    assert (c.subject, c.unit) == ("CAN", "CAD")


def test_target_made_or_judged_is_the_target_itself():
    # A verb that makes or judges the target, or a predicate about it, makes the sentence about
    # the target itself, not a yardstick (labelling conventions, rounds 2, 5 and 6).
    for text in ("Analysts believe NATO is unlikely to adopt Trump's 5% target, citing costs.",
                 "NATO members have set a defence spending target of at least 2% of GDP.",
                 "Speaking in The Hague, Orban said the 5 percent target is reachable.",
                 "Some allies are in favor of turning the current two percent target into a "
                 "minimum, he said.",
                 "Trump urged NATO members to meet the proposed 5% defense spending goal."):
        [c] = _only(extract(text, date(2025, 1, 24)), "target_commitment")
        assert (c.subject, c.deadline) == ("NATO", None), text
    # a time clause only dates something else by the target
    text = ("European allies and Canada will have added more than $600 billion to their "
            "defence spending since they set the two-percent target a decade ago, he said.")
    assert not [c for c in extract(text, date(2024, 2, 15)) if c.type == "target_commitment"]


def test_allies_that_commit_or_decide_are_not_a_count():
    for text in ("11 allies made an enduring commitment to invest at least 2% of gross domestic "
                 "product annually on defense.",
                 "The key decision was the agreement among the 32 allies to raise the defence "
                 "spending target to 5% of GDP by 2035."):
        assert not [c for c in extract(text, date(2023, 7, 11))
                    if c.type == "allies_meeting_target"], text


def test_allies_that_had_not_reached_are_not_a_count():
    text = ("Rutte said that all members would meet the goal of allocating two percent of GDP "
            "this year, although \"seven or eight allies\" had not reached that level.")
    counts = [c for c in extract(text, date(2025, 6, 23)) if c.type == "allies_meeting_target"]
    assert [c.value for c in counts] == [32.0]


def test_named_ally_plus_counted_ones():
    text = ("Greece and the above 6 countries have achieved the NATO guideline of 2 percent of "
            "GDP on defense.")
    [c] = _only(extract(text, date(2023, 3, 22)), "allies_meeting_target")
    assert c.value == 7


def test_amount_in_brackets_after_names_is_theirs():
    # Anadolu on the EU's SAFE loans (round 7b): each name owns the bracketed amount after it.
    text = ("The European Commission announced the preliminary allocation of a €150 billion "
            "($175.6 billion) defense fund. Poland is set to receive the largest share with "
            "€43.7 billion. It is followed by Romania (€16.68 billion), France and Hungary "
            "(€16.21 billion each), Italy (€14.9 billion).")
    got = {(c.subject, c.value) for c in extract(text, date(2025, 9, 10))
           if c.type == "spending_amount"}
    assert {("ROU", 16.68e9), ("FRA", 16.21e9), ("HUN", 16.21e9), ("ITA", 14.9e9)} <= got


def test_a_commitment_or_requirement_of_a_share_is_a_target():
    # Defence Industry Europe (May 2023) and News-Pravda (June 2025), rounds 7a.
    nor = extract("We must devote more of our common resources to defence. Nearly ten years have "
                  "now passed since this goal was set without the specification of a clear "
                  "Norwegian commitment of 2 % of its GDP.", date(2023, 5, 2))
    assert [(c.type, c.subject, c.value) for c in nor] == [("target_commitment", "NOR", 2.0)]
    mne = extract("If the Government of Montenegro approves the requirement of the Ministry of "
                  "Defense to allocate 3% of GDP to defense needs, the country will become the "
                  "most generous donor.", date(2025, 6, 1))
    assert [(c.type, c.subject, c.value) for c in mne] == [("target_commitment", "MNE", 3.0)]


def test_gdp_in_money_is_not_spending():
    text = ("Montenegro plans to raise defence spending. According to Monstat, Montenegro's GDP "
            "in 2023 was less than 7 billion euros.")
    assert extract(text, date(2025, 6, 1)) == []


# --- round 9 (session 4): rules from the round-9 errors ---------------------------------------

def test_a_flattened_ranking_table_gives_each_row_its_columns_years():
    text = ("Defence spending 2014 2023 (% share of GDP) Poland 1.88 3.90 U.S. 3.49 3.72 "
            "Greece 2.22 3.01 Estonia 1.93 2.73 Sources: NATO")
    shares = {(c.subject, c.value, c.year, c.year_inferred)
              for c in _only(extract(text, date(2024, 2, 14)), "share_of_gdp")}
    assert shares == {("POL", 1.88, 2014, True), ("POL", 3.9, 2023, True),
                      ("USA", 3.49, 2014, True), ("USA", 3.72, 2023, True),
                      ("GRC", 2.22, 2014, True), ("GRC", 3.01, 2023, True),
                      ("EST", 1.93, 2014, True), ("EST", 2.73, 2023, True)}
    # the learned year layer leaves the heading's years alone
    learned = {(c.subject, c.value, c.year) for c in _only(
        extract(text, date(2024, 2, 14), learned=True), "share_of_gdp")}
    assert ("POL", 1.88, 2014) in learned and ("EST", 2.73, 2023) in learned


def test_rows_without_a_share_of_gdp_heading_or_too_few_are_no_table():
    no_heading = "Medals 2014 2023 Poland 1.88 3.90 Greece 2.22 3.01 Estonia 1.93 2.73"
    assert extract(no_heading, date(2024, 2, 14)) == []
    two_rows = "Defence (% of GDP) Poland 1.88 3.90 Greece 2.22 3.01"
    assert extract(two_rows, date(2024, 2, 14)) == []


def test_scale_words_as_news_misspells_them_and_comma_decimals_before_bln():
    assert [q.value for q in find_quantities("a further €15 milliion")] == [15e6]
    assert [q.value for q in find_quantities("€4,5 bln in support")] == [4.5e9]
    assert [q.value for q in find_quantities("another half billion kronor")] == [0.5e9]
    assert [q.value for q in find_quantities("1,500 soldiers and 2 bilion euros")] == [1500, 2e9]


def test_won_krona_and_new_zealand_dollars_are_read():
    assert [(q.value, q.currency) for q in find_quantities("61.59 trillion won")] == \
        [(61.59e12, "KRW")]
    assert [(q.value, q.currency) for q in find_quantities("3.6 billion ISK")] == [(3.6e9, "ISK")]
    assert [(q.value, q.currency) for q in find_quantities("NZD 7 million")] == [(7e6, "NZD")]
    # 'won' is a currency only after a scale word: 'All 32 won' is a count and a verb
    assert [q.currency for q in find_quantities("All 32 won the vote")] == [None]


def test_a_list_between_dashes_after_a_count_gives_each_ally_the_counts_level():
    text = ("In 2014, just three alliance members – the U.S., United Kingdom and Greece – were "
            "spending at least 2% of their economic output.")
    shares = {(c.subject, c.value, c.year, c.hedge)
              for c in _only(extract(text, date(2024, 6, 19)), "share_of_gdp")}
    assert shares == {("USA", 2.0, 2014, "at least"), ("GBR", 2.0, 2014, "at least"),
                      ("GRC", 2.0, 2014, "at least")}


def test_lists_opened_by_include_or_in_addition_to_name_who_holds_the_figure():
    text = ("Other members spending more than 3 percent include Estonia, Norway, the United "
            "States and Denmark.")
    assert {c.subject for c in _only(extract(text, date(2024, 6, 19)), "share_of_gdp")} == \
        {"EST", "NOR", "USA", "DNK"}
    text = ("In 2023, 11 countries are above 2%: in addition to Poland and the USA, Greece, "
            "Estonia, Lithuania, Finland, Romania, Hungary, Latvia, the United Kingdom, Slovakia.")
    assert len({c.subject for c in _only(extract(text, date(2024, 6, 19)), "share_of_gdp")}) \
        == 11
    # a verb of including with no group of allies before the figure lists nothing
    text = "Costs of 3 percent include Estonia's share."
    assert all(c.subject != "EST" or c.type != "share_of_gdp"
               for c in extract(text, date(2024, 6, 19)))


# --- speed: fast paths pinned to the plain definitions -------------------------------------

def _labelled_texts() -> list[str]:
    import json

    data = Path(__file__).resolve().parent / "data"
    texts = []
    for path in sorted(data.glob("claims_dev*.jsonl")):
        if path.name.startswith(BLIND_ROUND_FILES):
            continue  # the blind round (bench/claims_quality.py): never read while tuning
        texts.extend(json.loads(line)["text"] for line in path.read_text("utf-8").splitlines())
    return texts


_TRICKY_WINDOWS = [
    "more than ", "MORE THAN $", "more than US$ ", "at leaſt ", "ABOUT €", "nearly\n", "some\t",
    "up to\u2003", "approx. ", "an estimated ", "just over about ", "over\n\n", "under US$\n",
    "worth US$", "for EUR ", "spend eur", "of DKK\n", "NOK", "zł ", "ZŁ", "₩", "ıSK ",
    "dk\u212a ", "\u212aR5", "CHF\u00a0", "in ", "to ", "the ", "a ", "between $",
    "İn excess of ", "upwards of\n$",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("aeimnorstuvxhlp .$€£\n\tıſİKSTÜ")), max_size=45))
def test_window_filter_never_hides_a_prefix_or_hedge_match_random(window):
    _check_window_filter(window)


def test_window_filter_never_hides_a_prefix_or_hedge_match():
    """``_may_end_with`` only skips searches that cannot match: wherever ``_PREFIX_RE`` or
    ``_HEDGE_RE`` matches before a figure of the labelled rounds, or in tricky windows (other
    cases, 'ı'/'ſ'/'İ', the Kelvin sign, spaces other than ' ', a newline at the end), the
    filter lets the window through."""
    from natospend.claims.numbers import _NUMBER_RE

    for window in _TRICKY_WINDOWS:
        _check_window_filter(window)
    for text in _labelled_texts():
        for m in _NUMBER_RE.finditer(text):
            for back in (5, 40):
                _check_window_filter(text[max(0, m.start() - back):m.start()])


def _check_window_filter(window: str) -> None:
    from natospend.claims.numbers import (
        _HEDGE_ENDS,
        _HEDGE_RE,
        _HEDGE_SIGNS,
        _PREFIX_ENDS,
        _PREFIX_RE,
        _may_end_with,
    )

    if _PREFIX_RE.search(window, max(0, len(window) - 5)):
        assert _may_end_with(window[-5:], _PREFIX_ENDS), window
    if _HEDGE_RE.search(window, max(0, len(window) - 40)):
        assert _may_end_with(window[-40:], _HEDGE_ENDS, _HEDGE_SIGNS), window


def test_fast_constructors_set_the_dataclass_fields():
    """Quantity, Claim, Mention and Sentence set their fields in one step instead of the
    generated __init__: the signature must stay the fields', with their defaults, and they must
    stay frozen."""
    import dataclasses
    import inspect

    from natospend.claims.numbers import Quantity
    from natospend.claims.sentence import Claim
    from natospend.claims.subjects import Mention
    from natospend.claims.text import Sentence

    for cls in (Quantity, Claim, Mention, Sentence):
        params = list(inspect.signature(cls.__init__).parameters.values())[1:]
        fields = dataclasses.fields(cls)
        assert [p.name for p in params] == [f.name for f in fields]
        assert [p.default for p in params] == [
            inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
            for f in fields]
    q = Quantity("percent", 1, 3, 2.0, num_start=1)
    assert q == Quantity(kind="percent", start=1, end=3, value=2.0, num_start=1)
    assert hash(q) == hash(dataclasses.replace(q))
    assert repr(q).startswith("Quantity(kind='percent', start=1, end=3, value=2.0, high_value=None")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 3.0  # type: ignore[misc]
    [c] = extract("Poland spends 4.1% of GDP on defence.", date(2025, 1, 1))
    assert dataclasses.replace(c, year=2024).year == 2024
    assert dataclasses.replace(c) == c and dataclasses.asdict(c)["quote"] == c.quote
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.year = 2024  # type: ignore[misc]
    m = Mention(0, 6, "POL", "ally")
    assert m == Mention(start=0, end=6, code="POL", role="ally", demonym=False)
    assert hash(m) == hash(dataclasses.replace(m))
    assert repr(m) == "Mention(start=0, end=6, code='POL', role='ally', demonym=False)"
    sent = Sentence(0, 6, "Poland")
    assert sent == Sentence(start=0, end=6, text="Poland")
    assert hash(sent) == hash(Sentence(0, 6, "Poland"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.code = "EST"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        sent.text = ""  # type: ignore[misc]


def test_subject_candidates_are_the_same_for_every_figure_of_a_sentence():
    """``subjects_for`` works out a sentence's candidate names once per kind of figure: asking
    again, in any order, gives what a fresh sentence gives."""
    from natospend.claims.numbers import find_quantities
    from natospend.claims.sentence import Context, Sent, subjects_for
    from natospend.claims.subjects import find_mentions

    checked = 0
    for text in _labelled_texts()[:400]:
        for sent in split_sentences(text):
            quantities = find_quantities(sent.text)
            if not quantities:
                continue
            shared = Sent(sent, find_mentions(sent.text), [], quantities)
            for q in quantities:
                for kind in ("percent", "spending", "aid"):
                    fresh = Sent(sent, find_mentions(sent.text), [], quantities)
                    ctx = Context(None)
                    assert subjects_for(shared, q, ctx, kind) == subjects_for(fresh, q, ctx, kind)
                    checked += 1
    assert checked > 500


# --- round 10 (session 4): rules from the round-10 errors ------------------------------------

def test_figures_written_out_scale_by_scale_are_one_amount():
    assert [(q.value, q.currency) for q in find_quantities(
        "1 trillion 133 billion 500 million lira will go to defence")] == [(1.1335e12, "TRY")]
    assert [q.value for q in find_quantities("to USD 1 trillion 474 billion 399 million")] == \
        [1.474399e12]
    # a part must be a smaller scale: '2 billion 3 billion' is two figures
    assert [q.value for q in find_quantities("2 billion, 3 billion euros")] == [2e9, 3e9]


def test_a_list_that_is_spending_a_share_gives_each_ally_the_share():
    text = "In 2014, only the United States, the U.K. and Greece were spending at least 2%."
    assert {(c.subject, c.year, c.hedge) for c in _only(extract(text, date(2024, 6, 1)),
                                                          "share_of_gdp")} == \
        {("USA", 2014, "at least"), ("GBR", 2014, "at least"), ("GRC", 2014, "at least")}


def test_the_eus_security_assistance_facility_is_not_aid():
    from natospend.claims.patterns import AID

    assert AID.search("SAFE (Security Assistance Facility for Europe) offers loans") is None
    assert AID.search("a new security assistance package") is not None


# --- round 11 (session 5): rules from the round-11 errors ------------------------------------

@pytest.mark.parametrize(("text", "value", "currency"), [
    ("allocates 2.8 trillion hryvnia to defence", 2.8e12, "UAH"),
    ("a record 13.5tn rubles", 13.5e12, "RUB"),
    ("13 trillion roubles (approximately $134 billion)", 13e12, "RUB"),
    ("NT$949.5 billion", 949.5e9, "TWD"),
    ("₺2.155 trillion ($51.4 billion)", 2.155e12, "TRY"),
    ("a ceiling of 75 billion Norwegian kronor", 75e9, "NOK"),
    ("$US13.8 billion for Kyiv", 13.8e9, "USD"),
])
def test_currencies_of_round_11_are_read_as_whole_units(text, value, currency):
    # scaled amounts are whole numbers: 2.155 trillion is not 2154999999999.9998
    assert [(q.value, q.currency) for q in find_quantities(text)] == [(value, currency)]


def test_a_budget_in_roubles_or_hryvnias_is_that_countrys_own():
    claims = extract("The draft budget allocates 13 trillion roubles to national defence in 2026.",
                     date(2025, 9, 30))
    assert [(c.type, c.subject, c.unit) for c in claims] == [("spending_amount", "RUS", "RUB")]


def test_p_c_without_its_last_dot_is_a_percent():
    claims = extract("Germany, presently spending 2.12 p.c of GDP on protection, is ahead.",
                     date(2025, 1, 10))
    assert [(c.type, c.subject, c.value, c.unit) for c in claims] == \
        [("share_of_gdp", "DEU", 2.12, "pct_gdp")]


# --- round 12 (session 5): rules from the round-12 errors ------------------------------------

_CONTEXT = "NATO published its defence spending figures on Monday. "


def _shares_after_context(sentence: str, learned: bool) -> list[tuple[str, str, float]]:
    claims = extract(_CONTEXT + sentence, date(2025, 7, 1), learned=learned)
    return [(c.type, c.subject, c.value) for c in claims if c.span[0] >= len(_CONTEXT)]


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(("sentence", "ctype", "codes", "value"), [
    ("Belgium, the Czech Republic, Luxembourg, and Portugal have also reached 2%.",
     "share_of_gdp", ["BEL", "CZE", "LUX", "PRT"], 2.0),
    # a name listed twice is one subject
    ("The US, UK, Poland, Greece, Estonia, Greece, Latvia and Lithuania achieved the 2% goal.",
     "share_of_gdp", ["USA", "GBR", "POL", "GRC", "EST", "LVA", "LTU"], 2.0),
    ("A group of stragglers -- including Spain, Belgium and Italy -- hastily announced plans to "
     "reach 2 percent.", "target_commitment", ["ESP", "BEL", "ITA"], 2.0),
])
def test_a_list_of_allies_that_reaches_a_share_gives_it_to_each(sentence, ctype, codes, value,
                                                                 learned):
    assert _shares_after_context(sentence, learned) == [(ctype, c, value) for c in codes]


def test_the_learned_layer_gives_a_listed_share_to_each_ally_too():
    # the verb is the figure's hedge ('exceed the 3%'); the rules leave the figure to the layer
    sentence = ("Only a handful of NATO members, including Poland, Estonia, Latvia, Lithuania, "
                "and Greece, exceed the 3% spending threshold.")
    assert _shares_after_context(sentence, True) == [
        ("share_of_gdp", c, 3.0) for c in ("POL", "EST", "LVA", "LTU", "GRC")]


def test_a_list_after_a_hyphen_following_a_count_gives_each_the_level():
    text = ("In 2023, eleven allies are expected to have met the 2% target according to prior "
            "NATO estimates - Poland, the United States, Greece, Estonia, Lithuania, Finland, "
            "Romania, Hungary, Latvia, Britain and Slovakia.")
    shares = _only(extract(text, date(2024, 2, 14)), "share_of_gdp")
    assert len(shares) == 11 and {c.value for c in shares} == {2.0}


def test_a_run_from_a_year_to_an_amount_is_no_range():
    assert [(q.value, q.currency) for q in find_quantities(
        "from 2024 to €33,123 million in 2025")] == [(2024, None), (33123e6, "EUR"), (2025, None)]
    assert [(q.value, q.high_value) for q in find_quantities("from 2.1 to 2.5 per cent")][0] \
        == (2.1, None)  # a change between levels stays two figures, as before


def test_a_range_with_its_scale_and_currency_written_once_scales_both_figures():
    assert [(q.kind, q.value, q.high_value, q.currency) for q in find_quantities(
        "between 2 and 3 billion euros")] == [("money", 2e9, 3e9, "EUR")]
    assert [(q.value, q.high_value, q.currency) for q in find_quantities(
        "between €2 and €3 billion")] == [(2e9, 3e9, "EUR")]
    assert [(q.value, q.high_value, q.currency) for q in find_quantities(
        "between 2.5 billion and 3 billion euros")] == [(2.5e9, 3e9, "EUR")]
    # 'm' after a bare range is no scale (it may be metres); years stay years
    assert [(q.value, q.high_value) for q in find_quantities("between 2 and 3m")] == [(2, 3)]
    assert [(q.value, q.high_value) for q in find_quantities("between 2024 and 2025")] == \
        [(2024, 2025)]


# --- round 13 (session 5): rules from the round-13 errors ------------------------------------

def test_trn_and_a_plus_before_the_scale_are_read():
    assert [(q.value, q.currency) for q in find_quantities("a record ¥9+ trillion budget")] == \
        [(9e12, "JPY")]
    assert [(q.value, q.currency) for q in find_quantities("up from ¥8.7 trn")] == \
        [(8.7e12, "JPY")]


@pytest.mark.parametrize("sentence", [
    "Three NATO countries: Poland, Lithuania and Latvia, are on track to hit a more ambitious "
    "3.5% defence-spending goal.",
    "Poland, Lithuania and Latvia are among those that reached the 3.5 percent figure.",
])
def test_lists_on_track_to_or_among_those_that_reach_a_share(sentence):
    claims = _shares_after_context(sentence, False)
    assert [c[1] for c in claims if c[0] == "share_of_gdp"] == ["POL", "LTU", "LVA"]


# --- round 14 (session 5): rules from the round-14 errors ------------------------------------

def test_all_nato_countries_but_iceland_is_a_count_of_31():
    claims = extract("Except Iceland, which has no army, all NATO countries are expected to "
                     "reach the 2 percent target this year.", date(2025, 6, 20))
    assert [(c.type, c.value) for c in claims] == [("allies_meeting_target", 31.0)]


def test_tril_with_a_dot_is_trillion():
    assert [(q.value, q.currency) for q in find_quantities("record 7.9 tril. yen")] == \
        [(7.9e12, "JPY")]


# --- round 15 (session 6): rules from the round-15 errors, read once it was spent -------------

@pytest.mark.parametrize(("text", "value", "currency"), [
    ("346.7 trillion Korean won (U.S. $262.8 billion)", 346.7e12, "KRW"),
    ("a $CAN406 million missile system", 406e6, "CAD"),
    ("about CAN$5 billion in military funds", 5e9, "CAD"),
    ("a $1.5T defense budget", 1.5e12, "USD"),
])
def test_currencies_of_round_15(text, value, currency):
    # a bracketed conversion is one amount: the first figure alone is read
    assert [(q.value, q.currency) for q in find_quantities(text)][:1] == [(value, currency)]


def test_a_lone_t_scales_only_a_figure_in_a_currency_it_touches():
    assert [q.value for q in find_quantities("a 5 t bomb")] == [5.0]
    assert [q.value for q in find_quantities("a 5t bomb")] == [5.0]


@pytest.mark.parametrize("learned", [False, True])
def test_a_figure_that_counts_things_borrows_no_currency(learned):
    text = ("Germany will give Ukraine €70 million in winter aid. The money will keep the lights "
            "on for more than 2.5 million Ukrainians, and 2 million artillery shells have been "
            "delivered.")
    claims = extract(text, date(2025, 12, 1), learned=learned)
    assert [c.value for c in claims] == [70e6]


def test_one_million_for_ukrainians_is_still_money():
    from natospend.claims.money_words import COUNTED_AFTER

    assert COUNTED_AFTER.match(" is for Ukrainians displaced") is None
    assert COUNTED_AFTER.match(" displaced Ukrainians") is not None


def test_out_of_n_members_m_have_met_counts_m_of_n():
    claims = extract("Out of 32 NATO members, 23 have met or are expected to meet the 2% GDP "
                     "defense spending target by the end of this year.", date(2024, 7, 1))
    assert [(c.type, c.value, c.total) for c in claims] == [("allies_meeting_target", 23.0, 32)]


@pytest.mark.parametrize("sentence", [
    "The deadline set 2024 as the year for all members to hit this 2% goal.",
    "The target mandates that all NATO members spend at least 2% of their GDP on defense.",
    "Getting all alliance members to actually meet the 2 percent threshold may be hard.",
    "While not all NATO members met the original 2% threshold by 2024, a record number did.",
    "More than half of all NATO members are spending less than the 2% target.",
])
def test_all_members_wanted_or_partly_is_no_count_of_all(sentence):
    claims = extract(sentence, date(2025, 7, 1))
    assert not [c for c in claims if c.type == "allies_meeting_target" and c.value >= 30]


# --- round 16 (session 6): currencies of the budgets round 16 compared with NATO's ------------

@pytest.mark.parametrize(("text", "value", "currency"), [
    ("will amount to 555 billion drams", 555e9, "AMD"),
    ("allocates AZN 7,126.3 million", 7126.3e6, "AZN"),
    ("a record level of 8.4 billion manats", 8.4e9, "AZN"),
    ("Increased to Php282.7 billion", 282.7e9, "PHP"),
    ("raised the allocation to Rs7.85 lakh crore", 7.85e12, "INR"),
    ("₹6.2 lakh crore for defence", 6.2e12, "INR"),
    ("Rs 6,21,540.85 crore", 6215408500000.0, "INR"),
])
def test_currencies_of_round_16(text, value, currency):
    assert [(q.value, q.currency) for q in find_quantities(text)] == [(value, currency)]


@pytest.mark.parametrize("text", ["over the years. 5 billion", "Mrs 5 billion", "theEUR 5 billion"])
def test_a_currency_code_glued_to_a_word_is_no_currency(text):
    assert [q.currency for q in find_quantities(text)] == [None]


@pytest.mark.parametrize(("text", "value", "currency"), [
    ("the planned 155 billion Czech koruna", 155e9, "CZK"),
    ("5 billion Polish zlotys", 5e9, "PLN"),
    ("30 billion Hungarian forints", 30e9, "HUF"),
    ("approximately 57 billion Romanian lei", 57e9, "RON"),
    ("3 billion Bulgarian leva", 3e9, "BGN"),
    ("7 billion Danish crown", 7e9, "DKK"),
    ("10 billion Swedish krona", 10e9, "SEK"),
    ("10 billion Norwegian krone", 10e9, "NOK"),
    ("600 billion Japanese yen", 600e9, "JPY"),
    ("50 billion Ukrainian hryvnias", 50e9, "UAH"),
    ("50 billion Russian rubles", 50e9, "RUB"),
    ("2 billion British pounds", 2e9, "GBP"),
    ("500 million Canadian dollar", 500e6, "CAD"),
    ("5 billion North Macedonian denars", 5e9, "MKD"),
])
def test_a_currency_after_its_country_s_adjective_is_that_currency(text, value, currency):
    # as wire copy writes it ('155 billion Czech koruna ($7 billion)', round 33): read as the
    # figure alone, the amount took the bracket's dollars, and the claim a budget 22 times its own
    [q] = find_quantities(text)
    assert (q.value, q.currency, q.end) == (value, currency, len(text))


def test_a_conversion_after_a_currency_with_its_adjective_is_one_amount():
    text = ("The Czech government will not increase defense spending beyond the planned 155 "
            "billion Czech koruna ($7 billion) for 2026.")
    [c] = extract(text, date(2025, 12, 7))
    assert (c.type, c.subject, c.value, c.unit, c.year) == (
        "spending_amount", "CZE", 155e9, "CZK", 2026)
    assert c.quote == "155 billion Czech koruna ($7 billion)"


@pytest.mark.parametrize(("text", "published", "growth"), [
    ("The report also estimates that NATO defense spending in the aggregate will increase 8.3 "
     "percent in 2023.", date(2023, 2, 1), 8.3),
    ("The budget projects the economy to grow 2.9% for 2024.", date(2023, 11, 28), 2.9),
    ("Taiwan's 2026 total defence spending to rise 22.9% y/y", date(2025, 8, 21), 22.9),
])
def test_a_share_right_after_a_verb_of_change_is_growth(text, published, growth):
    assert [c.value for c in extract(text, published)] == []
    assert [q.value for q in find_quantities(text) if q.kind == "percent"] == [growth]


def test_a_verb_of_change_before_a_share_of_gdp_keeps_the_share():
    [c] = extract("Poland's defence spending will rise 4.7% of GDP in 2025, the minister said.",
                  date(2025, 2, 14))
    assert (c.type, c.subject, c.value, c.year) == ("share_of_gdp", "POL", 4.7, 2025)


def test_a_budget_in_drams_is_armenias():
    claims = extract("The 2024 state budget sets defence expenditures at 555 billion drams.",
                     date(2023, 10, 1))
    assert [(c.type, c.subject, c.unit) for c in claims] == [("spending_amount", "ARM", "AMD")]


def test_crores_are_rupees_even_where_the_sign_was_lost():
    # '₹' dropped in copying: 'a defence allocation of nearly 6.22 lakh crore'
    assert [(q.value, q.currency) for q in find_quantities("nearly 6.22 lakh crore")] == \
        [(6.22e12, "INR")]
    assert [(q.value, q.currency) for q in find_quantities("Hr 2.2 trillion")] == \
        [(2.2e12, "UAH")]


def test_a_year_before_to_a_percent_is_no_percent():
    text = "Russia is hiking defence spending by a quarter in 2025 to 6.3 percent of GDP."
    assert [(q.kind, q.value) for q in find_quantities(text)] == \
        [("number", 2025.0), ("percent", 6.3)]
    assert [(q.kind, q.value) for q in find_quantities("from 1.3 to 2 per cent")] == \
        [("percent", 1.3), ("percent", 2.0)]


@pytest.mark.parametrize(("text", "currency"), [
    ("5 billion dinars", None), ("90 billion Serbian dinars", "RSD"),
    ("78 billion riyals", None), ("78 billion Saudi riyals", "SAR"),
])
def test_a_currency_word_several_countries_use_is_read_only_with_its_country(text, currency):
    # a bare 'dinars' is Serbia's, Iraq's, Algeria's or Kuwait's: guessing would also guess
    # whose budget it is
    assert [q.currency for q in find_quantities(text)] == [currency]


@pytest.mark.parametrize(("sentence", "subject"), [
    ("Only nine European countries met the 2% target in 2023.", "NATO_EUROPE"),
    ("Nine of the alliance's European members met the 2% target in 2023.", "NATO_EUROPE"),
    ("Ten allies met the 2% target in 2023.", "NATO"),
])
def test_a_count_of_european_allies_is_the_european_groups(sentence, subject):
    claims = extract(sentence, date(2024, 11, 7))
    assert [(c.type, c.subject, c.value) for c in claims] == \
        [("allies_meeting_target", subject, 9.0 if subject != "NATO" else 10.0)]


# --- session 7: counts after the alliance's size ---------------------------------------------

@pytest.mark.parametrize(("sentence", "n", "total", "hedge"), [
    # rounds 8, 10, 14 and 16: the total first, then a hedged or 'only' count
    ("Of the alliance's thirty-two members, at least 24 have met the spending target.", 24, 32,
     "at least"),
    ("Out of 32 NATO members, at least 24 have reached the spending target of 2%.", 24, 32,
     "at least"),
    ("Back then, of the 31 allies, only 11 had defense spending of at least two percent.", 11, 31,
     None),
    ("However, out of the 32 NATO member nations, only 18 spent 2 percent of their GDP on "
     "defense in 2024.", 18, 32, None),
    # round 40: a forecast count after the size ('31' is the total, never the count)
    ("Out of the 31 Nato members, 23 are expected to meet Nato's guideline of spending 2% of "
     "their GDP on defence.", 23, 31, None),
    # round 17: no noun after the total
    ("Allied leaders agreed to allocate at least 2% to military spending, a figure that 23 of "
     "the 32 have already achieved.", 23, 32, None),
])
def test_a_count_after_the_alliances_size(sentence, n, total, hedge):
    counts = [c for c in extract(sentence, date(2025, 4, 1)) if c.type == "allies_meeting_target"]
    assert [(c.value, c.total, c.hedge) for c in counts] == [(n, total, hedge)]


def test_an_earlier_forecast_beside_a_count_is_a_count_too():
    sentence = ("Estimates in the annual report showed that 22 allies had reached that goal last "
                "year, compared to a previous forecast of 23.")
    counts = [c for c in extract(sentence, date(2025, 4, 25)) if c.type == "allies_meeting_target"]
    assert [(c.value, c.year) for c in counts] == [(22, 2024), (23, 2024)]


def test_a_target_met_by_n_countries_is_a_count_unless_it_is_not_met():
    # round 12: 'was met by seven out of 30 countries in 2022' ('by' is no change here)
    met = extract("NATO's 2% spending objective was met by seven out of 30 countries in 2022.",
                  date(2023, 2, 14))
    assert [(c.type, c.value, c.total, c.year) for c in met
            if c.type == "allies_meeting_target"] == [("allies_meeting_target", 7, 30, 2022)]
    # round 15: those the guideline 'isn't even met by' are the ones short of it
    short = extract("The 2% guideline isn't even met by eight Nato members out of 32.",
                    date(2025, 6, 25))
    assert not [c for c in short if c.type == "allies_meeting_target"]


@pytest.mark.parametrize(("sentence", "total"), [
    # rounds 9, 12 and 13: all of the allies, spelled as news spells them
    ("All 32 North Atlantic Treaty Organization members are projected to reach the alliance's "
     "expectation of spending 2% of GDP this year.", 32),
    ("NATO said all 32 of its members are on course this year to spend at least 2% of gross "
     "domestic product on defence.", 32),
    ("All member nations have reached the alliance's previous minimum defense spending "
     "threshold of 2% of GDP.", None),
    ("All NATO Members to Hit 2% Defense Spending in 2025", None),  # a headline: what will be
])
def test_all_the_allies_is_a_count_of_all(sentence, total):
    counts = [c for c in extract(sentence, date(2025, 6, 1)) if c.type == "allies_meeting_target"]
    assert [(c.value, c.total) for c in counts] == [(32, total)]


def test_all_members_to_hit_after_a_word_is_still_an_aim():
    assert not [c for c in extract("The deadline for all members to hit this goal of 3.5% is 2035.",
                                   date(2025, 6, 1)) if c.type == "allies_meeting_target"]


def test_a_count_then_how_it_moved_year_by_year():
    # round 9: a commitment met by a count, then the count's later values
    sentence = ("By 2020, nine NATO member states had met the commitment, though that fell to six "
                "the following year before rebounding to seven in 2022, and it rose further to 10 "
                "last year based on estimated figures.")
    counts = [c for c in extract(sentence, date(2024, 6, 18)) if c.type == "allies_meeting_target"]
    assert [(c.value, c.year) for c in counts][:1] == [(9, 2020)]
    assert (7, 2022) in [(c.value, c.year) for c in counts]
    assert (10, 2023) in [(c.value, c.year) for c in counts]


@pytest.mark.parametrize(("text", "code"), [
    ("BERLIN (Reuters) - The government plans to spend 2.1% of GDP on defence this year.",
     "DEU"),
    ("ANKARA - The ministry said defence spending would reach 2.3% of GDP this year.", "TUR"),
    ("Prague will spend 2% of GDP on defence this year, the government said.", "CZE"),
])
def test_a_capital_or_its_dateline_names_the_ally(text, code):
    # datelines in capitals are how wire copy names the country whose 'government' speaks
    claims = [c for c in extract(text, date(2025, 3, 1)) if c.type == "share_of_gdp"]
    assert [c.subject for c in claims] == [code]


@pytest.mark.parametrize("learned", [False, True])
def test_crowns_no_sentence_ties_to_a_country_are_the_crown_of_the_article(learned):
    text = ("The government proposed an increase in the defense budget by 13 billion kronor. "
            "As a result, Sweden's defense spending for 2025 is projected to reach 2.4 percent "
            "of GDP.")
    [amount] = [c for c in extract(text, date(2024, 9, 17), learned=learned)
                if c.type == "spending_amount"]
    assert (amount.value, amount.unit, amount.subject) == (13e9, "SEK", "SWE")
    # an article naming two crown countries does not say whose crowns they are
    both = text + " Denmark and Norway are raising theirs too."
    assert not [c for c in extract(both, date(2024, 9, 17)) if c.type == "spending_amount"]


def test_a_level_before_a_count_in_its_clause_is_a_share_not_the_target():
    text = ("As of 2024, NATO members are expected to collectively spend approximately 2.61% of "
            "their GDP on defense, with 22 out of 32 member countries meeting or exceeding the "
            "2% threshold.")
    kinds = _kinds(text, date(2025, 7, 1))
    assert ("share_of_gdp", "NATO", 2.61) in kinds
    [count] = [c for c in extract(text, date(2025, 7, 1)) if c.type == "allies_meeting_target"]
    assert (count.value, count.total, count.target_pct) == (22, 32, 2.0)


@pytest.mark.parametrize(("sentence", "subjects"), [
    ("Meanwhile, China is spending 7.2% and Russia is spending 6.7%.", ["CHN", "RUS"]),
    ("Meanwhile, China is spending 7.2% and Germany is spending 1.6%.", ["CHN", "DEU"]),
])
def test_a_country_outside_nato_spending_its_share_is_its_subject(sentence, subjects):
    shares = [c for c in extract(sentence, date(2025, 3, 24)) if c.type == "share_of_gdp"]
    assert [c.subject for c in shares] == subjects


def test_a_country_named_as_an_object_is_not_the_spender():
    text = ("The Baltic country of 2.9 million people which neighbours Russia will spend about "
            "3% of GDP on its armed forces this year.")
    assert "RUS" not in {c.subject for c in extract(text, date(2024, 10, 28))}


@pytest.mark.parametrize(("text", "low", "high"), [
    ("The estimated cost of the Dutch plan ranges from €16 billion to €19 billion per year.",
     16e9, 19e9),
    ("Canada would still be $6B to $7B short of the benchmark.", 6e9, 7e9),
    ("It could boost annual expenditure by Europe's allies by $85 billion to $176 billion.",
     85e9, 176e9),
])
def test_two_scaled_amounts_joined_by_to_are_one_range(text, low, high):
    [q] = [q for q in find_quantities(text) if q.kind == "money"]
    assert (q.hedge, q.value, q.high_value) == ("range", low, high)


@pytest.mark.parametrize("text", [
    "The acquisition budget is set to rise from $0.9bn in 2020 to $9.2bn by 2029.",
    "The defence budget for 2025 will be raised by €1.3bn to €53.25bn.",
    "Germany's budget will grow from €52 billion to €86 billion.",
    "The deal moved from €5 billion to $6 billion.",
])
def test_a_change_from_one_amount_to_another_is_two_amounts(text):
    money = [q for q in find_quantities(text) if q.kind == "money"]
    assert len(money) == 2 and all(q.hedge != "range" for q in money)


def test_a_year_then_to_and_a_small_number_is_a_year_and_a_count():
    text = ("The number of allies meeting the 2% target has grown from 4 nations in 2017 to 11 "
            "countries by 2023.")
    counts = [(c.value, c.year) for c in extract(text, date(2025, 9, 15))
              if c.type == "allies_meeting_target"]
    assert counts == [(4, 2017), (11, 2023)]
    # a period keeps its two-digit end after a dash: '2024-25' is one fiscal year
    [y] = [y for y in find_years("the 2024-25 budget", 2025)]
    assert (y.year, y.span) == (2024, (2024, 2025))


@pytest.mark.parametrize("text", [
    "Taiwan's cabinet proposes to allocate NT$1.25 trillion （US$39.3 billion） for defense.",
    "Sweden will invest approximately 300 billion Swedish kronor, or around 28 billion euros, in "
    "defense.",
])
def test_a_conversion_in_full_width_brackets_or_after_or_is_one_amount(text):
    [q] = [q for q in find_quantities(text) if q.kind == "money"]
    assert q.end == (text.index(" for defense") if "NT$" in text else text.index(", in"))
    # without a currency the second figure is no conversion
    other = "Sweden will spend 300 billion kronor, or 300 more, on defence."
    [q] = [q for q in find_quantities(other) if q.kind == "money"]
    assert other[q.start:q.end] == "300 billion kronor"


def test_us_dollars_name_no_country():
    text = "Taiwan's cabinet proposes NT$1.25 trillion (US$39.3 billion) for defense."
    [c] = extract(text, date(2026, 3, 9))
    assert (c.subject, c.unit) == ("TWN", "TWD")


def test_allies_listed_after_a_count_whose_target_came_first_each_have_its_level():
    text = ("Stoltenberg noted that when NATO leaders set a 2% of GDP target at their summit in "
            "2014, only three members met it – the United States, Greece and the United Kingdom.")
    shares = {(c.subject, c.value, c.year) for c in extract(text, date(2024, 6, 17))
              if c.type == "share_of_gdp"}
    assert shares == {("USA", 2.0, 2014), ("GRC", 2.0, 2014), ("GBR", 2.0, 2014)}


@pytest.mark.parametrize("learned", [False, True])
def test_the_sentence_after_a_count_may_name_the_allies_it_counted(learned):
    text = ("There are only four countries that currently meet the 5% defense spending target. "
            "Those are Poland, Estonia, Latvia, and Lithuania.")
    shares = [(c.subject, c.value) for c in extract(text, date(2025, 3, 1), learned=learned)
              if c.type == "share_of_gdp"]
    assert shares == [("POL", 5.0), ("EST", 5.0), ("LVA", 5.0), ("LTU", 5.0)]
    # not when the list is not the allies the count counted
    other = text.replace("only four countries", "only three countries")
    assert not [c for c in extract(other, date(2025, 3, 1)) if c.type == "share_of_gdp"]


@pytest.mark.parametrize(("sentence", "subjects"), [
    ("Bringing up the rear are Canada, Slovenia and Spain, whose defense spending is currently "
     "below 1.4 percent of GDP.", {"CAN", "SVN", "ESP"}),
    ("Poland, Lithuania and Norway, on the other hand, are the countries that allocate the most "
     "resources to defense: between 3% and 4%.", {"POL", "LTU", "NOR"}),
    ("Alongside Poland, Estonia, and Latvia, Greece is now one of the few NATO member states "
     "that allocates more than three percent of its output to defence.",
     {"GRC", "POL", "EST", "LVA"}),
])
def test_a_list_the_clause_speaks_of_as_a_whole_shares_its_figure(sentence, subjects):
    shares = {c.subject for c in extract(sentence, date(2025, 3, 1)) if c.type == "share_of_gdp"}
    assert shares == subjects


@pytest.mark.parametrize(("sentence", "subjects"), [
    ("Last year only France, the Baltic states and Norway spent more than 2 percent of GDP on "
     "defence.", ["FRA", "EST", "LTU", "LVA", "NOR"]),
    ("Poland and the Baltic states (Latvia, Estonia, Lithuania) already exceed 3% of GDP.",
     ["POL", "LVA", "EST", "LTU"]),
])
def test_the_baltic_states_in_a_list_of_allies_are_its_three_members(sentence, subjects):
    shares = [c.subject for c in extract(sentence, date(2025, 3, 1)) if c.type == "share_of_gdp"]
    assert shares == subjects


def test_a_list_beside_its_own_figures_does_not_share_the_last_one():
    text = "Like France, Germany spends 2% of GDP on defence."
    assert [c.subject for c in extract(text, date(2025, 3, 1))] == ["DEU"]


@pytest.mark.parametrize(("sentence", "value"), [
    ("In 2014, only the United States, Greece, and the United Kingdom met the goal of spending "
     "2% of each country’s GDP on defense.", 2.0),
    ("In 2014 only the U.S., the U.K. and Greece met the 2-percent threshold.", 2.0),
])
def test_allies_named_as_the_only_ones_each_have_the_level_not_a_count(sentence, value):
    claims = extract(sentence, date(2024, 6, 1))
    assert not [c for c in claims if c.type == "allies_meeting_target"]
    assert {c.subject for c in claims if c.type == "share_of_gdp" and c.value == value} == \
        {"USA", "GRC", "GBR"}


def test_allies_named_with_their_own_figures_are_still_counted():
    text = ("Only Poland (4.48%), Lithuania (4.00%) and Latvia (3.73%) currently exceed the 3.5% "
            "core benchmark.")
    [count] = [c for c in extract(text, date(2025, 7, 1)) if c.type == "allies_meeting_target"]
    assert (count.value, count.target_pct) == (3, 3.5)


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(("sentence", "years"), [
    ("Sweden will increase support, and the framework is SEK 75 billion for military support "
     "for 2024-2026, SEK 25 billion per year, the government said.", [2024, 2025, 2026]),
    ("The legislation reauthorizes the Ukraine Security Assistance Initiative at $400 million "
     "per year for fiscal years 2026 and 2027.", [2026, 2027]),
    ("During 2024-2028, Iceland will annually allocate at least ISK 4 billion to Ukraine.",
     [2024, 2025, 2026, 2027, 2028]),
])
def test_an_amount_per_year_over_a_written_span_is_one_claim_a_year(sentence, years, learned):
    per_year = [c for c in extract(sentence, date(2025, 12, 1), learned=learned)
                if c.type == "aid_pledge" and c.value in (25e9, 4e8, 4e9)]
    assert sorted(c.year for c in per_year) == years
    assert len({c.span for c in per_year}) == 1 and not any(c.year_inferred for c in per_year)


def test_a_span_that_ends_a_commitment_gives_it_no_years():
    text = "Labour vowed to commit £3 billion a year in military aid to Ukraine until 2030-2031."
    [c] = [c for c in extract(text, date(2024, 7, 20)) if c.type == "aid_pledge"]
    assert c.value == 3e9


@pytest.mark.parametrize("text", [
    # a Commons debate (round 22) and the OBR's costing as a newspaper reported it (round 42):
    # a fiscal year after 'by' is when the level is reached, not two years of it
    "We will see defence spending rise to £87 billion a year by 2030/31.",
    "The OBR calculated that raising defence spending to 3% of GDP would cost by 2029-30 an "
    "additional £17.3bn per year.",
])
def test_an_amount_a_year_by_a_fiscal_year_is_one_claim(text):
    amounts = [c for c in extract(text, date(2026, 2, 16)) if c.type == "spending_amount"]
    assert [c.year for c in amounts] == [2029 if "2029" in text else 2030]


@pytest.mark.parametrize(("sentence", "subject"), [
    ("The Moldovan government's budget for 2025 puts defence spending at $87 million.", "MDA"),
    ("Serbia will spend 2% of its GDP on its army in 2025.", "SRB"),
    ("India has raised its defence budget to Rs 6.8 lakh crore for 2025.", "IND"),
])
def test_a_country_outside_nato_is_the_subject_of_its_own_spending(sentence, subject):
    claims = extract(sentence, date(2025, 1, 10))
    assert claims and {c.subject for c in claims} == {subject}


def test_roubles_are_belarus_s_own_where_it_is_the_subject():
    [c] = extract("Belarus will spend 4.73 billion rubles on defence in 2025.", date(2025, 1, 10))
    assert (c.subject, c.unit, c.value) == ("BLR", "BYN", 4.73e9)
    [c] = extract("Russia will spend 13.5 trillion rubles on defence in 2025.", date(2025, 1, 10))
    assert c.unit == "RUB"


@pytest.mark.parametrize("baseline", ["more than in 2023", "compared with 2023"])
def test_a_year_a_figure_is_measured_against_is_not_the_next_sentence_s_year(baseline):
    text = (f"Estonia's defence spending reached 3.43 percent of GDP in 2024, {baseline}. "
            "The United States reached 3.38 percent.")
    years = {c.subject: c.year for c in extract(text, date(2025, 3, 1))}
    assert years == {"EST": 2024, "USA": 2024}


@pytest.mark.parametrize("learned", [False, True])
def test_a_list_joined_by_an_ampersand_shares_its_level_and_both_share_the_target(learned):
    text = ("- Latvia & Lithuania: already exceeding 3% of GDP on defence, both nations aim to "
            "hit 5% by 2030.")
    claims = {(c.type, c.subject, c.value, c.hedge, c.deadline)
              for c in extract(text, date(2025, 5, 1), learned=learned)}
    assert claims == {("share_of_gdp", "LVA", 3.0, "more than", None),
                      ("share_of_gdp", "LTU", 3.0, "more than", None),
                      ("target_commitment", "LVA", 5.0, None, 2030),
                      ("target_commitment", "LTU", 5.0, None, 2030)}


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(("text", "subject"), [
    # the Ministry of Defence of a British text is the UK's, of an Indian one India's
    ("The budgetary allocation for the Ministry of Defence has been pegged at ₹6.8 lakh "
     "crore.", "IND"),
    # a subject carried over from the sentence before yields to the currency's own country
    ("NATO allies met in Brussels. The defence budget for next year is 186 billion złoty.",
     "POL"),
])
def test_an_amount_in_a_country_s_own_currency_is_its_own_unless_the_sentence_says(
        text, subject, learned):
    [c] = _only(extract(text, date(2025, 2, 1), learned=learned), "spending_amount")
    assert c.subject == subject


def test_a_named_subject_keeps_an_amount_in_another_currency():
    [c] = extract("The United Kingdom will give Ukraine 500 million złoty in aid.",
                  date(2025, 2, 1))
    assert c.subject == "GBR"


@pytest.mark.parametrize("learned", [False, True])
def test_a_wire_s_dateline_is_not_the_subject_when_its_sentence_names_another(learned):
    text = ("ANKARA\nAustralian Prime Minister Anthony Albanese on Friday defended his "
            "country's defence spending strategy.\nAlbanese said his country will lift defence "
            "spending to 2.3% of GDP by 2034, adding $10 billion in the short term.")
    claims = extract(text, date(2025, 6, 27), learned=learned)
    assert {(c.subject, c.unit) for c in claims} == {("AUS", "pct_gdp"), ("AUS", "AUD")}
    [alone] = extract("ANKARA (AA) - Türkiye will spend 2.2% of GDP on defence in 2025.",
                      date(2025, 6, 27), learned=learned)
    assert alone.subject == "TUR"
    # a headline in capitals is no dateline: it names its subject
    assert [m.code for m in find_mentions("GERMANY TO BOOST DEFENCE SPENDING AS POLAND WATCHES"
                                          "\nBerlin said so.")] == ["DEU", "POL", "DEU"]


@pytest.mark.parametrize("learned", [False, True])
def test_a_fiscal_year_is_the_year_it_starts_in_but_aid_for_two_years_has_none(learned):
    text = ("In the 2023/24 financial year, the UK spent £53.9 billion on defence, up from £52.8 "
            "billion in 2022/23. India allocated Rs 6,81,210 crore for defence for 2025-26.")
    years = {c.value: c.year for c in extract(text, date(2024, 11, 15), learned=learned)}
    assert years == {53.9e9: 2023, 52.8e9: 2022, 6812.1e9: 2025}
    [aid] = extract("The EU will provide 90 billion euros of support to Ukraine for 2026-27.",
                    date(2025, 12, 19), learned=learned)
    assert aid.year is None
    # a period of years that is not one fiscal year stays a period
    [y] = find_years("SEK 75 billion for 2024-2026", 2025)
    assert (y.kind, y.year) == ("period", None)


@pytest.mark.parametrize("name", ["European Parliament", "European Defence Agency",
                                  "European Investment Bank", "European Peace Facility"])
def test_the_eu_s_institutions_are_the_eu_not_europe(name):
    [m] = find_mentions(f"The {name} said so.")
    assert m.code == "EU"
    [c] = extract(f"The {name} will give Ukraine EUR 5 billion in military aid.",
                  date(2024, 3, 18))
    assert c.subject == "EU"


@pytest.mark.parametrize("learned", [False, True])
def test_an_amount_for_each_of_the_next_years_is_one_claim_a_year_after_publication(learned):
    text = ("Key provisions include $800 million for Ukraine, with $400 million designated for "
            "each of the next two years under the Ukraine Security Assistance Initiative.")
    claims = extract(text, date(2025, 12, 17), learned=learned)
    assert sorted(c.year for c in claims if c.value == 4e8) == [2026, 2027]
    # without a publication date the years are not known: one claim, as before
    assert len([c for c in extract(text, None, learned=learned) if c.value == 4e8]) == 1


@pytest.mark.parametrize("learned", [False, True])
def test_an_amount_in_a_country_s_own_currency_is_its_own_when_its_sentence_names_it(learned):
    # 'National People's Congress' holds 'Congress', a metonym of the United States
    text = ("China plans to raise defence spending to 1.909 trillion yuan, according to a draft "
            "submitted to the National People's Congress.")
    [c] = _only(extract(text, date(2026, 3, 5), learned=learned), "spending_amount")
    assert (c.subject, c.unit) == ("CHN", "CNY")


@pytest.mark.parametrize("learned", [False, True])
def test_singapore_dollars_are_singapore_s(learned):
    text = "Singapore's defence budget for the coming financial year is S$20.2 billion."
    [c] = _only(extract(text, date(2024, 2, 29), learned=learned), "spending_amount")
    assert (c.subject, c.unit, c.value) == ("SGP", "SGD", 20.2e9)
    [q] = find_quantities("US$5 billion")
    assert q.currency == "USD"


@pytest.mark.parametrize("text", [
    # a shortfall against a target
    "NATO's European members need to close a €56bn defence spending hole.",
    "Germany, which last year spent €14bn less than needed on defence, plans to catch up.",
    "The next largest European defence shortfalls were €11bn in Spain.",
    # a GDP, a deficit, an underfunding
    "Based on the 2024 estimate, Bulgaria's GDP stands at 8.425 billion leva, so defence grows.",
    "Turkey's gross domestic product (GDP) for 2025 is expected to reach $1.465 trillion, and "
    "the defence budget will grow.",
    "The government aims to reduce the budget deficit by €40 billion to offset military costs.",
    "Since 2014 the allies have underfunded defence by more than $827 billion.",
])
def test_a_shortfall_a_gdp_or_a_deficit_is_not_spending(text):
    assert not [c for c in extract(text, date(2025, 3, 1)) if c.type == "spending_amount"]


def test_each_after_an_amount_gives_it_to_every_country_listed():
    text = ("Under the SAFE defence loans, Spain and Greece have requested 1.2 billion euros each "
            "for military spending.")
    claims = _only(extract(text, date(2025, 8, 15)), "spending_amount")
    assert sorted(c.subject for c in claims) == ["ESP", "GRC"]


def test_israel_is_a_subject_only_where_its_sentence_says_so():
    text = ("Aid packages for Israel and Taiwan also passed. The share of aid for Ukraine amounts "
            "to $61 billion, the US Congress said.")
    assert {c.subject for c in extract(text, date(2024, 4, 20))} == {"USA"}


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize("text", [
    "Latvia and Lithuania spend 3.15% and 2.85% of GDP respectively.",
    "Latvia and Lithuania spend 3.15% and 2.85% of GDP on defence.",
])
def test_as_many_shares_as_names_pair_off_in_order(text, learned):
    claims = _only(extract(text, date(2025, 3, 9), learned=learned), "share_of_gdp")
    assert sorted((c.subject, c.value) for c in claims) == [("LTU", 2.85), ("LVA", 3.15)]


@pytest.mark.parametrize("learned", [False, True])
def test_a_group_s_members_take_no_order_from_a_run_of_shares(learned):
    # the Baltic states' members are named by no word of the sentence: no pairing (it crashed)
    text = "The Baltic states spend 3.4%, 3.1% and 2.9% of GDP on defence."
    claims = extract(text, date(2025, 3, 9), learned=learned)
    assert {c.value for c in claims} == {3.4, 3.1, 2.9}


def test_a_share_for_a_name_after_it_is_that_name_s():
    text = ("Poland is estimated to have spent 4.12% of its GDP on defence in 2024, compared to a "
            "2.02% average for European NATO members and Canada, and 3.38% for the U.S.")
    subjects = {c.value: c.subject for c in extract(text, date(2025, 3, 9))}
    assert subjects == {4.12: "POL", 2.02: "NATO_EUROPE_CANADA", 3.38: "USA"}


def test_pc_after_a_figure_is_per_cent():
    [q] = find_quantities("nearly 1.71pc of the GDP")
    assert (q.kind, q.value) == ("percent", 1.71)
    assert [q.kind for q in find_quantities("5 PCs")] != ["percent"]
    [c] = extract("Pakistan will spend nearly 1.71pc of GDP on defence in 2024.",
                  date(2024, 6, 12))
    assert (c.type, c.subject, c.value, c.hedge) == ("share_of_gdp", "PAK", 1.71, "nearly")


def test_an_amount_a_share_of_gdp_reaches_is_still_read():
    text = ("Latvia will give Ukraine military support of 0.25% of GDP. The report indicates that "
            "0.25% of GDP will reach around 112 million euros in 2024.")
    assert [c.value for c in extract(text, date(2024, 4, 4)) if c.type == "aid_pledge"] == [112e6]


@pytest.mark.parametrize("learned", [False, True])
def test_portugal_s_prime_minister_montenegro_is_not_the_country(learned):
    text = ("Portuguese Prime Minister Luís Montenegro has announced that Portugal's aid to "
            "Ukraine will reach €220 million this year. “We will reach more than €220 million "
            "in military support,” Montenegro told journalists in Washington.")
    claims = extract(text, date(2024, 7, 11), learned=learned)
    assert claims and {c.subject for c in claims} == {"PRT"}
    # the country itself is still named
    [c] = extract("Montenegro will spend 2% of its GDP on defence in 2024.", date(2024, 7, 11),
                  learned=learned)
    assert c.subject == "MNE"


@pytest.mark.parametrize("learned", [False, True])
def test_this_year_in_an_undated_text_is_no_year_not_the_one_named_before(learned):
    text = ("The alliance's liaison group was set up in 2022. Poland is expected to spend more "
            "than 4%, bringing it closer to 5% this year.")
    [c] = [c for c in extract(text, None, learned=learned) if c.value == 4.0]
    assert c.year is None


@pytest.mark.parametrize("text", [
    "In 2025, all 32 members spent at least 2 percent of GDP on defense.",
    "In 2025 the 2 percent of GDP target was met by all members for the first time.",
])
def test_all_members_spending_or_meeting_a_target_is_a_count_of_all(text):
    [c] = _only(extract(text, date(2026, 3, 27)), "allies_meeting_target")
    assert (c.value, c.year, c.target_pct) == (32, 2025, 2.0)


def test_all_members_in_a_hypothetical_are_no_count():
    text = ("Under a hypothetical scenario where all members spent 5% of GDP, the US share would "
            "remain over half.")
    assert not [c for c in extract(text, date(2025, 9, 3)) if c.type == "allies_meeting_target"]


def test_a_rough_count_is_hedged():
    text = "Roughly 10 of NATO's 31 members meet the alliance's 2% of GDP standard."
    [c] = _only(extract(text, date(2023, 8, 5)), "allies_meeting_target")
    assert (c.value, c.hedge, c.total) == (10, "about", 31)
    # the sign, as on every other figure
    [c] = _only(extract("Today ~23 of 32 allies meet 2%.", date(2025, 6, 20)),
                "allies_meeting_target")
    assert (c.value, c.hedge, c.low, c.high) == (23, "about", None, None)


@pytest.mark.parametrize(("text", "n", "target", "total"), [
    # a Commons question (round 41): the target is in the sentence before
    ("The best way is for all 32 member nations of NATO to be contributing the agreed 2% per "
     "nation. As of today, seven of those 32 are doing so.", 7, 2.0, 32),
    ("Allies agreed to spend 3.5% of GDP on core defence. Only three of them are already doing "
     "so.", 3, 3.5, None),
])
def test_a_count_of_those_doing_what_the_sentence_before_asks(text, n, target, total):
    [c] = _only(extract(text, date(2023, 9, 5)), "allies_meeting_target")
    assert (c.value, c.target_pct, c.total) == (n, target, total)


def test_doing_so_is_no_count_without_a_target_before():
    for text in ("Inflation was 2.4 percent. He said he is doing so, and five do so each year.",
                 "The minister spoke. Seven of those 32 are doing so."):
        claims = extract(text, date(2023, 9, 5))
        assert not [c for c in claims if c.type == "allies_meeting_target"]


@pytest.mark.parametrize(("name", "code"), [("the Sejm", "POL"), ("the Storting", "NOR"),
                                            ("the Saeima", "LVA"), ("the Riksdag", "SWE"),
                                            ("the Assembly of the Republic", "PRT")])
def test_a_national_parliament_names_its_country(name, code):
    [c] = extract(f"{name} approved defence spending of 3% of GDP for 2026.", date(2025, 12, 1))
    assert c.subject == code


@pytest.mark.parametrize("learned", [False, True])
def test_annual_aid_has_no_single_year(learned):
    text = "The Netherlands typically provides around €3.5 billion in annual assistance to Ukraine."
    [c] = extract(text, date(2025, 12, 10), learned=learned)
    assert (c.type, c.year) == ("aid_pledge", None)


@pytest.mark.parametrize("learned", [False, True])
def test_a_dollar_amount_does_not_name_the_united_states(learned):
    text = ("Finland's Ministry of Defence announced a defence budget of 6.5 billion euros (6.67 "
            "billion US dollars) for 2025. In 2024, NATO defence budgets amounted to US $1.5 "
            "trillion.")
    subjects = {c.value: c.subject for c in extract(text, date(2024, 12, 19), learned=learned)}
    assert subjects[6.5e9] == "FIN" and "USA" not in subjects.values()
    if not learned:  # the subject layer weighs the names itself (NATO, or the Finland before)
        assert subjects[1.5e12] == "NATO"


def test_a_ministry_owned_by_a_named_country_is_not_the_uk_s():
    [c] = extract("The Dutch Ministry of Defence will spend 1.2 billion euros on drones in 2025.",
                  date(2025, 1, 5))
    assert c.subject == "NLD"
    [c] = extract("The Ministry of Defence will spend £1.2 billion on drones in 2025.",
                  date(2025, 1, 5))
    assert c.subject == "GBR"  # on its own it is still London's


@pytest.mark.parametrize("learned", [False, True])
def test_a_share_of_gross_national_income_is_no_share_of_gdp(learned):
    text = ("Luxembourg's military expenditures are to be increased to 2% of the gross national "
            "income (GNI) by 2030, and to 1% of GNI next year.")
    assert extract(text, date(2024, 6, 11), learned=learned) == []


@pytest.mark.parametrize("learned", [False, True])
def test_a_share_of_the_world_s_gdp_is_no_ally_s_share(learned):
    text = ("In 2024, world military expenditure rose 9% to $2.7tn, equivalent to 2.5% of global "
            "GDP – the steepest yearly increase in decades.")
    assert [c for c in extract(text, date(2026, 1, 8), learned=learned)
            if c.unit == "pct_gdp"] == []


def test_aid_held_back_until_allies_spend_a_share_leaves_the_share_a_target():
    text = ("Lee's amendment would have blocked all but two percent of the aid being made "
            "available until countries in NATO not yet meeting the expectation of spending the "
            "equivalent of two percent of their GDP on their defense reached that threshold.")
    [c] = extract(text, date(2023, 7, 22))
    assert (c.type, c.subject, c.value) == ("target_commitment", "NATO", 2.0)
    assert c.span[0] == text.index("two percent of their")  # the share, not the aid's


@pytest.mark.parametrize("learned", [False, True])
def test_an_amount_a_year_from_one_year_until_another_is_one_claim_a_year(learned):
    text = ("According to the agreement, Iceland will allocate almost $30 million per year in aid "
            "to Ukraine from 2024 until 2028.")
    claims = extract(text, date(2024, 5, 31), learned=learned)
    assert [c.year for c in claims] == [2024, 2025, 2026, 2027, 2028]
    assert {(c.type, c.subject, c.value, c.hedge) for c in claims} == {
        ("aid_pledge", "ISL", 30e6, "nearly")}


@pytest.mark.parametrize("learned", [False, True])
def test_a_ranking_in_brackets_takes_its_unit_from_the_first_row(learned):
    text = ("Some years ago, the NATO members agreed to provide 2 percent of GDP to defence "
            "expenditure. That target has not been achieved by most of them.\nInterestingly, "
            "the nations closest to Russia have the highest expenditure. According to 2023 data, "
            "Poland (3.9 percent) leads the way from Greece (3.01), Estonia (2.73), Lithuania "
            "(2.54), Finland (2.45), Romania (2.44), Hungary (2.43), and Slovakia (2.03).")
    shares = [(c.subject, c.value, c.year) for c in extract(text, date(2024, 2, 19),
                                                            learned=learned)
              if c.type == "share_of_gdp"]
    assert shares == [("POL", 3.9, 2023), ("GRC", 3.01, 2023), ("EST", 2.73, 2023),
                      ("LTU", 2.54, 2023), ("FIN", 2.45, 2023), ("ROU", 2.44, 2023),
                      ("HUN", 2.43, 2023), ("SVK", 2.03, 2023)]


def test_bracketed_figures_with_no_unit_row_are_no_shares():
    text = ("Defence ministers met in Brussels. Delegations: Greece (3.01), Estonia (2.73), "
            "Lithuania (2.54), Finland (2.45).")
    assert extract(text, date(2024, 2, 19)) == []


def test_a_figure_after_but_is_not_the_count_s_target():
    text = ("Britain is one of 11 member states to hit the target but the average for NATO "
            "countries in Europe is estimated at 1.74 per cent.")
    count, share = extract(text, date(2024, 5, 9))
    assert (count.type, count.value, count.target_pct) == ("allies_meeting_target", 11, 2.0)
    assert (share.type, share.value) == ("share_of_gdp", 1.74)


def test_the_g7_s_money_is_the_donors():
    text = ("At the June 2024 G7 meeting, G7 leaders said that they would launch 'extraordinary "
            "revenue acceleration loans' for Ukraine, to make available $50 billion in "
            "additional funding by the end of 2024.")
    [c] = extract(text, date(2026, 2, 1))
    assert (c.type, c.subject, c.value) == ("aid_pledge", "DONORS", 50e9)


@pytest.mark.parametrize("learned", [False, True])
def test_people_counted_before_a_bare_figure_are_no_money(learned):
    text = ("In April 2025 the World Bank said Ukraine received US$524 million in grants. Around "
            "5.9 million refugees from Ukraine are recorded globally. Germany hosts the higher "
            "number of refugees (3.3 million), reportedly followed by Russia (1.2 million).")
    values = [c.value for c in extract(text, date(2026, 2, 1), learned=learned)]
    assert 3.3e6 not in values and 1.2e6 not in values and 5.9e6 not in values


@pytest.mark.parametrize("learned", [False, True])
def test_what_rebuilding_ukraine_costs_is_no_aid(learned):
    text = ("In April 2025 the World Bank estimated that the cost of Ukraine's reconstruction and "
            "recovery stood at US$524 million.")
    assert extract(text, date(2026, 2, 1), learned=learned) == []


@pytest.mark.parametrize("learned", [False, True])
def test_an_amount_over_months_of_two_years_has_no_year(learned):
    text = ("From December 2021 to February 2024 the UK has announced £6.5 billion of fiscal "
            "support to Ukraine via World Bank loan guarantees and grants.")
    [c] = extract(text, date(2026, 2, 1), learned=learned)
    assert (c.type, c.subject, c.value, c.year) == ("aid_pledge", "GBR", 6.5e9, None)


def test_a_relative_clause_is_about_the_name_just_before_it():
    text = ("Sweden, which became NATO's 32nd member last week, aims to reach the target this "
            "year, while Finland, which joined in 2023, is planning to spend 2.3% of GDP on its "
            "armed forces in 2024.")
    [c] = extract(text, date(2024, 3, 13))
    assert (c.type, c.subject, c.value, c.year) == ("share_of_gdp", "FIN", 2.3, 2024)


@pytest.mark.parametrize("text", [
    "The new package brings Australia's overall financial support to Ukraine to more than $650 "
    "million.",
    "With this latest contribution, the total value of defense equipment supplied by Finland to "
    "Ukraine has reached €2.2 billion, as per the Finnish Defense Ministry.",
    "Lithuania has provided Ukraine with more than 1 billion euros in aid, half of which is "
    "military aid.",
])
def test_what_a_donor_has_given_so_far_has_no_year(text):
    [c] = extract(text, date(2024, 6, 1))
    assert (c.type, c.year) == ("aid_pledge", None)


def test_by_the_end_of_the_decade_is_a_deadline():
    text = ("Rishi Sunak, the Prime Minister, last week announced that Britain's spending would "
            "increase to 2.5 per cent of GDP by the end of the decade.")
    [c] = extract(text, date(2024, 5, 1))
    assert (c.type, c.subject, c.value, c.deadline) == ("target_commitment", "GBR", 2.5, 2030)


def test_allies_spending_a_share_of_their_gdp_each_have_it():
    text = ("Portugal and Canada have voluntarily committed to spending two percent of their Gross "
            "Domestic Product (GDP) on defense this year.")
    claims = extract(text, date(2025, 6, 17))
    assert [(c.type, c.subject, c.value, c.year) for c in claims] == [
        ("share_of_gdp", "PRT", 2.0, 2025), ("share_of_gdp", "CAN", 2.0, 2025)]


def test_a_level_reached_only_by_listed_allies_is_each_one_s():
    text = ("Last year, just 11 of the alliance's 32 members, including the UK, reached the "
            "current target. Mr Duda has previously argued that 3 per cent – a level reached "
            "only by Poland, the US and Greece – is required to defend against growing threats.")
    shares = [(c.subject, c.value) for c in extract(text, date(2024, 5, 1))
              if c.type == "share_of_gdp" and c.value == 3.0]
    assert shares == [("POL", 3.0), ("USA", 3.0), ("GRC", 3.0)]


def test_the_current_target_dates_nothing():
    text = ("Last year, just 11 of the alliance's 32 members, including the UK, reached the "
            "current target. Luxembourg, which had the smallest budget for defence compared to "
            "its GDP, spent just 1 per cent.")
    count, share = extract(text, date(2024, 5, 1))
    assert (count.type, count.value, count.year) == ("allies_meeting_target", 11, 2023)
    assert (share.subject, share.value, share.year) == ("LUX", 1.0, 2023)


@pytest.mark.parametrize("text", [
    "\"The begins with increasing defense spending,\" Hegseth said from NATO headquarters in "
    "Brussels on Thursday. \"2% is a start as President Trump has said.\"",
    "I expect that when we meet in Vilnius, we will agree a new Defence Investment Pledge. Where "
    "2% of GDP for defence is a floor, not a ceiling.",
])
def test_a_share_called_a_start_or_a_floor_is_the_alliance_s_yardstick(text):
    [c] = extract(text, date(2025, 2, 13))
    assert (c.type, c.subject, c.value) == ("target_commitment", "NATO", 2.0)


def test_a_bare_number_that_will_spend_the_level_after_a_count_is_a_count():
    text = ("In the year 2020, only nine NATO allies were spending 2% of their GDP on defense. "
            "This year, 23 will spend at least 2%. And some will spend more than that.")
    counts = [(c.value, c.year) for c in extract(text, date(2024, 7, 11))
              if c.type == "allies_meeting_target"]
    assert counts == [(9, 2020), (23, 2024)]


@pytest.mark.parametrize("learned", [False, True])
def test_money_for_another_country_s_war_is_no_aid_to_ukraine(learned):
    text = ("The $95.34 billion national security supplemental package includes $60.06 billion to "
            "support Ukraine; $14.1 billion in security assistance for Israel; and $8.1 billion "
            "for the Indo-Pacific.")
    values = [c.value for c in extract(text, date(2024, 2, 13), learned=learned)]
    assert 60.06e9 in values and 14.1e9 not in values and 8.1e9 not in values


@pytest.mark.parametrize("learned", [False, True])
def test_nato_excluding_the_us_is_europe_and_canada(learned):
    text = ("The overall spending for Nato members, excluding the US, has increased from 1.4% of "
            "GDP in 2014 to 2% in 2024.")
    claims = extract(text, date(2025, 6, 24), learned=learned)
    assert [(c.subject, c.value, c.year) for c in claims] == [
        ("NATO_EUROPE_CANADA", 1.4, 2014), ("NATO_EUROPE_CANADA", 2.0, 2024)]


def test_urging_all_members_to_spend_is_no_count():
    text = ("Urging all members of the North Atlantic Treaty Organization to spend a minimum of 2 "
            "percent of gross domestic product on defense.")
    [c] = extract(text, date(2023, 9, 14))
    assert (c.type, c.subject, c.hedge) == ("target_commitment", "NATO", "at least")


def test_a_fiscal_year_before_to_is_not_the_low_end_of_a_range():
    text = ("The supplementary allocation brings total defence expenditure for FY25 to 70 billion "
            "US dollars (11 trillion yen), Japan's defence ministry said.")
    [c] = extract(text, date(2025, 12, 1))
    assert (c.value, c.hedge, c.low, c.high, c.subject) == (70e9, None, 70e9, 70e9, "JPN")


@pytest.mark.parametrize("learned", [False, True])
def test_a_fraction_of_the_allies_and_the_count_it_rounds_are_one_count(learned):
    text = ("This year, two-thirds of NATO members, that is 21 of 32 nations, are expected to "
            "spend at least 2 percent of GDP on defense.")
    [c] = extract(text, date(2024, 4, 12), learned=learned)
    assert (c.type, c.value, c.total) == ("allies_meeting_target", 21, 32)


def test_a_capped_amount_is_hedged_up_to():
    [c] = extract("The House version extended Ukraine aid but capped it at $400 million.",
                  date(2025, 10, 10))
    assert (c.type, c.value, c.hedge) == ("aid_pledge", 4e8, "up to")


def test_an_initial_at_the_end_of_a_line_ends_the_sentence():
    text = ("The arrival of the German ammo producer Rheinmetall means Lithuania is preparing for "
            "Day X.\nIn early 2022, Lithuania's defence budget was approximately 1.05 billion "
            "euros, but it increased to 1.5 billion euros in March 2022.")
    assert {c.subject for c in extract(text, date(2024, 10, 26))} == {"LTU"}
    assert len(split_sentences("John F. Kennedy spoke.")) == 1


def test_by_a_year_before_a_share_is_its_deadline():
    text = ("In 2026, defence spending will amount to 2.2% of GDP in Czechia, and by 2030 it will "
            "reach 3%.")
    claims = {c.value: c for c in extract(text, date(2025, 3, 5))}
    assert (claims[2.2].type, claims[2.2].year) == ("share_of_gdp", 2026)
    assert (claims[3.0].type, claims[3.0].deadline) == ("target_commitment", 2030)


def test_extra_before_a_currency_word_keeps_the_amount():
    text = ("European Allies and Canada will have invested over 450 billion extra US dollars since "
            "we agreed our defense investment pledge in 2014.")
    [c] = extract(text, date(2023, 7, 7))
    assert (c.value, c.unit, c.subject, c.hedge) == (450e9, "USD", "NATO_EUROPE_CANADA",
                                                      "more than")


def test_money_for_the_reconstruction_of_ukraine_is_aid():
    text = ("The budget plan earmarks up to 100 billion euros for the reconstruction of war-torn "
            "Ukraine.")
    [c] = extract(text, date(2025, 7, 16))
    assert (c.type, c.value, c.hedge) == ("aid_pledge", 100e9, "up to")


@pytest.mark.parametrize(("text", "code"), [
    ("According to the Stockholm Peace Research Institute (SIPRI), in 2024, Austria spent 1% of "
     "GDP on defense. The last time the country spent 1.9% of GDP was in 1964.", "AUT"),
    ("Europe's largest economy will spend €117.2 billion on defence in 2026.", "DEU"),
    ("The Ukraine Facility has disbursed €27 billion to Ukraine so far.", "EU"),
])
def test_names_that_say_who_without_the_country_s_own_name(text, code):
    claims = extract(text, date(2025, 7, 30))
    assert claims and {c.subject for c in claims} == {code}


def test_a_share_someone_expects_spending_to_climb_to_is_a_forecast_level():
    text = ("Blair said that he expects Canada's defence spending to climb to at least 1.75 per "
            "cent of GDP by 2029.")
    [c] = extract(text, date(2024, 6, 14))
    assert (c.type, c.year, c.hedge) == ("share_of_gdp", 2029, "at least")


@pytest.mark.parametrize("text", [
    "Defence spending will account for 32 percent of total 2025 budget expenditure of 41.5 "
    "trillion roubles ($446bn).",
    "Ottawa intends to save 60 billion dollars over five years, reinvesting in defence.",
    "The government aims to double defense industry exports to $11 billion.",
    "By contrast, Lockheed grossed $71 billion in defence revenue.",
])
def test_a_whole_budget_exports_takings_and_savings_are_not_defence_spending(text):
    assert not [c for c in extract(text, date(2025, 1, 10)) if c.type == "spending_amount"]


def test_a_conversion_after_the_noun_an_amount_names_is_no_amount():
    text = ("European Union leaders have reached an agreement to grant Ukraine a €90 billion loan "
            "(£79 billion; $105 billion).")
    [c] = extract(text, date(2025, 12, 19))
    assert (c.type, c.value, c.unit) == ("aid_pledge", 90e9, "EUR")
    # not a bracket of other years' figures
    values = [q.value for q in find_quantities("spent €2 billion in 2025 (€1 billion in 2024)")]
    assert 1e9 in values


@pytest.mark.parametrize("text", [
    "The International Monetary Fund estimates that Ukraine will need about €137 billion in the "
    "next two years.",
    "The total estimated remaining funding needs of Ukraine for the period 2026-27 amount to "
    "€135.7 billion.",
])
def test_what_ukraine_needs_is_no_aid(text):
    # after a pledge, which makes a bare amount aid
    pledge = "Germany pledged €2 billion in military aid to Ukraine. "
    assert [c.value for c in extract(pledge + text, date(2025, 12, 19))] == [2e9]


def test_granting_ukraine_money_is_aid():
    [c] = extract("EU leaders agreed to grant Ukraine a €90 billion loan.", date(2025, 12, 19))
    assert (c.type, c.subject, c.value) == ("aid_pledge", "EU", 90e9)


def test_an_earlier_count_after_a_count_of_a_total_is_read():
    text = ("Of the alliance's thirty-two members, at least 24 have met the spending target, up "
            "from six in 2021.")
    counts = {(c.value, c.year) for c in extract(text, date(2024, 7, 1))
              if c.type == "allies_meeting_target"}
    assert counts == {(24, 2024), (6, 2021)}


@pytest.mark.parametrize(("text", "value", "year"), [
    ("At the time of the 2014 pledge, only three NATO members – the U.S., the U.K. and Greece – "
     "were at the 2% threshold.", 3, 2014),
    ("By the end of the year, two-thirds of our NATO allies will meet their 2% of GDP defense "
     "spending target.", 21, 2024),
    ("In the last two years, the number of countries meeting the 2% criterion has doubled and "
     "currently stands at 23.", 23, 2024),
    ("All of NATO's 32 members are finally set to meet the alliance's 2% spending target this "
     "year.", 32, 2024),
])
def test_counts_in_more_wordings(text, value, year):
    [c] = _only(extract(text, date(2024, 7, 8)), "allies_meeting_target")
    assert (c.value, c.year) == (value, year)


def test_an_amount_for_each_of_the_years_named_is_one_claim_a_year():
    text = "The aid will be paid with $400 million for Ukraine for each of the years 2026 and 2027."
    assert [(c.value, c.year) for c in extract(text, date(2025, 12, 18))] == [
        (4e8, 2026), (4e8, 2027)]


def test_a_share_a_budget_restates_is_a_level_even_after_should():
    text = ("France's defence budget will grow in 2025. \"As in the previous year, the armed "
            "forces budget should increase by 3.3 billion euros and reach 50.5 billion euros, or "
            "2% of GDP,\" according to the bill.")
    [c] = [c for c in extract(text, date(2024, 10, 11)) if c.unit == "pct_gdp"]
    assert (c.type, c.subject, c.value) == ("share_of_gdp", "FRA", 2.0)


def test_the_group_an_ally_leads_is_not_who_spends():
    text = ("Poland leads the alliance in defense expenditure, allocating 4.12% of its GDP to "
            "defense.")
    [c] = extract(text, date(2025, 6, 27))
    assert c.subject == "POL"


def test_a_percent_sign_before_the_figure_is_a_share():
    [q] = find_quantities("the guideline of spending %2 of GDP")
    assert (q.kind, q.value) == ("percent", 2.0)


def test_members_of_another_body_are_not_nato():
    text = ("311 members of the U.S. House of Representatives voted to allocate more than $60 "
            "billion to Ukraine. Ukraine's share is more than $60 billion, with $14 billion "
            "earmarked for the purchase of military equipment.")
    assert {c.subject for c in extract(text, date(2024, 4, 23))} == {"USA"}


def test_a_shortfall_once_estimated_is_no_spending():
    text = ("The spending plans for each ministry are now ready, and a shortfall once estimated "
            "at 21 billion euros has been fully bridged.")
    assert extract(text, date(2026, 7, 3)) == []


def test_a_dollar_the_text_calls_american_stays_american():
    # 'US $' with a space and 'USD $' name the currency: neither is a Canadian's dollar, and a
    # hedge before the letters still hedges the figure
    text = ("Canada will give about US $60 million to Ukraine. Canada will also give roughly "
            "USD $2 million to Ukraine, and plus $5 million to Ukraine.")
    got = [(c.value, c.unit, c.hedge) for c in extract(text, date(2025, 11, 10))]
    assert got == [(60e6, "USD", "about"), (2e6, "USD", "about"), (5e6, "CAD", None)]


def test_a_package_for_ukraine_and_another_country_is_not_aid_to_ukraine():
    text = ("The Senate approved a $95 billion aid package for Ukraine, Israel and Taiwan. It "
            "holds $60 billion for Ukraine, while Israel will receive $14 billion and $8 billion "
            "would be used to support U.S. partners in the Indo-Pacific.")
    assert [c.value for c in extract(text, date(2024, 2, 13))] == [60e9]


def test_what_a_donor_has_spent_so_far_has_no_year():
    text = ("The United States has spent around $113 billion in aid to Ukraine. The total aid "
            "Congress approved for Ukraine is $113.4 billion.")
    assert [(c.value, c.year) for c in extract(text, date(2024, 3, 29))] == [
        (113e9, None), (113.4e9, None)]


def test_an_ally_whose_initiative_takes_the_money_is_not_its_giver():
    text = ("Canada will give $3 million for drones. The minister also announced $13 million "
            "for the Czech Republic's effort to buy shells for Ukraine.")
    assert {c.subject for c in extract(text, date(2024, 4, 26))} == {"CAN"}


def test_ukraine_s_own_defence_is_ukraine_s():
    # Ukraine is mostly named as aid's recipient; its own defence spending is still its own,
    # while what it needs in general is no one's claim
    text = ("Ukraine will need at least $120 billion for its defense in 2026. Its spending has "
            "soared, and Ukraine now spends more than 31% of its gross domestic product on its "
            "military. The IMF estimates that Ukraine will need about $40 billion next year.")
    got = [(c.type, c.subject, c.value) for c in extract(text, date(2025, 9, 14))]
    assert got == [("spending_amount", "UKR", 120e9), ("share_of_gdp", "UKR", 31.0)]


def test_hundreds_spelled_out_are_read_whole():
    assert parse_number("four hundred eighty-five") == 485
    assert parse_number("four hundred and sixty-seven and a half") == 467.5
    text = ("Defense expenditures by NATO members in Europe and Canada reached four hundred "
            "eighty-five billion dollars in 2024.")
    [c] = extract(text, date(2025, 2, 12))
    assert (c.value, c.unit, c.year) == (485e9, "USD", 2024)


def test_there_were_n_such_countries_is_the_next_count():
    text = ("Only five NATO members spent more than 2% of their GDP on defence in 2016. There "
            "were seven such countries in 2022, and last year there were already 11. There are "
            "32 members.")
    got = [(c.value, c.year) for c in extract(text, date(2024, 2, 13))
           if c.type == "allies_meeting_target"]
    assert got == [(5, 2016), (7, 2022), (11, 2023)]


def test_allies_listed_as_having_passed_a_mark_each_have_it():
    text = "Poland, Estonia, Latvia and Greece have already passed the three percent mark."
    got = [(c.subject, c.value) for c in extract(text, date(2025, 7, 18), learned=True)]
    assert got == [("POL", 3.0), ("EST", 3.0), ("LVA", 3.0), ("GRC", 3.0)]


def test_all_but_n_allies_is_the_rest_of_the_alliance():
    [c] = extract("All but ten of NATO's 32 members meet the 2% target.", date(2025, 7, 18))
    assert (c.type, c.value, c.total) == ("allies_meeting_target", 22, 32)
    [c] = extract("All but three NATO allies now spend 2% of GDP on defence.", date(2025, 7, 18))
    assert c.value == 29


def test_aid_for_ukraine_and_israel_named_further_on_is_not_ukraine_s_alone():
    text = ("Congress approved $95 billion in foreign aid to provide weapons and support to key "
            "U.S. allies including Ukraine and Israel.")
    assert extract(text, date(2024, 4, 24), learned=True) == []


def test_the_defense_department_and_the_eu_s_plans_name_their_spender():
    text = ("The FY2025 request seeks $849.8 billion for DoD, consistent with the Fiscal "
            "Responsibility Act of 2023.")
    assert [c.subject for c in extract(text, date(2024, 4, 30), learned=True)] == ["USA"]
    text = ("'ReArm Europe' could mobilise close to 800 billion euros of defence expenditures "
            "for a safe and resilient Europe, von der Leyen told reporters.")
    assert [c.subject for c in extract(text, date(2025, 3, 4))] == ["EU"]


def test_thousands_set_apart_by_spaces_before_a_currency_are_one_amount():
    text = ("In terms of raw cash, Latvia will spend 2 157 966 637 euros on defence next year, "
            "the largest amount ever.")
    [c] = extract(text, date(2025, 12, 10))
    assert (c.subject, c.value, c.unit, c.year) == ("LVA", 2157966637, "EUR", 2026)
    # elsewhere a space parts two numbers: a year and a count stay apart
    assert [c.value for c in extract("In 2024 23 allies met the 2% target.", date(2025, 1, 2))
            if c.type == "allies_meeting_target"] == [23]


def test_what_ukraine_needs_in_defense_funding_is_its_own_spending():
    text = ("- Germany pledged over $2 billion in new military aid for Ukraine.\n"
            "- Ukraine estimates it will need $120 billion in defense funding for 2026, aiming to "
            "self-fund half of that amount.")
    got = [(c.type, c.subject, c.value, c.year) for c in extract(text, date(2025, 10, 15))]
    assert got == [("aid_pledge", "DEU", 2e9, 2025), ("spending_amount", "UKR", 120e9, 2026)]


def test_making_up_a_share_of_gdp_is_a_level_not_a_change():
    [c] = extract("Defence spending will make up 2.75 percent of GDP in 2024.", date(2023, 12, 12))
    assert (c.type, c.value, c.year) == ("share_of_gdp", 2.75, 2024)
    # 'up' alone still reads a change, which is no claim
    assert extract("Defence spending is up 2.75 percent from 2023.", date(2024, 3, 1)) == []


def test_money_for_several_years_said_before_the_amount_has_no_year():
    text = "Canada will extend a three-year-long $482 million aid program to Ukraine."
    [c] = extract(text, date(2023, 9, 22))
    assert (c.value, c.year) == (482e6, None)
    # a package inside a ten-year agreement is this year's
    text = ("Spain pledged a new military assistance package valued at $1.05 billion, part of a "
            "broader ten-year bilateral defense agreement.")
    assert [c.year for c in extract(text, date(2025, 3, 1))] == [2025]


def test_allies_listed_with_their_shares_after_a_missed_target_have_levels():
    text = ("Eight of the alliance’s 32 members did not even meet NATO’s guideline target of 2%: "
            "Spain (1.28%), Slovenia (1.29%) and Croatia (1.81%).")
    got = [(c.type, c.subject, c.value) for c in extract(text, date(2025, 1, 13))]
    # no count either: how many miss a target is not a count of those who meet it
    assert got == [("share_of_gdp", "ESP", 1.28), ("share_of_gdp", "SVN", 1.29),
                   ("share_of_gdp", "HRV", 1.81)]


def test_scandinavia_is_the_nordic_group():
    text = ("Scandinavia – $500 million (combined): Sweden will contribute $275 million, Norway "
            "$112 million and Denmark $113 million to the total.")
    got = [(c.subject, c.value) for c in extract(text, date(2025, 8, 6))]
    assert got[0] == ("NORDICS", 500e6)


def test_dollars_named_after_a_dollar_sign_say_which_dollars():
    text = ("Canada will provide $33 million Canadian dollars ($24.4 million) to a U.K.-led "
            "partnership delivering air defense equipment to Ukraine.")
    [c] = extract(text, date(2023, 9, 22))
    assert (c.value, c.unit) == (33e6, "CAD")
    assert find_quantities("$50 million Australian dollars")[0].currency == "AUD"


def test_two_percentages_joined_by_to_are_one_range_unless_a_change():
    [q, _] = find_quantities("spending could reach 3.5% to 4.0% of GDP in 2025")
    assert (q.value, q.high_value, q.hedge) == (3.5, 4.0, "range")
    for change in ("increase defence expenditure from its current level of 2.3 per cent to 2.5 "
                   "per cent", "spending rose by 2% to 2.5%", "a jump from 2% to 5%"):
        assert all(q.high_value is None for q in find_quantities(change)), change
    text = ("As a result, actual defence spending could reach 3.5% to 4.0% of GDP in 2025, and "
            "rise to 5.25% by 2026.")
    got = [(c.value, c.hedge) for c in extract(text, date(2025, 4, 28))]
    assert got[0] == (3.5, "range") and (4.0, None) not in got


def test_a_share_said_to_be_in_two_named_allies_is_each_one_s():
    text = ("The agency forecasts that long-term defense spending will hit 3.3% of GDP in Germany "
            "and France. Conversely, in Italy and Spain, defense spending is projected to only "
            "reach 2% of GDP.")
    got = [(c.subject, c.value) for c in extract(text, date(2025, 4, 1))]
    assert got == [("DEU", 3.3), ("FRA", 3.3), ("ITA", 2.0), ("ESP", 2.0)]


def test_the_level_an_amount_rises_from_in_brackets_is_a_figure_of_its_own():
    text = ("NATO's EU member states will need to raise annual defence spending to more than USD "
            "600bn (from about USD 360bn presently).")
    got = [(c.value, c.hedge, c.year) for c in extract(text, date(2025, 6, 30))]
    assert got == [(600e9, "more than", None), (360e9, "about", 2025)]
    # a conversion in brackets is still one amount, a change's two ends included
    assert len(find_quantities("7,126.3 million manats (from $3.7 billion to around $4.2 "
                               "billion)")) == 1


def test_names_and_figures_closed_by_respectively_pair_off_a_group_included():
    text = ("The Wall Street giant expects euro-zone and UK defense spending to rise to 2.7% and "
            "2.5% of GDP, respectively, by 2027.")
    got = [(c.subject, c.value) for c in extract(text, date(2025, 5, 27))]
    assert got == [("EU", 2.7), ("GBR", 2.5)]
    assert extract(text, date(2025, 5, 27))[0].type == "share_of_gdp"  # a bank's forecast


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize("word", ["suggesting", "meaning", "implying", "indicating"])
def test_a_year_after_suggesting_dates_what_follows_not_the_figure_before(word, learned):
    # '..., suggesting that by 2035 ...' opens a clause: its year is no date of the budget
    # before it, which 'this year' dates
    text = (f"Montenegro's defence ministry said the military budget for this year stands at "
            f"161.42 million euros, {word} that by 2035 it could pass 300 million euros.")
    years = {c.value: c.year for c in _only(extract(text, date(2025, 8, 15), learned=learned),
                                            "spending_amount")}
    assert years == {161_420_000: 2025, 300_000_000: 2035}


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(("text", "ctype"), [
    # the economy's growth, named as a rise in GDP
    ("Officials forecast a rise in GDP of 2.8 percent this year, while military spending grows "
     "faster.", "share_of_gdp"),
    # growth 'at' a rate
    ("NATO defence spending rose again. India's gross domestic product is projected to grow at "
     "6.5 per cent in the current year.", "share_of_gdp"),
    # a part of the allies' summed spending, not of GDP
    ("Italy's share of total NATO defence expenditure fell from 2.9 percent in 2014 to 2.2 "
     "percent in 2024.", "share_of_gdp"),
    # growth over a year's budget
    ("The Pentagon asks for $850 billion for defense in 2025, 1.8 percent above 2024 budget.",
     "share_of_gdp"),
    # a whole government's budget, in a sentence that names no defence
    ("Defence spending keeps rising in Latvia. Lawmakers approved the state budget for 2026 with "
     "expenditures of 16.1 billion euros.", "spending_amount"),
    ("The Riigikogu passed the budget. The budget revenue will total €18.6 billion with "
     "expenditure at €19.5 billion.", "spending_amount"),
])
def test_growth_other_totals_and_whole_budgets_are_no_claim_of_the_type(text, ctype, learned):
    assert not [c for c in extract(text, date(2025, 6, 1), learned=learned) if c.type == ctype]


def test_a_level_over_a_span_of_years_is_still_a_target():
    # 'over 2025-2030' is a period, not growth 'above' a year's figure
    [c] = _only(extract("Lithuania aims to raise defence expenditure to 3.00% over 2025-2030.",
                        date(2024, 6, 1)), "target_commitment")
    assert (c.subject, c.value) == ("LTU", 3.0)


@pytest.mark.parametrize("learned", [False, True])
def test_a_whole_budget_beside_armed_services_or_aid_still_gives_claims(learned):
    services = _only(extract("The federal budget includes $186 billion for the Army and $257 "
                             "billion for the Navy.", date(2025, 11, 1), learned=learned),
                     "spending_amount")
    assert sorted(c.value for c in services) == [186e9, 257e9]
    if learned:  # the rules read no aid here, with or without the budget
        [aid] = _only(extract("At the end of December, the state budget of Ukraine received "
                              "about 950 million dollars from Japan.", date(2025, 11, 1),
                              learned=True), "aid_pledge")
        assert (aid.subject, aid.value) == ("JPN", 950e6)


@pytest.mark.parametrize("sep", ["/", "-", "–"])
def test_the_second_year_of_a_fiscal_year_starts_no_range(sep):
    text = f"Defence spending rises from £62.2bn in 2025{sep}26 to £73.5bn by 2028{sep}29."
    money = [q.value for q in find_quantities(text) if q.kind in ("money", "amount")]
    assert money == [62.2e9, 73.5e9]
    # a range of two figures, and a span of two full years, are read as before
    assert [(q.value, q.high_value) for q in find_quantities("a cost of 10-15 billion euros")
            ] == [(10e9, 15e9)]
    assert [q.value for q in find_quantities("from 2023-2025")] == [2023, 2025]


@pytest.mark.parametrize("learned", [False, True])
def test_a_share_of_government_spending_is_no_share_of_gdp(learned):
    text = ("North Macedonia's defence budget: share of GDP 1.67%, share of total government "
            "expenditure 4.52%.")
    shares = _only(extract(text, date(2024, 6, 1), learned=learned), "share_of_gdp")
    assert [(c.subject, c.value) for c in shares] == [("MKD", 1.67)]


@pytest.mark.parametrize("learned", [False, True])
def test_a_persons_wealth_is_no_aid(learned):
    for text in ("Former U.S. ambassador to Ukraine Marie Yovanovitch has a net worth of $17 "
                 "million.",
                 "The oligarch, whose fortune of $3 billion was frozen, sent drones to Ukraine."):
        assert not extract(text, date(2019, 11, 1), learned=learned)
    # 'worth' alone still prices a package
    [c] = extract("Germany sent a package worth $500 million to Ukraine.", date(2019, 11, 1),
                  learned=learned)
    assert (c.type, c.subject, c.value) == ("aid_pledge", "DEU", 500e6)
