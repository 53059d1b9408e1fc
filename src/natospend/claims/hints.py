"""Word hints: for the patterns most sentences cannot match, words every match contains.

``Sent.may_match`` looks a pattern up here and skips its scan when the sentence lacks them.
"""

from __future__ import annotations

import re

from natospend.claims.count_words import (
    ALL_RE,
    FOLLOWUP_COUNT,
    FRACTION_OF_ALLIES,
    NUMBER_ANAPHOR,
    NUMBER_OF_GROUP,
    NUMBER_ROSE,
    OF_TOTAL_N,
    ONLY_BEFORE,
    ONLY_N_REACH,
    THE_ONLY_ONE,
    THE_ONLY_ONES,
    THERE_WERE_COUNT,
)
from natospend.claims.money_words import (
    DEVELOPMENT_AID,
    MONEY_NOT_BEFORE,
    OWN_SPENDING,
    UKRAINE_NEEDS_BEFORE,
    WHOLE_BUDGET,
    WORLD_TOTAL,
)
from natospend.claims.patterns import (
    AID,
    ALONGSIDE_BEFORE,
    COUNT_RE,
    FISCAL_NOT_DEFENCE,
    FROM_NOT_GDP_TO,
    GDP_EFFECT_BEFORE,
    HYPOTHETICAL,
    NUMBER_OF_ALLIES,
    POLL,
    STARTING_POINT,
    TARGET_OF_BEFORE,
    TOTAL_OF_PARTS,
    ZERO_COUNT,
)

# For each pattern, groups of lowercase words: every match of the pattern contains a word of
# each group, so a sentence that lacks all words of a group cannot match and is not scanned
# (``Sent.may_match``). Words hold no space the pattern writes as ``\s``. Most sentences lack
# them ('number of', a poll word), so most of these scans are skipped.
HINTS: dict[re.Pattern[str], tuple[tuple[str, ...], ...]] = {
    POLL: (("poll", "survey", "respondents", "politbarometer", "voters", "favo", "opinion",
            "supporters", "believe", "said that"),),
    NUMBER_OF_ALLIES: (("number of",),),
    ALONGSIDE_BEFORE: (("along", "together", "like", "with"),),
    NUMBER_OF_GROUP: (("number of",),),
    NUMBER_ANAPHOR: (("number",),),
    NUMBER_ROSE: (("number",),),
    THERE_WERE_COUNT: (("there",),),
    FOLLOWUP_COUNT: (("was", "number", "compared", "from", "fell", "rose", "rising", "falling",
                      "rebound", "climb", "grew", "dropp"),),
    # 'military aid', 'security assistance', 'to Ukraine', 'Ukrainian army': each alternative
    # holds one of these.
    AID: (("aid", "assistance", "donat", "donor", "tranche", "package", "support", "ukrain",
           "kyiv", "kiev", "purl", "help", "drawdown", "usai"),),
    OWN_SPENDING: (("spend", "budget", "expenditure", "outlays", "bundeswehr", "armed",
                    "rearm", "procurement"),),
    DEVELOPMENT_AID: (("gni", "income", "aid", "assistance", "oda"),),
    COUNT_RE: (("members", "allies", "countries", "nations", "states", "people", "29", "30",
                "31", "32"),),
    FRACTION_OF_ALLIES: (("half", "third"),),
    ALL_RE: (("all", "every"),),
    ZERO_COUNT: (("no",), ("member", "ally", "countr", "nation"),
                 ("achieved", "reache", "met", "meets", "hit", "exceed", "surpass")),
    THE_ONLY_ONES: (("only",),),
    THE_ONLY_ONE: (("only",),),
    OF_TOTAL_N: (("spen", "met", "meet", "reached", "exceeded", "hit", "achieved"), ("of",),
                 ("members", "allies", "countries", "nations", "states")),
    ONLY_BEFORE: (("only", "just", "solely"),),
    ONLY_N_REACH: (("only",),),
    TOTAL_OF_PARTS: (("total", "overall", "combined"),),
    HYPOTHETICAL: (("asked",),),
    FROM_NOT_GDP_TO: (("from",), ("national", "gni", "budget", "total", "population")),
    FISCAL_NOT_DEFENCE: (("deficit", "debt", "borrowing", "revenue", "growth", "inflation",
                          "unemployment", "surplus", "gni", "income", "interest", "education",
                          "health", "pension", "rise", "increase", "fall", "drop", "decline",
                          "expansion", "contraction", "share"),),
    STARTING_POINT: (("from", "current", "present"),),
    GDP_EFFECT_BEFORE: (("increase", "boost", "raise", "lift", "add", "grow", "reduce", "cut",
                         "shrink", "lower"), ("gdp", "economy", "economic", "growth")),
    MONEY_NOT_BEFORE: (("population", "debt", "borrowing", "federal", "revenue", "gdp",
                        "economy", "market", "stock", "shares", "contract", "deal", "sales",
                        "profit", "valuation", "loss", "damage", "shortfall", "hole", "gap",
                        "deficit", "underfunded", "cuts", "expenditure", "export", "grossed",
                        "turnover", "saving", "save", "worth", "fortune"),),
    UKRAINE_NEEDS_BEFORE: (("ukraine", "kyiv", "kiev"), ("need", "require")),
    WORLD_TOTAL: (("global", "world"),),
    WHOLE_BUDGET: (("budget",),),
    TARGET_OF_BEFORE: (("target", "threshold", "benchmark", "goal", "guideline", "commitment"),
                       ("of",)),
}
HINTS_BY_ID = {id(pattern): groups for pattern, groups in HINTS.items()}
