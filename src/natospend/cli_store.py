"""``natospend ingest``, ``claims`` and ``stories``: the news desk's commands over a store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from natospend.output import emit, format_option

store_option = click.option("--store", required=True,
                            help="a SQLite file (news.db) or a postgresql:// URL")


def _open(store: str):  # type: ignore[no-untyped-def]
    from natospend.store.db import StoreError, open_store

    try:
        return open_store(store)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@store_option
@click.option("--processes", type=int, help="worker processes (default: all cores)")
@click.option("--quiet", is_flag=True, help="no progress bar")
def ingest(paths: tuple[Path, ...], store: str, processes: int | None, quiet: bool) -> None:
    """Ingest articles (text, HTML, or JSONL with url/outlet/published/text) into a store.

    Each article is kept once (by content and canonical URL); a run can be killed and run
    again; bad files are reported and skipped.

    Example:

    \b
        natospend ingest ./articles/ --store news.db
        natospend ingest feed.jsonl --store postgresql://desk@localhost/news
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from natospend.store.ingest import Summary
    from natospend.store.ingest import ingest as run_ingest

    if processes is not None and processes < 1:
        raise click.BadParameter("--processes must be at least 1")
    engine = _open(store)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  disable=quiet or not sys.stderr.isatty(), transient=False) as bar:
        task = bar.add_task("ingesting", total=None)

        def report(s: Summary) -> None:
            text = (f"{s.added} added, {s.duplicates} already held, {s.versions} new versions, "
                    f"{s.skipped} skipped, {s.claims} claims")
            bar.update(task, description=text)
            if quiet or not sys.stderr.isatty():
                click.echo(f"committed: {text}", err=True)

        summary = run_ingest(engine, list(paths), processes, report)
    click.echo(f"{summary.added} articles added ({summary.versions} new versions of known URLs), "
               f"{summary.duplicates} already in the store, {summary.skipped} skipped, "
               f"{summary.claims} claims")
    for reason, n in sorted(summary.reasons.items(), key=lambda kv: -kv[1]):
        click.echo(f"  skipped {n}: {reason}")


@click.command("claims")
@store_option
@click.option("--verdict", type=click.Choice(["supported", "contradicted", "unverifiable"]))
@click.option("--since", help="articles published since YYYY-MM or YYYY-MM-DD")
@click.option("--type", "claim_type", help="claim type, e.g. share_of_gdp")
@click.option("--subject", help="ISO code or group, e.g. POL")
@click.option("--repeated", is_flag=True, help="the same claim across articles, most repeated")
@click.option("--min-confidence", type=float, default=None, metavar="P",
              help="only claims whose type the learned layer gave at least probability P (0-1); "
                   "without it, every stored claim")
@click.option("--limit", type=int, default=1000, show_default=True)
@format_option
def claims_cmd(store: str, verdict: str | None, since: str | None, claim_type: str | None,
               subject: str | None, repeated: bool, min_confidence: float | None, limit: int,
               fmt: str) -> None:
    """Claims in the store, filtered; or with --repeated, the figures that circulate.

    Example:

    \b
        natospend claims --store news.db --verdict contradicted --since 2025-01
        natospend claims --store news.db --repeated
    """
    from natospend.claims.check import InputError, confidence_threshold
    from natospend.store import queries

    try:
        # the store is an archive: every claim unless a minimum is asked for (check's default
        # minimum is for what a report shows)
        threshold = confidence_threshold(min_confidence, default=None)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    if threshold is not None and repeated:
        raise click.UsageError("--min-confidence filters claims, not --repeated figures")
    engine = _open(store)
    try:
        if repeated:
            df = queries.repeated_claims(engine, since, limit)
            shown = df[["articles", "outlets", "stories", "verdict", "latest_verdict", "type",
                        "subject", "year", "value", "unit", "example"]] if fmt == "table" \
                and not df.empty else df
        else:
            df = queries.claim_rows(engine, verdict, since, claim_type, subject, limit,
                                    threshold)
            shown = df[["published", "outlet", "type", "subject", "year", "quote", "verdict",
                        "latest_verdict"]] if fmt == "table" and not df.empty else df
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    emit(shown, fmt, title=f"{len(df)} {'claims repeated' if repeated else 'claims'}")


@click.command()
@store_option
@click.option("--limit", type=int, default=100, show_default=True)
@format_option
def stories(store: str, limit: int, fmt: str) -> None:
    """Articles grouped into stories: near-duplicates collapsed, largest first.

    Example:

    \b
        natospend stories --store news.db
    """
    from natospend.store import queries

    df = queries.stories(_open(store), limit)
    emit(df, fmt, title=f"{len(df)} stories")
