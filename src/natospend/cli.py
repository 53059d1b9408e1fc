"""The ``natospend`` command: thin wrappers that parse arguments and call the Python API."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from natospend import checks, countries, dataset
from natospend.analysis import compliance as compliance_mod
from natospend.output import emit, format_option
from natospend.sources.records import SourceFormatError

USER_ERRORS = (countries.UnknownCountryError, dataset.DataNotFoundError,
               compliance_mod.AnalysisInputError, SourceFormatError)


class Group(click.Group):
    """Turns the library's input errors into one clear line and exit status 1, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except USER_ERRORS as exc:
            raise click.ClickException(str(exc).strip("'\"")) from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="natospend")
def main() -> None:
    """NATO allies' official defence spending, the targets, and what the news says about them.

    Example:

        natospend compliance --target 2 --year 2024 --edition 2024-06
    """


@main.group(cls=Group)
def data() -> None:
    """The shipped dataset: editions, expenditure figures, targets, pledges."""


@data.command("editions")
@format_option
def data_editions(fmt: str) -> None:
    """Every edition (vintage) of NATO's figures we hold.

    Example:

        natospend data editions --format json
    """
    df = dataset.editions()
    if fmt == "table":
        df = df[["id", "kind", "published", "cutoff", "price_base", "estimate_years", "title"]]
    emit(df, fmt, title="Editions",
         footer=f"latest = {dataset.latest_edition()}")


@data.command("expenditure")
@click.option("--edition", default="latest", show_default=True,
              help="edition id, 'latest', or 'all'")
@click.option("--ally", help="an ally by name or code (Poland, POL, Polish)")
@click.option("--year", type=int, help="one year")
@click.option("--all-columns", is_flag=True, help="every indicator, not just the main ones")
@format_option
def data_expenditure(edition: str, ally: str | None, year: int | None, all_columns: bool,
                     fmt: str) -> None:
    """NATO's figures per ally and year, each row with its edition and source.

    Example:

        natospend data expenditure --edition latest --year 2025
        natospend data expenditure --ally POL --format csv
    """
    df = dataset.expenditure(edition, ally=ally, year=year)
    if fmt == "table" and not all_columns:
        df = df[["iso3", "year", "edition", "share_of_gdp_pct", "usd_current_m",
                 "usd_constant_m", "equipment_share_pct", "estimate"]]
    emit(df, fmt, title=f"Defence expenditure, edition {edition}",
         footer="Source: NATO, Defence Expenditure of NATO Countries; run with --format csv "
                "for each row's source. '–' = no figure in this edition.")


@data.command("targets")
@format_option
def data_targets(fmt: str) -> None:
    """NATO's targets (Wales 2014, The Hague 2025), with their sources.

    Example:

        natospend data targets --format json
    """
    df = dataset.targets()
    if fmt == "table":
        df = df[["id", "share_pct", "of", "deadline", "summit", "agreed", "url"]]
    emit(df, fmt, title="Targets")


@data.command("pledges")
@click.option("--ally", help="one ally")
@format_option
def data_pledges(ally: str | None, fmt: str) -> None:
    """National pledges reported by governments, each with its source.

    Example:

        natospend data pledges --ally "U.K."
    """
    df = dataset.pledges(ally)
    if fmt == "table":
        df = df[["iso3", "target_pct_gdp", "target_pct_gdp_high", "deadline_year", "basis",
                 "announced", "status"]]
    emit(df, fmt, title="National pledges")


@main.command()
@click.argument("name")
@click.option("--edition", default="latest", show_default=True)
@format_option
def ally(name: str, edition: str, fmt: str) -> None:
    """A profile of one ally: history, categories, targets met, pledges.

    Example:

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

        natospend compare-editions 2024-06 2025-08
    """
    from natospend.analysis.revisions import compare_editions as compare_fn

    df = compare_fn(old, new, indicator, min_change)
    emit(df, fmt, title=f"{df.attrs['revised']} revisions of {indicator}, {old} -> {new}",
         summary=_summary(df), footer=df.attrs["note"], digits=3)


@main.command()
def validate() -> None:
    """Check the shipped dataset: schema, internal consistency, coverage. Non-zero on failure.

    Example:

        natospend validate
    """
    findings = checks.run()
    failed = [f for f in findings if f.failed]
    excused = [f for f in findings if not f.failed]
    schema = checks.datapackage_errors()
    for err in schema:
        click.echo(f"FAIL schema: {err}")
    for f in failed:
        click.echo(f"FAIL {f.check} {f.edition} {f.entity} {f.year}: {f.message}")
    n_ed = len(dataset.editions())
    click.echo(f"{n_ed} editions, {len(dataset.observations())} figures; "
               f"{len(failed) + len(schema)} failures, {len(excused)} known exceptions")
    if failed or schema:
        sys.exit(1)


@main.group("import", cls=Group)
def import_() -> None:
    """Add a new edition of NATO's figures to your local data (validated first)."""


@import_.command("nato-xlsx")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--edition", "edition_id", required=True, help="id for the new edition, YYYY-MM")
@click.option("--title", required=True, help="NATO's title, e.g. 'Defence Expenditure of NATO "
                                             "Countries (2014-2027)'")
@click.option("--published", required=True, help="publication date, YYYY-MM-DD")
@click.option("--url", required=True, help="URL of the workbook")
def import_xlsx(path: Path, edition_id: str, title: str, published: str, url: str) -> None:
    """Import NATO's Excel workbook as a new edition in your data directory.

    Example:

        natospend import nato-xlsx def-exp-2027-en.xlsx --edition 2027-06 \\
            --title "Defence Expenditure of NATO Countries (2014-2027)" \\
            --published 2027-06-20 --url https://www.nato.int/...
    """
    from natospend.user_import import import_workbook

    folder = import_workbook(path, edition_id, title, published, url)
    click.echo(f"imported edition {edition_id} into {folder}")


@main.command()
@click.argument("source", required=False)
@click.option("--published", help="publication date YYYY-MM-DD (resolves 'this year' and picks "
                                   "the edition current then)")
@click.option("--input", "batch", type=click.Path(dir_okay=False, path_type=Path),
              help='JSONL batch: {"id", "text", "published"} per line')
@format_option
def check(source: str | None, published: str | None, batch: Path | None, fmt: str) -> None:
    """Find each quantitative claim in an article and check it against NATO's figures.

    SOURCE is a text or HTML file, or - for standard input.

    Example:

        natospend check article.txt --published 2025-02-14
        cat article.txt | natospend check - --format json
        natospend check --input articles.jsonl --format jsonl
    """
    from natospend.claims import check as checker

    if batch is not None:
        _check_batch(batch, fmt)
        return
    if source is None:
        raise click.UsageError("give a file, - for standard input, or --input FILE.jsonl")
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
            name = "standard input"
        else:
            path = Path(source)
            if not path.is_file():
                raise click.ClickException(f"{source}: no such file")
            data, name = path.read_bytes(), source
        text = checker.read_text(data, name)
        rows = checker.check(text, published)
    except checker.InputError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt in ("json", "jsonl", "csv"):
        import pandas as pd

        df = pd.DataFrame(rows)
        emit(df, fmt, summary={"published": published, "claims": len(rows)})
        return
    _print_report(rows, published)


def _print_report(rows: list[dict[str, Any]], published: str | None) -> None:
    when = f", published {published}" if published else " (no publication date given)"
    click.echo(f"{len(rows)} claims found{when}.")
    for n, r in enumerate(rows, 1):
        click.echo("")
        click.echo(f"[{n}] {r['verdict'].upper()}  {r['type']}  \"{r['quote']}\"")
        year = f"{r['year']}{' (inferred)' if r.get('year_inferred') else ''}"
        click.echo(f"    subject {r['subject']}, year {year}, value {r['value']:g} {r['unit']}"
                   + (f", hedge '{r['hedge']}'" if r.get("hedge") else ""))
        click.echo(f"    {r['summary']}")
        for judgement in (r["at_publication"], r["latest"]):
            for ev in (judgement or {}).get("evidence", [])[:1]:
                click.echo(f"    evidence: {ev['table']}, {ev['edition']}: {ev['source_url']}")


def _check_batch(path: Path, fmt: str) -> None:
    import json

    from natospend.claims import check as checker

    if fmt not in ("json", "jsonl"):
        raise click.UsageError("--input batches write --format jsonl or json")
    failed = 0
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8", errors="strict") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise checker.InputError('each line must be an object with a "text" string')
                rows = [{"id": item.get("id", n), **r}
                        for r in checker.check(item["text"], item.get("published"))]
            except (json.JSONDecodeError, checker.InputError) as exc:
                failed += 1
                rows = [{"id": n, "error": f"line {n}: {exc}"}]
            if fmt == "jsonl":
                for r in rows:
                    click.echo(json.dumps(r, ensure_ascii=False, default=str))
            else:
                out.extend(rows)
    if fmt == "json":
        click.echo(json.dumps({"claims": out, "failed_lines": failed}, ensure_ascii=False,
                              default=str, indent=2))
    if failed:
        click.echo(f"{failed} lines could not be checked", err=True)
        sys.exit(1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="interface to bind; anything but 127.0.0.1 exposes the dashboard")
@click.option("--port", type=int, default=8765, show_default=True)
@click.option("--store", help="a news store (SQLite file or postgresql:// URL) for the News page")
def serve(host: str, port: int, store: str | None) -> None:
    """Start the local web dashboard and JSON API, and print its URL.

    Example:

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
    from natospend.cli_store import claims_cmd, ingest, stories

    for command in (aid, ingest, claims_cmd, stories):
        main.add_command(command)


_register()


if __name__ == "__main__":
    main()
