"""Near-duplicate articles grouped into stories with MinHash and banded LSH.

The band hashes live in the database (``story_bands``), so finding an article's candidates is an
indexed lookup and memory does not grow with the store; candidates are confirmed by comparing
the stored signatures.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash
from sqlalchemy import Connection, select

from natospend.store.schema import articles, story_bands

NUM_PERM = 64
BANDS, ROWS = 16, 4  # candidates from about 50% similarity; confirmed at SAME_STORY
SAME_STORY = 0.6
SHINGLE = 5
_WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray:
    """MinHash of the article's word 5-shingles (case-folded): robust to boilerplate changes."""
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i:i + SHINGLE]).encode()
                for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=7)
    m.update_batch(list(shingles))
    return np.asarray(m.hashvalues, dtype=np.uint64)


def band_hashes(sig: np.ndarray) -> list[int]:
    """One signed 63-bit hash per band of ROWS signature values."""
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big") >> 1)
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def find_story(conn: Connection, sig: np.ndarray, bands: list[int]) -> int | None:
    """The story of the most similar stored article, if one is similar enough."""
    conditions = [(story_bands.c.band == i) & (story_bands.c.hash == h)
                  for i, h in enumerate(bands)]
    from sqlalchemy import or_

    ids = conn.execute(select(story_bands.c.article_id).where(or_(*conditions))
                       .distinct().limit(50)).scalars().all()
    if not ids:
        return None
    best, best_story = 0.0, None
    for row in conn.execute(select(articles.c.minhash, articles.c.story_id)
                            .where(articles.c.id.in_(ids))):
        s = similarity(sig, np.frombuffer(row.minhash, dtype=np.uint64))
        if s > best:
            best, best_story = s, row.story_id
    return best_story if best >= SAME_STORY else None
