"""Time the full set of answers over every ally, year and edition.

    .venv/bin/python bench/answers.py

Prints the cold load time of the dataset, then the time for each family of answers and the total.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import natospend
from natospend import dataset
from natospend.analysis.burden import burden
from natospend.analysis.cost import cost_to_target
from natospend.analysis.gap import gap
from natospend.analysis.revisions import compare_editions, trend


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    t0 = time.perf_counter()
    dataset.expenditure("all")
    load = time.perf_counter() - t0
    editions = list(dataset.editions()["id"])
    tables = list(dataset.editions().query("kind == 'tables'")["id"])
    families: dict[str, list[float]] = {k: [] for k in
                                        ("compliance", "gap", "cost", "burden", "trend",
                                         "compare")}
    for ed in editions:
        years = sorted(dataset.expenditure(ed, aggregates=False)
                       .dropna(subset=["share_of_gdp_pct"])["year"]
                       .unique())
        for year in years:
            for target in (2.0, 3.5, 5.0):
                families["compliance"].append(timed(
                    lambda: natospend.compliance(target, int(year), ed)))  # noqa: B023
    for ed in tables:
        data = dataset.expenditure(ed)
        years = sorted(data.dropna(subset=["share_of_gdp_pct"])["year"].unique())
        for year in years:
            families["gap"].append(timed(lambda: gap(3.5, int(year), ed)))  # noqa: B023
        if data["gdp_usd_current_m"].notna().any():
            for group in ("all", "europe-canada", "eu", "europe"):
                families["cost"].append(timed(
                    lambda: cost_to_target(3.5, 2035, None, 3.0, edition=ed,  # noqa: B023
                                           group=group)))  # noqa: B023
            for year in years:
                families["burden"].append(timed(lambda: burden(int(year), ed)))  # noqa: B023
        for ally in data["iso3"].unique():
            families["trend"].append(timed(lambda: trend(ally, 2014, ed)))  # noqa: B023
    for a, b in zip(tables, tables[1:], strict=False):
        families["compare"].append(timed(lambda: compare_editions(a, b)))  # noqa: B023
    total = sum(sum(v) for v in families.values())
    n = sum(len(v) for v in families.values())
    print(f"dataset load (cold, {len(dataset.observations())} figures): {load * 1000:.0f} ms")
    for name, times in families.items():
        med = statistics.median(times) * 1000
        print(f"{name:<11} {len(times):>4} answers  median {med:6.1f} ms"
              f"  max {max(times) * 1000:6.1f} ms  total {sum(times) * 1000:7.0f} ms")
    print(f"all answers: {n} in {total:.2f} s")


if __name__ == "__main__":
    main()
