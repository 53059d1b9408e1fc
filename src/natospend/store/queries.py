"""What a desk asks of the store, as DataFrames: claims, repeated claims, stories."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import ColumnElement, Engine, and_, case, distinct, func, select, true

from natospend.output import whole_numbers
from natospend.store.schema import articles, claims

VERDICTS = ("supported", "contradicted", "unverifiable")


def _since(value: str | None) -> date | None:
    if not value:
        return None
    text = value if len(value) > 7 else value + "-01"
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--since {value!r}: give YYYY-MM or YYYY-MM-DD") from None


def claim_rows(engine: Engine, verdict: str | None = None, since: str | None = None,
               claim_type: str | None = None, subject: str | None = None,
               limit: int = 1000, min_confidence: float | None = None) -> pd.DataFrame:
    """Claims with their article (outlet, date, URL), newest articles first; with
    ``min_confidence``, only those whose type the learned layer gave at least that probability
    (claims stored before 0002 have none and are left out)."""
    if verdict and verdict not in VERDICTS:
        raise ValueError(f"verdict {verdict!r}: one of {', '.join(VERDICTS)}")
    cond: list[ColumnElement[bool]] = []
    if verdict:
        cond.append(claims.c.verdict == verdict)
    if (day := _since(since)) is not None:
        cond.append(articles.c.published >= day)
    if claim_type:
        cond.append(claims.c.type == claim_type)
    if subject:
        cond.append(claims.c.subject == subject)
    if min_confidence is not None:
        cond.append(claims.c.confidence >= min_confidence)
    q = (select(articles.c.published, articles.c.outlet, claims.c.type, claims.c.subject,
                claims.c.year, claims.c.value, claims.c.unit, claims.c.quote, claims.c.verdict,
                claims.c.latest_verdict, claims.c.summary, claims.c.confidence, articles.c.url,
                articles.c.story_id, articles.c.source)
         .join(articles, claims.c.article_id == articles.c.id)
         .where(and_(true(), *cond))
         .order_by(articles.c.published.desc(), claims.c.id).limit(limit))
    with engine.connect() as conn:
        return whole_numbers(pd.DataFrame(conn.execute(q).mappings().all()), ("year",))


def repeated_claims(engine: Engine, since: str | None = None, limit: int = 50) -> pd.DataFrame:
    """The same claim across articles: how many articles and outlets, and its verdicts."""
    cond: list[ColumnElement[bool]] = [true()]
    if (day := _since(since)) is not None:
        cond.append(articles.c.published >= day)
    q = (select(claims.c.claim_key, func.min(claims.c.quote).label("example"),
                func.count(distinct(claims.c.article_id)).label("articles"),
                func.count(distinct(articles.c.outlet)).label("outlets"),
                func.count(distinct(articles.c.story_id)).label("stories"),
                *[func.sum(case((claims.c.verdict == v, 1), else_=0)).label(f"n_{v}")
                  for v in VERDICTS],
                *[func.sum(case((claims.c.latest_verdict == v, 1), else_=0)).label(f"latest_{v}")
                  for v in VERDICTS],
                func.min(articles.c.published).label("first_seen"),
                func.max(articles.c.published).label("last_seen"))
         .join(articles, claims.c.article_id == articles.c.id)
         .where(and_(*cond))
         .group_by(claims.c.claim_key)
         .order_by(func.count(distinct(claims.c.article_id)).desc()).limit(limit))
    with engine.connect() as conn:
        df = pd.DataFrame(conn.execute(q).mappings().all())
    if df.empty:
        return df
    def single(row: pd.Series, prefix: str) -> str:
        found = [v for v in VERDICTS if row[f"{prefix}{v}"]]
        return found[0] if len(found) == 1 else "mixed"

    def counts(row: pd.Series, prefix: str) -> str:
        return ", ".join(f"{int(row[f'{prefix}{v}'])} {v}" for v in VERDICTS
                         if row[f"{prefix}{v}"])

    df["verdict"] = df.apply(single, axis=1, prefix="n_")
    df["latest_verdict"] = df.apply(single, axis=1, prefix="latest_")
    parts = df["claim_key"].str.split("|", expand=True)
    df[["type", "subject", "year", "value", "unit"]] = parts
    df["line"] = df.apply(
        lambda r: f"this figure appears in {r['articles']} articles from {r['outlets']} "
                  f"outlets; when published: {counts(r, 'n_')}; by the latest data: "
                  f"{counts(r, 'latest_')}", axis=1)
    return df


def stories(engine: Engine, limit: int = 100) -> pd.DataFrame:
    """Stories (near-duplicate articles grouped), largest first, with outlets and dates."""
    q = (select(articles.c.story_id, func.count().label("articles"),
                func.count(distinct(articles.c.outlet)).label("outlets"),
                func.count(distinct(articles.c.canonical_url)).label("urls"),
                func.min(articles.c.published).label("first_published"),
                func.max(articles.c.published).label("last_published"),
                func.sum(articles.c.n_claims).label("claims"))
         .group_by(articles.c.story_id)
         .order_by(func.count().desc(), articles.c.story_id).limit(limit))
    with engine.connect() as conn:
        df = pd.DataFrame(conn.execute(q).mappings().all())
        if df.empty:
            return df
        titles = dict(conn.execute(select(articles.c.id, func.coalesce(
            articles.c.title, func.substr(articles.c.text, 1, 90)))
            .where(articles.c.id.in_([int(i) for i in df["story_id"]]))).all())
    df["title"] = df["story_id"].map(titles)
    return df


def claims_by_month(engine: Engine) -> pd.DataFrame:
    month = func.substr(func.cast(articles.c.published, type_=claims.c.quote.type), 1, 7)
    q = (select(month.label("month"), claims.c.verdict, func.count().label("claims"))
         .join(articles, claims.c.article_id == articles.c.id)
         .where(articles.c.published.is_not(None))
         .group_by(month, claims.c.verdict).order_by(month))
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(q).mappings().all())
