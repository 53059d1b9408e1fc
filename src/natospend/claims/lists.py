"""Figures that lists and rankings give to several allies at once.

'Poland with 4.12 percent of GDP, ahead of Estonia with 3.43, ...' gives each name its bare
decimal; 'only eight NATO countries met the 2% target, including Greece, the US, ...' gives each
listed ally the count's level. Split from ``percents`` (one figure, one claim) because these
rules read the whole sentence's list of names, after the per-figure rules have run.
"""

from __future__ import annotations

from dataclasses import replace

from natospend.claims.patterns import (
    ABOVE_VERB,
    CLAUSE_BREAK,
    COUNTED_GROUP,
    GROUP_NOUN,
    INCLUDE_INTRO,
    LEVEL_REACHED_BY,
    NAMED_LIST_EXAMPLES,
    NAMED_LIST_INTRO,
    RANK_AFTER,
    RANK_NAME_GAP,
    THOSE_ARE,
)
from natospend.claims.sentence import (
    Claim,
    Context,
    Sent,
    claims_for,
    list_around,
    resolve_year,
    year_for,
)
from natospend.claims.subjects import find_mentions


def ranked_shares(s: Sent, ctx: Context, out: list[Claim]) -> list[Claim]:
    """Bare decimals in a sentence that ranks shares of GDP (it, or the sentence before, has
    one): 'Poland with 4.12 percent of GDP, ahead of Estonia with 3.43, ...'."""
    text = s.text
    found: list[Claim] = []
    shares = [c for c in out if c.type == "share_of_gdp"]
    for q in s.quantities:
        token = text[q.num_start:q.end]
        if q.kind != "number" or q.hedge or not 0 < q.value <= 10 or \
                not ("." in token or "," in token):
            continue
        idx = next((i for i, m in enumerate(s.mentions) if m.end <= q.num_start
                    and RANK_NAME_GAP.match(text, m.end, q.num_start)), None)
        after = RANK_AFTER.match(text, q.end)
        if idx is None or after is None or s.mentions[idx].role == "group":
            continue
        group = list_around(s, idx)
        codes = [m.code for m in group] if after.group("each") and len(group) >= 2 \
            else [s.mentions[idx].code]
        near = [c for c in shares if c.span[0] - s.sent.start < q.start] or shares
        if near:
            year, inferred = near[-1].year, near[-1].year_inferred
        else:
            year, inferred = resolve_year(None, ctx, default_context=True)
        found.extend(claims_for(s, q, codes, "share_of_gdp", year, inferred, None))
    return found


def next_sentence_list_shares(s: Sent, out: list[Claim], next_text: str) -> list[Claim]:
    """The level of each ally the next sentence lists as the ones a count counted (labelling
    conventions, rounds 6 on): 'There are only four countries that currently meet the 5% defense
    spending target. Those are Poland, Estonia, Latvia, and Lithuania.' Only when the list holds
    exactly as many allies as the count, and the count's target is written in its sentence."""
    if THOSE_ARE.match(next_text) is None:
        return []
    mentions = find_mentions(next_text)
    codes = list(dict.fromkeys(m.code for m in mentions if m.role == "ally"))
    if len(codes) < 2 or any(m.role != "ally" for m in mentions):
        return []
    base = s.sent.start
    found: list[Claim] = []
    for c in out:
        if c.type != "allies_meeting_target" or c.value != len(codes) or not c.target_pct:
            continue
        q = next((o for o in s.quantities if o.kind == "percent" and o.value == c.target_pct),
                 None)
        if q is None or any(x.type == "share_of_gdp" and x.span[0] - base == q.start
                            for x in out):
            continue
        found.extend(claims_for(s, q, codes, "share_of_gdp", c.year, c.year_inferred, None))
    return found


def _named_lists(s: Sent) -> list[tuple[int, int, int, list[str]]]:
    """Lists of two or more allies after an intro word ('including', 'such as', a dash):
    (intro position, first name start, last name end, distinct codes)."""
    text = s.text
    found: list[tuple[int, int, int, list[str]]] = []
    for i, m in enumerate(s.mentions):
        if m.role != "ally":
            continue
        intro = NAMED_LIST_INTRO.search(text, max(0, m.start - 16), m.start)
        if intro is None or any(f[1] <= m.start < f[2] for f in found):
            continue
        group = list_around(s, i)
        codes = list(dict.fromkeys(g.code for g in group))
        if len(codes) >= 2 and group[0] is m:
            found.append((intro.start(), m.start, group[-1].end, codes))
    return found


def reached_by_shares(s: Sent, out: list[Claim], ctx: Context) -> list[Claim]:
    """The allies a share is said to be reached by, each at that level: '3 per cent – a level
    reached only by Poland, the US and Greece' (whatever the figure itself is, a target
    someone argues for or a level)."""
    text, base = s.text, s.sent.start
    extra: list[Claim] = []
    done = {(c.span, c.subject) for c in out}
    for c in out:
        if c.unit != "pct_gdp" or c.value > 10:
            continue
        q = next((o for o in s.quantities if o.start == c.span[0] - base), None)
        by = LEVEL_REACHED_BY.match(text, c.span[1] - base) if q is not None else None
        if q is None or by is None:
            continue
        first = next((i for i, m in enumerate(s.mentions) if m.start == by.end()
                      and m.role == "ally"), None)
        if first is None:
            continue
        codes = list(dict.fromkeys(g.code for g in list_around(s, first)
                                   if g.start >= by.end()))
        year, inferred = resolve_year(year_for(s, q.start, q.end), ctx, True)
        extra.extend(x for x in claims_for(s, q, codes, "share_of_gdp", year, inferred, None)
                     if (x.span, x.subject) not in done)
        done.update((x.span, x.subject) for x in extra)
    if not extra:
        return out
    # a share already read for one of them is now among the list's
    listed = {(x.span, x.subject) for x in extra}
    return [c for c in out if not (c.type == "share_of_gdp" and (c.span, c.subject) in listed)
            ] + extra


def named_list_shares(s: Sent, out: list[Claim], ctx: Context) -> list[Claim]:
    """One share of GDP per ally a count or a figure names in a list (labelling conventions,
    rounds 3 and 6): 'only eight NATO countries met the 2% target, including Greece, the US,
    ...' (the count's target is each one's level), '2.01% — Italy, Canada, and Albania', 'such
    as Poland, Estonia, and Lithuania, have already increased defense spending to five percent'.
    """
    lists = _named_lists(s)
    if not lists:
        return out
    text, base = s.text, s.sent.start
    extra: list[Claim] = []
    for c in out:
        start, end = c.span[0] - base, c.span[1] - base
        if c.type == "allies_meeting_target" and c.value >= 2 and c.target_pct:
            q = next((o for o in s.quantities if o.kind == "percent" and o.start >= end
                      and o.value == c.target_pct), None)
            # or the target named before its count: 'when NATO leaders set a 2% of GDP target
            # in 2014, only three members met it – the United States, Greece and the UK'
            before = q is None
            if before:
                q = next((o for o in reversed(s.quantities) if o.kind == "percent"
                          and o.end <= start and o.value == c.target_pct), None)
            if q is None or any(x.type == "share_of_gdp" and x.span[0] - base == q.start
                                for x in out):
                continue
            for intro, first, _last, listed in lists:
                # the list's own dash may open it ('three alliance members – the U.S., United
                # Kingdom and Greece – were spending'): a break only before it counts
                if first < start or len(listed) > c.value or \
                        CLAUSE_BREAK.search(text, end, intro if before else min(intro, q.start)):
                    continue
                if before and len(listed) != c.value:
                    continue  # after the count, only the allies it counts, all of them
                hedge = q.hedge or ("more than" if ABOVE_VERB.search(text, end, q.start)
                                    else None)
                extra.extend(claims_for(s, q, listed, "share_of_gdp", c.year, c.year_inferred,
                                        None, hedge=hedge))
                break
    kept: list[Claim] = []
    for c in out:
        start, end = c.span[0] - base, c.span[1] - base
        codes: list[str] | None = None
        if c.type in ("share_of_gdp", "target_commitment") and not c.deadline:
            nxt = min([len(text), *(o.start for o in s.quantities
                                    if o.start >= end and o.kind != "number")])
            for intro, first, last, names in lists:
                if end <= intro and first < nxt and intro - end <= 40 and \
                        (COUNTED_GROUP.search(text, max(0, start - 60), intro)
                         or (INCLUDE_INTRO.match(text, intro)
                             and GROUP_NOUN.search(text, max(0, start - 60), start))) and \
                        not CLAUSE_BREAK.search(text, end, intro):
                    # '2.01% — Italy, Canada, and Albania', '2% is shared by six countries —
                    # Portugal, ...': a level each of them has
                    codes = names
                    if c.type == "target_commitment":
                        year, inferred = resolve_year(year_for(s, start, end), ctx, True)
                        c = replace(c, type="share_of_gdp", year=year, year_inferred=inferred)
                elif c.type == "share_of_gdp" and last <= start and c.subject in names and \
                        NAMED_LIST_EXAMPLES.search(text, max(0, intro - 2), first) and \
                        not any(last <= o.end <= start for o in s.quantities) and \
                        not any(last <= m.start < start for m in s.mentions):
                    codes = names  # 'such as Poland, Estonia, and Lithuania, have ... five percent'
        if codes:
            seen = {(x.span, x.subject) for x in kept}
            kept.extend(replace(c, subject=code) for code in codes
                        if (c.span, code) not in seen)
        else:
            kept.append(c)
    return kept + extra if extra or len(kept) != len(out) else out
