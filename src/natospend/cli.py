"""The ``natospend`` command: thin wrappers that parse arguments and call the Python API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from natospend import countries
from natospend.analysis import compliance as compliance_mod
from natospend.cli_base import Group
from natospend.output import emit, format_option


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="natospend")
def main() -> None:
    """NATO allies' official defence spending, the targets, and what the news says about them.

    Example:

    \b
        natospend compliance --target 2 --year 2024 --edition 2024-06
    """


@main.command()
@click.argument("name")
@click.option("--edition", default="latest", show_default=True)
@format_option
def ally(name: str, edition: str, fmt: str) -> None:
    """A profile of one ally: history, categories, targets met, pledges.

    Example:

    \b
        natospend ally Poland
    """
    from natospend.analysis.profile import profile

    result = profile(name, edition)
    if fmt != "table":
        emit(result["history"], fmt, summary={k: v for k, v in result.items()
                                             if k not in ("history",)})
        return
    click.echo(f"{result['name']} ({result['iso3']}), NATO member since {result['joined']}")
    if result["note"]:
        click.echo(result["note"])
    emit(result["history"], "table", title=f"History, edition {result['edition']}")
    for line in result["targets"]:
        click.echo(line)
    if not result["pledges"].empty:
        emit(result["pledges"], "table", title="National pledges (reported by the government)")
    for line in result["revisions"]:
        click.echo(line)
    click.echo(f"Source: {result['source']}")


@main.command()
@click.option("--target", type=float, default=2.0, show_default=True,
              help="share in percent: of GDP, or of defence spending with --measure equipment")
@click.option("--year", type=int, help="default: the edition's newest year")
@click.option("--edition", default="latest", show_default=True)
@click.option("--measure", type=click.Choice(["gdp", "equipment"]), default="gdp",
              show_default=True)
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path),
              help="also write a chart (.svg or .png)")
@format_option
def compliance(target: float, year: int | None, edition: str, measure: str,
               chart: Path | None, fmt: str) -> None:
    """Who meets a target in a year, counted as NATO counts ("N of M allies").

    Example:

    \b
        natospend compliance --target 2 --year 2024 --edition 2024-06
        natospend compliance --target 20 --measure equipment --format json
    """
    df = compliance_mod.compliance(target, year, edition, measure)
    summary = {k: df.attrs[k] for k in ("target", "year", "edition", "count", "total",
                                        "meeting", "not_meeting", "no_figure", "measure",
                                        "estimate", "rule", "source")}
    if chart:
        from natospend import charts

        charts.save(charts.compliance_chart(df), chart)
    reasons = "".join(f"\n{r.iso3}: {r.reason}" for r in df.itertuples()
                      if isinstance(r.reason, str))
    shown = df.drop(columns=["reason"]) if fmt == "table" else df
    emit(shown, fmt, title=compliance_mod.summary(df), summary=summary,
         footer=f"{df.attrs['rule']}{reasons}\nSource: NATO, {df.attrs['edition_title']} "
                f"({df.attrs['edition']}): {df.attrs['source']}")


def _chart(spec_fn: Any, df: Any, chart: Path | None) -> None:
    if chart:
        from natospend import charts

        charts.save(spec_fn(df), chart)


def _footer(df: Any) -> str:
    a = df.attrs
    parts = [a[k] for k in ("assumptions", "note") if a.get(k)]
    if a.get("no_figure"):
        parts.append("No figure (left out of totals): " + ", ".join(a["no_figure"]))
    if a.get("edition_title"):
        parts.append(f"Source: NATO, {a['edition_title']} ({a['edition']}): {a['source']}")
    return "\n".join(parts)


def _summary(df: Any) -> dict[str, Any]:
    return {k: v for k, v in df.attrs.items() if k != "edition_title"}


chart_option = click.option("--chart", type=click.Path(dir_okay=False, path_type=Path),
                            help="also write a chart (.svg, .png, or .json for the spec)")


@main.command()
@click.option("--target", type=float, required=True, help="share of GDP, percent")
@click.option("--year", type=int, help="default: the edition's newest year")
@click.option("--edition", default="latest", show_default=True)
@click.option("--group", default="all", show_default=True,
              help="all, europe-canada, eu, europe, or allies: POL,DEU,FRA")
@format_option
def gap(target: float, year: int | None, edition: str, group: str, fmt: str) -> None:
    """Distance to a target, in points of GDP and in US$, per ally and for a group.

    Example:

    \b
        natospend gap --target 3.5 --year 2025 --format csv
        natospend gap --target 5 --group europe-canada
    """
    from natospend.analysis.gap import gap as gap_fn

    df = gap_fn(target, year, edition, group)
    shown = df
    if fmt == "table":
        shown = df[["iso3", "name", "share_of_gdp_pct", "gap_pts", "gap_usd_current_m",
                    "gap_usd_constant_m", "estimate"]]
    emit(shown, fmt, title=f"Gap to {target:g}% of GDP in {df.attrs['year']} ({df.attrs['group']}"
         f"), edition {df.attrs['edition']}, US$ million", summary=_summary(df),
         footer=_footer(df))


def _growth(value: str) -> float | dict[str, float] | str:
    if value == "history":
        return value
    if "=" in value:
        out = {}
        for part in value.split(","):
            name, _, rate = part.partition("=")
            try:
                out[countries.resolve_ally(name)] = float(rate)
            except ValueError:
                raise click.BadParameter(f"{part!r}: expected ALLY=RATE") from None
        return out
    try:
        return float(value)
    except ValueError:
        raise click.BadParameter(f"{value!r}: a rate in percent (3.0), 'history', or "
                                 "per-ally rates (POL=4,DEU=2.5)") from None


@main.command()
@click.option("--target", type=float, required=True, help="share of GDP to reach, percent")
@click.option("--by", "deadline", type=int, required=True, help="deadline year")
@click.option("--from", "base_year", type=int, help="base year (default: newest in the edition)")
@click.option("--growth", default="3.0", show_default=True,
              help="nominal GDP growth, % a year: one rate, 'history', or POL=4,DEU=2.5")
@click.option("--path", type=click.Choice(["linear", "step", "immediate"]), default="linear",
              show_default=True)
@click.option("--group", default="all", show_default=True,
              help="all, europe-canada, eu, europe, or allies: POL,DEU,FRA")
@click.option("--edition", default="latest", show_default=True)
@click.option("--by-year", is_flag=True, help="totals per year instead of per ally")
@click.option("--detail", is_flag=True, help="every ally and year")
@chart_option
@format_option
def cost(target: float, deadline: int, base_year: int | None, growth: str, path: str,
         group: str, edition: str, by_year: bool, detail: bool, chart: Path | None,
         fmt: str) -> None:
    """What reaching a target share of GDP by a deadline costs, under stated growth.

    Example:

    \b
        natospend cost --target 3.5 --by 2035 --from 2025 --growth 3.0
        natospend cost --target 5 --by 2035 --group europe-canada --by-year
    """
    from natospend.analysis.cost import cost_to_target, summarise
    from natospend.charts import cost_chart

    df = cost_to_target(target, deadline, base_year, _growth(growth), path, edition, group)
    _chart(cost_chart, df, chart)
    shown = df if detail else summarise(df, "year" if by_year else "ally")
    a = df.attrs
    emit(shown, fmt, title=f"Cost of {target:g}% of GDP by {deadline} for {a['group']}: "
         f"US${a['extra_in_deadline_year_usd_m'] / 1e3:,.1f} bn more in {deadline}, "
         f"US${a['total_extra_usd_m'] / 1e3:,.1f} bn in total (US$ million below)",
         summary=_summary(df), footer=_footer(df), digits=1)


@main.command()
@click.option("--year", type=int, help="default: the edition's newest year")
@click.option("--edition", default="latest", show_default=True)
@click.option("--over-time", is_flag=True, help="the US against Europe and Canada, every year")
@chart_option
@format_option
def burden(year: int | None, edition: str, over_time: bool, chart: Path | None,
           fmt: str) -> None:
    """Who carries what: shares of allied spending against shares of GDP.

    Example:

    \b
        natospend burden --year 2025
        natospend burden --over-time --format csv
    """
    from natospend.analysis.burden import burden as burden_fn
    from natospend.analysis.burden import burden_over_time
    from natospend.charts import burden_chart

    if over_time:
        df = burden_over_time(edition)
        emit(df, fmt, title=f"US against Europe and Canada, edition {df.attrs['edition']}",
             summary=_summary(df), footer=_footer(df), digits=1)
        return
    df = burden_fn(year, edition)
    _chart(burden_chart, df, chart)
    shown = df.drop(columns=["gdp_usd_current_m"]) if fmt == "table" else df
    emit(shown, fmt, title=f"Burden sharing {df.attrs['year']}, edition {df.attrs['edition']}",
         summary=_summary(df), footer=_footer(df))


@main.command()
@click.option("--ally", required=True, help="an ally, NATO, or europe-canada")
@click.option("--since", type=int, default=2014, show_default=True)
@click.option("--edition", default="latest", show_default=True)
@chart_option
@format_option
def trend(ally: str, since: int, edition: str, chart: Path | None, fmt: str) -> None:
    """One ally year by year: share of GDP, real change, spending.

    Example:

    \b
        natospend trend --ally DEU --since 2014
    """
    from natospend.analysis.groups import GROUP_NAMES
    from natospend.analysis.revisions import trend as trend_fn
    from natospend.charts import trend_chart

    df = trend_fn(GROUP_NAMES.get(ally.lower(), ally), since, edition)
    _chart(trend_chart, df, chart)
    emit(df, fmt, title=f"{df.attrs['ally']} since {since}, edition {df.attrs['edition']}",
         summary=_summary(df), footer=_footer(df))


@main.command("compare-editions")
@click.argument("old")
@click.argument("new")
@click.option("--indicator", default="share_of_gdp_pct", show_default=True)
@click.option("--min-change", type=float, default=0.0, show_default=True,
              help="only revisions larger than this")
@format_option
def compare_editions(old: str, new: str, indicator: str, min_change: float, fmt: str) -> None:
    """What NATO revised between two editions, for every ally-year both report.

    Example:

    \b
        natospend compare-editions 2024-06 2025-08
    """
    from natospend.analysis.revisions import compare_editions as compare_fn

    df = compare_fn(old, new, indicator, min_change)
    emit(df, fmt, title=f"{df.attrs['revised']} revisions of {indicator}, {old} -> {new}",
         summary=_summary(df), footer=df.attrs["note"], digits=3)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="interface to bind; anything but 127.0.0.1 exposes the dashboard")
@click.option("--port", type=int, default=8765, show_default=True)
@click.option("--store", help="a news store (SQLite file or postgresql:// URL) for the News page")
def serve(host: str, port: int, store: str | None) -> None:
    """Start the local web dashboard and JSON API, and print its URL.

    Example:

    \b
        natospend serve --port 8765
    """
    import uvicorn

    from natospend.web.app import create_app

    click.echo(f"natospend dashboard at http://{host}:{port}/  (API: http://{host}:{port}"
               "/api/docs; Ctrl+C stops)")
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@main.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["sqlite", "csv", "json", "xlsx"]))
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def export_cmd(fmt: str, path: Path) -> None:
    """Export the dataset: sqlite (every table), csv (expenditure), json, xlsx.

    Example:

    \b
        natospend export sqlite natospend.db
        datasette natospend.db
    """
    from natospend.export import export

    counts = export(fmt, path)
    click.echo(f"wrote {path}: " + ", ".join(f"{k} {n} rows" for k, n in counts.items()))


@main.command("build-data")
@click.option("--raw", type=click.Path(path_type=Path, file_okay=False),
              help="folder of raw source files (default: ../shared/data next to the checkout)")
def build_data(raw: Path | None) -> None:
    """Rebuild the shipped dataset from the raw files and curated/ (for developers)."""
    from natospend.sources import build

    counts = build.build(raw or build.DEFAULT_RAW)
    for name, n in counts.items():
        click.echo(f"{name}: {n} rows")


def _register() -> None:
    from natospend.cli_aid import aid
    from natospend.cli_check import check
    from natospend.cli_data import data, import_, validate
    from natospend.cli_store import claims_cmd, ingest, stories

    for command in (data, validate, import_, check, aid, ingest, claims_cmd, stories):
        main.add_command(command)


_register()


if __name__ == "__main__":
    main()
