"""Which input values a grant narrative uses, and which it refuses.

Every value a user gives must show in the narrative or change it; a value with no place in
a narrative is refused here at its line (so nobody believes a decree's deadlines reached a
COPS application), and a value that only links entries is listed in `LINKS_ONLY` with why.
A test changes every leaf of every narrative example in turn and checks one of the three.
"""

from __future__ import annotations

from drafter.inputs.models import Inputs

Loc = tuple[str | int, ...]

NOT_IN_NARRATIVES: dict[Loc, str] = {
    ("decree",): "a narrative has no consent decree; remove 'decree' or set document.kind: directive",
    ("community_body",): "narratives do not use 'community_body'; name the body under grant.consultations",
    (
        "district_committees",
    ): "narratives do not use 'district_committees'; describe them under grant.consultations",
    (
        "transparency",
    ): "narratives do not use 'transparency'; state reporting under metrics and grant.evaluation",
    ("signatories",): "narratives have no signature lines; remove 'signatories'",
    (
        "commitments",
        "deadlines",
    ): "narratives do not use decree deadlines; put dates in grant.timeline or grant.strategy",
    ("document", "modal"): "narratives do not use 'modal' (a decree's obligation verb)",
}
"""Sections a narrative refuses when the user gives them (defaults are not refused)."""

LINKS_ONLY: dict[str, str] = {
    "partners[].id": "names a partner for responses and pledges to point at; never printed",
    "problems[].id": "a short handle for the problem; never printed",
}
"""Values a narrative never prints because they only link entries (documented in README)."""


def narrative_unused(inputs: Inputs) -> list[tuple[Loc, str]]:
    """(loc, message) for each section the user gave that a narrative cannot use."""
    if inputs.document.kind != "narrative":
        return []
    found: list[tuple[Loc, str]] = []
    for loc, message in NOT_IN_NARRATIVES.items():
        owner: object = inputs
        for key in loc[:-1]:
            owner = getattr(owner, str(key))
        if loc[-1] in getattr(owner, "model_fields_set", set()):
            found.append((loc, message))
    return found
