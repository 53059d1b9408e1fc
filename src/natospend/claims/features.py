"""The figures the learned layer re-decides, and the features it decides them by.

Every figure the rules' number finder sees in a sentence is one *candidate*, with the rules'
claims on it attached (one candidate per claim type when the rules gave it several), and every
rule claim on no figure (a count spelled out) is one too. Plain numbers that cannot be counts
and that the rules left alone are skipped: over rounds 1-7 only 3 of 1,628 carry a claim.

The features are those of the prototype the model was chosen with (``FEATURES_VERSION`` 1):
the rules' decision crossed with the figure's kind and value bucket, the figure itself, words
in windows around it, the sentence's words, year references, modal and past verbs, names, the
other figures of the sentence, and what earlier sentences established. Version 2 (session 6)
adds an amount's size against the yearly defence spending of the ally it is said of (held out
one round at a time over rounds 4-15: F1 0.870 -> 0.874, precision 0.874 -> 0.880). Version 3
(session 16) gives the sentence's words the value 1, like every other feature, instead of the
prototype's 0.3: with four times the labelled text they are worth more (held out one round at a
time over rounds 4-38: F1 0.885 -> 0.887 with every claim; at the default minimum confidence,
0.8, precision 0.926 -> 0.925 and recall 0.791 -> 0.806, F1 0.853 -> 0.861).
Version 4 (session 21) adds what the whole text is about (``sentence.text_topics``): whether it
names Ukraine anywhere, and whether it names defence, the military or NATO anywhere. An aid
pledge is aid to Ukraine, and a figure in a text that never names the checker's subject is
seldom a claim; without them the layer read a UN appeal for Sudan or a city's budget sentence
by sentence, as it reads an aid package or a defence budget. Cross-fitted on the 189 off-topic
passages (trained on rounds 1-42 and three of the four files, scored on the fourth), wrong
claims at the default fell from 42 to 19, and on 181 unfiltered news pages of 2019 from 8 to
3; held out one round at a time over rounds 4-42, F1 with every claim 0.886 -> 0.890 and at
the default 0.859 -> 0.861.
Changing any of them changes what the weights mean: bump ``FEATURES_VERSION`` and retrain
(bench/claims_train.py).

Sentence-wide features are kept apart from the figure's own so that the model can score them
once per sentence instead of once per figure.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources

from natospend.claims.extract import open_sentence, read_figures, sentences_in_context
from natospend.claims.numbers import Quantity
from natospend.claims.sentence import Claim, Context, Sent, year_for

FEATURES_VERSION = 4
# Features that carry the rules' decision; the rule-blind half of the model never sees them.
RULE_PREFIXES = ("rule", "kind_rule", "vb_rule")

WORD_RE = re.compile(r"[a-z]+|\d+|%|\$|€|£")
_MODAL_RE = (
    r"\b(?:will|would|shall|should|must|plans?|planned|planning|aims?|aiming|"
    r"pledged?|pledges|commit(?:ted|ment|s)?|targets?|goal|promised?|intends?|"
    r"wants?|vow(?:ed|s)?|expected|projected|forecast|seeks?|agreed|reach(?:ed|es|ing)?|"
    r"rais(?:e|ed|ing)|increas(?:e|ed|ing)|boost(?:ed|ing)?|hike)\b")
_PAST_RE = r"\b(?:was|were|spent|had|allocated|reached|stood|amounted|rose|fell)\b"
_MODAL, _PAST = re.compile(_MODAL_RE, re.I), re.compile(_PAST_RE, re.I)
# The same, case-sensitive, for ``Sent.lower``: where that exists, a character matches a letter
# under re.IGNORECASE exactly when its lowercase matches it (see Sent.lower), and a
# case-sensitive scan is about twice as fast.
_MODAL_LOW, _PAST_LOW = re.compile(_MODAL_RE), re.compile(_PAST_RE)
_PERCENT_LIMITS = (0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 10, 100)


def values_agree(a: float, b: float) -> bool:
    """Equal once rounded the way an article may round ('2.1%' vs 2.06, '$1.6 tn'): how a rule
    claim is attached to the figure it was read from, and how the quality bench and training
    match predictions to labels."""
    return abs(a - b) <= max(0.005 * abs(b), 0.005)


@dataclass(slots=True)
class Candidate:
    """One figure to decide: where it is, what the rules said, what a new claim would need."""

    span: tuple[int, int]  # in the full text
    value: float
    rule_type: str  # the rules' type, 'none' when they were silent
    rule_claims: list[Claim]
    sent: Sent
    q: Quantity
    ctx: Context  # as it was before the sentence was read
    idx: int = 0  # the figure's place in the sentence (feature 'qidx')
    py: int | None = None  # the publication year
    unanchored: bool = False  # a rule claim on no figure the number finder saw

    @property
    def feats(self) -> set[str]:
        """The figure's own features (value 1), built when asked: training reads them, the
        shipped scorer finds their rows without their names (:func:`figure_rows`)."""
        f = figure_features(self.sent, self.q, self.rule_claims, self.py, self.idx)
        if self.unanchored:
            f.add("unanchored")
        return f

    def rows(self, rows: FeatureRows) -> set[int | None]:
        """The rows of :attr:`feats` in ``rows`` (None for the unknown ones)."""
        out = figure_rows(rows, self.sent, self.q, self.rule_claims, self.py, self.idx)
        if self.unanchored:
            out.add(rows.index.get("unanchored"))
        return out


def _toks(s: str) -> list[str]:
    return WORD_RE.findall(s.lower())


@lru_cache(maxsize=4096)
def _vbucket(kind: str, v: float) -> str:
    if kind == "percent":
        for lim in _PERCENT_LIMITS:
            if v < lim:
                return f"p<{lim}"
        return "p>=100"
    if kind == "number":
        if v == int(v) and 0 < v <= 32:
            return "n_count"
        if 1950 <= v <= 2050:
            return "n_year"
        return "n_other" if v > 32 else "n_small_frac"
    return f"m1e{int(math.log10(max(v, 1)))}"


def _rel(year: int | None, py: int | None) -> str:
    if year is None or py is None:
        return "?"
    return "past" if year < py else "cur" if year == py else "fut"


def sentence_features(s: Sent, ctx: Context) -> dict[str, float]:
    """Features shared by every figure of a sentence: its words, how many figures it has, and
    what earlier sentences established (each of value 1)."""
    return dict.fromkeys(["sw=" + w for w in sentence_words(s)] + sentence_flags(s, ctx), 1.0)


def sentence_words(s: Sent) -> set[str]:
    """The sentence's words, each the feature 'sw=' + word."""
    low = s.lower  # text.lower() where it keeps the offsets; the words are the same either way
    return set(WORD_RE.findall(low) if low is not None else _toks(s.text))


def sentence_flags(s: Sent, ctx: Context) -> list[str]:
    """The sentence-wide features of value 1, in the order :func:`sentence_features` has them:
    how many figures it has and what earlier sentences established."""
    f = ["nq=" + str(min(len(s.quantities), 5))]
    if ctx.target_topic:
        f.append("ctx_target_topic")
    if ctx.defence_topic:
        f.append("ctx_defence_topic")
    if ctx.count_topic:
        f.append("ctx_count_topic")
    if ctx.money_type:
        f.append("ctx_money=" + ctx.money_type)
    if ctx.subject:
        f.append("ctx_subject")
    f.extend(ctx.topics)
    f.append("bias")
    return f


def figure_features(s: Sent, q: Quantity, rule: list[Claim], py: int | None, idx: int
                    ) -> set[str]:
    """The figure's own features, each of value 1: the rules' decision, the figure, the words
    and verbs around it, the years and names near it, and the sentence's other figures."""
    f = set(_head_features(q, rule, py))
    before, after = _windows(s, q)
    # words by distance from the figure: 1-2, 3-5 and 6-10 tokens, and unpositioned
    near = before[:-11:-1]  # the last ten, nearest first
    f.update(map("b1=".__add__, near[:2]), map("b2=".__add__, near[2:5]),
             map("b3=".__add__, near[5:]), map("bw=".__add__, near))
    near = after[:10]
    f.update(map("a1=".__add__, near[:2]), map("a2=".__add__, near[2:5]),
             map("a3=".__add__, near[5:]), map("aw=".__add__, near))
    if len(before) >= 2:
        f.add(f"bbi={before[-2]}_{before[-1]}")
    if before:
        f.add("b0=" + before[-1])
    if len(after) >= 2:
        f.add(f"abi={after[0]}_{after[1]}")
    if after:
        f.add("a0=" + after[0])
    f.update(_context_features(s, q, py, idx))
    f.update(_magnitude_features(s, q, rule))
    return f


# The prefixes of the window features, in the order FeatureRows.windows holds their tables.
_WINDOW_PREFIXES = ("b1=", "b2=", "b3=", "bw=", "a1=", "a2=", "a3=", "aw=", "bbi=", "b0=",
                    "abi=", "a0=")


class FeatureRows:
    """Feature name -> row of a weight matrix, with the window features' rows also keyed by
    their words alone: :func:`figure_rows` then finds a figure's rows without building the
    forty-odd window feature names :func:`figure_features` builds (most of a figure's cost)."""

    __slots__ = ("index", "windows")

    def __init__(self, index: dict[str, int]) -> None:
        self.index = index
        tables: dict[str, dict[str, int]] = {p: {} for p in _WINDOW_PREFIXES}
        for name, row in index.items():
            head, eq, word = name.partition("=")
            if eq and head + eq in tables:
                tables[head + eq][word] = row
        self.windows = tuple(tables[p] for p in _WINDOW_PREFIXES)


def figure_rows(rows: FeatureRows, s: Sent, q: Quantity, rule: list[Claim], py: int | None,
                idx: int) -> set[int | None]:
    """The rows of ``figure_features(s, q, rule, py, idx)`` that ``rows`` knows (and None for
    the rest), found without building the window features' names; a test pins the two."""
    get = rows.index.get
    out: set[int | None] = set(map(get, _head_features(q, rule, py)))
    before, after = _windows(s, q)
    b1, b2, b3, bw, a1, a2, a3, aw, bbi, b0, abi, a0 = rows.windows
    near = before[:-11:-1]
    out.update(map(b1.get, near[:2]), map(b2.get, near[2:5]), map(b3.get, near[5:]),
               map(bw.get, near))
    near = after[:10]
    out.update(map(a1.get, near[:2]), map(a2.get, near[2:5]), map(a3.get, near[5:]),
               map(aw.get, near))
    if len(before) >= 2:
        out.add(bbi.get(f"{before[-2]}_{before[-1]}"))
    if before:
        out.add(b0.get(before[-1]))
    if len(after) >= 2:
        out.add(abi.get(f"{after[0]}_{after[1]}"))
    if after:
        out.add(a0.get(after[0]))
    out.update(map(get, _context_features(s, q, py, idx)))
    out.update(map(get, _magnitude_features(s, q, rule)))
    return out


@cache
def _yearly_spending() -> dict[tuple[str, str], float]:
    """(entity, currency) -> the largest yearly defence spending NATO's tables give it, in
    units: the scale an amount said to be that entity's spending is read against. Read from
    the shipped files, not through ``dataset``: a feature must mean what it meant when the
    weights were trained, whatever editions a user has imported since."""
    data = resources.files("natospend.data")
    currency = {r["iso3"]: r["currency"] for r in
                csv.DictReader(data.joinpath("allies.csv").open(encoding="utf-8"))}
    out: dict[tuple[str, str], float] = {}
    # Rows as lists, not DictReader's dicts: the file has some 15,000 rows, and the first
    # amount of a process waits for them.
    with data.joinpath("observations.csv").open(encoding="utf-8") as f:
        rows = csv.reader(f)
        head = next(rows)
        at_entity, at_indicator, at_value = map(head.index, ("entity", "indicator", "value"))
        for r in rows:
            if not r:
                continue  # a blank line, which DictReader skips too
            ind, entity = r[at_indicator], r[at_entity]
            if ind == "usd_current_m":
                key = (entity, "USD")
            elif ind == "nat_currency_current_m" and entity in currency:
                key = (entity, currency[entity])
            else:
                continue
            v = float(r[at_value]) * 1e6
            if v > out.get(key, 0.0):
                out[key] = v
    return out


_MAG_LIMITS = (0.01, 0.1, 0.5, 2, 5)


def _magnitude_features(s: Sent, q: Quantity, rule: list[Claim]) -> list[str]:
    """How an amount compares with the yearly defence spending of the ally it is said of (the
    rules' subject, else the last ally or group named before it): a GDP, a whole budget or a
    ten-year plan is many times it, a price a sliver. Only for amounts in US$ or the ally's
    own currency; the comparison reads NATO's scale, never whether the amount is right."""
    if q.kind != "money" or not q.currency:
        return []
    subject = rule[0].subject if rule and rule[0].subject else None
    if subject is None:
        for m in s.mentions:
            if m.end <= q.start and m.role in ("ally", "group"):
                subject = m.code
    ref = _yearly_spending().get((subject, q.currency)) if subject else None
    if not ref:
        return ["mag=?"]
    r = q.value / ref
    bucket = next((f"<{lim}" for lim in _MAG_LIMITS if r < lim), ">=5")
    rt = rule[0].type if rule else "none"
    return ["mag=" + bucket, f"mag_rule={bucket}|{rt}"]


def _head_features(q: Quantity, rule: list[Claim], py: int | None) -> list[str]:
    """The rules' decision and the figure itself."""
    rt = rule[0].type if rule else "none"
    vb = _vbucket(q.kind, q.value)
    f = ["rule=" + rt, "kind=" + q.kind, f"kind_rule={q.kind}|{rt}", "vb=" + vb,
         f"vb_rule={vb}|{rt}"]
    add = f.append
    if q.value == round(q.value):
        add("round_value")
    if q.points:
        add("points")
    if q.hedge:
        add("hedge=" + q.hedge)
    if q.currency:
        add("cur=" + q.currency)
    if rule:
        c = rule[0]
        add("rule_n=" + str(min(len(rule), 3)))
        add("rule_subj=" + ("NATO" if c.subject == "NATO" else
                            "none" if c.subject is None else "ally"))
        if c.deadline:
            add("rule_deadline")
            add("rule_deadline_rel=" + str(max(-2, min(3, c.deadline - py)))
                if py is not None else "rule_deadline_rel=?")
        if c.year is not None:
            add("rule_year_inferred=" + str(c.year_inferred))
        if len({x.type for x in rule}) > 1:
            add("rule_multi_type")
    return f


def _windows(s: Sent, q: Quantity) -> tuple[list[str], list[str]]:
    """The words in the 80 characters before the figure and in the 80 after it."""
    low = s.lower  # same offsets as the text, or None (then windows are lowercased one by one)
    lo = max(0, q.start - 80)
    if low is not None:  # the token pattern has no look-around: a window matches as a slice
        return WORD_RE.findall(low, lo, q.start), WORD_RE.findall(low, q.end, q.end + 80)
    t = s.text
    return _toks(t[lo:q.start]), _toks(t[q.end:q.end + 80])


def _context_features(s: Sent, q: Quantity, py: int | None, idx: int) -> list[str]:
    """Years, verbs and names near the figure, its place and the sentence's other figures."""
    f: list[str] = []
    add = f.append
    for y in s.years:
        pos = "after" if y.start >= q.end else "before"
        dist = "near" if (pos == "after" and y.start - q.end < 40) or \
            (pos == "before" and q.start - y.end < 40) else "far"
        rel = _rel(y.year, py)
        add(f"yr={y.kind}|{pos}|{dist}|{rel}")
        add(f"yrk={y.kind}|{rel}")
    yr = year_for(s, q.start, q.end)
    add("yfor=none" if yr is None else f"yfor={yr.kind}|{_rel(yr.year, py)}")
    t, low = s.text, s.lower
    lo = max(0, q.start - 80)
    verbs = _MODAL.findall(t, lo, q.start) if low is None else \
        _MODAL_LOW.findall(low, lo, q.start)
    if verbs:
        f += ["modal_b=" + v.lower() for v in verbs]
        add("modal_before")
    if (_PAST if low is None else _PAST_LOW).search(low or t, max(0, q.start - 60), q.start):
        add("past_before")
    nearest = None
    for m in s.mentions:
        if m.end <= q.start:
            nearest = m
    if nearest is not None:
        d = q.start - nearest.end
        add("near_mention_b=" + ("0-20" if d < 20 else "20-60" if d < 60 else "60+"))
        add("near_mention_role=" + nearest.role)
        if nearest.code == "NATO":
            add("near_mention_nato")
    add("qidx=" + str(min(idx, 3)))
    for o in s.quantities:
        if o is not q:
            add("other_kind=" + o.kind)
    return f


def sentence_candidates(s: Sent, rules: list[Claim], ctx: Context, py: int | None
                        ) -> list[Candidate]:
    """The candidates of one sentence, with their own features; ``ctx`` is the context as it
    was before the sentence was read."""
    base = s.sent.start
    out: list[Candidate] = []
    claimed = [False] * len(rules)
    for i, q in enumerate(s.quantities):
        span = (base + q.start, base + q.end)
        by_type: dict[str, list[Claim]] = {}
        for j, c in enumerate(rules):
            if not claimed[j] and c.span[0] < span[1] and span[0] < c.span[1] \
                    and values_agree(c.value, q.value):
                claimed[j] = True
                by_type.setdefault(c.type, []).append(c)
        if not by_type:
            if q.kind == "number" and not (q.value == int(q.value) and 0 < q.value <= 32):
                continue  # a plain number that is no count: never a claim the rules miss
            if q.kind == "number" and any(c.type == "allies_meeting_target" and c.span[0] <=
                                          span[0] and span[1] <= c.span[1] for c in rules):
                continue  # the total of a count the rules read ('21 of 32 nations')
            by_type = {"none": []}
        for rt, rc in by_type.items():
            out.append(Candidate(span, q.value, rt, rc, s, q, ctx, i, py))
    rest: dict[tuple[tuple[int, int], float, str], list[Claim]] = {}
    for j, c in enumerate(rules):
        if not claimed[j]:
            rest.setdefault((c.span, c.value, c.type), []).append(c)
    for (span, value, rt), rc in rest.items():
        # a rule claim on no figure ('twenty-three allies'): a figure of its own
        qq = Quantity("number", span[0] - base, span[1] - base, value, num_start=span[0] - base)
        out.append(Candidate(span, value, rt, rc, s, qq, ctx, 0, py, unanchored=True))
    return out


@dataclass(slots=True)
class SentenceCandidates:
    """A sentence's rule claims and candidates, and the context before it (for its features)."""

    sent: Sent
    ctx: Context
    rules: list[Claim]
    candidates: list[Candidate]
    # the one or two sentences just before it, nearest first, whether or not they had figures:
    # the year layer (``yearmodel``) looks there for the year a figure is for
    prev: tuple[Sent, ...] = ()


def read_candidates(text: str, published: date | None) -> Iterator[SentenceCandidates]:
    """The extractor's own sentence loop, with the candidates of each sentence that has any.

    The rules run exactly as :func:`~natospend.claims.extract.extract` runs them (same
    threaded context), so the rule claims of all yielded sentences are its output."""
    if not text or not text.strip():
        return
    py = published.year if published else None
    prev: tuple[Sent, ...] = ()
    for sentence, ctx in sentences_in_context(text, published):
        s, has_figure = open_sentence(sentence, ctx)
        if has_figure:
            before = ctx.snapshot()
            rules = read_figures(s, ctx)
            if s.quantities or rules:
                cands = sentence_candidates(s, rules, before, py)
                if cands or rules:
                    yield SentenceCandidates(s, before, rules, cands, prev)
        prev = (s, prev[0]) if prev else (s,)
