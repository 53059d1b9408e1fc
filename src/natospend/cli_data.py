"""``natospend data``, ``validate``, ``import``: the shipped dataset as it is, and adding to it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from natospend import checks, dataset
from natospend.cli_base import Group
from natospend.output import emit, format_option


@click.group(cls=Group)
def data() -> None:
    """The shipped dataset: editions, expenditure figures, targets, pledges."""


@data.command("editions")
@format_option
def data_editions(fmt: str) -> None:
    """Every edition (vintage) of NATO's figures we hold.

    Example:

    \b
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

    \b
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

    \b
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

    \b
        natospend data pledges --ally "U.K."
    """
    df = dataset.pledges(ally)
    if fmt == "table":
        df = df[["iso3", "target_pct_gdp", "target_pct_gdp_high", "deadline_year", "basis",
                 "announced", "status"]]
    emit(df, fmt, title="National pledges")



@click.command()
def validate() -> None:
    """Check the shipped dataset: schema, internal consistency, coverage. Non-zero on failure.

    Example:

    \b
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


@click.group("import", cls=Group)
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

    \b
        natospend import nato-xlsx def-exp-2027-en.xlsx --edition 2027-06 \\
            --title "Defence Expenditure of NATO Countries (2014-2027)" \\
            --published 2027-06-20 --url https://www.nato.int/...
    """
    from natospend.user_import import import_workbook

    folder = import_workbook(path, edition_id, title, published, url)
    click.echo(f"imported edition {edition_id} into {folder}")
