"""Element checks recognise decree wording another drafter would use, not only drafter's own
keywords (issue 14). Every sentence here was written for this test."""

from __future__ import annotations

import pytest

from drafter.review.elements import covered, element_data


def element(eid: str) -> dict:
    return next(e for e in element_data()["directive"] if e["id"] == eid)


@pytest.mark.parametrize(
    "eid, sentence",
    [
        ("beats", "Officers shall stay long enough to become familiar with the geographic areas they serve."),
        ("beats", "Each sergeant keeps the same patrol area for at least three years."),
        ("beats", "Officers are assigned to one neighborhood so that they come to know the residents."),
        ("evaluation", "Personnel evaluations shall weigh an officer's work with neighborhood groups."),
        ("evaluation", "Annual performance reviews of supervisors will reward joint problem work."),
        ("evaluation", "Problem-solving work shall count toward advancement."),
        ("protected-time", "Each shift reserves time set aside for officers to meet block clubs."),
        ("comment", "The Bureau shall respond in writing to every comment on proposed policies."),
        ("oversight", "A civilian review panel shall examine complaint investigations."),
        ("sara", "Officers and tenants shall analyze the causes of repeat burglaries together."),
        ("partnerships", "The Bureau shall work with community organizations on each chosen problem."),
        ("training", "The Bureau shall train all officers in de-escalation within a year."),
        ("procedural-justice", "Officers shall treat people with respect and explain each decision."),
        ("dialogue", "Commanders shall hold regular conversations with residents about priorities."),
        ("meetings", "The board meets monthly in a place open to the public."),
        ("youth", "The Bureau shall consult teenagers and juveniles' advocates on curfew policy."),
        ("language-access", "Notices go out in Spanish and Somali for residents who speak little English."),
        ("mediation", "Neighborhood disputes shall be referred to conflict resolution volunteers first."),
        ("survey", "The City shall commission an annual poll of residents on safety and trust."),
        ("open-data", "The Bureau publishes quarterly data on stops and arrests by precinct."),
        ("recruitment", "The Bureau shall build a workforce that reflects the city it serves."),
    ],
)
def test_paraphrases_cover_their_element(eid: str, sentence: str) -> None:
    assert covered(element(eid), sentence)


@pytest.mark.parametrize(
    "eid, sentence",
    [
        ("beats", "Clerks rotate among desk assignments each month."),
        ("evaluation", "The Department shall evaluate the vendor's software."),
        ("survey", "The Department shall inspect the building."),
        ("open-data", "The Department publishes a newsletter."),
    ],
)
def test_unrelated_sentences_do_not(eid: str, sentence: str) -> None:
    assert not covered(element(eid), sentence)
