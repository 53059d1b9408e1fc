"""The learned subject layer (``natospend.claims.subjectmodel``) of ``extract_learned(...,
subjects=True)``: its weights, its subjects on labelled and hand-written sentences, what it must
leave alone, and odd input."""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from natospend.claims import CLAIM_TYPES, extract
from natospend.claims.learned import extract_learned, load_model, typed_claims
from natospend.claims.subjectmodel import (
    SUBJECT_FEATURES_VERSION,
    SUBJECT_TYPES,
    DocSubjects,
    best_subject,
    decidable,
    load_subject_model,
    parse_subject_model,
    subject_candidates,
)
from tests.labelled_rounds import BLIND_ROUND, TRAINING_FILES  # the same for all layers

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _shipped() -> dict:
    text = resources.files("natospend.claims").joinpath("subject_model.json").read_text("utf-8")
    return json.loads(text)


def test_weights_file_has_its_metadata_and_loads_once():
    meta = _shipped()["metadata"]
    assert set(meta["training_files"]) == TRAINING_FILES  # never the blind round, nor the verdicts
    assert meta["matched_claims"] == sum(meta["training_files"].values()) > 3000
    assert meta["training_claims"] <= meta["matched_claims"]
    assert meta["training_candidates"] > 2 * meta["training_claims"]
    conf = meta["configuration"]
    assert conf["subject_features_version"] == SUBJECT_FEATURES_VERSION
    assert (conf["C"], conf["decision"]) == (0.5, "argmax")
    assert "claims_train_subjects.py" in meta["command"] and meta["scikit_learn_version"]
    assert f"Round {BLIND_ROUND}" in meta["note"] and "never read" in meta["note"]
    model = load_subject_model()
    assert model is load_subject_model()  # read once
    assert len(model.weights) > 300


def test_weights_for_other_features_are_refused():
    data = _shipped()
    data["metadata"]["configuration"]["subject_features_version"] = SUBJECT_FEATURES_VERSION + 1
    with pytest.raises(ValueError, match="features version"):
        parse_subject_model(data)


def _sents(text: str, day: date | None):
    """The text's sentences as the rules read them (names, figures, years)."""
    from natospend.claims.extract import read_sentence, sentences_in_context
    return [read_sentence(sent, ctx)[1] for sent, ctx in sentences_in_context(text, day)]


def _one(text: str, quote: str, subjects: bool, day: date | None = None):
    """The claim on the first occurrence of ``quote``: learned typing and years, with or
    without the subject layer."""
    (c,) = [c for c in extract_learned(text, day, subjects=subjects)
            if c.span[0] == text.index(quote) and c.quote == quote]
    return c


# Sentences of labelled rounds where the learned subject is the labelled one and the rules'
# is not, on the sentence alone: (passage id, sentence, quote, type, labelled subject, the
# rules' subject). The shipped weights saw these rounds; the weights trained without the
# passage's round (bench/claims_train_subjects.py --loro) got them right too.
CASES = [
    # the alliance's target, in a sentence that names who demands or backs it
    ("r4a-ptruth-italy-2", "The NATO target itself is now on the verge of being raised to 5%, "
     "as demanded by U.S. President Donald Trump.", "5%", "target_commitment", "NATO", "USA"),
    ("r7a-regjeringen-nor5-1", "Norway supports the NATO proposal to establish a 5 % target.",
     "5 %", "target_commitment", "NATO", "NOR"),
    # a country's level, in a sentence that names the alliance nearer the figure
    ("r6a-pravdaen-esp-1", "Spain is now among the countries of the alliance that spend the "
     "least on defense - about 1.3% of GDP.", "about 1.3%", "share_of_gdp", "ESP", "NATO"),
    ("r9a-hubu-pol-1", "Poland, with its planned 4.7% of GDP for military spending this year, "
     "has the highest defense expenditures among all NATO member states, amounting to "
     "approximately 43.6 billion euros.", "approximately 43.6 billion euros", "spending_amount",
     "POL", "NATO"),
    # a donor's aid, not the alliance's programme it goes through
    ("r9b-byteseu-lux-1", "Luxembourg has pledged a further €15 milliion in funding for a Nato "
     "programme to support Ukraine, the defence ministry said on Tuesday, bringing total "
     "spending on military support for the war-torn country to €155 million this year.",
     "€155 million", "aid_pledge", "LUX", "NATO"),
    # Europe's allies are NATO_EUROPE in the labels
    ("r5-kyivind-18-2", "Speaking at a press conference in Brussels ahead of a meeting of NATO "
     "defense ministers, Stoltenberg said that European countries in NATO would invest a "
     "combined total of $380 billion in defense spending in 2024.", "$380 billion",
     "spending_amount", "NATO_EUROPE", "NATO"),
]


@pytest.mark.parametrize(("pid", "text", "quote", "ctype", "subject", "rules_subject"), CASES,
                         ids=[c[0] for c in CASES])
def test_learned_subject_is_the_labelled_one_where_the_rules_miss(
        pid, text, quote, ctype, subject, rules_subject):
    got, rules = _one(text, quote, True), _one(text, quote, False)
    assert rules.subject == rules_subject != subject
    assert (got.type, got.subject) == (ctype, subject)
    assert got == replace(rules, subject=subject)  # nothing else moves


# Hand-written sentences the rules read right and a model could get wrong: the layer must
# keep them. (text, quote, subject)
KEEP = [
    # the name of the sentence before is not this figure's
    ("Germany will spend 2.1% of GDP on defence this year. Poland's budget for defence is "
     "4.7% of GDP.", "4.7%", "POL"),
    ("Germany plans to raise defence spending. Poland's defence budget will reach 4.7% of GDP "
     "in 2025.", "4.7%", "POL"),
    # aid to Ukraine is the donor's, however the sentence is turned
    ("The Netherlands will give €2 billion in military aid to Ukraine next year.", "€2 billion",
     "NLD"),
    ("Ukraine will receive €2 billion in military aid from the Netherlands next year.",
     "€2 billion", "NLD"),
    ("Norway pledged a further $400 million in military support to Ukraine on Tuesday.",
     "$400 million", "NOR"),
    # 'we' in a text whose headline names the country
    ("Latvia raises defence budget\nWe will spend 5% of GDP on defence next year, the minister "
     "said.", "5%", "LVA"),
]


@pytest.mark.parametrize(("text", "quote", "subject"), KEEP, ids=[k[2] + "-" + k[1]
                                                                 for k in KEEP])
def test_subjects_the_rules_read_right_are_kept(text, quote, subject):
    day = date(2025, 6, 1)
    assert _one(text, quote, False, day).subject == subject
    assert _one(text, quote, True, day).subject == subject


def test_hand_written_targets_and_groups():
    day = date(2025, 6, 1)
    # the alliance's target, which Spain rejects, stays the alliance's
    text = ("Spain rejected the demand that allies raise defence spending to 5% of GDP, Sanchez "
            "said.")
    assert _one(text, "5%", True, day).subject == "NATO"
    text = "European NATO allies will spend a combined $380 billion on defence this year."
    assert _one(text, "$380 billion", True, day).subject == "NATO_EUROPE"
    text = "NATO's European states would invest a combined $380 billion in defence this year."
    assert _one(text, "$380 billion", True, day).subject == "NATO_EUROPE"


def test_another_figure_s_currency_names_the_government_that_says_we():
    day = date(2025, 5, 12)
    text = ("This Government are delivering for defence. By April 2027, we will be spending 2.5% "
            "of our GDP on defence, which includes an extra £5 billion for defence in this "
            "financial year.")
    assert _one(text, "2.5%", False, day).subject is None  # without the layer: no one
    assert _one(text, "2.5%", True, day).subject == "GBR"
    text = "The budget will rise by £2.9 billion next year. We will reach 2.5% of GDP by 2027."
    assert _one(text, "2.5%", True, day).subject == "GBR"


def test_a_text_s_only_national_currency_names_the_government_it_speaks_of():
    day = date(2025, 12, 15)
    # the 3% comes before any amount of the text, in a sentence with none
    text = ("When the plan is produced, will it say when the Government will reach the critical "
            "3% threshold? We are increasing defence spending with £5 billion extra in our "
            "budget.")
    assert _one(text, "3%", True, day).subject == "GBR"
    doc = DocSubjects()
    for s in _sents(text, day):
        doc.read(s, ())
    assert doc.currencies == {"GBR"}
    # two national currencies name no one
    doc = DocSubjects()
    for s in _sents(text + " Poland adds 10 billion zlotys.", day):
        doc.read(s, ())
    assert doc.currencies == {"GBR", "POL"}


def test_dollars_in_a_text_about_the_us_government_are_the_united_states():
    # features version 5: the dollar is everyone's unit, so it names no country by itself, but
    # an amount in dollars where Congress, the Pentagon or a US secretary speaks is the US's
    day = date(2024, 12, 12)
    text = ("During the news conference, Blinken explained that a $2 billion round of support "
            "for Ukraine had been initiated.")
    assert _one(text, "$2 billion", True, day).subject == "USA"
    doc = DocSubjects()
    for s in _sents(text, day):
        doc.read(s, ())
    assert doc.us_words
    # a donor named keeps its amount, and a text without the US government has no such cue
    text = "Germany pledged $2 billion in military aid to Ukraine on Tuesday."
    assert _one(text, "$2 billion", True, day).subject == "DEU"
    doc = DocSubjects()
    for s in _sents(text, day):
        doc.read(s, ())
    assert not doc.us_words


def test_lists_and_counts_keep_the_rules_subjects():
    day = date(2025, 6, 1)
    text = "Estonia, Latvia and Lithuania each spend more than 3% of GDP on defence."
    got = extract_learned(text, day, subjects=True)
    assert [c.subject for c in got] == ["EST", "LVA", "LTU"]
    assert not decidable(got)
    text = "Twenty-three allies met the 2% target last year, NATO said."
    counts = [c for c in extract_learned(text, day, subjects=True)
              if c.type == "allies_meeting_target"]
    assert counts and all(c.subject == "NATO" for c in counts)
    assert "allies_meeting_target" not in SUBJECT_TYPES


def _passages(name: str, n: int) -> list[dict]:
    lines = (DATA / name).read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines[:n] if line.strip()]


def _typed_and_read(p: dict) -> tuple[list, DocSubjects]:
    """A passage's typed figures and the whole text's names read, as ``_with_subjects`` reads
    them before deciding any subject."""
    day = date.fromisoformat(p["published"]) if p.get("published") else None
    typed = list(typed_claims(p["text"], day, load_model()))
    doc = DocSubjects()
    for sc, _, _ in typed:
        doc.read(sc.sent, sc.prev)
    return typed, doc


def test_only_subjects_move_and_the_default_moves_them():
    moved = 0
    for name in ("claims_dev3.jsonl", "claims_dev7a.jsonl"):
        for p in _passages(name, 60):
            day = date.fromisoformat(p["published"]) if p.get("published") else None
            with_subjects = extract_learned(p["text"], day)
            without = extract_learned(p["text"], day, subjects=False)
            assert with_subjects == extract(p["text"], day, learned=True)  # on by default
            assert len(with_subjects) == len(without)
            for a, b in zip(with_subjects, without, strict=True):
                if a != b:
                    assert a.type in SUBJECT_TYPES and a == replace(b, subject=a.subject)
                    moved += 1
    assert moved > 10  # the layer does something on these rounds


def test_fast_scores_pick_what_the_feature_rows_sum_to():
    """best_subject sums shared parts once per claim; it must pick the argmax of the plain sum
    of every candidate's feature weights, the model's definition."""
    model = load_subject_model()
    n = 0
    for p in _passages("claims_dev5.jsonl", 80):
        typed, doc = _typed_and_read(p)
        for sc, cand, claims in typed:
            for c in claims:
                if c.type not in SUBJECT_TYPES:
                    continue
                cands = subject_candidates(c, cand, sc.prev, doc)
                sums = [model.intercept + sum(model.weights.get(f, 0.0) for f in row)
                        for row in cands.rows()]
                keys = list(cands.sources)
                assert best_subject(model, cands) == keys[sums.index(max(sums))]
                n += 1
    assert n > 100


ODD = [
    "", "   ", "2025", "1 2 3 4 5 6 7 8 9 0", "NATO NATO NATO 5% 5% 5%",
    "İSTANBUL: Türkiye spent 2.1% of GDP this year, İstanbul's paper said; ſo $3 bn in aid "
    "to Ukraine, and ı think 1.5% next year.",
    "Europe European European allies 2% " * 40,
    "In 2024 Germany, France, Italy, Spain, Poland and Canada spent 2.1%, 2.0%, 1.5%, 1.3%, "
    "4.1% and 1.4% of GDP. " * 20,
    "Aid of $5 billion to Ukraine.\n\n\n" * 50,
]


@pytest.mark.parametrize("text", ODD)
@pytest.mark.parametrize("published", [None, date(2025, 12, 31)])
def test_odd_input_does_not_crash(text, published):
    for c in extract_learned(text, published, subjects=True):
        assert c.type in CLAIM_TYPES
        assert text[c.span[0]:c.span[1]] == c.quote
        assert c.subject is None or c.subject.isupper()


@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None,
                    reason="scikit-learn (the test extra) is needed to retrain")
def test_retraining_reproduces_the_shipped_weights():
    """The shipped JSON is what bench/claims_train_subjects.py makes from rounds 1-17 with
    today's rules and type weights. If this fails after such a change, retrain:
    python bench/claims_train_subjects.py"""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import claims_train_subjects
    finally:
        sys.path.remove(str(ROOT / "bench"))
    t0 = time.perf_counter()
    items = claims_train_subjects.load_items(sorted(claims_train_subjects.ROUNDS))
    table = claims_train_subjects.train(items)
    assert time.perf_counter() - t0 < 60
    shipped = _shipped()
    assert table["intercept"] == shipped["intercept"]
    assert table["w"] == shipped["w"]
    assert table["_n_examples"] == shipped["metadata"]["training_candidates"]


def test_shared_parts_are_what_they_were_worked_out_from():
    """What DocSubjects keeps (each sentence's usable names, the most named code, each name's
    features worked out when first asked for) must be what the plain definitions give; the
    sentence cues must be the cues of its words, each looked up on its own."""
    from natospend.claims import subjectmodel as sm

    n = 0
    for p in _passages("claims_dev6a.jsonl", 80):
        typed, doc = _typed_and_read(p)
        counts = doc.counts.most_common(1)
        assert doc.top() == (counts[0][0] if counts and counts[0][1] >= 2 else None)
        for sc, cand, _ in typed:
            s = sc.sent
            assert doc.usable_of(s) == sm._usable(s.mentions)
            shared = doc.sentence(cand, sc.prev)
            usable = sm._usable(s.mentions)
            first = usable[0] if usable else None
            for i, m in enumerate(s.mentions):
                assert shared.name(i) == sm._name_feats(s, m, first)
            low = s.lower if s.lower is not None else s.text.lower()
            plain = {name for w in low.split() for name, words, prefixes in sm._CUES
                     if w.strip(sm._STRIP) in words
                     or (prefixes and w.strip(sm._STRIP).startswith(prefixes))}
            assert shared.cues == sorted(plain, key=sm._CUE_ORDER.__getitem__)
            n += 1
    assert n > 50


def _bare_dollar_start(text: str, span: tuple[int, int]) -> int | None:
    """Where the figure of a claim quoted at ``span`` starts, if a bare '$' stands before it
    ('$500 million', 'More than $50 million'; not 'US$5', 'C$2' or 'NZ$10')."""
    quote = text[span[0]:span[1]]
    sign = quote.find("$")
    if sign < 0 or not quote[sign + 1:sign + 2].isdigit():
        return None
    at = span[0] + sign
    if at and (text[at - 1].isalpha() or text[max(0, at - 3):at].rstrip().endswith("US")):
        return None
    return at + 1


def test_a_bare_dollar_is_the_reported_subject_s_own_dollar():
    """The unit follows the subject the checker reports, also where only the subject layer
    found it: a Canadian amount is in Canadian dollars, an amount of the European allies in US
    dollars. On the labelled passages of the rounds with most Canadian, Australian and New
    Zealand amounts (406 such claims; before, 29 kept the unit of the rules' subject)."""
    checked = 0
    for name in ("claims_dev8b.jsonl", "claims_dev11b.jsonl", "claims_dev12a.jsonl",
                 "claims_dev13b.jsonl", "claims_dev14a.jsonl", "claims_dev14b.jsonl",
                 "claims_dev15b.jsonl", "claims_dev22a.jsonl", "claims_dev29a.jsonl"):
        for line in (DATA / name).read_text("utf-8").splitlines():
            p = json.loads(line)
            day = date.fromisoformat(p["published"]) if p.get("published") else None
            for c in extract(p["text"], day, learned=True):
                start = _bare_dollar_start(p["text"], c.span)
                if start is None or c.unit not in ("USD", "CAD", "AUD", "NZD"):
                    continue
                own = {"CAN": "CAD", "AUS": "AUD", "NZL": "NZD"}.get(c.subject or "", "USD")
                assert c.unit == own, (p["id"], c.quote, c.subject, c.unit)
                checked += 1
    assert checked > 50
