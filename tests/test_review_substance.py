from __future__ import annotations

from review_helpers import decree

from drafter.review import substance


def _checks(d):
    return [(f.check, f.location.paragraph) for f in substance.check(d)]


def test_relations_events_as_partnership_flagged_unless_joint_root_cause_work_nearby() -> None:
    d = decree(
        "Our partnership strategy is a softball league and school presentations.",
        "Officers will staff a community relations desk.",
    )
    got = _checks(d)
    assert ("substance.relations-only", "212") in got and ("substance.relations-only", "213") in got
    ok = decree(
        "Officers and residents will analyze the root causes of burglary together.",
        "They will also host a picnic.",
    )
    assert not any(c == "substance.relations-only" for c, _ in _checks(ok))


def test_enforcement_partners_flagged_but_not_when_forbidden() -> None:
    d = decree("Community partners will provide tips and help identify offenders.")
    assert ("substance.enforcement-partners", "212") in _checks(d)
    ok = decree("Officers will not ask a partner to name suspects or gather evidence.")
    assert not any(c == "substance.enforcement-partners" for c, _ in _checks(ok))


def test_document_level_gaps_and_their_absence() -> None:
    bare = decree("The City will patrol more.")
    got = {c for c, _ in _checks(bare)}
    assert {"substance.no-marginalized", "substance.no-measures", "substance.no-sustainability"} <= got
    full = decree(
        "The City will adopt a language access plan for immigrant residents.",
        "A yearly survey will measure trust in police.",
        "The positions stay in the general fund after the grant period ends.",
    )
    assert not {c for c, _ in _checks(full)} & {
        "substance.no-marginalized",
        "substance.no-measures",
        "substance.no-sustainability",
    }
