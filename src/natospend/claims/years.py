"""Years in a sentence and what they are: the year a figure is for, a deadline, or just a date.

'in 2025' dates a figure, 'by 2035' is a deadline, 'since 2022' starts a total, 'on February 24,
2022' is a date, '2024-2030' is a period; 'this year' and 'last year' are resolved against the
publication date and marked as inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from natospend.claims.text import fold

__all__ = ["YearRef", "find_years"]

_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")


@dataclass(frozen=True)
class YearRef:
    start: int
    end: int
    year: int | None
    kind: str  # 'in' | 'by' | 'from' | 'since' | 'date' | 'period' | 'bare'
    inferred: bool = False
    span: tuple[int, int] | None = None  # a period's first and last year ('2024-26', '2025-26')


# A year 1950-2049, not inside a figure. Written to open with the class of its first digit,
# which it consumes: the engine then skips to the next '1' or '2' without entering the pattern
# (three times faster than opening with the look-behind); the look-behind and each
# alternative's first digit are checked from there. A test pins it to the plain form,
# (?<![\d.,$€£-])(?:19[5-9]\d|20[0-4]\d) and the same look-ahead.
_YEAR_RE = re.compile(
    r"[12](?<![\d.,$€£-][12])(?:(?<=1)9[5-9]\d|(?<=2)0[0-4]\d)"
    r"(?![\d%]|\.\d| ?per ?cent| ?percent)")
# a two-digit end only after a dash or slash ('2024-25'): 'from 4 nations in 2017 to 11
# countries' and 'in 2017 and 11 allies' are a year and a count
_PERIOD_AFTER = re.compile(r"\s?(?:[-–/]\s?(?:19[5-9]\d|20[0-4]\d|\d\d)|"
                           r"\s?(?:to|and|until|through|till)\s?(?:19[5-9]\d|20[0-4]\d))\b")
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.I)
# 'from February 2022 to March 2026', 'From December 2021 to February 2024': a period between
# months, whose first year reads as a bare date otherwise
_FROM_MONTH_BEFORE = re.compile(rf"\b(?:between|from)\s+{_MONTHS}\s+$", re.I)
_TO_MONTH_YEAR_AFTER = re.compile(
    rf"\s+(?:to|until|and|through|till)\s+(?:(?:early|late|mid)[-\s]?)?(?:{_MONTHS}\s+)?"
    r"(19[5-9]\d|20[0-4]\d)\b", re.I)
_FISCAL_NEAR = re.compile(r"\b(?:fiscal|financial|budget)\b[^.]{0,12}$|\bFY\s?$", re.I)
_DATE_BEFORE = re.compile(
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{1,2}}\s+{_MONTHS},?)\s+$")
_PREP_BEFORE = re.compile(
    r"\b(?P<prep>by\s+the\s+end\s+of|by\s+end\s+of|by|until|till|from|starting\s+in|starting|"
    r"beginning\s+in|after|since|as\s+of|in|for|during|of)\s+(?:the\s+(?:year\s+)?)?$", re.I)
_RELATIVE = re.compile(
    r"\b(?P<rel>(?:this|last|next)\s+(?:fiscal\s+|financial\s+|budget\s+)?year|"
    r"the\s+current\s+(?:fiscal\s+|financial\s+|budget\s+)?year|the\s+past\s+year|"
    r"the\s+previous\s+year|the\s+coming\s+year|currently|presently|at\s+present|"
    # not a target's adjective: 'reached the current target' dates nothing
    r"current(?!\s+(?:NATO\s+|alliance\s+)?(?:targets?|goals?|guidelines?|benchmarks?|thresholds?|"
    r"commitments?|pledges?|requirements?|standards?)\b)|now|as\s+of\s+today|today|"
    r"(?P<ago>\w+)\s+years\s+ago|within\s+(?P<within>\w+)\s+years|in\s+(?P<inyears>\w+)\s+years|"
    r"(?P<decade>the\s+end\s+of\s+(?:the|this)\s+decade))\b",
    re.I)
_REL_PREP_BEFORE = re.compile(
    r"\b(?P<prep>by|from|starting|starting\s+from|beginning|until)\s+$", re.I)
_DEADLINE_NOUN_AFTER = re.compile(r"\s+(?:pledge|goal|target|commitment|deadline)\b", re.I)
_GOAL_FOR_BEFORE = re.compile(r"\b(?:goals?|targets?|pledges?|commitments?)\s+$", re.I)
# Every relative reference contains one of these words. Substring tests on the lowered text
# are several times cheaper than a case-insensitive regex scan, and exact: no character outside
# ASCII has one of their letters as its lower case, nor matches one under re.IGNORECASE.
_RELATIVE_HINTS = ("year", "current", "now", "today", "decade", "present")
_SPACES = re.compile(r"\s+")
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}
_PREP_KIND = {"by": "by", "until": "by", "till": "by", "by the end of": "by", "by end of": "by",
              "from": "from", "starting": "from",
              "starting from": "from", "beginning": "from", "starting in": "from",
              "beginning in": "from",
              "after": "from", "since": "since", "as of": "in", "in": "in", "for": "in",
              "during": "in", "of": "in"}


def _small(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else _SMALL.get(w)


# _RELATIVE where no '... years ago' can match: every other alternative starts with one of
# these letters (the same letters under re.I), so most words fail one test instead of entering
# the alternatives (the scan takes half the time). The '\w+ years ago' alternative can start
# any word, so it cannot be led like this.
_RELATIVE_LED = re.compile(r"\b(?=[tlncawip])" + _RELATIVE.pattern.removeprefix(r"\b"), re.I)


def _relative_scan(text: str) -> re.Pattern[str] | None:
    """The scan for relative references in ``text``: None where none can be there (most
    sentences), else _RELATIVE, or _RELATIVE_LED where 'ago' is not in the text. Exact as a
    filter: the only characters re.IGNORECASE matches to 'a', 'g' or 'o' lowercase to them."""
    low = text.lower()
    if not any(hint in low for hint in _RELATIVE_HINTS):
        return None
    return _RELATIVE if "ago" in low else _RELATIVE_LED


def names_relative_year(text: str) -> bool:
    """Whether ``text`` dates something by the time of writing ('this year', 'last year',
    'two years ago'), which only a publication date resolves."""
    scan = _relative_scan(text)
    return scan is not None and scan.search(text) is not None


def find_years(text: str, published_year: int | None) -> list[YearRef]:
    """Explicit and relative year references in ``text``, left to right."""
    refs: list[YearRef] = []
    skip_to = 0
    for m in _YEAR_RE.finditer(text):
        if m.start() < skip_to:
            continue
        look = max(0, m.start() - 30)
        from_month = _FROM_MONTH_BEFORE.search(text, look, m.start())
        months = _TO_MONTH_YEAR_AFTER.match(text, m.end()) if from_month else None
        if from_month and months and int(months.group(1)) > int(m.group()):
            refs.append(YearRef(from_month.start(), months.end(), None, "period",
                                span=(int(m.group()), int(months.group(1)))))
            skip_to = months.end()
            continue
        period = _PERIOD_AFTER.match(text, m.end())
        if period:
            between = _BETWEEN_BEFORE.search(text, look, m.start())
            first = int(m.group())
            last = period.group()[-4:] if period.group()[-4:].isdigit() else \
                f"{first // 100}{period.group()[-2:]}"  # '2024-25': 2025
            skip_to = period.end()
            if between or int(last) != first + 1 or not (
                    not period.group()[-4:].isdigit() or "/" in period.group()
                    or _FISCAL_NEAR.search(text, look, m.start())):
                refs.append(YearRef(between.start() if between else m.start(), period.end(),
                                    None, "period", span=(first, int(last))))
                continue
            # a fiscal year ('in 2023/24', 'for 2025-26', 'fiscal year 2024-2025') is the year
            # it starts in, as the labelling conventions read it
            yr, end, span = first, period.end(), (first, first + 1)
        else:
            date_m = _DATE_BEFORE.search(text, look, m.start())
            if date_m:
                refs.append(YearRef(date_m.start(), m.end(), None, "date"))
                continue
            yr, end, span = int(m.group()), m.end(), None
        prep_m = _PREP_BEFORE.search(text, look, m.start())
        prep = _SPACES.sub(" ", prep_m.group("prep").lower()) if prep_m else ""
        kind = _PREP_KIND.get(prep, "bare")
        if _DEADLINE_NOUN_AFTER.match(text, end) or (
                kind == "in" and prep_m and _GOAL_FOR_BEFORE.search(
                    text, max(0, prep_m.start() - 20), prep_m.start())):
            kind = "by"  # 'the 2035 pledge', 'goals for 2032'
        refs.append(YearRef(prep_m.start() if prep_m else m.start(), end, yr, kind, span=span))
    if published_year is not None and (relative := _relative_scan(text)) is not None:
        for m in relative.finditer(text):
            rel = _SPACES.sub(" ", m.group("rel").lower())
            year: int | None = published_year
            kind = "in"
            if rel.startswith("last") or rel in ("the past year", "the previous year"):
                year = published_year - 1
            elif rel.startswith("next") or rel == "the coming year":
                year = published_year + 1
            elif m.group("ago"):
                n = _small(m.group("ago"))
                year = published_year - n if n else None
            elif m.group("decade"):
                # 'by the end of the decade', written in 2024: 2030, as the labels read it
                year, kind = (published_year // 10 + 1) * 10, "by"
            elif m.group("within") or m.group("inyears"):
                n = _small(m.group("within") or m.group("inyears"))
                year, kind = (published_year + n if n else None), "by"
            prep_m = _REL_PREP_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if prep_m and kind == "in" and not rel.startswith(("last", "the past", "the prev")):
                # 'from next year', 'by this year': a deadline, not the year a figure is for
                kind = _PREP_KIND[_SPACES.sub(" ", fold(prep_m.group("prep")))]
            if year is not None:
                refs.append(YearRef(m.start(), m.end(), year, kind, inferred=True))
    refs.sort(key=lambda r: r.start)
    return refs
