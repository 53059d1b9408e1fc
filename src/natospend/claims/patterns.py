"""The vocabulary of the claim rules: word tables and compiled patterns, made once at import.

Each pattern is a module constant, so that the tables keyed by ``id(pattern)`` (its lowercase
form here, its word hints in ``hints``) stay valid as long as the module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# Each pattern made by ``words``, lowercased and without re.IGNORECASE, for searching a
# lowercased sentence (``Sent.find``): case-sensitive matching is markedly faster, and it
# matches at the same places (``Sent.lower`` says why). Tables of patterns are keyed by
# ``id(pattern)`` (module constants, alive as long as the module): hashing a Pattern hashes
# its whole compiled program, a microsecond per lookup for the long alternations here.
LOWERCASE_FORM: dict[int, re.Pattern[str]] = {}


def words(*alternatives: str) -> re.Pattern[str]:
    """Whole words or phrases, any case. A leading class of the alternatives' first letters
    lets the engine reject most positions with one test (twice as fast on news text)."""
    firsts: set[str] = set()
    source = None
    for alt in alternatives:
        head = re.sub(r"^(?:\(\?<!?[^)]*\))+", "", alt)[:1]
        if not head.isalnum():
            source = r"\b(?:" + "|".join(alternatives) + r")\b"
            break
        firsts.update((head.lower(), head.upper()))
    if source is None:
        lead = "".join(sorted(firsts))
        source = rf"\b(?=[{lead}])(?:" + "|".join(alternatives) + r")\b"
    pattern = re.compile(source, re.I)
    # Lowercasing the source must leave its escapes alone ('\W' is not '\w').
    assert re.search(r"\\[A-Z]", source) is None, source
    # (group names keep their case: '(?P<n>')
    LOWERCASE_FORM[id(pattern)] = re.compile(source.lower().replace("(?p<", "(?P<"))
    return pattern


def trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` written as a trie ('spen(?:ds|t)' for 'spends', 'spent'):
    the engine then tries one branch per letter instead of every word in turn.

    Where several words match at one place (each a prefix of the next), the longest that lets
    the rest of the pattern match wins, as in an alternation sorted longest first: a branch
    that goes on is tried before stopping (``(?:...)?`` is greedy)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


GDP_AFTER = re.compile(
    r"\s?(?:of|in)\s+(?:(?:the|its|their|his|her|our|each|a|national|annual|the\s+country['’]s|"
    r"each\s+country['’]s|[A-Z][\w.]*['’]s?|\(much\s+larger\))\s+){0,3}"
    r"(?:GDP|gross\s+domestic\s+product|economic\s+output|national\s+income|economy)\b", re.I)
# 'two percent of their GDP on their defense': a share named as defence's in so many words
GDP_ON_DEFENCE_AFTER = re.compile(
    GDP_AFTER.pattern + r"\s+on\s+(?:(?:their|its|the)\s+)?(?:defen[cs]e|military\s+spending)\b",
    re.I)
GDP_SHARE_BEFORE = words(r"GDP share", r"share of (?:its |their )?GDP", r"burden")
NOT_GDP_AFTER = re.compile(
    r"\s?(?:of\s+(?:gross\s+national\s+income|GNI|the\s+(?:loan|total|global|world|budget|funds|"
    r"population|territory|respondents|vote|votes|country['’]s\s+(?:territory|population)|cost|"
    r"(?:[\w-]+\s+){1,3}budget)|its\s+(?:funds|"
    r"budget|territory)|all|those|(?-i:[A-Z]\w+ns\b|[A-Z]\w+s\b(?!['’]))|people|voters|incoming|"
    r"military\s+equipment)|increase|rise|drop|fall|jump|hike|cut|growth|more|less|higher|lower|"
    r"real|annual\s+(?:increase|growth|rise)|year[-\s]on[-\s]year|stake|tariffs?|interest|"
    r"majority|of\s+Ukraine|of\s+the\s+\d|"
    # '3.2 Percent Above 2023 Budget': growth over a year's figure
    r"(?:above|below)\s+(?:(?:the|last|this)\s+)?(?:(?:fiscal\s+|FY\s?)?(?:19|20)\d\d\b|"
    r"year['’]s|previous\s+year|budget))", re.I)
# 'increase GDP between 0.4% and 0.7%': an effect on the economy, not a share of it.
GDP_EFFECT_BEFORE = re.compile(
    r"\b(?:increase|boost|raise|lift|add|grow|reduce|cut|shrink|lower)\w*\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:GDP|economy|economic\s+output|growth)\s+(?:by\s+)?(?:between\s+)?"
    r"(?:about\s+|around\s+|up\s+to\s+)?$", re.I)
# ('to make up 2.75 percent of GDP' is a level, not a change)
CHANGE_BEFORE = re.compile(
    r"(?:\bby|(?<!make\s)(?<!makes\s)(?<!made\s)(?<!making\s)\bup|\bdown|\brise\s+of|"
    r"\bincrease\s+of|\bjumped|\brose|\bgrew|\bfell|\bdrop\s+of|"
    r"\bgrowth\s+of|\bcut\s+of|\bfalling|\bcloser\s+to|\bincreased\s+by|\bincrease\s+by)\s+(?:an?\s+)?"
    r"(?:estimated\s+|about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+)?$",
    re.I)
# 'will increase 8.3 percent in 2023', 'to rise 22.9% y/y': a verb of change right before a
# share, with no 'to' or 'by', is growth; unless GDP follows ('expected to climb 2% of their
# integrated GDP'). On the labelled rounds 11 of 12 such figures are no claim, the twelfth
# that share of GDP.
GROWTH_VERB_BEFORE = re.compile(
    r"\b(?:increase|rise|grow|jump|climb|soar|surge|expand|decline|fall|drop)s?\s+(?:at\s+)?"
    r"(?:(?:estimated|about|around|some|roughly|nearly|almost|more\s+than|over)\s+)?$", re.I)
DEFENCE = words(r"defen[cs]e", "military", "armed forces", "Bundeswehr", "rearm\\w*", "ReArm",
                "arms", "NATO", "alliance", "allies", "armament", "security", "spend\\w*",
                "outlays", "budget", "target", "benchmark", "threshold", "GDP",
                "gross domestic product")
POLL = words("poll", "polls", "survey", "surveyed", "respondents", "Politbarometer", "voters",
             "in favou?r", "opinion", "supporters", "believe", "said that")
TARGET_REF_AFTER = re.compile(
    r"\s?(?:[-‑–]\s?)?(?:of[-‑\s]+GDP[-‑\s]+|GDP\s+|NATO\s+|core\s+|defen[cs]e\s+spending\s+|"
    r"spending\s+|military\s+spending\s+|financing\s+|funding\s+){0,2}(?:target|threshold|"
    r"benchmark|guideline|goal|commitment|mark|pledge|level|bar|standard)\b", re.I)
TARGET_WORDS = words(
    "aims?", "aiming", "aimed", "targets?", "targeting", "goals?", "pledged?", "pledges",
    "commit\\w*", "agreed", "agree", "agreement", "demand\\w*", "call(?:ed|s)? (?:on|for)",
    "asked", "urged?", "ambition", "proposed", "suggested", "wants?", "plans? to",
    "intends? to", "intention", "set to (?:raise|increase|boost|lift)", "raise", "increase",
    "boost", "lift", "raises", "increases", "boosts", "lifts", "hikes", "raising", "increasing",
    "boosting", "lifting", "hiking", "move toward",
    "expects? to (?:reach|hit)", "reach", "hit", "devote",
    "vow\\w*", "promis\\w*", "ceilings?", "hold", "need\\w* to", "will need", "would need",
    "should", "would have to", "must", "propos\\w*", "hike", "elevate", "recommend\\w*",
    "requirement", "required to", "requires?")
DEADLINE_PHRASE = re.compile(
    r"\b(?:in\s+the\s+next\s+parliament|in\s+the\s+longer\s+term|in\s+the\s+long\s+term|"
    r"within\s+(?:the\s+space\s+of\s+)?a\s+decade|within\s+\w+\s+years|every\s+year\s+from|"
    r"(?:in|over)\s+(?:the\s+next\s+)?\w+\s+years|within\s+(?:the\s+next\s+)?\w+\s+(?:to|or)\s+"
    r"\w+\s+years|by\s+the\s+end\s+of\s+the\s+decade)\b",
    re.I)
REACHED = words("reached", "met", "meets", "meet", "meeting", "exceeds?", "exceeded",
                "achiev(?:e|es|ed|ing)",
                # not 'a clear commitment', not 'ten years have passed since'
                "clear(?:s|ed)", "clear(?= (?:the|NATO|its|that|this)\\b)", "passed(?! since)",
                "compl(?:y|ies|ied) with",
                "exceeding", "above", "hit", "hits", "hitting", "surpass\\w*", "keep")
# Not the EU's 'Security Assistance Facility for Europe' (SAFE): loans for allies' own arms.
AID = words("(?<!development )(?<!overseas )(?<!foreign )aid(?! cuts?| budget)",
            "military (?:aid|assistance|support)", "security assistance(?! facility)",
            "assistance(?! facility)",
            "donat\\w*", "donors?", "tranche", "packages?",
            "support(?:ing)? (?:for |to )?(?:Ukraine|Kyiv|Kiev)", "to Ukraine", "for Ukraine",
            "Ukraine['’]s (?:navy|army|defen[cs]e|military|needs|armed)", "Kyiv", "Kiev",
            "Ukraine support", "PURL", "help(?:ing)? (?:\\w+ )?Ukraine", "to help it",
            "(?:reconstruction|recovery|rebuilding) of (?:(?:war-torn|war-ravaged) )?Ukraine",
            "(?:giv(?:e|es|ing)|gave|given|grant(?:s|ed|ing)?|provid(?:e|es|ed|ing)|send(?:s|ing)?|"
            "sent|offer(?:s|ed|ing)?|lend(?:s|ing)?|lent) (?:war-torn )?(?:Ukraine|Kyiv|Kiev)",
            "drawdowns?",
            "USAI", "Ukrainian (?:military|army|armed forces|forces)")
_COUNT_NOUN = (r"(?:(?:NATO|alliance|allied|member|European|of\s+the\s+alliance['’]s|of\s+NATO['’]s"
               r"|of\s+the)\s+){0,2}(?:member[\s-]+)?(?:members|allies|countries|nations|states|"
               r"people)")
# A number of allies in words, up to the alliance's size ('twenty-three'); count_value reads it.
# What a country's own defence is called after 'its' or 'its own': shared by the rule that lets
# Ukraine, aid's recipient, be the subject of its own spending (``sentence``) and the one that
# keeps what it needs for its defence a claim (``money_words``).
OWN_FORCES = r"(?:defen[cs]e|military|army|armed\s+forces)"
# Money a country needs or asks for its own forces, said without 'its': 'Ukraine estimates it
# will need $120 billion in defense funding for 2026'
OWN_FUNDING = r"in\s+(?:defen[cs]e|military)\s+(?:funding|spending)\b"
COUNT_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
               r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[-‑]\w+)?|"
               r"thirty(?:[-‑]\w+)?")
COUNT_RE = re.compile(
    r"(?=[\dmMoOaAfFlLnNtTsSeErR])(?:\b(?P<hedge>more\s+than|over|at\s+least|fewer\s+than|"
    r"less\s+than|nearly|almost|about|around|roughly|approximately)\s+)?"
    rf"(?P<n>\b\d{{1,2}}\b|\b(?:{COUNT_WORDS})\b)"
    r"(?:\s+(?:out\s+)?of\s+(?:the\s+|its\s+)?(?:(?:[\w-]+\s+){0,3}?(?:alliance|NATO|bloc)['’]s\s+)?"
    r"(?P<total>\d{2}|thirty(?:[-‑]\w+)?)\b)?"
    rf"(?:\s+{_COUNT_NOUN}(?:\s+(?:out\s+)?of\s+(?P<total2>\d{{2}})\b)?"
    # or no noun after the alliance's size: 'a figure that 23 of the 32 have already achieved'
    r"|(?(total)(?<=\b(?:29|30|31|32))(?=\s+(?:have|had|are|were|now|already|will|would)\b)"
    r"|(?!)))", re.I)
# Its lowercase form, for Sent.has and Sent.finditer (a third faster); group names kept. Exact
# only while the pattern has no upper-case escape ('\S', '\D'), which lowering would turn
# into another class: tests/test_claims_fast_patterns.py checks that.
LOWERCASE_FORM[id(COUNT_RE)] = re.compile(COUNT_RE.pattern.lower().replace("(?p<", "(?P<"))
COUNT_VERB = words("meet\\w*", "met", "reach\\w*", "hit\\w*", "exceed\\w*", "spend\\w*", "spent",
                   "pass(?:ed|es|ing)?", "clear(?:s|ed|ing)?", "compl(?:y|ies|ied|ying) with",
                   "at or above", "on track", "above", "surpass\\w*", "achiev\\w*",
                   # 'only three NATO members ... were at the 2% threshold'
                   "(?:are|were) at (?:the|or above)")




TARGETISH = re.compile(r"%|\b(?=[tTbBgGpPcCrR])(?:target|threshold|benchmark|guideline|pledge|"
                       r"goal|promise|per\s?cent|percent|criteri(?:on|a)|requirement\b)", re.I)
NUMBER_OF_ALLIES = re.compile(r"\bnumber of (?:states|allies|countries|members)\b", re.I)
# The leading class holds the first character of every alternative (the pattern is case
# sensitive), and alternatives with a common start are grouped: most positions fail one test
# instead of trying seven alternatives.
CLAUSE_BREAK = re.compile(
    r"(?=[;\s,cuf])(?:;|\s(?:[—–]|--)\s|,\s(?=(?:compared|while|whereas|which|when|up\s+from|"
    r"(?:suggesting|meaning|implying|indicating)\b|"
    r"down\s+from|but|and\s+(?:the|in|by|only)|with\s+(?:the|a|an)\b|equivalent|according))|"
    r"\b(?:compared\s+(?:to|with)\b|up\s+from\b|from\s+(?:its\s+)?(?:the\s+)?current\b))")
WORD_NUMS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
             "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
             "nineteen": 19, "twenty": 20, "thirty": 30}


DIGIT = re.compile(r"\d")
FIGURE_WORD = words(
    "per\\s?cent", "percent", "all", "every", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "half", "third",
    "quarter")


# 'Estonia with 3.43, the United States with 3.38', 'Portugal (1,55)': in a ranking of shares
# of GDP the percent sign is often written once, so a bare decimal right after a name is that
# name's share too.
RANK_NAME_GAP = re.compile(r"(?:\s+with\s+|\s*\(\s*|\s*:\s*)$", re.I)
RANK_AFTER = re.compile(r"(?P<each>\s+each)?\s*(?:[,;)]|\.(?!\d)|$|\s+(?:and|while|in|ahead)\b)",
                        re.I)


ROUND_TARGETS = frozenset((1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0))
# 'will meet this requirement of 2%', 'reaching 3.5 percent of GDP and meeting the updated NATO
# target', 'the estimate is 2%': a level reached, whose subject we could not resolve, not the
# target itself.
LEVEL_CUE_BEFORE = words("reach\\w*", "meet\\w*", "met", "exceed\\w*", "achiev\\w*", "above",
                         "surpass\\w*", "hit\\w*", "currently", "represent\\w*",
                         "estimate[sd]?")
# 'raise defense spending targets from 2 percent of GDP to 5 percent': where the target moves
# from, a yardstick.
MOVED_FROM = re.compile(r"\bfrom\s+(?:the\s+|its\s+|a\s+)?(?:\w+\s+)?$", re.I)


# What joins the items of a list ('Poland, Estonia and the UK'); LIST_SEP_RE matches it whole.
LIST_SEP = r",\s*(?:and\s+)?(?:the\s+)?|\s+(?:and|&)\s+(?:the\s+)?|\s*[—–-]\s*"
LIST_SEP_RE = re.compile(rf"^(?:{LIST_SEP})$")
# The same, where each name may carry its own figure: 'Poland (4.48%), Lithuania (4.00%) and'.
LIST_SEP_FIGURES = re.compile(r"^(?:\s*\([^()]{1,24}\))?(?:,\s*(?:and\s+)?(?:the\s+)?|"
                              r"\s+and\s+(?:the\s+)?)$")


# 'NATO's 2% target', 'the NATO defence spending target': the alliance names the yardstick,
# it is not who spends. 'Canada's NATO target' likewise.
NAMES_TARGET_AFTER = re.compile(
    r"(?:['’]s\s+(?:[\w.%‑-]+\s+){0,5}?|\s+(?:(?:defen[cs]e|spending|military|\d+(?:\.\d+)?%)"
    r"\s+){0,3})(?:target|benchmark|guideline|threshold|goal|commitment|pledge|norm)s?\b", re.I)
# 'at a NATO summit', 'under the NATO new definitions', 'NATO chief': the alliance qualifies
# an event, an office or a rule; it is not who spends.
ATTRIBUTIVE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:new\s+)?(?:summits?|meetings?|chief|secretary|secretary-general|official|"
    r"officials|definitions?|criteria|rules|standards|data|figures|estimates|report|"
    r"headquarters|ministers?|leaders|spokes(?:man|woman|person)|diplomats?|calculations?|"
    r"methodology|statistics|gathering|session|envoy|ambassadors?|counterparts?|partners?)\b",
    re.I)
PREP_BEFORE = re.compile(r"\b(?:to|from|according\s+to)\s+(?:the\s+)?$", re.I)
# 'Poland leads the alliance in defense expenditure, allocating 4.12%', 'spends the most of all
# members': the group an ally is ranked in, not who spends
RANKED_IN_BEFORE = re.compile(r"\b(?:leads?|led|leading|tops?|topped|topping|heads?|headed|"
                              r"outpac(?:es|ed|ing)|outspends?|outspent|most\s+of|of\s+all)\s+"
                              r"(?:the\s+|all\s+)?(?:other\s+)?$", re.I)
ATTRIBUTIVE_MORE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+(?:rules|standards|definitions?|data|figures|estimates|report|"
    r"criteria|methodology)\b|(?:member|ally)\b(?!\s+(?:states|countries|nations)))", re.I)
GROUPISH = frozenset(("NATO", "EU", "EUROPE", "NATO_EUROPE", "NATO_EUROPE_CANADA", "DONORS",
                      "UDCG", "NORDICS", "BALTICS"))
# The list is who spends: 'Poland, Estonia ... and Greece will spend more than 3%'.
# A list the figure's clause says something of as a whole: 'Canada, Slovenia, ... and Luxembourg,
# whose defense spending is currently below 1.4 percent', 'Poland, Lithuania, ... and Denmark,
# on the other hand, are the countries that allocate the most ...: between 3% and 4%'.
LIST_CLAUSE = re.compile(r"^,?\s+(?:whose\b|(?:[^,.;]{0,30},\s+)?(?:are|were)\s+the\s+"
                         r"(?:countries|allies|nations|members|states)\b)", re.I)
# 'Alongside Poland, Estonia, and Latvia, Greece is now one of the few NATO member states that
# allocates more than three percent': the listed allies share the named one's figure.
ALONGSIDE_BEFORE = re.compile(r"\b(?:alongside|along\s+with|together\s+with|like|as\s+with)\s+"
                              r"(?:the\s+)?$", re.I)
LIST_SPENDS = re.compile(
    r"^\s+(?:in\s+(?:NATO|the\s+alliance)\s+)?"  # 'only the United States, ... in NATO spend'
    r"(?:(?:all|also|both|already|each|will|would)\s+){0,3}(?:spend|spent|allocate|"
    r"allocated|devote|devoted|are\s+spending|were\s+spending|are\s+allocating)\s+"
    r"(?:about\s+|around\s+|roughly\s+|more\s+(?:than|the)\s+|over\s+|at\s+least\s+|"
    r"above\s+)?$",
    re.I)
# The same for a level or a target the listed allies reach or commit to: 'The US, UK, Poland
# ... and Lithuania achieved the 2% goal', 'Belgium, the Czech Republic, Luxembourg, and
# Portugal have also reached 2%', 'Italy and Spain, which have barely reached the current 2%',
# 'Britain, France, and Germany committed to the 5 percent goal', 'Poland, Estonia, Latvia and
# Greece have already passed the three percent mark'.
LIST_REACHES = re.compile(
    r"(?:\s*(?:--?|[—–]))?\)?[,:]?\s+(?:which\s+|that\s+)?"
    # 'are among those that reached', 'are on track to hit'
    r"(?:(?:are|were)\s+among\s+(?:those|the\s+\w+)\s+(?:that|which|who)\s+)?"
    r"(?:(?:have|has|had|all|also|both|already|each|will|would|barely|now|just|finally|"
    r"\w+ly)\s+){0,3}(?:(?:are|were)\s+on\s+(?:track|course)\s+to\s+)?"
    r"(?:achieved|reached|reach|reaching|met|meet|meeting|exceed|exceeded|exceeding|surpass|"
    r"surpassed|surpassing|hit|committed\s+to|passed|crossed|topped|"
    r"announced\s+plans\s+to\s+reach)\s+"
    r"(?:(?:the|a|NATO[’']s|the\s+alliance[’']s|current|new|more|ambitious)\s+){0,4}"
    # 'met the goal of spending 2% of each country's GDP'
    r"(?:(?:goal|target|benchmark|guideline|threshold|pledge)\s+of\s+(?:spending\s+)?)?"
    r"(?:about\s+|around\s+|more\s+than\s+|over\s+|at\s+least\s+|nearly\s+|almost\s+|"
    r"close\s+to\s+)?$",
    re.I)
GENERIC_TARGET = re.compile(r"\bthe\s+(?:\w+\s+){0,2}?(?:target|goal|guideline|benchmark)\b"
                            r"(?!\s+(?:of|for)\s+(?:the\s+)?[A-Z])", re.I)
NEGATED_BEFORE = re.compile(r"(?:\bnot\s+(?:a\s+|an\s+)?|\bnon-)$", re.I)
POSSESSIVE_AFTER = re.compile(r"\s?of\s+(?:the\s+)?$")
# between a country and its own figure: 'China is spending 7.2%', 'Russia spends 6.7%'
SPENDS_BETWEEN = re.compile(r"\s+(?:is\s+|was\s+|now\s+|will\s+)?(?:spend(?:s|ing)?|spent)\s+$",
                            re.I)
# what may stand before that country: a clause's start, not a verb ('which neighbours Russia
# will spend about 3%' is the Baltic country's figure)
SPENDER_BEFORE = re.compile(r"(?:^|[,;:(]\s*|\b(?:and|while|whereas|but|meanwhile|whilst)\s+)"
                            r"(?:the\s+)?$", re.I)
# 'we estimate that we will reach at least 4.1% of GDP in 2027', 'could hit 3%': a forecast.
# 'may' as a modal before a verb, not the month ('at the end of May that ...').
FORECAST_MODAL = words("estimates?", "estimated", "could",
                       "may(?=\\s+(?:not\\s+|even\\s+|well\\s+|also\\s+|still\\s+)?(?:be|have|"
                       "reach|exceed|hit|rise|increase|grow|need|spend|top|surpass|amount|go|"
                       "come|remain)\\b)", "might", "forecasts?",
                       "projects?", "projected", "expects?", "expected", "likely")
# A plan or an aim as a verb ('is aiming for', 'plans to'), not 'the long-term plan foresees'.
AIM_VERB = words("aims?", "aiming", "aimed", "plan(?:s|ned)? to", "planning (?:to|on)",
                 "intends? to", "wants? to", "pledged?", "pledges", "commit\\w*", "promis\\w*",
                 "vow\\w*", "targets?", "targeting", "goals?", "decided to", "decision to")
FUTURE_TARGET_VERB = words("increased? to", "raised? to", "rise to", "boost(?:ed)? to",
                           "lift(?:ed)? to", "targets?")


ZERO_COUNT = re.compile(
    r"\bno\s+(?:NATO\s+|other\s+|European\s+|allied\s+)?(?:member(?:\s+(?:state|country))?|ally|"
    r"country|nation)(?:\s+of\s+the\s+alliance)?(?:,[^,.;]{1,40},)?\s+(?:(?:has|had|have)\s+)?"
    r"(?:yet\s+|ever\s+|so\s+far\s+|currently\s+|now\s+)?"
    r"(?P<verb>achieved|reached|reaches|met|meets|hit|hits|exceeded|exceeds|surpassed|surpasses)\b",
    re.I)
PLEDGE_TO_SPEND = re.compile(
    r"\b(?:(?:pledge|promise|commitment)s?\s+(?:made\s+in\s+\d{4}\s+)?(?:for\s+(?:\w+\s+){1,3})?"
    r"|agreed\s+)to\s+(?:spend|allocate|devote)\s+(?:at\s+least\s+|a\s+minimum\s+of\s+)?$", re.I)
DEMAND_BEFORE = words("demand\\w*(?: that)?", "urged?", "call(?:ed|s)? on", "asked",
                      "requir\\w*", "oblig\\w*",
                      "(?:target|goal|guideline|benchmark)s? for",
                      "push(?:es|ed|ing)? for",
                      "want(?:s|ed)?", "pressed", "pressur\\w+",
                      "mandat\\w*(?: that)?", "getting", "ensure(?: that)?")


BARE_TARGET = re.compile(
    r"\b(?:reach|meet|hit)\s+(?:the|its|their)\s+(?:NATO\s+|alliance['’]s\s+)?(?:\w+\s+){0,3}?"
    r"(?:target|commitment)\s+(?P<year>(?:by|in)\s+(?:20[2-4]\d|\w+\s+years))", re.I)


# 'The plan splits this into 3.5% ... and 1.5% ...': a sentence that divides a target.
SPLIT_BEFORE = re.compile(r"\b(?:splits?|divided|divides|broken\s+down|breaks?\s+"
                          r"(?:it\s+|this\s+)?down|consists?\s+of|comprises?|made\s+up\s+of)\b",
                          re.I)
# '5% of GDP — 3.5% for core defence and 1.5% for ...', 'divided into 3.5 per cent on defence':
# the parts that spell out a target just named are targets too.
ELABORATION = re.compile(
    r"^[^.;%]{0,40}?(?:\s[—–-]\s|:\s|\(|\b(?:divided|split|broken\s+down)\s+(?:into|between)\s|"
    r"\bof\s+which\s|\bcomprising\s|\bincluding\s)(?:\w+\s+){0,3}?$", re.I)
PART_AND = re.compile(r"^\s(?:of\s+(?:its\s+|their\s+)?(?:GDP|gross\s+domestic\s+product)\s+)?"
                      r"(?:allocated\s+|earmarked\s+|designated\s+|going\s+)?(?:for|on|in|to)\s+[^.;%]{0,50}?\s(?:and|plus)\s+(?:another\s+|"
                      r"a\s+further\s+|an\s+additional\s+)?$", re.I)
VERB_IN_GAP = words("is", "are", "was", "were", "spends?", "spent", "currently", "now", "has",
                    "have", "had", "will", "would")


AND_NEXT = re.compile(r"^[^.;%]{0,80}?\s(?:and|plus)\s+(?:another\s+|a\s+further\s+|"
                      r"an\s+additional\s+)?$", re.I)


# Inline patterns of the share-of-GDP rules, compiled once (each use would look up re's cache).
FROM_RIGHT_BEFORE = re.compile(r"\bfrom\s+$")
# A share of a national income, or of the world's output, is no share of an ally's GDP.
NOT_OWN_GDP_AFTER = re.compile(
    r"\s?of\s+(?:(?:the\s+|their\s+|its\s+)?(?:gross\s+national|GNI\b)|"
    r"(?:the\s+)?(?:global|world|worldwide)\s+(?:GDP|gross\s+domestic|economic\s+output)\b)", re.I)
BRACKET_GAP = re.compile(r"^\s*\(?\s*$")
DEFENCE_BUDGET = re.compile(r"defen[cs]e\s+(?:spending|budget)", re.I)
FROM_AT_START = re.compile(r"\s*(?:up\s+)?from\b", re.I)
TO_AT_END = re.compile(r"\bto\s+(?:between\s+)?$", re.I)
TARGET_OF_BEFORE = re.compile(r"\b(?:target|threshold|benchmark|goal|guideline|commitment)\s+of"
                              r"\s+(?:spending\s+|allocating\s+)?$", re.I)
SPACES = re.compile(r"\s+")


PROJECTED = words("projected", "projections?", "forecasts?", "forecasted", "expected to",
                  "is expected", "are expected", "estimated", "estimates?", "on course to",
                  "on track to", "predicted",
                  # 'he expects Canada's defence spending to climb to at least 1.75 per cent'
                  # 'expects euro-zone and UK defense spending to rise to 2.7% and 2.5%'
                  "expects? (?:[\\w-]+(?:['’]s)?\\s+){0,4}?(?:defen[cs]e\\s+)?spending")
PLAN_WORDS = words("aims?", "aiming", "plans?", "planning", "targets?", "targeting", "goals?",
                   "pledged?", "wants?", "intends?", "commit\\w*", "promis\\w*", "need\\w*",
                   "should", "must", "would have to", "propos\\w*", "recommend\\w*",
                   "demand\\w*", "call(?:ed|s)? (?:on|for)", "urged?")
FISCAL_NOT_DEFENCE = words("deficits?", "debt", "borrowing", "revenues?", "growth",
                           "inflation", "unemployment", "surplus", "GNI",
                           "gross national income", "interest rates?", "education",
                           "health(?:care)?", "pensions?",
                           # 'a rise in GDP of 3.26 percent': the economy's growth
                           r"(?:rise|increase|growth|fall|drop|decline|expansion|contraction)"
                           r"\s+in\s+(?:the\s+)?(?:real\s+)?(?:GDP|gross\s+domestic\s+product|"
                           r"economy|economic\s+output)",
                           # "its share of total NATO defense expenditure ... fell from 2.4
                           # percent", 'Share of total government expenditure 4,52%': a part
                           # of the allies' sum or of the budget, not of GDP
                           r"share\s+of\s+(?:the\s+)?(?:total\s+|overall\s+|combined\s+)?"
                           r"(?:NATO|alliance|allied|allies['’]?|European|global|world|"
                           r"government|public|state)\s+"
                           r"(?:defen[cs]e\s+|military\s+)?(?:expenditure|spending|budgets?|"
                           r"outlays)")
# '2.36% of GDP has been dedicated to education, 2.78% to health': another sector's share.
OTHER_SECTOR_AFTER = re.compile(
    r"\s?(?:of\s+(?:GDP|gross\s+domestic\s+product)\s+)?(?:[\w-]+\s+){0,4}?(?:to|for|on)\s+"
    r"(?:the\s+)?(?:education|health(?:care)?|pensions?|social|welfare)\b", re.I)
DEFENCE_NOUN = words(r"defen[cs]e", "military", "armed forces", "security", "NATO")
EXTRA_BEFORE = re.compile(r"\b(?:extra|another)\s+$", re.I)
MODAL_GOAL = words("would have to", "will have to", "needs? to", "should", "must",
                   "would need", "will need", "recommend\\w*", "propos\\w*")
BUDGET_WORD = re.compile(r"\bbudget\b", re.I)
BUDGET_RAISES = re.compile(
    r"\bbudget\s+(?:\w+\s+){0,2}?(?:would|will|is\s+set\s+to|to)\s+(?:raise|increase|boost|lift|"
    r"bring|take|push)\b", re.I)
RAISE_TO = re.compile(
    r"\b(?:raise|increase|boost|lift|hike|bring|take|elevate|ramp\s+up)\w*\s+(?:[\w’'-]+\s+){0,4}?"
    r"to\s+(?:about\s+|around\s+|roughly\s+|at\s+least\s+)?$", re.I)


AIMS_TO = re.compile(r"\b(?:aim(?:s|ing)?|plans?|planning|wants?|intends?|seeks?|seeking|"
                     r"expects?)\s+to\s+(?:reach|meet|hit|achieve)\b", re.I)
TARGET_SET_AFTER = re.compile(
    r"\s?(?:[-‑–]\s?)?(?:\w+\s+){0,3}?(?:target|threshold|benchmark|guideline|goal)\s+"
    r"(?:(?:was\s+|were\s+)?(?:set|agreed|adopted|endorsed)\s+(?:at|by|in)|agreed\s+(?:up)?on)\b",
    re.I)
FROM_OLD_TARGET = re.compile(r"\bfrom\s+(?:the\s+|its\s+|NATO['’]s\s+)?(?:previous|former|old|"
                             r"existing|current|earlier)\s+$", re.I)
TARGET_SET_BEFORE = re.compile(
    r"\b(?:new|agreed|adopted|endorsed|proposed|current|existing|official|former|previous|old|"
    r"longstanding|original|initial|broader|ambitious|overall)\s+"
    r"(?:(?:NATO|defen[cs]e|military|spending|expenditure|core)\s+){0,3}"
    r"(?:target|threshold|benchmark|guideline|goal|standard)\s+(?:of|is|was|at)\s+(?:spending\s+|"
    r"allocating\s+)?$", re.I)
# 'a broader 5% target', 'the new 5% standard': the target itself, named with its figure.
TARGET_ADJ_BEFORE = re.compile(r"\b(?:new|broader|former|previous|old|longstanding|original|"
                               r"ambitious|overall|agreed|official)\s+$", re.I)
# 'The target for 2026 was originally 3.7%', 'the current minimum level for defense spending is
# two percent': a sentence about the target itself.
TARGET_IS_BEFORE = re.compile(
    r"\b(?:target|goal|guideline|benchmark|minimum(?:\s+level)?)\s+(?:for\s+(?:[\w-]+\s+){1,2}?)?"
    r"(?:is|was|remains|stands\s+at)\s+(?:originally\s+|initially\s+|now\s+|still\s+)?$", re.I)
# '5% should be our target', 'hitting 3 per cent was an “ambition”'
TARGET_COPULA_AFTER = re.compile(
    r"\s+(?:of\s+GDP\s+)?(?:(?:for|on)\s+defen[cs]e\s+)?(?:should|must|will|would|was|is)\s+"
    r"(?:be\s+)?(?:just\s+|only\s+|merely\s+)?(?:our|the|their|its|his|her|an?)\s+[“\"']?(?:\w+\s+)?(?:target|goal|aim|ambition|"
    # '2% is a start', '2% is a floor, not a ceiling': a yardstick, as a target is
    r"start|floor|minimum|baseline)\b", re.I)
# 'the five percent being demanded of NATO members'
DEMANDED_AFTER = re.compile(r"\s+(?:of\s+GDP\s+)?(?:being\s+|now\s+)?(?:demanded|sought|"
                            r"requested|called\s+for|pushed\s+for)\b", re.I)
# 'At the NATO summit in Vilnius in 2023, member states agreed to spend at least 2%', 'In 2014,
# the alliance issued the common goal that member states spend 2%': a commitment made in a past
# year; the year dates the commitment, not a level.
COMMITTED = words("agreed", "pledged", "promised", "committed", "vowed", "goal that",
                  "commitment to", "pledge to")
# 'move the goalpost from 2% to 5%', 'missing 2%': a yardstick. The new figure is a target when
# it has a deadline ('boost ... target from 2% to 5% of gross domestic product by 2035').
MOVED_TARGET = re.compile(
    r"(?:\b(?:goal\s?posts?|bar|target|benchmark|threshold)\s+from\s+(?:\d+(?:\.\d+)?\s?(?:%|"
    r"per\s?cent|percent)\s+to\s+(?P<to>))?|\bmiss(?:ing|ed|es)?\s+(?:the\s+)?)$", re.I)
SPENDS_NOW_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were)\s+(?:already\s+|currently\s+|now\s+|still\s+)?spending|"
    r"\b(?:already|currently|now)\s+(?:spends?|spending|allocat(?:es|ing))|\bspends|"
    r"(?:^|,\s)spending)\s+$", re.I)
AVERAGE_BEFORE = re.compile(r"\baverage\s+(?:of\s+|at\s+|was\s+|is\s+)?$", re.I)
AID_SHARE = words("aid", "development", "ODA", "GNI", "gross national income")
YARDSTICK_BEFORE = words("from", "than", "exceed\\w*", "surpass\\w*", "short", "below",
                         "clear\\w*", "pass\\w*", "compl\\w*", "achiev\\w*",
                         "above", "closer", "toward\\w*", "meet\\w*", "met", "reach\\w*",
                         "hit\\w*", "beyond", "over", "up")
# The yardstick words of YARDSTICK_BEFORE that are not verbs of reaching (REACHED has those).
MEASURED_AGAINST = words("from", "than", "short", "below", "beyond", "closer", "toward\\w*")
AGREED_TO = re.compile(r"\b(?:agreed|pledged|promised|committed|vowed|aims?|plans?|wants?)\s+"
                       r"(?:\w+\s+){0,2}?to\s+(?:\w+\s+)?$", re.I)
STARTING_POINT = re.compile(
    r"(?:\bfrom\s+|(?P<current>\b(?:its|their|the)\s+(?:current|present)\s+(?:level|share)\s+of\s+))"
    r"(?:about\s+|around\s+|roughly\s+|just\s+(?:over|under)\s+|some\s+)?$", re.I)
# 'from 0.5 per cent of gross national income to 0.3 per cent': the second share is of GNI too.
FROM_NOT_GDP_TO = re.compile(
    r"\bfrom\s+\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s+of\s+(?:gross\s+national\s+income|GNI|"
    r"the\s+(?:budget|total|population))\b[^.;%]{0,30}\bto\s+$", re.I)
# 'at least 3.5 percent of the 5 percent', 'the remaining 1.5 percent': parts of a target.
PART_OF_TARGET = re.compile(
    r"\s+of\s+(?:the|that|this)\s+(?:\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)"
    r"|(?:new\s+|overall\s+|headline\s+)?(?:target|goal|commitment))", re.I)
TOTAL_OF_PARTS = re.compile(r"\b(?:total|overall|combined)\b[^.;%]{0,50}\b(?:would|will)\s+"
                            r"(?:be|amount\s+to|come\s+to|reach)\s+(?:about\s+|around\s+)?$",
                            re.I)
HYPOTHETICAL = re.compile(r"\basked\s+(?:if|whether)\b", re.I)


TARGET_WHOLE_BEFORE = re.compile(r"\bof\s+(?:the|that|this)\s+$", re.I)
REMAINDER_BEFORE = re.compile(r"\b(?:the\s+)?(?:remaining|other|rest\s+of\s+the|further|"
                              r"additional)\s+(?:\w+\s+)?$", re.I)
TARGET_PART_CUE = words("target", "goal", "commitment", "pledge", "agreed", "summit",
                        "declaration")
RESTATED_BETWEEN = re.compile(
    r"^\s*(?:,\s*|\(\s*|[—–]\s*)(?:or\s+|equal\s+to\s+|equivalent\s+to\s+|representing\s+|"
    r"which\s+is\s+|amounting\s+to\s+|about\s+|around\s+|roughly\s+|some\s+|nearly\s+|"
    r"almost\s+|just\s+over\s+|just\s+under\s+)*$", re.I)







# What introduces the allies a figure or a count is about: 'only eight NATO countries met the 2%
# target, including Greece, the US, ...', 'is shared by six countries — Portugal, ...',
# 'Three countries that can meet the 2% target are Slovakia, Finland, and Romania'.
# '3 per cent – a level reached only by Poland, the US and Greece'
LEVEL_REACHED_BY = re.compile(
    r"\s*(?:of\s+(?:their\s+|its\s+)?GDP\s*)?[,–—-]\s*(?:a\s+(?:level|threshold|figure|mark)\s+)?"
    r"(?:that\s+is\s+|which\s+is\s+)?(?:(?:already|so\s+far)\s+)?(?:reached|met|exceeded|achieved|"
    r"surpassed|hit)\s+(?:so\s+far\s+|only\s+|just\s+)?by\s+(?:the\s+)?", re.I)
NAMED_LIST_INTRO = re.compile(
    r"(?:\bincluding|\binclude[sd]?|\bsuch\s+as|\bnamely|\bin\s+addition\s+to|\bare|\bwere|"
    r"[—–:]|\s-)\s*(?:the\s+)?$", re.I)
# Intros after which a list names who holds a figure written after it ('Some European
# countries, such as Poland, Estonia, and Lithuania, have already increased ... to five percent').
NAMED_LIST_EXAMPLES = re.compile(r"(?:\bincluding|\bsuch\s+as|\bnamely)\s*(?:the\s+)?$", re.I)
ABOVE_VERB = words("exceed\\w*", "above", "surpass\\w*", "over", "more than", "upwards of")
# A counted group of countries ('six countries', 'three more countries', '11 allies').
COUNTED_GROUP = re.compile(
    r"\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+)"
    r"{0,2}?(?:countries|allies|members|states|nations)\b", re.I)
# 'Other members spending more than 3 percent include Estonia, Norway, ...': uncounted allies
# whose figure a verb of including then lists.
INCLUDE_INTRO = re.compile(r"\binclude[sd]?\b", re.I)
# A sentence that names the allies the one before it counted: 'There are only four countries
# that currently meet the 5% defense spending target. Those are Poland, Estonia, Latvia, and
# Lithuania.'
THOSE_ARE = re.compile(r"\s*(?:These|Those|They)\s+(?:(?:countries|allies|nations|members|"
                       r"states)\s+)?(?:are|were|include[sd]?)\b\s*:?\s*(?:the\s+)?")
GROUP_NOUN = re.compile(r"\b(?:countries|allies|members|states|nations)\b", re.I)
# Whom a country depends on is not who spends: 'Canada is too reliant on the United States for
# defence as he announced he will boost military spending'.
DEPENDS_ON_BEFORE = re.compile(
    r"\b(?:relian(?:t|ce)|relying|rel(?:y|ies|ied)|dependen(?:t|ce|cy)|depend(?:s|ing)?)\s+"
    r"(?:up)?on\s+(?:the\s+)?$", re.I)
# 'NATO is unlikely to adopt Trump's 5% target', 'NATO members have set a defence spending
# target of at least 2% of GDP', 'agreed in 2014 to aim for a defense spending target of at
# least 2%': a verb that makes, proposes or judges the target has it as its object, so the
# sentence is about the target itself, not a yardstick for a level (round 2, 5, 6 conventions).
TARGET_MADE_BEFORE = re.compile(
    r"\b(?:set(?:s|ting)?|adopt\w*|aim(?:s|ed|ing)?\s+for|propos\w*|endors\w*|approv\w*|"
    r"introduc\w*|establish\w*|oppos\w*|reject\w*|agree(?:d|s)?\s+(?:on|to)|back(?:s|ed|ing)?|"
    r"support(?:s|ed|ing)?)\s+"
    r"(?:(?:the|a|an|its|their|this|that|[A-Z][\w.]*['’]s?)\s+)?"
    r"(?:(?:new|current|proposed|existing|higher|common|NATO|alliance['’]s|defen[cs]e|military|"
    r"spending|expenditure|core)\s+){0,3}"
    r"(?:(?:target|threshold|benchmark|guideline|goal|standard)\s+of\s+)?$", re.I)
# 'meet the proposed 5% defense spending goal': a target still proposed is the target itself,
# whatever verb reaches it.
PROPOSED_BEFORE = re.compile(r"\b(?:proposed|suggested|mooted|planned)\s+$", re.I)
# 'the 5 percent target is reachable', 'The 5 percent target proposed by Trump', 'the 2% target
# as "a floor, not a ceiling"', 'turning the current two percent target into a minimum': what
# follows the target's name says something about the target itself.
TARGET_SELF_AFTER = re.compile(
    r"\s+(?:(?:proposed|demanded|set|sought|pushed|floated|suggested)\s+by|"
    r"(?:is|was|remains|seems|looks|would\s+be|will\s+be)\s+(?:not\s+|still\s+|now\s+)?"
    r"(?:\w+\s+)?(?:reachable|achievable|attainable|realistic|unrealistic|feasible|"
    r"unattainable|affordable|unaffordable|arbitrary|outdated|a\s+floor|a\s+minimum|"
    r"a\s+ceiling|the\s+minimum|the\s+floor|an?\s+(?:\w+\s+)?ambition)|"
    r"as\s+[“\"']?(?:a|the)\s+(?:floor|minimum|ceiling|baseline)|"
    r"into\s+(?:a|the)\s+(?:floor|minimum|baseline))\b", re.I)
# 'since they set the two-percent target a decade ago': a time clause that only dates
# something else by the target.
SINCE_CLAUSE = re.compile(r"\b(?:since|after|when|before|until)\s+(?:\w+\s+){0,2}$", re.I)
