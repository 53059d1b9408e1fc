"""Find the quantitative claims about defence spending in a text and resolve what they are about.

Rules, not a model: every claim must point at the characters it came from and say why it was
read as it was, and the checker must run at megabytes per second with no download. The rules
work sentence by sentence: figures (``numbers``), names (``subjects``) and years (``years``) are
found first, then each figure is classed by the words around it. A figure we cannot class with
confidence yields nothing, because a wrong claim costs the user more than a missed one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from natospend.claims.numbers import Quantity, find_quantities
from natospend.claims.subjects import (
    Mention,
    crown_currency,
    currency_country,
    find_mentions,
    group_members,
)
from natospend.claims.text import Sentence, split_sentences
from natospend.claims.years import YearRef, find_years

__all__ = ["Claim", "extract", "CLAIM_TYPES"]

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


@dataclass
class _Context:
    """What earlier sentences established: the subject, a year, a currency."""

    published: date | None
    subject: str | None = None
    year: int | None = None
    currency: str | None = None
    count_topic: bool = False
    defence_topic: bool = False
    money_type: str | None = None
    target_deadline: int | None = None
    target_topic: bool = False
    target_subject: str | None = None
    listed: int = 0


# Each pattern made by ``_words``, lowercased and without re.IGNORECASE, for searching a
# lowercased sentence (``_Sent.find``): case-sensitive matching is markedly faster, and it
# matches at the same places (``_Sent.lower`` says why). Tables of patterns are keyed by
# ``id(pattern)`` (module constants, alive as long as the module): hashing a Pattern hashes
# its whole compiled program, a microsecond per lookup for the long alternations here.
_LOWERCASE_FORM: dict[int, re.Pattern[str]] = {}


def _words(*alternatives: str) -> re.Pattern[str]:
    """Whole words or phrases, any case. A leading class of the alternatives' first letters
    lets the engine reject most positions with one test (twice as fast on news text)."""
    firsts: set[str] = set()
    source = None
    for alt in alternatives:
        head = re.sub(r"^(?:\(\?<!?[^)]*\))+", "", alt)[:1]
        if not head.isalnum():
            source = r"\b(?:" + "|".join(alternatives) + r")\b"
            break
        firsts.update((head.lower(), head.upper()))
    if source is None:
        lead = "".join(sorted(firsts))
        source = rf"\b(?=[{lead}])(?:" + "|".join(alternatives) + r")\b"
    pattern = re.compile(source, re.I)
    # Lowercasing the source must leave its escapes alone ('\W' is not '\w').
    assert re.search(r"\\[A-Z]", source) is None, source
    _LOWERCASE_FORM[id(pattern)] = re.compile(source.lower())
    return pattern


_GDP_AFTER = re.compile(
    r"\s?(?:of|in)\s+(?:(?:the|its|their|his|her|our|each|a|national|annual|the\s+country['’]s|"
    r"each\s+country['’]s|[A-Z][\w.]*['’]s?|\(much\s+larger\))\s+){0,3}"
    r"(?:GDP|gross\s+domestic\s+product|economic\s+output|national\s+income|economy)\b", re.I)
_GDP_SHARE_BEFORE = _words(r"GDP share", r"share of (?:its |their )?GDP", r"burden")
_NOT_GDP_AFTER = re.compile(
    r"\s?(?:of\s+(?:gross\s+national\s+income|GNI|the\s+(?:loan|total|global|world|budget|funds|"
    r"population|territory|respondents|vote|votes|country['’]s\s+(?:territory|population)|cost|"
    r"(?:[\w-]+\s+){1,3}budget)|its\s+(?:funds|"
    r"budget|territory)|all|those|(?-i:[A-Z]\w+ns\b|[A-Z]\w+s\b(?!['’]))|people|voters|incoming|"
    r"military\s+equipment)|increase|rise|drop|fall|jump|hike|cut|growth|more|less|higher|lower|"
    r"real|annual\s+(?:increase|growth|rise)|year[-\s]on[-\s]year|stake|tariffs?|interest|"
    r"majority|of\s+Ukraine|of\s+the\s+\d)", re.I)
# 'increase GDP between 0.4% and 0.7%': an effect on the economy, not a share of it.
_GDP_EFFECT_BEFORE = re.compile(
    r"\b(?:increase|boost|raise|lift|add|grow|reduce|cut|shrink|lower)\w*\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:GDP|economy|economic\s+output|growth)\s+(?:by\s+)?(?:between\s+)?"
    r"(?:about\s+|around\s+|up\s+to\s+)?$", re.I)
_CHANGE_BEFORE = re.compile(
    r"(?:\bby|\bup|\bdown|\brise\s+of|\bincrease\s+of|\bjumped|\brose|\bgrew|\bfell|\bdrop\s+of|"
    r"\bgrowth\s+of|\bcut\s+of|\bfalling|\bcloser\s+to|\bincreased\s+by|\bincrease\s+by)\s+(?:an?\s+)?"
    r"(?:estimated\s+|about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+)?$",
    re.I)
_DEFENCE = _words(r"defen[cs]e", "military", "armed forces", "Bundeswehr", "rearm\\w*", "ReArm",
                  "arms", "NATO", "alliance", "allies", "armament", "security", "spend\\w*",
                  "outlays", "budget", "target", "benchmark", "threshold", "GDP",
                  "gross domestic product")
_POLL = _words("poll", "polls", "survey", "surveyed", "respondents", "Politbarometer", "voters",
               "in favou?r", "opinion", "supporters", "believe", "said that")
_TARGET_REF_AFTER = re.compile(
    r"\s?(?:[-‑–]\s?)?(?:of[-‑\s]+GDP[-‑\s]+|GDP\s+|NATO\s+|core\s+|defen[cs]e\s+spending\s+|"
    r"spending\s+|military\s+spending\s+|financing\s+|funding\s+){0,2}(?:target|threshold|"
    r"benchmark|guideline|goal|commitment|mark|pledge|level|bar|standard)\b", re.I)
_TARGET_WORDS = _words(
    "aims?", "aiming", "aimed", "targets?", "targeting", "goals?", "pledged?", "pledges",
    "commit\\w*", "agreed", "agree", "agreement", "demand\\w*", "call(?:ed|s)? (?:on|for)",
    "asked", "urged?", "ambition", "proposed", "suggested", "wants?", "plans? to",
    "intends? to", "intention", "set to (?:raise|increase|boost|lift)", "raise", "increase",
    "boost", "lift", "raises", "increases", "boosts", "lifts", "hikes", "raising", "increasing",
    "boosting", "lifting", "hiking", "move toward",
    "expects? to (?:reach|hit)", "reach", "hit", "devote",
    "vow\\w*", "promis\\w*", "ceilings?", "hold", "need\\w* to", "will need", "would need",
    "should", "would have to", "must", "propos\\w*", "hike", "elevate", "recommend\\w*")
_DEADLINE_PHRASE = re.compile(
    r"\b(?:in\s+the\s+next\s+parliament|in\s+the\s+longer\s+term|in\s+the\s+long\s+term|"
    r"within\s+(?:the\s+space\s+of\s+)?a\s+decade|within\s+\w+\s+years|every\s+year\s+from|"
    r"(?:in|over)\s+(?:the\s+next\s+)?\w+\s+years|within\s+(?:the\s+next\s+)?\w+\s+(?:to|or)\s+"
    r"\w+\s+years|by\s+the\s+end\s+of\s+the\s+decade)\b",
    re.I)
_REACHED = _words("reached", "met", "meets", "meet", "meeting", "exceeds?", "exceeded",
                  "achiev(?:e|es|ed|ing)",
                  "clear(?:s|ed)?", "passed", "compl(?:y|ies|ied) with",
                  "exceeding", "above", "hit", "hits", "hitting", "surpass\\w*", "keep")
_AID = _words("(?<!development )(?<!overseas )(?<!foreign )aid(?! cuts?| budget)",
              "military (?:aid|assistance|support)", "security assistance", "assistance",
              "donat\\w*", "donors?", "tranche", "packages?",
              "support(?:ing)? (?:for |to )?(?:Ukraine|Kyiv|Kiev)", "to Ukraine", "for Ukraine",
              "Ukraine['’]s (?:navy|army|defen[cs]e|military|needs|armed)", "Kyiv", "Kiev",
              "Ukraine support", "PURL", "help(?:ing)? (?:\\w+ )?Ukraine", "to help it",
              "drawdowns?",
              "USAI", "Ukrainian (?:military|army|armed forces|forces)")
_SPENDING = _words(r"defen[cs]e", "military", "armed forces", "army", "navy", "air force",
                   "Bundeswehr", "rearm\\w*", "ReArm",
                   "armament\\w*", "weapons",
                   "security(?! agreements?| guarantees?| [Cc]ouncil| pacts?| deals?| accords?)",
                   "spend\\w*", "outlays",
                   "expenditure\\w*")
_NOT_SPENDING_AFTER = re.compile(
    r"\s?(?:\w+\s+){0,2}?(?:federal\s+budget|national\s+budget|(?:aid|development|health|"
    r"education|welfare|pensions?|social)\s+budget|debt|borrowing|infrastructure"
    r"\s+investment|in\s+revenue|economy|market|in\s+sales|worth\s+of\s+(?:shares|stock)|"
    r"contracts?\s+for|deal\s+(?:with|for)|in\s+profits?|valuation|people|soldiers|troops|"
    r"residents|inhabitants|citizens|(?:more|less)\s+than\s+(?:the\s+)?(?-i:[A-Z])|"
    r"(?:sovereign\s+)?wealth\s+fund|oil\s+fund|pension\s+fund)", re.I)
_CUMULATIVE = _words("since", "in total", "total of", "so far", "to date", "over the past",
                     "altogether", "cumulative", "per year", "annually", "a year", "each year",
                     "every year", "over \\w+ years", "over the next", "in total", "totall?ed",
                     "since the start", "the war began", "all-time")
_COUNT_NOUN = (r"(?:(?:NATO|alliance|allied|member|European|of\s+the\s+alliance['’]s|of\s+NATO['’]s"
               r"|of\s+the)\s+){0,2}(?:member[\s-]+)?(?:members|allies|countries|nations|states|"
               r"people)")
_COUNT_RE = re.compile(
    r"(?=[\dmMoOaAfFlLnNtTsSeE])(?:\b(?P<hedge>more\s+than|over|at\s+least|fewer\s+than|less\s+than|nearly|almost)\s+)?"
    r"(?P<n>\b\d{1,2}\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[-‑]\w+)?|"
    r"thirty(?:[-‑]\w+)?)\b)"
    r"(?:\s+(?:out\s+)?of\s+(?:the\s+|its\s+)?(?:(?:[\w-]+\s+){0,3}?(?:alliance|NATO|bloc)['’]s\s+)?"
    r"(?P<total>\d{2}|thirty(?:[-‑]\w+)?)\b)?"
    rf"\s+{_COUNT_NOUN}(?:\s+(?:out\s+)?of\s+(?P<total2>\d{{2}})\b)?", re.I)
_ALL_RE = re.compile(r"\b(?P<all>all\s+(?:its\s+|of\s+its\s+|of\s+the\s+|NATO['’]s\s+|"
                     r"North\s+Atlantic\s+Treaty\s+Organi[sz]ation\s+(?:\(NATO\)\s+)?)?"
                     r"(?:(?P<total>\d{2})\s+)?(?:NATO\s+|alliance\s+)?"
                     r"(?:members|allies|member\s+states|member\s+countries)|"
                     r"every\s+(?:NATO\s+|alliance\s+)?member"
                     r"(?:\s+(?:state|country))?|all\s+allies)\b", re.I)
_COUNT_VERB = _words("meet\\w*", "met", "reach\\w*", "hit\\w*", "exceed\\w*", "spend\\w*",
                     "pass(?:ed|es|ing)?", "clear(?:s|ed|ing)?", "compl(?:y|ies|ied|ying) with",
                     "at or above", "on track", "above", "surpass\\w*", "achiev\\w*")
# Rarer ways to say a count meets a target, tried only where a count was found ('18 alliance
# countries were allocating at least 2 percent', 'only eleven ... had kept their promise').
_COUNT_VERB_MORE = _words("allocat(?:e|es|ed|ing)", "devot\\w*", "invest(?:s|ed|ing)?",
                          "(?:kept|keep\\w*|fulfil\\w*|honou?r\\w*) (?:their|its|the) "
                          "(?:promise|pledge|commitment)")


# Between a group and its verb: what they are to do, not what they do ('gave all Nato members
# a June deadline for fully meeting').
_AIM_GAP = _words("agreed?", "agreeing", "goals?", "deadlines?", "pledged?", "commit\\w*",
                  "asked", "urged", "called", "required", "must", "should")


_COUNT_NEG = _words("not meet", "fail\\w*", "short of", "miss\\w*", "below", "does not",
                    "do not", "falling short", "lagging")
_ICELAND_OUT = re.compile(r"\bIceland\b[^.]{0,40}\b(?:except\w*|exclud\w*|no armed forces)|"
                          r"\bexcept\w*\s+(?:for\s+)?Iceland", re.I)
_FOLLOWUP_COUNT = re.compile(
    r"(?:that\s+number\s+was|it\s+was|(?:compared\s+(?:to|with)|from|up\s+from)|number[^.]{0,40}"
    r"(?:was|from))\s+(?:still\s+)?(?:just\s+|only\s+|less\s+than\s+|fewer\s+than\s+)?"
    r"(?P<n>\b\d{1,2}\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
    r"(?!\s*(?:%|per|percent|billion|million))", re.I)
# 'In 2014 that number was just 3': a count carried over from an earlier sentence.
_NUMBER_ANAPHOR = re.compile(r"\b(?:that|the|this)\s+number\s+(?:was|stood\s+at|had\s+been)\s+"
                             r"(?:still\s+)?(?:just\s+|only\s+)?\d{1,2}\b(?![\d,%]|\.\d|\s*(?:per|"
                             r"percent|billion|million|thousand))", re.I)
_TARGETISH = re.compile(r"%|\b(?=[tTbBgGpPcCrR])(?:target|threshold|benchmark|guideline|pledge|"
                        r"goal|promise|per\s?cent|percent|criteri(?:on|a)|requirement\b)", re.I)
# Whether a sentence is about a target at all, as ``_TARGETISH`` has it, given no '%' in it:
# its words as whole-word patterns ('targets' still counts), searched once per sentence.
_TARGET_WORD = _words("target\\w*", "threshold\\w*", "benchmark\\w*", "guideline\\w*",
                      "pledge\\w*", "goal\\w*", "promise\\w*", "per\\s?cent\\w*", "percent\\w*",
                      "criteri(?:on|a)\\w*", "requirement")
_NUMBER_OF_ALLIES = re.compile(r"\bnumber of (?:states|allies|countries|members)\b", re.I)
_NUMBER_OF_GROUP = re.compile(r"\bnumber of (?:states|allies|countries|members|NATO)", re.I)
_ONE_OF = re.compile(r"one\s+of\b", re.I)
_WHOLE_ALLIANCE_BEFORE = re.compile(r"(?:\b(?:the|all|its)|['’]s)\s+$", re.I)
_ALL_OF_BEFORE = re.compile(r"\b(?:all|of\s+the|of\s+its)\s+$", re.I)
# The leading class holds the first character of every alternative (the pattern is case
# sensitive), and alternatives with a common start are grouped: most positions fail one test
# instead of trying seven alternatives.
_CLAUSE_BREAK = re.compile(
    r"(?=[;\s,cuf])(?:;|\s(?:[—–]|--)\s|,\s(?=(?:compared|while|whereas|which|when|up\s+from|"
    r"down\s+from|but|and\s+(?:the|in|by|only)|with\s+(?:the|a|an)\b|equivalent|according))|"
    r"\b(?:compared\s+(?:to|with)\b|up\s+from\b|from\s+(?:its\s+)?(?:the\s+)?current\b))")
_LIST_SEP = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+)$")
_WORD_NUMS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
              "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
              "nineteen": 19, "twenty": 20, "thirty": 30}


_DIGIT = re.compile(r"\d")
_FIGURE_WORD = _words(
    "per\\s?cent", "percent", "all", "every", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "half", "third",
    "quarter")


def _has_figure(s: _Sent) -> bool:
    """Whether the sentence has a digit or a figure word. The digit test is a fast scan and
    settles most sentences, so the slower word search runs only on the rest."""
    return _DIGIT.search(s.text) is not None or s.has(_FIGURE_WORD)


def _count_value(token: str) -> int:
    t = token.lower().replace("‑", "-")
    if t.isdigit():
        return int(t)
    total = 0
    for part in t.split("-"):
        total += _WORD_NUMS.get(part, 0)
    return total


def extract(text: str, published: date | None = None) -> list[Claim]:
    """The quantitative claims in ``text``, in reading order.

    ``published`` resolves 'this year' and 'last year'; without it those claims have no year.
    """
    if not text or not text.strip():
        return []
    ctx = _Context(published)
    claims: list[Claim] = []
    for sent in split_sentences(text):
        claims.extend(_sentence_claims(sent, ctx))
    return claims


@dataclass
class _Sent:
    sent: Sentence
    mentions: list[Mention]
    years: list[YearRef]
    quantities: list[Quantity]
    clauses: list[tuple[int, int]] = field(default_factory=list)
    # Whole-sentence searches, keyed by id(pattern): the rules ask the same ones ('is this
    # sentence about aid?') for every figure of a sentence. Lives and dies with the sentence.
    _found: dict[int, re.Match[str] | None] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.sent.text

    @cached_property
    def lower(self) -> str | None:
        """The sentence lowercased, for substring tests and case-sensitive searches that stand
        in for case-insensitive ones; None when it has a character that re.IGNORECASE matches
        to an ASCII letter but ``lower()`` does not turn into that letter ('ı', 'ſ', 'İ').

        Otherwise a character matches a letter of our patterns under re.IGNORECASE exactly when
        its lowercase matches it case-sensitively, and ``lower()`` keeps the length and what
        ``\\w``, ``\\s`` and ``\\d`` match of every other character (checked over all of Unicode),
        so matches are found at the same places."""
        text = self.sent.text
        if "ı" in text or "ſ" in text or "İ" in text:
            return None
        return text.lower()

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False when ``pattern`` cannot match the sentence: one of its ``_HINTS`` groups has no
        word in it. A few substring tests cost less than one scan of a long alternation, and
        most sentences fail them, so most rules' scans are skipped."""
        groups = _HINTS_BY_ID.get(id(pattern))
        low = self.lower
        if groups is None or low is None:
            return True
        for group in groups:
            for word in group:
                if word in low:
                    break
            else:
                return False
        return True

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
        low, lowercase = self.lower, _LOWERCASE_FORM.get(id(pattern))
        if low is not None and lowercase is not None:
            return lowercase.search(low[start:end]) is not None
        return pattern.search(self.sent.text[start:end]) is not None

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
        on the sentence itself, which most rules do not need."""
        return self._first(pattern) is not None

    def _first(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match, in the lowercase copy where the pattern has a lowercase form."""
        key = id(pattern)
        if key not in self._found:
            found = None
            if self.may_match(pattern):
                low, lowercase = self.lower, _LOWERCASE_FORM.get(key)
                if low is not None and lowercase is not None:
                    found = lowercase.search(low)
                else:
                    found = pattern.search(self.sent.text)
            self._found[key] = found
        return self._found[key]

def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(text):
        cuts.append(m.start())
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _clause_of(s: _Sent, pos: int) -> tuple[int, int]:
    if not s.clauses:
        s.clauses = _clauses(s.text)
    for a, b in s.clauses:
        if a <= pos < b:
            return a, b
    return 0, len(s.text)


def _sentence_claims(sent: Sentence, ctx: _Context) -> list[Claim]:
    text = sent.text
    s = _Sent(sent, find_mentions(text), [], [])
    if not _has_figure(s) and not s.has(_ZERO_COUNT):
        _remember(ctx, s, has_figure=False)
        return []
    py = ctx.published.year if ctx.published else None
    s.years, s.quantities = find_years(text, py), find_quantities(text)
    out: list[Claim] = []
    used_percents: set[int] = set()
    members: dict[int, tuple[str, int | None, bool]] = {}
    out.extend(_count_claims(s, ctx, used_percents, members))
    if not out:  # '23 countries are expected to reach the target by 2024' is a count
        out.extend(_bare_target_claims(s, ctx))
    for q in s.quantities:
        if q.kind == "percent" and q.start in used_percents and \
                _PLEDGE_TO_SPEND.search(text, max(0, q.start - 40), q.start):
            # '23 allies are on track to meet their pledge to spend at least 2% of GDP': the
            # pledge itself is stated too.
            out.extend(_claims_for(s, q, ["NATO"], "target_commitment", None, False, None))
        if q.start in members:
            out.extend(_member_level(s, q, *members[q.start]))
        elif q.kind == "percent" and q.start not in used_percents:
            last = next((c for c in reversed(out) if c.unit == "pct_gdp"), None)
            parts = _target_parts(s, q, last)
            out.extend(parts if parts is not None else _percent_claims(s, q, ctx))
        elif q.kind in ("money", "amount"):
            c = _money_claim(s, q, ctx)
            if c is not None:
                out.extend(c)
    if any(q.kind == "number" for q in s.quantities) and (
            ctx.listed or any(c.type == "share_of_gdp" for c in out)):
        out.extend(_ranked_shares(s, ctx, out))
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
        if q.kind == "money" and q.currency and q.currency != "KR":
            ctx.currency = q.currency
    # The alliance as a whole at a round figure ('NATO requires all member states to spend at
    # least 2%', 'The 2% mark was set in 2014') is its target, never a level: levels of the
    # whole alliance are averages ('2.71 percent'). No labelled round has a counterexample.
    if any(c.subject == "NATO" for c in out):
        out = [n for n in (_alliance_round(s, c) for c in out) if n is not None]
    if ctx.published is not None:
        # An aim for the current year ('reaching ... 2% of GDP by 2025' in 2025) is that year's
        # level, as the labelling conventions read it, not a target; but the alliance's round
        # figure stays its target unless something reaches it ('projected to reach the
        # Alliance's 2% target in 2024': the level of allies we failed to name).
        out = [replace(c, type="share_of_gdp", year=c.deadline, year_inferred=False,
                       deadline=None)
               if c.type == "target_commitment" and c.deadline == ctx.published.year
               and not (c.subject == "NATO" and c.value in _ROUND_TARGETS
                        and not _level_cue(s, c)) else c
               for c in out]
    out.sort(key=lambda c: c.span)
    return out


# 'Estonia with 3.43, the United States with 3.38', 'Portugal (1,55)': in a ranking of shares
# of GDP the percent sign is often written once, so a bare decimal right after a name is that
# name's share too.
_RANK_NAME_GAP = re.compile(r"(?:\s+with\s+|\s*\(\s*|\s*:\s*)$", re.I)
_RANK_AFTER = re.compile(r"(?P<each>\s+each)?\s*(?:[,;)]|\.(?!\d)|$|\s+(?:and|while|in|ahead)\b)",
                         re.I)


def _ranked_shares(s: _Sent, ctx: _Context, out: list[Claim]) -> list[Claim]:
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
                    and _RANK_NAME_GAP.match(text, m.end, q.num_start)), None)
        after = _RANK_AFTER.match(text, q.end)
        if idx is None or after is None or s.mentions[idx].role == "group":
            continue
        group = _list_around(s, idx)
        codes = [m.code for m in group] if after.group("each") and len(group) >= 2 \
            else [s.mentions[idx].code]
        near = [c for c in shares if c.span[0] - s.sent.start < q.start] or shares
        if near:
            year, inferred = near[-1].year, near[-1].year_inferred
        else:
            year, inferred = _resolve_year(None, ctx, default_context=True)
        found.extend(_claims_for(s, q, codes, "share_of_gdp", year, inferred, None))
    return found


_ROUND_TARGETS = frozenset((1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0))
# 'will meet this requirement of 2%', 'reaching 3.5 percent of GDP and meeting the updated NATO
# target', 'the estimate is 2%': a level reached, whose subject we could not resolve, not the
# target itself.
_LEVEL_CUE_BEFORE = _words("reach\\w*", "meet\\w*", "met", "exceed\\w*", "achiev\\w*", "above",
                           "surpass\\w*", "hit\\w*", "currently", "represent\\w*",
                           "estimate[sd]?")
# 'raise defense spending targets from 2 percent of GDP to 5 percent': where the target moves
# from, a yardstick.
_MOVED_FROM = re.compile(r"\bfrom\s+(?:the\s+|its\s+|a\s+)?(?:\w+\s+)?$", re.I)


def _alliance_round(s: _Sent, c: Claim) -> Claim | None:
    """A share of GDP the alliance has at a round figure: its target, or nothing (a yardstick
    it moves from), or, after a verb of reaching or with 'more than'/'about', the level of an
    ally we failed to name, left as it is."""
    if c.type != "share_of_gdp" or c.subject != "NATO" or c.value not in _ROUND_TARGETS:
        return c
    start = c.span[0] - s.sent.start
    if _MOVED_FROM.search(s.text, max(0, start - 40), start):
        return None
    if c.hedge in ("more than", "about") or _level_cue(s, c):
        return c
    return replace(c, type="target_commitment", year=None, year_inferred=False)


def _level_cue(s: _Sent, c: Claim) -> bool:
    start = c.span[0] - s.sent.start
    return _LEVEL_CUE_BEFORE.search(s.text, max(0, start - 40), start) is not None

def _member_level(s: _Sent, q: Quantity, code: str, year: int | None, inferred: bool
                  ) -> list[Claim]:
    """'Slovakia, one of 23 countries that has met the 2% GDP target': Slovakia's level."""
    hedge = q.hedge
    if hedge is None and _REACHED.search(s.text, max(0, q.start - 60), q.start):
        hedge = "at least"
    return _claims_for(s, q, [code], "share_of_gdp", year, inferred, None, hedge=hedge)


def _remember(ctx: _Context, s: _Sent, has_figure: bool = True) -> None:
    text = s.text
    _remember_money_topic(ctx, s)
    usable = [m for m in s.mentions if m.role in ("ally", "donor", "group")
              and not (m.role == "group" and _ATTRIBUTIVE_AFTER.match(text, m.end))]
    if usable:
        ctx.subject = usable[0].code
    explicit = [y for y in s.years if y.year is not None and y.kind in ("in", "bare")]
    if explicit:
        ctx.year = explicit[-1].year
    ctx.defence_topic = s.has(_DEFENCE) and not s.has(_POLL)
    ctx.count_topic = bool(has_figure and s.has(_COUNT_VERB) and s.has(_COUNT_RE)) \
        or s.has(_NUMBER_OF_ALLIES)


def _make(s: _Sent, start: int, end: int, ctype: str, subject: str | None, year: int | None,
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


def _next_quantity_start(s: _Sent, q_end: int) -> int:
    for other in s.quantities:
        if other.start >= q_end:
            return other.start
    return len(s.text)


def _year_for(s: _Sent, start: int, end: int) -> YearRef | None:
    """The year reference that dates the figure at [start, end), looking in its clause only."""
    a, b = _clause_of(s, start)
    stop = min(b, _next_quantity_start(s, end))
    after = [y for y in s.years if end <= y.start < stop and y.kind not in ("date", "since")]
    if after:
        return after[0]
    prev_q = max((q.end for q in s.quantities if q.end <= start), default=a)
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


def _year_later_in_clause(s: _Sent, end: int) -> YearRef | None:
    """A count's year may follow its target ('23 ... reached the target of spending 2% of GDP
    last year'): the first year later in the clause, past the target's percent."""
    b = _clause_of(s, end)[1]
    return next((y for y in s.years if end <= y.start < b
                 and y.kind not in ("date", "since", "by", "from")), None)


_LIST_SEP_RE = re.compile(r"^(?:,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?|\s*[—–-]\s*)$")
# The same, where each name may carry its own figure: 'Poland (4.48%), Lithuania (4.00%) and'.
_LIST_SEP_FIGURES = re.compile(r"^(?:\s*\([^()]{1,24}\))?(?:,\s*(?:and\s+)?(?:the\s+)?|"
                               r"\s+and\s+(?:the\s+)?)$")


def _list_around(s: _Sent, idx: int, sep: re.Pattern[str] = _LIST_SEP_RE) -> list[Mention]:
    """The coordinated list ('Estonia, Latvia and Lithuania') that mention ``idx`` belongs to."""
    ms = s.mentions
    lo = hi = idx
    while lo > 0 and sep.match(s.text[ms[lo - 1].end:ms[lo].start]):
        lo -= 1
    while hi + 1 < len(ms) and sep.match(s.text[ms[hi].end:ms[hi + 1].start]):
        hi += 1
    return [m for m in ms[lo:hi + 1] if m.role in ("ally", "donor")]


# 'NATO's 2% target', 'the NATO defence spending target': the alliance names the yardstick,
# it is not who spends. 'Canada's NATO target' likewise.
_NAMES_TARGET_AFTER = re.compile(
    r"(?:['’]s\s+(?:[\w.%‑-]+\s+){0,5}?|\s+(?:(?:defen[cs]e|spending|military|\d+(?:\.\d+)?%)"
    r"\s+){0,3})(?:target|benchmark|guideline|threshold|goal|commitment|pledge|norm)s?\b", re.I)
# 'at a NATO summit', 'under the NATO new definitions', 'NATO chief': the alliance qualifies
# an event, an office or a rule; it is not who spends.
_ATTRIBUTIVE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:new\s+)?(?:summits?|meetings?|chief|secretary|secretary-general|official|"
    r"officials|definitions?|criteria|rules|standards|data|figures|estimates|report|"
    r"headquarters|ministers?|leaders|spokes(?:man|woman|person)|diplomats?|calculations?|"
    r"methodology|statistics|gathering|session|envoy|ambassadors?|counterparts?|partners?)\b",
    re.I)
_PREP_BEFORE = re.compile(r"\b(?:to|from|according\s+to)\s+(?:the\s+)?$", re.I)
_ATTRIBUTIVE_MORE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+(?:rules|standards|definitions?|data|figures|estimates|report|"
    r"criteria|methodology)\b|(?:member|ally)\b(?!\s+(?:states|countries|nations)))", re.I)
_GROUPISH = frozenset(("NATO", "EU", "EUROPE", "NATO_EUROPE", "NATO_EUROPE_CANADA", "DONORS",
                       "UDCG", "NORDICS", "BALTICS"))
# The list is who spends: 'Poland, Estonia ... and Greece will spend more than 3%'.
_LIST_SPENDS = re.compile(
    r"^\s+(?:(?:all|also|both|already|each|will|would)\s+){0,3}(?:spend|spent|allocate|"
    r"allocated|devote|devoted|are\s+spending|were\s+spending|are\s+allocating)\s+"
    r"(?:about\s+|around\s+|roughly\s+|more\s+(?:than|the)\s+|over\s+|at\s+least\s+|"
    r"above\s+)?$",
    re.I)
_GENERIC_TARGET = re.compile(r"\bthe\s+(?:\w+\s+){0,2}?(?:target|goal|guideline|benchmark)\b"
                             r"(?!\s+(?:of|for)\s+(?:the\s+)?[A-Z])", re.I)
_NEGATED_BEFORE = re.compile(r"(?:\bnot\s+(?:a\s+|an\s+)?|\bnon-)$", re.I)
_POSSESSIVE_AFTER = re.compile(r"\s?of\s+(?:the\s+)?$")
# 'we estimate that we will reach at least 4.1% of GDP in 2027', 'could hit 3%': a forecast.
# 'may' as a modal before a verb, not the month ('at the end of May that ...').
_FORECAST_MODAL = _words("estimates?", "estimated", "could",
                         "may(?=\\s+(?:not\\s+|even\\s+|well\\s+|also\\s+|still\\s+)?(?:be|have|"
                         "reach|exceed|hit|rise|increase|grow|need|spend|top|surpass|amount|go|"
                         "come|remain)\\b)", "might", "forecasts?",
                         "projects?", "projected", "expects?", "expected", "likely")
# A plan or an aim as a verb ('is aiming for', 'plans to'), not 'the long-term plan foresees'.
_AIM_VERB = _words("aims?", "aiming", "aimed", "plan(?:s|ned)? to", "planning (?:to|on)",
                   "intends? to", "wants? to", "pledged?", "pledges", "commit\\w*", "promis\\w*",
                   "vow\\w*", "targets?", "targeting", "goals?", "decided to", "decision to")
_FUTURE_TARGET_VERB = _words("increased? to", "raised? to", "rise to", "boost(?:ed)? to",
                             "lift(?:ed)? to", "targets?")


def _subjects_for(s: _Sent, q: Quantity, ctx: _Context, kind: str) -> list[str]:
    """Who the figure is about: the name right before it, else its clause's or sentence's, else
    the previous sentence's. A list of countries gives each (percentages) or their group (money).
    """
    text = s.text
    ok = [i for i, m in enumerate(s.mentions)
          if (m.role in ("ally", "donor", "group") or (m.role != "recipient" and m.start < 3)
              or (m.role == "recipient" and m.start < 3 and kind == "spending"))
          and not _NEGATED_BEFORE.search(text, max(0, m.start - 12), m.start)
          and not (m.role == "group" and (_NAMES_TARGET_AFTER.match(text, m.end)
                                          or _ATTRIBUTIVE_AFTER.match(text, m.end)))]
    if kind == "percent":
        # 'submitted to NATO', 'according to NATO', 'NATO accounting rules',
        # 'Croatia, another NATO member': the alliance is not who spends the share.
        ok = [i for i in ok if s.mentions[i].role != "group" or not (
            _PREP_BEFORE.search(text, max(0, s.mentions[i].start - 16), s.mentions[i].start)
            or _ATTRIBUTIVE_MORE_AFTER.match(text, s.mentions[i].end))]
    if not ok and ctx.subject is None:
        ok = [i for i, m in enumerate(s.mentions) if m.role == "group"]

    for i in ok:
        m = s.mentions[i]
        if q.end <= m.start <= q.end + 40 and _POSSESSIVE_AFTER.match(text[q.end:m.start]) \
                and text[m.end:m.end + 2] in ("'s", "’s"):
            return [m.code]
    a, _ = _clause_of(s, q.start)
    before = [i for i in ok if s.mentions[i].end <= q.start]
    chosen: int | None = None
    in_clause = [i for i in before if s.mentions[i].start >= a]
    if in_clause:
        chosen = in_clause[-1]
    elif kind == "percent" and a > 0 and _GENERIC_TARGET.search(text, a, q.start):
        return ["NATO"]  # '..., while the target spending rate is 2% of GDP'
    elif before:
        chosen = before[0]
    else:
        after = [i for i in ok if s.mentions[i].start >= q.end]
        if after and not (kind == "percent" and s.mentions[after[0]].role == "group"
                          and ctx.subject and ctx.subject not in _GROUPISH):
            # but 'The Baltic country ... will spend about 3% ..., making it the military
            # alliance's sixth-biggest spender': the ally of the sentence before
            chosen = after[0]
    if chosen is None:
        if ctx.subject:
            return [ctx.subject]
        own = currency_country(q.currency)
        return [own] if own and kind != "percent" else []
    m = s.mentions[chosen]
    if m.role == "group":
        members = group_members().get(m.code)
        if members and m.code == "BALTICS":
            return sorted(members)
        return [m.code]
    group = _list_around(s, chosen)
    if len({g.code for g in group}) >= 2:  # 'Keir Starmer, the UK's ...' is one subject
        codes = [g.code for g in group]
        window = text[group[-1].end:q.start]
        if kind == "percent" and re.search(r"\beach\b|\btheir\b|\ball\b", window):
            return codes
        for code, members in group_members().items():
            if set(codes) <= members:
                return [code] if kind != "percent" else codes
        if re.search(r"\beach\b", window):
            return codes
        if kind == "percent" and _LIST_SPENDS.match(window) and \
                not any(o.kind == "percent" and group[-1].end <= o.start < q.start
                        for o in s.quantities):
            # 'Poland, Estonia, the United States, Latvia, and Greece will spend more than 3%'
            return codes
        return [] if kind != "percent" else [m.code]
    return [m.code]


def _count_claims(s: _Sent, ctx: _Context, used: set[int],
                  members: dict[int, tuple[str, int | None, bool]]) -> list[Claim]:
    """Counts of allies meeting a target. ``used`` gets the target percents they consume;
    ``members`` maps a target percent to the ally said to be one of the count ('Hungary is one
    of the nine NATO states that will spend 2%'), whose level that percent also is."""
    text = s.text
    out: list[Claim] = []
    member_at: dict[int, str] = {}
    # 'Only seven countries have achieved this' after a sentence about counts: 'this' is the target.
    targetish = "%" in text or s.has(_TARGET_WORD) or (
        ctx.count_topic and _REACHED_IT.search(text))
    found: list[tuple[int, int, int, int | None, str | None]] = []
    # A count needs a verb of meeting somewhere in the sentence; most sentences have none, and
    # then no number in them is a count.
    counting = bool(targetish) and bool(s.has(_COUNT_VERB) or s.has(_COUNT_VERB_MORE))
    for m in (_COUNT_RE.finditer(text) if counting and s.has(_COUNT_RE) else ()):
        n = _count_value(m.group("n"))
        if not 0 < n <= 32:
            continue
        lead = text[max(0, m.start() - 16):m.start()]
        total = m.group("total") or m.group("total2")
        member = _MEMBER_OF.search(lead) is not None
        if _ONE_OF.match(text, m.start("n")):
            # 'one of the countries'; but 'Slovakia, one of 23 countries that has met the 2%
            # target': the 23 is the count
            if not total or _count_value(total) >= 29:
                continue
            n, total, member = _count_value(total), None, True
        if _SUBSET_BEFORE.search(lead) or _CHANGE_BEFORE.search(text, max(0, m.start() - 40),
                                                                m.start()):
            continue  # 'including the previous three countries', 'an increase of 13 countries'
        if member:
            who = [x for x in s.mentions if x.role == "ally" and x.end <= m.start()
                   and m.start() - x.end < 60]
            if who:
                member_at[m.start()] = who[-1].code
        elif _WHOLE_ALLIANCE_BEFORE.search(lead):
            # 'the alliance's 31 member states', 'its 32 members are on track to meet': the
            # whole alliance, named by its size; but 'The three countries are already meeting
            # the new higher goal': a count of those just named
            if total or not _REACH_VERB.match(text, m.end()) or _ALL_OF_BEFORE.search(lead):
                continue
            if n >= 29:
                total = str(n)
        found.append((m.start(), m.end(), n, _count_value(total) if total else None,
                      m.group("hedge")))
    # Only where a verb of meeting and a fraction word ('half', 'third') occur at all.
    fractions = bool(targetish) and s.has(_COUNT_VERB) and \
        s.may_match(_FRACTION_OF_ALLIES)
    for m in _FRACTION_OF_ALLIES.finditer(text) if fractions else ():
        # 'two-thirds of allies will reach the 2% target': about 21 of 32
        if _COUNT_VERB.search(text, m.end()):
            frac = 2 / 3 if m.group(2).lower().startswith("two") else \
                (0.5 if "half" in m.group(2).lower() else 1 / 3)
            if any(f[0] <= m.start() < f[1] for f in found):
                continue
            found.append((m.start(), m.end(), round(frac * _member_count(ctx.published)), None,
                          m.group("hedge") or "about"))
            break  # 'at least two thirds ..., maybe even more than two thirds': one count
    for m in _ALL_RE.finditer(text) if targetish and s.may_match(_ALL_RE) else ():
        verb = _COUNT_VERB.search(text, m.end(), m.end() + 60) or \
            _COUNT_VERB_MORE.search(text, m.end(), m.end() + 60)
        if verb is None or _AIM_GAP.search(text, m.end(), verb.start()):
            continue  # 'all NATO members will have agreed on a goal of spending 5%': an aim
        total = int(m.group("total")) if m.group("total") else None
        n = total or _member_count(ctx.published)
        if _ICELAND_OUT.search(text):
            n -= 1
        found.append((m.start(), m.end(), n, total, None))
    if found:
        # '..., compared to only three in 2014': an earlier count in the same sentence
        last_end = max(f[1] for f in found)
        for m in _FOLLOWUP_COUNT.finditer(text, last_end) if s.may_match(_FOLLOWUP_COUNT) else ():
            n = _count_value(m.group("n"))
            if 0 < n <= 32 and any(y.start >= m.end("n") and y.start - m.end("n") < 12
                                   and y.year for y in s.years):
                found.append((m.start("n"), m.end("n"), n, None, None))
        for m in _NUMBER_ROSE.finditer(text, last_end) if s.may_match(_NUMBER_ROSE) else ():
            # '..., and by June, that number had risen to 23'
            found.append((m.start(), m.end(), _count_value(m.group("n")), None, None))
    if not found and (ctx.count_topic or s.has(_NUMBER_OF_GROUP)
                      or (s.years and s.has(_NUMBER_ANAPHOR))):
        for m in _FOLLOWUP_COUNT.finditer(text) if s.may_match(_FOLLOWUP_COUNT) else ():
            n = _count_value(m.group("n"))
            if 0 < n <= 32:
                found.append((m.start("n"), m.end("n"), n, None, None))
        for m in _NUMBER_ROSE.finditer(text) if s.may_match(_NUMBER_ROSE) else ():
            found.append((m.start(), m.end(), _count_value(m.group("n")), None, None))
        for q in s.quantities:
            if q.kind == "number" and 0 < q.value <= 32 and q.value == int(q.value) and \
                    not any(f[0] <= q.num_start < f[1] for f in found):
                near = [y for y in s.years if abs(y.start - q.end) < 15 or abs(q.start - y.end)
                        < 20]
                if near and re.match(r"\s*(?:last|this|in|$)", text[q.end:q.end + 6]) or \
                        re.search(r"\b(?:was|just|only)\s+$", text[max(0, q.start - 12):q.start]):
                    found.append((q.start, q.end, int(q.value), None, None))
    if not found and targetish:
        # '..., with only seven meeting NATO's 2% of GDP defence spending target'
        for m in _ONLY_N_REACH.finditer(text) if s.may_match(_ONLY_N_REACH) else ():
            if _TARGETISH.search(text, m.end(), m.end() + 60):
                found.append((m.start(), m.end(), _count_value(m.group("n")), None, None))
    if not found:
        found.extend(_list_counts(s))
    if targetish and found:
        # 'All ... members will hit [2%] but only three currently reach a new, higher goal'
        last_end = max(f[1] for f in found)
        for m in _ONLY_N_REACH.finditer(text, last_end) if s.may_match(_ONLY_N_REACH) else ():
            found.append((m.start(), m.end(), _count_value(m.group("n")), None, None))
    for m in _ZERO_COUNT.finditer(text) if s.has(_ZERO_COUNT) else ():
        # 'a benchmark that no member of the alliance has yet reached', 'no NATO country has
        # achieved this figure': a count of zero
        if targetish or _REACHED_IT.match(text, m.start("verb")):
            found.append((m.start(), m.end(), 0, None, None))
    only_one = s.find(_THE_ONLY_ONE) if counting else None
    for m in (only_one,) if only_one else ():
        # 'Poland is the only NATO member spending more than 3.5% of its GDP'
        if _COUNT_VERB.match(text, m.end() + 1) and not any(f[0] <= m.start() < f[1]
                                                             for f in found):
            found.append((m.start(), m.end(), 1, None, None))
            who = [x for x in s.mentions if x.role == "ally" and x.end <= m.start()
                   and m.start() - x.end < 4]
            if who:
                member_at[m.start()] = who[-1].code  # whose level the target figure also is
    of_total = s.find(_OF_TOTAL_N) if targetish and not found else None
    if of_total:  # 'Of NATO's 32 members, 18 spent at least 2% of GDP' (total, then count)
        found.append((of_total.start(), of_total.end(), int(of_total.group(2)),
                      int(of_total.group(1)), None))
    only = s.find(_THE_ONLY_ONES) if ctx.listed >= 2 and not found else None
    if only:
        # 'Poland ... 4.48%, followed by Lithuania (4%) and Latvia (3.73%). These are the only
        # alliance members that currently surpass the new NATO target of 3.5%'
        found.append((only.start(), only.end(), ctx.listed, None, None))
    for start, end, n, total, hedge_word in found:
        neg_window = text[end:end + 60]
        cut = re.search(r",\s+(?:with|while|whereas|but)\b|;", neg_window)
        if _COUNT_NEG.search(neg_window[:cut.start()] if cut else neg_window):
            continue  # but not '22 of ... met the 2% benchmark, with nine falling short'
        if _DEMAND_BEFORE.search(text, max(0, start - 40), start):
            continue  # 'demanded that all member states raise defense spending to 5%'

        target = 2.0
        target_q = next((q for q in s.quantities if q.kind == "percent"
                         and q.num_start >= end and q.value <= 6), None)
        if target_q is not None and (target_q.value * 2) % 1:
            # 'Poland tops the list of 32 Nato nations, spending 4.48% of GDP', 'Poland led all
            # members with 4.12%': a level, which no target is (they are halves: 2, 3.5, 5).
            continue
        if target_q is not None:
            target = target_q.value
            if start not in member_at:
                used.add(target_q.start)
        clause_start = _clause_of(s, start)[0]
        for q in s.quantities:
            if q.kind == "percent" and q.value <= 6 and clause_start <= q.start < start:
                if n == 0:  # 'to 5% of GDP, a benchmark that no member ... has yet reached'
                    target = q.value
                else:
                    used.add(q.start)
        yref = _year_for(s, start, end) or _year_later_in_clause(s, end)
        year: int | None
        if yref is None and ctx.published:
            year, inferred = ctx.published.year, True
        else:
            year = yref.year if yref else None
            inferred = yref.inferred if yref else False
        hedge = {"about": "about", "around": "about", "roughly": "about",
                 "more than": "more than", "over": "more than",
                 "at least": "at least",
                 "fewer than": "less than", "less than": "less than", "nearly": "nearly",
                 "almost": "nearly"}.get(_SPACES.sub(" ", (hedge_word or "").lower()))
        low = n if hedge in (None, "more than", "at least") else None
        high = n if hedge in (None, "less than", "nearly") else None
        out.append(_make(s, start, end, "allies_meeting_target", "NATO", year, inferred,
                         float(n), "count", None, hedge=hedge, low=low, high=high,
                         target_pct=target, total=total))
        if target_q is not None and start in member_at:
            members[target_q.start] = (member_at[start], year, inferred)
    return out


_REACH_VERB = re.compile(r"\s+(?:\w+\s+){0,3}?(?:meet|met|reach|hit|exceed|surpass|achiev|pass|"
                         r"clear|are\s+(?:above|on\s+track)|were\s+(?:above|on\s+track))\w*\b",
                         re.I)
_SUBSET_BEFORE = re.compile(r"\b(?:previous|other|remaining|latter|former|including(?:\s+the)?)"
                            r"\s+$", re.I)
# 'Hungary is one of the nine NATO states that will spend 2%', 'Slovakia is also among the 23
# countries meeting ...': the number is the count; the ally named first is one of them.
_MEMBER_OF = re.compile(r"\b(?:one\s+of|among)\s+(?:the\s+)?$", re.I)
_REACHED_IT = re.compile(r"\b(?:achieved|reached|met|exceeded|hit|surpassed)\s+(?:this|that|it)\b",
                         re.I)
_NUMBER_ROSE = re.compile(
    r"\b(?:that|the|this)\s+number\b[^.;%]{0,60}?\b(?:ris(?:e|en|es|ing)|rose|gr[eo]w\w*|"
    r"increas\w*|climb\w*|jump\w*)\s+to\s+(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve)\b(?![\d%]|[.,]\d|\s*(?:per|percent|billion|million|thousand))",
    re.I)
_ONLY_N_REACH = re.compile(
    r"\bonly\s+(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:currently\s+|now\s+|still\s+|already\s+)?(?:reach|meet|exceed|hit|surpass|clear)\w*\b",
    re.I)
_ZERO_COUNT = re.compile(
    r"\bno\s+(?:NATO\s+|other\s+|European\s+|allied\s+)?(?:member(?:\s+(?:state|country))?|ally|"
    r"country|nation)(?:\s+of\s+the\s+alliance)?(?:,[^,.;]{1,40},)?\s+(?:(?:has|had|have)\s+)?"
    r"(?:yet\s+|ever\s+|so\s+far\s+|currently\s+|now\s+)?"
    r"(?P<verb>achieved|reached|reaches|met|meets|hit|hits|exceeded|exceeds|surpassed|surpasses)\b",
    re.I)
_THE_ONLY_ONE = _words(r"(?:is|was|remains)\s+the\s+only\s+(?:NATO\s+|alliance\s+|allied\s+|"
                       r"European\s+)?(?:member(?:\s+(?:state|country|nation))?|ally|country|"
                       r"nation)")
_OF_TOTAL_N = _words(r"Of\s+(?:the\s+|its\s+|NATO['’]s\s+|the\s+alliance['’]s\s+)?"
                     r"(\d{2})\s+(?:NATO\s+)?(?:members|allies|member\s+states|"
                     r"countries|nations),\s+(\d{1,2})\s+(?:have\s+|had\s+)?"
                     r"(?:spent|spend|met|meet|reached|exceeded|hit|achieved)")
_THE_ONLY_ONES = re.compile(
    r"\b(?:these|those|they)\s+(?:are|were)\s+the\s+only\s+(?:\w+\s+){0,2}?(?:members|allies|"
    r"countries|nations|states)\b", re.I)
_PLEDGE_TO_SPEND = re.compile(r"\b(?:pledge|promise|commitment)\s+to\s+(?:spend|allocate|devote)"
                              r"\s+(?:at\s+least\s+|a\s+minimum\s+of\s+)?$", re.I)
_DEMAND_BEFORE = _words("demand\\w*(?: that)?", "urged?", "call(?:ed|s)? on", "asked",
                        "requir\\w*", "oblig\\w*",
                        "(?:target|goal|guideline|benchmark)s? for",
                        "push(?:es|ed|ing)? for",
                        "want(?:s|ed)?", "pressed", "pressur\\w+")
_FRACTION_OF_ALLIES = re.compile(
    r"(?:\b(?P<hedge>at\s+least|more\s+than|nearly|almost|about|around|roughly)\s+)?"
    r"\b(two[-‑ ]thirds|a\s+third|one[-‑ ]third|half)\s+of\s+(?:the\s+|NATO['’]s\s+|its\s+)?"
    r"(?:\d{2}\s+)?(?:(?:NATO\s+|alliance\s+)?(?:allies|members|member\s+states|"
    r"member\s+countries)|alliance|NATO)\b", re.I)
_ONLY_BEFORE = re.compile(r"\b(?:only|just|solely)\s+(?:the\s+)?$", re.I)
_LIST_VERB_AFTER = re.compile(
    r"^(?:\s*\([^()]{1,24}\))?\s*(?:,[^,]{0,30},\s*)?(?:\w+\s+){0,2}?"
    r"(?:meet|met|reach(?:ed)?|hit|exceed(?:ed)?|surpass(?:ed)?|clear(?:ed)?|pass(?:ed)?|spend|"
    r"spent|are\s+(?:above|at\s+or"
    r"\s+above)|were\s+(?:above|at\s+or\s+above)|achieved?)\b", re.I)


def _list_counts(s: _Sent) -> list[tuple[int, int, int, int | None, str | None]]:
    """'Only Poland, Lithuania and Latvia exceed 3.5%': a count given by naming the allies.

    Only with 'only' or 'just' before the list, which is how news says the list is complete.
    """
    text = s.text
    out: list[tuple[int, int, int, int | None, str | None]] = []
    for i, m in enumerate(s.mentions if s.may_match(_ONLY_BEFORE) else ()):
        only = _ONLY_BEFORE.search(text, max(0, m.start - 14), m.start)
        if only is None or m.role != "ally":
            continue
        names = _list_around(s, i, _LIST_SEP_FIGURES)
        if len(names) < 2 or names[0] is not m:
            continue
        verb = _LIST_VERB_AFTER.match(text[names[-1].end:names[-1].end + 80])
        if verb is None:
            continue
        if not re.search(r"%|per\s?cent|percent|target|threshold|benchmark|guideline|goal",
                         text[names[-1].end + verb.end():names[-1].end + verb.end() + 60], re.I):
            continue
        out.append((only.start(), names[-1].end + verb.end(), len(names), None, None))
    return out


_BARE_TARGET = re.compile(
    r"\b(?:reach|meet|hit)\s+(?:the|its|their)\s+(?:NATO\s+|alliance['’]s\s+)?(?:\w+\s+){0,3}?"
    r"(?:target|commitment)\s+(?P<year>(?:by|in)\s+(?:20[2-4]\d|\w+\s+years))", re.I)


def _bare_target_claims(s: _Sent, ctx: _Context) -> list[Claim]:
    """'expects to hit the NATO target in 2032': the 2% guideline with a national deadline.

    Only before The Hague (25 June 2025), when 'the target' could mean nothing but 2%.
    """
    if ctx.published is None or ctx.published >= date(2025, 6, 25) or "%" in s.text:
        return []
    out = []
    for m in _BARE_TARGET.finditer(s.text):
        if re.search(r"\d|per\s?cent|percent", s.text[m.start():m.start("year")], re.I):
            continue
        refs = [y for y in s.years if m.start("year") <= y.start < m.end("year") + 1]
        deadline = refs[0].year if refs else None
        q = Quantity("percent", m.start(), m.end(), 2.0, num_start=m.start())
        subjects = _subjects_for(s, q, ctx, "percent")
        if deadline and len(subjects) == 1 and subjects[0] != "NATO":
            out.append(_make(s, m.start(), m.end(), "target_commitment", subjects[0], None,
                             False, 2.0, "pct_gdp", None, hedge=None, low=2.0, high=2.0,
                             deadline=deadline))
    return out


def _member_count(published: date | None) -> int:
    from natospend.countries import members_on
    return len(members_on(published)) if published else 32


# 'The plan splits this into 3.5% ... and 1.5% ...': a sentence that divides a target.
_SPLIT_BEFORE = re.compile(r"\b(?:splits?|divided|divides|broken\s+down|breaks?\s+"
                           r"(?:it\s+|this\s+)?down|consists?\s+of|comprises?|made\s+up\s+of)\b",
                           re.I)
# '5% of GDP — 3.5% for core defence and 1.5% for ...', 'divided into 3.5 per cent on defence':
# the parts that spell out a target just named are targets too.
_ELABORATION = re.compile(
    r"^[^.;%]{0,40}?(?:\s[—–-]\s|:\s|\(|\b(?:divided|split|broken\s+down)\s+(?:into|between)\s|"
    r"\bof\s+which\s|\bcomprising\s|\bincluding\s)(?:\w+\s+){0,3}?$", re.I)
_PART_AND = re.compile(r"^\s(?:of\s+(?:its\s+|their\s+)?(?:GDP|gross\s+domestic\s+product)\s+)?"
                       r"(?:allocated\s+|earmarked\s+|designated\s+|going\s+)?(?:for|on|in|to)\s+[^.;%]{0,50}?\s(?:and|plus)\s+(?:another\s+|"
                       r"a\s+further\s+|an\s+additional\s+)?$", re.I)
_VERB_IN_GAP = _words("is", "are", "was", "were", "spends?", "spent", "currently", "now", "has",
                      "have", "had", "will", "would")


def _target_parts(s: _Sent, q: Quantity, last: Claim | None) -> list[Claim] | None:
    if last is None or last.type != "target_commitment" or q.value > last.value:
        return None
    base = s.sent.start
    gap = s.text[last.span[1] - base:q.start]
    if not (_ELABORATION.match(gap) or _PART_AND.match(gap)) or _VERB_IN_GAP.search(gap):
        return None
    own = _year_for(s, q.start, q.end)
    deadline = own.year if own is not None and own.kind in ("by", "from") else last.deadline
    return _claims_for(s, q, [last.subject or "NATO"], "target_commitment", None, False,
                       deadline)


_AND_NEXT = re.compile(r"^[^.;%]{0,80}?\s(?:and|plus)\s+(?:another\s+|a\s+further\s+|"
                       r"an\s+additional\s+)?$", re.I)


def _shared_deadline(s: _Sent, q: Quantity) -> YearRef | None:
    """'3.5% of GDP in military expenditure and 1.5% in resilience expenses ... by 2035': a
    deadline after the last of two joined shares is the first's too."""
    nxt = [o for o in s.quantities if o.start >= q.end]
    if not nxt or nxt[0].kind != "percent":
        return None
    gap = s.text[q.end:nxt[0].start]
    if not _AND_NEXT.match(gap) or _VERB_IN_GAP.search(gap):
        return None
    ref = _year_for(s, nxt[0].start, nxt[0].end)
    return ref if ref is not None and ref.kind == "by" and ref.start >= nxt[0].end else None


def _percent_claims(s: _Sent, q: Quantity, ctx: _Context) -> list[Claim]:
    text = s.text
    if q.points or q.value > 60 or q.value <= 0:
        return []
    a, b = _clause_of(s, q.start)
    clause = text[a:b]
    if q.value <= 10 and (s.has(_DEFENCE) or ctx.defence_topic) and (
            _PART_OF_TARGET.match(text, q.end) or (
                (ctx.target_topic or s.has(_TARGET_PART_CUE))
                and _REMAINDER_BEFORE.search(text, max(0, q.start - 30), q.start))):
        subjects: list[str | None] = [*(_subjects_for(s, q, ctx, kind="percent") or ["NATO"])]
        yref = _year_for(s, q.start, q.end)
        deadline = yref.year if yref and yref.kind == "by" else ctx.target_deadline
        return _claims_for(s, q, subjects[:1], "target_commitment", None, False, deadline)
    if q.value <= 10 and ctx.target_topic and s.search(_TOTAL_OF_PARTS, 0, q.start):
        # '... a further 1.5% of GDP to defence-related areas. It would mean the total broader
        # defence spending pot would be 5%.': the parts just set add up to the target.
        return _claims_for(s, q, [ctx.target_subject or "NATO"], "target_commitment", None,
                           False, ctx.target_deadline)
    if s.search(_HYPOTHETICAL, 0, q.start):
        return []  # 'When asked if it would be above or below 4.5% of GDP, ...'
    if q.value <= 5 and ctx.target_topic and _SPLIT_BEFORE.search(text, 0, q.start):
        # 'The plan splits this into 3.5% for core military needs and 1.5% for ...': the
        # parts of the target the previous sentence set.
        yref = _year_for(s, q.start, q.end)
        deadline = yref.year if yref and yref.kind == "by" else ctx.target_deadline
        return _claims_for(s, q, [ctx.target_subject or "NATO"], "target_commitment", None,
                           False, deadline)
    if _TARGET_WHOLE_BEFORE.search(text, max(0, q.start - 12), q.start):
        return []
    if s.search(_FROM_NOT_GDP_TO, max(0, q.start - 90), q.start):
        return []
    if _NOT_GDP_AFTER.match(text, q.end):
        return []
    explicit = _GDP_AFTER.match(text, q.end) is not None or \
        _GDP_SHARE_BEFORE.search(text, max(0, q.start - 40), q.start) is not None
    fiscal_words = s.may_match(_FISCAL_NOT_DEFENCE)
    fiscal = list(_FISCAL_NOT_DEFENCE.finditer(text, 0, q.start)) if fiscal_words else []
    if fiscal and not _DEFENCE_NOUN.search(text, fiscal[-1].end(), q.start):
        return []  # 'the budget deficit ... will amount to 271.7 billion zlotys, or 6.5% of GDP'
    if fiscal_words and \
            _OTHER_SECTOR_AFTER.match(text, q.end, _next_quantity_start(s, q.end)):
        return []  # '2.36% of GDP has been dedicated to education, 2.78% to health'

    if _EXTRA_BEFORE.search(text, max(0, q.start - 12), q.start) or (not explicit and any(
            o.kind == "percent" and 10 < o.value < 100 and o is not q for o in s.quantities)):
        return []  # 'the extra 0.5%', '42.8% personnel costs ... only 1.9% for infrastructure'
    if not explicit and not s.mentions and not s.has(_DEFENCE) and not (
            ctx.defence_topic and (_TARGET_REF_AFTER.match(text, q.end)
                                   or _TARGET_COPULA_AFTER.match(text, q.end))):
        return []  # 'Therefore, 2.1%, no more, no less.': an echo, not a new claim
    # 'up from 2.3 per cent of national income', 'from its current level of 2.3 per cent':
    # where spending starts from is today's share, never a target.
    starting = s.search(_STARTING_POINT, max(0, q.start - 40), q.start)
    if _FROM_RIGHT_BEFORE.search(text[max(0, q.start - 6):q.start]) and not explicit:
        # 'up from 2.2% in 2022': where spending starts from, dated, is that year's level
        dated = [y for y in s.years if y.kind in ("in", "bare") and y.year and not y.inferred
                 and 0 <= y.start - q.end <= 4]
        if dated and s.has(_DEFENCE):
            return _claims_for(s, q, [*_subjects_for(s, q, ctx, "percent")][:1], "share_of_gdp",
                               dated[0].year, False, None)
        if q.value <= 10 and q.value not in _ROUND_TARGETS and s.has(_DEFENCE) and \
                not _poll(s, q) and not s.has(_AID_SHARE):
            # 'increased defence spending from 1.35% to 1.76% of our GDP', 'an increase from
            # 1.35% over the last decade': an earlier level, undated. A round figure there is
            # mostly the old target moved from ('from 2% to 5%'), a yardstick.
            return _claims_for(s, q, [*_subjects_for(s, q, ctx, "percent")][:1], "share_of_gdp",
                               None, False, None)
        return []
    if _OF_GNI_AFTER.match(text[q.end:q.end + 30]):
        return []
    if _CHANGE_BEFORE.search(text, max(0, q.start - 40), q.start) or \
            s.search(_GDP_EFFECT_BEFORE, max(0, q.start - 50), q.start):
        return []
    if not explicit:
        prev = [o for o in s.quantities if o.end <= q.start]
        if q.value > 10 or _poll(s, q) or not (s.has(_DEFENCE) or ctx.defence_topic):
            return []
        if prev and prev[-1].kind in ("money", "amount") and \
                _BRACKET_GAP.match(text[prev[-1].end:q.start]):
            return []
    aid = _AID.search(text, a, b) if s.may_match(_AID) else None
    if aid and not _DEFENCE_BUDGET.search(clause) and \
            not _DEFENCE_NOUN.search(text, q.end, aid.start()):
        # but not '3.5% of GDP to standard defence needs, including support for Ukraine'
        return []
    money = _money_restated(s, q)
    if money is not None and explicit:
        subjects = [*_subjects_for(s, money, ctx, "spending")]
        if _MODAL_GOAL.search(text, 0, money.start):
            # 'Germany would have to ... increase spending to 140 billion euros, or 3.5 percent
            # of GDP': what a study says is needed is a target, not a level.
            return _claims_for(s, q, subjects, "target_commitment", None, False, None)
        yref = _year_for(s, money.start, money.end)
        year, inferred = _resolve_year(yref if yref and yref.year else None, ctx, True)
        return _claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)
    if starting and (explicit or starting.group("current")):
        subjects = [*_subjects_for(s, q, ctx, "percent")]
        yref = _year_for(s, q.start, q.end)
        year, inferred = _resolve_year(yref if yref and yref.kind in ("in", "bare") else None,
                                       ctx, default_context=True)
        return _claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)
    # A bare number ('over the next ten years') does not end the figure's window.
    window_end = min([b, *(o.start for o in s.quantities if o.start >= q.end
                           and o.kind != "number")])
    after = text[q.end:window_end]
    before = text[a:q.start]
    if a > 0 and _FROM_AT_START.match(before) and _TO_AT_END.search(before):
        head = _clause_of(s, a - 1)[0]
        before = text[max(head, a - 90):q.start]
    is_ref = _TARGET_REF_AFTER.match(text, q.end) is not None or (
        s.may_match(_TARGET_OF_BEFORE) and _TARGET_OF_BEFORE.search(before) is not None)
    yref = _year_for(s, q.start, q.end)
    if yref is None:
        yref = _shared_deadline(s, q)
    deadline_ref = yref if yref and yref.kind in ("by", "from") else None
    kind = "percent"
    subjects = [*_subjects_for(s, q, ctx, kind)]
    if not subjects:
        # Nobody named in the passage so far ('We will deliver our commitment to spend 2.5 per
        # cent of GDP'): a claim the checker reports as unverifiable, as for amounts.
        subjects = [None]
    moved = _MOVED_TARGET.search(before[-50:])
    if moved and (moved.group("to") is None or not (explicit and deadline_ref)):
        return []
    if q.value < 1 and s.has(_AID_SHARE):
        return []  # 'reducing overseas development aid from 0.5 to 0.3 percent of GDP'
    if _AVERAGE_BEFORE.search(before[-20:]):
        # 'just below the NATO average of 2.11 per cent': a level, whatever words came before
        year, inferred = _resolve_year(yref if yref and yref.kind in ("in", "bare") else None,
                                       ctx, default_context=True)
        return _claims_for(s, q, subjects[:1], "share_of_gdp", year, inferred, None)
    if deadline_ref is None and "spend" in before[-40:].lower() and \
            _SPENDS_NOW_BEFORE.search(before[-40:]):
        # 'Greece is already spending around 3% of its GDP', '..., spending more than 2% of GDP
        # on defense': what is spent now is a level, whatever target words came before.
        year, inferred = _resolve_year(yref if yref and yref.kind in ("in", "bare") else None,
                                       ctx, default_context=False)
        return _claims_for(s, q, subjects[:1], "share_of_gdp", year, inferred, None)
    if _DEMANDED_AFTER.match(text, q.end):
        who = ["NATO"] if re.search(r"\b(?:NATO|allies|members)\b", text[q.end:q.end + 60]) \
            else subjects[:1]
        return _claims_for(s, q, who, "target_commitment", None, False,
                           deadline_ref.year if deadline_ref else None)
    if _TARGET_COPULA_AFTER.match(text, q.end) or _TARGET_IS_BEFORE.search(before[-60:]):
        named = next((y for y in s.years if y.year and not y.inferred and a <= y.start
                      and y.end <= q.start), yref if yref and not yref.inferred else None)
        return _claims_for(s, q, subjects[:1], "target_commitment", None, False,
                           named.year if named else None)
    if yref and yref.year and ctx.published and yref.year < ctx.published.year and \
            yref.end <= q.start and _COMMITTED.search(text, yref.end, q.start):
        return _claims_for(s, q, subjects[:1], "target_commitment", None, False, None)
    if is_ref:
        if deadline_ref and _FORECAST_MODAL.search(before[-60:]) and \
                _REACHED.search(before[-60:].rpartition(",")[2]):
            # 'likely to help Germany achieve NATO's 2% defence spending target by 2024'
            return _claims_for(s, q, subjects, "share_of_gdp", deadline_ref.year,
                               deadline_ref.inferred, None)
        if deadline_ref or re.search(r"\b(?:demand\w*|call\w* for|ask\w*)\b", after[:60], re.I) \
                or _DEMAND_BEFORE.search(before[-30:]):
            return _claims_for(s, q, subjects, "target_commitment", None, False,
                               deadline_ref.year if deadline_ref else None)
        if _FROM_OLD_TARGET.search(before[-40:]):
            return []  # 'a rise from the previous 2% target set in 2014': a yardstick
        if _TARGET_SET_AFTER.match(text, q.end) or ((
                _TARGET_SET_BEFORE.search(before[-40:]) or _TARGET_ADJ_BEFORE.search(before[-25:]))
                and not _YARDSTICK_BEFORE.search(before[-60:])):
            # 'a new guideline of 5 per cent', 'the 5% target set at the NATO summit': a
            # sentence about the target itself, not a yardstick for another figure.
            return _claims_for(s, q, subjects[:1], "target_commitment", None, False, None)
        window = before[-60:]
        reached = _REACHED.search(window)
        # A target reached by a named ally is its level ('Germany reached NATO's 2% target');
        # next to another figure ('..., exceeding NATO's 2% target'), after 'agreed to', or
        # reached by 'members' (a count), it is only a yardstick.
        if _AIMS_TO.search(window) and subjects != ["NATO"]:
            # 'Norway is aiming to reach NATO's target of spending 2% ... in the next three years'
            phrase = _DEADLINE_PHRASE.search(after)
            return _claims_for(s, q, subjects, "target_commitment", None, False,
                               _phrase_deadline(phrase, after, ctx))
        if reached and (subjects == ["NATO"] or _AGREED_TO.search(window, 0, reached.start())
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
            year, inferred = _resolve_year(yref, ctx, default_context=False)
            return _claims_for(s, q, subjects, "share_of_gdp", year, inferred, None,
                               hedge=hedge)
        return []
    if _projection(before[-60:]):
        # 'the previously projected 2.4% for this year and 2.6% by 2028': a forecast level.
        if deadline_ref and deadline_ref.kind == "by":
            return _claims_for(s, q, subjects, "share_of_gdp", deadline_ref.year,
                               deadline_ref.inferred, None)
        if deadline_ref is None:
            year, inferred = _resolve_year(yref, ctx, default_context=True)
            return _claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)
    if _BUDGET_RAISES.search(before[-90:]) and deadline_ref is None:
        # 'the new budget would raise Poland's defence spending to 4.8% of GDP': the budget's year.
        year, inferred = _resolve_year(yref, ctx, default_context=True)
        return _claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)
    phrase = _DEADLINE_PHRASE.search(after)
    if deadline_ref or phrase:
        deadline = deadline_ref.year if deadline_ref else _phrase_deadline(phrase, after, ctx)
        return _claims_for(s, q, subjects, "target_commitment", None, False, deadline)
    explicit_year = yref is not None and yref.year is not None and yref.kind in ("in", "bare") \
        and (yref.start >= q.end or not yref.inferred) \
        and (not yref.inferred or "year" in text[yref.start:yref.end].lower())
    # A level for a later year is a target when a plan or a raise leads to it ('aims for 4% next
    # year', 'raise its defence spending to 2.6% of GDP in 2027'); 'will reach 4.1% of GDP in
    # 2027' or 'could hit 3% next year' is a forecast, a level (labelling conventions).
    if yref is not None and yref.year and ctx.published and yref.year > ctx.published.year \
            and not _FORECAST_MODAL.search(before[-60:]) and (
                _AIM_VERB.search(before[-90:]) or (not yref.inferred and (
                    _FUTURE_TARGET_VERB.search(before[-90:]) or _RAISE_TO.search(before[-90:])))):
        return _claims_for(s, q, subjects, "target_commitment", None, False, yref.year)
    target_words = _TARGET_WORDS.search(before[-90:])
    if target_words and not explicit_year:
        return _claims_for(s, q, subjects, "target_commitment", None, False, None)
    if target_words and yref and not yref.inferred and \
            re.search(r"\b(?:reach|hit)\b", before[-40:], re.I) and not (
                ctx.published and yref.year and yref.year > ctx.published.year):
        return _claims_for(s, q, subjects, "target_commitment", None, False, yref.year)
    year, inferred = _resolve_year(yref, ctx, default_context=True)
    return _claims_for(s, q, subjects, "share_of_gdp", year, inferred, None)


# Inline patterns of the rules above, compiled once (each use would look up re's cache).
_FROM_RIGHT_BEFORE = re.compile(r"\bfrom\s+$")
_OF_GNI_AFTER = re.compile(r"\s?of\s+gross\s+national", re.I)
_BRACKET_GAP = re.compile(r"^\s*\(?\s*$")
_DEFENCE_BUDGET = re.compile(r"defen[cs]e\s+(?:spending|budget)", re.I)
_FROM_AT_START = re.compile(r"\s*(?:up\s+)?from\b", re.I)
_TO_AT_END = re.compile(r"\bto\s+(?:between\s+)?$", re.I)
_TARGET_OF_BEFORE = re.compile(r"\b(?:target|threshold|benchmark|goal|guideline|commitment)\s+of"
                               r"\s+(?:spending\s+|allocating\s+)?$", re.I)
_SPACES = re.compile(r"\s+")


_PROJECTED = _words("projected", "projections?", "forecasts?", "forecasted", "expected to",
                    "is expected", "are expected", "estimated", "estimates?", "on course to",
                    "on track to", "predicted")
_PLAN_WORDS = _words("aims?", "aiming", "plans?", "planning", "targets?", "targeting", "goals?",
                     "pledged?", "wants?", "intends?", "commit\\w*", "promis\\w*", "need\\w*",
                     "should", "must", "would have to", "propos\\w*", "recommend\\w*",
                     "demand\\w*", "call(?:ed|s)? (?:on|for)", "urged?")


def _projection(window: str) -> bool:
    """A forecast ('projected', 'expected to') unless a plan or a 'should' comes after it."""
    proj = [m.end() for m in _PROJECTED.finditer(window)]
    if not proj:
        return False
    plans = [m.end() for m in _PLAN_WORDS.finditer(window)]
    return not plans or proj[-1] > plans[-1]
_FISCAL_NOT_DEFENCE = _words("deficits?", "debt", "borrowing", "revenues?", "growth",
                             "inflation", "unemployment", "surplus", "GNI",
                             "gross national income", "interest rates?", "education",
                             "health(?:care)?", "pensions?")
# '2.36% of GDP has been dedicated to education, 2.78% to health': another sector's share.
_OTHER_SECTOR_AFTER = re.compile(
    r"\s?(?:of\s+(?:GDP|gross\s+domestic\s+product)\s+)?(?:[\w-]+\s+){0,4}?(?:to|for|on)\s+"
    r"(?:the\s+)?(?:education|health(?:care)?|pensions?|social|welfare)\b", re.I)
_DEFENCE_NOUN = _words(r"defen[cs]e", "military", "armed forces", "security", "NATO")
_EXTRA_BEFORE = re.compile(r"\b(?:extra|another)\s+$", re.I)
_MODAL_GOAL = _words("would have to", "will have to", "needs? to", "should", "must",
                     "would need", "will need", "recommend\\w*", "propos\\w*")
_BUDGET_RAISES = re.compile(
    r"\bbudget\s+(?:\w+\s+){0,2}?(?:would|will|is\s+set\s+to|to)\s+(?:raise|increase|boost|lift|"
    r"bring|take|push)\b", re.I)
_RAISE_TO = re.compile(
    r"\b(?:raise|increase|boost|lift|hike|bring|take|elevate|ramp\s+up)\w*\s+(?:[\w’'-]+\s+){0,4}?"
    r"to\s+(?:about\s+|around\s+|roughly\s+|at\s+least\s+)?$", re.I)
def _phrase_deadline(phrase: re.Match[str] | None, after: str, ctx: _Context) -> int | None:
    """The year 'in the next three years' or 'every year from 2026' points at, if any."""
    if phrase is None:
        return None
    deadline = None
    # 'within the next one to two years': the later bound
    n = re.search(r"(?:within|in|over)\s+(?:the\s+next\s+)?(?:\w+\s+(?:to|or)\s+)?(\w+)\s+years",
                  phrase.group(), re.I)
    if n and ctx.published and _count_value(n.group(1)):
        deadline = ctx.published.year + _count_value(n.group(1))
    if phrase.group().lower().startswith("every year from"):
        y = re.search(r"\d{4}", after[phrase.end():phrase.end() + 6])
        deadline = int(y.group()) if y else deadline
    return deadline


_AIMS_TO = re.compile(r"\b(?:aim(?:s|ing)?|plans?|planning|wants?|intends?|seeks?|seeking|"
                      r"expects?)\s+to\s+(?:reach|meet|hit|achieve)\b", re.I)
_TARGET_SET_AFTER = re.compile(
    r"\s?(?:[-‑–]\s?)?(?:\w+\s+){0,3}?(?:target|threshold|benchmark|guideline|goal)\s+"
    r"(?:(?:was\s+|were\s+)?(?:set|agreed|adopted|endorsed)\s+(?:at|by|in)|agreed\s+(?:up)?on)\b",
    re.I)
_FROM_OLD_TARGET = re.compile(r"\bfrom\s+(?:the\s+|its\s+|NATO['’]s\s+)?(?:previous|former|old|"
                              r"existing|current|earlier)\s+$", re.I)
_TARGET_SET_BEFORE = re.compile(
    r"\b(?:new|agreed|adopted|endorsed|proposed|current|existing|official|former|previous|old|"
    r"longstanding|original|initial|broader|ambitious|overall)\s+"
    r"(?:(?:NATO|defen[cs]e|military|spending|expenditure|core)\s+){0,3}"
    r"(?:target|threshold|benchmark|guideline|goal|standard)\s+(?:of|is|was|at)\s+(?:spending\s+|"
    r"allocating\s+)?$", re.I)
# 'a broader 5% target', 'the new 5% standard': the target itself, named with its figure.
_TARGET_ADJ_BEFORE = re.compile(r"\b(?:new|broader|former|previous|old|longstanding|original|"
                                r"ambitious|overall|agreed|official)\s+$", re.I)
# 'The target for 2026 was originally 3.7%', 'the current minimum level for defense spending is
# two percent': a sentence about the target itself.
_TARGET_IS_BEFORE = re.compile(
    r"\b(?:target|goal|guideline|benchmark|minimum(?:\s+level)?)\s+(?:for\s+(?:[\w-]+\s+){1,2}?)?"
    r"(?:is|was|remains|stands\s+at)\s+(?:originally\s+|initially\s+|now\s+|still\s+)?$", re.I)
# '5% should be our target', 'hitting 3 per cent was an “ambition”'
_TARGET_COPULA_AFTER = re.compile(
    r"\s+(?:of\s+GDP\s+)?(?:should|must|will|would|was|is)\s+(?:be\s+)?(?:our|the|their|its|his|her|"
    r"an?)\s+[“\"']?(?:\w+\s+)?(?:target|goal|aim|ambition)\b", re.I)
# 'the five percent being demanded of NATO members'
_DEMANDED_AFTER = re.compile(r"\s+(?:of\s+GDP\s+)?(?:being\s+|now\s+)?(?:demanded|sought|"
                             r"requested|called\s+for|pushed\s+for)\b", re.I)
# 'At the NATO summit in Vilnius in 2023, member states agreed to spend at least 2%', 'In 2014,
# the alliance issued the common goal that member states spend 2%': a commitment made in a past
# year; the year dates the commitment, not a level.
_COMMITTED = _words("agreed", "pledged", "promised", "committed", "vowed", "goal that",
                    "commitment to", "pledge to")
# 'move the goalpost from 2% to 5%', 'missing 2%': a yardstick. The new figure is a target when
# it has a deadline ('boost ... target from 2% to 5% of gross domestic product by 2035').
_MOVED_TARGET = re.compile(
    r"(?:\b(?:goal\s?posts?|bar|target|benchmark|threshold)\s+from\s+(?:\d+(?:\.\d+)?\s?(?:%|"
    r"per\s?cent|percent)\s+to\s+(?P<to>))?|\bmiss(?:ing|ed|es)?\s+(?:the\s+)?)$", re.I)
_SPENDS_NOW_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were)\s+(?:already\s+|currently\s+|now\s+|still\s+)?spending|"
    r"\b(?:already|currently|now)\s+(?:spends?|spending|allocat(?:es|ing))|\bspends|"
    r"(?:^|,\s)spending)\s+$", re.I)
_AVERAGE_BEFORE = re.compile(r"\baverage\s+(?:of\s+|at\s+|was\s+|is\s+)?$", re.I)
_AID_SHARE = _words("aid", "development", "ODA", "GNI", "gross national income")
_YARDSTICK_BEFORE = _words("from", "than", "exceed\\w*", "surpass\\w*", "short", "below",
                           "clear\\w*", "pass\\w*", "compl\\w*", "achiev\\w*",
                           "above", "closer", "toward\\w*", "meet\\w*", "met", "reach\\w*",
                           "hit\\w*", "beyond", "over", "up")
_AGREED_TO = re.compile(r"\b(?:agreed|pledged|promised|committed|vowed|aims?|plans?|wants?)\s+"
                        r"(?:\w+\s+){0,2}?to\s+(?:\w+\s+)?$", re.I)
_STARTING_POINT = re.compile(
    r"(?:\bfrom\s+|(?P<current>\b(?:its|their|the)\s+(?:current|present)\s+(?:level|share)\s+of\s+))"
    r"(?:about\s+|around\s+|roughly\s+|just\s+(?:over|under)\s+|some\s+)?$", re.I)
# 'from 0.5 per cent of gross national income to 0.3 per cent': the second share is of GNI too.
_FROM_NOT_GDP_TO = re.compile(
    r"\bfrom\s+\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s+of\s+(?:gross\s+national\s+income|GNI|"
    r"the\s+(?:budget|total|population))\b[^.;%]{0,30}\bto\s+$", re.I)
# 'at least 3.5 percent of the 5 percent', 'the remaining 1.5 percent': parts of a target.
_PART_OF_TARGET = re.compile(
    r"\s+of\s+(?:the|that|this)\s+(?:\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)"
    r"|(?:new\s+|overall\s+|headline\s+)?(?:target|goal|commitment))", re.I)
_TOTAL_OF_PARTS = re.compile(r"\b(?:total|overall|combined)\b[^.;%]{0,50}\b(?:would|will)\s+"
                             r"(?:be|amount\s+to|come\s+to|reach)\s+(?:about\s+|around\s+)?$",
                             re.I)
_HYPOTHETICAL = re.compile(r"\basked\s+(?:if|whether)\b", re.I)


def _poll(s: _Sent, q: Quantity) -> bool:
    """A poll's figure; 'X said that' only counts after the figure ('40% said that ...')."""
    if not s.has(_POLL):
        return False  # no poll word at all, the common case
    return any(m.group().lower() != "said that" or m.start() >= q.end
               for m in _POLL.finditer(s.text))


_TARGET_WHOLE_BEFORE = re.compile(r"\bof\s+(?:the|that|this)\s+$", re.I)
_REMAINDER_BEFORE = re.compile(r"\b(?:the\s+)?(?:remaining|other|rest\s+of\s+the|further|"
                               r"additional)\s+(?:\w+\s+)?$", re.I)
_TARGET_PART_CUE = _words("target", "goal", "commitment", "pledge", "agreed", "summit",
                          "declaration")
_RESTATED_BETWEEN = re.compile(
    r"^\s*(?:,\s*|\(\s*|[—–]\s*)(?:or\s+|equal\s+to\s+|equivalent\s+to\s+|representing\s+|"
    r"which\s+is\s+|amounting\s+to\s+|about\s+|around\s+|roughly\s+|some\s+|nearly\s+|"
    r"almost\s+|just\s+over\s+|just\s+under\s+)*$", re.I)


def _money_restated(s: _Sent, q: Quantity) -> Quantity | None:
    """The amount a share of GDP restates ('EUR153 billion, or 3.5 percent of GDP'), if any.

    Such a share is a spending figure for the amount's year, not a target, whatever verb
    ('expected to reach') comes before the amount.
    """
    prev = [o for o in s.quantities if o.end <= q.start]
    if not prev or prev[-1].kind not in ("money", "amount"):
        return None
    m = prev[-1]
    gap = s.text[m.end:q.start]
    if _RESTATED_BETWEEN.match(gap) or (gap.strip() == "" and s.text[m.end - 1:m.end] == "("):
        return m
    return None


def _resolve_year(yref: YearRef | None, ctx: _Context, default_context: bool
                  ) -> tuple[int | None, bool]:
    if yref is not None:
        return yref.year, yref.inferred
    if default_context and ctx.year is not None:
        return ctx.year, True
    if ctx.published is not None:
        return ctx.published.year, True
    return None, False


def _claims_for(s: _Sent, q: Quantity, subjects: Sequence[str | None], ctype: str,
                year: int | None,
                inferred: bool, deadline: int | None, hedge: str | None = None) -> list[Claim]:
    out = []
    for subject in subjects:
        if hedge:
            low = q.value if hedge in ("more than", "at least") else None
            out.append(_make(s, q.start, q.end, ctype, subject, year, inferred, q.value,
                             "pct_gdp", None, hedge=hedge, low=low, high=None,
                             deadline=deadline))
        else:
            out.append(_make(s, q.start, q.end, ctype, subject, year, inferred, q.value,
                             "pct_gdp", q, deadline=deadline))
    return out


_OWN_SPENDING = _words("spend\\w*", "budgets?", "expenditures?", "outlays", "Bundeswehr",
                      "armed forces", "rearm\\w*", "ReArm", "procurement")
_MONEY_NOT_BEFORE = re.compile(
    r"\b(?:population\s+of|debt|borrowing|federal\s+budget|revenue|GDP|economy|market|stock|shares|contracts?|"
    r"deal|sales|profits?|valuation|loss(?:es)?|damage)\s+(?:of\s+)?(?:more\s+than\s+|about\s+|"
    r"around\s+|some\s+)?$", re.I)


_DEVELOPMENT_AID = _words("GNI", "gross national income", "aid spending", "development aid",
                         "overseas aid", "foreign aid", "official development assistance", "ODA")


def _respectively(s: _Sent, q: Quantity) -> str | None:
    """'Denmark, Germany, and Norway have delivered EUR 1.2 billion, EUR 1 billion, and EUR 662
    million ..., respectively': the n-th amount is the n-th name's."""
    text = s.text
    if "respectively" not in text:
        return None
    amounts = [o for o in s.quantities if o.kind in ("money", "amount")]
    idx = next((i for i, o in enumerate(amounts) if o is q), None)
    if idx is None or len(amounts) < 2:
        return None
    first = amounts[0]
    names = [i for i, m in enumerate(s.mentions) if m.end <= first.start
             and m.role in ("ally", "donor")]
    if not names:
        return None
    group = _list_around(s, names[-1])
    if len(group) != len(amounts) or not all(
            _LIST_SEP_RE.match(text[x.end:y.start]) or re.match(r"^,?\s*(?:and\s+)?$",
                                                                 text[x.end:y.start])
            for x, y in zip(amounts, amounts[1:], strict=False)):
        return None
    return group[idx].code


# Handing money over: aid when nothing nearer says what the amount is ('Sweden is contributing
# $275 million', 'Berlin contributed just over EUR 650 million').
_TRANSFER = _words("contribut\\w*", "giv(?:es|ing|en)", "gave", "provid\\w*")
# Investment is defence spending only where the sentence is about defence or its target ('will
# meet the 2% target this year with an extra investment of EUR 3.9 billion'), not a federal
# budget's 'record investments'.
_INVEST = _words("invest(?:s|ed|ing|ments?)?")
# An amount beside a share of GDP is what that share costs ('The structural funding of that 2
# per cent, amounting to 12.8 billion euros'; 'Two percent of GNI would be EUR 1.18 billion').
_COST_OF_SHARE = re.compile(
    r"\b(?:that|the|this)\s+\d[\d.,]*\s?(?:%|per\s?cent|percent)|\d\s?(?:%|per\s?cent|percent)"
    r"\s+of\s+(?:\w+\s+){0,2}?(?:GDP|GNI|gross|national\s+income|economic\s+output)", re.I)
# World totals (SIPRI's '$2.7 trillion' of global military spending) are nobody's claim here.
_WORLD_TOTAL = _words("global", "world", "worldwide", "world['’]s")
_DEFENCE_OR_TARGET = _words(r"defen[cs]e", "military", "armed forces", "NATO", "target")


def _remember_money_topic(ctx: _Context, s: _Sent) -> None:
    """Carry the topic of money forward from sentences without figures.

    'Denmark is contributing about $90 million.' names no aid: the sentences before it, about a
    package for Ukraine, do. The latest sentence that speaks of aid or of defence spending sets
    what a following bare amount is.
    """
    if s.has(_AID):
        ctx.money_type = "aid_pledge"
    elif s.has(_OWN_SPENDING) and s.has(_DEFENCE_NOUN):
        ctx.money_type = "spending_amount"


def _money_type(s: _Sent, window: str, first: bool) -> str | None:
    """Aid or defence spending, by the word nearest the figure (first after, last before) in
    ``window``, a part of the sentence ``s``."""
    aid = list(_AID.finditer(window)) if s.may_match(_AID) else []
    spend = list(_SPENDING.finditer(window))
    if not aid and not spend:
        return None
    if not aid or not spend:
        return "aid_pledge" if aid else "spending_amount"
    if first:
        return "aid_pledge" if aid[0].start() <= spend[0].start() else "spending_amount"
    return "aid_pledge" if aid[-1].end() >= spend[-1].end() else "spending_amount"


def _sentence_money_type(s: _Sent) -> str | None:
    """``_money_type(s.text, first=True)`` from the sentence's first matches, searched once."""
    aid, spend = s.find(_AID), s.find(_SPENDING)
    if aid is None and spend is None:
        return None
    if aid is None or spend is None:
        return "aid_pledge" if aid else "spending_amount"
    return "aid_pledge" if aid.start() <= spend.start() else "spending_amount"


def _converts_previous(s: _Sent, q: Quantity) -> bool:
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
    return _RESTATED_BETWEEN.match(s.text[prev[-1].end:q.start]) is not None


def _money_claim(s: _Sent, q: Quantity, ctx: _Context) -> list[Claim] | None:
    text = s.text
    if q.value < 1e6 or _converts_previous(s, q):
        return None
    currency = q.currency
    if currency is None:
        others = [o.currency for o in s.quantities if o.kind == "money" and o.currency]
        currency = others[0] if others else ctx.currency
        if currency is None:
            return None
    a, b = _clause_of(s, q.start)
    local_after = text[q.end:min(len(text), _next_quantity_start(s, q.end), q.end + 80)]
    before = text[a:q.start]
    if _NOT_SPENDING_AFTER.match(local_after) or (
            s.may_match(_MONEY_NOT_BEFORE) and _MONEY_NOT_BEFORE.search(before[-40:])):
        return None
    if s.has(_DEVELOPMENT_AID) and not s.has(_DEFENCE_NOUN):
        return None  # 'UK aid spending ... was £15.3 billion. This was 0.58% of GNI'
    if s.may_match(_WORLD_TOTAL) and _WORLD_TOTAL.search(before):
        return None
    listed = _respectively(s, q)
    if listed is not None:
        subject_hint: str | None = listed
    else:
        subject_hint = None
    ctype = (("aid_pledge" if s.may_match(_AID) and _AID.search(local_after) else None)
             or _money_type(s, local_after, first=True) or _money_type(s, before, first=False)
             or _sentence_money_type(s)
             or ("aid_pledge" if s.has(_TRANSFER) else None)
             or ("spending_amount" if s.has(_INVEST) and s.has(_DEFENCE_OR_TARGET) else None)
             or ("spending_amount" if s.has(_COST_OF_SHARE)
                 and not s.has(_FISCAL_NOT_DEFENCE) else None)
             or ctx.money_type)
    if ctype == "spending_amount" and not s.has(_OWN_SPENDING) and (
            s.has(_AID) or ctx.money_type == "aid_pledge"):
        # '£68 million for air defense' in a list of a package's parts: 'defense' alone names
        # what the aid buys, not a budget of the donor's own.
        ctype = "aid_pledge"
    if ctype is None:
        return None
    subjects: list[str | None] = [subject_hint] if subject_hint else list(
        _subjects_for(s, q, ctx, "spending" if ctype == "spending_amount" else "aid"))
    if not subjects and ctx.subject is None and not any(
            m.role in ("ally", "donor", "group") for m in s.mentions):
        subjects = [None]  # nobody named yet: a claim the checker reports as unverifiable
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    if currency == "KR":
        currency = crown_currency(subject)
        if currency is None:
            return None
    if currency == "USD" and text[q.num_start - 1:q.num_start] == "$" and \
            not text[max(0, q.num_start - 3):q.num_start].upper().endswith("US$") and \
            subject in ("CAN", "AUS", "NZL"):
        currency = {"CAN": "CAD", "AUS": "AUD", "NZL": "NZD"}[subject]
    yref = _year_for(s, q.start, q.end)
    if yref is not None and yref.kind != "period":
        year, inferred = yref.year, yref.inferred
    elif yref is not None or s.matches_in(_CUMULATIVE, a, b):
        year, inferred = None, False
    elif ctype == "aid_pledge" and ctx.published:
        year, inferred = ctx.published.year, True
    else:
        year, inferred = None, False
    ctx.money_type = ctype
    return [_make(s, q.start, q.end, ctype, subject, year, inferred, q.value, currency, q)]


# For each pattern, groups of lowercase words: every match of the pattern contains a word of
# each group, so a sentence that lacks all words of a group cannot match and is not scanned
# (``_Sent.may_match``). Words hold no space the pattern writes as ``\s``. Most sentences lack
# them ('number of', a poll word), so most of these scans are skipped.
_HINTS: dict[re.Pattern[str], tuple[tuple[str, ...], ...]] = {
    _POLL: (("poll", "survey", "respondents", "politbarometer", "voters", "favo", "opinion",
             "supporters", "believe", "said that"),),
    _NUMBER_OF_ALLIES: (("number of",),),
    _NUMBER_OF_GROUP: (("number of",),),
    _NUMBER_ANAPHOR: (("number",),),
    _NUMBER_ROSE: (("number",),),
    _FOLLOWUP_COUNT: (("was", "compared", "from"),),
    # 'military aid', 'security assistance', 'to Ukraine', 'Ukrainian army': each alternative
    # holds one of these.
    _AID: (("aid", "assistance", "donat", "donor", "tranche", "package", "support", "ukrain",
            "kyiv", "kiev", "purl", "help", "drawdown", "usai"),),
    _OWN_SPENDING: (("spend", "budget", "expenditure", "outlays", "bundeswehr", "armed",
                     "rearm", "procurement"),),
    _DEVELOPMENT_AID: (("gni", "income", "aid", "assistance", "oda"),),
    _COUNT_RE: (("members", "allies", "countries", "nations", "states", "people"),),
    _FRACTION_OF_ALLIES: (("half", "third"),),
    _ALL_RE: (("all", "every"),),
    _ZERO_COUNT: (("no",), ("member", "ally", "countr", "nation"),
                  ("achieved", "reache", "met", "hit", "exceed", "surpass")),
    _THE_ONLY_ONES: (("only",),),
    _THE_ONLY_ONE: (("only",),),
    _OF_TOTAL_N: (("spen", "met", "meet", "reached", "exceeded", "hit", "achieved"), ("of",),
                  ("members", "allies", "countries", "nations", "states")),
    _ONLY_BEFORE: (("only", "just", "solely"),),
    _ONLY_N_REACH: (("only",),),
    _TOTAL_OF_PARTS: (("total", "overall", "combined"),),
    _HYPOTHETICAL: (("asked",),),
    _FROM_NOT_GDP_TO: (("from",), ("national", "gni", "budget", "total", "population")),
    _FISCAL_NOT_DEFENCE: (("deficit", "debt", "borrowing", "revenue", "growth", "inflation",
                           "unemployment", "surplus", "gni", "income", "interest", "education",
                           "health", "pension"),),
    _STARTING_POINT: (("from", "current", "present"),),
    _GDP_EFFECT_BEFORE: (("increase", "boost", "raise", "lift", "add", "grow", "reduce", "cut",
                          "shrink", "lower"), ("gdp", "economy", "economic", "growth")),
    _MONEY_NOT_BEFORE: (("population", "debt", "borrowing", "federal", "revenue", "gdp",
                         "economy", "market", "stock", "shares", "contract", "deal", "sales",
                         "profit", "valuation", "loss", "damage"),),
    _WORLD_TOTAL: (("global", "world"),),
    _TARGET_OF_BEFORE: (("target", "threshold", "benchmark", "goal", "guideline", "commitment"),
                        ("of",)),
}
_HINTS_BY_ID = {id(pattern): groups for pattern, groups in _HINTS.items()}
