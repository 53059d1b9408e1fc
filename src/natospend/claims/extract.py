"""Find the quantitative claims about defence spending in a text and resolve what they are about.

Rules, not a model: every claim must point at the characters it came from and say why it was
read as it was, and the checker must run at megabytes per second with no download. The rules
work sentence by sentence: figures (``numbers``), names (``subjects``) and years (``years``) are
found first, then each figure is classed by the words around it. A figure we cannot class with
confidence yields nothing, because a wrong claim costs the user more than a missed one.

The rules are laid out in the order they run: ``patterns`` (with ``hints``) holds
the shared vocabulary, ``count_words`` and ``money_words`` that of one rule family
each, ``sentence`` the sentence being read and the helpers every rule uses;
``counts``, ``percents`` and ``money`` are the rule families for one figure at a
time, ``lists`` and ``tables`` those that give figures to several names at once,
and this module is the loop over sentences that applies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from natospend.claims.counts import count_claims, member_level
from natospend.claims.lists import (
    named_list_shares,
    next_sentence_list_shares,
    ranked_shares,
    reached_by_shares,
)
from natospend.claims.money import money_claim, money_topic
from natospend.claims.numbers import find_quantities
from natospend.claims.patterns import (
    ATTRIBUTIVE_AFTER,
    COUNT_RE,
    COUNT_VERB,
    DEFENCE,
    DIGIT,
    FIGURE_WORD,
    NUMBER_OF_ALLIES,
    PLEDGE_TO_SPEND,
    POLL,
    ROUND_TARGETS,
    ZERO_COUNT,
)
from natospend.claims.percents import (
    alliance_round,
    bare_target_claims,
    level_cue,
    percent_claims,
    target_parts,
)
from natospend.claims.sentence import (
    CLAIM_TYPES,
    Claim,
    Context,
    Sent,
    claims_for,
    text_topics,
)
from natospend.claims.subjects import RUPEE_HINTS, SUBJECT_ROLES, rupee_place
from natospend.claims.tables import MIN_ROWS, table_shares
from natospend.claims.text import Sentence, split_sentences
from natospend.claims.years import find_years, names_relative_year

__all__ = ["Claim", "extract", "CLAIM_TYPES"]


def _has_figure(s: Sent) -> bool:
    """Whether the sentence has a digit or a figure word. The digit test is a fast scan and
    settles most sentences, so the slower word search runs only on the rest."""
    return DIGIT.search(s.text) is not None or s.has(FIGURE_WORD)


def extract(text: str, published: date | None = None, *, learned: bool = False
            ) -> list[Claim]:
    """The quantitative claims in ``text``, in reading order.

    ``published`` resolves 'this year' and 'last year'; without it those claims have no year.
    ``learned=True`` lets linear models re-decide the type of each figure the rules see and
    the year of each claim (``natospend.claims.learned``, ``yearmodel``): on unseen text more
    claims found, fewer wrong ones, and more years right, at about twice the time.
    """
    if not text or not text.strip():
        return []
    if learned:
        from natospend.claims.learned import extract_learned

        return extract_learned(text, published)
    claims: list[Claim] = []
    for sent, ctx in sentences_in_context(text, published):
        claims.extend(read_sentence(sent, ctx)[0])
    return claims


def sentences_in_context(text: str, published: date | None
                         ) -> Iterator[tuple[Sentence, Context]]:
    """Each sentence of ``text`` with the one context the rules thread through them, set to
    see the sentence after it ('... meet the 5% target. Those are Poland, ...'): the loop
    ``extract`` and the learned layer's ``read_candidates`` both read with, so that their rule
    claims are the same. ``read_sentence`` updates the context for the next sentence."""
    low = text.lower()
    ctx = Context(published, whole_text=text, topics=text_topics(text, low),
                  rupees=any(w in low for w in RUPEE_HINTS))
    sentences = split_sentences(text)
    for i, sent in enumerate(sentences):
        ctx.next_text = sentences[i + 1].text if i + 1 < len(sentences) else ""
        yield sent, ctx


def open_sentence(sent: Sentence, ctx: Context) -> tuple[Sent, bool]:
    """The sentence as the rules read it, and whether it has a figure for them. One without is
    only put aside in ``ctx.pending``: most sentences of an article have none, and what they
    tell the next ones (a subject, a topic) is read from them only when a sentence with a
    figure follows (:func:`settle`), from the last back, as far as it needs to go."""
    s = Sent(sent, None, [], [])
    if not _has_figure(s) and not s.has(ZERO_COUNT):
        ctx.pending.append(s)
        return s, False
    settle(ctx)
    return s, True


def read_sentence(sent: Sentence, ctx: Context) -> tuple[list[Claim], Sent]:
    """The rules' claims in one sentence and the :class:`Sent` they were read from (its
    figures, names and years), which the learned layer reuses instead of finding them again."""
    s, has_figure = open_sentence(sent, ctx)
    return (read_figures(s, ctx) if has_figure else []), s


def read_figures(s: Sent, ctx: Context) -> list[Claim]:
    """The rules' claims in a sentence with a figure (``open_sentence``), updating the context
    for the next sentence."""
    text = s.text
    py = ctx.published.year if ctx.published else None
    s.years, s.quantities = find_years(text, py), find_quantities(text)
    if py is None and ctx.year is not None and names_relative_year(text):
        # 'Poland is expected to spend more than 4% ... this year' in an undated text: a year
        # nobody can tell, not the one a sentence before named ('... set up in 2022'). (In a
        # dated text the year named before is right more often than the year of writing:
        # rules on rounds 1-21, 5 fewer right years.)
        ctx.year = None
    out: list[Claim] = []
    used_percents: set[int] = set()
    members: dict[int, tuple[str, int | None, bool]] = {}
    out.extend(count_claims(s, ctx, used_percents, members))
    if not out:  # '23 countries are expected to reach the target by 2024' is a count
        out.extend(bare_target_claims(s, ctx))
    for q in s.quantities:
        if q.kind == "percent" and q.start in used_percents and \
                PLEDGE_TO_SPEND.search(text, max(0, q.start - 40), q.start):
            # '23 allies are on track to meet their pledge to spend at least 2% of GDP': the
            # pledge itself is stated too.
            out.extend(claims_for(s, q, ["NATO"], "target_commitment", None, False, None))
        if q.start in members:
            out.extend(member_level(s, q, *members[q.start]))
        elif q.kind == "percent" and q.start not in used_percents:
            last = next((c for c in reversed(out) if c.unit == "pct_gdp"), None)
            parts = target_parts(s, q, last)
            out.extend(parts if parts is not None else percent_claims(s, q, ctx))
        elif q.kind in ("money", "amount"):
            c = money_claim(s, q, ctx)
            if c is not None:
                out.extend(c)
    if len(s.mentions) >= 2 and any(c.unit in ("pct_gdp", "count") for c in out):
        out = named_list_shares(s, out, ctx)
    if s.mentions and any(c.unit == "pct_gdp" for c in out) and " by " in s.text:
        out = reached_by_shares(s, out, ctx)
    if ctx.next_text and any(c.type == "allies_meeting_target" for c in out):
        out.extend(next_sentence_list_shares(s, out, ctx.next_text))
    if any(q.kind == "number" for q in s.quantities) and (
            ctx.listed or any(c.type == "share_of_gdp" for c in out)):
        out.extend(ranked_shares(s, ctx, out))
    if len(s.mentions) >= MIN_ROWS and len(s.quantities) >= MIN_ROWS:
        out.extend(table_shares(s, ctx, out))
    _remember(ctx, s)
    if any(c.type == "allies_meeting_target" for c in out):
        ctx.count_topic = True
    ctx.listed = len({c.subject for c in out if c.type == "share_of_gdp"})
    targets = [c for c in out if c.type == "target_commitment"]
    ctx.target_topic = bool(targets)
    if any(c.deadline for c in targets):
        ctx.target_deadline = [c.deadline for c in targets if c.deadline][-1]
    if targets:
        ctx.target_subject = targets[-1].subject
    for q in s.quantities:
        if q.kind == "money" and q.currency and q.currency not in ("KR", "RS"):
            ctx.currency = q.currency
    # The alliance as a whole at a round figure ('NATO requires all member states to spend at
    # least 2%', 'The 2% mark was set in 2014') is its target, never a level: levels of the
    # whole alliance are averages ('2.71 percent'). No labelled round has a counterexample.
    if any(c.subject == "NATO" for c in out):
        out = [n for n in (alliance_round(s, c) for c in out) if n is not None]
    if ctx.published is not None:
        # An aim for the current year ('reaching ... 2% of GDP by 2025' in 2025) is that year's
        # level, as the labelling conventions read it, not a target; but the alliance's round
        # figure stays its target unless something reaches it ('projected to reach the
        # Alliance's 2% target in 2024': the level of allies we failed to name).
        out = [replace(c, type="share_of_gdp", year=c.deadline, year_inferred=False,
                       deadline=None)
               if c.type == "target_commitment" and c.deadline == ctx.published.year
               and not (c.subject == "NATO" and c.value in ROUND_TARGETS
                        and not level_cue(s, c)) else c
               for c in out]
    out.sort(key=lambda c: c.span)
    return out


# 'a 13.4% increase from fiscal year 2025', '€3.9 million more than 2024': the year a figure is
# measured against, not the year the next sentences speak of.
_BASELINE_BEFORE = re.compile(r"\b(?:than|from|compared\s+(?:with|to))\s+"
                              r"(?:(?:the|fiscal|financial)\s+)*(?:years?\s+|FY\s*)?$", re.I)


def _remember(ctx: Context, s: Sent) -> None:
    """What a sentence with a figure tells the sentences after it."""
    text = s.text
    ctx.prev_target_pct = next((q.value for q in reversed(s.quantities) if q.kind == "percent"
                                and not q.points and q.value in ROUND_TARGETS), None)
    ctx.money_type = money_topic(s) or ctx.money_type
    subject = _subject(s)
    if subject is not None:
        ctx.subject = subject
    explicit = [y for y in s.years if y.year is not None and y.kind in ("in", "bare")
                and not _BASELINE_BEFORE.search(text, max(0, y.start - 40), y.start)]
    if explicit:
        ctx.year = explicit[-1].year
    ctx.defence_topic = s.has(DEFENCE) and not s.has(POLL)
    if ctx.rupees:
        ctx.rupee = _rupee(s) or ctx.rupee
    ctx.count_topic = bool(s.has(COUNT_VERB) and s.has(COUNT_RE)) or s.has(NUMBER_OF_ALLIES)


def settle(ctx: Context) -> None:
    """Apply what the sentences in ``ctx.pending`` (none with a figure) tell the next sentence,
    as :func:`_remember` would have one by one, but read from the last back: the topics are the
    last sentence's, and the subject, the money topic and the rupee's country are each the
    latest sentence's that names one, so the walk stops looking for each once found. The
    sentences further back are never searched for names, which costs the most."""
    pending = ctx.pending
    if not pending:
        return
    ctx.pending = []
    last = pending[-1]
    ctx.prev_target_pct = None  # no figure, so no share
    ctx.defence_topic = last.has(DEFENCE) and not last.has(POLL)
    ctx.count_topic = last.has(NUMBER_OF_ALLIES)
    money = subject = None
    for s in reversed(pending):
        if money is None:
            money = money_topic(s)
        if subject is None:
            subject = _subject(s)
        if money is not None and subject is not None:
            break
    ctx.money_type = money or ctx.money_type
    ctx.subject = subject or ctx.subject
    if ctx.rupees:  # the rupee's country: in any pending sentence, but most texts have none
        ctx.rupee = next(filter(None, map(_rupee, reversed(pending))), None) or ctx.rupee


def _subject(s: Sent) -> str | None:
    """The first name in the sentence that can be a later figure's subject."""
    text = s.text
    return next((m.code for m in s.mentions if m.role in SUBJECT_ROLES
                 and not (m.role == "group" and ATTRIBUTIVE_AFTER.match(text, m.end))), None)


def _rupee(s: Sent) -> str | None:
    """Whose rupee 'Rs' is, by the country the sentence names, where it speaks of rupees."""
    low = s.lower or s.text.lower()
    if any(w in low for w in RUPEE_HINTS):
        return rupee_place(s.text)
    return None
