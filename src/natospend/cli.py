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
    """NATO's targets (Wales 2014, The Hague 2025), with their sources."""
    df = dataset.targets()
    if fmt == "table":
        df = df[["id", "share_pct", "of", "deadline", "summit", "agreed", "url"]]
    emit(df, fmt, title="Targets")


@data.command("pledges")
@click.option("--ally", help="one ally")
@format_option
def data_pledges(ally: str | None, fmt: str) -> None:
    """National pledges reported by governments, each with its source."""
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


@main.command("build-data")
@click.option("--raw", type=click.Path(path_type=Path, file_okay=False),
              help="folder of raw source files (default: ../shared/data next to the checkout)")
def build_data(raw: Path | None) -> None:
    """Rebuild the shipped dataset from the raw files and curated/ (for developers)."""
    from natospend.sources import build

    counts = build.build(raw or build.DEFAULT_RAW)
    for name, n in counts.items():
        click.echo(f"{name}: {n} rows")
