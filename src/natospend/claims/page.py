"""A saved web page reduced to its article: the body's text and what the page says of itself.

Most of a news page is not the article. Menus, 'most read' lists, teasers for other stories,
captions and footers carry figures of their own ('Italy to spend €40bn more on arms'), and a
checker that reads them reports claims the article never made. Finding the main text of an
arbitrary page is a job of its own, done by trafilatura: on Zyte's article-extraction benchmark
(181 real pages) a page's whole visible text, which natospend read until session 20, is 60%
article by words, the text read here 93%, at about the same recall (bench/page_text.py). The
same parse gives the page's title and its publication date from the page's markup (htmldate),
which a report needs to read 'this year' and to pick the edition current when the article was
written.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from itertools import islice

from natospend.claims.patterns import DIGIT

__all__ = ["MAX_PAGE_TAGS", "Page", "PageTooLargeError", "html_to_text", "looks_like_html",
           "read_page"]

MAX_PAGE_TAGS = 100_000
"""The most tags a page may have. The extractor's time grows with the number of elements
(about 15 microseconds each, more in tables), and a news page has a few thousand: ten times
the largest of the benchmark's pages is still far from a limit a real article meets, while a
2 MB upload of bare '<p>' would otherwise hold the checker for half a minute."""


class PageTooLargeError(ValueError):
    """The page has more elements than any article needs; reading it would take too long."""


@dataclass(frozen=True)
class Page:
    """An input as the checker reads it: an HTML page's article, with what the page says of
    itself, or plain text (``html`` False), of which nothing more is known.

    ``text`` has one paragraph per block of the page, separated by blank lines, so a headline
    or a list item never runs into the next sentence. ``whole_page`` says that no article body
    was found (a fragment, a page of links) and the text is every paragraph the page has.
    """

    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: date | None = None
    whole_page: bool = False
    html: bool = True


_HTML_HINT = re.compile(r"<\s*(?:!doctype|html|body|p|div|article|span|br|h[1-6])\b", re.I)
_DOCUMENT = re.compile(r"<\s*(?:html|body)\b", re.I)
_TAG = re.compile(r"<[A-Za-z!/]")


def looks_like_html(text: str) -> bool:
    """True when the start of the text has HTML tags, so plain text with a stray '<' is kept."""
    return _HTML_HINT.search(text[:4096]) is not None


def read_page(html: str) -> Page:
    """The article in ``html`` with the page's metadata; PageTooLargeError for a page with
    more than :data:`MAX_PAGE_TAGS` tags."""
    if sum(1 for _ in islice(_TAG.finditer(html), MAX_PAGE_TAGS + 1)) > MAX_PAGE_TAGS:
        # counted up to the limit only: a 100 MB upload is refused without listing its tags
        raise PageTooLargeError(f"the page has more than {MAX_PAGE_TAGS:,} tags; the checker "
                                "reads pages of up to that many (a news page has a few "
                                "thousand): save the article's text and check that")
    import trafilatura
    from trafilatura.settings import Document

    _quiet()
    if not _DOCUMENT.search(html[:65536]):
        # a fragment ('<p>Poland spends ...</p>' pasted from a page): the extractor wants a
        # document and finds nothing in a bare element
        html = f"<html><body>{html}</body></html>"
    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_tables=True, include_comments=False,
        # the date the markup gives (meta tags, structured data, time elements), not one
        # guessed from the running text, where other dates abound
        date_extraction_params={"original_date": True, "extensive_search": False})
    doc = found if isinstance(found, Document) else Document()
    body = doc.text or ""
    whole = not body.strip()
    if whole:
        body = trafilatura.baseline(html)[1]
    title = _clean(doc.title)
    text = _paragraphs(body)
    if title and not whole and not _has_headline(text, title):
        text = f"{title}\n\n{text}" if text else title
    return Page(text=text, title=title, url=_clean(doc.url), site=_clean(doc.sitename),
                published=_day(doc.date), whole_page=whole)


def _has_headline(text: str, title: str) -> bool:
    """Whether one of the text's first paragraphs is the headline already: the title, or the
    title less what a site adds to it ('... | Example News'), or the title within it. The
    headline is read once, or its claims would be reported twice."""
    key = _flat(title)
    for paragraph in text.split("\n\n", 3)[:3]:
        head = _flat(paragraph)
        if key in head or (len(head) * 2 >= len(key) and head in key):
            return True  # (a short line, 'Politics', is no headline however it matches)
    return False


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def html_to_text(html: str) -> str:
    """The article's text in ``html``, headline first (:func:`read_page`)."""
    return read_page(html).text


def _paragraphs(body: str) -> str:
    """The extractor's lines as paragraphs: each line is a block of the page (a paragraph, a
    heading, a list item), and the sentence splitter ends sentences at blank lines. A table's
    rows are written out with their column headings (:func:`_table`)."""
    out: list[str] = []
    rows: list[str] = []
    for line in body.splitlines():
        line = line.strip()
        if line.startswith("|") and line.endswith("|"):
            rows.append(line)
            continue
        if rows:
            out.extend(_table(rows))
            rows = []
        if line:
            out.append(line)
    out.extend(_table(rows))
    return "\n\n".join(out)


_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_YEAR_CELL = re.compile(r"(?:19|20)\d\d")


def _table(rows: list[str]) -> list[str]:
    """A table's rows as paragraphs, each data row with the headings of its columns:
    '| Ally | 2024 | 2025 |' over '| Poland | 4.12% | 4.48% |' is 'Poland — 2024: 4.12%;
    2025: 4.48%.' Read row by row, a table loses which year each column is, and a share of
    2024 would be read as one of the year the text speaks of; written so, each figure has its
    year beside it, as prose would put it.

    A heading row is one whose cells hold no figure but years; the latest above a data row
    with as many cells heads it. A heading row that heads nothing (a caption, '% of GDP') is
    kept as a paragraph, so what it says of the figures is still read."""
    out: list[str] = []
    heading: list[str] | None = None
    for line in rows:
        cells = [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(line[1:-1])]
        if all(set(c) <= set("-: ") for c in cells):
            continue  # the rule under a heading: '|---|---|'
        filled = [c for c in cells if c]
        if not filled:
            continue
        if all(_YEAR_CELL.fullmatch(c) or not DIGIT.search(c) for c in filled):
            heading = cells
            if not any(_YEAR_CELL.fullmatch(c) for c in filled):
                out.append(" ".join(filled) + ("" if filled[-1][-1:] in ".:" else ":"))
            continue
        if heading is not None and len(heading) == len(cells) and cells[0]:
            parts = [f"{h}: {c}" if h else c for h, c in zip(heading[1:], cells[1:],
                                                               strict=True) if c]
            out.append(f"{cells[0]} — " + "; ".join(parts) + ".")
        else:
            out.append(" — ".join(filled) + ".")
    return out


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _quiet() -> None:
    """Keep the extractor's log messages ('empty HTML tree', 'discarding data') out of a
    report: a page without an article is said so by ``whole_page``, not by a logged error.
    A handler on the libraries' loggers stops Python printing them when the user's program
    set up no logging; one that did still gets them."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
