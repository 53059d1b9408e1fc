"""Counts of allies meeting a target: '23 of 32 allies meet the 2% target', 'only Poland,
Lithuania and Latvia exceed 3.5%', 'no member has yet reached it'.
"""

from __future__ import annotations

import re
from datetime import date

from natospend.claims.count_words import (
    AIM_GAP,
    ALL_OF_BEFORE,
    ALL_RE,
    ALL_SPENT,
    BARE_COUNT_MEETS,
    CONTRAST_AFTER,
    COUNT_AIM_GAP,
    COUNT_NEG,
    COUNT_VERB_MORE,
    DEMAND_ALL_BEFORE,
    DOING_SO_COUNT,
    EUROPEAN_COUNT,
    FOLLOWUP_COUNT,
    FRACTION_OF_ALLIES,
    ICELAND_OUT,
    IF_ALL_BEFORE,
    INFINITIVE_GAP,
    LIST_VERB_AFTER,
    MEMBER_OF,
    MET_BY,
    NOT_ALL_BEFORE,
    NUMBER_ANAPHOR,
    NUMBER_OF_GROUP,
    NUMBER_ROSE,
    OF_TOTAL_N,
    ONE_OF,
    ONLY_BEFORE,
    ONLY_N_REACH,
    PLUS_NAMED_BEFORE,
    REACH_VERB,
    REACHED_IT,
    SUBSET_BEFORE,
    TARGET_WORD,
    THE_ONLY_ONE,
    THE_ONLY_ONES,
    THERE_WERE_COUNT,
    WHOLE_ALLIANCE_BEFORE,
)
from natospend.claims.numbers import HEDGES, Quantity, approx_sign_before
from natospend.claims.patterns import (
    CHANGE_BEFORE,
    COUNT_RE,
    COUNT_VERB,
    DEMAND_BEFORE,
    LIST_SEP_FIGURES,
    REACHED,
    SPACES,
    TARGETISH,
    ZERO_COUNT,
)
from natospend.claims.sentence import (
    Claim,
    Context,
    Sent,
    claims_for,
    clause_of,
    count_value,
    list_around,
    make,
    year_for,
)
from natospend.claims.years import YearRef


def member_level(s: Sent, q: Quantity, code: str, year: int | None, inferred: bool
                 ) -> list[Claim]:
    """'Slovakia, one of 23 countries that has met the 2% GDP target': Slovakia's level."""
    hedge = q.hedge
    if hedge is None and REACHED.search(s.text, max(0, q.start - 60), q.start):
        hedge = "at least"
    return claims_for(s, q, [code], "share_of_gdp", year, inferred, None, hedge=hedge)


def _year_later_in_clause(s: Sent, end: int) -> YearRef | None:
    """A count's year may follow its target ('23 ... reached the target of spending 2% of GDP
    last year'): the first year later in the clause, past the target's percent."""
    b = clause_of(s, end)[1]
    return next((y for y in s.years if end <= y.start < b
                 and y.kind not in ("date", "since", "by", "from")), None)


def count_claims(s: Sent, ctx: Context, used: set[int],
                 members: dict[int, tuple[str, int | None, bool]]) -> list[Claim]:
    """Counts of allies meeting a target. ``used`` gets the target percents they consume;
    ``members`` maps a target percent to the ally said to be one of the count ('Hungary is one
    of the nine NATO states that will spend 2%'), whose level that percent also is."""
    text = s.text
    out: list[Claim] = []
    member_at: dict[int, str] = {}
    # 'Only seven countries have achieved this' after a sentence about counts: 'this' is the target.
    targetish = "%" in text or s.has(TARGET_WORD) or (
        ctx.count_topic and REACHED_IT.search(text))
    found: list[tuple[int, int, int, int | None, str | None]] = []
    forecasts: set[int] = set()
    # A count needs a verb of meeting somewhere in the sentence; most sentences have none, and
    # then no number in them is a count.
    counting = bool(targetish) and bool(s.has(COUNT_VERB) or s.has(COUNT_VERB_MORE))
    # (in the lowercase copy: the groups are folded below)
    # 'Out of 32 NATO members, 23 have met ...': the 32 is the total, the 23 the count
    of_total = s.find(OF_TOTAL_N) if targetish else None
    for m in (s.finditer(COUNT_RE) if counting and s.has(COUNT_RE) else ()):
        n = count_value(m.group("n"))
        if not 0 < n <= 32 or (of_total and of_total.start("total") <= m.start()
                               < of_total.end("total")):
            continue
        lead = text[max(0, m.start() - 16):m.start()]
        total = m.group("total") or m.group("total2")
        member = MEMBER_OF.search(lead) is not None
        if ONE_OF.match(text, m.start("n")):
            # 'one of the countries'; but 'Slovakia, one of 23 countries that has met the 2%
            # target': the 23 is the count
            if not total or count_value(total) >= 29:
                continue
            n, total, member = count_value(total), None, True
        plus = PLUS_NAMED_BEFORE.search(text, max(0, m.start("n") - 30), m.start("n"))
        if plus and not total and m.group("hedge") is None and any(
                x.role == "ally" and x.end == plus.start() for x in s.mentions):
            # 'Greece and the above 6 countries have achieved ...': 7
            found.append((plus.start() - 1, m.end(), n + 1, None, None))
            continue
        verb = COUNT_VERB.search(text, m.end()) or COUNT_VERB_MORE.search(text, m.end())
        if verb is not None and COUNT_AIM_GAP.search(text, m.end(), verb.start()):
            continue  # '11 allies made an enduring commitment to invest at least 2%'
        if SUBSET_BEFORE.search(lead) or (CHANGE_BEFORE.search(text, max(0, m.start() - 40),
                                                               m.start())
                                          and not MET_BY.search(lead)):
            continue  # 'including the previous three countries', 'an increase of 13 countries'
        if member:
            who = [x for x in s.mentions if x.role == "ally" and x.end <= m.start()
                   and m.start() - x.end < 60]
            if who:
                member_at[m.start()] = who[-1].code
        elif all_but := ALL_BUT_BEFORE.search(lead):
            # 'All but ten of NATO's 32 members meet the 2% target': the others are the count
            whole = count_value(total) if total else _member_count(ctx.published)
            if ICELAND_OUT.search(text):
                whole -= 1
            if n < whole:
                found.append((m.start() - len(lead) + all_but.start(), m.end(), whole - n,
                              whole if total else None, None))
            continue
        elif WHOLE_ALLIANCE_BEFORE.search(lead):
            # 'the alliance's 31 member states', 'its 32 members are on track to meet': the
            # whole alliance, named by its size; but 'The three countries are already meeting
            # the new higher goal': a count of those just named
            if total or not REACH_VERB.match(text, m.end()) or ALL_OF_BEFORE.search(lead):
                continue
            if n >= 29:
                total = str(n)
        found.append((m.start(), m.end(), n, count_value(total) if total else None,
                      m.group("hedge")))
    # Only where a verb of meeting and a fraction word ('half', 'third') occur at all.
    fractions = bool(targetish) and s.has(COUNT_VERB) and \
        s.may_match(FRACTION_OF_ALLIES)
    for m in FRACTION_OF_ALLIES.finditer(text) if fractions else ():
        # 'two-thirds of allies will reach the 2% target': about 21 of 32
        if COUNT_VERB.search(text, m.end()):
            frac = 2 / 3 if m.group(2).lower().startswith("two") else \
                (0.5 if "half" in m.group(2).lower() else 1 / 3)
            if any(f[0] <= m.start() < f[1] or (
                    0 <= f[0] - m.end() <= 24 and _SAME_COUNT.fullmatch(text, m.end(), f[0]))
                    for f in found):
                continue  # 'two-thirds of NATO members, that is 21 of 32 nations': one count
            found.append((m.start(), m.end(), round(frac * _member_count(ctx.published)), None,
                          m.group("hedge") or "about"))
            break  # 'at least two thirds ..., maybe even more than two thirds': one count
    for m in ALL_RE.finditer(text) if targetish and s.may_match(ALL_RE) else ():
        if NOT_ALL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # 'not all NATO members met', 'half of all NATO members': no count of all
        if IF_ALL_BEFORE.search(text, max(0, m.start() - 10), m.start()) or \
                DEMAND_ALL_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # 'a hypothetical scenario where all members spent 5% of GDP'
        # 'the 2 percent of GDP target was met by all members': the verb comes first
        met_by = MET_BY.search(text, max(0, m.start() - 24), m.start()) is not None
        verb = COUNT_VERB.search(text, m.end(), m.end() + 60) or \
            COUNT_VERB_MORE.search(text, m.end(), m.end() + 60) or \
            ALL_SPENT.match(text, m.end())  # 'all 32 members spent at least 2 percent'
        if not met_by and (verb is None or AIM_GAP.search(text, m.end(), verb.start()) or (
                INFINITIVE_GAP.fullmatch(text, m.end(), verb.start())
                and text[:m.start()].strip())):
            # 'all NATO members will have agreed on a goal of spending 5%', 'the deadline for
            # all members to hit this goal': an aim; but a headline's 'All NATO Members to Hit
            # 2% Defense Spending in 2025' says what will happen
            continue
        total = int(m.group("total")) if m.group("total") else None
        n = total or _member_count(ctx.published)
        if ICELAND_OUT.search(text):
            n -= 1
        found.append((m.start(), m.end(), n, total, None))
    followed = bool(found)
    if found:
        found.extend(_followups(s, max(f[1] for f in found), forecasts))
    if not found and (ctx.count_topic or s.has(NUMBER_OF_GROUP)
                      or (s.years and s.has(NUMBER_ANAPHOR))):
        for m in FOLLOWUP_COUNT.finditer(text) if s.may_match(FOLLOWUP_COUNT) else ():
            n = count_value(m.group("n"))
            if 0 < n <= 32:
                found.append((m.start("n"), m.end("n"), n, None, None))
        for m in NUMBER_ROSE.finditer(text) if s.may_match(NUMBER_ROSE) else ():
            found.append((m.start(), m.end(), count_value(m.group("n")), None, None))
        for m in THERE_WERE_COUNT.finditer(text) if ctx.count_topic and \
                s.may_match(THERE_WERE_COUNT) else ():
            n = count_value(m.group("n"))
            if 0 < n <= 32 and not any(f[0] <= m.start("n") < f[1] for f in found):
                found.append((m.start("n"), m.end("n"), n, None, None))
        if ctx.count_topic and "%" in text:
            for m in BARE_COUNT_MEETS.finditer(text):
                n = count_value(m.group("n"))
                if 0 < n <= 32 and not any(f[0] <= m.start("n") < f[1] for f in found):
                    found.append((m.start("n"), m.end("n"), n, None, None))
        for q in s.quantities:
            if q.kind == "number" and 0 < q.value <= 32 and q.value == int(q.value) and \
                    not any(f[0] <= q.num_start < f[1] for f in found):
                near = [y for y in s.years if abs(y.start - q.end) < 15 or abs(q.start - y.end)
                        < 20]
                if near and re.match(r"\s*(?:last|this|in|$)", text[q.end:q.end + 6]) or \
                        re.search(r"\b(?:was|just|only)\s+$", text[max(0, q.start - 12):q.start]):
                    found.append((q.start, q.end, int(q.value), None, None))
    doing_so: set[int] = set()
    if not found and (targetish or ctx.prev_target_pct is not None):
        # 'As of today, seven of those 32 are doing so', after a sentence naming the target
        for m in DOING_SO_COUNT.finditer(text) if s.may_match(DOING_SO_COUNT) else ():
            n = count_value(m.group("n"))
            if 0 < n <= 32:
                doing_so.add(m.start())
                total = m.group("total")
                found.append((m.start(), m.end("n") if total is None else m.end("total"), n,
                              count_value(total) if total else None, None))
    if not found and targetish:
        # '..., with only seven meeting NATO's 2% of GDP defence spending target'
        for m in ONLY_N_REACH.finditer(text) if s.may_match(ONLY_N_REACH) else ():
            if TARGETISH.search(text, m.end(), m.end() + 60):
                found.append((m.start(), m.end(), count_value(m.group("n")), None, None))
    if not found:
        found.extend(_list_counts(s))
    if targetish and found:
        # 'All ... members will hit [2%] but only three currently reach a new, higher goal'
        last_end = max(f[1] for f in found)
        for m in ONLY_N_REACH.finditer(text, last_end) if s.may_match(ONLY_N_REACH) else ():
            found.append((m.start(), m.end(), count_value(m.group("n")), None, None))
    for m in ZERO_COUNT.finditer(text) if s.has(ZERO_COUNT) else ():
        # 'a benchmark that no member of the alliance has yet reached', 'no NATO country has
        # achieved this figure': a count of zero
        if targetish or REACHED_IT.match(text, m.start("verb")):
            found.append((m.start(), m.end(), 0, None, None))
    only_one = s.find(THE_ONLY_ONE) if counting else None
    for m in (only_one,) if only_one else ():
        # 'Poland is the only NATO member spending more than 3.5% of its GDP'
        if COUNT_VERB.match(text, m.end() + 1) and not any(f[0] <= m.start() < f[1]
                                                             for f in found):
            found.append((m.start(), m.end(), 1, None, None))
            who = [x for x in s.mentions if x.role == "ally" and x.end <= m.start()
                   and m.start() - x.end < 4]
            if who:
                member_at[m.start()] = who[-1].code  # whose level the target figure also is
    if of_total and not any(f[0] <= of_total.start("n") < f[1] for f in found):
        # 'Of NATO's 32 members, 18 spent at least 2% of GDP' (total, then count)
        hedge = of_total.group("hedge")
        found.append((of_total.start(), of_total.end(), count_value(of_total.group("n")),
                      count_value(of_total.group("total")),
                      hedge if hedge and hedge.lower().startswith(("at", "more")) else None))
        if not followed:
            # 'Of the alliance's thirty-two members, at least 24 have met the spending target,
            # up from six in 2021'
            found.extend(_followups(s, of_total.end(), forecasts))
    only = s.find(THE_ONLY_ONES) if ctx.listed >= 2 and not found else None
    if only:
        # 'Poland ... 4.48%, followed by Lithuania (4%) and Latvia (3.73%). These are the only
        # alliance members that currently surpass the new NATO target of 3.5%'
        found.append((only.start(), only.end(), ctx.listed, None, None))
    for start, end, n, total, hedge_word in found:
        neg_window = text[end:end + 60]
        cut = re.search(r",\s+(?:with|while|whereas|but)\b|;", neg_window)
        if COUNT_NEG.search(neg_window[:cut.start()] if cut else neg_window):
            continue  # but not '22 of ... met the 2% benchmark, with nine falling short'
        if DEMAND_BEFORE.search(text, max(0, start - 40), start):
            continue  # 'demanded that all member states raise defense spending to 5%'

        target = ctx.prev_target_pct if start in doing_so and ctx.prev_target_pct else 2.0
        # the count's own target, not a figure after 'but' ('one of 11 member states to hit
        # the target but the average ... is estimated at 1.74 per cent')
        turn = CONTRAST_AFTER.search(text, end)
        target_q = next((q for q in s.quantities if q.kind == "percent"
                         and q.num_start >= end and q.value <= 6
                         and (turn is None or q.num_start < turn.start())), None)
        if target_q is not None and (target_q.value * 2) % 1:
            # 'Poland tops the list of 32 Nato nations, spending 4.48% of GDP', 'Poland led all
            # members with 4.12%': a level, which no target is (they are halves: 2, 3.5, 5).
            continue
        if target_q is not None:
            target = target_q.value
            if start not in member_at:
                used.add(target_q.start)
        clause_start = clause_of(s, start)[0]
        for q in s.quantities:
            if q.kind == "percent" and q.value <= 6 and clause_start <= q.start < start \
                    and not (q.value * 2) % 1:
                # a target before its count; not a level ('spend approximately 2.61% of their
                # GDP on defense, with 22 out of 32 member countries meeting ...')
                if n == 0:  # 'to 5% of GDP, a benchmark that no member ... has yet reached'
                    target = q.value
                else:
                    used.add(q.start)
        yref = year_for(s, start, end) or _year_later_in_clause(s, end)
        year: int | None
        if start in forecasts and out:
            year, inferred = out[-1].year, out[-1].year_inferred
        elif yref is None and ctx.published:
            year, inferred = ctx.published.year, True
        else:
            year = yref.year if yref else None
            inferred = yref.inferred if yref else False
        hedge = HEDGES.get(SPACES.sub(" ", (hedge_word or "").lower()))
        if hedge is None and approx_sign_before(text, start) is not None:
            hedge = "about"  # '~23 of 32 allies'
        low = n if hedge in (None, "more than", "at least") else None
        high = n if hedge in (None, "less than", "nearly") else None
        # 'only nine European countries met the 2% target': a count of the European allies
        group = "NATO_EUROPE" if EUROPEAN_COUNT.search(text, start, end) else "NATO"
        out.append(make(s, start, end, "allies_meeting_target", group, year, inferred,
                        float(n), "count", None, hedge=hedge, low=low, high=high,
                        target_pct=target, total=total))
        if target_q is not None and start in member_at:
            members[target_q.start] = (member_at[start], year, inferred)
    return out


def _list_counts(s: Sent) -> list[tuple[int, int, int, int | None, str | None]]:
    """'Only Poland, Lithuania and Latvia exceed 3.5%': a count given by naming the allies.

    Only with 'only' or 'just' before the list, which is how news says the list is complete.
    """
    text = s.text
    out: list[tuple[int, int, int, int | None, str | None]] = []
    for i, m in enumerate(s.mentions if s.may_match(ONLY_BEFORE) else ()):
        only = ONLY_BEFORE.search(text, max(0, m.start - 14), m.start)
        if only is None or m.role != "ally":
            continue
        names = list_around(s, i, LIST_SEP_FIGURES)
        if len(names) < 2 or names[0] is not m:
            continue
        verb = LIST_VERB_AFTER.match(text[names[-1].end:names[-1].end + 80])
        if verb is None:
            continue
        if not re.search(r"%|per\s?cent|percent|target|threshold|benchmark|guideline|goal",
                         text[names[-1].end + verb.end():names[-1].end + verb.end() + 60], re.I):
            continue
        if not any(names[0].start < q.start < names[-1].end for q in s.quantities):
            # 'only the United States, Greece, and the United Kingdom met the goal of spending
            # 2%': each named ally's level (labelling conventions, rounds 11 on), not a count
            continue
        out.append((only.start(), names[-1].end + verb.end(), len(names), None, None))
    return out


# 'All but ten of NATO's 32 members', 'all but three allies'
ALL_BUT_BEFORE = re.compile(r"\ball\s+but\s+$", re.I)


def _member_count(published: date | None) -> int:
    from natospend.countries import members_on
    return len(members_on(published)) if published else 32


# between a fraction of the allies and the count it rounds: 'two-thirds of NATO members, that
# is 21 of 32 nations', 'half of the allies (16)'
_SAME_COUNT = re.compile(r"\s*(?:,\s*(?:that\s+is|i\.\s?e\.|or|namely)\s*,?\s*|\(|[-–—]\s*)",
                         re.I)


def _followups(s: Sent, after: int, forecasts: set[int]) -> list[tuple[int, int, int, int | None,
                                                                      str | None]]:
    """The earlier counts a sentence gives after its count, from ``after`` on ('..., compared to
    only three in 2014', '..., and by June, that number had risen to 23'). A count compared with
    'a previous forecast of 23' is that forecast, of the same year: its start goes in
    ``forecasts``."""
    text = s.text
    out: list[tuple[int, int, int, int | None, str | None]] = []
    for m in FOLLOWUP_COUNT.finditer(text, after) if s.may_match(FOLLOWUP_COUNT) else ():
        n = count_value(m.group("n"))
        if 0 < n <= 32 and (m.group("forecast") or any(
                y.start >= m.end("n") and y.start - m.end("n") < 12 and y.year
                for y in s.years)):
            out.append((m.start("n"), m.end("n"), n, None, None))
            if m.group("forecast"):
                forecasts.add(m.start("n"))
    for m in NUMBER_ROSE.finditer(text, after) if s.may_match(NUMBER_ROSE) else ():
        out.append((m.start(), m.end(), count_value(m.group("n")), None, None))
    return out
