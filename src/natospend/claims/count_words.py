"""The vocabulary of counts of allies: 'how many meet the target' ('23 of 32 allies', 'only
three members', 'all 32', 'a third of the allies'), and what makes a number no such count.

Split from ``patterns`` (the shared vocabulary) because only the count rules (``counts``) and
their word hints read it.
"""

from __future__ import annotations

import re

from natospend.claims.patterns import COUNT_WORDS, words

ALL_RE = re.compile(r"\b(?P<all>all\s+(?:its\s+|of\s+its\s+|of\s+the\s+|(?:of\s+)?NATO['’]s\s+|"
                    r"North\s+Atlantic\s+Treaty\s+Organi[sz]ation\s+(?:\(NATO\)\s+)?)?"
                    # 'all 32 North Atlantic Treaty Organization members', 'all 32 of its members'
                    r"(?:(?P<total>\d{2})\s+(?:of\s+(?:its|the|NATO['’]s)\s+)?)?"
                    r"(?:NATO\s+|alliance\s+|North\s+Atlantic\s+Treaty\s+Organi[sz]ation\s+)?"
                    r"(?:members|allies|member\s+states|member\s+countries|member\s+nations)|"
                    # 'all NATO countries except Iceland': countries only when NATO's, or when
                    # Iceland is the exception
                    r"all\s+(?:the\s+)?(?:NATO|alliance)\s+countries|"
                    r"all\s+(?:the\s+)?countries(?=\s+except\s+(?:for\s+)?Iceland)|"
                    r"every\s+(?:NATO\s+|alliance\s+)?member"
                    r"(?:\s+(?:state|country))?|all\s+allies)\b", re.I)

# Rarer ways to say a count meets a target, tried only where a count was found ('18 alliance
# countries were allocating at least 2 percent', 'only eleven ... had kept their promise').
# 'all 32 members spent at least 2 percent of GDP': 'spent' right after a group of all members
# (after a number alone it is too often a total: 'Of 30 members, only Greece ... spent')
ALL_SPENT = re.compile(r"\s+(?:\w+\s+)?spent\b", re.I)
IF_ALL_BEFORE = re.compile(r"\b(?:if|where|unless|suppose)\s+$", re.I)
# 'Urging all members of the North Atlantic Treaty Organization to spend a minimum of 2
# percent': a demand on every ally, not a count of those who do
DEMAND_ALL_BEFORE = re.compile(r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon)|"
                               r"ask(?:s|ed|ing)?|press(?:es|ed|ing)?|encourag(?:e|es|ed|ing)|"
                               r"requir(?:e|es|ed|ing))\s+$", re.I)
COUNT_VERB_MORE = words("allocat(?:e|es|ed|ing)", "devot\\w*", "invest(?:s|ed|ing)?",
                        "(?:kept|keep\\w*|fulfil\\w*|honou?r\\w*) (?:their|its|the) "
                        "(?:promise|pledge|commitment)")

# Between a group and its verb: what they are to do, not what they do ('gave all Nato members
# a June deadline for fully meeting').
AIM_GAP = words("agreed?", "agreeing", "goals?", "deadlines?", "pledged?", "commit\\w*",
                "need(?:s|ed)? to",
                "asked", "urged", "called", "required", "must", "should")

EUROPEAN_COUNT = re.compile(r"(?<!non-)\bEuropean\s+(?:NATO\s+)?(?:allies|members|countries|"
                            r"nations|states|member\s+states)\b", re.I)

NOT_ALL_BEFORE = re.compile(r"\b(?:not|nearly|almost|virtually|of)\s+$", re.I)

# 'all members to hit', 'all alliance members to actually meet': wanted, not done
INFINITIVE_GAP = re.compile(r"\s+to\s+(?:\w+ly\s+)?", re.I)

COUNT_NEG = words("not meet", "not even meet", "not yet meet", "fail\\w*", "short of", "miss\\w*",
                  "below", "does not", "do not", "falling short", "lagging",
                  "(?:had|have|has) not (?:yet )?(?:reached|met|hit|achieved|exceeded)")

ICELAND_OUT = re.compile(r"\bIceland\b[^.]{0,40}\b(?:except\w*|exclud\w*|no armed forces)|"
                         r"\bexcept\w*\s+(?:for\s+)?Iceland", re.I)

FOLLOWUP_COUNT = re.compile(
    r"(?:that\s+number\s+(?:was|is)|it\s+was|(?:compared\s+(?:to|with)|from|up\s+from)|number[^.]{0,40}"
    r"(?:was|from)|(?:fell|rose|rising|falling|rebound\w*|climb\w*|grew|dropp\w*)\s+"
    r"(?:further\s+|again\s+)?to|(?P<forecast>compared\s+(?:to|with)\s+(?:a|an|the)\s+(?:previous|earlier|"
    r"original|initial)\s+(?:forecast|estimate|projection)\s+of))\s+(?:still\s+|now\s+)?(?:just\s+|only\s+|less\s+than\s+|fewer\s+than\s+)?"
    r"(?P<n>\b\d{1,2}\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
    r"(?!\s*(?:%|per|percent|billion|million))", re.I)

# 'In 2014 that number was just 3': a count carried over from an earlier sentence.
NUMBER_ANAPHOR = re.compile(r"\b(?:that|the|this)\s+number\s+(?:was|stood\s+at|had\s+been)\s+"
                            r"(?:still\s+)?(?:just\s+|only\s+)?\d{1,2}\b(?![\d,%]|\.\d|\s*(?:per|"
                            r"percent|billion|million|thousand))", re.I)

# Whether a sentence is about a target at all, as ``TARGETISH`` has it, given no '%' in it:
# its words as whole-word patterns ('targets' still counts), searched once per sentence.
TARGET_WORD = words("target\\w*", "threshold\\w*", "benchmark\\w*", "guideline\\w*",
                    "pledge\\w*", "goal\\w*", "promise\\w*", "per\\s?cent\\w*", "percent\\w*",
                    "criteri(?:on|a)\\w*", "requirement", "commitment", "obligation\\w*",
                    "mark")

NUMBER_OF_GROUP = re.compile(r"\bnumber of (?:states|allies|countries|members|NATO)", re.I)

ONE_OF = re.compile(r"one\s+of\b", re.I)

WHOLE_ALLIANCE_BEFORE = re.compile(r"(?:\b(?:the|all|its)|['’]s)\s+$", re.I)

ALL_OF_BEFORE = re.compile(r"\b(?:all|of\s+the|of\s+its)\s+$", re.I)

REACH_VERB = re.compile(r"\s+(?:\w+\s+){0,3}?(?:meet|met|reach|hit|exceed|surpass|achiev|pass|"
                        r"clear|are\s+(?:above|on\s+track)|were\s+(?:above|on\s+track))\w*\b",
                        re.I)

SUBSET_BEFORE = re.compile(r"\b(?:previous|other|remaining|latter|former|including(?:\s+the)?)"
                           r"\s+$", re.I)

# 'Hungary is one of the nine NATO states that will spend 2%', 'Slovakia is also among the 23
# countries meeting ...': the number is the count; the ally named first is one of them.
MEMBER_OF = re.compile(r"\b(?:one\s+of|among)\s+(?:the\s+)?$", re.I)

REACHED_IT = re.compile(r"\b(?:achieved|reached|met|exceeded|hit|surpassed)\s+(?:this|that|it)\b",
                        re.I)

NUMBER_ROSE = re.compile(
    r"\b(?:that|the|this)\s+number\b[^.;]{0,70}?\b(?:(?:ris(?:e|en|es|ing)|rose|gr[eo]w\w*|"
    r"increas\w*|climb\w*|jump\w*)\s+to|stands\s+at|stood\s+at)\s+(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve)\b(?![\d%]|[.,]\d|\s*(?:per|percent|billion|million|thousand))",
    re.I)

ONLY_N_REACH = re.compile(
    r"\bonly\s+(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:currently\s+|now\s+|still\s+|already\s+)?(?:reach|meet|exceed|hit|surpass|clear)\w*\b",
    re.I)

THE_ONLY_ONE = words(r"(?:is|was|remains)\s+the\s+only\s+(?:NATO\s+|alliance\s+|allied\s+|"
                     r"European\s+)?(?:member(?:\s+(?:state|country|nation))?|ally|country|"
                     r"nation)")

OF_TOTAL_N = words(r"(?:Out\s+)?Of\s+(?:the\s+|its\s+|NATO['’]s\s+|the\s+alliance['’]s\s+)?"
                   r"(?P<total>\d{2}|thirty[-‑\s](?:one|two))\s+(?:NATO\s+)?(?:member\s+)?"
                   r"(?:members|allies|states|countries|nations),\s+(?:(?P<hedge>at\s+least|more\s+than|"
                   r"only|just)\s+)?(?P<n>\d{1,2})\s+(?:have\s+|had\s+)?"
                   # 'Out of the 31 Nato members, 23 are expected to meet ...': a forecast count
                   r"(?:(?:are|were|will\s+be)\s+(?:expected|projected|forecast|set|on\s+track)\s+"
                   r"to\s+)?"
                   r"(?:spent|spend|met|meet|reached|exceeded|hit|achieved|"
                   r"defen[cs]e\s+spending\s+of)")

THE_ONLY_ONES = re.compile(
    r"\b(?:these|those|they)\s+(?:are|were)\s+the\s+only\s+(?:\w+\s+){0,2}?(?:members|allies|"
    r"countries|nations|states)\b", re.I)

FRACTION_OF_ALLIES = re.compile(
    r"(?:\b(?P<hedge>at\s+least|more\s+than|nearly|almost|about|around|roughly)\s+)?"
    r"\b(two[-‑ ]thirds|a\s+third|one[-‑ ]third|half)\s+of\s+(?:the\s+|NATO['’]s\s+|its\s+|our\s+)?"
    r"(?:\d{2}\s+)?(?:(?:NATO\s+|alliance\s+)?(?:allies|members|member\s+states|"
    r"member\s+countries)|alliance|NATO)\b", re.I)

ONLY_BEFORE = re.compile(r"\b(?:only|just|solely)\s+(?:the\s+)?$", re.I)

LIST_VERB_AFTER = re.compile(
    r"^(?:\s*\([^()]{1,24}\))?\s*(?:,[^,]{0,30},\s*)?(?:\w+\s+){0,2}?"
    r"(?:meet|met|reach(?:ed)?|hit|exceed(?:ed)?|surpass(?:ed)?|clear(?:ed)?|pass(?:ed)?|spend|"
    r"spent|are\s+(?:above|at\s+or"
    r"\s+above)|were\s+(?:above|at\s+or\s+above)|achieved?)\b", re.I)

# Between a count of allies and the verb of meeting, what they did instead ('11 allies made an
# enduring commitment to invest at least 2%', 'the agreement among the 32 allies to raise the
# defence spending target to 5%'): the allies commit or decide, they do not meet a level.
COUNT_AIM_GAP = words("made", "make", "agreed?", "agreeing", "pledged", "committed", "commits",
                      "promised", "decided", "signed", "vowed", "to (?:raise|increase|boost|lift)")

# 'Greece and the above 6 countries have achieved the NATO guideline': the ally named plus the
# counted ones (round 4a: counts given by arithmetic).
PLUS_NAMED_BEFORE = re.compile(r"\s+and\s+the\s+(?:above|aforementioned|following|other|"
                               r"remaining|said)?\s*$", re.I)

# 'The 2% objective was met by seven out of 30 countries': the agent of meeting, not a change
# (but 'the 2% guideline, which isn't even met by eight Nato members' counts those short of it)
MET_BY = re.compile(r"(?<!n't\s)(?<!not\s)(?<!even\s)\b(?:met|reached|achieved|exceeded|"
                    r"surpassed|hit|fulfilled)\s+by\s+(?:only\s+|just\s+)?$", re.I)

# Where a sentence turns to something else after a count ('... to hit the target but the
# average ... is 1.74 per cent'): a figure beyond it is not the count's target.
CONTRAST_AFTER = re.compile(r"\s(?:but|whereas|while|although|though)\s|;", re.I)

# A count written bare, in digits or words: what the two follow-up patterns below capture as 'n'.
_COUNT_N = rf"(?P<n>\d{{1,2}}|{COUNT_WORDS})"

# After a count, a bare number that will spend or meet the level is the next count: 'In 2020,
# only nine NATO allies were spending 2% ... This year, 23 will spend at least 2%.'
BARE_COUNT_MEETS = re.compile(
    rf"(?<![\d$€£.,])\b{_COUNT_N}\s+"
    r"(?:will|are|were|now|have|had|should)\s+(?:now\s+|already\s+|be\s+)?"
    r"(?:spend|spending|meet|meeting|reach|reached|hit|exceed|met)\b", re.I)

# After a sentence that states a target, a count of those doing what it asks: 'for all 32 member
# nations of NATO to be contributing the agreed 2% per nation. As of today, seven of those 32
# are doing so.' (a Commons question, round 41)
DOING_SO_COUNT = re.compile(
    rf"(?<![\d$€£.,])\b{_COUNT_N}(?:\s+of\s+(?:those|these|them|the|its|our)"
    r"(?:\s+(?P<total>\d{2}|thirty[-‑]\w+))?)?\s+(?:(?:allies|members|countries|nations|states)\s+)?"
    r"(?:(?:are|were|is|was|now|already|currently|still)\s+){0,2}(?:doing|do|does|did)\s+so\b",
    re.I)

# Where the count is the topic, 'there were N (such countries)' is the next count: 'only five
# NATO member countries allocated more than 2% ... There were seven such countries in 2022, and
# last year there were already 11.' (not 'there are 32 members': a total, not who meets a level)
THERE_WERE_COUNT = re.compile(
    r"\bthere\s+(?:were|are|was|will\s+be)\s+(?:already\s+|only\s+|just\s+|still\s+)?"
    rf"{_COUNT_N}(?:\s+such\s+(?:countries|allies|members|nations|states)\b|"
    r"(?=\s*[.,;]|\s+(?:in|by)\s+\d{4}|\s+(?:last|this|that)\s+year))", re.I)
