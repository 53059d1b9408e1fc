"""The shipped aid files: Kiel's release, reshaped, and the curated packages with their rates.

``build.py`` calls :func:`build_aid` and writes what it returns into ``data/`` with the rest of
the dataset, and adds :func:`datapackage_resources` to ``datapackage.json``. Conversions are done
here, once, at build time, so the shipped amounts do not depend on the rates file a user happens
to have installed.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from natospend.sources import fx, kiel
from natospend.sources.csvtext import csv_text, read_rows
from natospend.sources.csvtext import schema_field as _field
from natospend.sources.records import SourceFormatError

PACKAGE_FIELDS = ["package_id", "announced", "donor", "amount", "currency", "amount_text",
                  "aid_type", "description", "source_url", "source_title", "note"]
PACKAGE_TYPES = ("military", "financial", "humanitarian", "mixed")
CONVERSION_FIELDS = ["amount_eur", "amount_usd", "currency_per_eur", "usd_per_eur", "rate_date",
                     "rate_note", "conversion_error"]
MONTHLY_FIELDS = ["release", "iso3", "month", "total_eur_bn", "military_eur_bn",
                  "financial_eur_bn", "humanitarian_eur_bn", "commitments_eur_bn",
                  "to_be_allocated_eur_bn", "pct_gdp", "usd_per_eur"]
DONOR_FIELDS = ["iso3", "name", "nato_ally", "gdp_eur_bn", "first_month", "last_month",
                "release"]
WEAPON_FIELDS = ["release", "iso3", "donor", "category", "number_of_weapons",
                 "monetary_value_eur", "weapons_list"]
EU_SHARE_FIELDS = ["release", "iso3", "bilateral_pct_gdp", "eu_share_pct_gdp", "total_pct_gdp",
                   "eu_share_eur_bn"]
PROCUREMENT_FIELDS = ["release", "month", "stockpile_eur_bn", "procurement_eur_bn",
                      "unspecified_eur_bn", "nato_purl_eur_bn"]
KIEL_LICENCE = {"name": "Kiel-attribution", "title": "Reuse with credit to the Kiel Institute "
                "for the World Economy (Ukraine Support Tracker)", "path": kiel.SOURCE_URL}




def _month(year: Any, month: Any) -> str:
    return f"{int(year):04d}-{int(month):02d}"


def _monthly_rows(k: dict[str, pd.DataFrame], release: str) -> list[dict[str, Any]]:
    rates: dict[str, float] = {}
    rows = []
    for r in k["monthly"].sort_values(["iso", "year", "month"]).itertuples(index=False):
        m = _month(r.year, r.month)
        if m not in rates:
            rates[m] = round(fx.monthly_average("USD", int(r.year), int(r.month)), 6)
        rows.append({"release": release, "iso3": r.iso, "month": m,
                     "total_eur_bn": float(r.total), "military_eur_bn": float(r.military),
                     "financial_eur_bn": float(r.financial),
                     "humanitarian_eur_bn": float(r.humanitarian),
                     "commitments_eur_bn": float(r.commitments),
                     "to_be_allocated_eur_bn": float(r.to_be_allocated),
                     # Kiel writes 0 for donors without a GDP (the EU institutions): not a share
                     "pct_gdp": float(r.pct_gdp) if float(r.gdp) > 0 else None,
                     "usd_per_eur": rates[m]})
    return rows


def _donor_rows(k: dict[str, pd.DataFrame], release: str) -> list[dict[str, Any]]:
    from natospend import countries

    allies = countries.ally_by_iso3()
    m = k["monthly"].assign(ym=k["monthly"]["year"] * 100 + k["monthly"]["month"])
    rows = []
    for iso, g in m.groupby("iso", sort=True):
        gdp = float(g["gdp"].iloc[0])
        rows.append({"iso3": iso, "name": g["country"].iloc[0], "nato_ally": iso in allies,
                     "gdp_eur_bn": gdp if gdp > 0 else None,
                     "first_month": _month(g["ym"].min() // 100, g["ym"].min() % 100),
                     "last_month": _month(g["ym"].max() // 100, g["ym"].max() % 100),
                     "release": release})
    return rows


def _read_packages(path: Path, donor_codes: set[str]) -> list[dict[str, str]]:
    rows = read_rows(path, PACKAGE_FIELDS)
    for n, r in enumerate(rows, start=2):
        where = f"{path} line {n} ({r['package_id']})"
        try:
            date.fromisoformat(r["announced"])
            amount = float(r["amount"])
        except ValueError as exc:
            raise SourceFormatError(f"{where}: {exc}") from None
        if not amount > 0:
            raise SourceFormatError(f"{where}: amount {r['amount']!r} is not positive")
        unknown = [d for d in r["donor"].split("+") if d not in donor_codes]
        if unknown:
            raise SourceFormatError(f"{where}: unknown donor codes {unknown}")
        if len(r["currency"]) != 3 or not r["currency"].isalpha() or not r["currency"].isupper():
            raise SourceFormatError(f"{where}: currency {r['currency']!r} is not an ISO 4217 code")
        if r["aid_type"] not in PACKAGE_TYPES:
            raise SourceFormatError(f"{where}: aid_type {r['aid_type']!r} not in {PACKAGE_TYPES}")
        if not r["source_url"].startswith("http"):
            raise SourceFormatError(f"{where}: a package needs its source URL")
    return rows


def convert_package(amount: float, currency: str, announced: date) -> dict[str, Any]:
    """EUR and US$ at the ECB fixing of the announcement date, or an empty conversion and the
    reason, never a dropped row."""
    try:
        eur = fx.convert(amount, currency, announced, "EUR")
        usd = fx.convert(amount, currency, announced, "USD")
    except fx.RateNotFoundError as exc:
        return {"conversion_error": str(exc)}
    leg = usd if eur.currency == "EUR" else eur  # the leg that needed an ECB fixing
    return {"amount_eur": round(eur.value, 2), "amount_usd": round(usd.value, 2),
            "currency_per_eur": fx.ecb_rate(eur.currency, leg.rate_date).per_eur,
            "usd_per_eur": fx.ecb_rate("USD", leg.rate_date).per_eur,
            "rate_date": leg.rate_date.isoformat(), "rate_note": leg.note}


def build_aid(raw: Path, curated_dir: Path) -> dict[str, str]:
    """File name -> CSV text for every shipped aid file, from ``raw/kiel`` and the curated
    packages. Raises SourceFormatError on anything the importers do not expect."""
    k = kiel.parse(raw / "kiel")
    release = str(k["release"].iloc[0]["release"])
    donors = _donor_rows(k, release)
    from natospend import countries

    codes = {d["iso3"] for d in donors} | set(countries.ally_by_iso3())
    packages = []
    for r in _read_packages(curated_dir / "aid_packages.csv", codes):
        conv = convert_package(float(r["amount"]), r["currency"],
                               date.fromisoformat(r["announced"]))
        packages.append({**r, **conv})
    weapons = [{"release": release, "iso3": r.iso, "donor": r.donor, "category": r.category,
                "number_of_weapons": int(r.number_of_weapons),
                "monetary_value_eur": int(r.monetary_value_eur), "weapons_list": r.weapons_list}
               for r in k["weapons"].itertuples(index=False)]
    shares = [{"release": release, "iso3": r.iso, "bilateral_pct_gdp": float(r.bilateral_pct_gdp),
               "eu_share_pct_gdp": float(r.eu_share_pct_gdp),
               "total_pct_gdp": float(r.total_pct_gdp), "eu_share_eur_bn": float(r.eu_share_bn)}
              for r in k["eu_shares"].itertuples(index=False)]
    procurement = [{"release": release, "month": _month(r.year, r.month),
                    "stockpile_eur_bn": float(r.stockpile),
                    "procurement_eur_bn": float(r.procurement),
                    "unspecified_eur_bn": float(r.unspecified),
                    "nato_purl_eur_bn": float(r.nato_purl)}
                   for r in k["procurement"].itertuples(index=False)]
    rel = k["release"].iloc[0]
    return {
        "aid_kiel_release.csv": csv_text(["release", "period", "published", "label", "url"],
                                          [{"release": release, "period": rel["period"],
                                            "published": rel["date"], "label": rel["label"],
                                            "url": kiel.SOURCE_URL}]),
        "aid_kiel_monthly.csv": csv_text(MONTHLY_FIELDS, _monthly_rows(k, release)),
        "aid_donors.csv": csv_text(DONOR_FIELDS, donors),
        "aid_kiel_weapons.csv": csv_text(WEAPON_FIELDS, weapons),
        "aid_kiel_eu_shares.csv": csv_text(EU_SHARE_FIELDS, shares),
        "aid_kiel_procurement.csv": csv_text(PROCUREMENT_FIELDS, procurement),
        "aid_packages.csv": csv_text(PACKAGE_FIELDS + CONVERSION_FIELDS, packages),
    }


def _resource(name: str, description: str, fields: list[dict[str, Any]],
              primary_key: list[str] | None = None, kiel_source: bool = True,
              **extra: Any) -> dict[str, Any]:
    res: dict[str, Any] = {"name": name, "path": f"{name}.csv", "profile":
                           "tabular-data-resource", "format": "csv", "encoding": "utf-8",
                           "description": description}
    if kiel_source:
        res["sources"] = [{"title": "Kiel Institute for the World Economy, Ukraine Support "
                           "Tracker (data files of the tracker's website)", "path": kiel.DATA_URL}]
        res["licenses"] = [KIEL_LICENCE]
    res |= extra
    res["schema"] = {"fields": copy.deepcopy(fields)}  # frictionless edits descriptors in place
    if primary_key:
        res["schema"]["primaryKey"] = primary_key
    return res


_BOOL = {"trueValues": ["true"], "falseValues": ["false"]}


def datapackage_resources(release: str | None = None) -> list[dict[str, Any]]:
    """Frictionless descriptors of the aid files, for ``datapackage.json``'s ``resources``."""
    rel = f" (release {release})" if release else ""
    rel_field = _field("release", "string", "Kiel release (vintage) the figure comes from")
    eur_bn = "EUR billion, current"
    types = [_field(f"{t}_eur_bn", "number", f"{t.capitalize()} aid allocated, {eur_bn}")
             for t in kiel.AID_TYPES]
    month = _field("month", "string", "Month of allocation, YYYY-MM",
                   constraints={"pattern": r"\d{4}-\d{2}"})
    return [
        _resource("aid_kiel_release", f"The Kiel Ukraine Support Tracker release{rel} the aid "
                  "files come from", [
                      rel_field, _field("period", "string", "Data up to this month, MM/YYYY"),
                      _field("published", "date", "Publication date of the release"),
                      _field("label", "string", "Kiel's label for the release"),
                      _field("url", "string", "Tracker page", format="uri")], ["release"]),
        _resource("aid_kiel_monthly", "Aid to Ukraine allocated per donor and month, as the Kiel "
                  f"Institute's tracker counts it{rel}. A month without a row had no allocation "
                  "recorded.", [
                      rel_field, _field("iso3", "string", "Donor: ISO 3166 alpha-3, or EU for "
                                        "the EU institutions (Commission and Council)"),
                      month, _field("total_eur_bn", "number", f"All aid allocated, {eur_bn}"),
                      *types,
                      _field("commitments_eur_bn", "number", "Aid committed in the month "
                             f"(allocated plus still to be allocated), {eur_bn}"),
                      _field("to_be_allocated_eur_bn", "number", "Change in commitments not "
                             f"yet allocated, {eur_bn}; negative when earlier commitments were "
                             "allocated"),
                      _field("pct_gdp", "number", "total_eur_bn as percent of the donor's GDP "
                             "(Kiel's GDP figure); empty for the EU institutions, for which "
                             "Kiel writes 0"),
                      _field("usd_per_eur", "number", "Average of the ECB's daily EUR/USD "
                             "reference rates in the month, US$ per euro (natospend, for US$ "
                             "figures)")], ["iso3", "month"]),
        _resource("aid_donors", f"Every donor in the Kiel tracker{rel}", [
            _field("iso3", "string", "ISO 3166 alpha-3, or EU"),
            _field("name", "string", "Name as Kiel writes it"),
            _field("nato_ally", "boolean", "A NATO ally (natospend's allies list)", **_BOOL),
            _field("gdp_eur_bn", "number", "Donor GDP Kiel divides by, EUR billion; empty for "
                   "the EU institutions"),
            _field("first_month", "string", "First month with a row, YYYY-MM"),
            _field("last_month", "string", "Last month with a row, YYYY-MM"), rel_field],
            ["iso3"]),
        _resource("aid_kiel_weapons", f"Heavy weapons delivered, by donor and category{rel}", [
            rel_field, _field("iso3", "string", "Donor ISO 3166 alpha-3"),
            _field("donor", "string", "Donor as Kiel names it"),
            _field("category", "string", "Weapon category"),
            _field("number_of_weapons", "integer", "Units delivered"),
            _field("monetary_value_eur", "integer", "Kiel's value of the units, EUR"),
            _field("weapons_list", "string", "Systems and counts, '; '-separated")],
            ["iso3", "category"]),
        _resource("aid_kiel_eu_shares", "Bilateral aid and each EU member's share of EU-level "
                  f"aid, cumulative, as Kiel states them{rel}", [
                      rel_field, _field("iso3", "string", "EU member, ISO 3166 alpha-3"),
                      _field("bilateral_pct_gdp", "number", "Bilateral aid, percent of GDP"),
                      _field("eu_share_pct_gdp", "number", "Share of EU-level aid, percent of "
                             "GDP"),
                      _field("total_pct_gdp", "number", "Both, percent of GDP"),
                      _field("eu_share_eur_bn", "number", f"Share of EU-level aid, {eur_bn}")],
                  ["iso3"]),
        _resource("aid_kiel_procurement", "Military aid allocated per month by how it was "
                  f"sourced, all donors{rel}", [
                      rel_field, month,
                      _field("stockpile_eur_bn", "number", f"From donors' stocks, {eur_bn}"),
                      _field("procurement_eur_bn", "number", f"Procured from industry, {eur_bn}"),
                      _field("unspecified_eur_bn", "number", f"Source not stated, {eur_bn}"),
                      _field("nato_purl_eur_bn", "number", "Through NATO's Prioritized Ukraine "
                             f"Requirements List (PURL), {eur_bn}")], ["month"]),
        _resource("aid_packages", "Aid packages governments announced, as announced, with EUR "
                  "and US$ at the ECB reference rate of the announcement date. Hand-curated "
                  "(curated/aid_packages.csv, sources in curated/AID_SOURCES.md); rows may "
                  "overlap, and a figure sources disagree on has one row per source.", [
                      _field("package_id", "string", "Package id; repeated where sources "
                             "disagree"),
                      _field("announced", "date", "Date announced"),
                      _field("donor", "string", "ISO 3166 alpha-3, EU, or '+'-joined codes for "
                             "a joint package whose shares were not published"),
                      _field("amount", "number", "Amount as announced, in currency"),
                      _field("currency", "string", "ISO 4217 code of the announcement"),
                      _field("amount_text", "string", "The source's wording"),
                      _field("aid_type", "string", "military, financial, humanitarian or mixed",
                             constraints={"enum": list(PACKAGE_TYPES)}),
                      _field("description", "string", "What the package contains"),
                      _field("source_url", "string", "Where it was read", format="uri"),
                      _field("source_title", "string", "Title of the source"),
                      _field("note", "string", "Caveats: overlaps, loans, disagreements"),
                      _field("amount_eur", "number", "Amount in EUR; empty with "
                             "conversion_error where no ECB rate exists"),
                      _field("amount_usd", "number", "Amount in US$; empty likewise"),
                      _field("currency_per_eur", "number", "ECB reference rate: units of "
                             "currency per euro"),
                      _field("usd_per_eur", "number", "ECB reference rate: US$ per euro"),
                      _field("rate_date", "date", "Date of the ECB fixing used"),
                      _field("rate_note", "string", "Whether the fixing is the announcement "
                             "date's or the nearest earlier one"),
                      _field("conversion_error", "string", "Why there is no conversion")],
                  kiel_source=False,
                  sources=[{"title": "Government statements and news reports, one per row",
                            "path": "source_url column"},
                           {"title": fx.ECB_SOURCE, "path": fx.ECB_RATES_URL}]),
    ]
