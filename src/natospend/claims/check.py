"""The whole checker: read an input, find its claims, judge each one against the data."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from functools import cache
from typing import Any

import pandas as pd

from natospend.claims.extract import Claim, extract
from natospend.claims.page import Page, PageTooLargeError, looks_like_html, read_page
from natospend.claims.text import NotTextError, decode
from natospend.claims.verify import verify
from natospend.output import whole_numbers
from natospend.sources import fx

MAX_INPUT_BYTES = 100 * 1024 * 1024


class InputError(ValueError):
    """The input cannot be checked as given: empty, too large, binary, a bad date."""


def _decoded(data: bytes | str, name: str) -> str:
    """The input as text, or InputError when it is too large, binary or not UTF-8."""
    size = len(data)
    if size > MAX_INPUT_BYTES:
        raise InputError(f"{name} is {size / 1e6:.0f} MB; the limit is "
                         f"{MAX_INPUT_BYTES // 1024 // 1024} MB")
    try:
        return decode(data, name) if isinstance(data, bytes) else data
    except NotTextError as exc:
        raise InputError(str(exc)) from None


def read_article(data: bytes | str, name: str = "input") -> Page:
    """What a user handed us, read: text from bytes or str, or an HTML page reduced to its
    article with what the page says of itself (``Page.html``; its ``published`` is the page's
    own date, which a date the user gives overrides). Refuses empty, oversized, binary and
    non-UTF-8 input, and pages too large to read."""
    text = _decoded(data, name)
    article = Page(text, html=False)
    if looks_like_html(text):
        try:
            article = read_page(text)
        except PageTooLargeError as exc:
            raise InputError(f"{name}: {exc}") from None
    if not article.text.strip():
        raise InputError(f"{name} is empty: there is no text to check")
    return article


def read_text(data: bytes | str, name: str = "input") -> str:
    """:func:`read_article`'s text alone."""
    return read_article(data, name).text


def read_lines(data: bytes | str, name: str = "input") -> list[str]:
    """The lines of a JSONL batch, read whole and validated before any line is checked, so a
    binary or non-UTF-8 file is refused before anything is written, not halfway through."""
    text = _decoded(data, name)
    if not text.strip():
        raise InputError(f"{name} is empty: there are no lines to check")
    return text.splitlines()


def parse_date(value: str | date | None) -> date | None:
    """A publication date from what a user or a JSON line gave (None: none given), or
    InputError naming it: a number or a list from a JSON body is refused like a bad string."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError, TypeError):
        raise InputError(f"publication date {value!r} is not a date YYYY-MM-DD") from None


def publication_date(given: str | date | None, article: Page) -> tuple[date | None, str | None]:
    """The date an article is read against, and where it came from: the one the user gave
    ("option"), else a saved page's own ("page"), else none. The one rule every face applies;
    InputError for a given date that is not one (an empty form field is none given)."""
    day = parse_date(given or None)
    if day is not None:
        return day, "option"
    if article.published is not None:
        return article.published, "page"
    return None, None


DEFAULT_MIN_CONFIDENCE = 0.8
"""The minimum confidence a claim needs to be reported when none is asked for.

Why not every claim: the issue asks that users can trust what the checker reports more than
they miss what it skips, and a wrong claim gives a wrong verdict. 0.8 is the minimum, among 0,
0.5, 0.6, 0.7, 0.8, 0.9 and 0.95, with the best F0.5 (precision weighted twice recall) held out
one round at a time over rounds 4-19 (docs/benchmarks.md), chosen before round 20 was scored.
``min_confidence=0`` reports every claim, as the rules alone always do."""


def check(text: str, published: str | date | None = None, *, learned: bool = True,
          min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Each claim in ``text`` with its verdict, evidence and sources, in reading order.

    The figures are typed, and their years and subjects chosen, by the learned layers over the
    rules (``extract(learned=True)``): on every blind round since they were built they found
    more claims, and fewer wrong ones, than the rules alone, and chose more subjects and years
    right. ``learned=False`` gives the rules alone, about 1.5-1.8 times faster, for bulk work
    where speed matters more. The figures of each round are in docs/benchmarks.md, the one
    place they are kept up to date.

    ``min_confidence`` keeps only the claims whose type the learned layer gave at least that
    probability: fewer claims, more of them right (docs/benchmarks.md has the trade held out
    round by round). Without it, :data:`DEFAULT_MIN_CONFIDENCE`; 0 keeps every claim. Only the
    learned layers give a confidence, so the rules alone keep every claim and take no
    minimum."""
    return check_counted(text, published, learned=learned, min_confidence=min_confidence)[0]


def check_counted(text: str, published: str | date | None = None, *, learned: bool = True,
                  min_confidence: float | None = None) -> tuple[list[dict[str, Any]], int]:
    """:func:`check`, and how many claims the minimum confidence left out, so that a report can
    say there were more."""
    day = parse_date(published)
    threshold = confidence_threshold(min_confidence, learned)
    claims = extract(text, day, learned=learned)
    kept = claims if threshold is None else [c for c in claims
                                             if confident(c.confidence, threshold)]
    if kept:
        _load_rates()
    return [report(c, day) for c in kept], len(claims) - len(kept)


def confidence_threshold(value: float | str | None, learned: bool = True,
                         default: float | None = DEFAULT_MIN_CONFIDENCE) -> float | None:
    """``value`` as a probability to filter claims on (None: no filter), or InputError saying
    what is wrong. No value is ``default`` with the learned layers (a report's
    :data:`DEFAULT_MIN_CONFIDENCE`; a store listing passes None), no filter with the rules
    alone; 0 is no filter."""
    if value is None or value == "":
        return default if learned else None
    try:
        threshold = float(value)
    except (TypeError, ValueError):
        raise InputError(f"minimum confidence {value!r} is not a number between 0 and 1"
                         ) from None
    if not 0.0 <= threshold <= 1.0:
        raise InputError(f"minimum confidence {threshold:g} is not between 0 and 1")
    if not learned and threshold > 0:
        raise InputError("a minimum confidence needs the learned layers: the rules alone give "
                         "no confidence")
    return threshold or None


def confident(confidence: float | None, threshold: float) -> bool:
    """Whether a claim's confidence reaches ``threshold``: the one test every filter on it
    makes (a claim without one, from the rules alone, does not; the store's SQL agrees)."""
    return confidence is not None and confidence >= threshold


@cache
def _load_rates() -> None:
    """Read the ECB rates file (about 0.3 s) with the rest of the verification data, at the
    first check with claims, not at the first amount that needs converting: the cost is paid
    once up front instead of in the middle of a batch. The converter is the same either way."""
    fx.quoted_currencies()


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))


def report(claim: Claim, published: date | None) -> dict[str, Any]:
    v = verify(claim, published)
    # A shallow copy, in field order: a Claim holds only scalars and tuples, so it equals what
    # dataclasses.asdict gives without its recursive deep copy, which cost more than verifying.
    row = {name: getattr(claim, name) for name in _CLAIM_FIELDS}
    row["span"] = list(claim.span)
    row.update({"verdict": v.verdict, "summary": v.summary,
                "at_publication": v.at_publication.as_dict() if v.at_publication else None,
                "latest": v.latest.as_dict()})
    return row


def segments(text: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut at claim spans, for highlighting: plain pieces and claim pieces in order.
    Overlapping spans keep the first claim; the caller escapes every piece."""
    out: list[dict[str, Any]] = []
    pos = 0
    for i, r in sorted(enumerate(rows), key=lambda p: p[1]["span"][0]):
        start, end = r["span"]
        if start < pos:
            continue
        if start > pos:
            out.append({"text": text[pos:start], "claim": None})
        out.append({"text": text[start:end], "claim": i, "verdict": r["verdict"]})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "claim": None})
    return out


def frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Reports as a DataFrame, one row per claim: years, totals and deadlines stay whole numbers
    with the missing ones missing (pandas would make them floats, '2026.0' in JSON)."""
    df = pd.DataFrame(rows, columns=list(rows[0]) if rows else ["quote", "type", "verdict"])
    return whole_numbers(df, ("year", "total", "deadline"))


def check_frame(text: str | bytes, published: str | date | None = None, *, learned: bool = True,
                min_confidence: float | None = None) -> pd.DataFrame:
    """:func:`check` as a DataFrame, one row per claim, for notebooks.

    ``text`` is read as ``natospend check`` reads a file (:func:`read_article`): bytes are
    decoded, and a saved web page is reduced to its article, whose own publication date is used
    unless ``published`` gives one. ``attrs`` holds the publication date and where it came from
    (``published_from``: "option", "page" or None), a page's title and address, the minimum
    confidence used and how many claims it left out. Blank text has no claims."""
    blank = isinstance(text, str) and not text.strip()
    article = Page("", html=False) if blank else read_article(text, "the text")
    day, published_from = publication_date(published, article)
    rows, left_out = check_counted(article.text, day, learned=learned,
                                   min_confidence=min_confidence)
    df = frame(rows)
    df.attrs.update({"published": str(day) if day else None,
                     "published_from": published_from,
                     "title": article.title, "url": article.url,
                     "claims": len(rows),
                     "min_confidence": confidence_threshold(min_confidence, learned),
                     "left_out": left_out})
    return df
