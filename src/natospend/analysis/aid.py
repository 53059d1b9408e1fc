"""Aid to Ukraine: Kiel's allocations by donor, month or type, and the announced packages.

Two different things, kept apart: Kiel's tracker counts *allocations* (aid delivered or earmarked
for specific items) per month, one release at a time; a *package* is what a government announced
on a day, in its own currency. A news claim may be about either, so both are here, each with the
release, sources and assumptions in ``DataFrame.attrs``.
"""

from __future__ import annotations

import difflib
import io
import re
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import pandas as pd

from natospend import countries
from natospend.dataset import DataNotFoundError
from natospend.sources import fx
from natospend.sources.fx import Conversion, RateNotFoundError

AID_TYPES = ("military", "financial", "humanitarian")
BY = ("donor", "month", "type")
ECB = {"title": fx.ECB_SOURCE, "path": fx.ECB_RATES_URL}
PACKAGE_CAVEATS = [
    "Packages are announcements as reported, not deliveries; some rows overlap or are parts of "
    "others, some are loans or multi-year envelopes (see each row's note): do not sum blindly.",
    "Where sources disagree on a figure, both are kept as rows with the same package_id.",
    "A joint donor (DNK+NOR+SWE) is a package whose national shares were not published; it is "
    "listed under each of its donors.",
    "EUR and US$ at the ECB reference rate of the announcement date, or of the nearest earlier "
    "fixing where that day had none (rate_note says which).",
]


class AidInputError(ValueError):
    """A question the aid data cannot answer as asked: an unknown grouping, type or date."""


class AmountError(AidInputError):
    """Text that is not an amount of money ('12 gazillion')."""


class UnknownDonorError(countries.UnknownCountryError):
    """A donor that is not in Kiel's tracker nor in the curated packages."""


class NoAidDataError(DataNotFoundError):
    """A filter that leaves nothing: the message says what the data covers."""


AID_ERRORS: tuple[type[Exception], ...] = (AidInputError, countries.UnknownCountryError,
                                           DataNotFoundError, RateNotFoundError)


@cache
def _table(name: str) -> pd.DataFrame:
    try:
        text = resources.files("natospend.data").joinpath(name).read_text("utf-8")
    except FileNotFoundError:
        raise NoAidDataError(f"the aid file {name} is not in the installed dataset; run "
                             "`natospend build-data`") from None
    return pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""],
                       dtype={"release": str})


def release_info() -> dict[str, str]:
    """The Kiel release the shipped figures come from: number, period, publication date."""
    return dict(_release())


@cache
def _release() -> dict[str, str]:
    """:func:`release_info`, read once: verifying an aid claim cites it, and a pandas row per
    claim cost more than the check itself. Callers get a copy, so this one stays as read."""
    return {k: str(v) for k, v in _table("aid_kiel_release.csv").iloc[0].items()}


def donors() -> pd.DataFrame:
    """Every donor in Kiel's tracker: ISO code, name, NATO membership, GDP (EUR bn)."""
    return _table("aid_donors.csv").copy()


def weapons(donor: str | None = None) -> pd.DataFrame:
    """Kiel's heavy-weapons deliveries by donor and category, with their EUR value."""
    df = _table("aid_kiel_weapons.csv")
    if donor is not None:
        df = df[df["iso3"] == resolve_donor(donor)]
    return df.reset_index(drop=True)


@cache
def _package_donors() -> frozenset[str]:
    return frozenset(d for cell in _table("aid_packages.csv")["donor"] for d in cell.split("+"))


@cache
def _donor_index() -> tuple[frozenset[str], dict[str, str]]:
    """Every donor code we know, and the names and codes that lead to them (built once)."""
    table = _table("aid_donors.csv")
    known = frozenset(set(table["iso3"]) | _package_donors())
    index = {c.casefold(): c for c in known}
    index |= {n.casefold(): c for n, c in zip(table["name"], table["iso3"], strict=True)}
    index |= {"european union": "EU", "eu institutions": "EU"}
    return known, index


def resolve_donor(name: str) -> str:
    """ISO code (or ``EU``) of a donor from a Kiel name, an ISO code or any ally alias.

    Aid donors are not only allies (Japan, Switzerland, the EU institutions), so NATO's name
    list alone would refuse half of them; the EU group resolves to the EU institutions, the
    only EU donor Kiel counts apart from its members.
    """
    known, index = _donor_index()
    key = name.strip().casefold()
    if key in index:
        return index[key]
    try:
        code = countries.resolve(name)
    except countries.UnknownCountryError:
        code = None
    if code in known:
        return str(code)
    if code is not None:
        raise UnknownDonorError(f"{name!r} ({code}) is not a donor in Kiel's tracker (release "
                                f"{release_info()['release']}) nor in the curated packages")
    close = difflib.get_close_matches(key, list(index), n=3, cutoff=0.6)
    labels = dict(zip(donors()["iso3"], donors()["name"], strict=True))
    shown = dict.fromkeys(f"{labels.get(index[c], index[c])} ({index[c]})" for c in close)
    hint = f" (did you mean {', '.join(shown)}?)" if shown else ""
    raise UnknownDonorError(f"unknown donor {name!r}{hint}; donors are the "
                            f"{len(donors())} countries and institutions in Kiel's tracker, by "
                            "name or ISO code (JPN, CHE, EU, ...)")


def _period(text: str | None, end: bool) -> str | None:
    """'2022', '2022-03' or '2022-03-15' as the first (or last) day it covers, ISO format."""
    if text is None:
        return None
    t = str(text).strip()
    try:
        if re.fullmatch(r"\d{4}", t):
            return f"{t}-12-31" if end else f"{t}-01-01"
        if re.fullmatch(r"\d{4}-\d{2}", t):
            first = date.fromisoformat(f"{t}-01")
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return (last if end else first).isoformat()
        return date.fromisoformat(t).isoformat()
    except ValueError:
        pass
    raise AidInputError(f"date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")


def _dates(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    start, end = _period(since, end=False), _period(until, end=True)
    if start and end and start > end:
        raise AidInputError(f"since {since} is after until {until}")
    return start, end


def _monthly() -> pd.DataFrame:
    df = _table("aid_kiel_monthly.csv").merge(
        _table("aid_donors.csv")[["iso3", "name", "nato_ally", "gdp_eur_bn"]], on="iso3")
    return df.rename(columns={"name": "donor"})


def _span(df: pd.DataFrame) -> str:
    return f"{df['month'].min()} to {df['month'].max()}"


def aid(by: str = "donor", donor: str | None = None, since: str | None = None,
        until: str | None = None, aid_type: str | None = None) -> pd.DataFrame:
    """Kiel's allocations summed by donor, month or type, in EUR and US$ billion, and as a
    share of the donor's GDP where that means something (one donor, or per donor)."""
    if by not in BY:
        raise AidInputError(f"by {by!r}: use one of {', '.join(BY)}")
    if aid_type is not None and aid_type not in AID_TYPES:
        raise AidInputError(f"aid type {aid_type!r}: use one of {', '.join(AID_TYPES)}")
    start, end = _dates(since, until)
    df = _monthly()
    everything = df
    code = resolve_donor(donor) if donor is not None else None
    if code is not None:
        df = df[df["iso3"] == code]
        if df.empty:
            raise NoAidDataError(f"Kiel's tracker has no allocations for {code}; it lists "
                                 "the donor in packages only (see `packages`)")
    if start:
        df = df[df["month"] >= start[:7]]
    if end:
        df = df[df["month"] <= end[:7]]
    if df.empty:
        who = f" for {code}" if code else ""
        raise NoAidDataError(f"no Kiel allocations{who} between {since or 'the start'} and "
                             f"{until or 'the end'}; release {release_info()['release']} "
                             f"covers {_span(everything)}")
    types = [aid_type] if aid_type else list(AID_TYPES)
    column = f"{aid_type}_eur_bn" if aid_type else "total_eur_bn"
    df = df.assign(eur_bn=df[column], usd_bn=df[column] * df["usd_per_eur"],
                   **{f"{t}_usd_bn": df[f"{t}_eur_bn"] * df["usd_per_eur"] for t in types})
    if by == "donor":
        out = _by_donor(df, types)
    elif by == "month":
        out = _by_month(df, types, code)
    else:
        out = _by_type(df, types, code)
    out["release"] = release_info()["release"]
    out.attrs.update(_aid_attrs(df, by, code, since, until, aid_type))
    return out.reset_index(drop=True)


def _share(amount: pd.Series, gdp: pd.Series) -> pd.Series:
    return amount / gdp.where(gdp > 0) * 100


def _by_donor(df: pd.DataFrame, types: list[str]) -> pd.DataFrame:
    sums = {"eur_bn": "sum", "usd_bn": "sum", "first_month": "min", "last_month": "max"}
    g = df.assign(first_month=df["month"], last_month=df["month"]).groupby(
        ["iso3", "donor", "nato_ally", "gdp_eur_bn"], dropna=False)
    extra = [f"{t}_eur_bn" for t in types] + (["commitments_eur_bn"] if len(types) > 1 else [])
    out = g.agg(sums | {c: "sum" for c in extra}).reset_index()
    out["pct_gdp"] = _share(out["eur_bn"], out["gdp_eur_bn"])
    cols = ["iso3", "donor", "nato_ally", "first_month", "last_month", "eur_bn", "usd_bn",
            "pct_gdp"] + (extra if len(types) > 1 else [])
    return out.sort_values("eur_bn", ascending=False)[cols]


def _by_month(df: pd.DataFrame, types: list[str], code: str | None) -> pd.DataFrame:
    extra = [f"{t}_eur_bn" for t in types] if len(types) > 1 else []
    out = df.groupby("month").agg(
        eur_bn=("eur_bn", "sum"), usd_bn=("usd_bn", "sum"),
        donors=("eur_bn", lambda s: int((s > 0).sum())), **{c: (c, "sum") for c in extra},
        usd_per_eur=("usd_per_eur", "first")).reset_index()
    if code is not None:
        out["pct_gdp"] = _share(out["eur_bn"], pd.Series(df["gdp_eur_bn"].iloc[0],
                                                          index=out.index))
    return out


def _by_type(df: pd.DataFrame, types: list[str], code: str | None) -> pd.DataFrame:
    rows = [{"type": t, "eur_bn": df[f"{t}_eur_bn"].sum(), "usd_bn": df[f"{t}_usd_bn"].sum()}
            for t in types]
    out = pd.DataFrame(rows)
    total = df["total_eur_bn"].sum()
    out["share_of_total_pct"] = out["eur_bn"] / total * 100 if total else float("nan")
    if code is not None:
        out["pct_gdp"] = _share(out["eur_bn"], pd.Series(df["gdp_eur_bn"].iloc[0],
                                                          index=out.index))
    return out


def _aid_attrs(df: pd.DataFrame, by: str, code: str | None, since: str | None,
               until: str | None, aid_type: str | None) -> dict[str, Any]:
    rel = release_info()
    return {
        "release": rel["release"], "release_label": rel["label"], "published": rel["published"],
        "period": rel["period"], "by": by, "donor": code, "since": since, "until": until,
        "aid_type": aid_type or "all", "months": _span(df), "unit": "EUR billion",
        "total_eur_bn": float(df["eur_bn"].sum()), "total_usd_bn": float(df["usd_bn"].sum()),
        "sources": [{"title": f"Kiel Institute for the World Economy, {rel['label']}",
                     "path": rel["url"]}, ECB],
        "assumptions": [
            "Kiel's allocations: aid delivered or earmarked for specific items; commitments "
            "also count what is still to be allocated.",
            "US$ at the ECB's average EUR/USD reference rate of each allocation month (Kiel's "
            "figures are in EUR).",
            "% of GDP uses Kiel's single GDP figure per donor; the EU institutions have none.",
            "A month without a row in Kiel's data had no allocation recorded for that donor.",
        ],
    }


_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
          "b": 1e9, "bn": 1e9, "billion": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12}
_CURRENCY = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "us$": "USD",
             "usd": "USD", "dollars": "USD", "£": "GBP", "gbp": "GBP"}
_MONEY = re.compile(rf"^(?P<pre>€|us\$|\$|£|eur|usd|gbp)?\s*{_NUMBER}\s*"
                    rf"(?P<scale>{'|'.join(sorted(_SCALE, key=len, reverse=True))})?\s*"
                    r"(?P<post>euros?|eur|usd|dollars|gbp)?$", re.IGNORECASE)


def parse_money(text: str) -> tuple[float, str | None]:
    """An amount and its currency (None when not stated) from '100m', '€1.5bn', '$500 million'.

    Refuses anything else rather than reading the digits it can find: '12 gazillion' is not
    12, and a filter built on a misread amount would silently hide packages.
    """
    m = _MONEY.match(str(text).strip())
    if not m or (m["pre"] and m["post"]):
        raise AmountError(f"cannot read {text!r} as an amount: expected a number with an "
                          "optional k, m, bn or tn and currency, e.g. 100m, €1.5bn, $500 million")
    value = float(m["num"].replace(",", "")) * _SCALE.get((m["scale"] or "").lower(), 1.0)
    cur = m["pre"] or m["post"]
    return value, (_CURRENCY[cur.lower()] if cur else None)


def parse_amount(text: str) -> float:
    """The number in '100m' (1e8), '1.5bn', '€200 million'; see :func:`parse_money`."""
    return parse_money(text)[0]


def convert(amount: float, currency: str, on_date: date | str, to: str = "EUR") -> Conversion:
    """``amount`` in ``to`` at the ECB reference rate of ``on_date`` (or the nearest earlier
    fixing, said in ``.note``); raises RateNotFoundError for currencies the ECB does not quote."""
    day = date.fromisoformat(on_date) if isinstance(on_date, str) else on_date
    return fx.convert(amount, currency, day, to)


def packages(since: str | None = None, donor: str | None = None,
             min_amount: float | str | None = None, until: str | None = None,
             aid_type: str | None = None) -> pd.DataFrame:
    """Announced packages (curated, each with its source), with EUR and US$ amounts.

    ``min_amount`` is in EUR unless it names US$ ('$500m'); packages without a conversion (a
    currency the ECB does not quote) cannot be compared and are listed in attrs instead.
    """
    df = _table("aid_packages.csv").copy()
    start, end = _dates(since, until)
    names = dict(zip(donors()["iso3"], donors()["name"], strict=True))
    df.insert(3, "donor_name", df["donor"].map(
        lambda c: " + ".join(names.get(d, countries.ally_name(d)) for d in c.split("+"))))
    df.insert(4, "joint", df["donor"].str.contains("+", regex=False))
    code = resolve_donor(donor) if donor is not None else None
    if code is not None:
        df = df[df["donor"].str.split("+").map(lambda ds: code in ds)]
    if aid_type is not None:
        if aid_type not in (*AID_TYPES, "mixed"):
            raise AidInputError(f"aid type {aid_type!r}: use one of {', '.join(AID_TYPES)}, mixed")
        df = df[df["aid_type"] == aid_type]
    if start:
        df = df[df["announced"] >= start]
    if end:
        df = df[df["announced"] <= end]
    not_compared: list[str] = []
    if min_amount is not None:
        value, cur = ((float(min_amount), None) if isinstance(min_amount, int | float)
                      else parse_money(min_amount))
        if cur not in (None, "EUR", "USD"):
            raise AidInputError(f"minimum {min_amount!r}: give it in EUR or US$")
        column = "amount_usd" if cur == "USD" else "amount_eur"
        not_compared = list(df.loc[df[column].isna(), "package_id"])
        df = df[df[column] >= value]
    if df.empty:
        everything = _table("aid_packages.csv")
        raise NoAidDataError(
            f"no announced packages{f' by {code}' if code else ''} match (since={since}, "
            f"until={until}, min={min_amount}, type={aid_type}); the curated list has "
            f"{len(everything)} rows from {everything['announced'].min()} to "
            f"{everything['announced'].max()}")
    df = df.sort_values(["announced", "package_id"]).reset_index(drop=True)
    df.attrs.update({
        "count": len(df), "donor": code, "since": since, "until": until,
        "min_amount": min_amount, "not_compared": not_compared,
        "sources": [{"title": "natospend curated packages: one source URL per row "
                     "(curated/AID_SOURCES.md)", "path": "source_url column"}, ECB],
        "assumptions": PACKAGE_CAVEATS})
    return df


@cache
def _packages_by_donor() -> dict[str, list[dict[str, Any]]]:
    """Announced packages as records, indexed by each donor of the package (joint ones under
    every donor, and all of them under ``_JOINT``), so matching a claim touches a handful of
    rows, not the table."""
    out: dict[str, list[dict[str, Any]]] = {}
    for r in _table("aid_packages.csv").to_dict(orient="records"):
        r["announced_date"] = date.fromisoformat(str(r["announced"]))
        donors = str(r["donor"]).split("+")
        for d in donors:
            out.setdefault(d, []).append(r)
        if len(donors) > 1:
            out.setdefault(_JOINT, []).append(r)
    return out


def match_package(donor: str, amount: float, currency: str, on_date: date | str,
                  tolerance: float = 0.05, window_days: int = 45) -> pd.DataFrame:
    """Announced packages that could be the one a claim reports: same donor (or a joint
    package with it), announced within ``window_days`` before or after ``on_date``, with an
    amount within ``tolerance`` (a fraction) of ``amount`` once both are in ``currency``.

    News converts at its own rate and rounds, so candidates come back ranked by closeness with
    the difference shown, rather than as one yes/no; an empty frame means no candidate.
    """
    day = date.fromisoformat(on_date) if isinstance(on_date, str) else on_date
    code = resolve_donor(donor)
    cur = currency.upper()
    df = pd.DataFrame(_package_candidates(code, amount, cur, day, tolerance, window_days))
    if not df.empty:
        df = df.reindex(df["difference_pct"].abs().sort_values().index).reset_index(drop=True)
    df.attrs.update({"donor": code, "amount": amount, "currency": cur, "date": day.isoformat(),
                     "tolerance": tolerance, "window_days": window_days,
                     "assumptions": PACKAGE_CAVEATS})
    return df


def match_package_records(donor: str, amount: float, currency: str, on_date: date | str,
                          tolerance: float = 0.05,
                          window_days: int = 45) -> list[dict[str, Any]]:
    """The rows of :func:`match_package` as plain dicts, closest first.

    For checking many claims: most find no candidate, and building (then filtering) a
    DataFrame for each cost more than everything else in verifying it.
    """
    day = date.fromisoformat(on_date) if isinstance(on_date, str) else on_date
    rows = _package_candidates(resolve_donor(donor), amount, currency.upper(), day, tolerance,
                               window_days)
    return sorted(rows, key=lambda r: abs(r["difference_pct"]))


def match_joint_package_records(amount: float, currency: str, on_date: date | str,
                                tolerance: float = 0.05,
                                window_days: int = 45) -> list[dict[str, Any]]:
    """Packages several donors funded together ('eight Nordic and Baltic countries pooled $500
    million for PURL') that could be the one a claim about a group of donors reports: as
    :func:`match_package_records`, over every joint package whoever its donors."""
    day = date.fromisoformat(on_date) if isinstance(on_date, str) else on_date
    rows = _package_candidates(_JOINT, amount, currency.upper(), day, tolerance, window_days)
    return sorted(rows, key=lambda r: abs(r["difference_pct"]))


_JOINT = "+"  # the key of joint packages in _packages_by_donor


def _package_candidates(code: str, amount: float, cur: str, day: date, tolerance: float,
                        window_days: int) -> list[dict[str, Any]]:
    """Packages of donor ``code`` near ``day`` whose amount in ``cur`` is within
    ``tolerance`` of ``amount``, in the table's order, with the difference."""
    rows = []
    for r in _packages_by_donor().get(code, []):
        days = (r["announced_date"] - day).days
        if abs(days) > window_days:
            continue
        if r["currency"] == cur:
            value = float(r["amount"])
        elif cur in ("EUR", "USD") and pd.notna(r[f"amount_{cur.lower()}"]):
            value = float(r[f"amount_{cur.lower()}"])
        else:
            try:
                value = convert(float(r["amount"]), r["currency"], r["announced"], cur).value
            except RateNotFoundError:
                continue
        difference = (value - amount) / amount * 100
        if abs(difference) <= tolerance * 100:
            rows.append({k: v for k, v in r.items() if k != "announced_date"}
                        | {"days_from_date": days, "amount_in_claim_currency": value,
                           "difference_pct": difference})
    return rows


def totals(subject: str | None = None) -> pd.DataFrame:
    """Multi-donor totals as sources stated them (UDCG, EU, PURL, ...): overlapping, never to
    be summed, each with its source."""
    df = _table("aid_totals.csv").copy()
    if subject is not None:
        df = df[df["subject"] == subject.upper()]
        if df.empty:
            raise NoAidDataError(f"no stated totals for {subject!r}; subjects held: "
                                 f"{', '.join(sorted(set(_table('aid_totals.csv')['subject'])))}")
    df.attrs.update({"assumptions": ["Totals as each source stated them; they overlap and "
                                     "cover different periods and kinds of aid."]})
    return df.reset_index(drop=True)


@cache
def _donor_months() -> dict[str, list[tuple[str, float, float, float]]]:
    """Per donor, the months in order with running totals (EUR, US$, commitments), so a
    cumulative or yearly figure is two lookups rather than a table scan per claim."""
    df = _table("aid_kiel_monthly.csv").sort_values(["iso3", "month"])
    out: dict[str, list[tuple[str, float, float, float]]] = {}
    for iso3, g in df.groupby("iso3"):
        eur = (g["total_eur_bn"]).cumsum()
        usd = (g["total_eur_bn"] * g["usd_per_eur"]).cumsum()
        com = g["commitments_eur_bn"].cumsum()
        out[str(iso3)] = list(zip(g["month"].astype(str), eur.astype(float), usd.astype(float),
                                  com.astype(float), strict=True))
    return out


def running_total(donor: str, since: str | None, until: str) -> dict[str, Any] | None:
    """Kiel's allocations (EUR and US$ billion) and commitments of ``donor`` over the months
    ``since``..``until`` (YYYY-MM, inclusive; None = from the start), or None without data."""
    import bisect

    months = _donor_months().get(resolve_donor(donor))
    if not months:
        return None
    keys = [m[0] for m in months]
    end = bisect.bisect_right(keys, until) - 1
    start = bisect.bisect_left(keys, since) - 1 if since else -1
    if end < 0 or end <= start:
        return None
    last, first = months[end], months[start] if start >= 0 else ("", 0.0, 0.0, 0.0)
    return {"eur_bn": last[1] - first[1], "usd_bn": last[2] - first[2],
            "commitments_eur_bn": last[3] - first[3],
            "first_month": keys[start + 1], "last_month": last[0]}


def donor_code(name: str) -> str | None:
    """The donor code for a name or code we know, else None: a quick yes/no for checking many
    claims, without the suggestions :func:`resolve_donor` computes for a person."""
    return _donor_code(name.strip().casefold())


@lru_cache(maxsize=4096)
def _donor_code(key: str) -> str | None:
    """:func:`donor_code` of a stripped, casefolded name, remembered: a name that is no
    country ('PURL', 'the Ramstein group') makes ``countries.resolve`` rank every known name by
    similarity for its error message, and the same few such names recur in every article."""
    known, index = _donor_index()
    code = index.get(key)
    if code:
        return code
    try:
        found = countries.resolve(key)
    except countries.UnknownCountryError:
        return None
    return found if found in known else None
