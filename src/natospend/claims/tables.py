"""Ranking tables flattened into text: 'Poland 1.88 3.90 U.S. 3.49 3.72 Greece 2.22 3.01'.

Graphics agencies and scraped pages give a chart's table as one run of rows, a name and its
figures, under a heading that says the figures are shares of GDP ('% share of GDP') and, when
there are several columns, which year each column is ('2014 2023'). No percent sign follows
the figures, so the other rules never read them as shares.

A run is read as a table only when three or more allies, one after another, each carry the
same number of bare decimals below 10 right after the name, and the sentence says before the
run that it gives shares of GDP: a lone 'Poland 4.1' in prose is left to the other rules. The
years come from the heading, never from the data: a column whose year the heading does not
give takes the year the context gives, marked inferred.

Prose writes the same ranking as a list with the figures in brackets, the unit given once:
'Poland (3.9 percent) leads the way from Greece (3.01), Estonia (2.73), Lithuania (2.54)'. Such
a run counts as a table when an ally's share written the same way, with its per cent, comes
before it in the sentence and the text speaks of defence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from natospend.claims.numbers import Quantity
from natospend.claims.patterns import DEFENCE
from natospend.claims.sentence import Claim, Context, Sent, claims_for, resolve_year

GDP_HEADING = re.compile(
    r"(?:%|\bper\s?cent|\bpercent)\s*(?:share\s+)?of\s+(?:GDP|gross\s+domestic\s+product)"
    r"|\bshare\s+of\s+(?:GDP|gross\s+domestic\s+product)|\bas\s+%\s+of\b", re.I)
_NAME_TO_FIGURE = re.compile(r"\s*[:(]?\s*$")
_BETWEEN_CELLS = re.compile(r"\s+$")
# Between one row's last figure and the next name: a separator and at most a short word ('N'
# of 'N Macedonia', a footnote mark), never a figure.
_BETWEEN_ROWS = re.compile(r"\)?[\s,;|*]*(?:\S{1,3}\s+)?$")
# 'Poland (3.9 percent)': the row before a bracketed run that gives the run's unit
_UNIT_ROW = re.compile(r"\s*\(\s*\d+(?:[.,]\d+)?\s*(?:%|per\s?cent\b|percent\b)\s*\)")
_YEAR_RUN_GAP = re.compile(r"\s+$")
MIN_ROWS = 3


@dataclass(frozen=True)
class _Row:
    code: str
    start: int  # where the name starts
    cells: tuple[Quantity, ...]


def _cells(s: Sent, name_end: int, figures: list[Quantity]) -> tuple[Quantity, ...]:
    """The bare decimals right after a name, one after another, separated by spaces only."""
    text = s.text
    cells: list[Quantity] = []
    at = name_end
    for q in figures:
        if q.start < at:
            continue
        gap = _NAME_TO_FIGURE if not cells else _BETWEEN_CELLS
        if not gap.match(text[at:q.start]):
            break
        cells.append(q)
        at = q.end
    return tuple(cells)


def _rows(s: Sent) -> list[_Row]:
    figures = [q for q in s.quantities if q.kind == "number" and not q.hedge
               and 0 < q.value < 10 and "." in s.text[q.num_start:q.end]]
    rows = []
    for m in s.mentions:
        if m.role != "ally":
            continue
        cells = _cells(s, m.end, figures)
        if cells:
            rows.append(_Row(m.code, m.start, cells))
    return rows


def _runs(s: Sent, rows: list[_Row]) -> list[list[_Row]]:
    """Rows that follow each other with the same number of figures, three or more."""
    runs: list[list[_Row]] = []
    current: list[_Row] = []
    for row in rows:
        if current and len(row.cells) == len(current[-1].cells) and \
                _BETWEEN_ROWS.match(s.text[current[-1].cells[-1].end:row.start]):
            current.append(row)
            continue
        if len(current) >= MIN_ROWS:
            runs.append(current)
        current = [row]
    if len(current) >= MIN_ROWS:
        runs.append(current)
    return runs


def _column_years(s: Sent, before: int, columns: int) -> list[int] | None:
    """The years of the columns: the last run of ``columns`` years written one after another
    ('2014 2023') before the table, or, for one column, the last year written before it."""
    years = [y for y in s.years if y.year is not None and y.end <= before]
    if columns == 1:
        return [years[-1].year] if years and years[-1].year is not None else None
    for i in range(len(years) - columns, -1, -1):
        run = years[i:i + columns]
        if all(_YEAR_RUN_GAP.match(s.text[a.end:b.start]) for a, b in zip(run, run[1:],
                                                                          strict=False)):
            return [y.year for y in run if y.year is not None]
    return None


def _unit_row_before(s: Sent, ctx: Context, run: list[_Row]) -> tuple[str, Quantity] | None:
    """The row that gives a bracketed run its unit ('Poland (3.9 percent) ... Greece (3.01),
    ...'), as its ally and its figure, in a text that speaks of defence; None if there is none."""
    first = run[0]
    if not s.text[first.start:first.cells[0].start].rstrip().endswith("("):
        return None
    if not (ctx.defence_topic or s.has(DEFENCE) or DEFENCE.search(ctx.whole_text)):
        return None  # (a rare run: the whole text is searched only when one is found)
    for m in s.mentions:
        unit = _UNIT_ROW.match(s.text, m.end) if m.role == "ally" and m.end <= first.start \
            else None
        if unit is not None:
            figure = next((q for q in s.quantities if q.kind == "percent"
                           and unit.start() <= q.start < unit.end()), None)
            return (m.code, figure) if figure is not None else None
    return None


def table_shares(s: Sent, ctx: Context, out: list[Claim]) -> list[Claim]:
    """Shares of GDP read from the rows of ranking tables in ``s`` that no claim in ``out``
    has read already."""
    taken = {c.span[0] - s.sent.start for c in out}
    found: list[Claim] = []
    for run in _runs(s, _rows(s)):
        first = run[0].start
        unit_row = None
        if GDP_HEADING.search(s.text, 0, first) is None:
            unit_row = _unit_row_before(s, ctx, run)
            if unit_row is None:
                continue
        columns = len(run[0].cells)
        years = _column_years(s, first, columns)
        if unit_row is not None and unit_row[1].start not in taken and columns == 1:
            # the row that gave the unit is the ranking's first
            owner, figure = unit_row
            first_year = years[0] if years else resolve_year(None, ctx, True)[0]
            found.extend(claims_for(s, figure, [owner], "share_of_gdp", first_year, True, None))
        for row in run:
            for i, q in enumerate(row.cells):
                if q.start in taken:
                    continue
                if years is not None and len(years) == columns:
                    year: int | None = years[i]
                else:
                    year, _ = resolve_year(None, ctx, default_context=True)
                s.table_cells.add(q.start)
                found.extend(claims_for(s, q, [row.code], "share_of_gdp", year, True, None))
    return found
