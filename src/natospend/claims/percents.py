"""Percent figures: a share of GDP (a level), a target commitment, or nothing.

A percent is read by the words around it: a level ('Poland spends 4.1% of GDP'), a target ('5%
by 2035', 'a new guideline of 5 per cent'), or neither (a yardstick reached, a poll, a change,
another sector's share).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from natospend.claims.numbers import Quantity
from natospend.claims.patterns import (
    AGREED_TO,
    AID,
    AID_SHARE,
    AIM_VERB,
    AIMS_TO,
    AND_NEXT,
    AVERAGE_BEFORE,
    BARE_TARGET,
    BRACKET_GAP,
    BUDGET_RAISES,
    BUDGET_WORD,
    CHANGE_BEFORE,
    COMMITTED,
    DEADLINE_PHRASE,
    DEFENCE,
    DEFENCE_BUDGET,
    DEFENCE_NOUN,
    DEMAND_BEFORE,
    DEMANDED_AFTER,
    ELABORATION,
    EXTRA_BEFORE,
    FISCAL_NOT_DEFENCE,
    FORECAST_MODAL,
    FROM_AT_START,
    FROM_NOT_GDP_TO,
    FROM_OLD_TARGET,
    FROM_RIGHT_BEFORE,
    FUTURE_TARGET_VERB,
    GDP_AFTER,
    GDP_EFFECT_BEFORE,
    GDP_ON_DEFENCE_AFTER,
    GDP_SHARE_BEFORE,
    GROWTH_VERB_BEFORE,
    HYPOTHETICAL,
    LEVEL_CUE_BEFORE,
    MEASURED_AGAINST,
    MODAL_GOAL,
    MOVED_FROM,
    MOVED_TARGET,
    NOT_GDP_AFTER,
    NOT_OWN_GDP_AFTER,
    OTHER_SECTOR_AFTER,
    PART_AND,
    PART_OF_TARGET,
    PLAN_WORDS,
    POLL,
    PROJECTED,
    PROPOSED_BEFORE,
    RAISE_TO,
    REACHED,
    REMAINDER_BEFORE,
    RESTATED_BETWEEN,
    ROUND_TARGETS,
    SINCE_CLAUSE,
    SPENDS_NOW_BEFORE,
    SPLIT_BEFORE,
    STARTING_POINT,
    TARGET_ADJ_BEFORE,
    TARGET_COPULA_AFTER,
    TARGET_IS_BEFORE,
    TARGET_MADE_BEFORE,
    TARGET_OF_BEFORE,
    TARGET_PART_CUE,
    TARGET_REF_AFTER,
    TARGET_SELF_AFTER,
    TARGET_SET_AFTER,
    TARGET_SET_BEFORE,
    TARGET_WHOLE_BEFORE,
    TARGET_WORDS,
    TO_AT_END,
    TOTAL_OF_PARTS,
    VERB_IN_GAP,
    YARDSTICK_BEFORE,
)
from natospend.claims.sentence import (
    Claim,
    Context,
    Sent,
    claims_for,
    clause_of,
    count_value,
    make,
    name_before_bracket,
    next_quantity_start,
    resolve_year,
    subjects_for,
    year_for,
)
from natospend.claims.years import YearRef


def alliance_round(s: Sent, c: Claim) -> Claim | None:
    """A share of GDP the alliance has at a round figure: its target, or nothing (a yardstick
    it moves from), or, after a verb of reaching or with 'more than'/'about', the level of an
    ally we failed to name, left as it is."""
    if c.type != "share_of_gdp" or c.subject != "NATO" or c.value not in ROUND_TARGETS:
        return c
    start = c.span[0] - s.sent.start
    if MOVED_FROM.search(s.text, max(0, start - 40), start):
        return None
    if c.hedge in ("more than", "about") or level_cue(s, c):
        return c
    return replace(c, type="target_commitment", year=None, year_inferred=False)


def _listed_after_target(s: Sent, q: Quantity) -> bool:
    """'eight members did not meet the target of 2%: Spain (1.28%), Slovenia (1.29%)': a figure
    in brackets after an ally's name, with the target's own figure earlier in the sentence, is
    that ally's level, not another target."""
    idx = name_before_bracket(s, q)
    if idx is None or s.mentions[idx].role != "ally":
        return False
    return any(o.kind == "percent" and o.end <= s.mentions[idx].start for o in s.quantities)


def level_cue(s: Sent, c: Claim) -> bool:
    start = c.span[0] - s.sent.start
    return LEVEL_CUE_BEFORE.search(s.text, max(0, start - 40), start) is not None


def bare_target_claims(s: Sent, ctx: Context) -> list[Claim]:
    """'expects to hit the NATO target in 2032': the 2% guideline with a national deadline.

    Only before The Hague (25 June 2025), when 'the target' could mean nothing but 2%.
    """
    if ctx.published is None or ctx.published >= date(2025, 6, 25) or "%" in s.text:
        return []
    out = []
    for m in BARE_TARGET.finditer(s.text):
        if re.search(r"\d|per\s?cent|percent", s.text[m.start():m.start("year")], re.I):
            continue
        refs = [y for y in s.years if m.start("year") <= y.start < m.end("year") + 1]
        deadline = refs[0].year if refs else None
        q = Quantity("percent", m.start(), m.end(), 2.0, num_start=m.start())
        subjects = subjects_for(s, q, ctx, "percent")
        if deadline and len(subjects) == 1 and subjects[0] != "NATO":
            out.append(make(s, m.start(), m.end(), "target_commitment", subjects[0], None,
                            False, 2.0, "pct_gdp", None, hedge=None, low=2.0, high=2.0,
                            deadline=deadline))
    return out


def target_parts(s: Sent, q: Quantity, last: Claim | None) -> list[Claim] | None:
    if last is None or last.type != "target_commitment" or q.value > last.value:
        return None
    base = s.sent.start
    gap = s.text[last.span[1] - base:q.start]
    if not (ELABORATION.match(gap) or PART_AND.match(gap)) or VERB_IN_GAP.search(gap):
        return None
    own = year_for(s, q.start, q.end)
    deadline = own.year if own is not None and own.kind in ("by", "from") else last.deadline
    return claims_for(s, q, [last.subject or "NATO"], "target_commitment", None, False,
                      deadline)


def _shared_deadline(s: Sent, q: Quantity) -> YearRef | None:
    """'3.5% of GDP in military expenditure and 1.5% in resilience expenses ... by 2035': a
    deadline after the last of two joined shares is the first's too."""
    nxt = [o for o in s.quantities if o.start >= q.end]
    if not nxt or nxt[0].kind != "percent":
        return None
    gap = s.text[q.end:nxt[0].start]
    if not AND_NEXT.match(gap) or VERB_IN_GAP.search(gap):
        return None
    ref = year_for(s, nxt[0].start, nxt[0].end)
    return ref if ref is not None and ref.kind == "by" and ref.start >= nxt[0].end else None


def percent_claims(s: Sent, q: Quantity, ctx: Context) -> list[Claim]:
    text = s.text
    if q.points or q.value > 60 or q.value <= 0:
        return []
    a, b = clause_of(s, q.start)
    clause = text[a:b]
    if q.value <= 10 and (s.has(DEFENCE) or ctx.defence_topic) and (
            PART_OF_TARGET.match(text, q.end) or (
                (ctx.target_topic or s.has(TARGET_PART_CUE))
                and REMAINDER_BEFORE.search(text, max(0, q.start - 30), q.start))):
        subjects: list[str | None] = [*(subjects_for(s, q, ctx, kind="percent") or ["NATO"])]
        yref = year_for(s, q.start, q.end)
        deadline = yref.year if yref and yref.kind == "by" else ctx.target_deadline
        return claims_for(s, q, subjects[:1], "target_commitment", None, False, deadline)
    if q.value <= 10 and ctx.target_topic and s.search(TOTAL_OF_PARTS, 0, q.start):
        # '... a further 1.5% of GDP to defence-related areas. It would mean the total broader
        # defence spending pot would be 5%.': the parts just set add up to the target.
        return claims_for(s, q, [ctx.target_subject or "NATO"], "target_commitment", None,
                          False, ctx.target_deadline)
    if s.search(HYPOTHETICAL, 0, q.start):
        return []  # 'When asked if it would be above or below 4.5% of GDP, ...'
    if q.value <= 5 and ctx.target_topic and SPLIT_BEFORE.search(text, 0, q.start):
        # 'The plan splits this into 3.5% for core military needs and 1.5% for ...': the
        # parts of the target the previous sentence set.
        yref = year_for(s, q.start, q.end)
        deadline = yref.year if yref and yref.kind == "by" else ctx.target_deadline
        return claims_for(s, q, [ctx.target_subject or "NATO"], "target_commitment", None,
                          False, deadline)
    if TARGET_WHOLE_BEFORE.search(text, max(0, q.start - 12), q.start):
        return []
    if s.search(FROM_NOT_GDP_TO, max(0, q.start - 90), q.start):
        return []
    if NOT_GDP_AFTER.match(text, q.end):
        return []
    explicit = GDP_AFTER.match(text, q.end) is not None or \
        GDP_SHARE_BEFORE.search(text, max(0, q.start - 40), q.start) is not None
    if not_defence_share(s, q):
        return []

    if EXTRA_BEFORE.search(text, max(0, q.start - 12), q.start) or (not explicit and any(
            o.kind == "percent" and 10 < o.value < 100 and o is not q for o in s.quantities)):
        return []  # 'the extra 0.5%', '42.8% personnel costs ... only 1.9% for infrastructure'
    if not explicit and not s.mentions and not s.has(DEFENCE) and not (
            ctx.defence_topic and (TARGET_REF_AFTER.match(text, q.end)
                                   or TARGET_COPULA_AFTER.match(text, q.end))):
        return []  # 'Therefore, 2.1%, no more, no less.': an echo, not a new claim
    # 'up from 2.3 per cent of national income', 'from its current level of 2.3 per cent':
    # where spending starts from is today's share, never a target.
    starting = s.search(STARTING_POINT, max(0, q.start - 40), q.start)
    if FROM_RIGHT_BEFORE.search(text[max(0, q.start - 6):q.start]) and not explicit:
        # 'up from 2.2% in 2022': where spending starts from, dated, is that year's level
        dated = [y for y in s.years if y.kind in ("in", "bare") and y.year and not y.inferred
                 and 0 <= y.start - q.end <= 4]
        if dated and s.has(DEFENCE):
            return claims_for(s, q, [*subjects_for(s, q, ctx, "percent")][:1], "share_of_gdp",
                              dated[0].year, False, None)
        if q.value <= 10 and q.value not in ROUND_TARGETS and s.has(DEFENCE) and \
                not _poll(s, q) and not s.has(AID_SHARE):
            # 'increased defence spending from 1.35% to 1.76% of our GDP', 'an increase from
            # 1.35% over the last decade': an earlier level, undated. A round figure there is
            # mostly the old target moved from ('from 2% to 5%'), a yardstick.
            return claims_for(s, q, [*subjects_for(s, q, ctx, "percent")][:1], "share_of_gdp",
                              None, False, None)
        return []
    if NOT_OWN_GDP_AFTER.match(text[q.end:q.end + 30]):
        return []
    if CHANGE_BEFORE.search(text, max(0, q.start - 40), q.start) or \
            s.search(GDP_EFFECT_BEFORE, max(0, q.start - 50), q.start):
        return []
    if not explicit and GROWTH_VERB_BEFORE.search(text, max(0, q.start - 40), q.start):
        return []  # 'defense spending ... will increase 8.3 percent in 2023': growth
    if q.value <= 10 and _target_itself(s, q, text[a:q.start]):
        # before the poll test: 'Analysts believe NATO is unlikely to adopt Trump's 5% target'
        yref = year_for(s, q.start, q.end)
        return claims_for(s, q, [_target_owner(s, q, a)], "target_commitment", None, False,
                          yref.year if yref and yref.kind in ("by", "from") else None)
    if not explicit:
        prev = [o for o in s.quantities if o.end <= q.start]
        if q.value > 10 or _poll(s, q) or not (s.has(DEFENCE) or ctx.defence_topic):
            return []
        if prev and prev[-1].kind in ("money", "amount") and \
                BRACKET_GAP.match(text[prev[-1].end:q.start]):
            return []
    aid = AID.search(text, a, b) if s.may_match(AID) else None
    if aid and not DEFENCE_BUDGET.search(clause) and \
            not DEFENCE_NOUN.search(text, q.end, aid.start()) and \
            not (aid.end() <= q.start and GDP_ON_DEFENCE_AFTER.match(text, q.end)):
        # but not '3.5% of GDP to standard defence needs, including support for Ukraine', nor
        # '... blocked the aid until countries ... spend two percent of their GDP on defense'
        return []
    money = _money_restated(s, q)
    if money is not None and explicit:
        # nobody named yet: a claim the checker reports as unverifiable, as for amounts
        subjects = [*subjects_for(s, money, ctx, "spending")] or [None]
        if MODAL_GOAL.search(text, 0, money.start) and \
                not BUDGET_WORD.search(text, 0, money.start):
            # 'Germany would have to ... increase spending to 140 billion euros, or 3.5 percent
            # of GDP': what a study says is needed is a target, not a level; but a budget
            # that 'should increase by 3.3 billion euros and reach 50.5 billion euros, or 2% of
            # GDP' is the level of the year it is for.
            return claims_for(s, q, subjects, "target_commitment", None, False, None)
        yref = year_for(s, money.start, money.end)
        year, inferred = resolve_year(yref if yref and yref.year else None, ctx, True)
        return claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)
    if starting and (explicit or starting.group("current")):
        subjects = [*subjects_for(s, q, ctx, "percent")]
        yref = year_for(s, q.start, q.end)
        year, inferred = resolve_year(yref if yref and yref.kind in ("in", "bare") else None,
                                      ctx, default_context=True)
        return claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)
    # A bare number ('over the next ten years') does not end the figure's window.
    window_end = min([b, *(o.start for o in s.quantities if o.start >= q.end
                           and o.kind != "number")])
    after = text[q.end:window_end]
    before = text[a:q.start]
    if a > 0 and FROM_AT_START.match(before) and TO_AT_END.search(before):
        head = clause_of(s, a - 1)[0]
        before = text[max(head, a - 90):q.start]
    is_ref = TARGET_REF_AFTER.match(text, q.end) is not None or (
        s.may_match(TARGET_OF_BEFORE) and TARGET_OF_BEFORE.search(before) is not None)
    yref = year_for(s, q.start, q.end)
    if yref is None:
        yref = _shared_deadline(s, q)
    deadline_ref = yref if yref and yref.kind in ("by", "from") else None
    kind = "percent"
    subjects = [*subjects_for(s, q, ctx, kind)]
    if not subjects:
        # Nobody named in the passage so far ('We will deliver our commitment to spend 2.5 per
        # cent of GDP'): a claim the checker reports as unverifiable, as for amounts.
        subjects = [None]
    moved = MOVED_TARGET.search(before[-50:])
    if moved and (moved.group("to") is None or not (explicit and deadline_ref)):
        return []
    if q.value < 1 and s.has(AID_SHARE):
        return []  # 'reducing overseas development aid from 0.5 to 0.3 percent of GDP'
    if AVERAGE_BEFORE.search(before[-20:]):
        # 'just below the NATO average of 2.11 per cent': a level, whatever words came before
        year, inferred = resolve_year(yref if yref and yref.kind in ("in", "bare") else None,
                                      ctx, default_context=True)
        return claims_for(s, q, subjects[:1], "share_of_gdp", year, inferred, None)
    if deadline_ref is None and "spend" in before[-40:].lower() and \
            SPENDS_NOW_BEFORE.search(before[-40:]):
        # 'Greece is already spending around 3% of its GDP', '..., spending more than 2% of GDP
        # on defense': what is spent now is a level, whatever target words came before; for
        # each of a list that spends it ('only the United States, the U.K. and Greece were
        # spending at least 2%').
        year, inferred = resolve_year(yref if yref and yref.kind in ("in", "bare") else None,
                                      ctx, default_context=False)
        return claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)
    if DEMANDED_AFTER.match(text, q.end):
        who = ["NATO"] if re.search(r"\b(?:NATO|allies|members)\b", text[q.end:q.end + 60]) \
            else subjects[:1]
        return claims_for(s, q, who, "target_commitment", None, False,
                          deadline_ref.year if deadline_ref else None)
    if TARGET_COPULA_AFTER.match(text, q.end) or TARGET_IS_BEFORE.search(before[-60:]):
        named = next((y for y in s.years if y.year and not y.inferred and a <= y.start
                      and y.end <= q.start), yref if yref and not yref.inferred else None)
        # nobody named: the yardstick is the alliance's ('2% is a start as President Trump has
        # said')
        owner = subjects[:1] if subjects[0] is not None else ["NATO"]
        return claims_for(s, q, owner, "target_commitment", None, False,
                          named.year if named else None)
    if yref and yref.year and ctx.published and yref.year < ctx.published.year and \
            yref.end <= q.start and COMMITTED.search(text, yref.end, q.start):
        return claims_for(s, q, subjects[:1], "target_commitment", None, False, None)
    if is_ref:
        if deadline_ref and FORECAST_MODAL.search(before[-60:]) and \
                REACHED.search(before[-60:].rpartition(",")[2]):
            # 'likely to help Germany achieve NATO's 2% defence spending target by 2024'
            return claims_for(s, q, subjects, "share_of_gdp", deadline_ref.year,
                              deadline_ref.inferred, None)
        if deadline_ref or re.search(r"\b(?:demand\w*|call\w* for|ask\w*)\b", after[:60], re.I) \
                or DEMAND_BEFORE.search(before[-30:]):
            return claims_for(s, q, subjects, "target_commitment", None, False,
                              deadline_ref.year if deadline_ref else None)
        if FROM_OLD_TARGET.search(before[-40:]):
            return []  # 'a rise from the previous 2% target set in 2014': a yardstick
        if TARGET_SET_AFTER.match(text, q.end) or ((
                TARGET_SET_BEFORE.search(before[-40:]) or TARGET_ADJ_BEFORE.search(before[-25:]))
                and not YARDSTICK_BEFORE.search(before[-60:])):
            # 'a new guideline of 5 per cent', 'the 5% target set at the NATO summit': a
            # sentence about the target itself, not a yardstick for another figure.
            return claims_for(s, q, subjects[:1], "target_commitment", None, False, None)
        window = before[-60:]
        reached = REACHED.search(window)
        # A target reached by a named ally is its level ('Germany reached NATO's 2% target');
        # next to another figure ('..., exceeding NATO's 2% target'), after 'agreed to', or
        # reached by 'members' (a count), it is only a yardstick.
        if AIMS_TO.search(window) and subjects != ["NATO"]:
            # 'Norway is aiming to reach NATO's target of spending 2% ... in the next three years'
            phrase = DEADLINE_PHRASE.search(after)
            return claims_for(s, q, subjects, "target_commitment", None, False,
                              _phrase_deadline(phrase, after, ctx))
        if reached and (subjects == ["NATO"] or AGREED_TO.search(window, 0, reached.start())
                        or any(o.kind == "percent" and o is not q and a <= o.start < b
                               for o in s.quantities)
                        or not any(m.end <= q.start for m in s.mentions)):
            # '..., exceeding NATO's 2% target', 'just above NATO's 2 per cent target at 2.09
            # per cent', 'These values ... surpass the goal of two per cent': a yardstick
            return []
        if reached and not re.search(r"\b(?:not|never|fail\w*|short|below|under)\b", window):
            hedge = "more than" if reached.group().lower() in ("above", "exceeds", "exceeded",
                                                               "exceeding", "exceed") \
                else "at least"
            year, inferred = resolve_year(yref, ctx, default_context=False)
            return claims_for(s, q, subjects, "share_of_gdp", year, inferred, None,
                              hedge=hedge)
        if not reached and TARGET_OF_BEFORE.search(before) and \
                not MEASURED_AGAINST.search(before[-60:]):
            # 'a clear Norwegian commitment of 2 % of its GDP': 'a target of N%' with nothing
            # measured against it names the target itself ('NATO's 2% target' is the yardstick).
            return claims_for(s, q, subjects[:1], "target_commitment", None, False,
                              deadline_ref.year if deadline_ref else None)
        return []
    if _projection(before[-60:]):
        # 'the previously projected 2.4% for this year and 2.6% by 2028': a forecast level.
        if deadline_ref and deadline_ref.kind == "by":
            return claims_for(s, q, subjects, "share_of_gdp", deadline_ref.year,
                              deadline_ref.inferred, None)
        if deadline_ref is None:
            year, inferred = resolve_year(yref, ctx, default_context=True)
            return claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)
    if BUDGET_RAISES.search(before[-90:]) and deadline_ref is None:
        # 'the new budget would raise Poland's defence spending to 4.8% of GDP': the budget's year.
        year, inferred = resolve_year(yref, ctx, default_context=True)
        return claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)
    phrase = DEADLINE_PHRASE.search(after)
    if deadline_ref or phrase:
        deadline = deadline_ref.year if deadline_ref else _phrase_deadline(phrase, after, ctx)
        return claims_for(s, q, subjects, "target_commitment", None, False, deadline)
    explicit_year = yref is not None and yref.year is not None and yref.kind in ("in", "bare") \
        and (yref.start >= q.end or not yref.inferred) \
        and (not yref.inferred or "year" in text[yref.start:yref.end].lower())
    # A level for a later year is a target when a plan or a raise leads to it ('aims for 4% next
    # year', 'raise its defence spending to 2.6% of GDP in 2027'); 'will reach 4.1% of GDP in
    # 2027' or 'could hit 3% next year' is a forecast, a level (labelling conventions).
    if yref is not None and yref.year and ctx.published and yref.year > ctx.published.year \
            and not FORECAST_MODAL.search(before[-60:]) and (
                AIM_VERB.search(before[-90:]) or (not yref.inferred and (
                    FUTURE_TARGET_VERB.search(before[-90:]) or RAISE_TO.search(before[-90:])))):
        return claims_for(s, q, subjects, "target_commitment", None, False, yref.year)
    target_words = TARGET_WORDS.search(before[-90:])
    if target_words and _listed_after_target(s, q):
        year, inferred = resolve_year(yref, ctx, default_context=True)
        return claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)
    if target_words and not explicit_year:
        return claims_for(s, q, subjects, "target_commitment", None, False, None)
    if target_words and yref and not yref.inferred and \
            re.search(r"\b(?:reach|hit)\b", before[-40:], re.I) and not (
                ctx.published and yref.year and yref.year > ctx.published.year):
        return claims_for(s, q, subjects, "target_commitment", None, False, yref.year)
    year, inferred = resolve_year(yref, ctx, default_context=True)
    return claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)


def _target_itself(s: Sent, q: Quantity, before: str) -> bool:
    """A sentence about the target itself (labelling conventions, rounds 2, 5 and 6): the
    target is made, proposed or judged ('adopt Trump's 5% target', 'set a ... target of at
    least 2%', 'the 5 percent target is reachable', 'the 2% target as "a floor"'), not reached
    by a level."""
    if TARGET_REF_AFTER.match(s.text, q.end) is None and not (
            s.may_match(TARGET_OF_BEFORE) and TARGET_OF_BEFORE.search(before)):
        return False
    window = before[-70:]
    made = TARGET_MADE_BEFORE.search(window)
    if made and not SINCE_CLAUSE.search(window, 0, made.start()):
        return True  # but not 'since they set the two-percent target a decade ago'
    if PROPOSED_BEFORE.search(before[-12:]):
        return True
    ref = TARGET_REF_AFTER.match(s.text, q.end)
    return ref is not None and TARGET_SELF_AFTER.match(s.text, ref.end()) is not None


def _target_owner(s: Sent, q: Quantity, a: int) -> str:
    """Whose target: an ally named in the figure's clause before it ('Britain's 3% target'),
    else the alliance's."""
    named = [m for m in s.mentions if a <= m.start and m.end <= q.start and m.role == "ally"]
    return named[-1].code if named else "NATO"


def _projection(window: str) -> bool:
    """A forecast ('projected', 'expected to') unless a plan or a 'should' comes after it."""
    proj = [m.end() for m in PROJECTED.finditer(window)]
    if not proj:
        return False
    plans = [m.end() for m in PLAN_WORDS.finditer(window)]
    return not plans or proj[-1] > plans[-1]


def _phrase_deadline(phrase: re.Match[str] | None, after: str, ctx: Context) -> int | None:
    """The year 'in the next three years' or 'every year from 2026' points at, if any."""
    if phrase is None:
        return None
    deadline = None
    # 'within the next one to two years': the later bound
    n = re.search(r"(?:within|in|over)\s+(?:the\s+next\s+)?(?:\w+\s+(?:to|or)\s+)?(\w+)\s+years",
                  phrase.group(), re.I)
    if n and ctx.published and count_value(n.group(1)):
        deadline = ctx.published.year + count_value(n.group(1))
    if phrase.group().lower().startswith("every year from"):
        y = re.search(r"\d{4}", after[phrase.end():phrase.end() + 6])
        deadline = int(y.group()) if y else deadline
    return deadline


def not_defence_share(s: Sent, q: Quantity) -> bool:
    """Whether a percentage is the share of something other than defence: a deficit, growth,
    inflation or debt named before it with no defence word between ('the budget deficit ...
    will amount to 271.7 billion zlotys, or 6.5% of GDP'), or another sector's share ('2.36% of
    GDP has been dedicated to education, 2.78% to health'). The learned layer does not use it:
    as a veto there it dropped six right shares of the labelled rounds ('GDP growth rates of
    2.7 to 3.4 percent, ... 2.54 percent in 2027') and no wrong one."""
    if not s.may_match(FISCAL_NOT_DEFENCE):
        return False
    text = s.text
    fiscal = list(FISCAL_NOT_DEFENCE.finditer(text, 0, q.start))
    if fiscal and not DEFENCE_NOUN.search(text, fiscal[-1].end(), q.start):
        return True
    return OTHER_SECTOR_AFTER.match(text, q.end, next_quantity_start(s, q.end)) is not None


def _poll(s: Sent, q: Quantity) -> bool:
    """A poll's figure; 'X said that' only counts after the figure ('40% said that ...')."""
    if not s.has(POLL):
        return False  # no poll word at all, the common case
    return any(m.group().lower() != "said that" or m.start() >= q.end
               for m in POLL.finditer(s.text))


def _money_restated(s: Sent, q: Quantity) -> Quantity | None:
    """The amount a share of GDP restates ('EUR153 billion, or 3.5 percent of GDP'), if any.

    Such a share is a spending figure for the amount's year, not a target, whatever verb
    ('expected to reach') comes before the amount.
    """
    prev = [o for o in s.quantities if o.end <= q.start]
    if not prev or prev[-1].kind not in ("money", "amount"):
        return None
    m = prev[-1]
    gap = s.text[m.end:q.start]
    if RESTATED_BETWEEN.match(gap) or (gap.strip() == "" and s.text[m.end - 1:m.end] == "("):
        return m
    return None
