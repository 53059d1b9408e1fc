"""An optional learned layer over the rules: a linear model re-decides the type of each figure.

Why: the rules lose recall and precision mostly in *typing* (a level read as a target, an aid
pledge missed), not in finding figures: 98.9% of the labelled claims of rounds 1-7 sit on a
figure the rules' number finder sees. So the rules stay as they are (candidate generator,
feature source and field filler) and a multinomial logistic regression over 6 classes (none
and the 5 claim types) decides, per figure, which type it is, if any:

- the rules' type: the rules' claims are kept unchanged, fields included;
- another type where the rules spoke: the rules' claims re-typed, subject and year kept;
- a type where the rules were silent: a claim built with the extractor's own helpers;
- none: nothing.

Every claim still points at its characters. The weights (``model.json``, written by
``bench/claims_train.py`` from rounds 1-8) are the log-odds average of a model that sees the
rules' decision and one that does not: trained on rounds the rules were tuned on, the first
trusts the rules more than they deserve on new text, the second ignores what they know. Trained
on rounds 1-6 it scored F1 0.882 against the rules' 0.834 on round 7; frozen and trained on
rounds 1-7, it scored 0.850 against 0.799 on round 8, labelled blind and scored once.

Scoring looks each active feature's row up in the JSON weights, held as one numpy matrix, and
sums the rows of a few hundred figures at once (:func:`type_scores`); scikit-learn is needed
only to train.

Once a figure's type is decided, the year of its claims (except target_commitment's, always
null) is picked among candidate years by a second linear model (``yearmodel``), which fixes
the rules' year where they read the labelling conventions wrong; only ``year`` and
``year_inferred`` change there.

A third linear model (``subjectmodel``) then picks each claim's subject among candidate
subjects; only ``subject`` changes. It runs after the year layer, in a second pass over the
text's figures (a candidate may be named further on), and the two layers are independent:
neither reads the field the other decides. It is on by default: held out one round at a time it
got 0.856 of subjects right against the rules' 0.800, for about 7% of the pipeline's time, and
a wrong subject makes a wrong verdict. ``subjects=False`` keeps the rules' subjects.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from natospend.claims.features import (
    FEATURES_VERSION,
    Candidate,
    FeatureRows,
    SentenceCandidates,
    read_candidates,
    sentence_flags,
    sentence_words,
)
from natospend.claims.money import (
    BARE_DOLLAR_UNITS,
    converts_previous,
    no_amount,
    not_spending,
    own_dollar,
)
from natospend.claims.patterns import NOT_OWN_GDP_AFTER
from natospend.claims.sentence import (
    Claim,
    Context,
    Sent,
    make,
    resolve_year,
    subjects_for,
    year_for,
)
from natospend.claims.subjectmodel import (
    DocSubjects,
    SubjectModel,
    load_subject_model,
    resolve_subjects,
)
from natospend.claims.subjects import resolve_currency
from natospend.claims.yearmodel import (
    YEAR_TYPES,
    SentenceYears,
    YearModel,
    load_year_model,
    resolve_years,
)

NONE = "none"
_KIND_FOR = {"share_of_gdp": "percent", "target_commitment": "percent",
             "spending_amount": "spending", "aid_pledge": "aid"}
_UNIT_FOR = {"share_of_gdp": "pct_gdp", "target_commitment": "pct_gdp",
             "allies_meeting_target": "count"}


@dataclass(frozen=True)
class Model:
    """The weight table: one row of per-class weights per feature name."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    metadata: dict[str, Any]
    # The same weights as one matrix for scoring many figures at once (:func:`type_scores`):
    # row 0 is zeros, row 1 the bias, every other row one feature's weights (every feature's
    # value is 1). ``rows`` gives a feature's row,
    # ``word_index`` the row of the sentence word's feature 'sw=' + word.
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((1, 1)), compare=False)
    rows: FeatureRows = field(default_factory=lambda: FeatureRows({}))
    word_index: dict[str, int] = field(default_factory=dict)
    # Gradient-boosted trees over the same features (each present or absent; column j is
    # matrix row j + 2), whose class probabilities are averaged with the linear model's where
    # its best class has a probability under ``gate`` (:func:`type_scores`); None scores with
    # the linear model alone.
    trees: Any = field(default=None, compare=False)
    gate: float = 0.0


def parse_model(data: dict[str, Any], trees: bytes | None = None) -> Model:
    """A :class:`Model` from the JSON written by bench/claims_train.py and, if given, the
    trees it wrote beside it (XGBoost's UBJSON); refuses weights or trees made for other
    features, which would score silently and wrongly."""
    meta = data.get("metadata", {})
    version = meta.get("configuration", {}).get("features_version")
    if version != FEATURES_VERSION:
        raise ValueError(f"model features version {version!r}, code has {FEATURES_VERSION}")
    classes = tuple(data["classes"])
    if NONE not in classes:
        raise ValueError("model has no 'none' class")
    weights = {k: tuple(float(x) for x in v) for k, v in data["w"].items()}
    bias = tuple(float(b) for b in data["bias"])
    index = {k: i for i, k in enumerate(weights, 2)}
    zero = (0.0,) * len(bias)
    matrix = np.array([zero, bias, *weights.values()], dtype=np.float64)
    return Model(classes, bias, weights, meta, matrix, FeatureRows(index),
                 {k[3:]: i for k, i in index.items() if k.startswith("sw=")},
                 *_load_trees(trees, len(weights), len(classes)))


def _load_trees(raw: bytes | None, n_features: int, n_classes: int) -> tuple[Any, float]:
    """The trees and their gate; (None, 0.0) without trees."""
    if raw is None:
        return None, 0.0
    import xgboost  # noqa: PLC0415  (imported with the first model, not with the package)

    booster = xgboost.Booster()
    booster.load_model(bytearray(raw))
    booster.set_param({"nthread": 1})  # one figure batch at a time; one core, as benchmarked
    if booster.num_features() != n_features or \
            int(booster.attr("n_classes") or -1) != n_classes:
        raise ValueError(f"trees made for {booster.num_features()} features and "
                         f"{booster.attr('n_classes')} classes, the weights have {n_features} "
                         f"and {n_classes}")
    return booster, float(booster.attr("gate") or 1.0)


@cache
def load_model() -> Model:
    """The shipped weights and trees, read once per process (about 0.2 s)."""
    files = resources.files("natospend.claims")
    data = json.loads(files.joinpath("model.json").read_text("utf-8"))
    trees = data["metadata"].get("trees")
    return parse_model(data, files.joinpath(trees["file"]).read_bytes() if trees else None)


def sentence_score(model: Model, feats: dict[str, float]) -> list[float]:
    """Bias plus the sentence-wide features' share of every figure's score in the sentence:
    the model's definition, term by term, which :func:`type_scores` computes in bulk."""
    rows: list[tuple[float, ...]] = [model.bias]
    for k, v in feats.items():
        if (row := model.weights.get(k)) is not None:
            rows.append(tuple(v * x for x in row))
    return [sum(col) for col in zip(*rows, strict=True)]


def figure_scores(model: Model, base: list[float], feats: set[str]) -> list[float]:
    """The class scores (log-odds up to a constant) of one figure: the sentence's share plus its
    own features' rows, which all have value 1."""
    rows = [base, *filter(None, map(model.weights.get, feats))]
    return [sum(col) for col in zip(*rows, strict=True)]


def decide(model: Model, scores: list[float]) -> str:
    """The best class; on a tie the first in the model's class order."""
    best = max(range(len(scores)), key=scores.__getitem__)
    return model.classes[best]


_ZERO_ROW, _BIAS_ROW = 0, 1  # the first rows of Model.matrix


def _sentence_rows(model: Model, s: Sent, ctx: Context) -> list[int]:
    """The matrix rows every figure of the sentence shares: the bias, its words, its flags."""
    rows = [_BIAS_ROW]
    rows += filter(None, map(model.word_index.get, sentence_words(s)))
    rows += filter(None, map(model.rows.index.get, sentence_flags(s, ctx)))
    return rows


def type_scores(model: Model, batch: list[SentenceCandidates]) -> np.ndarray:
    """The class scores of every candidate of ``batch``, one row each in order: the sum of the
    matrix rows of its sentence's features (the bias row first) plus the sum of its own (the
    zero row first, so that no figure's rows are empty). One gather and one segmented sum for
    the sentences, the same for the figures: in plain Python the per-figure sums were the
    hottest lines of the learned layer. With trees, the scores are the log of the class
    probabilities: the linear model's, averaged with the trees' where its best class is under
    the gate."""
    table = model.rows
    shared, figures = array("q"), array("q")
    sentence_starts: list[int] = []
    starts: list[int] = []
    owner: list[int] = []  # the sentence of each figure, by its place in sentence_starts
    for sc in batch:
        if not sc.candidates:
            continue
        sentence_starts.append(len(shared))
        shared.extend(_sentence_rows(model, sc.sent, sc.ctx))
        k = len(sentence_starts) - 1
        for c in sc.candidates:
            starts.append(len(figures))
            owner.append(k)
            figures.append(_ZERO_ROW)
            figures.extend(filter(None, c.rows(table)))
    if not starts:
        return np.zeros((0, len(model.classes)))
    m = model.matrix
    shared_rows = np.frombuffer(shared, dtype=np.int64)
    figure_rows = np.frombuffer(figures, dtype=np.int64)
    per_sentence = np.add.reduceat(m[shared_rows], sentence_starts)
    own = np.add.reduceat(m[figure_rows], starts)
    scores = per_sentence[owner] + own
    if model.trees is None:
        return scores  # type: ignore[no-any-return]
    linear = np.exp(scores - scores.max(axis=1, keepdims=True))
    linear /= linear.sum(axis=1, keepdims=True)
    # The trees only where the linear model is unsure: held out, consulting them for every
    # figure typed no figure better, and they cost more than the rest of the layer
    unsure = np.flatnonzero(linear.max(axis=1) < model.gate)
    if len(unsure):
        present = _present_features(shared_rows, sentence_starts, figure_rows, starts, owner,
                                    unsure.tolist(), len(model.weights))
        linear[unsure] = 0.5 * linear[unsure] + 0.5 * model.trees.inplace_predict(present)
    return np.log(linear)  # type: ignore[no-any-return]


def _present_features(shared: np.ndarray, sentence_starts: list[int], figures: np.ndarray,
                      starts: list[int], owner: list[int], which: list[int],
                      n_features: int) -> Any:
    """The features of the figures ``which`` (figure i's sentence is ``owner[i]``), as the
    trees read them: a sparse 0/1 matrix, one row per figure, column j for matrix row j + 2
    (its sentence's rows less the bias, its own less the zero row)."""
    from scipy.sparse import csr_matrix  # noqa: PLC0415

    s_bounds = [*sentence_starts, len(shared)]
    f_bounds = [*starts, len(figures)]
    parts: list[np.ndarray] = []
    indptr = [0]
    for i in which:
        k = owner[i]
        a = shared[s_bounds[k] + 1:s_bounds[k + 1]]
        b = figures[f_bounds[i] + 1:f_bounds[i + 1]]
        parts += (a, b)
        indptr.append(indptr[-1] + len(a) + len(b))
    columns = np.concatenate(parts) - 2
    return csr_matrix((np.ones(len(columns), dtype=np.float32), columns, indptr),
                      shape=(len(which), n_features))


def _unit_kind(unit: str) -> str:
    return unit if unit in ("pct_gdp", "count") else "money"


def build_claims(c: Candidate, ctype: str) -> list[Claim]:
    """Claims of type ``ctype`` for a figure the model typed differently from the rules: the
    rules' own claims re-typed when they spoke (their subject and year are the better ones),
    else one claim whose subject and year come from the extractor's helpers."""
    if c.rule_claims:
        if any(_unit_kind(x.unit) != _unit_kind(_UNIT_FOR.get(ctype, "money"))
               for x in c.rule_claims):
            # a count of listed allies is no share of GDP, an amount no count: the rules'
            # claims cannot be re-typed across units, and the figure they read is not that type
            return []
        # a target is for no year (its deadline says when); a level is for no deadline
        if ctype == "target_commitment":
            return [replace(x, type=ctype, year=None, year_inferred=False)
                    for x in c.rule_claims]
        return [replace(x, type=ctype, deadline=None) for x in c.rule_claims]
    s, q, ctx = c.sent, c.q, c.ctx
    subs = subjects_for(s, q, ctx, _KIND_FOR.get(ctype, "percent")) \
        if ctype != "allies_meeting_target" else ["NATO"]
    # a share or target of a list is each listed ally's ('Belgium, ... and Portugal have also
    # reached 2%'), as the rules' claims_for gives it; an amount has one subject
    subjects = subs if subs and _UNIT_FOR.get(ctype) == "pct_gdp" else [subs[0] if subs else None]
    yref = year_for(s, q.start, q.end)
    deadline = None
    if ctype == "target_commitment":
        year, inferred = None, False
        if yref is not None and yref.kind == "by":
            deadline = yref.year
    else:
        year, inferred = resolve_year(yref, ctx, False)
    unit = _UNIT_FOR.get(ctype) or resolve_currency(q.currency or ctx.currency, subjects[0],
                                                    s.text[:q.start], ctx.rupee, ctx.crown)
    if unit == "pct_gdp" and (q.value > 100 or NOT_OWN_GDP_AFTER.match(s.text, q.end)):
        # a year or a plain figure is no share of GDP ('2025' typed as a target), nor a
        # share of gross national income (Luxembourg's '2% of GNI by 2030') or of the
        # world's GDP
        return []
    if unit is None:
        return []  # an amount in a currency nobody wrote ('ISK' the parser does not know)
    unit = own_dollar(unit, subjects[0], s.text, q.num_start)
    if _unit_kind(unit) == "money" and (no_amount(s, q) or not_spending(s, q)
                                         or converts_previous(s, q)):
        # what money_claim refuses: under a million, a count of things, a GDP, the amount
        # before restated in another currency ('five billion Norwegian kronor, equivalent to
        # approximately 4.85 billion Swedish kronor': one amount)
        return []
    return [make(s, q.start, q.end, ctype, subject, year, inferred, q.value, unit, q,
                 deadline=deadline) for subject in subjects]


def typed_claims(text: str, published: date | None, model: Model
                 ) -> Iterator[tuple[SentenceCandidates, Candidate, list[Claim]]]:
    """Each kept figure's claims as typed by ``model``, with the figure and its sentence, in
    sentence order: what the year layer and its training (bench/claims_train_years.py) read.
    Sentences are typed in batches of about ``_BATCH`` figures (see :func:`type_scores`)."""
    batch: list[SentenceCandidates] = []
    size = 0
    for sc in read_candidates(text, published):
        batch.append(sc)
        size += len(sc.candidates)
        if size >= _BATCH:
            yield from _typed(model, batch)
            batch, size = [], 0
    yield from _typed(model, batch)


_BATCH = 256  # figures typed at once: numpy's per-call cost spread thin, memory bounded


def type_probabilities(model: Model, batch: list[SentenceCandidates]
                       ) -> tuple[list[str], list[float]]:
    """The best class of every candidate of ``batch``, in order (on a tie the first in the
    model's class order: ``argmax`` keeps the first maximum, as :func:`decide` does), and the
    model's probability for it (the softmax of the class scores): what a user who wants fewer
    claims, each more likely right, filters on (``check(min_confidence=...)``)."""
    scores = type_scores(model, batch)
    if not len(scores):
        return [], []
    best = scores.argmax(axis=1)
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs = shifted[np.arange(len(best)), best] / shifted.sum(axis=1)
    classes = model.classes
    return [classes[i] for i in best.tolist()], probs.tolist()


def _typed(model: Model, batch: list[SentenceCandidates]
           ) -> Iterator[tuple[SentenceCandidates, Candidate, list[Claim]]]:
    types, probs = type_probabilities(model, batch)
    figures = ((sc, c) for sc in batch for c in sc.candidates)
    for (sc, c), ctype, p in zip(figures, types, probs, strict=True):
        if ctype == NONE:
            continue
        claims = c.rule_claims if ctype == c.rule_type else build_claims(c, ctype)
        confidence = round(p, 3)
        yield sc, c, [x.with_confidence(confidence) for x in claims]


def per_year(claims: list[Claim]) -> bool:
    """Whether a figure's claims are one amount for each year of a span the sentence names
    ('SEK 25 billion per year' for 2024-2026, ``money.per_year_span``): their years are
    written, and the year layer, which picks one year per claim, keeps them."""
    return len(claims) > 1 and len({x.year for x in claims}) == len(claims)


def extract_learned(text: str, published: date | None = None, model: Model | None = None,
                    year_model: YearModel | None = None, *, years: bool = True,
                    subjects: bool = True, subject_model: SubjectModel | None = None
                    ) -> list[Claim]:
    """:func:`~natospend.claims.extract.extract` with each figure's type decided by the model,
    with ``years`` the year of its claims by the year model (``yearmodel``) and with
    ``subjects`` their subject by the subject model (``subjectmodel``), in reading order (the
    order the quality bench's greedy matching expects). The models default to the shipped
    weights; other tables serve held-out evaluation."""
    if model is None:
        model = load_model()
    if years and year_model is None:
        year_model = load_year_model()
    if subjects and subject_model is None:
        subject_model = load_subject_model()
    py = published.year if published else None
    out: list[Claim] = []
    sy: SentenceYears | None = None
    decided: list[tuple[SentenceCandidates, Candidate, list[Claim]]] = []
    for sc, c, claims in typed_claims(text, published, model):
        if year_model is not None and any(x.type in YEAR_TYPES for x in claims) \
                and c.q.start not in sc.sent.table_cells and not per_year(claims):
            if sy is None or sy.sent is not sc.sent:
                sy = SentenceYears(sc.sent, sc.prev, py)
            claims = resolve_years(year_model, claims, c, sy, published)
        decided.append((sc, c, claims))
    if subject_model is not None:
        decided = _with_subjects(subject_model, decided)
    for _, _, claims in decided:
        out.extend(claims)
    out.sort(key=lambda c: c.span)
    return out


def _with_subjects(subject_model: SubjectModel,
                   decided: list[tuple[SentenceCandidates, Candidate, list[Claim]]]
                   ) -> list[tuple[SentenceCandidates, Candidate, list[Claim]]]:
    """``decided`` with the subject model's subjects: a second pass, because a candidate may
    be named further on (the subject layer reads the whole text's names first). Independent
    of the year layer both ways: neither reads the other's field."""
    doc = DocSubjects()
    last = None
    for sc, _, _ in decided:
        if sc is not last:  # a sentence's figures come together
            doc.read(sc.sent, sc.prev)
            last = sc
    return [(sc, c, _dollars_follow(c, resolve_subjects(subject_model, claims, c, sc.prev, doc)))
            for sc, c, claims in decided]


def _dollars_follow(c: Candidate, claims: list[Claim]) -> list[Claim]:
    """``claims`` with the unit of a bare dollar sign settled by the subject the subject layer
    gave (``money.own_dollar``): the rules settled it by theirs, and a Canadian amount whose
    subject only the layer found ('More than $50 million', its country named sentences
    before) stayed in US dollars."""
    q = c.q
    if q.currency != "USD":
        return claims
    text = c.sent.text
    out = []
    for x in claims:
        unit = own_dollar("USD", x.subject, text, q.num_start) \
            if x.unit in BARE_DOLLAR_UNITS else x.unit
        out.append(x if unit == x.unit else replace(x, unit=unit))
    return out
