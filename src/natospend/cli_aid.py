"""``natospend aid``: Kiel's allocations and the announced packages, thin over analysis.aid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pandas as pd

from natospend.analysis import aid as aid_mod
from natospend.output import emit, format_option, records

PACKAGE_TABLE = ["announced", "package_id", "donor", "amount_text", "currency", "eur_m", "usd_m",
                 "aid_type"]


def _package_table(df: pd.DataFrame) -> pd.DataFrame:
    """Millions read better than nine-digit figures on a terminal; csv/json keep the units."""
    return df.assign(eur_m=df["amount_eur"] / 1e6, usd_m=df["amount_usd"] / 1e6)[PACKAGE_TABLE]


class AidGroup(click.Group):
    """One line and exit status 1 for a bad donor, date or amount, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except aid_mod.AID_ERRORS as exc:
            raise click.ClickException(str(exc).strip("'\"")) from None


def _footer(df: pd.DataFrame) -> str:
    a = df.attrs
    lines = [*a.get("assumptions", [])]
    lines += [f"Source: {s['title']}: {s['path']}" for s in a.get("sources", [])]
    if a.get("not_compared"):
        lines.append("Not compared with the minimum (no conversion): "
                     + ", ".join(a["not_compared"]))
    return "\n".join(lines)


def _amount_title(df: pd.DataFrame) -> str:
    a = df.attrs
    kind = "" if a["aid_type"] == "all" else f"{a['aid_type']} "
    who = f" from {a['donor']}" if a.get("donor") else ""
    return (f"Aid to Ukraine{who}: {kind}allocations by {a['by']}, {a['months']}, "
            f"EUR and US$ billion (Kiel release {a['release']})")


@click.group("aid", cls=AidGroup, invoke_without_command=True)
@click.option("--by", type=click.Choice(aid_mod.BY),
              help="group by donor, month or type [default: donor; type with --donor]")
@click.option("--donor", help="a donor by name or ISO code (Finland, FIN, Japan, EU)")
@click.option("--since", help="first month: YYYY, YYYY-MM or YYYY-MM-DD")
@click.option("--until", help="last month: YYYY, YYYY-MM or YYYY-MM-DD")
@click.option("--type", "aid_type", type=click.Choice(aid_mod.AID_TYPES),
              help="one type of aid only")
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path),
              help="also write a chart (.svg, .png, or .json for the spec)")
@format_option
@click.pass_context
def aid(ctx: click.Context, by: str | None, donor: str | None, since: str | None,
        until: str | None, aid_type: str | None, chart: Path | None, fmt: str) -> None:
    """Aid to Ukraine as the Kiel Institute's tracker counts it, in EUR and US$, and as a
    share of the donor's GDP. With --donor, the donor's announced packages follow.

    Example:

    \b
        natospend aid --by donor --since 2022-01 --type military
        natospend aid --donor FIN
        natospend aid --by month --chart aid.svg
        natospend aid packages --since 2025-01 --min 100m
    """
    if ctx.invoked_subcommand is not None:
        return
    df = aid_mod.aid(by or ("type" if donor else "donor"), donor, since, until, aid_type)
    if chart:
        from natospend import charts
        from natospend.aid_charts import aid_chart

        charts.save(aid_chart(df), chart)
    pk = None
    if donor is not None and by is None:
        try:
            pk = aid_mod.packages(donor=donor, since=since, until=until)
        except aid_mod.NoAidDataError:
            pk = None
    summary = dict(df.attrs)
    if pk is not None and fmt == "json":
        summary["packages"] = records(pk)
    shown = df
    if fmt == "table" and df.attrs["by"] == "month" and "military_eur_bn" in df:
        shown = df.drop(columns=["usd_per_eur"])
    emit(shown, fmt, title=_amount_title(df), summary=summary, footer=_footer(df), digits=3)
    if pk is not None and fmt == "table":
        emit(_package_table(pk), fmt, title=f"Announced packages including {df.attrs['donor']}",
             footer="Each row's source: natospend aid packages --donor "
                    f"{df.attrs['donor']} --format csv", digits=1)


@aid.command("packages")
@click.option("--since", help="announced on or after: YYYY, YYYY-MM or YYYY-MM-DD")
@click.option("--until", help="announced on or before: YYYY, YYYY-MM or YYYY-MM-DD")
@click.option("--donor", help="a donor by name or ISO code; joint packages included")
@click.option("--min", "min_amount", help="smallest amount, EUR unless given in $: 100m, $1bn")
@click.option("--type", "aid_type", type=click.Choice([*aid_mod.AID_TYPES, "mixed"]))
@format_option
def aid_packages(since: str | None, until: str | None, donor: str | None,
                 min_amount: str | None, aid_type: str | None, fmt: str) -> None:
    """Packages governments announced, as announced and in EUR and US$ at the ECB rate of the
    day, each with its source.

    Example:

    \b
        natospend aid packages --since 2025-01 --min 100m
        natospend aid packages --donor Japan --format csv
    """
    df = aid_mod.packages(since=since, donor=donor, min_amount=min_amount, until=until,
                          aid_type=aid_type)
    shown = _package_table(df) if fmt == "table" else df
    emit(shown, fmt, title=f"Announced aid packages ({len(df)}); amounts as announced, EUR "
         "and US$ million", summary=dict(df.attrs), footer=_footer(df), digits=1)


@aid.command("totals")
@click.option("--subject", help="UDCG, EU, PURL, NORDIC_BALTIC, G7, NATO, ...")
@format_option
def aid_totals(subject: str | None, fmt: str) -> None:
    """Multi-donor totals as sources stated them (Ramstein meetings, the EU, PURL).

    Example:

    \b
        natospend aid totals --subject UDCG
    """
    df = aid_mod.totals(subject)
    shown = df[["stated", "subject", "amount_text", "scope", "source_url"]] if fmt == "table" \
        else df
    emit(shown, fmt, title=f"{len(df)} stated totals")
