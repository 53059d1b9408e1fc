"""A claim, the sentence being read, and what earlier sentences established.

Also the helpers every rule family (``counts``, ``percents``, ``money``) uses: the clause a
figure is in, the year that dates it, who it is about, the list a name belongs to, and the
making of the :class:`Claim` itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from natospend.claims.hints import HINTS_BY_ID
from natospend.claims.money_words import EACH_AFTER
from natospend.claims.numbers import Quantity
from natospend.claims.patterns import (
    ALONGSIDE_BEFORE,
    ATTRIBUTIVE_AFTER,
    ATTRIBUTIVE_MORE_AFTER,
    CLAUSE_BREAK,
    DEPENDS_ON_BEFORE,
    GENERIC_TARGET,
    GROUPISH,
    LIST_CLAUSE,
    LIST_REACHES,
    LIST_SEP,
    LIST_SEP_RE,
    LIST_SPENDS,
    LOWERCASE_FORM,
    NAMES_TARGET_AFTER,
    NEGATED_BEFORE,
    OWN_FORCES,
    OWN_FUNDING,
    POSSESSIVE_AFTER,
    PREP_BEFORE,
    RANKED_IN_BEFORE,
    SPENDER_BEFORE,
    SPENDS_BETWEEN,
    WORD_NUMS,
)
from natospend.claims.subjects import (
    COUNTRY_ROLES,
    SUBJECT_ROLES,
    Mention,
    currency_country,
    find_mentions,
    group_members,
    resolve_currency,
    text_crown,
)
from natospend.claims.text import Sentence, caseless, fold
from natospend.claims.years import YearRef

CLAIM_TYPES = ("share_of_gdp", "allies_meeting_target", "spending_amount", "aid_pledge",
               "target_commitment")


@dataclass(frozen=True)
class Claim:
    """One claim; ``span`` indexes the full text, ``quote`` is ``text[span[0]:span[1]]``."""

    sentence: str
    span: tuple[int, int]
    quote: str
    type: str
    subject: str | None
    year: int | None
    year_inferred: bool
    value: float
    unit: str
    hedge: str | None
    low: float | None
    high: float | None
    target_pct: float | None = None
    total: int | None = None
    deadline: int | None = None
    sentence_span: tuple[int, int] = (0, 0)
    # the learned typing layer's probability for the claim's type (None from the rules alone)
    confidence: float | None = None

    def __init__(self, sentence: str, span: tuple[int, int], quote: str, type: str,
                 subject: str | None, year: int | None, year_inferred: bool, value: float,
                 unit: str, hedge: str | None, low: float | None, high: float | None,
                 target_pct: float | None = None, total: int | None = None,
                 deadline: int | None = None, sentence_span: tuple[int, int] = (0, 0),
                 confidence: float | None = None) -> None:
        """The fields, as the generated ``__init__`` sets them, but in one step: a frozen
        dataclass sets each with ``object.__setattr__``, a microsecond a claim for sixteen
        fields (a test pins this signature to the fields)."""
        self.__dict__.update(sentence=sentence, span=span, quote=quote, type=type,
                             subject=subject, year=year, year_inferred=year_inferred,
                             value=value, unit=unit, hedge=hedge, low=low, high=high,
                             target_pct=target_pct, total=total, deadline=deadline,
                             sentence_span=sentence_span, confidence=confidence)

    def with_confidence(self, confidence: float) -> Claim:
        """This claim with the learned layer's confidence: ``dataclasses.replace`` re-runs every
        field through ``__init__``, which for every claim of a long text was measurable."""
        new = Claim.__new__(Claim)
        new.__dict__.update(self.__dict__, confidence=confidence)
        return new


# the words by which a whole text is about the checker's subjects (``text_topics``), searched
# in its lowercase copy: one anywhere will do, abbreviations too ('$849.8 billion for DoD')
_TEXT_TOPICS = (
    ("doc_ukraine", re.compile(r"ukrain|kyiv|kiev|zelensk|donbas")),
    ("doc_defence", re.compile(r"defen[cs]e|militar|\bnato\b|armed forces|\barmy\b|\bweapon|"
                               r"\btroops\b|pentagon|\bdod\b|\bmod\b|bundeswehr|\bmissile|"
                               r"ammunition|\brearm|\bsoldiers?\b|\bnavy\b|air force|"
                               r"\bwarships?\b")),
)


def text_topics(text: str, low: str | None = None) -> tuple[str, ...]:
    """What a whole text is about, as features of the typing layer ('doc_ukraine',
    'doc_defence'): an aid pledge is to Ukraine, and a figure in a text that never names the
    checker's subject is seldom a claim (news of a city budget, a market, a disaster). Read once
    a text: two scans of its lowercase copy (``low``, made here if not given)."""
    if low is None:
        low = text.lower()
    return tuple(name for name, rx in _TEXT_TOPICS if rx.search(low))


@dataclass
class Context:
    """What earlier sentences established: the subject, a year, a currency."""

    published: date | None
    subject: str | None = None
    year: int | None = None
    currency: str | None = None
    rupee: str | None = None  # whose rupee 'Rs' is, from the country named last (if any)
    whole_text: str = ""  # the text being read, for what only all of it tells (``crown``)
    topics: tuple[str, ...] = ()  # what the whole text is about (``text_topics``)
    rupees: bool = True  # whether the whole text has a word of ``RUPEE_HINTS`` at all
    next_text: str = ""  # the sentence after the one being read ('Those are Poland, ...')
    count_topic: bool = False
    defence_topic: bool = False
    money_type: str | None = None
    target_deadline: int | None = None
    target_topic: bool = False
    target_subject: str | None = None
    # the last share of the sentence before that a target could be (``ROUND_TARGETS``), for
    # 'seven of those 32 are doing so' after it
    prev_target_pct: float | None = None
    listed: int = 0
    # the sentences without a figure read since the last one with one, nearest last: what they
    # set is settled only when a sentence with a figure needs it (``extract.settle``)
    pending: list[Sent] = field(default_factory=list)

    def crown(self) -> str | None:
        """The crown of the one crown country the whole text names (``text_crown``), found at
        the first amount in crowns that needs it: most texts have none, and a scan of the
        whole text costs about 5% of reading it."""
        if "_crown" not in self.__dict__:
            self.__dict__["_crown"] = text_crown(self.whole_text)
        return self.__dict__["_crown"]  # type: ignore[no-any-return]

    def snapshot(self) -> Context:
        """A shallow copy, as ``copy.copy`` makes it but without its generic protocol: the
        learned layer keeps the context as it was before every sentence with a figure (taken
        once ``extract.settle`` has emptied ``pending``; the copy gets a list of its own)."""
        new = Context.__new__(Context)
        new.__dict__.update(self.__dict__, pending=[])
        return new


def count_value(token: str) -> int:
    t = fold(token).replace("‑", "-")
    if t.isdigit():
        return int(t)
    total = 0
    for part in t.split("-"):
        total += WORD_NUMS.get(part, 0)
    return total


_UNSEEN = object()  # a pattern not yet searched for in the sentence (None: searched, not found)


@dataclass
class Sent:
    sent: Sentence
    # the names in the sentence (``mentions``): None until first asked for
    _mentions: list[Mention] | None
    years: list[YearRef]
    quantities: list[Quantity]
    clauses: list[tuple[int, int]] = field(default_factory=list)
    # Starts of the figures read as cells of a ranking table (``tables``): the table heading
    # gives their years, so the learned year layer leaves them as the rules read them.
    table_cells: set[int] = field(default_factory=set)
    # Whole-sentence searches, keyed by id(pattern): the rules ask the same ones ('is this
    # sentence about aid?') for every figure of a sentence. Lives and dies with the sentence.
    _found: dict[int, re.Match[str] | None] = field(default_factory=dict)
    # year_for's answers, keyed by the figure's span: the rules, the learned layer's features
    # and its year layer all ask for the same figures' years. Filled only once ``years`` and
    # ``quantities`` are set (read_sentence sets them before any rule runs).
    _year_for: dict[tuple[int, int], YearRef | None] = field(default_factory=dict)
    # subjects_for's candidate names by kind of figure (``_candidates``): they depend on the
    # sentence alone, and every figure of the sentence asks for them.
    _candidates: dict[str, list[int]] = field(default_factory=dict)
    # each mention's coordinated list, by separator pattern (``list_around``)
    _lists: dict[str, list[list[Mention]]] = field(default_factory=dict)
    # the ends of the figures that are not a year's own digits, in order (``_figure_ends``)
    _ends: list[int] | None = None

    @property
    def text(self) -> str:
        return self.sent.text

    @property
    def mentions(self) -> list[Mention]:
        """Every name in the sentence (``subjects.find_mentions``), found when first asked for:
        most sentences of an article have no figure, and of those only the last few before a
        figure are ever asked (``extract.settle``)."""
        found = self._mentions
        if found is None:
            found = self._mentions = find_mentions(self.sent.text)
        return found

    @cached_property
    def lower(self) -> str | None:
        """The sentence lowercased, for substring tests and case-sensitive searches that stand
        in for case-insensitive ones; None where that would not be exact (see ``caseless``)."""
        return caseless(self.sent.text)

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False when ``pattern`` cannot match the sentence: one of its ``HINTS`` groups has no
        word in it. A few substring tests cost less than one scan of a long alternation, and
        most sentences fail them, so most rules' scans are skipped."""
        groups = HINTS_BY_ID.get(id(pattern))
        low = self.lower
        if groups is None or low is None:
            return True
        return _has_hints(groups, low)

    def search(self, pattern: re.Pattern[str], pos: int = 0, endpos: int | None = None
               ) -> re.Match[str] | None:
        """``pattern.search(self.text, pos, endpos)``, skipped where :meth:`may_match` rules
        the pattern out: a match inside the sentence has the hint words too."""
        if not self.may_match(pattern):
            return None
        return pattern.search(self.sent.text, pos, len(self.sent.text) if endpos is None
                              else endpos)

    def matches_in(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """Whether ``pattern`` matches ``self.text[start:end]``, searched as a string of its
        own, in the lowercase copy where it can be (as :meth:`find` does)."""
        if not self.may_match(pattern):
            return False
        low, lowercase = self.lower, LOWERCASE_FORM.get(id(pattern))
        if low is not None and lowercase is not None:
            return lowercase.search(low[start:end]) is not None
        return pattern.search(self.sent.text[start:end]) is not None

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``pattern.finditer(self.text)``, in the lowercase copy where the pattern has a
        lowercase form: the same spans, but the groups' text lowercased, for callers that
        fold it anyway."""
        low, lowercase = self.lower, LOWERCASE_FORM.get(id(pattern))
        if low is not None and lowercase is not None:
            return lowercase.finditer(low)
        return pattern.finditer(self.sent.text)

    def find(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """``pattern.search(self.text)``, run at most once per sentence."""
        found = self._first(pattern)
        if found is not None and found.string is not self.sent.text:
            # Found in the lowercase copy: the same match, taken on the sentence itself so
            # that its text is the sentence's.
            found = self._found[id(pattern)] = pattern.match(self.sent.text, found.start())
        return found

    def has(self, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` occurs in the sentence: :meth:`find` without building a match
        on the sentence itself, which most rules do not need. (The lookup of a pattern already
        searched is :meth:`_first`'s, inlined: the rules ask this tens of times a sentence.)"""
        key = id(pattern)
        found = self._found.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._found[key] = self._scan(pattern, key)
        return found is not None

    def _first(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match, in the lowercase copy where the pattern has a lowercase form."""
        key = id(pattern)
        found = self._found.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._found[key] = self._scan(pattern, key)
        return found  # type: ignore[return-value]

    def _scan(self, pattern: re.Pattern[str], key: int) -> re.Match[str] | None:
        """The search :meth:`_first` keeps: none where :meth:`may_match` rules the pattern out
        (its test inlined: every sentence asks it for about ten patterns), else the first match,
        in the lowercase copy where the pattern has a lowercase form."""
        low = self.lower
        if low is None:
            return pattern.search(self.sent.text)
        groups = HINTS_BY_ID.get(key)
        if groups is not None and not _has_hints(groups, low):
            return None
        lowercase = LOWERCASE_FORM.get(key)
        if lowercase is not None:
            return lowercase.search(low)
        return pattern.search(self.sent.text)


def _has_hints(groups: tuple[tuple[str, ...], ...], low: str) -> bool:
    """Whether the lowercase sentence ``low`` holds a word of each of a pattern's hint groups."""
    for group in groups:
        for word in group:
            if word in low:
                break
        else:
            return False
    return True


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in CLAUSE_BREAK.finditer(text):
        cuts.append(m.start())
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def clause_of(s: Sent, pos: int) -> tuple[int, int]:
    if not s.clauses:
        s.clauses = _clauses(s.text)
    for a, b in s.clauses:
        if a <= pos < b:
            return a, b
    return 0, len(s.text)


def make(s: Sent, start: int, end: int, ctype: str, subject: str | None, year: int | None,
         inferred: bool, value: float, unit: str, q: Quantity | None,
         **extra: float | int | str | None) -> Claim:
    base = s.sent.start
    hedge = q.hedge if q else extra.pop("hedge", None)  # type: ignore[arg-type]
    low = q.low if q else extra.pop("low", value)
    high = q.high if q else extra.pop("high", value)
    return Claim(sentence=s.text, span=(base + start, base + end), quote=s.text[start:end],
                 type=ctype, subject=subject, year=year, year_inferred=inferred, value=value,
                 unit=unit, hedge=hedge if isinstance(hedge, str) else None,
                 low=low if isinstance(low, (int, float)) else None,
                 high=high if isinstance(high, (int, float)) else None,
                 target_pct=extra.get("target_pct"),  # type: ignore[arg-type]
                 total=extra.get("total"),  # type: ignore[arg-type]
                 deadline=extra.get("deadline"),  # type: ignore[arg-type]
                 sentence_span=(s.sent.start, s.sent.end))


def next_quantity_start(s: Sent, q_end: int) -> int:
    for other in s.quantities:
        if other.start >= q_end:
            return other.start
    return len(s.text)


def year_for(s: Sent, start: int, end: int) -> YearRef | None:
    """The year reference that dates the figure at [start, end), looking in its clause only;
    worked out once per figure (see ``Sent._year_for``)."""
    key = (start, end)
    memo = s._year_for
    if key in memo:
        return memo[key]
    found = memo[key] = _year_for(s, start, end)
    return found


def _figure_ends(s: Sent) -> list[int]:
    """The ends of the sentence's figures other than a year's own digits ('2030' in 'By
    2030'), sorted: worked out once per sentence, as every figure asks (a scan per figure was
    quadratic in a long run of figures)."""
    if s._ends is None:
        spans = [(y.start, y.end) for y in s.years]
        s._ends = sorted(q.end for q in s.quantities if not (
            q.kind == "number" and any(a <= q.start and q.end <= b for a, b in spans)))
    return s._ends


def _year_for(s: Sent, start: int, end: int) -> YearRef | None:
    if not s.years:  # every branch below picks among them
        return None
    a, b = clause_of(s, start)
    stop = min(b, next_quantity_start(s, end))
    after = [y for y in s.years if end <= y.start < stop and y.kind not in ("date", "since")]
    if after:
        return after[0]
    # the figure before this one, not the year's own digits ('By 2030 they will reach 3%')
    ends = _figure_ends(s)
    k = bisect_right(ends, start)
    prev_q = ends[k - 1] if k else a
    before = [y for y in s.years if max(a, prev_q) <= y.start and y.end <= start
              and y.kind not in ("date", "since")]
    if before:
        return before[-1]
    before = [y for y in s.years if a <= y.start and y.end <= start
              and y.kind not in ("date", "since", "by", "from")]
    if before:
        return before[-1]
    lead = s.text.find(",")
    if 0 < lead < start and lead < 40:
        leading = [y for y in s.years if y.end <= lead and y.kind in ("in", "bare", "by")]
        if leading:
            return leading[0]
    return None


def list_around(s: Sent, idx: int, sep: re.Pattern[str] = LIST_SEP_RE) -> list[Mention]:
    """The coordinated list ('Estonia, Latvia and Lithuania') that mention ``idx`` belongs to.

    The sentence's names are cut into lists once per separator and the lists kept
    (``Sent._lists``; callers must not change them): every figure of a sentence asks, and a
    long run of names beside many figures walked the run once per figure (quadratic in the
    sentence; a 57 KB table with no full stop took 31 s)."""
    lists = s._lists.get(sep.pattern)
    if lists is None:
        lists = s._lists[sep.pattern] = _cut_lists(s, sep)
    return lists[idx]


_OPEN_BRACKET = re.compile(r"\s*\(\s*$")
_CLOSE_BRACKET = re.compile(r"\s*(?:each\s*)?\)")


def name_before_bracket(s: Sent, q: Quantity) -> int | None:
    """The mention whose name stands right before the brackets a figure fills ('Romania
    (€16.68 billion)', 'Spain (1.28%)', 'Spain and Finland (€1 billion each)'), if a
    country's: in a list of allocations or of shares, the figure is that name's."""
    text = s.text
    opened = _OPEN_BRACKET.search(text, max(0, q.start - 4), q.start)
    if opened is None or _CLOSE_BRACKET.match(text, q.end) is None:
        return None
    idx = next((i for i, m in enumerate(s.mentions) if m.end == opened.start()), None)
    if idx is None or s.mentions[idx].role not in COUNTRY_ROLES:
        return None
    return idx


def run_around(s: Sent, idx: int, sep: re.Pattern[str] = LIST_SEP_RE) -> list[Mention]:
    """The run of names joined by ``sep`` that mention ``idx`` belongs to, every role kept (a
    group's name, a recipient): what :func:`list_around` makes its list of countries from."""
    key = "runs " + sep.pattern
    runs = s._lists.get(key)
    if runs is None:
        runs = s._lists[key] = _cut_runs(s, sep)
    return runs[idx]


def _cut_runs(s: Sent, sep: re.Pattern[str]) -> list[list[Mention]]:
    """For each mention, the run of names joined by ``sep`` it stands in (one list object per
    run); a list of the Baltic states in brackets after the group's name continues the run
    ('Poland and the Baltic states (Estonia, Latvia, Lithuania) consistently exceed 2%')."""
    ms, text = s.mentions, s.text
    out: list[list[Mention]] = []
    start = 0
    for k in range(len(ms)):
        if k + 1 == len(ms) or not (sep.match(text[ms[k].end:ms[k + 1].start])
                                    or _members_follow(ms[k], text, ms[k + 1])):
            run = ms[start:k + 1]
            out.extend(run for _ in range(start, k + 1))
            start = k + 1
    return out


def _cut_lists(s: Sent, sep: re.Pattern[str]) -> list[list[Mention]]:
    """For each mention, the list of countries it belongs to: its run's countries.

    The Baltic states in a list of allies are their three members ('Greece, Poland, the Baltic
    states, the United Kingdom and the United States spent more than 2 percent': seven allies),
    as the labellers read them and as NATO gives the figures."""
    out: list[list[Mention]] = []
    last: list[Mention] | None = None
    group: list[Mention] = []
    for k in range(len(s.mentions)):
        run = run_around(s, k, sep)
        if run is not last:
            group = [m for m in run if m.role in COUNTRY_ROLES]
            if len(run) > 1 and any(m.code == "BALTICS" for m in run):
                group = _baltics_listed(run)
            last = run
        out.append(group)
    return out


def _members_follow(m: Mention, text: str, nxt: Mention) -> bool:
    """'the Baltic states (Estonia, ...': the group's members open a bracket after its name."""
    return (m.code == "BALTICS" and nxt.code in group_members()["BALTICS"]
            and re.fullmatch(r"\s*\(\s*", text[m.end:nxt.start]) is not None)


def _baltics_listed(run: list[Mention]) -> list[Mention]:
    """A run of names with the Baltic states among them, each Baltic ally once, in the place
    of the group's name (the members take its characters), or of its own name where the run
    names it too: the run's last name stays last, for the words read after it."""
    out: list[Mention] = []
    for m in run:
        if m.code == "BALTICS":
            out.extend(Mention(m.start, m.end, code, "ally")
                       for code in sorted(group_members()["BALTICS"]))
        elif m.role in COUNTRY_ROLES:
            out.append(m)
    last = {m.code: i for i, m in enumerate(out)}
    return [m for i, m in enumerate(out) if last[m.code] == i]  # each ally at its last name


def _candidates(s: Sent, kind: str) -> list[int]:
    """The indices of the mentions that may be who a figure of ``kind`` is about, by their role
    and the words around them. They depend on the sentence alone, so they are worked out once
    per sentence and kind, not for every figure (``Sent._candidates``; callers must not change
    the list)."""
    memo = s._candidates
    ok = memo.get(kind)
    if ok is not None:
        return ok
    text = s.text
    ok = [i for i, m in enumerate(s.mentions)
          if (m.role in SUBJECT_ROLES or (m.role != "recipient" and m.start < 3)
              or (m.role == "recipient" and m.start < 3 and kind == "spending")
              or (m.role == "recipient" and RECIPIENT_OWN_AFTER.match(text, m.end)))
          and not NEGATED_BEFORE.search(text, max(0, m.start - 12), m.start)
          and not DEPENDS_ON_BEFORE.search(text, max(0, m.start - 26), m.start)
          and not (m.role == "group" and (NAMES_TARGET_AFTER.match(text, m.end)
                                          or ATTRIBUTIVE_AFTER.match(text, m.end)
                                          or RANKED_IN_BEFORE.search(text, max(0, m.start - 24),
                                                                     m.start)))]
    if kind == "percent":
        # 'submitted to NATO', 'according to NATO', 'NATO accounting rules',
        # 'Croatia, another NATO member': the alliance is not who spends the share.
        ok = [i for i in ok if s.mentions[i].role != "group" or not (
            PREP_BEFORE.search(text, max(0, s.mentions[i].start - 16), s.mentions[i].start)
            or ATTRIBUTIVE_MORE_AFTER.match(text, s.mentions[i].end))]
    memo[kind] = ok
    return ok


def _alongside(s: Sent, q: Quantity) -> list[str] | None:
    """'Alongside Poland, Estonia, and Latvia, Greece is now one of the few NATO member states
    that allocates more than three percent': the named ally's figure and each listed one's, when
    no other figure stands between them and it."""
    text = s.text
    if not s.may_match(ALONGSIDE_BEFORE):
        return None  # most sentences: no word of the kind, and no list walked
    # the ally named last before the figure; one list walk, not one per name
    i = next((k for k in range(len(s.mentions) - 1, 1, -1) if s.mentions[k].end <= q.start
              and s.mentions[k].role == "ally"), None)
    if i is None:
        return None
    m = s.mentions[i]
    group = list_around(s, i)  # the list runs on into the named ally: 'Latvia, Greece'
    if len(group) >= 3 and group[-1] is m and \
            re.fullmatch(r",\s+(?:the\s+)?", text[s.mentions[i - 1].end:m.start]) and \
            ALONGSIDE_BEFORE.search(text, max(0, group[0].start - 20), group[0].start) and \
            not any(m.end <= o.start < q.start and o.kind != "number" for o in s.quantities):
        return [m.code, *dict.fromkeys(g.code for g in group if g.code != m.code)]
    return None


def subjects_for(s: Sent, q: Quantity, ctx: Context, kind: str) -> list[str]:
    """Who the figure is about: the name right before it, else its clause's or sentence's, else
    the previous sentence's. A list of countries gives each (percentages) or their group (money).
    """
    if kind == "percent" and (paired := respectively(s, q, money=False)) is not None:
        return [paired]
    found = _subjects_for(s, q, ctx, kind)
    if kind == "percent" and len(found) >= 2:
        # 'Latvia and Lithuania are also high, at 3.15% and 2.85%': as many figures as names,
        # in one run after them, pair off in order (with 'respectively' or without)
        # (not a group's members, which no name orders: 'The Baltic states spend 3.4%, 3.1%')
        run = figure_run(s, q)
        if len(run) == len(found) and (paired := pair_off(s, q, run, countries=False)) in found:
            return [paired]
    if kind != "percent" and len(found) == 1 and q.currency:
        # An amount in one country's own currency (zlotys, won, rupees) is that country's when
        # the sentence does not name the subject found (it came from the sentence before) or
        # names it only as 'the Ministry of Defence' or 'the MoD', which every government has:
        # '... earmarked ₹1.11 lakh crore, the MoD stated' is India's, not the UK's. Rules on
        # rounds 1-20: 38 more right claims, 47 fewer wrong.
        own = currency_country(resolve_currency(q.currency, found[0], s.text[:q.start],
                                                ctx.rupee, ctx.crown))
        if own is not None and own != found[0] and (all(
                s.text[m.start:m.end] in _MINISTRY_NAMES
                for m in s.mentions if m.code == found[0]) or (
                kind == "spending" and any(m.code == own and m.role != "recipient"
                                           for m in s.mentions))):
            return [own]
    return found


def respectively(s: Sent, q: Quantity, *, money: bool) -> str | None:
    """The name ``q`` pairs with when a run of figures of its kind follows a list of names
    and 'respectively' says they pair off in order.

    For shares 'respectively' closes the run ('euro-zone and UK defense spending to rise to
    2.7% and 2.5% of GDP, respectively'), and the names are the whole run, a group's among them;
    for amounts it may come later ('Denmark, Germany, and Norway have delivered EUR 1.2 billion,
    EUR 1 billion, and EUR 662 million worth of aid, respectively'), and the names are
    countries (the Baltic states as their three members)."""
    if "respectively" not in s.text:
        return None  # most sentences: no run to pair
    run = figure_run(s, q, money=money)
    if len(run) < 2 or not (money or RESPECTIVELY_AFTER.match(s.text, run[-1].end)):
        return None
    return pair_off(s, q, run, countries=money)


def pair_off(s: Sent, q: Quantity, figures: list[Quantity], *, countries: bool) -> str | None:
    """The name ``q`` pairs with when the names listed right before ``figures`` (the run of
    figures ``q`` stands in) pair off with them in order, or None when the counts differ.

    For amounts (``countries``) the names are :func:`list_around`'s countries, the Baltic
    states as their three members ('Denmark, Germany, and Norway have delivered EUR 1.2
    billion, EUR 1 billion, and EUR 662 million'); for shares, the whole run of names, a
    group's among them ('euro-zone and UK defense spending to rise to 2.7% and 2.5%')."""
    roles = COUNTRY_ROLES if countries else SUBJECT_ROLES
    names = [i for i, m in enumerate(s.mentions) if m.role in roles and m.end <= figures[0].start]
    if not names:
        return None
    chain = list_around(s, names[-1]) if countries else \
        [m for m in run_around(s, names[-1]) if m.role in SUBJECT_ROLES]
    if len(chain) != len(figures):
        return None
    return chain[next(i for i, o in enumerate(figures) if o is q)].code


def figure_run(s: Sent, q: Quantity, *, money: bool = False) -> list[Quantity]:
    """The figures of ``q``'s kind listed one after another with ``q`` among them ('3.15% and
    2.85%', '4.1%, 3.4% and 3.1%', 'EUR 1.2 billion, EUR 1 billion, and EUR 662 million'):
    only list separators between them."""
    kinds, sep = (("money", "amount"), _AMOUNT_SEP) if money else (("percent",), _FIGURE_SEP)
    figures = [o for o in s.quantities if o.kind in kinds]
    i = next((k for k, o in enumerate(figures) if o is q), None)
    if i is None:
        return [q]
    a = b = i
    while a > 0 and sep.fullmatch(s.text, figures[a - 1].end, figures[a].start):
        a -= 1
    while b + 1 < len(figures) and sep.fullmatch(s.text, figures[b].end, figures[b + 1].start):
        b += 1
    return figures[a:b + 1]


# Ukraine is the recipient of aid, but its own defence is its own: "Ukraine's defense spending",
# 'Ukraine will need at least $120 billion for its defense', 'it now spends more than 31% of
# its gross domestic product', 'Ukraine estimates it will need $120 billion in defense funding'
RECIPIENT_OWN_AFTER = re.compile(
    r"(?:['’]s\s+(?:own\s+)?(?:defen[cs]e|military)\s+(?:spending|budget|expenditure)|"
    r"\s+(?:(?:estimates?|estimated|says?|said|expects?|expected)\s+(?:that\s+)?it\s+)?"
    r"(?:will\s+|would\s+|now\s+)?(?:needs?|spends?|spent|allocates?|allocated|"
    rf"plans?\s+to\s+spend)\b[^.;]{{0,60}}?(?:\bits\s+(?:own\s+)?(?:{OWN_FORCES}|gross\s+domestic|"
    rf"GDP)|\d\S*\s+(?:billion|million|bn)\s+{OWN_FUNDING}))", re.I)
_OF_THEIR_AFTER = re.compile(r"\s*of\s+their\b", re.I)
# Where a share is, said after it: '3.3% of GDP in Germany and France'
IN_NAMES_AFTER = re.compile(r"(?:\s+of\s+(?:GDP|gross\s+domestic\s+product))?\s+in\s+(?:both\s+)?",
                            re.I)
IN_BEFORE = re.compile(r"\bin\s+$", re.I)
RESPECTIVELY_AFTER = re.compile(
    r"(?:\s+of\s+(?:GDP|gross\s+domestic\s+product))?,?\s+respectively\b", re.I)
_RELATIVE_START = re.compile(r"[\s,]*(?:which|who)\b", re.I)
_FIGURE_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)")
# between amounts in a list: a list separator, or nothing but a space
_AMOUNT_SEP = re.compile(rf",?\s*(?:and\s+)?|{LIST_SEP}")
FOR_NAME_AFTER = re.compile(r"(?:\s+(?:average|on\s+average))?\s+for\s+(?:the\s+)?", re.I)

# The metonyms of claim_aliases.csv that every country's government has
_MINISTRY_NAMES = frozenset(("Ministry of Defence", "MoD"))


def _subjects_for(s: Sent, q: Quantity, ctx: Context, kind: str) -> list[str]:
    text = s.text
    ok = _candidates(s, kind)
    if not ok and ctx.subject is None:
        ok = [i for i, m in enumerate(s.mentions) if m.role == "group"]

    for i in ok:
        m = s.mentions[i]
        if q.end <= m.start <= q.end + 40 and POSSESSIVE_AFTER.match(text[q.end:m.start]) \
                and text[m.end:m.end + 2] in ("'s", "’s"):
            return [m.code]
    if kind == "percent":
        for i in ok:
            m = s.mentions[i]
            if q.end <= m.start <= q.end + 30 and FOR_NAME_AFTER.fullmatch(text, q.end, m.start):
                # '... compared to a 2.02% average for European NATO members and Canada, and
                # 3.38% for the U.S.': the name after 'for' is whose the share is
                return [m.code]
        near = [x for x in s.mentions if x.end <= q.start and q.start - x.end < 24]
        if near and near[-1].role == "other" and \
                SPENDS_BETWEEN.fullmatch(text, near[-1].end, q.start) and \
                SPENDER_BEFORE.search(text, max(0, near[-1].start - 12), near[-1].start):
            # a country outside NATO spending its own share, which no ally's is
            return [near[-1].code]
    if kind == "percent" and (alongside := _alongside(s, q)):
        return alongside
    a, _ = clause_of(s, q.start)
    before = [i for i in ok if s.mentions[i].end <= q.start]
    chosen: int | None = None
    in_clause = [i for i in before if s.mentions[i].start >= a]
    if in_clause:
        chosen = in_clause[-1]
    elif kind == "percent" and a > 0 and GENERIC_TARGET.search(text, a, q.start):
        return ["NATO"]  # '..., while the target spending rate is 2% of GDP'
    elif kind == "percent" and before and a > 0 and _RELATIVE_START.match(text, a):
        # '... the closest are Croatia and France, which now spend 1,9 percent of GDP each':
        # a relative clause is about the name just before it
        chosen = before[-1]
    elif before:
        chosen = before[0]
    else:
        after = [i for i in ok if s.mentions[i].start >= q.end]
        if after and kind == "percent" and \
                IN_NAMES_AFTER.fullmatch(text, q.end, s.mentions[after[0]].start):
            # 'will hit 3.3% of GDP in Germany and France': the share of each named after it
            group = list_around(s, after[0])
            if len({g.code for g in group}) >= 2 and group[0] is s.mentions[after[0]]:
                return list(dict.fromkeys(g.code for g in group))
        if after and not (kind == "percent" and s.mentions[after[0]].role == "group"
                          and ctx.subject and ctx.subject not in GROUPISH):
            # but 'The Baltic country ... will spend about 3% ..., making it the military
            # alliance's sixth-biggest spender': the ally of the sentence before
            chosen = after[0]
    if chosen is None:
        if ctx.subject:
            return [ctx.subject]
        own = currency_country(resolve_currency(q.currency, None, text[:q.start], ctx.rupee,
                                                ctx.crown))
        return [own] if own and kind != "percent" else []
    m = s.mentions[chosen]
    if m.role == "group":
        members = group_members().get(m.code)
        if members and m.code == "BALTICS":
            return sorted(members)
        return [m.code]
    group = list_around(s, chosen)
    if len({g.code for g in group}) >= 2:  # 'Keir Starmer, the UK's ...' is one subject
        codes = list(dict.fromkeys(g.code for g in group))  # a name listed twice is one
        window = text[group[-1].end:q.start]
        if kind == "percent" and (re.search(r"\beach\b|\btheir\b|\ball\b|\bboth\b", window)
                                  or _OF_THEIR_AFTER.match(text, q.end)
                                  or (window.startswith(",") and IN_BEFORE.search(
                                      text, max(0, group[0].start - 4), group[0].start))):
            # 'Portugal and Canada have committed to spending two percent of their GDP'; 'in
            # Italy and Spain, defense spending is projected to only reach 2% of GDP'
            return codes
        for code, members in group_members().items():
            if set(codes) <= members:
                return [code] if kind != "percent" else codes
        if re.search(r"\beach\b", window) or EACH_AFTER.match(text, q.end):
            return codes  # 'Spain and Greece have requested 1.2 billion euros each'
        # the verb may be the figure's hedge ('exceed the 3% threshold'): read up to the number
        if kind == "percent" and (LIST_SPENDS.match(window) or LIST_CLAUSE.match(window) or
                                  LIST_REACHES.match(text, group[-1].end, q.num_start)) and \
                not any(o.kind == "percent" and group[-1].end <= o.start < q.start
                        for o in s.quantities):
            # 'Poland, Estonia, the United States, Latvia, and Greece will spend more than 3%'
            return codes
        return [] if kind != "percent" else [m.code]
    return [m.code]


def resolve_year(yref: YearRef | None, ctx: Context, default_context: bool
                 ) -> tuple[int | None, bool]:
    if yref is not None:
        return yref.year, yref.inferred
    if default_context and ctx.year is not None:
        return ctx.year, True
    if ctx.published is not None:
        return ctx.published.year, True
    return None, False


def claims_for(s: Sent, q: Quantity, subjects: Sequence[str | None], ctype: str,
               year: int | None,
               inferred: bool, deadline: int | None, hedge: str | None = None) -> list[Claim]:
    out = []
    for subject in subjects:
        if hedge:
            low = q.value if hedge in ("more than", "at least") else None
            out.append(make(s, q.start, q.end, ctype, subject, year, inferred, q.value,
                            "pct_gdp", None, hedge=hedge, low=low, high=None,
                            deadline=deadline))
        else:
            out.append(make(s, q.start, q.end, ctype, subject, year, inferred, q.value,
                            "pct_gdp", q, deadline=deadline))
    return out
