"""Who a claim is about: allies, donors outside NATO and groups, as news text names them.

Allies' names and demonyms come from ``countries.allies()``; donors outside NATO and the
spellings news uses for groups ('the alliance', 'European allies and Canada', 'Nordic
countries') come from ``data/donors_extra.csv`` and ``data/claim_groups.csv``, so a new
spelling is a data change, not a code change.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from natospend.claims.patterns import trie
from natospend.countries import allies

__all__ = ["Mention", "find_mentions", "group_members", "crown_currency", "currency_country",
           "resolve_currency", "rupee_currency", "text_crown"]

# A country outside NATO is a claim's subject where it gives aid ('donor') or where the news
# names it for its own defence spending ('country': India, Serbia, ...), as the labellers read it
# since round 1; Russia and China ('other') only where a sentence says so outright (see
# ``sentence``), Ukraine ('recipient') hardly ever.
COUNTRY_ROLES = frozenset({"ally", "donor", "country"})
SUBJECT_ROLES = COUNTRY_ROLES | {"group"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    code: str
    role: str  # 'ally' | 'donor' | 'country' | 'recipient' | 'other' | 'group'
    demonym: bool = False

    def __init__(self, start: int, end: int, code: str, role: str,
                 demonym: bool = False) -> None:
        """The fields, as the generated ``__init__`` sets them, but in one step (as Quantity's
        and Claim's do): a frozen dataclass sets each with ``object.__setattr__``, and every
        sentence makes its names (a test pins this signature to the fields)."""
        self.__dict__.update(start=start, end=end, code=code, role=role, demonym=demonym)


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("natospend.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _split(cell: str) -> list[str]:
    return [x for x in cell.split("|") if x]


@cache
def _lexicon() -> dict[str, tuple[str, str, bool]]:
    """Every spelling -> (code, role, is_demonym); longer spellings win at match time."""
    lex: dict[str, tuple[str, str, bool]] = {}

    def add(name: str, code: str, role: str, demonym: bool = False) -> None:
        variants = {name}
        if name[:1].islower():
            variants.add(name[:1].upper() + name[1:])
        if len(name) > 3 and not demonym:
            variants.add(name.upper())
        for v in variants:
            lex.setdefault(v, (code, role, demonym))

    for g in _read("claim_groups.csv"):
        for alias in _split(g["aliases"]):
            add(alias, g["code"], "group")
    for a in allies():
        for name in (a.name, a.nato_name, *a.aliases):
            add(name, a.iso3, "ally")
        for d in a.demonyms:
            add(d, a.iso3, "ally", demonym=True)
    for r in _read("claim_aliases.csv"):
        for alias in _split(r["aliases"]):
            role = "group" if r["code"] in _group_codes() else "ally"
            lex.setdefault(alias, (r["code"], role + "-metonym", False))
            if " " not in alias and len(alias) > 3 and alias[:1].isupper():
                # a dateline: 'BERLIN (Reuters) -', 'ANKARA -'
                lex.setdefault(alias.upper(), (r["code"], role + "-metonym", False))
    for r in _read("donors_extra.csv"):
        for name in (r["name"], *_split(r["aliases"])):
            add(name, r["iso3"], r["role"])
        for d in _split(r["demonyms"]):
            add(d, r["iso3"], r["role"], demonym=True)
    return lex


@cache
def _group_codes() -> frozenset[str]:
    return frozenset(g["code"] for g in _read("claim_groups.csv"))


@cache
def group_members() -> dict[str, frozenset[str]]:
    """Groups whose members are listed, so 'Sweden, Norway and Denmark' can be read as one."""
    return {g["code"]: frozenset(_split(g["members"]))
            for g in _read("claim_groups.csv") if g["members"]}


@cache
def _mention_re() -> re.Pattern[str]:
    names = sorted(_lexicon(), key=len, reverse=True)
    # Not inside a word and not the first half of a compound ('US-made', 'EU-funded'), nor the
    # second ('non-NATO'); but a dash after a space opens a name ('OSLO (Reuters) -Norway').
    firsts = "".join(sorted({re.escape(n[0]) for n in names}))
    # The leading class lets the engine skip most positions with one test; the names, written
    # as a trie, are tried one character per branch, not ~500 in turn (twenty at every 'the').
    # The names that match at one place are prefixes of one another, and the trie, like the
    # alternation of names sorted longest first it stands for, tries the longest first (a
    # test pins the two).
    # Nor a currency's country ('US$39.3 billion' is no mention of the United States).
    return re.compile(rf"(?=[{firsts}])(?:(?<![\w-])|(?<=\s-))(?:{trie(names)})"
                      rf"(?![\w$]|[-‑][a-z])")


def find_mentions(text: str) -> list[Mention]:
    """Every ally, donor, recipient or group named in ``text``, left to right."""
    lex = _lexicon()
    out: list[Mention] = []
    venues = _may_name_venue(text)
    excluded_to = -1  # the end of 'excluding the US and Canada': no one named there spends
    for m in _mention_re().finditer(text):
        if m.start() < excluded_to:
            continue
        code, role, demonym = lex[m.group()]
        if role.endswith("-metonym"):
            # 'a summit in Washington' is a place, not the government.
            if _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or \
                    _INSTITUTION_AFTER.match(text, m.end()):
                continue  # 'the Stockholm International Peace Research Institute' is not Sweden
            if out and out[-1].code != code and out[-1].role != "group" and \
                    _OWNER_BETWEEN.fullmatch(text, out[-1].end, m.start()):
                continue  # 'Finland's Ministry of Defence', 'the Dutch MoD': not the UK's
            role = role.removesuffix("-metonym")
        elif code == "USA" and _DOLLARS_AFTER.match(text, m.end()):
            # 'US $1.5 trillion', '7 billion US dollars': a currency, not its country. Only the
            # US: its dollar is everyone's unit, while 'Australian dollars' still points to its
            # country (for every name, tried on rounds 1-26: one right claim fewer, none gained)
            continue
        elif code == "USA" and _EXCLUDING_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            # 'Nato members, excluding the US, ... from 1.4% of GDP in 2014 to 2% in 2024': the
            # allies named before are NATO less the US, and the US is no subject at all
            canada = _AND_CANADA_AFTER.match(text, m.end())
            canada_too = canada is not None
            if canada is not None:
                excluded_to = canada.end()
            if out and out[-1].code == "NATO" and m.start() - out[-1].end <= 30:
                last = out[-1]
                out[-1] = Mention(last.start, last.end,
                                  "NATO_EUROPE" if canada_too else "NATO_EUROPE_CANADA",
                                  last.role, last.demonym)
            continue
        elif m.group() in _BARE_MEMBERS and _MEMBERS_OF_AFTER.match(text, m.end()):
            continue  # '311 members of the U.S. House', 'member states of the EU': of what follows
        elif not demonym and venues and \
                _VENUE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # 'at the NATO summit in Lithuania': where, not who
        if role in COUNTRY_ROLES and _CHANNEL_BEFORE.search(text, max(0, m.start() - 12),
                                                            m.start()) and \
                _CHANNEL_AFTER.match(text, m.end()):
            # '$13 million for the Czech Republic's effort to provide ammunition to Ukraine',
            # 'EUR 35 million for the Czech initiative': the way the money goes, not its giver
            role = "other"
        if code == "MNE" and _SPEAKS_AFTER.match(text, m.end()):
            # 'Montenegro told journalists': Luís Montenegro, Portugal's prime minister since
            # 2024, whose names with a title are Portugal's aliases (claim_aliases.csv)
            code, role, demonym = "PRT", "ally", False
        out.append(Mention(m.start(), m.end(), code, role, demonym))
    if len(out) >= 2 and _DATELINE.match(text, out[0].start) and not text[:out[0].start].strip():
        # 'ANKARA\nAustralian Prime Minister Anthony Albanese ...': a wire's dateline says where
        # the story was filed; it names the subject only when nothing else in its sentence does
        # (Anadolu files from Ankara, the Pentagon's news from Washington, on any country).
        if any(m.code != out[0].code and m.role in ("ally", "donor", "country") for m in out[1:]):
            del out[0]
    return out


# between a country and an institution it owns: 'Finland's Ministry of Defence', 'Dutch MoD'
_OWNER_BETWEEN = re.compile(r"(?:['’]s)?\s+")
_DOLLARS_AFTER = re.compile(r"\s?\$|\s+dollars?\b", re.I)
_EXCLUDING_BEFORE = re.compile(r"\b(?:excluding|except(?:\s+for)?|other\s+than|apart\s+from|"
                               r"not\s+counting)\s+(?:the\s+)?$", re.I)
_AND_CANADA_AFTER = re.compile(r"\s+and\s+Canada\b")
_CHANNEL_BEFORE = re.compile(r"\b(?:for|to|into)\s+(?:the\s+)?$", re.I)
_CHANNEL_AFTER = re.compile(r"(?:['’]s)?(?:[-‑]led|\s+(?:\w+\s+)?(?:initiative|efforts?|"
                            r"scheme|mechanism|coalition))\b", re.I)
# NATO's bare aliases for its members, and what makes them another body's
_BARE_MEMBERS = frozenset(("members", "member states", "member countries", "member nations"))
_MEMBERS_OF_AFTER = re.compile(
    r"\s+of\s+(?!(?:the\s+|our\s+|this\s+)?(?:alliance|Alliance|NATO|Nato|North\s+Atlantic)\b)")


# 'Montenegro said': the country seldom speaks in the news; its government or minister does,
# and Portugal's prime minister is named Montenegro.
_SPEAKS_AFTER = re.compile(r"\s+(?:said|says|told|tells|added|stated|explained|stressed|noted|"
                           r"argued|admitted|insisted|recalled|replied)\b")


# a place in capitals, of up to three words ('ANKARA', 'THE HAGUE', 'WASHINGTON, D.C.'), then an
# agency in brackets, a dash, a colon or the end of the line; not a headline in capitals
_DATELINE = re.compile(r"[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,2}(?:,\s*[A-Z][A-Za-z.]*)?\s*"
                       r"(?:\([^)\n]{1,30}\)\s*)?(?:[-–—:]|\n)")


def _may_name_venue(text: str) -> bool:
    """Whether ``_VENUE_BEFORE`` can match anywhere in ``text``: each match holds one of its
    nouns. Most sentences have none, and then no name needs the look-back. Substring tests on
    the lowercase text are exact unless it has 'ı', 'ſ' or 'İ', which re.IGNORECASE matches
    to an ASCII letter but ``lower()`` does not turn into it; then we just look."""
    if "ı" in text or "ſ" in text or "İ" in text:
        return True
    low = text.lower()
    return any(noun in low for noun in ("summit", "meeting", "conference", "talks", "gathering"))


_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|visit(?:ed|ing)?|near|of|via)\s+$", re.I)
_INSTITUTION_AFTER = re.compile(
    r"\s+(?:International|Peace|Post|Times|Agreement|Institute|Treaty)\b")
_VENUE_BEFORE = re.compile(r"\b(?:summit|meeting|conference|talks|gathering)\s+(?:held\s+)?in\s+"
                           r"(?:the\s+\w+\s+capital\s+(?:of\s+)?)?$", re.I)
_CROWNS = {"DNK": "DKK", "NOR": "NOK", "SWE": "SEK", "ISL": "ISK", "CZE": "CZK"}


def crown_currency(subject: str | None) -> str | None:
    """'crowns' or 'kr' mean the subject's own crown; without a crown country we cannot say."""
    return _CROWNS.get(subject or "")


_RUPEE_PLACES = re.compile(r"\b(?:(?P<PKR>pakistan\w*|islamabad|rawalpindi)|(?P<LKR>sri\s+lanka\w*|"
                           r"colombo)|(?P<NPR>nepal\w*|kathmandu)|(?P<INR>india\w*|new\s+delhi))\b",
                           re.I)
RUPEE_HINTS = ("pakistan", "islamabad", "rawalpindi", "lanka", "colombo", "nepal", "kathmandu",
               "india", "delhi")
"""Lowercase words a sentence must hold for :func:`rupee_place` to find anything in it."""


def rupee_place(text: str) -> str | None:
    """The rupee of the country ``text`` names last ('ISLAMABAD - The government aims to spend
    Rs2.122 trillion': Pakistan's), or None when it names none of them."""
    last = None
    for m in _RUPEE_PLACES.finditer(text):
        last = m.lastgroup
    return last


def rupee_currency(before: str, earlier: str | None) -> str:
    """'Rs' and 'rupees': the rupee of the country named last, in the sentence before the
    amount or else in the sentences before it (``earlier``, the context's); India's when none
    is named, as the rupee news about defence budgets most often means."""
    return rupee_place(before) or earlier or "INR"


_CROWN_PLACES = re.compile(r"\b(?:(?P<SEK>swed\w*|stockholm)|(?P<NOK>norw\w*|oslo)|"
                          r"(?P<DKK>denmark|danish|danes?|copenhagen)|(?P<ISK>iceland\w*|"
                          r"reykjav\w*)|(?P<CZK>czech\w*|prague))\b", re.I)


def text_crown(text: str) -> str | None:
    """The crown of the one crown country a whole text names, or None when it names none or
    several: 'The government proposed ... 13 billion kronor' opens an article whose next
    sentence says 'Sweden's'. Read once per text, so that an amount no sentence ties to a
    country is still in the crown the article is about."""
    found = {m.lastgroup for m in _CROWN_PLACES.finditer(text)}
    return found.pop() if len(found) == 1 else None


def resolve_currency(code: str | None, subject: str | None, before: str,
                     earlier_rupee: str | None,
                     crown: Callable[[], str | None] | None = None) -> str | None:
    """An amount's ISO 4217 code: the number reader's placeholders settled by the text ('KR'
    by the subject's crown, else the crown of the one crown country the text names
    (``crown()``, :func:`text_crown` of it, asked only then), None without either; 'RS' by
    the country named last; roubles Belarus's own where it is the subject), any other code as
    it is. The one place every reader of amounts settles them."""
    if code == "KR":
        return crown_currency(subject) or (crown() if crown is not None else None)
    if code == "RS":
        return rupee_currency(before, earlier_rupee)
    if code == "RUB" and subject == "BLR":
        return "BYN"  # Belarus counts in its own roubles: '4.73 billion rubles' of its budget
    return code


# Whose own currency an amount is in: each ally's national currency (allies.yaml) but the
# euro and the dollar, which many use, and those of the countries outside NATO that
# ``donors_extra.csv`` names.
_CURRENCY_COUNTRY = {a.currency: a.iso3 for a in allies() if a.currency not in (None, "EUR", "USD")
                     } | {"JPY": "JPN", "CHF": "CHE", "AUD": "AUS", "NZD": "NZL", "KRW": "KOR",
                          "TWD": "TWN", "UAH": "UKR", "RUB": "RUS", "CNY": "CHN",
                          "AMD": "ARM", "AZN": "AZE", "GEL": "GEO", "KZT": "KAZ", "PHP": "PHL",
                          "INR": "IND", "PKR": "PAK", "SAR": "SAU", "ILS": "ISR", "IDR": "IDN",
                          "MYR": "MYS", "THB": "THA", "NGN": "NGA", "ZAR": "ZAF", "BRL": "BRA",
                          "RSD": "SRB", "BYN": "BLR", "SGD": "SGP"}


def currency_country(currency: str | None) -> str | None:
    """The country whose own currency it is: a budget in zlotys is Poland's when no one is named."""
    return _CURRENCY_COUNTRY.get(currency or "")
