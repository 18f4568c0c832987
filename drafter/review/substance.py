"""Substance checks from the argument behind drafter (docs/domain.md):

- community-relations events (softball, picnics, school talks, a relations desk, coffee with a
  cop) offered as partnership, with no joint work on root causes nearby;
- partners described by what they do for enforcement (tips, arrests, identifying offenders,
  informants) rather than by their capacity to address root causes;
- no strategy for marginalized and immigrant communities;
- no measures of trust or outcomes;
- nothing on keeping the effort going beyond one grant period or one leadership.

Each looks at words near one another, so it prompts a reader rather than rules: warnings.
A passage that mentions such events only to exclude them ("are not partnership", "forbid") is
not flagged.
"""

from __future__ import annotations

import re

from drafter.model import Document
from drafter.review.findings import Finding, Item, Location, document_text, prose, walk


def _words(*phrases: str) -> re.Pattern[str]:
    """Any of the phrases (regex syntax) as whole words, in any case: every list below is one."""
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.I)


_RELATIONS = _words(
    "softball|baseball|basketball|kickball|picnics?|barbecues?|cookouts?|block part(?:y|ies)",
    "school (?:presentations?|talks?|visits?|assembl(?:y|ies))|presentations? (?:at|in|to) (?:local )?schools",
    "talks? (?:at|in) schools|(?:community )?relations (?:desk|unit|office|officer)|coffee with a cop",
    "national night out|toy drives?|festivals?|meet and greets?",
)
_JOINT = _words(
    "root causes?|underlying (?:causes?|conditions?|problems?)|problem[- ]solving|SARA|jointly|together",
    r"shared (?:problem|goal|plan|work)|collaborat\w*|co-design\w*|analy[sz]\w*|causes of crime",
)
_ENFORCEMENT = _words(
    "tips?|tip lines?|arrests?|identify(?:ing)? (?:suspects?|offenders?|criminals?|gang members?)",
    "informants?|informers?|eyes and ears|report(?:ing)? (?:suspicious|crimes? to)",
    "name suspects|gather(?:ing)? evidence|surveillance|intelligence",
)
_PARTNER = _words(
    "partners?|partnerships?|community (?:groups?|organi[sz]ations?|members|residents)|residents",
    "faith|churches|businesses|nonprofits?",
)
_NEGATION = _words(
    r"not|never|no|nothing|forbid\w*|prohibit\w*|without|instead of|rather than",
    r"do(?:es)? not count|exclude\w*|leave them out",
)
_MARGINALIZED = _words(
    "immigrants?|immigration|refugees?|marginali[sz]ed|underserved|limited English|language access",
    r"LEP|homeless(?:ness)?|unhoused|LGBTQ\w*|disabilit(?:y|ies)|undocumented",
)
_TRUST = _words("trust|legitimacy|satisfaction|confidence|perceptions? of (?:safety|police)")
_MEASURE = _words(
    r"surveys?|measures?|measured|metrics?|indicators?|baselines?|assess\w*|evaluat\w*|outcomes?"
)
_OUTCOME = _words(
    r"outcome (?:measures?|indicators?|data)|reduction in|reduce \w+ (?:by|from)|baseline",
    "percent(?:age)? (?:change|decrease|increase)",
)
_SUSTAIN = _words(
    r"sustain\w*|institutionali[sz]\w*|beyond the (?:grant|award|funding)",
    "after (?:the )?(?:federal )?(?:grant|funding|funds|award)(?: period)? (?:ends?|expires?)",
    "retain (?:the )?(?:positions|officers)|general fund",
    "(?:future|successive|later) (?:chiefs?|leaders(?:hip)?|administrations?)",
    "leadership (?:changes?|transitions?)|succession|permanent (?:policy|budget|line)",
)


def check(doc: Document) -> list[Finding]:
    items = prose(walk(doc))
    findings: list[Finding] = []
    findings.extend(_relations_only(items))
    findings.extend(_enforcement_partners(items))
    text = document_text(items)
    if not _MARGINALIZED.search(text):
        findings.append(
            Finding(
                "substance.no-marginalized",
                "warning",
                "No strategy for marginalized or immigrant communities (nothing on immigrants, refugees, "
                "language access, or other marginalized groups).",
                "Add a strategy of their own: a liaison, outreach in their languages, and safeguards for trust.",
                Location(),
            )
        )
    has_trust = any(_TRUST.search(s) and _MEASURE.search(s) for s in re.split(r"(?<=[.;])\s+", text))
    if not has_trust and not _OUTCOME.search(text):
        findings.append(
            Finding(
                "substance.no-measures",
                "warning",
                "No measures of trust or of outcomes (a survey of trust, a baseline, a reduction sought).",
                "Say how trust and results will be measured: a representative survey, outcome indicators, a baseline.",
                Location(),
            )
        )
    if not _SUSTAIN.search(text):
        findings.append(
            Finding(
                "substance.no-sustainability",
                "warning",
                "Nothing about keeping the effort going beyond one grant period or one leadership.",
                "Say how the work continues: budget after federal funds end, written policy, training, succession.",
                Location(),
            )
        )
    return findings


def _near(items: list[Item], i: int, pattern: re.Pattern[str]) -> bool:
    """Whether the paragraph, or one beside it in the same section, matches."""
    for j in (i - 1, i, i + 1):
        if 0 <= j < len(items) and items[j].section == items[i].section and pattern.search(items[j].text):
            return True
    return False


def _relations_only(items: list[Item]) -> list[Finding]:
    out: list[Finding] = []
    for i, item in enumerate(items):
        m = _RELATIONS.search(item.text)
        if not m or _NEGATION.search(item.text) or _near(items, i, _JOINT):
            continue
        out.append(
            Finding(
                "substance.relations-only",
                "warning",
                f'"{m.group(0)}" is a community-relations event offered without joint work on root causes.',
                "Events are not partnership: describe the problem the partners will work on together, "
                "who does what, and how results are measured.",
                item.loc(m.group(0)),
            )
        )
    return out


def _enforcement_partners(items: list[Item]) -> list[Finding]:
    out: list[Finding] = []
    for item in items:
        m = _ENFORCEMENT.search(item.text)
        if not m or not _PARTNER.search(item.text) or _NEGATION.search(item.text) or _JOINT.search(item.text):
            continue
        out.append(
            Finding(
                "substance.enforcement-partners",
                "warning",
                f'Partners are described by enforcement help ("{m.group(0)}") rather than by root causes.',
                "Choose and describe partners by their capacity to address the causes of the problem, not to help make arrests.",
                item.loc(m.group(0)),
            )
        )
    return out
