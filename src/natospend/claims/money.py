"""Amounts of money: a country's own defence spending or aid it gives, and whose they are."""

from __future__ import annotations

import re
from datetime import date

from natospend.claims.money_words import (
    COST_OF_SHARE,
    COUNTED_AFTER,
    COUNTED_BEFORE,
    CUMULATIVE,
    DEFENCE_OR_TARGET,
    DEVELOPMENT_AID,
    EACH_AFTER,
    EACH_OF_NEXT_YEARS,
    INVEST,
    MONEY_NOT_BEFORE,
    MULTI_YEAR_BEFORE,
    NEEDS_BEFORE,
    NOT_SPENDING_AFTER,
    OTHER_RECIPIENT_AFTER,
    OTHER_RECIPIENT_BEFORE,
    OWN_SPENDING,
    PER_YEAR_AFTER,
    PER_YEAR_BEFORE,
    PRICE_BEFORE,
    PRICED_BUDGET,
    RECOVERY_COST_BEFORE,
    SPAN_END_BEFORE,
    SPENDING,
    SUPPORT_NOUN,
    TRANSFER,
    UKRAINE_AND_OTHER_AFTER,
    UKRAINE_NEEDS_BEFORE,
    UKRAINE_OWN_DEFENCE_AFTER,
    WHOLE_BUDGET,
    WORLD_TOTAL,
)
from natospend.claims.numbers import Quantity
from natospend.claims.patterns import (
    AID,
    DEFENCE_NOUN,
    FISCAL_NOT_DEFENCE,
    RESTATED_BETWEEN,
    WORD_NUMS,
)
from natospend.claims.sentence import (
    Claim,
    Context,
    Sent,
    clause_of,
    list_around,
    make,
    name_before_bracket,
    next_quantity_start,
    respectively,
    subjects_for,
    text_topics,
    year_for,
)
from natospend.claims.subjects import SUBJECT_ROLES, resolve_currency

# A dollar sign the country names ('US$5', 'US $60', 'USD $2') stays the US dollar in a
# Canadian's or an Australian's sentence; a bare one is theirs.
US_DOLLAR_BEFORE = re.compile(r"\b(?:US|USD|U\.S\.)\s?\$$", re.I)
_OWN_DOLLARS = {"CAN": "CAD", "AUS": "AUD", "NZL": "NZD"}
BARE_DOLLAR_UNITS = frozenset({"USD", *_OWN_DOLLARS.values()})
"""The units a bare dollar sign can be given (``own_dollar``)."""


def own_dollar(currency: str, subject: str | None, text: str, num_start: int) -> str:
    """``currency`` as the amount's subject makes it: a bare dollar sign ('$500 million') is
    Canada's, Australia's or New Zealand's own dollar where the amount is theirs, while 'US$5'
    and 'US $60' stay the US dollar. On the labelled rounds a bare dollar of a Canadian amount
    is Canadian 209 times in 223, of an Australian one 96 in 116, of a New Zealand one 30 in
    46. Called wherever an amount's subject is settled (the rules, the learned layer's own
    claims, and again once the subject layer has had its say), so the unit always follows the
    subject the checker reports."""
    if currency == "USD" and subject in _OWN_DOLLARS and text[num_start - 1:num_start] == "$" \
            and not US_DOLLAR_BEFORE.search(text, max(0, num_start - 7), num_start):
        return _OWN_DOLLARS[subject]
    return currency


def _bracketed_after_name(s: Sent, q: Quantity) -> list[str] | None:
    """'Romania (€16.68 billion)', 'Spain and Finland (€1 billion each)': in a list of
    allocations, the amount in brackets right after a name is that name's (each name's, with
    'each'). Not 'Poland (€43.7 billion) and Romania': any bracketed amount counts, but only the
    name (or 'X and Y ... each' list) right before the bracket owns it."""
    idx = name_before_bracket(s, q)
    if idx is None:
        return None
    if EACH_AFTER.match(s.text, q.end):
        return [m.code for m in list_around(s, idx)]
    return [s.mentions[idx].code]


def money_topic(s: Sent) -> str | None:
    """The topic of money a sentence carries forward, if any: 'aid_pledge' or
    'spending_amount'.

    'Denmark is contributing about $90 million.' names no aid: the sentences before it, about a
    package for Ukraine, do. The latest sentence that speaks of aid or of defence spending sets
    what a following bare amount is.
    """
    if s.has(AID):
        return "aid_pledge"
    if s.has(OWN_SPENDING) and s.has(DEFENCE_NOUN):
        return "spending_amount"
    return None


def _money_type(s: Sent, window: str, first: bool) -> str | None:
    """Aid or defence spending, by the word nearest the figure (first after, last before) in
    ``window``, a part of the sentence ``s``."""
    aid = list(AID.finditer(window)) if s.may_match(AID) else []
    spend = list(SPENDING.finditer(window))
    if not aid and not spend:
        return None
    if not aid or not spend:
        return "aid_pledge" if aid else "spending_amount"
    if first:
        return "aid_pledge" if aid[0].start() <= spend[0].start() else "spending_amount"
    return "aid_pledge" if aid[-1].end() >= spend[-1].end() else "spending_amount"


def _sentence_money_type(s: Sent) -> str | None:
    """``_money_type(s.text, first=True)`` from the sentence's first matches, searched once."""
    aid, spend = s.find(AID), s.find(SPENDING)
    if aid is None and spend is None:
        return None
    if aid is None or spend is None:
        return "aid_pledge" if aid else "spending_amount"
    return "aid_pledge" if aid.start() <= spend.start() else "spending_amount"


def converts_previous(s: Sent, q: Quantity) -> bool:
    """'1.5 billion Norwegian crowns, which is roughly $146 million': the second amount is the
    first in another currency, one amount as issue 4 has it, like a bracketed conversion."""
    prev = [o for o in s.quantities if o.end <= q.start]
    if not prev or prev[-1].kind not in ("money", "amount") or q.kind not in ("money", "amount"):
        return False
    # One side may be in a currency the parser does not know ('1.885 billion dollars, or 3.413
    # billion leva'); two known currencies must differ.
    p_cur, q_cur = prev[-1].currency, q.currency
    if p_cur is not None and q_cur is not None and p_cur == q_cur:
        return False
    if p_cur is None and q_cur is None:
        return False
    return RESTATED_BETWEEN.match(s.text[prev[-1].end:q.start]) is not None


def no_amount(s: Sent, q: Quantity) -> bool:
    """Whether a figure cannot be an amount claimed, whoever types it (the rules here, the
    learned layer's own claims): no budget or package is under a million ('worth €159 (about
    $170 million)' lost its scale), and a figure with no currency of its own that counts
    things borrows none ('2 million artillery shells', 'refugees (3.3 million)')."""
    return q.value < 1e6 or (q.currency is None and (
        COUNTED_AFTER.match(s.text, q.end) is not None
        or COUNTED_BEFORE.search(s.text, max(0, q.start - 100), q.start) is not None))


def not_spending(s: Sent, q: Quantity) -> bool:
    """Whether the words around an amount say it is something else, whoever types it (the
    rules here, the learned layer's own claims): a GDP, a debt, revenue, a market, a deal
    ('GDP for 2026 is estimated at around 8,2 billion euros', '€16.1 billion in revenue'), a
    need ('the funding needs of Ukraine ... amount to €135.7 billion') or what rebuilding it
    costs ('the cost of Ukraine's reconstruction and recovery stood at US$524 million'), money
    for another country's war ('$14.1 billion in security assistance for Israel'), or a whole
    government's budget in a sentence that names no defence ('the 2024 national budget')."""
    text = s.text
    a = clause_of(s, q.start)[0]
    local_after = text[q.end:min(len(text), next_quantity_start(s, q.end), q.end + 80)]
    before = text[a:q.start]
    return NOT_SPENDING_AFTER.match(local_after) is not None or (
        OTHER_RECIPIENT_AFTER.match(local_after) is not None) or (
        text.find("Ukraine", q.end) >= 0 and UKRAINE_AND_OTHER_AFTER.match(
            text, q.end, min(len(text), next_quantity_start(s, q.end), q.end + 120))
        is not None) or (
        OTHER_RECIPIENT_BEFORE.search(before[-90:]) is not None) or (
        s.may_match(MONEY_NOT_BEFORE) and MONEY_NOT_BEFORE.search(before[-40:]) is not None) or (
        s.may_match(UKRAINE_NEEDS_BEFORE) and UKRAINE_NEEDS_BEFORE.search(before[-40:])
        and not UKRAINE_OWN_DEFENCE_AFTER.match(local_after)) or (
        ("needs" in before or "requirement" in before)
        and NEEDS_BEFORE.search(before[-90:]) is not None) or (
        ("reconstruction" in before or "recovery" in before or "rebuilding" in before)
        and RECOVERY_COST_BEFORE.search(before[-110:]) is not None) or (
        s.has(WHOLE_BUDGET) and not s.has(AID) and not text_topics(s.text, s.lower))


def money_claim(s: Sent, q: Quantity, ctx: Context) -> list[Claim] | None:
    text = s.text
    if no_amount(s, q) or converts_previous(s, q):
        return None
    currency = q.currency
    local_after = text[q.end:min(len(text), next_quantity_start(s, q.end), q.end + 80)]
    if currency is None:
        others = [o.currency for o in s.quantities if o.kind == "money" and o.currency]
        currency = others[0] if others else ctx.currency
        if currency is None:
            return None
    a, b = clause_of(s, q.start)
    before = text[a:q.start]
    if not_spending(s, q):
        return None
    if s.has(DEVELOPMENT_AID) and not s.has(DEFENCE_NOUN):
        return None  # 'UK aid spending ... was £15.3 billion. This was 0.58% of GNI'
    if s.may_match(WORLD_TOTAL) and WORLD_TOTAL.search(before):
        return None
    listed = respectively(s, q, money=True)
    subject_hint: str | None = listed
    bracketed = None if listed else _bracketed_after_name(s, q)
    ctype = (("aid_pledge" if s.may_match(AID) and AID.search(local_after) else None)
             or _money_type(s, local_after, first=True) or _money_type(s, before, first=False)
             or _sentence_money_type(s)
             or ("aid_pledge" if s.has(TRANSFER) else None)
             or ("spending_amount" if s.has(INVEST) and s.has(DEFENCE_OR_TARGET) else None)
             or ("spending_amount" if s.has(COST_OF_SHARE)
                 and not s.has(FISCAL_NOT_DEFENCE) else None)
             or ctx.money_type
             or ("aid_pledge" if s.has(SUPPORT_NOUN) else None))
    if ctype == "spending_amount" and not s.has(OWN_SPENDING) and (
            s.has(AID) or ctx.money_type == "aid_pledge"):
        # '£68 million for air defense' in a list of a package's parts: 'defense' alone names
        # what the aid buys, not a budget of the donor's own.
        ctype = "aid_pledge"
    if ctype is None:
        return None
    if ctype == "spending_amount" and ("worth" in before[-40:] or "value" in before[-40:]):
        price = PRICE_BEFORE.search(before[-40:])
        if price is not None:
            head = before[-40:][:price.start()][-28:]
            if not PRICED_BUDGET.search(head) and not DEFENCE_NOUN.search(head):
                return None  # the price of a thing bought, not a budget
    subjects: list[str | None] = [subject_hint] if subject_hint else [*bracketed] if bracketed \
        else list(subjects_for(s, q, ctx, "spending" if ctype == "spending_amount" else "aid"))
    if not subjects and ctx.subject is None and not any(
            m.role in SUBJECT_ROLES for m in s.mentions):
        subjects = [None]  # nobody named yet: a claim the checker reports as unverifiable
    each = bool(subjects) and EACH_AFTER.match(text, q.end) is not None
    if len(subjects) != 1 and not bracketed and not each:
        return None  # several names, none 'each' ('1.2 billion euros each'): whose is unsaid
    subject = subjects[0]
    if subject == "UKR" and ctype == "aid_pledge":
        # aid's recipient is never its giver: money Ukraine needs for its own defence, read
        # after a donor's package ('Germany pledged $2 billion ... Ukraine estimates it will need
        # $120 billion in defense funding for 2026'), is its spending
        ctype = "spending_amount"
    currency = resolve_currency(currency, subject, text[:q.start], ctx.rupee, ctx.crown)
    if currency is None:
        return None  # crowns of no crown country
    currency = own_dollar(currency, subject, text, q.num_start)
    yref = year_for(s, q.start, q.end)
    if yref is not None and yref.kind != "period" and not (ctype == "aid_pledge" and yref.span):
        # (aid 'for 2026-27' is two years' support, not a budget's fiscal year)
        year, inferred = yref.year, yref.inferred
    elif yref is not None or s.matches_in(CUMULATIVE, a, b) or (
            "year" in before[-24:] and MULTI_YEAR_BEFORE.search(before[-24:])):
        year, inferred = None, False
    elif ctype == "aid_pledge" and ctx.published:
        year, inferred = ctx.published.year, True
    else:
        year, inferred = None, False
    ctx.money_type = ctype
    years: list[int | None] = [year]
    if (span := per_year_span(s, q, ctx.published)) is not None:
        years, inferred = list(span), False
    return [make(s, q.start, q.end, ctype, who, y, inferred, q.value, currency, q)
            for who in subjects for y in years]


def per_year_span(s: Sent, q: Quantity, published: date | None = None) -> range | None:
    """The years an amount given per year is for, when its sentence names them (labelling
    conventions, round 4b on: one claim a year): 'SEK 75 billion for military support for
    2024-2026, SEK 25 billion per year', '$400 million per year for fiscal years 2026 and
    2027', 'During 2024-2028, Iceland will annually allocate at least ISK 4 billion'; or when
    the publication date does: '$400 million for each of the next two years' (December 2025)
    is 2026 and 2027."""
    text = s.text
    after = text[q.end:q.end + 40]
    nxt = EACH_OF_NEXT_YEARS.match(text, q.end, q.end + 70)
    if nxt is not None and published is not None:
        n = WORD_NUMS.get(nxt.group(1).lower()) or int(nxt.group(1))
        return range(published.year + 1, published.year + 1 + n) if 2 <= n <= 9 else None
    if PER_YEAR_AFTER.match(after) is None and \
            PER_YEAR_BEFORE.search(text, max(0, q.start - 30), q.start) is None:
        return None
    # the sentence's periods (years.find_years), but not one that ends the commitment: a period
    # after 'until' or 'by' ('£3 billion a year in military aid until 2030-2031'), or a fiscal
    # year written short, whose reference takes its 'by' or 'until' in ('£87 billion a year by
    # 2030/31': kind 'by')
    spans = [y.span for y in s.years if y.span is not None and 1 <= y.span[1] - y.span[0] <= 9
             and y.kind != "by" and not SPAN_END_BEFORE.search(text, max(0, y.start - 8),
                                                                 y.start)]
    if len(spans) != 1:
        return None  # none, or several: which one the amount is for is not written
    return range(spans[0][0], spans[0][1] + 1)
