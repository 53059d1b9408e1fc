"""``natospend check``: an article's claims against NATO's figures, one file or a JSONL batch."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from natospend.output import emit, format_option

if TYPE_CHECKING:
    from natospend.claims.page import Page


@click.command()
@click.argument("source", required=False)
@click.option("--published", help="publication date YYYY-MM-DD (resolves 'this year' and picks "
                                   "the edition current then); for an HTML page, the date in "
                                   "its markup unless given")
@click.option("--input", "batch", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help='JSONL batch: {"id", "text", "published"} per line')
@click.option("--learned/--rules-only", default=True, show_default=True,
              help="type each figure and choose its year and subject with the learned layers "
                   "over the rules (the default: more claims found and fewer wrong ones on "
                   "unseen news; figures in docs/benchmarks.md), or use the rules alone (about "
                   "1.5-1.8 times faster on one core, for large batches)")
@click.option("--min-confidence", type=float, default=None, metavar="P",
              help="keep only claims whose type the learned layer gave at least probability P "
                   "(0-1): the default 0.8 reports fewer claims, more of them right; 0 reports "
                   "every claim; the trade, held out, is in docs/benchmarks.md")
@format_option
def check(source: str | None, published: str | None, batch: Path | None, learned: bool,
          min_confidence: float | None, fmt: str) -> None:
    """Find each quantitative claim in an article and check it against NATO's figures.

    SOURCE is a text or HTML file, or - for standard input. Of an HTML page only the
    article is read (not its menus, teasers or footer), headline first, and the page's own
    publication date is used unless --published gives one.

    Example:

    \b
        natospend check article.txt --published 2025-02-14
        cat article.txt | natospend check - --format json
        natospend check --input articles.jsonl --format jsonl
    """
    from natospend.claims import check as checker

    try:
        threshold = checker.confidence_threshold(min_confidence, learned)
    except checker.InputError as exc:
        raise click.ClickException(str(exc)) from None
    if batch is not None:
        _check_batch(batch, fmt, learned, threshold)
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
        article = checker.read_article(data, name)
        day, published_from = checker.publication_date(published, article)
        published = str(day) if day else None
        rows, left_out = checker.check_counted(article.text, day, learned=learned,
                                               min_confidence=min_confidence)
    except checker.InputError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt in ("json", "jsonl", "csv"):
        emit(checker.frame(rows), fmt, summary={"published": published,
                                                "published_from": published_from,
                                                "title": article.title, "url": article.url,
                                                "claims": len(rows),
                                                "min_confidence": threshold,
                                                "left_out": left_out})
        return
    _print_report(rows, published, threshold, left_out, article, published_from)


def _print_report(rows: list[dict[str, Any]], published: str | None,
                  threshold: float | None = None, left_out: int = 0,
                  article: Page | None = None, published_from: str | None = None) -> None:
    if article is not None and article.html:
        head = f"Page: {article.title or '(no title)'}" + (f" <{article.url}>" if article.url
                                                          else "")
        click.echo(head)
        if article.whole_page:
            click.echo("No article body found on the page: every paragraph of it was read.")
    when = f", published {published}" if published else " (no publication date given)"
    if published_from == "page":
        when += " (the page's own date)"
    click.echo(f"{len(rows)} claims found{when}.")
    if not published and rows:
        # without it 'this year' has no year, aid cannot be matched to its announcement, and
        # every figure is judged against the latest edition only
        click.echo("Give --published YYYY-MM-DD to read 'this year' and 'last year', to match "
                   "aid to its announcement and to judge against the edition then current.")
    if left_out:
        click.echo(f"{left_out} more whose type the checker is less than {threshold:.2f} sure "
                   "of are left out; --min-confidence 0 reports them too.")
    for n, r in enumerate(rows, 1):
        click.echo("")
        click.echo(f"[{n}] {r['verdict'].upper()}  {r['type']}  \"{r['quote']}\"")
        year = f"{r['year']}{' (inferred)' if r.get('year_inferred') else ''}"
        click.echo(f"    subject {r['subject']}, year {year}, value {r['value']:g} {r['unit']}"
                   + (f", hedge '{r['hedge']}'" if r.get("hedge") else "")
                   + (f", confidence {r['confidence']:.2f}"
                      if r.get("confidence") is not None else ""))
        click.echo(f"    {r['summary']}")
        for judgement in (r["at_publication"], r["latest"]):
            for ev in (judgement or {}).get("evidence", [])[:1]:
                note = f" ({ev['note']})" if ev.get("note") else ""
                click.echo(f"    evidence: {ev['table']}, {ev['edition']}{note}: "
                           f"{ev['source_url']}")


def _check_batch(path: Path, fmt: str, learned: bool = True,
                 threshold: float | None = None) -> None:
    """Each line's claims at or above ``threshold`` (checked and settled by the caller; None
    keeps every claim)."""
    import json

    from natospend.claims import check as checker

    if fmt not in ("json", "jsonl"):
        raise click.UsageError("--input batches write --format jsonl or json")
    try:
        lines = checker.read_lines(path.read_bytes(), str(path))
    except checker.InputError as exc:
        raise click.ClickException(str(exc)) from None
    failed = 0
    out: list[dict[str, Any]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise checker.InputError('each line must be an object with a "text" string')
            article = checker.read_article(item["text"], "the text")
            day, _ = checker.publication_date(item.get("published"), article)
            rows = [{"id": item.get("id", n), **r}
                    for r in checker.check(article.text, day,
                                           learned=learned, min_confidence=threshold or 0)]
        except (json.JSONDecodeError, checker.InputError) as exc:
            failed += 1
            rows = [{"id": n, "error": f"line {n}: {exc}"}]
        if fmt == "jsonl":
            for r in rows:
                click.echo(json.dumps(r, ensure_ascii=False, default=str))
        else:
            out.extend(rows)
    if fmt == "json":
        click.echo(json.dumps({"claims": out, "failed_lines": failed,
                               "min_confidence": threshold},
                              ensure_ascii=False,
                              default=str, indent=2))
    if failed:
        click.echo(f"{failed} lines could not be checked", err=True)
        sys.exit(1)
