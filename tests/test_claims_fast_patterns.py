"""Patterns rewritten for speed match exactly where their plain forms match.

Several scans of the claim checker are written in a faster but less readable form (a class of
first characters consumed up front, a leading class of first letters, a lowercase copy, a
cheaper pattern where a substring test rules an alternative out). Each is pinned here to the
plain form it stands for, on text built from the characters and words that matter to it.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from natospend.claims import subjects, verify, years
from natospend.claims import text as text_mod
from natospend.claims.extract import open_sentence, read_figures, sentences_in_context, settle
from natospend.claims.patterns import COUNT_RE, LOWERCASE_FORM
from natospend.claims.sentence import Sent
from natospend.claims.text import Sentence, caseless

DATA = Path(__file__).resolve().parent / "data"
YEAR_PLAIN = re.compile(
    r"(?<![\d.,$€£-])(?:19[5-9]\d|20[0-4]\d)(?![\d%]|\.\d| ?per ?cent| ?percent)")
CANDIDATE_PLAIN = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n[ \t]*\n")
PRESENT_PLAIN = re.compile(
    r"\b(?:currently|current|now|today|at present|presently|already|so far|to date)\b", re.I)
PRESENT_VERB_PLAIN = re.compile(
    r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bmust )(?<!\bshould )(?<!\bcould )(?<!\bcan )"
    r"(?<!\bmay )(?<!\bmight )(?<!\bshall )"
    r"\b(?:spends|spend|is\s+spending|are\s+spending|allocates|directs|devotes|stands\s+at|"
    r"is\s+at|are\s+at)\b",
    re.I)


def _pieces(*words: str) -> st.SearchStrategy[str]:
    """Text made of the given words and of single characters around them."""
    return st.lists(st.sampled_from(words), max_size=24).map("".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _same_everywhere(fast: re.Pattern[str], plain: re.Pattern[str], text: str) -> None:
    assert _spans(fast, text) == _spans(plain, text), text
    for pos in range(len(text) + 1):  # searches that start inside the text see before it too
        a, b = fast.search(text, pos), plain.search(text, pos)
        assert (a and a.span()) == (b and b.span()), (text, pos)


@settings(max_examples=400, deadline=None)
@given(_pieces("1", "2", "9", "0", "5", "4", "19", "20", "195", "204", "2024", "1999", "2050",
               ".", ",", "$", "€", "£", "-", "%", " ", "a", " per cent", "percent", "٣"))
def test_year_pattern_is_the_plain_one(text: str) -> None:
    _same_everywhere(years._YEAR_RE, YEAR_PLAIN, text)


@settings(max_examples=400, deadline=None)
@given(_pieces(".", "!", "?", "\n", " ", "\t", '"', "'", "”", "’", ")", "]", "a", "A", "U.S."))
def test_sentence_mark_pattern_is_the_plain_one(text: str) -> None:
    _same_everywhere(text_mod._CANDIDATE, CANDIDATE_PLAIN, text)


@settings(max_examples=400, deadline=None)
@given(_pieces("to ", "will ", "can ", "may ", "shall ", "spends", "spend", "Spend", "is ",
               "are ", "spending", "allocates", "stands at", "at", "currently", "current", "now",
               "Today", "at present", "so far", "to date", "already", " ", "x", "ſ", "ı", "İ"))
def test_present_tense_patterns_are_the_plain_ones(text: str) -> None:
    _same_everywhere(verify._PRESENT_VERB, PRESENT_VERB_PLAIN, text)
    _same_everywhere(verify._PRESENT, PRESENT_PLAIN, text)


def test_leading_letter_classes_match_what_the_letters_match() -> None:
    """Under re.IGNORECASE a class of letters matches what the letters themselves match, over
    all of Unicode ('ſ' and 'ı' included): the leading classes add no match and lose none."""
    for letters in ("sida", "cntaps", "tlncawi"):
        cls = re.compile(f"[{letters}]", re.I)
        singles = [re.compile(c, re.I) for c in letters]
        for code in range(sys.maxunicode + 1):
            ch = chr(code)
            assert bool(cls.fullmatch(ch)) == any(p.fullmatch(ch) for p in singles), ch


@settings(max_examples=400, deadline=None)
@given(_pieces("this year", "last Year", "next fiscal year", "the current year", "currently",
               "now", "today", "as of today", "two years ago", "Ten Years AGO", "within five "
               "years", "in three years", "yearſ ago", "year", "ago", " ", ",", "x", "ı", "İ"))
def test_relative_scan_finds_what_the_full_pattern_finds(text: str) -> None:
    scan = years._relative_scan(text)
    found = _spans(scan, text) if scan is not None else []
    assert found == _spans(years._RELATIVE, text), text


@settings(max_examples=300, deadline=None)
@given(_pieces("23 ", "Twenty-Three ", "more than ", "Over ", "of ", "32 ", "NATO ", "allies",
               "Member States", "countries", "the alliance’s ", "out of ", " ", ",", "x", "ſ",
               "K"))
def test_count_scan_in_the_lowercase_copy_is_the_scan_of_the_sentence(text: str) -> None:
    s = Sent(Sentence(0, len(text), text), [], [], [])
    fast = [(m.span(), m.span("n"), m.group("n"), m.group("total"), m.group("hedge"))
            for m in s.finditer(COUNT_RE)]
    plain = [(m.span(), m.span("n"), m.group("n"), m.group("total"), m.group("hedge"))
             for m in COUNT_RE.finditer(text)]
    low = caseless(text)
    if low is None:
        assert fast == plain
        return

    def fold(g: str | None) -> str | None:
        return g.lower() if g is not None else None

    assert [(a, b, fold(n), fold(t), fold(h)) for a, b, n, t, h in plain] == fast, text
    assert (LOWERCASE_FORM[id(COUNT_RE)].search(low) is None) == \
        (COUNT_RE.search(text) is None)


def test_the_count_pattern_has_no_upper_case_escape_that_lowering_would_change() -> None:
    assert re.search(r"\\[A-Z]", COUNT_RE.pattern) is None


_NAMES = sorted(subjects._lexicon(), key=len, reverse=True)


def _plain_mention_re() -> re.Pattern[str]:
    """The names pattern as it reads plainly: an alternation of the names, longest first."""
    firsts = "".join(sorted({re.escape(n[0]) for n in _NAMES}))
    return re.compile(rf"(?=[{firsts}])(?:(?<![\w-])|(?<=\s-))(?:"
                      + "|".join(map(re.escape, _NAMES)) + r")(?![\w$]|[-‑][a-z])")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_NAMES, " ", "-", "s", "n", "S", ",", "'s", "-made", "\n",
                                 " countries", " members", " States", "the ", "The "]),
                max_size=12).map("".join))
def test_names_trie_matches_the_plain_alternation(text: str) -> None:
    _same_everywhere(subjects._mention_re(), _plain_mention_re(), text)


def test_names_trie_matches_the_plain_alternation_on_every_name() -> None:
    """Each name alone, after a space, before a word and glued to the next name."""
    fast, plain = subjects._mention_re(), _plain_mention_re()
    for i, name in enumerate(_NAMES):
        for text in (name, " " + name + " x", name + "s", name + _NAMES[i - 1], "-" + name):
            assert _spans(fast, text) == _spans(plain, text), text


# --- sentences without a figure, settled when one with a figure needs them -----------------

def _contexts_before_figures(text: str, *, eager: bool) -> list[dict[str, object]]:
    """The context each sentence with a figure is read with; ``eager`` settles every sentence
    as it comes, which is the plain reading the lazy one (``extract.settle``) stands for."""
    seen = []
    for sentence, ctx in sentences_in_context(text, date(2025, 6, 1)):
        s, has_figure = open_sentence(sentence, ctx)
        if eager:
            settle(ctx)
        if has_figure:
            seen.append({k: v for k, v in ctx.__dict__.items() if k != "pending"})
            read_figures(s, ctx)
    return seen


@settings(max_examples=300, deadline=None)
@given(_pieces("Poland ", "Germany ", "the EU ", "NATO ", "Indian ", "rupees ", "Rs 5 crore ",
               "military aid ", "defence spending ", "spends ", "the number of allies ",
               "a poll ", "2% of GDP ", "$5 billion ", "in 2023 ", ". ", "\n\n", "It ", "it "))
def test_settling_late_gives_each_figure_the_context_of_reading_every_sentence(text: str
                                                                               ) -> None:
    assert _contexts_before_figures(text, eager=False) == \
        _contexts_before_figures(text, eager=True), text


def test_settling_late_on_the_labelled_passages() -> None:
    """The same on real text: the training passages of three rounds, each file read as one
    long text, so that runs of sentences without a figure come between the figures."""
    for name in ("claims_dev.jsonl", "claims_dev2.jsonl", "claims_dev21a.jsonl"):
        lines = (DATA / name).read_text("utf-8").splitlines()
        text = "\n\n".join(json.loads(line)["text"] for line in lines if line.strip())
        lazy = _contexts_before_figures(text, eager=False)
        assert len(lazy) > 100
        assert lazy == _contexts_before_figures(text, eager=True), name


def test_sentences_before_a_named_subject_are_not_searched_for_names() -> None:
    text = ("Germany is an old ally. France joined early. It pledged military aid. "
            "It spends 2% of GDP.")
    sents = []
    for sentence, ctx in sentences_in_context(text, date(2025, 6, 1)):
        s, has_figure = open_sentence(sentence, ctx)
        sents.append(s)
        if has_figure:
            assert ctx.subject == "FRA" and ctx.money_type == "aid_pledge"
            read_figures(s, ctx)
    assert sents[0]._mentions is None  # France came later: Germany was never looked for
    assert [m.code for m in sents[1].mentions] == ["FRA"]
