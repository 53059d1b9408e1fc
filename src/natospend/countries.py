"""Allies, groups, and the names news text uses for them, read from ``data/allies.csv``.

The CSV is generated from the hand-edited ``curated/allies.yaml`` by ``natospend build-data``.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

GROUP_CODES = ("NATO", "NATO_EUROPE_CANADA", "EU", "EUROPE")


class UnknownCountryError(LookupError):
    """A name that is neither an ally nor a group; the message suggests close names."""


@dataclass(frozen=True)
class Ally:
    iso3: str
    iso2: str
    geo: str
    name: str
    nato_name: str
    joined: date
    eu: bool
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None = None
    currency: str | None = None  # ISO 4217, as NATO's tables give the ally's figures
    armed_forces: bool = True
    note: str | None = None

    @property
    def european(self) -> bool:
        return self.iso3 not in ("USA", "CAN")


@dataclass(frozen=True)
class Group:
    code: str
    name: str
    members: tuple[str, ...]
    nato_aggregate: bool = False
    aliases: tuple[str, ...] = field(default_factory=tuple)


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("natospend.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x for x in cell.split("|") if x)


@cache
def allies() -> tuple[Ally, ...]:
    """The 32 allies, in NATO's alphabetical table order (by English name)."""
    return tuple(
        Ally(iso3=r["iso3"], iso2=r["iso2"], geo=r["geo"], name=r["name"],
             nato_name=r["nato_name"], joined=date.fromisoformat(r["joined"]),
             eu=r["eu"] == "true", aliases=_split(r["aliases"]), demonyms=_split(r["demonyms"]),
             capital=r["capital"] or None, currency=r.get("currency") or None,
             armed_forces=r["armed_forces"] == "true",
             note=r["note"] or None)
        for r in _read_csv("allies.csv"))


@cache
def ally_by_iso3() -> dict[str, Ally]:
    return {a.iso3: a for a in allies()}


def members_on(day: date) -> tuple[str, ...]:
    """The allies that were members on a given day (Finland from 2023-04-04, Sweden 2024-03-07)."""
    return tuple(a.iso3 for a in allies() if a.joined <= day)


@cache
def groups() -> dict[str, Group]:
    all_iso = tuple(a.iso3 for a in allies())
    rule = {
        "all": all_iso,
        "all_but_usa": tuple(i for i in all_iso if i != "USA"),
        "eu": tuple(a.iso3 for a in allies() if a.eu),
        "european": tuple(a.iso3 for a in allies() if a.european),
    }
    return {r["code"]: Group(code=r["code"], name=r["name"], members=rule[r["members"]],
                             nato_aggregate=r["nato_aggregate"] == "true",
                             aliases=_split(r["aliases"]))
            for r in _read_csv("groups.csv")}


@cache
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for a in allies():
        for name in (a.iso3, a.iso2, a.name, a.nato_name, *a.aliases, *a.demonyms):
            index[name.casefold()] = a.iso3
    for code, g in groups().items():
        for name in (code, g.name, *g.aliases):
            index[name.casefold()] = code
    return index


def resolve(name: str) -> str:
    """ISO alpha-3 of an ally, or a group code, from any name we know.

    Raises UnknownCountryError with suggestions, because a silent wrong match would
    put one country's figures under another's name.
    """
    key = name.strip().casefold()
    if key.startswith("the ") and key not in _name_index():
        key = key[4:]
    found = _name_index().get(key)
    if found:
        return found
    candidates = sorted({a.name for a in allies()} | {a for a in _name_index() if len(a) > 3})
    close = difflib.get_close_matches(key, [c.casefold() for c in candidates], n=3, cutoff=0.6)
    shown = []
    for c in close:
        code = _name_index()[c]
        label = ally_by_iso3()[code].name if code in ally_by_iso3() else code
        if label not in shown:
            shown.append(label)
    hint = f" (did you mean {', '.join(shown)}?)" if shown else ""
    raise UnknownCountryError(f"unknown country {name!r}{hint}; natospend knows the 32 NATO allies "
                              f"and the groups {', '.join(GROUP_CODES)}")


def resolve_ally(name: str) -> str:
    """Like :func:`resolve`, but a group is an error: the caller needs one ally."""
    code = resolve(name)
    if code in GROUP_CODES:
        raise UnknownCountryError(f"{name!r} is a group ({code}), not one ally")
    return code


def ally_name(iso3: str) -> str:
    if iso3 in ally_by_iso3():
        return ally_by_iso3()[iso3].name
    if iso3 in groups():
        return groups()[iso3].name
    return iso3


def by_nato_name(name: str) -> str:
    """ISO alpha-3 from a row label in NATO's English tables (footnote marks stripped)."""
    clean = name.split("  ")[0].strip().rstrip("*").strip()
    for a in allies():
        if clean in (a.nato_name, a.name):
            return a.iso3
    raise KeyError(clean)


def by_geo(geo: str) -> str:
    for a in allies():
        if a.geo == geo:
            return a.iso3
    raise KeyError(geo)
