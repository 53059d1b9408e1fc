"""The one shape every importer produces: an observation with its provenance."""

from __future__ import annotations

from dataclasses import dataclass


class SourceFormatError(ValueError):
    """A raw file is not in the layout its importer knows; the message says where and why."""


@dataclass(frozen=True)
class Indicator:
    name: str
    unit: str
    table: str
    description: str


@dataclass(frozen=True)
class Observation:
    """One figure of one edition: who, when, what, and where it was read."""

    edition: str
    entity: str  # ISO 3166 alpha-3, or NATO / NATO_EUROPE_CANADA for NATO's aggregates
    year: int
    indicator: str
    value: float
    estimate: bool
    table: str
    source_url: str

    def __post_init__(self) -> None:
        if self.indicator not in INDICATORS:
            raise SourceFormatError(f"unknown indicator {self.indicator!r}")


_INDICATOR_LIST = [
    Indicator("nat_currency_current_m", "million national currency units, current prices",
              "Table 1", "Defence expenditure in national currency, current prices"),
    Indicator("nat_currency_constant_m", "million national currency units, constant prices",
              "Table 1", "Defence expenditure in national currency, constant prices of the "
              "edition's price base"),
    Indicator("usd_current_m", "million US$, current prices and exchange rates",
              "Table 2", "Defence expenditure in US dollars, current prices and exchange rates"),
    Indicator("usd_constant_m", "million US$, constant prices and exchange rates",
              "Table 2", "Defence expenditure in US dollars at the edition's price base"),
    Indicator("share_of_gdp_pct", "percent of real GDP", "Table 3",
              "Defence expenditure as a share of real GDP"),
    Indicator("real_change_pct", "percent", "Table 3",
              "Annual real change in defence expenditure"),
    Indicator("gdp_usd_current_m", "million US$, current prices and exchange rates", "Table 5",
              "GDP, current prices and exchange rates"),
    Indicator("gdp_usd_constant_m", "million US$, constant prices and exchange rates", "Table 5",
              "GDP at the edition's price base"),
    Indicator("gdp_per_capita_constant_kusd", "thousand US$, constant prices", "Table 6",
              "GDP per capita at the edition's price base"),
    Indicator("per_capita_constant_usd", "US$, constant prices", "Table 6",
              "Defence expenditure per capita at the edition's price base"),
    Indicator("personnel_k", "thousands", "Table 7", "Military personnel"),
    Indicator("equipment_share_pct", "percent of defence expenditure", "Table 8a",
              "Major equipment, including related research and development"),
    Indicator("personnel_share_pct", "percent of defence expenditure", "Table 8a",
              "Personnel, including pensions"),
    Indicator("infrastructure_share_pct", "percent of defence expenditure", "Table 8b",
              "Infrastructure, including NATO common infrastructure"),
    Indicator("other_share_pct", "percent of defence expenditure", "Table 8b",
              "Other: operations and maintenance, other R&D"),
    Indicator("allies_meeting_2pct", "count of allies", "text",
              "Number of allies at or above 2% of GDP, as NATO stated it"),
]

INDICATORS: dict[str, Indicator] = {i.name: i for i in _INDICATOR_LIST}

CATEGORY_SHARES = ("equipment_share_pct", "personnel_share_pct", "infrastructure_share_pct",
                   "other_share_pct")
