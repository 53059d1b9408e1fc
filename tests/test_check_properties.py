"""The whole checker (reading, extraction, verification) never crashes on arbitrary input."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natospend.claims.check import InputError, check, read_text

NEWSY = st.sampled_from([
    "Poland", "Germany", "NATO", "allies", "Finland", "Ukraine", "the U.K.", "Spain", "Europe",
    "spent", "will spend", "pledged", "package", "military aid", "of GDP", "by 2035", "in 2024",
    "this year", "last year", "more than", "about", "$", "€", "£", "zł", "bn", "billion", "%",
    "2%", "3.5%", "23 of 32", "1.05", "691 million", "(", ")", ",", ".", " ", "\n", "<p>", "</p>",
    # lists and runs of figures, whose pairing once crashed on a group's members
    "the Baltic states", "Latvia and Lithuania", "and", "respectively", "each", "3.1%, 2.9%",
    "for the U.S.", "all 32 members", "met by all", "S$", "Montenegro said", "shortfall",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.one_of(NEWSY, st.text(max_size=8)), max_size=60),
       published=st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1),
                                               max_value=date(2030, 12, 31))))
def test_check_never_crashes_on_newsy_noise(words, published):
    text = " ".join(words)
    try:
        rows = check(read_text(text), published)
    except InputError:
        return  # empty or unreadable input gets a clear error, which is allowed
    for r in rows:
        assert r["verdict"] in ("supported", "contradicted", "unverifiable")
        start, end = r["span"]
        assert 0 <= start < end


@settings(max_examples=50, deadline=None)
@given(data=st.binary(max_size=2000))
def test_read_text_either_reads_or_refuses_clearly(data):
    try:
        text = read_text(data, "upload")
    except InputError as exc:
        assert "upload" in str(exc)
        return
    assert isinstance(text, str)


def test_a_leap_day_publication_date():
    rows = check("The Ramstein group pledged more than $98 billion.", date(2024, 2, 29))
    assert all(r["verdict"] for r in rows)


# Letters that case-insensitive patterns match to ASCII ones but lower() keeps: each crashed a
# table lookup once ('bıllıon', 'at leaſt', 'fıve', 'Kroner' with a Kelvin sign).
LOOKALIKES = {"i": "ı", "I": "İ", "s": "ſ", "S": "ſ", "k": "\u212a", "K": "\u212a"}
LOOKALIKE_TEXT = ("Poland spent at least 4.1 percent of GDP, about 187 billion zlotys, in 2024; "
                  "five allies met the target and almost twenty-three will by 2025. Sweden gave "
                  "SEK 1.5 billion and Denmark 300 million Danish kroner, some US$ 1.05 billion.")


@settings(max_examples=60, deadline=None)
@given(swaps=st.sets(st.sampled_from(sorted(LOOKALIKES)), min_size=1))
def test_unicode_lookalike_letters_do_not_crash_the_checker(swaps):
    text = "".join(LOOKALIKES[c] if c in swaps else c for c in LOOKALIKE_TEXT)
    rows = check(text, date(2025, 6, 1))
    assert all(r["verdict"] in ("supported", "contradicted", "unverifiable") for r in rows)


TAGS = st.sampled_from([
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<p>", "</p>", "<div>",
    "</div>", "<article>", "</article>", "<nav>", "</nav>", "<aside>", "<table>", "<tr>", "<td>",
    "</td>", "<li>", "<ul>", "<br>", "<br/>", "<h1>", "</h1>", "<script>", "</script>",
    "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<!doctype html>", "<?xml version='1.0'?>",
    '<meta property="article:published_time" content="2025-02-14">',
    '<meta property="og:title" content="', '">', "<title>", "</title>", "&amp;", "&#0;",
    "&#x110000;", "&nbsp;", "<time datetime='2024-13-45'>", "</time>", "<a href='javascript:x'>",
    "<svg><script>", "\x00", "\ufeff", "<", ">", "</", "/>",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(TAGS, NEWSY, st.text(max_size=6)), max_size=80))
def test_any_html_is_read_or_refused_clearly(parts):
    html = "<p>" + "".join(parts)  # always taken for HTML
    try:
        text = read_text(html, "page.html")
    except InputError as exc:
        assert "page.html" in str(exc)
        return
    assert text.strip()
    for r in check(text, None):
        assert r["verdict"] in ("supported", "contradicted", "unverifiable")
