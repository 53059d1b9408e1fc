"""The shipped dataset, loaded once, plus any edition a user imported, as pandas DataFrames.

Editions are vintages: the same ally-year can carry different figures in different editions, and
every function here takes an edition rather than mixing them.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd
import platformdirs

from natospend import countries
from natospend.sources.records import INDICATORS

AGGREGATES = ("NATO", "NATO_EUROPE_CANADA", "EUROPE")
EXPENDITURE_COLUMNS = [
    "iso3", "name", "year", "edition", "share_of_gdp_pct", "usd_current_m", "usd_constant_m",
    "constant_price_year", "equipment_share_pct", "personnel_share_pct",
    "infrastructure_share_pct", "other_share_pct", "nat_currency_current_m",
    "nat_currency_constant_m", "real_change_pct", "gdp_usd_current_m", "gdp_usd_constant_m",
    "gdp_per_capita_constant_kusd", "per_capita_constant_usd", "personnel_k", "estimate",
    "source",
]


class DataNotFoundError(LookupError):
    """The data asked for does not exist (an edition, a year); the message says what does."""


def user_data_dir() -> Path:
    """Where ``natospend import`` keeps editions a user added (``NATOSPEND_HOME`` overrides)."""
    home = os.environ.get("NATOSPEND_HOME")
    return Path(home) if home else Path(platformdirs.user_data_dir("natospend"))


@cache
def _package_csv(name: str) -> pd.DataFrame:
    text = resources.files("natospend.data").joinpath(name).read_text("utf-8")
    return pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""])


def _user_editions() -> list[Path]:
    root = user_data_dir() / "editions"
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir()
                  if (p / "edition.csv").is_file() and (p / "observations.csv").is_file())


@cache
def _editions() -> pd.DataFrame:
    frames = [_package_csv("editions.csv").assign(user=False)]
    for folder in _user_editions():
        frames.append(pd.read_csv(folder / "edition.csv", keep_default_na=False,
                                  na_values=[""]).assign(user=True))
    df = pd.concat(frames, ignore_index=True)
    df["id"] = df["id"].astype(str)
    df["price_base"] = df["price_base"].astype("Int64")
    return df.sort_values("id", ignore_index=True)


@cache
def _observations() -> pd.DataFrame:
    frames = [_package_csv("observations.csv")]
    for folder in _user_editions():
        frames.append(pd.read_csv(folder / "observations.csv", keep_default_na=False,
                                  na_values=[""]))
    df = pd.concat(frames, ignore_index=True)
    df["edition"] = df["edition"].astype(str)
    df["estimate"] = df["estimate"].astype(str).str.lower() == "true"
    return df


_RELOAD_HOOKS: list[Callable[[], None]] = []


def on_reload(hook: Callable[[], None]) -> None:
    """Have :func:`reload` call ``hook`` too: modules that keep answers derived from the data
    (the verifier's per-edition indexes) forget them with it."""
    _RELOAD_HOOKS.append(hook)


def reload() -> None:
    """Forget cached data, e.g. after ``natospend import`` added an edition."""
    for hook in _RELOAD_HOOKS:
        hook()
    _editions.cache_clear()
    _edition_ids.cache_clear()
    _observations.cache_clear()
    _wide.cache_clear()
    _figure_index.cache_clear()
    latest_edition.cache_clear()
    _edition_info.cache_clear()
    newest_year.cache_clear()


@cache
def _figure_index() -> dict[tuple[str, str, int, str], dict[str, object]]:
    obs = _observations()
    return {(r.edition, r.entity, int(r.year), r.indicator):
            {"value": float(r.value), "estimate": bool(r.estimate), "table": r.table,
             "source_url": r.source_url}
            for r in obs.itertuples(index=False)}


def figure(edition: str, entity: str, year: int, indicator: str) -> dict[str, object] | None:
    """One figure with its provenance, or None: the fast path for checking many claims."""
    return _figure_index().get((edition, entity, year, indicator))


@cache
def newest_year(edition: str) -> int | None:
    """The newest year for which the edition gives any ally's share of GDP.

    Read from the long table, the same figures :func:`expenditure` pivots: the first claim
    that asks should not pay for building the wide table of every edition.
    """
    obs = _observations()
    ed = resolve_edition(edition)
    shares = obs[(obs["edition"] == ed) & (obs["indicator"] == "share_of_gdp_pct")
                 & ~obs["entity"].isin(AGGREGATES) & obs["value"].notna()]
    return None if shares.empty else int(shares["year"].max())


def editions() -> pd.DataFrame:
    """Every edition we hold: id, kind, title, publication date, cut-off, price base, estimates."""
    return _editions().copy()


@cache
def latest_edition() -> str:
    """The newest edition with full tables (publication-only vintages hold a few figures)."""
    tables = _editions()[_editions()["kind"] == "tables"]
    return str(tables["id"].max())


def resolve_edition(edition: str | None) -> str:
    """An edition id from ``latest``/None or an id; an unknown id lists the ones we hold."""
    if edition is None or edition == "latest":
        return latest_edition()
    ids = _edition_ids()
    if edition not in ids:
        raise DataNotFoundError(f"no edition {edition!r}; editions held: {', '.join(ids)} "
                                "(or 'latest')")
    return edition


@cache
def _edition_ids() -> tuple[str, ...]:
    """The edition ids in order, kept: checking a claim resolves an edition several times, and
    reading the column from the DataFrame each time cost more than the lookup it guards."""
    return tuple(_editions()["id"])


def edition_info(edition: str) -> dict[str, object]:
    """One edition's metadata as plain values (a copy: callers may change it)."""
    return dict(_edition_info(resolve_edition(edition)))


@cache
def _edition_info(edition: str) -> dict[str, object]:
    row = _editions().set_index("id").loc[edition]
    return {k: (None if pd.isna(v) else v) for k, v in row.to_dict().items()} | {"id": edition}


def edition_current_on(day: str) -> str | None:
    """The newest edition published (or cut off, where the date is unknown) on or before ``day``."""
    ed = _editions()
    when = ed["published"].fillna(ed["cutoff"])
    ok = ed[when.notna() & (when.astype(str) <= day)]
    return None if ok.empty else str(ok.sort_values("id")["id"].iloc[-1])


def observations(edition: str | None = None) -> pd.DataFrame:
    """The long table: one figure per edition, entity, year and indicator, with its source."""
    df = _observations()
    if edition is not None:
        df = df[df["edition"] == resolve_edition(edition)]
    return df.copy()


@cache
def _wide() -> pd.DataFrame:
    obs = _observations()
    wide = obs.pivot_table(index=["edition", "entity", "year"], columns="indicator",
                           values="value", aggfunc="first")
    wide = wide.reindex(columns=[c for c in INDICATORS if c != "allies_meeting_2pct"])
    meta = obs.groupby(["edition", "entity", "year"]).agg(
        estimate=("estimate", "any"),
        tables=("table", lambda t: ", ".join(sorted(set(t)))),
        urls=("source_url", lambda u: " ".join(sorted(set(u)))))
    wide = wide.join(meta).reset_index().rename(columns={"entity": "iso3"})
    wide = wide.dropna(subset=[c for c in INDICATORS if c in wide.columns and
                               c != "allies_meeting_2pct"], how="all")
    eds = _editions().set_index("id")
    wide["constant_price_year"] = wide["edition"].map(eds["price_base"]).astype("Int64")
    titles = wide["edition"].map(eds["title"])
    wide["source"] = ("NATO, " + titles + " (" + wide["edition"] + "), " + wide["tables"]
                      + ": " + wide["urls"])
    wide["name"] = wide["iso3"].map(countries.ally_name)
    order = {a.iso3: i for i, a in enumerate(countries.allies())}
    wide["_order"] = wide["iso3"].map(lambda c: order.get(c, 100 + AGGREGATES.index(c)
                                                           if c in AGGREGATES else 200))
    wide = wide.sort_values(["edition", "_order", "year"], ignore_index=True)
    return wide[EXPENDITURE_COLUMNS]


def expenditure(edition: str | None = "latest", ally: str | None = None,
                year: int | None = None, aggregates: bool = True) -> pd.DataFrame:
    """NATO's figures per ally and year, one row each, every indicator the edition has.

    ``edition="all"`` returns every edition stacked (the ``edition`` column tells them apart).
    Missing figures are NaN: an edition that lacks an indicator does not get one filled in.
    """
    df = _wide()
    if edition != "all":
        ed = resolve_edition(edition)
        df = df[df["edition"] == ed]
    if ally is not None:
        code = countries.resolve(ally)
        df = df[df["iso3"] == code]
        if df.empty:
            raise DataNotFoundError(f"no figures for {countries.ally_name(code)} in edition "
                                    f"{edition}" + _ally_hint(code))
    elif not aggregates:
        df = df[~df["iso3"].isin(AGGREGATES)]
    if year is not None:
        years = sorted(df["year"].unique())
        df = df[df["year"] == year]
        if df.empty:
            span = f"{years[0]}-{years[-1]}" if years else "no years"
            raise DataNotFoundError(f"no figures for {year} in edition {edition} (it covers "
                                    f"{span})")
    return df.reset_index(drop=True).copy()


def _ally_hint(code: str) -> str:
    a = countries.ally_by_iso3().get(code)
    return f": {a.note}" if a and a.note else ""


def targets() -> pd.DataFrame:
    """NATO's commitments (Wales 2014, The Hague 2025), one row each, with their sources."""
    return _package_csv("targets.csv").copy()


def pledges(ally: str | None = None) -> pd.DataFrame:
    """National pledges reported by governments, each with its source URL."""
    df = _package_csv("pledges.csv").copy()
    if ally is not None:
        df = df[df["iso3"] == countries.resolve_ally(ally)]
    return df.reset_index(drop=True)


def allies() -> pd.DataFrame:
    """The 32 allies: codes, names, accession date, EU membership, aliases."""
    return _package_csv("allies.csv").copy()
