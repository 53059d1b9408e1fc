"""What a verdict is made of: the claim as verification reads it, the evidence, a judgement
against one edition or record set, and the verdict at publication and now; with the rounding a
stated figure allows, which every judge applies the same way."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

import pandas as pd

SUPPORTED, CONTRADICTED, UNVERIFIABLE = "supported", "contradicted", "unverifiable"


class ClaimLike(Protocol):
    """What verification reads of a claim (the extractor's Claim has it all)."""

    @property
    def type(self) -> str: ...

    @property
    def subject(self) -> str | None: ...

    @property
    def year(self) -> int | None: ...

    @property
    def value(self) -> float | None: ...

    @property
    def unit(self) -> str | None: ...

    @property
    def hedge(self) -> str | None: ...

    @property
    def low(self) -> float | None: ...

    @property
    def high(self) -> float | None: ...

    @property
    def target_pct(self) -> float | None: ...

    @property
    def total(self) -> int | None: ...

    @property
    def deadline(self) -> int | None: ...


@dataclass
class Evidence:
    figure: float | None
    edition: str
    table: str
    source_url: str
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"figure": self.figure, "edition": self.edition, "table": self.table,
                "source_url": self.source_url, "note": self.note}


@dataclass
class Judgement:
    verdict: str
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    edition: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "reason": self.reason, "edition": self.edition,
                "evidence": [e.as_dict() for e in self.evidence]}


@dataclass
class Verdict:
    """The verdict at publication time and, where it differs, in the latest edition."""

    verdict: str
    summary: str
    at_publication: Judgement | None
    latest: Judgement

    def as_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "summary": self.summary,
                "at_publication": self.at_publication.as_dict() if self.at_publication else None,
                "latest": self.latest.as_dict()}


def interval(claim: ClaimLike) -> tuple[float, float]:
    """The values a claim allows, given its hedge and the precision it was stated with."""
    v = float(claim.value) if claim.value is not None else math.nan
    step = _rounding(v, claim.unit)
    hedge = (claim.hedge or "").lower()
    lo = claim.low if claim.low is not None else None
    hi = claim.high if claim.high is not None else None
    if hedge == "range" and lo is not None and hi is not None:
        return lo - step, hi + step
    if hedge in ("more than", "over", "above", "exceeding"):
        return v + 1e-9, math.inf
    if hedge in ("at least",):
        # a share 'at least 2%' (or an ally that 'achieved' 2%) is 2% as NATO rounds it, not
        # the 1.5% the written digits would allow: Slovakia's 1.74% did not reach it
        return v - (min(step, 0.005) if claim.unit == "pct_gdp" else step), math.inf
    if hedge in ("up to", "at most"):
        return -math.inf, v + step
    if hedge in ("less than", "under", "below"):
        return -math.inf, v + 1e-9
    if hedge in ("nearly", "almost", "close to", "just under"):
        return v - max(step, abs(v) * 0.1), v + 1e-9  # at or below: 2.03% is not 'nearly 2%'
    if hedge in ("about", "around", "roughly", "some", "approximately", "an estimated"):
        # a share 'about 1.35%' covers its written digits, as a plain one does: a writer
        # who gives two decimals is not 5% off; money is converted and rounded more freely
        slack = step if claim.unit == "pct_gdp" else max(step, abs(v) * 0.05)
        return v - slack, v + slack
    return v - step, v + step


def _rounding(v: float, unit: str | None) -> float:
    """Half a unit of the last digit the claim states (2.1% -> 0.05; $1.05bn -> $5m)."""
    if math.isnan(v) or v == 0:
        return 0.0
    if unit == "count":
        return 0.0
    return _step(v, unit == "pct_gdp")


@lru_cache(maxsize=4096)
def _step(v: float, pct: bool) -> float:
    """:func:`_rounding` of a number neither zero nor NaN, kept per value: the same figure is
    rounded several times per claim (its interval, tolerance and fit) and the formatting it
    takes costs more than a lookup."""
    if pct:
        text = f"{v:.4f}".rstrip("0").rstrip(".")
        decimals = len(text.split(".")[1]) if "." in text else 0
        return 0.5 * 10 ** -decimals + 1e-9
    # Money is written in its scale word ('$60 billion', '€1.05bn'): a unit of the last digit
    # before the word, so '$60 billion' is 59.5-60.5bn, as the gold readers read it, not
    # 55-65bn as its trailing zero would make it.
    scale = next((x for x in (1e12, 1e9, 1e6) if abs(v) >= x), None)
    if scale is None:
        digits = f"{abs(v):.0f}".rstrip("0") or "1"
        exponent = math.floor(math.log10(abs(v))) - len(digits) + 1
        return 0.5 * 10 ** exponent
    text = f"{abs(v) / scale:.6f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10 ** -decimals * scale


def _stated(claim: ClaimLike) -> str:
    hedge = f"{claim.hedge} " if claim.hedge and claim.hedge != "range" else ""
    if claim.hedge == "range" and claim.low is not None and claim.high is not None:
        return f"{claim.low:g}-{claim.high:g}"
    v = claim.value if claim.value is not None else math.nan
    if claim.unit == "pct_gdp":
        return f"{hedge}{v:g}%"
    if claim.unit == "count":
        return f"{hedge}{v:g}"
    return f"{hedge}{money(v)} {claim.unit}"


def money(v: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            return f"{v / scale:,.4g} {word}"
    return f"{v:,.0f}"


def as_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Plain dicts with None for missing: a few rows are cheaper to scan than to filter."""
    return [{k: (None if pd.isna(v) else v) for k, v in r.items()}
            for r in df.to_dict(orient="records")]
