"""Quantitative claims about defence spending in news text: find them and resolve them.

``extract(text, published)`` returns :class:`Claim` records; verification against the dataset
builds on them.
"""

from natospend.claims.extract import CLAIM_TYPES, Claim, extract
from natospend.claims.page import html_to_text
from natospend.claims.text import NotTextError, decode, split_sentences

__all__ = ["CLAIM_TYPES", "Claim", "NotTextError", "decode", "extract", "html_to_text",
           "split_sentences"]
