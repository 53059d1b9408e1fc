"""The vocabulary of amounts of money: what makes a figure a country's own defence spending, aid
it gives, or neither (a price, a world total, development aid, a cost of reaching a share).

Split from ``patterns`` (the shared vocabulary) because only the money rules (``money``) and
their word hints read it.
"""

from __future__ import annotations

import re

from natospend.claims.patterns import OWN_FORCES, OWN_FUNDING, words

SPENDING = words(r"defen[cs]e", "military", "armed forces", "army", "navy", "air force",
                 "Bundeswehr", "rearm\\w*", "ReArm",
                 "armament\\w*", "weapons",
                 "security(?! agreements?| guarantees?| [Cc]ouncil| pacts?| deals?| accords?)",
                 "spend\\w*", "outlays",
                 "expenditure\\w*")

# An amount given per year ('SEK 25 billion per year', '$155 million annually in 2026-2027',
# '$400 million in each of 2026 and 2027') and the span of years it holds for.
PER_YEAR_AFTER = re.compile(
    r"[^.;]{0,25}?\b(?:per\s+(?:year|annum)|a\s+year|each\s+year|every\s+year|annually|yearly|"
    r"in\s+each\s+of|for\s+each\s+of\s+the\s+(?:fiscal\s+)?years)\b", re.I)
PER_YEAR_BEFORE = re.compile(r"\b(?:annually|yearly|each\s+year|every\s+year)\s+(?:\w+\s+){0,3}$",
                             re.I)
# 'Spain and Greece have requested 1.2 billion euros each': the amount is every name's
EACH_AFTER = re.compile(r"\s*(?:each|apiece)\b", re.I)
# '$400 million for each of the next two years': the years after the publication's
EACH_OF_NEXT_YEARS = re.compile(
    r"[^.;]{0,25}?\b(?:in|for)\s+each\s+of\s+the\s+(?:next|coming|following)\s+"
    r"(two|three|four|five|\d)\s+years\b", re.I)
SPAN_END_BEFORE = re.compile(r"\b(?:until|till|by|through)\s+$", re.I)
NOT_SPENDING_AFTER = re.compile(
    r"\s?(?:\w+\s+){0,2}?(?:federal\s+budget|national\s+budget|(?:aid|development|health|"
    r"education|welfare|pensions?|social)\s+budget|debt|borrowing|infrastructure"
    r"\s+investment|in\s+revenue|economy|market|in\s+sales|worth\s+of\s+(?:shares|stock)|"
    r"contracts?\s+for|deal\s+(?:with|for)|in\s+profits?|valuation|people|soldiers|troops|"
    r"residents|inhabitants|citizens|(?:more|less)\s+than\s+(?:the\s+)?(?-i:[A-Z])|"
    r"(?:sovereign\s+)?wealth\s+fund|oil\s+fund|pension\s+fund|"
    # a gap to a target is not spending: 'spent €14bn less than needed', 'a €56bn hole'
    r"(?:less|short)\s+(?:than\s+(?:needed|required|necessary)|of)\b|"
    r"(?:[\w-]+\s+){0,3}?(?:shortfalls?|hole|funding\s+gap)\b)", re.I)

# The approximations a figure may follow at the end of the words before it, as the patterns
# below end ('... amount to about', '... will receive nearly'); the second list for patterns
# where a figure may be bounded either way.
_ABOUT_END = r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$"
_BOUND_END = (r"(?:more\s+than\s+|less\s+than\s+|about\s+|around\s+|some\s+|nearly\s+|"
              r"almost\s+|over\s+|under\s+|approximately\s+|roughly\s+)?$")

# Further back than MONEY_NOT_BEFORE looks: 'the total estimated remaining funding needs of
# Ukraine for the period 2026-27 amount to €135.7 billion' is a need, no one's aid
NEEDS_BEFORE = re.compile(
    r"\b(?:funding|financing)\s+(?:needs|requirements?)\s+(?:[\w-]+\s+){0,6}?(?:amount\s+to|"
    r"total|stand\s+at|are\s+estimated\s+at)\s+" + _ABOUT_END, re.I)

# Money for another country's war is neither a donor's aid to Ukraine nor its own defence
# budget: '$14.1 billion in security assistance for Israel', '$8.1 billion for the Indo-Pacific'
# A package for Ukraine and one of them at once is no one's aid to Ukraine alone either: '$95
# billion war aid package for Ukraine, Israel and other U.S. allies'.
_OTHER_RECIPIENT = r"(?:Israel(?:i|'s|’s)?|Taiwan(?:ese|'s|’s)?|Gaza|(?:the\s+)?Indo-Pacific)\b"
OTHER_RECIPIENT_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:for|to)\s+(?:(?:support|help|aid|assist|arm)\s+(?:[\w.]+\s+){0,2}?"
    rf"(?:in\s+)?)?(?:Ukraine\s*(?:,|and)\s+)?{_OTHER_RECIPIENT}")
# ... further on, before the next figure: '$95 billion in foreign aid to provide weapons and
# support to key U.S. allies including Ukraine and Israel'
UKRAINE_AND_OTHER_AFTER = re.compile(
    rf"(?:[^.;]|\b[A-Z]\.){{0,110}}?\bUkraine\s*(?:,|and)\s+{_OTHER_RECIPIENT}")
# ... and named first: 'Israel will receive $26.4 billion for military aid'
OTHER_RECIPIENT_BEFORE = re.compile(
    rf"\b{_OTHER_RECIPIENT}[^.;$€£]{{0,60}}?\b(?:will|would|is\s+to|are\s+to)\s+"
    r"(?:get|receive)\s+" + _ABOUT_END)

# What rebuilding Ukraine costs is no one's aid either: 'the World Bank estimated that the cost
# of Ukraine's reconstruction and recovery stood at US$524 million'
RECOVERY_COST_BEFORE = re.compile(
    r"\b(?:cost|costs|bill)\s+(?:of|for)\s+(?:[\w'’-]+\s+){0,3}?(?:reconstruction|recovery|"
    r"rebuilding)\b[^.;$€£]{0,40}?\b(?:stood\s+at|stands\s+at|is|was|at|amounts?\s+to|"
    r"reach(?:es|ed)?|(?:is|was)\s+estimated\s+at)\s+" + _ABOUT_END, re.I)

# A figure with no currency of its own borrows the sentence's or the article's; not when what
# follows says what it counts: '2 million artillery shells', 'more than 2.5 million Ukrainians'.
COUNTED_AFTER = re.compile(
    r"\s?(?:(?!(?:is|are|was|were|for|to|of|in|on|and|or)\b)[\w-]+\s+)?(?:shells|rounds|"
    r"munitions|drones|missiles|rockets|Ukrainians|refugees|households|homes|families|children|"
    r"barrels|tonnes|tons|doses|vehicles|jobs|workers|users|voters|visitors|passengers|units|"
    r"pieces|items|civilians|people|troops|soldiers|residents|inhabitants|migrants)\b|"
    r"\s(?:are|were|have\s+been)\s+(?:displaced|recorded|registered|killed|wounded)\b", re.I)
# 'Germany hosts the higher number of refugees (3.3 million), followed by Russia (1.2 million)':
# people counted before a figure with no currency, in the same sentence and no money between.
COUNTED_BEFORE = re.compile(r"\b(?:refugees|civilians|people|troops|soldiers|migrants|"
                            r"inhabitants|residents|population|displaced)\b"
                            r"(?:[^.;$€£]|\.(?=\d)){0,80}$", re.I)

CUMULATIVE = words("since", "in total", "total of", "so far", "to date", "over the past",
                   "altogether", "cumulative", "per year", "annually", "a year", "each year",
                   "every year", "annual", "over \\w+ years", "over the next", "in total",
                   "totall?ed", "since the start", "the war began", "all-time",
                   # what a donor has given so far: 'brings Australia's overall support to',
                   # 'has provided Ukraine with more than 1 billion euros', 'the total value of
                   # defense equipment supplied ... has reached'
                   "overall", "total (?:value|amount|volume|sum)", "(?:has|have) (?:so far )?"
                   "(?:provided|given|sent|donated|delivered|contributed)",
                   # 'the US has spent around $113 billion in aid to Ukraine', 'the total aid the
                   # U.S. has appropriated for Ukraine is $113.4 billion', 'thus far'
                   "thus far", "(?:has|have) (?:so far |already )?(?:spent|appropriated)",
                   "total (?:\\w+ )?(?:aid|assistance|support|investment)")
# Money for several years, said right before the amount: 'a three-year-long $482 million aid
# program', 'a multi-year €3 billion package' (a 'ten-year agreement' further off has a
# package of this year in it)
MULTI_YEAR_BEFORE = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[-‑ ]year(?:[-‑ ]long)?|"
    r"multi-?year)\s+$", re.I)

OWN_SPENDING = words("spend\\w*", "budgets?", "expenditures?", "outlays", "Bundeswehr",
                     "armed forces", "rearm\\w*", "ReArm", "procurement")

MONEY_NOT_BEFORE = re.compile(
    r"\b(?:population\s+of|debt|borrowing|federal\s+budget|revenue|GDP|economy|market|stock|shares|contracts?|"
    r"deal|sales|profits?|valuation|loss(?:es)?|damage|"
    # 'the next largest shortfalls were €11bn in Spain', 'a funding gap of $5 billion'
    r"shortfalls?(?:\s+(?:\w+\s+){0,2}?(?:was|were|is|are|of|at|stood\s+at))?|(?:funding\s+)?(?:hole|gap)\s+of|"
    # a GDP: 'GDP for 2026 is estimated at around 8,2 billion euros', "Montenegro's GDP in 2023
    # was less than 7 billion euros", "Bulgaria's GDP stands at 8.4 billion", 'GDP (in 2035)
    # may be approximately 9.23 billion euros', 'GDP for 2025 is expected to reach $1.465
    # trillion', 'project the GDP for 2026 to be approximately 8.2 billion euros', "the
    # country's GDP in 2021 (before the war) was $200 billion"; not a share of it ('0.25% of
    # GDP will reach around 112 million euros')
    r"(?<!of\s)(?<!of\sthe\s)GDP\)?(?:\s+(?:for|in)\s+\d{4})?(?:\s+\([^()]{1,30}\))?\s+"
    r"(?:(?:is|was|will\s+be)\s+"
    r"(?:estimated|projected|expected|forecast)\s+(?:at|to\s+be|to\s+reach)|"
    r"(?:could|may|might|would|will)\s+(?:be|reach)|is|was|will\s+be|stands?\s+at|stood\s+at|"
    r"amount(?:s|ed)\s+to|reach(?:es|ed)?|to\s+be)|"
    # 'reduce the budget deficit by €40 billion', 'underfunded their commitments by $827 billion'
    r"deficits?(?:\s+(?:of|by|at|to))?|underfunded\s+(?:\w+\s+){0,4}?by|spending\s+cuts\s+of|"
    # a state's whole budget, exports, takings and savings: 'total 2025 budget expenditure of
    # 41.5 trillion roubles', 'government expenditures next year will reach 3.628 trillion
    # drams', 'exports to $11 billion', 'Lockheed grossed $71 billion', 'to save 60 billion'
    r"total\s+(?:\d{4}\s+)?budget\s+expenditures?\s+of|(?:government|state|public)\s+"
    r"expenditures?\s+(?:\w+\s+){0,2}?(?:will\s+(?:reach|be|amount\s+to)|of|reach(?:es|ed)?)|"
    r"exports?\s+(?:to|of|worth|at)|grossed|turnover\s+of|savings?\s+of|to\s+save|"
    # a person's wealth: 'Yovanovitch has a net worth of $17 million'
    r"net\s+worth(?:\s+(?:of|is|was|at|stood\s+at))?|fortunes?\s+of)\s+"
    r"(?:of\s+)?" + _BOUND_END, re.I)

# What Ukraine needs is no one's aid: 'the IMF estimates that Ukraine will need about €137
# billion', 'the remaining funding needs of Ukraine for 2026-27 amount to €135.7 billion'; but
# what it needs for its own defence is its defence spending (UKRAINE_OWN_DEFENCE_AFTER): 'Ukraine
# will need at least $120 billion for its defense in 2026', 'Ukraine estimates it will need $120
# billion in defense funding for 2026'
UKRAINE_NEEDS_BEFORE = re.compile(
    r"\b(?:Ukraine|Kyiv|Kiev)(?:['’]s)?\s+(?:\w+\s+){0,3}?(?:will\s+need|would\s+need|needs|"
    r"need|requires?)(?:\s+(?:an?\s+)?(?:additional|extra|another|further))?\s+"
    r"(?:of\s+)?" + _BOUND_END, re.I)
UKRAINE_OWN_DEFENCE_AFTER = re.compile(
    rf"\s+(?:(?:a|per)\s+year\s+)?(?:(?:for|on)\s+(?:its|Ukraine['’]s)\s+(?:own\s+)?{OWN_FORCES}\b"
    rf"|{OWN_FUNDING})", re.I)

DEVELOPMENT_AID = words("GNI", "gross national income", "aid spending", "development aid",
                        "overseas aid", "foreign aid", "official development assistance", "ODA")

# Handing money over: aid when nothing nearer says what the amount is ('Sweden is contributing
# $275 million', 'Berlin contributed just over EUR 650 million').
TRANSFER = words("contribut\\w*", "giv(?:es|ing|en)", "gave", "provid\\w*")

# Investment is defence spending only where the sentence is about defence or its target ('will
# meet the 2% target this year with an extra investment of EUR 3.9 billion'), not a federal
# budget's 'record investments'.
INVEST = words("invest(?:s|ed|ing|ments?)?")

# An amount beside a share of GDP is what that share costs ('The structural funding of that 2
# per cent, amounting to 12.8 billion euros'; 'Two percent of GNI would be EUR 1.18 billion').
COST_OF_SHARE = re.compile(
    r"\b(?:that|the|this)\s+\d[\d.,]*\s?(?:%|per\s?cent|percent)|\d\s?(?:%|per\s?cent|percent)"
    r"\s+of\s+(?:\w+\s+){0,2}?(?:GDP|GNI|gross|national\s+income|economic\s+output)", re.I)

# World totals (SIPRI's '$2.7 trillion' of global military spending) are nobody's claim here.
WORLD_TOTAL = words("global", "world", "worldwide", "world['’]s")
# A whole government's budget ('the 2024 national budget', 'Federal budget expenditures are
# planned at 44.1 trillion rubles', 'The budget revenue will total €18.6 billion'): in a
# sentence that names no aid and neither defence nor Ukraine (``sentence.text_topics``, the
# words by which a text is about either), its amounts are no defence spending, whatever the
# text around it is about.
WHOLE_BUDGET = words(r"(?:national|state|federal|government)\s+(?:[\w-]+\s+)?budgets?",
                     r"budget\s+(?:revenues?|expenditures?|deficits?|surplus)")

DEFENCE_OR_TARGET = words(r"defen[cs]e", "military", "armed forces", "NATO", "target")

# The price of a thing ('a complex worth nearly 15 million euros', 'a shooting range ...,
# valued at over 2 million euros', 'with an estimated value of around 5 million euros').
PRICE_BEFORE = re.compile(r"\b(?:worth|valued\s+at|(?:estimated\s+)?value\s+of)\s+"
                          r"(?:(?:a\s+)?total\s+of\s+)?$", re.I)

# ... unless the thing is a budget, spending or a package: 'defence projects worth a total of
# EUR 43.7 billion', 'Defense spending next year will be worth HUF 1,753 billion'.
PRICED_BUDGET = words("budgets?", "spending", "expenditures?", "investments?", "projects?",
                      "packages?", "aid", "assistance", "support", "funds?", "funding", "loans?",
                      "programmes?", "programs?", "plans?", "contributions?", "pledges?",
                      "tranches?", "commitments?", "allocations?", "deals?", "contracts?")

# Support as a noun that names aid where no other word does: 'It increases the total support
# from 2023 to 2028 to DKK 64.8 billion', 'the funding for the support program will amount to'.
SUPPORT_NOUN = words("(?:total|further|additional|financial|overall)\\s+support",
                     "support\\s+(?:program(?:me)?s?|packages?|funds?|schemes?)")
