"""The learned year layer: a linear model picks the year of each claim the learned path keeps.

Why: once the type is right, the year is the most common error left, and every wrong year
makes a verdict wrong. The rules take the year that dates a figure in its clause, else the
context's, which misses the labelling conventions in ways a few rules do not fix: a period or
'since' reference that does not date the figure (the rules say null), multi-year totals read
as one year's figure, 'now' or 'currently' early in a year, next year's budget. So the rules
stay the candidate source and a binary logistic regression scores each *candidate year* of a
claim; the best scores wins (plain argmax, no confidence margin: a margin chosen inside the
training rounds never helped).

Candidates, merged by value: null; every year reference in the sentence (a period counts as
evidence for null); the years of the one or two sentences before; the publication year and
the years either side; the context's year; the rules' own year. Features say where a candidate
came from and how it sits relative to the figure and the publication date, crossed with
claim-level cues (type, hedge, the rules' year, the publication month, words near the figure).

Only the types with a year of their own are re-decided (share_of_gdp, allies_meeting_target,
spending_amount, aid_pledge); target_commitment keeps its null year. The rules-only path never
comes here. Held out one round at a time over rounds 4-8 it scored 0.781 of years right against
the rules' 0.697 on the same claims (round 8, unseen by the rules' authors: 0.720 vs 0.640).
Version 2 of the features (session 18) adds crosses the first lacked, which gradient-boosted
trees over the same features had shown to matter (0.779 against 0.766 on three splits): each
source with the candidate's roles and with every cue, each cue with the claim type and the
roles, and how many sources proposed the candidate. Held out one round at a time over rounds
4-40: 0.783 of years right against version 1's 0.768, at about 25 microseconds more a claim.
Version 3 drops what version 2 made a copy of: each source crossed with the claim type (the
type is a cue) and a subset of sources crossed with a subset of cues (now all with all).

The weights (``year_model.json``) are written by ``bench/claims_train_years.py`` from rounds
1-8; scoring is plain Python over them. Changing a feature changes what the weights mean: bump
``YEAR_FEATURES_VERSION`` and retrain.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from natospend.claims.features import WORD_RE, Candidate
from natospend.claims.patterns import trie
from natospend.claims.sentence import Claim, Sent, clause_of, year_for
from natospend.claims.years import YearRef, find_years

YEAR_FEATURES_VERSION = 4
YEAR_TYPES = frozenset({"share_of_gdp", "allies_meeting_target", "spending_amount",
                        "aid_pledge"})
_YEAR4 = re.compile(r"(?:19[5-9]\d|20[0-4]\d)")
_WINDOW = 70  # characters either side of the figure in which a cue counts as near it
_REL_WORDS = ("this", "last", "next", "current", "now", "today", "ago", "past", "previous",
              "coming", "within", "in ")
# Word cues, each with the substrings every one of its matches contains (in the lowercased
# sentence): most sentences lack most cues, and a substring test is far cheaper than a scan.
# () means no cheap test: scan always.
_CUES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("this_year", r"\bthis (?:fiscal |financial |budget )?year\b|\bthe current (?:\w+ )?year\b",
     ("year",)),
    ("last_year", r"\blast year\b|\bthe (?:past|previous) year\b", ("year",)),
    ("next_year", r"\bnext year\b|\bthe coming year\b", ("year",)),
    ("currently", r"\bcurrently\b|\bcurrent\b|\bnow\b|\btoday\b|\bat present\b",
     ("current", "now", "today", "at present")),
    ("so_far", r"\bso far\b|\bto date\b|\bthus far\b|\bin total\b|\btotal(?:ling|ing)?\b|"
     r"\bcumulative\b|\baltogether\b",
     ("so far", "to date", "thus far", "total", "cumulative", "altogether")),
    ("since", r"\bsince\b", ("since",)),
    ("over_next", r"\bover the (?:next|coming|past|last)\b|\bover \w+ years\b|"
     r"\b\w+[- ]year\b(?! ago)|\bby \d{4}\b", ("over ", "year", "by ")),
    ("per_year", r"\ba year\b|\bper year\b|\bannual(?:ly)?\b|\beach year\b|\bevery year\b|"
     r"\byearly\b", ("year", "annual")),
    ("future", r"\bwill\b|\bwould\b|\bplans?\b|\bplanned\b|\bexpected\b|\bprojected\b|"
     r"\bforecast\b|\baims?\b|\bset to\b|\bbudget(?:ed)?\b|\bintends?\b|\bpledged?\b|"
     r"\bpromised?\b|\bto reach\b|\bto spend\b|\bto hit\b|\bto increase\b|\bto rise\b|"
     r"\bon track\b|\bestimated\b", ()),
    ("past", r"\bspent\b|\bwas\b|\bwere\b|\breached\b|\bstood\b|\brose\b|\bfell\b|\bhit\b|"
     r"\bmet\b|\bamounted\b|\bhad\b|\bdid\b|\ballocated\b|\bgave\b|\bprovided\b|"
     r"\bdelivered\b", ()),
    ("present", r"\bis\b|\bare\b|\bspends\b|\bmeets?\b|\bmeeting\b|\bspending\b", ()),
    ("fiscal", r"\bfiscal\b|\bbudget\b", ("fiscal", "budget")),
    ("record", r"\brecord\b|\bfirst time\b|\bhighest\b", ("record", "first time", "highest")),
    ("package", r"\bpackage\b|\baid\b|\bassistance\b|\bsupport\b",
     ("package", "aid", "assistance", "support")),
    ("years_pl", r"\byears\b", ("years",)),
    ("target", r"\btarget\b|\bgoal\b|\bpledge\b|\bcommitment\b|\bbenchmark\b",
     ("target", "goal", "pledge", "commitment", "benchmark")),
    ("until", r"\buntil\b|\bthrough\b", ("until", "through")),
)
# Case-insensitive scans of the text, and case-sensitive ones of ``Sent.lower`` where it exists
# (same match positions, about twice as fast: see ``Sent.lower``).


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (split at '|' outside any group)."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def _led(pattern: str) -> str:
    """``pattern`` for the lowercase scan, led by a class of the letters its matches can start
    with when every alternative starts with a word boundary and a letter ('\\bwill\\b|...'):
    the engine then rejects most positions with one test instead of trying each alternative
    (as ``patterns.words`` does). The class admits every position a match can start at, so the
    matches are the same."""
    firsts = set()
    for alt in _alternatives(pattern):
        m = re.match(r"\\b([a-z])(?![?*{])", alt)
        if m is None:
            return pattern
        firsts.add(m.group(1))
    return f"(?=[{''.join(sorted(firsts))}])(?:{pattern})"


_CUE_RX = tuple((name, re.compile(p, re.I), re.compile(_led(p)), hints)
                for name, p, hints in _CUES)


def _expand(pattern: str) -> list[str] | None:
    """Every string ``pattern`` matches, when it is made of lowercase letters, spaces, optional
    letters ('s?') and groups of such alternatives ('(?:ling|ing)?'); None otherwise."""
    out = [""]
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("(?:", i):
            depth, j = 1, i + 3
            while depth:
                depth += {"(": 1, ")": -1}.get(pattern[j], 0)
                j += 1
            options: list[str] = []
            for alt in _alternatives(pattern[i + 3:j - 1]):
                found = _expand(alt)
                if found is None:
                    return None
                options += found
            i = j
        elif c == " " or "a" <= c <= "z":
            options = [c]
            i += 1
        else:
            return None
        if pattern.startswith("?", i):
            options.append("")
            i += 1
        out = [a + b for a in out for b in options]
    return out


def _word_sequences(pattern: str) -> list[tuple[str, ...]] | None:
    """The word sequences a cue pattern matches when every alternative is a word boundary,
    plain words separated by single spaces, and a word boundary ('\\bset to\\b',
    '\\bplans?\\b'), and no sequence starts another (so at most one matches at a place);
    None otherwise (the cue is then scanned as a pattern)."""
    seqs: set[tuple[str, ...]] = set()
    for alt in _alternatives(pattern):
        if not (alt.startswith(r"\b") and alt.endswith(r"\b")):
            return None
        found = _expand(alt[2:-2])
        if found is None:
            return None
        for x in found:
            words = tuple(x.split(" "))
            if not all(words):
                return None
            seqs.add(words)
    if any(a != b and a == b[:len(a)] for a in seqs for b in seqs):
        return None
    return sorted(seqs)


def _first_words() -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """First word of a plain-word cue's sequences -> (the cue's place in _CUES, the rest of
    each of its sequences that starts with that word, as the text after the first word must
    read: ' to' for 'set to')."""
    out: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for i, (_, pattern, _) in enumerate(_CUES):
        rests: dict[str, list[str]] = {}
        for seq in _word_sequences(pattern) or ():
            rests.setdefault(seq[0], []).append("".join(" " + w for w in seq[1:]))
        for first, r in rests.items():
            out.setdefault(first, []).append((i, tuple(r)))
    return out


# Cues made of plain words are found from one scan for their first words (whole words: a
# match is a \w+ run) instead of one scan each.
_BY_FIRST_WORD = _first_words()
_FIRST_WORD_RX = re.compile(r"\b(?:" + trie(_BY_FIRST_WORD) + r")\b")
_WORD_CHAR = re.compile(r"\w")
_WORD_CUE = tuple(_word_sequences(p) is not None for _, p, _ in _CUES)


def _word_cue_spans(low: str) -> dict[int, list[tuple[int, int]]]:
    """The spans of each plain-word cue's matches in ``low``, by the cue's place in _CUES:
    what ``finditer`` of its pattern finds. A match starts at a word run (\\w+) that is its
    first word, and matches do not overlap; runs never do, and at most one sequence of a cue
    can match at a run, so taking the runs that are first words in order and skipping those
    inside the cue's last match gives finditer's matches. A test checks this against the
    scans."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for m in _FIRST_WORD_RX.finditer(low):
        start, end = m.span()
        for i, rests in _BY_FIRST_WORD[m.group()]:
            cue = spans.get(i)
            if cue and cue[-1][1] > start:
                continue
            for rest in rests:
                stop = end + len(rest)
                if not rest or (low.startswith(rest, end)
                                and _WORD_CHAR.match(low, stop) is None):
                    if cue is None:
                        spans[i] = [(start, stop)]
                    else:
                        cue.append((start, stop))
                    break
    return spans
_UNDATED_RELATIVE = frozenset(("this_year", "last_year", "next_year"))


# Every role a candidate can have (see YearCandidates.roles), in a fixed order; none has '&'.
_ROLES = ("null", "rules", "insent", "rel=?", *(f"rel={k}" for k in range(-3, 3)))
_ROLE_INDEX = {r: i for i, r in enumerate(_ROLES)}
# their places, for best_year: 'rel=k' is at _REL0 + k
_NULL, _RULES, _INSENT, _REL_UNKNOWN, _REL0 = (
    _ROLE_INDEX[r] for r in ("null", "rules", "insent", "rel=?", "rel=0"))


@dataclass(frozen=True)
class YearModel:
    """Intercept and feature -> weight of the candidate scorer, and indexes of the same
    weights that let :func:`best_year` score without building every feature name."""

    intercept: float
    weights: dict[str, float]
    metadata: dict[str, Any]
    # claim-level cue -> the weights of 'cue&role' for every role, in ``_ROLES`` order;
    # '' -> the weights of 'role=...'
    by_cue: dict[str, tuple[float, ...]] = field(default_factory=dict)
    # source -> the weights of 'source&R:role' for every role, in ``_ROLES`` order
    by_source_role: dict[str, tuple[float, ...]] = field(default_factory=dict)
    # source -> {cue: weight of 'cue&S:source'}, for every cue and source
    by_any_cue: dict[str, dict[str, float]] = field(default_factory=dict)


def parse_year_model(data: dict[str, Any]) -> YearModel:
    """A :class:`YearModel` from the JSON of bench/claims_train_years.py; refuses weights made
    for other features, which would score silently and wrongly."""
    meta = data.get("metadata", {})
    version = meta.get("configuration", {}).get("year_features_version")
    if version != YEAR_FEATURES_VERSION:
        raise ValueError(f"year model features version {version!r}, code has "
                         f"{YEAR_FEATURES_VERSION}")
    weights = {k: float(v) for k, v in data["w"].items()}
    by_cue: dict[str, list[float]] = {"": [weights.get("role=" + r, 0.0) for r in _ROLES]}
    by_source_role: dict[str, list[float]] = {}
    by_any_cue: dict[str, dict[str, float]] = {}
    for k, v in weights.items():
        if "&S:" in k:  # 'cue&S:source' (a cue may hold '&', a source never)
            cue, _, source = k.rpartition("&S:")
            by_any_cue.setdefault(source, {})[cue] = v
            continue
        if "&R:" in k:  # 'source&R:role'
            source, _, role = k.partition("&R:")
            by_source_role.setdefault(source, [0.0] * len(_ROLES))[_ROLE_INDEX[role]] = v
            continue
        head, _, role = k.rpartition("&")
        if head and role in _ROLE_INDEX:  # 'cue&role' (a cue may hold '&': 'currently&later')
            by_cue.setdefault(head, [0.0] * len(_ROLES))[_ROLE_INDEX[role]] = v
    return YearModel(float(data["intercept"]), weights, meta,
                     {k: tuple(v) for k, v in by_cue.items()},
                     {k: tuple(v) for k, v in by_source_role.items()}, by_any_cue)


@cache
def load_year_model() -> YearModel:
    """The shipped year weights, read once per process."""
    text = resources.files("natospend.claims").joinpath("year_model.json").read_text("utf-8")
    return parse_year_model(json.loads(text))


def _ref_year(text: str, r: YearRef) -> int | None:
    """A reference's year; a date's year is read from its digits ('on February 24, 2022')."""
    if r.year is not None:
        return r.year
    if r.kind == "date":
        ys = _YEAR4.findall(text, r.start, r.end)
        return int(ys[-1]) if ys else None
    return None


def _rel_word(t: str) -> str:
    t = t.lower()
    for w in _REL_WORDS:
        if w in t:
            return w.strip()
    return "other"


def _dbucket(n: int) -> str:
    return "0-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11-20" \
        if n <= 20 else "21+"


def _sent_years(s: Sent, py: int | None) -> list[YearRef]:
    """The sentence's year references; the extractor found them already unless the sentence
    had no figure (then only relative ones, 'this year', can be there)."""
    return s.years if s.years or s.quantities else find_years(s.text, py)


def _cue_spans(text: str, low: str | None) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each cue found in the sentence, in _CUES order, with the spans of its matches."""
    cues: list[tuple[str, list[tuple[int, int]]]] = []
    if low is None:
        for name, rx_i, _, _ in _CUE_RX:
            if found := [m.span() for m in rx_i.finditer(text)]:
                cues.append((name, found))
        return cues
    by_words = _word_cue_spans(low)
    for i, ((name, _, rx_low, hints), plain) in enumerate(zip(_CUE_RX, _WORD_CUE,
                                                               strict=True)):
        spans: list[tuple[int, int]] | None
        if plain:
            spans = by_words.get(i)
        elif hints and not any(map(low.__contains__, hints)):
            continue
        else:
            spans = [m.span() for m in rx_low.finditer(low)]
        if spans:
            cues.append((name, spans))
    return cues


def _scanned_cue_spans(low: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """The cues of ``low`` found by scanning every pattern: what :func:`_cue_spans` finds."""
    cues = []
    for name, _, rx_low, _ in _CUE_RX:
        if spans := [m.span() for m in rx_low.finditer(low)]:
            cues.append((name, spans))
    return cues


class SentenceYears:
    """What the claims of one sentence share, computed once: cue positions, the sentence's
    year references, and the candidates its previous sentences propose."""

    __slots__ = ("sent", "low", "cues", "refs", "nrefs", "prev")

    def __init__(self, s: Sent, prev: tuple[Sent, ...], py: int | None) -> None:
        self.sent = s
        text = s.text
        low = self.low = s.lower
        self.cues = _cue_spans(text, low)
        self.refs = [(r, _ref_year(text, r)) for r in s.years]
        self.nrefs = "nrefs=" + str(min(sum(1 for _, y in self.refs if y is not None), 3))
        found: dict[int, list[str]] = {}
        for back, ps in enumerate(prev[:2], 1):
            for r in _sent_years(ps, py):
                y = _ref_year(ps.text, r)
                if y is None:
                    continue
                f = found.setdefault(y, [])
                f += [f"src=prev{back}", f"src=prev{back}|{r.kind}"]
                if r.inferred:
                    f.append(f"src=prev|rel={_rel_word(ps.text[r.start:r.end])}")
        self.prev = found

    def tokens(self, a: int, b: int) -> int:
        """The number of word tokens in text[a:b]."""
        if b <= a:
            return 0
        if self.low is not None:  # same count: the token pattern has no look-around
            return len(WORD_RE.findall(self.low, a, b))
        return len(WORD_RE.findall(self.sent.text[a:b].lower()))


class _Src(dict[int | None, list[str]]):
    """Candidate year -> its source features, in the order they were found, without repeats."""

    def add(self, y: int | None, *feats: str) -> None:
        f = self.setdefault(y, [])
        for x in feats:
            if x not in f:
                f.append(x)


@dataclass(slots=True)
class YearCandidates:
    """The candidate years of one claim, what proposed each, and the claim-level cues."""

    claim: Claim
    py: int | None
    sources: _Src
    cues: list[str]
    explicit: set[int]  # years written out, not inferred, in the sentence

    def roles(self, y: int | None) -> list[str]:
        """How a candidate relates to the publication year, the rules and the sentence."""
        if y is None:
            return ["null"]
        out = [f"rel={max(-3, min(2, y - self.py))}" if self.py is not None else "rel=?"]
        if y == self.claim.year:
            out.append("rules")
        if "src=sent" in self.sources[y]:
            out.append("insent")
        return out

    def rows(self) -> list[list[str]]:
        """Every candidate's feature names (all of value 1), in ``sources`` order; the names
        the weights are keyed by. Training uses these; :func:`best_year` scores the same sums
        without building them all."""
        ctype = self.claim.type
        out = []
        for y, srcs in self.sources.items():
            roles = self.roles(y)
            f = ["role=" + r for r in roles]
            f += srcs
            f += [f"{c}&{r}" for c in self.cues for r in roles]
            # each source by role and by cue (the type among the cues), each cue by type and
            # role, and how many sources proposed the candidate, by role (versions 2 and 3;
            # held out over three splits of rounds 4-40: 0.777 of years right against 0.766)
            f += [f"{s}&R:{r}" for s in srcs for r in roles]
            f += [f"{c}&S:{s}" for c in self.cues for s in srcs]
            f += [f"T{ctype}&{c}&{r}" for c in self.cues for r in roles]
            f += [f"nsrc={min(len(srcs), 4)}&{r}" for r in roles]
            out.append(f)
        return out


def year_candidates(claim: Claim, cand: Candidate, sy: SentenceYears,
                    published: date | None) -> YearCandidates:
    """The candidate years of ``claim`` (read from ``cand``'s figure) and their features."""
    s, q, ctx = cand.sent, cand.q, cand.ctx
    text = s.text
    py = published.year if published else None
    src = _Src()
    src.add(None, "src=null")
    yf = year_for(s, q.start, q.end)
    ca, cb = clause_of(s, q.start)
    refs = sy.refs
    if claim.type == "aid_pledge" and any(r.span for r, _ in refs):
        # aid 'for 2026-27' is two years' support, not a budget's fiscal year (money.py)
        refs = [(r, None) if r.span else (r, y) for r, y in refs]
    if py is None and not any(y is not None for _, y in refs) and any(
            name in _UNDATED_RELATIVE for name, _ in sy.cues):
        # 'this year' in an undated text names no year it can be, whatever year the sentence
        # before names (the rules say so too; weights learnt from dated texts did not)
        return YearCandidates(claim, py, src, [], set())
    with_year = [(r, y) for r, y in refs if y is not None]
    after = [r for r, y in with_year if r.start >= q.end]
    before = [r for r, y in with_year if r.end <= q.start]
    nearest_after = after[0] if after else None
    nearest_before = before[-1] if before else None
    explicit: set[int] = set()
    for r, y in refs:
        if y is None and r.span is not None:  # a period, or (for aid) a fiscal year
            pos = "after" if r.start >= q.end else "before"
            src.add(None, "src=period_in_sent", "src=period|" + pos)
            continue
        if y is None:
            continue
        if r.start >= q.end:
            pos, d = "after", sy.tokens(q.end, r.start)
        elif r.end <= q.start:
            pos, d = "before", sy.tokens(r.end, q.start)
        else:
            pos, d = "inside", 0
        db = _dbucket(d)
        f = ["src=sent", f"ref={r.kind}|{pos}", f"ref={r.kind}|{pos}|{db}", f"refd={pos}|{db}",
             f"ref_clause={ca <= r.start < cb}|{r.kind}"]
        if any((o.start >= q.end and o.end <= r.start) or (o.start >= r.end and o.end <= q.start)
               for o in s.quantities if o is not q):
            f.append(f"ref_otherq_between|{r.kind}")
        if r is nearest_after:
            f.append(f"ref_nearest_after|{r.kind}")
        if r is nearest_before:
            f.append(f"ref_nearest_before|{r.kind}")
        if r.inferred:
            rel = _rel_word(text[r.start:r.end])
            f += ["ref_rel=" + rel, f"ref_rel={rel}|{r.kind}"]
        else:
            f.append("ref_explicit")
            explicit.add(y)
        if r is yf:
            f.append("ref_yearfor")
        if r.start < 40 and r.end <= q.start:
            f.append("ref_lead")
        src.add(y, *f)
    for y, f in sy.prev.items():
        src.add(y, *f)
    if py is not None:
        src.add(py, "src=pub")
        src.add(py - 1, "src=pub-1")
        src.add(py + 1, "src=pub+1")
    if ctx.year is not None:
        src.add(ctx.year, "src=ctx")
    src.add(claim.year, "src=rules", f"src=rules|inferred={claim.year_inferred}")
    cues = ["type=" + claim.type, "hedge=" + str(bool(claim.hedge)),
            "rules_null=" + str(claim.year is None), "rules_inf=" + str(claim.year_inferred),
            sy.nrefs, "yearfor=" + ("none" if yf is None else yf.kind),
            "rules_type=" + cand.rule_type]
    month = None
    if published is not None:
        m = published.month
        month = "jan-feb" if m <= 2 else "mar-jun" if m <= 6 else "jul-dec"
        cues.append("month=" + month)
    lo, hi = q.start - _WINDOW, q.end + _WINDOW
    now = False
    for name, spans in sy.cues:
        near = any(lo <= a and b <= hi for a, b in spans)
        cues.append(("w=" if near else "s=") + name)
        now = now or name == "currently"
        if near and month is not None and name in _TENSES:
            # 'Poland will spend 4.7% of GDP' in February is this year's, while a bare level
            # early in a year is often last year's, just published
            cues.append(f"w={name}&{month}")
    if now:
        cues.append("currently&" + ("jan-feb" if month == "jan-feb" else "later"))
    return YearCandidates(claim, py, src, cues, explicit)


_TENSES = frozenset({"future", "past", "present"})


def best_year(model: YearModel, yc: YearCandidates) -> int | None:
    """The highest-scoring candidate (the first on a tie). The score is the sum of the weights
    of ``yc.rows()``, computed from the model's indexes with the parts candidates share (the
    claim-level cues under one role, a source's own weights and its weights with the cues)
    summed once per claim: the same sum in another order."""
    ctype = yc.claim.type
    cues = yc.cues
    cue_rows = [model.by_cue[""]]
    cue_rows += filter(None, map(model.by_cue.get, cues))
    typed = "T" + ctype + "&"
    cue_rows += filter(None, map(model.by_cue.get, [typed + c for c in cues]))
    by_role = [sum(col) for col in zip(*cue_rows, strict=True)]
    cue_zeros = [0.0] * len(cues)
    by_source_role, by_any_cue, weight = model.by_source_role, model.by_any_cue, model.weights
    by_src: dict[str, float] = {}
    py, rules_year, sources = yc.py, yc.claim.year, yc.sources
    best, best_score = None, float("-inf")
    for y, srcs in sources.items():
        # the roles of yc.roles(y), by their place in _ROLES
        if y is None:
            roles = [_NULL]
        else:
            roles = [_REL_UNKNOWN if py is None else _REL0 + max(-3, min(2, y - py))]
            if y == rules_year:
                roles.append(_RULES)
            if "src=sent" in srcs:
                roles.append(_INSENT)
        score = model.intercept + sum(by_role[r] for r in roles)
        counted = model.by_cue.get(f"nsrc={min(len(srcs), 4)}")
        if counted:
            score += sum(counted[r] for r in roles)
        for s in srcs:
            part = by_src.get(s)
            if part is None:
                part = weight.get(s, 0.0)
                with_cues = by_any_cue.get(s)
                if with_cues:
                    part += sum(map(with_cues.get, cues, cue_zeros))
                by_src[s] = part
            score += part
            by_r = by_source_role.get(s)
            if by_r:
                score += sum(by_r[r] for r in roles)
        if score > best_score:
            best, best_score = y, score
    return best


def inferred_flag(yc: YearCandidates, year: int | None) -> bool:
    """year_inferred for the chosen year: the rules' flag where the model agrees with them;
    otherwise whether the year is not written out in the sentence (a null year is never
    inferred)."""
    if year == yc.claim.year:
        return yc.claim.year_inferred
    return year is not None and year not in yc.explicit


def resolve_years(model: YearModel, claims: Iterable[Claim], cand: Candidate,
                  sy: SentenceYears, published: date | None) -> list[Claim]:
    """``claims`` (all read from ``cand``) with the model's year for the types that have one;
    the others (target_commitment) as they are."""
    out = []
    for c in claims:
        if c.type in YEAR_TYPES:
            yc = year_candidates(c, cand, sy, published)
            y = best_year(model, yc)
            if y != c.year:
                c = replace(c, year=y, year_inferred=inferred_flag(yc, y))
        out.append(c)
    return out
