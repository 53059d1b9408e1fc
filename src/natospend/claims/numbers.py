"""Find amounts of money, percentages and counts in a sentence, with spans and hedges.

News writes one figure in many ways: '$1.05 billion', 'EUR 89.9 billion', '186 billion zlotys',
'£13.4bn', '100-billion-euro', 'twenty-three', '3.5-3.7%', 'more than 4 per cent'. Each pattern
is compiled once, and every number must start where a digit run starts, so a run of a million
digits costs one attempt, not a million (the scan stays linear on adversarial input).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from natospend.claims.patterns import CHANGE_BEFORE
from natospend.claims.text import caseless, fold

__all__ = ["Quantity", "find_quantities", "parse_number", "HEDGES"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_FRACTIONS = {"a half": 0.5, "half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
              "a quarter": 0.25, "one quarter": 0.25, "two thirds": 2 / 3, "two-thirds": 2 / 3,
              "three quarters": 0.75}
_SCALES = {"lakh crore": 1e12, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
           "trillion": 1e12, "tn": 1e12, "tln": 1e12, "trn": 1e12, "billion": 1e9, "bn": 1e9,
           "bln": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "thousand": 1e3,
           "k": 1e3}

_HYPHEN = "[-‑‐–]"


def _by_first_letter(alternatives: list[str]) -> str:
    """``a|b|...`` factored by first letter ('t(?:wo|en)|s(?:ix)'), in the given order.

    The engine tries alternatives one by one at every word that starts like a number ('the',
    'to', 'of'); factored, it tests one letter per group and then only words that can match.
    Order within a group is kept and words with another first letter could not match there,
    so it matches exactly what the plain alternation matches. Each alternative must start
    with a lowercase letter (they are matched ignoring case).
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        assert alt[:1].isalpha() and alt[:1].islower(), alt
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_SMALL_UNITS = "|".join(k for k in _UNITS if _UNITS[k] < 10)
# 'twenty-three' before 'twenty', longer units before shorter ('seventeen' before 'seven').
_BELOW_HUNDRED = [rf"{tens}(?:{_HYPHEN}|\s)(?:{_SMALL_UNITS})" for tens in _TENS] \
    + sorted(_UNITS, key=len, reverse=True) + list(_TENS)
# 'four hundred eighty-five billion dollars', 'four hundred and sixty-seven' (transcripts and
# read-aloud copies spell every figure out)
_WORD_NUMBER = "(?:" + _by_first_letter(
    [rf"{unit}\s+hundred(?:\s+(?:and\s+)?(?:{'|'.join(_BELOW_HUNDRED)}))?"
     for unit in _SMALL_UNITS.split("|") if unit != "zero"]
    + _BELOW_HUNDRED) + ")"
# '1,67%': a decimal comma, read only right before a percent sign or word (elsewhere '1,050' is
# a thousand and fifty).
_COMMA_DECIMAL = r"\d{1,2},\d{1,2}(?=\s?(?:%|per\s?cent|percent))"
# 'Portugal with 1,55, Italy with 1,49': in a ranking, the figure right after 'with' or an
# opening bracket has a decimal comma too (one or two digits after it; '1,050' stays a thousand
# and fifty). 'the Czech Republic with 2 ,10': a stray space before the comma is kept.
_LISTED_COMMA_DECIMAL = r"(?:(?<=\bwith\s)|(?<=\())\d{1,2}\s?,\d{1,2}(?![\d,]\d|\d)"
# '$33,1 billion', '€4,5 bln': one or two digits after a comma before a scale word are
# decimals, never thousands.
_SCALED_COMMA_DECIMAL = \
    r"\d{1,2},\d{1,2}(?=\s?(?:billion|million|trillion|bn|bln|mln|tn|tln|trn)\b)"
_CURRENCY_PREFIX = {
    "us$": "USD", "$us": "USD", "u.s.$": "USD", "usd": "USD", "$": "USD", "c$": "CAD", "ca$": "CAD",
    "can$": "CAD", "$can": "CAD",
    "cad": "CAD", "a$": "AUD", "au$": "AUD", "aud": "AUD", "€": "EUR", "eur": "EUR",
    "euro": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "pln": "PLN", "zł": "PLN",
    "dkk": "DKK", "nok": "NOK", "sek": "SEK", "chf": "CHF", "kr": "KR", "nz$": "NZD",
    "czk": "CZK", "bgn": "BGN", "huf": "HUF", "ron": "RON", "nzd": "NZD", "isk": "ISK",
    "krw": "KRW", "₩": "KRW", "uah": "UAH", "₴": "UAH", "rub": "RUB", "₽": "RUB", "₺": "TRY",
    "nt$": "TWD", "twd": "TWD", "s$": "SGD", "sgd": "SGD",
    # The Financial Times's crowns: 'NKr15bn', 'DKr1.3bn', 'SKr5bn'.
    "nkr": "NOK", "dkr": "DKK", "skr": "SEK",
    # currencies of the Caucasus, Asia and elsewhere whose budgets the news compares with
    # NATO's: 'AZN 7,126.3 million', 'Php282.7 billion', 'Rs 7.85 lakh crore', '₹6.2 lakh crore'
    "azn": "AZN", "amd": "AMD", "gel": "GEL", "kzt": "KZT", "php": "PHP", "₱": "PHP",
    # 'Rs' is India's, Pakistan's, Sri Lanka's and Nepal's: 'RS' until the text tells which
    "rs": "RS", "rs.": "RS", "₹": "INR", "pkr": "PKR", "sar": "SAR", "ils": "ILS",
    "nis": "ILS", "₪": "ILS", "idr": "IDR", "rp": "IDR", "myr": "MYR", "thb": "THB",
    "ngn": "NGN", "₦": "NGN", "zar": "ZAR", "r$": "BRL", "brl": "BRL", "mkd": "MKD",
    "rsd": "RSD", "hr": "UAH",  # 'Hr 2.2 trillion' (the Kyiv Independent's hryvnia)
}
# Currency words and codes after a figure; the forms with their country's adjective ('Czech
# koruna', 'Canadian dollars') are added from ``_NAMED_CURRENCIES`` below.
_CURRENCY_SUFFIX = {
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "dollars": "USD", "dollar": "USD", "usd": "USD",
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "gbp": "GBP", "zlotys": "PLN",
    "zloty": "PLN", "złoty": "PLN", "zł": "PLN", "pln": "PLN", "dkk": "DKK", "nok": "NOK",
    "sek": "SEK", "kroner": "KR", "kronor": "KR", "krone": "KR", "crowns": "KR", "kr": "KR",
    "cad": "CAD", "yen": "JPY", "jpy": "JPY", "francs": "CHF", "chf": "CHF", "aud": "AUD",
    "korunas": "CZK", "koruny": "CZK", "koruna": "CZK", "czk": "CZK", "leva": "BGN",
    "lev": "BGN", "bgn": "BGN", "forints": "HUF", "forint": "HUF", "huf": "HUF", "lei": "RON",
    "ron": "RON", "nzd": "NZD", "isk": "ISK", "krónur": "ISK", "kronur": "ISK", "krw": "KRW",
    "lira": "TRY", "liras": "TRY", "hryvnias": "UAH", "hryvnia": "UAH", "hryvnas": "UAH",
    "hryvna": "UAH", "uah": "UAH", "roubles": "RUB", "rouble": "RUB", "rubles": "RUB",
    "ruble": "RUB", "rub": "RUB", "twd": "TWD", "sgd": "SGD", "yuan": "CNY", "renminbi": "CNY",
    "cny": "CNY", "rupees": "RS", "inr": "INR", "azn": "AZN", "amd": "AMD", "drams": "AMD",
    "dram": "AMD", "manats": "AZN", "manat": "AZN", "lari": "GEL", "tenge": "KZT",
    "shekels": "ILS", "new shekels": "ILS", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB",
    "naira": "NGN", "rand": "ZAR", "reais": "BRL", "denars": "MKD", "denar": "MKD", "lek": "ALL",
    "leke": "ALL", "leks": "ALL",
}
# The currency words after the adjective of the country whose money they are ('155 billion
# Czech koruna', '1.2 billion Romanian lei', 'Polish zlotys', 'Japanese yen'), as wire copy
# writes them: the adjective is no country of its own here but part of the amount's unit. A
# bare 'dinars' or 'riyals' is several countries' money: only the named ones are read.
_NAMED_CURRENCIES = (
    ("CZK", ("czech",), ("koruna", "korunas", "koruny", "crown", "crowns")),
    ("PLN", ("polish",), ("zloty", "zlotys", "złoty", "złotys", "zlotych", "złotych")),
    ("HUF", ("hungarian",), ("forint", "forints")),
    ("RON", ("romanian",), ("leu", "lei")),
    ("BGN", ("bulgarian",), ("lev", "leva")),
    ("DKK", ("danish",), ("krone", "kroner", "kroners", "crown", "crowns")),
    ("SEK", ("swedish",), ("krona", "kronor", "kronas", "crown", "crowns")),
    ("NOK", ("norwegian",), ("krone", "kroner", "kronor", "crown", "crowns")),
    ("ISK", ("icelandic",), ("krona", "kronur", "krónur", "krónas", "kroner", "crowns")),
    ("JPY", ("japanese",), ("yen",)),
    ("CNY", ("chinese",), ("yuan", "renminbi")),
    ("UAH", ("ukrainian",), ("hryvnia", "hryvnias", "hryvna", "hryvnas", "hryvnya", "hryvnyas")),
    ("RUB", ("russian",), ("rouble", "roubles", "ruble", "rubles")),
    ("ALL", ("albanian",), ("lek", "leke", "leks")),
    ("MKD", ("macedonian", "north macedonian"), ("denar", "denars", "denari")),
    ("GBP", ("british",), ("pound", "pounds", "pounds sterling")),
    ("TRY", ("turkish",), ("lira", "liras")),
    ("KRW", ("korean", "south korean"), ("won",)),
    ("INR", ("indian",), ("rupee", "rupees")),
    ("PKR", ("pakistani",), ("rupee", "rupees")),
    ("RSD", ("serbian",), ("dinar", "dinars")),
    ("CHF", ("swiss",), ("franc", "francs")),
    ("CAD", ("canadian",), ("dollar", "dollars")),
    ("AUD", ("australian",), ("dollar", "dollars")),
    ("NZD", ("new zealand",), ("dollar", "dollars")),
    ("SGD", ("singapore", "singaporean"), ("dollar", "dollars")),
    ("TWD", ("taiwan", "taiwanese", "new taiwan"), ("dollar", "dollars")),
    ("USD", ("us", "u.s.", "american"), ("dollar", "dollars")),
    ("PHP", ("philippine",), ("peso", "pesos")),
    ("SAR", ("saudi",), ("riyal", "riyals")),
    ("ILS", ("israeli",), ("shekel", "shekels", "new shekels")),
)
for _code, _adjectives, _words in _NAMED_CURRENCIES:
    for _adjective in _adjectives:
        for _word in _words:
            _CURRENCY_SUFFIX.setdefault(f"{_adjective} {_word}", _code)


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore


# 'Latvia will spend 2 157 966 637 euros': thousands set apart by spaces, as European budgets
# write them; read only right before a currency word, since elsewhere a space parts two numbers
# ('in 2024 155 allies').
_SPACED_THOUSANDS = (r"|\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,4}"
                     rf"(?=\s?(?i:{_alternation(_CURRENCY_SUFFIX)})\b)")
_DIGITS = (r"(?<![\d.,])(?:" + _COMMA_DECIMAL + "|" + _SCALED_COMMA_DECIMAL + "|"
           + _LISTED_COMMA_DECIMAL
           # '6,21,540.85 crore': Indian grouping, two digits between the commas
           + r"|\d{1,2}(?:,\d{2}){1,3},\d{3}(?![\d,]\d)"
           + r"|\d{1,3}(?:,\d{3}){1,4}(?![\d,]\d)"
           + _SPACED_THOUSANDS + r"|\d{1,15}(?!\d))(?:\.\d{1,6}(?!\d))?")
# 'a billion euros', 'half a billion euros': 'a' is a number only before a scale word.
# 'another half billion kronor': 'half' alone too, before a scale word.
_A_SCALE = r"\b(?:(?:half\s+)?an?|half)(?=\s+(?:billion|million|trillion)\b)"
NUMBER = rf"(?:{_DIGITS}|\b{_WORD_NUMBER}(?:\s+and\s+a\s+half)?\b|{_A_SCALE})"


# 'milliion', 'bilion': the scale words as news misspells them, read as the words they mean.
_SCALE_WORDS = (r"lakh\s+crores?|crores?|lakhs?|"
                r"tril+i+on|bil+i+on|mil+i+on|thousand|tril|tln|trn|bln|mln|tn|bn|mn|b|m|k|t")


def _scale(word: str) -> float:
    """The factor of a scale word matched by ``_SCALE_WORDS``, misspellings included."""
    low = " ".join(fold(word).split())
    return _SCALES.get(low) or _SCALES[{"t": "trillion", "b": "billion", "m": "million"}[low[0]]]


_PREFIX_RE = re.compile(rf"(?:{_alternation(_CURRENCY_PREFIX)})\s?$", re.I)
# '¥9+ trillion': a plus sign may stand between a figure and its scale.
_SCALE_RE = re.compile(
    rf"(?:\+?\s?{_HYPHEN}?\s?)(?:(?:additional|extra)\s)?({_SCALE_WORDS})\b\.?(?!\d)", re.I)
# Dollars other than the US's, which a '$' before the figure leaves open ('$33 million Canadian
# dollars'): those the suffixes name
_DOLLARS = frozenset(code for word, code in _CURRENCY_SUFFIX.items() if "dollar" in word) - {"USD"}
_SUFFIX_RE = re.compile(
    rf"{_HYPHEN}?\s?(?:(?:additional|extra)\s)?({_alternation(_CURRENCY_SUFFIX)})\b", re.I)
_WON_RE = re.compile(r"\s?won\b", re.I)
_PERCENT_RE = re.compile(
    # 'nearly 1.71pc of the GDP' (Dawn, The Nation): lower case only, 'PC' is a computer
    rf"\s?(?:%|{_HYPHEN}?\s?(?:(?:per(?:\s|{_HYPHEN})?cent|percent)\b|pct\b\.?)|\s?p\.c(?:\.|\b)|"
    r"(?-i:pc)\b|"
    rf"\s?percentage points?\b)", re.I)
_RANGE_RE = re.compile(rf"\s?(?:{_HYPHEN}|to)\s?(?:{_alternation(_CURRENCY_PREFIX)})?\s?({NUMBER})",
                       re.I)
# A number starts at a digit or at the start of a word: testing that first skips the middle of
# every word, which is most positions in news text.
# Nor the year of 'FY25' ('expenditure for FY25 to 70 billion' is no range from 25), nor the
# second year of a fiscal year ('from £62.2bn in 2025/26 to £73.5bn', '2025-26 to £73.5bn': no
# range from 26 billion).
_NUMBER_RE = re.compile(rf"(?:(?=\d(?<!FY\d))(?!(?<=(?:19|20)\d\d[-–/])\d\d\b)|"
                        rf"(?=(?<![\w])[zotfsenhaZOTFSENHA])){NUMBER}", re.I)
_FRACTION_RE = re.compile(rf"(?=[aohtAOHT])\b(?:{_alternation(_FRACTIONS)})\b(?=\s+of\b)", re.I)

# (phrase right before the number, hedge). 'surpass about $1.5 trillion' is 'more than'.
HEDGES: dict[str, str] = {
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "just over": "more than", "surpass": "more than",
    "surpassed": "more than", "exceed": "more than", "exceeds": "more than",
    "exceeded": "more than", "exceeding": "more than", "surpasses": "more than",
    "surpassing": "more than", "upwards of": "more than",
    "at least": "at least", "no less than": "at least", "a minimum of": "at least",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "approx.": "about", "circa": "about", "an estimated": "about",
    "nearly": "nearly", "almost": "nearly", "nearing": "nearly", "close to": "nearly",
    "just under": "nearly", "up to": "up to", "as much as": "up to", "as many as": "up to",
    "capped at": "up to", "capped it at": "up to",
    "less than": "less than", "under": "less than", "below": "less than",
    "fewer than": "less than",
}
_HEDGE_RE = re.compile(
    rf"\b(?=[{''.join(sorted({c for h in HEDGES for c in (h[0].lower(), h[0].upper())}))}])"
    rf"({_alternation(HEDGES)})\s+(?:(?:about|around|approximately|roughly|an?|the)\s+)?"
    # 'about US $60 billion': the country's letters, then the sign the figure starts at
    rf"(?:estimated\s+)?(?:\$|€|£|¥|US\$|EUR|USD|GBP|US|U\.S\.)?\s?$", re.I)
_BETWEEN_RE = re.compile(r"\bbetween\s+(?:\$|€|£|¥|US\$|EUR|USD|GBP)?\s?$", re.I)
# What a window before a figure ends with, lowercased and without trailing spaces, where
# ``_PREFIX_RE`` or ``_HEDGE_RE`` matches in it (``_may_end_with``): a currency prefix; a hedge
# or the word after it, then perhaps a currency sign. Most windows end otherwise ('in 2024',
# 'to 3%'), so the two searches, each an attempt at every position of the window, are skipped.
_PREFIX_ENDS = tuple(_CURRENCY_PREFIX)
_HEDGE_ENDS = (*HEDGES, "about", "around", "approximately", "roughly", "a", "an", "the",
               "estimated")
_HEDGE_SIGNS = ("$", "€", "£", "¥", "us$", "eur", "usd", "gbp", "us", "u.s.")
# Signs written for 'about' right before a figure, or before it and one space.
_APPROX_SIGNS = "~≈"


@dataclass(frozen=True)
class Quantity:
    """One figure found in a sentence; ``start``/``end`` cover the hedge, currency and scale."""

    kind: str  # 'money' | 'percent' | 'number'
    start: int
    end: int
    value: float
    high_value: float | None = None  # the upper end of a range
    currency: str | None = None  # ISO 4217; 'KR' and 'RS' until the text tells which crown
    # or rupee (subjects.resolve_currency)
    hedge: str | None = None
    num_start: int = 0  # where the number itself starts (after any hedge)
    points: bool = False  # 'percentage points', never a share of GDP
    scaled: bool = False

    def __init__(self, kind: str, start: int, end: int, value: float,
                 high_value: float | None = None, currency: str | None = None,
                 hedge: str | None = None, num_start: int = 0, points: bool = False,
                 scaled: bool = False) -> None:
        """The fields, as the generated ``__init__`` sets them, but in one step: a frozen
        dataclass sets each with ``object.__setattr__``, which made up a sixth of reading a
        figure (a test pins this signature to the fields)."""
        self.__dict__.update(kind=kind, start=start, end=end, value=value,
                             high_value=high_value, currency=currency, hedge=hedge,
                             num_start=num_start, points=points, scaled=scaled)

    @property
    def low(self) -> float | None:
        if self.hedge == "range" or self.hedge is None:
            return self.value
        return self.value if self.hedge in ("more than", "at least") else None

    @property
    def high(self) -> float | None:
        if self.hedge == "range":
            return self.high_value
        if self.hedge is None:
            return self.value
        return self.value if self.hedge in ("up to", "nearly", "less than") else None


_WORD_SPLIT_RE = re.compile(rf"(?:{_HYPHEN}|\s)+")
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$", re.I)
# but 'the cost ranges from €16 billion to €19 billion' is a range
_RANGES_FROM_RE = re.compile(r"\brang(?:es?|ed|ing)\s+from\s+(?:about\s+|around\s+|roughly\s+)?$",
                             re.I)
# 'raised by €1.3bn to €53.25bn': an increase, then the level it reaches
_BY_BEFORE_RE = re.compile(r"\bby\s+$", re.I)
# '3.5% to 4.0%', '3.5%-4%': the second end of a range of percentages, each with its sign
_PERCENT_RANGE_RE = re.compile(
    rf"\s?(?:to|{_HYPHEN})\s?(\d{{1,2}}(?:\.\d{{1,2}})?)\s?(?:%|per\s?cent|percent)(?![\w.]\d)",
    re.I)
# '€16 billion to €19 billion': a range of two scaled figures, each with its scale
_SCALED_RANGE_RE = re.compile(
    rf"\s?(?:{_HYPHEN}|to)\s?((?:{_alternation(_CURRENCY_PREFIX)})\s?)?({NUMBER})\s?({_SCALE_WORDS})\b"
    rf"\.?(?!\d)", re.I)
_SHARED_UNIT_RE = re.compile(
    rf"\s+(?:and|or|to)\s+(?:\d{{1,2}}(?:\.\d{{1,2}})?)({_PERCENT_RE.pattern})", re.I)
# 'between 5 and 6 percent': the second figure of a range opened by 'between'.
_AND_NEXT_RE = re.compile(rf"\s+and\s+(?:\$|€|£)?({NUMBER})")


_COMMA_DECIMAL_TOKEN = re.compile(r"\d{1,2}\s?,\d{1,2}")
_THOUSANDS_AS_DECIMAL = re.compile(r"\d{1,2},\d{3}")


def parse_number(token: str) -> float:
    """'1,050' -> 1050.0, '4.48' -> 4.48, 'twenty-three' -> 23.0, 'a third' -> 0.333...

    Words of a number may be split by a line break ('one and a\nhalf' in a wrapped page):
    runs of white space are read as one space."""
    t = " ".join(fold(token).split())
    if t in _FRACTIONS:
        return _FRACTIONS[t]
    if t in ("a", "an"):
        return 1.0
    if t == "half" or (t.startswith("half ") and t.split()[-1] in ("a", "an")):
        return 0.5
    if t[:1].isdigit():
        if "," in t and _COMMA_DECIMAL_TOKEN.fullmatch(t):
            return float(t.replace(" ", "").replace(",", "."))
        return float(t.replace(",", "").replace(" ", ""))
    if t.endswith(" and a half"):  # 'two and a half', 'four hundred and six and a half'
        return parse_number(t.removesuffix(" and a half")) + 0.5
    total = 0
    for p in _WORD_SPLIT_RE.split(t):
        if p in _TENS:
            total += _TENS[p]
        elif p in _UNITS:
            total += _UNITS[p]
        elif p == "hundred" and 0 < total < 10:
            total *= 100
        elif p != "and" or total < 100:
            raise ValueError(f"not a number: {token!r}")
    return float(total)


def _may_end_with(window: str, ends: tuple[str, ...], signs: tuple[str, ...] = ()) -> bool:
    """False when no match of a pattern ending at the end of ``window`` can be there: one ends
    with one of ``ends``, perhaps followed by one of ``signs``, then only by spaces.

    Exact as a filter: a match is one of ``ends`` in any case, each of whose letters
    :func:`caseless` lowers to the letter it matched (or the window is tested as it is), and the
    spaces after it are what ``rstrip`` strips (both are ``str.isspace``)."""
    low = caseless(window)
    if low is None:
        return True
    low = low.rstrip()
    if low.endswith(ends):
        return True
    if not signs or not low.endswith(signs):
        return False
    return any(low.endswith(sign) and low[:-len(sign)].rstrip().endswith(ends)
               for sign in signs)


# '1 trillion 133 billion 500 million lira': the parts of a figure written out scale by scale.
_COMPOUND_PART = re.compile(r"\s+(\d{1,3})\s+(trillion|billion|million|thousand)\b", re.I)


def _scaled(value: float, factor: float) -> float:
    return float(round(value * factor)) if factor >= 1e6 else value * factor


def _compound(text: str, value: float, factor: float, end: int) -> tuple[float, int]:
    """``value`` (already scaled by ``factor``) plus the parts written after it in smaller
    scales, each a number below a thousand: 'USD 1 trillion 474 billion 399 million'."""
    while (part := _COMPOUND_PART.match(text, end)) is not None:
        smaller = _SCALES[part.group(2).lower()]
        if smaller >= factor:
            break
        value += int(part.group(1)) * smaller
        factor, end = smaller, part.end()
    return value, end


def approx_sign_before(text: str, pos: int) -> int | None:
    """Where a sign for 'about' stands right before ``pos``, or before it and one space
    ("a prudent step up from today's ~3%", '(≈ $196 million)'); None where none does."""
    sign = pos - 1 if pos > 0 and text[pos - 1] != " " else pos - 2
    return sign if sign >= 0 and text[sign] in _APPROX_SIGNS else None


def _hedge_before(text: str, pos: int) -> tuple[str | None, int]:
    if (sign := approx_sign_before(text, pos)) is not None:
        return "about", sign
    window_start = max(0, pos - 40)
    if not _may_end_with(text[window_start:pos], _HEDGE_ENDS, _HEDGE_SIGNS):
        return None, pos
    m = _HEDGE_RE.search(text, window_start, pos)
    if m:
        return HEDGES[fold(m.group(1))], m.start()
    return None, pos


def find_quantities(text: str) -> list[Quantity]:
    """Every money amount, percentage and plain number in ``text``, left to right, not overlapping.

    A parenthetical conversion right after an amount ('€800 billion ($874 billion)') is folded
    into the first amount, so one figure is never reported twice.
    """
    out: list[Quantity] = []
    pos = 0
    for m in _NUMBER_RE.finditer(text):
        if m.start() < pos:
            continue
        q = _read_quantity(text, m)
        if q is None:
            continue
        q = _fold_conversion(text, q)
        pos = q.end
        if q.kind == "percent" and _minus_before(text, q.num_start):
            continue  # '-1.41%', 'changed by −0.5%': a fall, never a share, target or count
        out.append(q)
        if q.kind == "money" and (after := _NOUN_CONVERSION_RE.match(text, q.end)):
            # 'a €90 billion loan (£79 billion; $105 billion)': the bracket converts the amount
            # a noun after it names, so its figures are no amounts of their own
            pos = after.end()
    for m in _FRACTION_RE.finditer(text) if _may_have_fraction(text) else ():
        if not any(q.start <= m.start() < q.end for q in out):
            out.append(Quantity("number", m.start(), m.end(), _FRACTIONS[fold(m.group())],
                                num_start=m.start()))
    out.sort(key=lambda q: q.start)
    return out


def _minus_before(text: str, at: int) -> bool:
    """Whether the number at ``at`` carries a minus sign ('Change %: -1.41%', '(−0.4%)'): a
    hyphen or minus glued to it after a space or an opening mark. Not at a line's start, where
    '-3.5% of GDP: core defence' is a list's bullet."""
    return at >= 2 and text[at - 1] in "-\u2212" and text[at - 2] in " \t([:;,=/"


def _may_have_fraction(text: str) -> bool:
    """Whether ``text`` can hold one of the fractions: each contains 'half', 'quarter' or
    'rd' ('third'). One in ten sentences passes, so the regex scan is mostly skipped. Exact:
    no character outside ASCII has one of these letters as its lower case or matches one under
    re.IGNORECASE (the 'i' of 'third' has such twins, hence 'rd')."""
    low = text.lower()
    return "half" in low or "quarter" in low or "rd" in low


def _read_quantity(text: str, m: re.Match[str]) -> Quantity | None:
    token = m.group()
    digits = token[:1].isdigit()  # 'twenty' takes no currency sign nor range
    value = parse_number(token)
    start, end = m.start(), m.end()
    num_start = start
    currency = None
    window = text[max(0, start - 5):start] if digits else ""
    prefix = _PREFIX_RE.search(text, max(0, start - 5), start) \
        if digits and _may_end_with(window, _PREFIX_ENDS) else None
    if prefix:
        code = fold(prefix.group().strip())
        glued = prefix.start() > 0 and text[prefix.start() - 1].isalpha()
        if not (code[:1].isalpha() and glued):  # 'EUR 5' yes, 'theEUR 5' or 'years. 5' no
            currency = _CURRENCY_PREFIX[code]
            start = prefix.start()
    high_value = None
    # 'from 1.3 to 2 per cent' is a change between two levels, not a range.
    # The regex only where 'from' is at all: letters without case twins, so the substring test
    # on the lowercase window is exact.
    changes = "from" in text[max(0, start - 25):start].lower() and \
        _FROM_BEFORE_RE.search(text, max(0, start - 25), start) is not None and \
        _RANGES_FROM_RE.search(text, max(0, start - 32), start) is None
    rng = None if changes else _RANGE_RE.match(text, end)
    if rng and digits == rng.group(1)[:1].isdigit():
        second = parse_number(rng.group(1))
        tail = text[rng.end():rng.end() + 20]
        # 'from 2024 to €33,123 million' runs from a year, not from 2,024 million
        year_to_figure = token.isdigit() and 1900 <= value <= 2100 and not 1900 <= second <= 2100
        if second > value and not year_to_figure and (
                _PERCENT_RE.match(tail) or _SCALE_RE.match(tail) or _SUFFIX_RE.match(tail)):
            high_value = second
            end = rng.end()
    scale = _SCALE_RE.match(text, end)
    scaled = False
    # a lone letter scales only a figure in a currency it touches: '$1.5T', not '5 t'
    if scale and not (scale.group(1) in ("m", "b", "k", "t", "M", "B", "K", "T")
                      and (currency is None or scale.group().startswith(" "))):
        factor = _scale(scale.group(1))
        # '₺2.155 trillion' is 2155000000000, not the 2154999999999.9998 the float product is:
        # at a million or more, a figure of at most six decimals scales to a whole number.
        value = _scaled(value, factor)
        if high_value is not None:
            high_value = _scaled(high_value, factor)
        end = scale.end()
        scaled = True
        if currency in (None, "RS") and ("crore" in scale.group(1).lower()
                                         or "lakh" in scale.group(1).lower()):
            # 'a defence allocation of nearly 6.22 lakh crore', 'Rs7.85 lakh crore': India's
            # numbering, India's rupees
            currency = "INR"
        if high_value is None:
            value, end = _compound(text, value, factor, end)
        if high_value is None and not changes and digits and \
                (two := _SCALED_RANGE_RE.match(text, end)) and \
                _scale(two.group(3)) == factor and (two.group(1) is None or (
                    currency is not None
                    and _CURRENCY_PREFIX.get(fold(two.group(1).strip())) == currency)):
            # '€16 billion to €19 billion per year', '$85 billion to $176 billion': one range
            second = _scaled(parse_number(two.group(2)), factor)
            by = _BY_BEFORE_RE.search(text, max(0, start - 6), start) is not None
            if second > value and not (by and second > 3 * value):
                # but 'raised by €1.3bn to €53.25bn' is a change and a level, not 'boost
                # spending by $85 billion to $176 billion'; a range's ends are near each other
                high_value, end = second, two.end()
    suffix = _SUFFIX_RE.match(text, end)
    if suffix and currency is None:
        currency = _CURRENCY_SUFFIX[fold(suffix.group(1))]
        end = suffix.end()
    elif suffix and currency == "USD" and _CURRENCY_SUFFIX[fold(suffix.group(1))] in _DOLLARS:
        # '$33 million Canadian dollars ($24.4 million)': the words name which dollar
        currency = _CURRENCY_SUFFIX[fold(suffix.group(1))]
        end = suffix.end()
    elif scaled and currency is None and (won := _WON_RE.match(text, end)):
        currency, end = "KRW", won.end()  # '61.59 trillion won', never '32 won'
    if scaled and currency in (None, "EUR", "GBP") and value >= 1e12 and \
            _THOUSANDS_AS_DECIMAL.fullmatch(token):
        # 'Defense expenditure in 2019 was 4,483 billion euros': thousands of billions of euros
        # or pounds are no country's spending, so the comma is a decimal comma (4.483 billion).
        value /= 1000
        if high_value is not None:
            high_value /= 1000
    kind = "money" if currency else "number"
    points = False
    if currency is None and not scaled:
        pct = _PERCENT_RE.match(text, end)
        if pct:
            kind = "percent"
            points = "point" in pct.group().lower()
            end = pct.end()
        elif digits and value <= 100 and (shared := _SHARED_UNIT_RE.match(text, end)) and \
                not shared.group(1).lower().lstrip().startswith("percentage"):
            # ('in 2025 to 6.3 percent': a year, then the level; no share is above 100)
            kind = "percent"  # '4.5 and 4 per cent', 'from 1.3 to 2 per cent': one unit for both
        elif digits and start > 0 and text[start - 1] == "%" and \
                (start == 1 or text[start - 2].isspace()) and value <= 100:
            # 'the guideline of spending %2 of GDP': the sign before the figure, as Turkish
            # writes it (Yeni Şafak's English edition)
            kind, start = "percent", start - 1
    hedge, hedge_start = _hedge_before(text, start)
    if kind == "percent" and high_value is None and not changes and not points and \
            (two_pct := _PERCENT_RANGE_RE.match(text, end)) and \
            CHANGE_BEFORE.search(text, max(0, start - 40), start) is None and \
            "from" not in text[max(0, start - 40):start].lower():
        # 'could reach 3.5% to 4.0% of GDP in 2025': one range, each end with its sign (but
        # 'from its current level of 2.3 per cent to 2.5 per cent' and 'up 2% to 3%' are a
        # change; the ends of a range are near each other)
        second = parse_number(two_pct.group(1))
        if value < second <= 1.5 * value:
            high_value, end = second, two_pct.end()
    if high_value is None:
        between = _BETWEEN_RE.search(text, max(0, start - 12), start) \
            if "between" in text[max(0, start - 12):start].lower() else None
        # Only after 'between' is the next figure worth reading (most figures have none).
        and_next = _AND_NEXT_RE.match(text[end:end + 40]) if between else None
        if between and and_next:
            hv = parse_number(and_next.group(1))
            tail_at = end + and_next.end()
            sc = _SCALE_RE.match(text, tail_at)
            if sc and scaled:
                hv *= _scale(sc.group(1))
                tail_at = sc.end()
            elif scaled:
                hv *= value / parse_number(token)
            elif sc and kind in ("number", "money") and sc.group(1).lower() not in ("m", "b", "k"):
                # 'between 2 and 3 billion euros', 'between €2 and €3 billion': the scale and
                # currency written once, after the second figure, are both figures'
                factor = _scale(sc.group(1))
                value, hv, scaled, tail_at = _scaled(value, factor), _scaled(hv, factor), True, \
                    sc.end()
            if scaled and currency is None and (suffix := _SUFFIX_RE.match(text, tail_at)):
                currency, tail_at = _CURRENCY_SUFFIX[fold(suffix.group(1))], suffix.end()
                kind = "money"  # '... and 3 billion euros'
            pct2 = _PERCENT_RE.match(text, tail_at) if kind in ("percent", "number") \
                and not scaled else None
            if pct2 and not pct2.group().lower().lstrip().startswith("percentage"):
                kind, tail_at = "percent", pct2.end()  # 'between 5 and 6 percent'
            elif kind == "percent" and pct2:
                tail_at = pct2.end()
            high_value, hedge, hedge_start, end = hv, "range", between.start(), tail_at
    if high_value is not None:
        hedge, hedge_start = "range", min(hedge_start, start)
    if kind == "number" and scaled:
        kind = "amount"  # '138 billion' without a currency; the extractor may supply one
    return Quantity(kind=kind, start=hedge_start if hedge else start, end=end, value=value,
                    high_value=high_value, currency=currency, hedge=hedge, num_start=num_start,
                    points=points, scaled=scaled)


# '(US$39.3 billion)', and the full-width '（US$39.3 billion）' of East Asian pages
_CONVERSION_RE = re.compile(
    r"\s?[(\[（]\s?(?:approximately |about |around |roughly |some |just over |nearly |almost )?"
    r"[^()\[\]（）]{0,40}[)\]）]")
# ... but not the level an amount rose from or is compared with: '(from about USD 360bn
# presently)', '(up from $2.1 billion)', '(compared with €52 billion)'
# (but '(from $3.7 billion to around $4.2 billion)' converts a change, both ends)
_EARLIER_LEVEL_RE = re.compile(r"\s?[(\[（]\s?(?:up\s+|down\s+)?(?:from(?![^)\]）]*\bto\b)|"
                               r"compared|against|versus|vs)\b", re.I)
# a conversion after the noun an amount qualifies: ' loan (£79 billion; $105 billion)', with a
# currency sign or code inside and no per cent
_NOUN_CONVERSION_RE = re.compile(
    r" [a-z]{3,12} ?[(\[]\s?(?:approximately |about |around |roughly |some )?"
    r"(?:US\$|C\$|A\$|\$|€|£|¥|USD |EUR |GBP )\s?\d[^()\[\]%]{0,40}[)\]]")
# '300 billion Swedish kronor, or around 28 billion euros, in defense': a conversion too, when
# the second amount has its own currency and ends the phrase
_OR_CONVERSION_RE = re.compile(
    rf",\s+or\s+(?:approximately |about |around |roughly |some |nearly |almost )?"
    rf"(?P<prefix>(?:{_alternation(_CURRENCY_PREFIX)})\s?)?\d[\d.,]*\d?"
    rf"(?:\s?(?:{_SCALE_WORDS})\b)?(?:\s?(?P<suffix>{_alternation(_CURRENCY_SUFFIX)})\b)?"
    rf"(?=\s*[,.;)]|\s*$)", re.I)


def _fold_conversion(text: str, q: Quantity) -> Quantity:
    if q.kind not in ("money", "amount"):
        return q
    m = _CONVERSION_RE.match(text, q.end)
    if not m and q.kind == "money" and text.startswith(", or ", q.end):
        m = _OR_CONVERSION_RE.match(text, q.end)
        if m and not (m.group("prefix") or m.group("suffix")):
            m = None  # ', or 300 more': no currency, no conversion
    if not m:
        return q
    inner = m.group()
    if _EARLIER_LEVEL_RE.match(inner):
        return q  # '(from about USD 360bn presently)': the level before, a figure of its own
    if any(c.isdigit() for c in inner) and ("%" not in inner and "percent" not in inner.lower()):
        return Quantity(kind=q.kind, start=q.start, end=m.end(), value=q.value,
                        high_value=q.high_value, currency=q.currency, hedge=q.hedge,
                        num_start=q.num_start, points=q.points, scaled=q.scaled)
    return q
