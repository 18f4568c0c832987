"""Checks that span several fields of the input, which pydantic's per-field rules cannot see.

Each returns `(loc, message)` with the loc of the field a person must change, so the loader
can point at its line just like a field error.
"""

from __future__ import annotations

from typing import Union

from drafter.dates import decree_term_days
from drafter.inputs import Deadlines, Inputs

Loc = tuple[Union[str, int], ...]
Finding = tuple[Loc, str]


def cross_check(inputs: Inputs) -> list[Finding]:
    """Every cross-field problem in the inputs."""
    return [
        *_kind_needs_section(inputs),
        *_unique_ids(inputs),
        *_responses_name_listed_partners(inputs),
        *_deadlines_within_term(inputs),
        *_languages_named(inputs),
    ]


def _kind_needs_section(inputs: Inputs) -> list[Finding]:
    kind = inputs.document.kind
    if kind == "directive" and inputs.decree is None:
        return [(("document", "kind"), "a directive needs a 'decree' section (court, case number, Effective Date)")]
    if kind == "narrative" and inputs.grant is None:
        return [(("document", "kind"), "a narrative needs a 'grant' section (program, fiscal year)")]
    return []


def _unique_ids(inputs: Inputs) -> list[Finding]:
    found: list[Finding] = []
    for section, items in (("partners", inputs.partners), ("problems", inputs.problems)):
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in seen:
                found.append(
                    ((section, index, "id"), f"'{item.id}' is already used by {section}[{seen[item.id]}]")
                )
            else:
                seen[item.id] = index
    return found


def _responses_name_listed_partners(inputs: Inputs) -> list[Finding]:
    listed = [p.id for p in inputs.partners]
    found: list[Finding] = []
    for i, problem in enumerate(inputs.problems):
        for j, response in enumerate(problem.responses):
            if response.partner not in listed:
                found.append(
                    (
                        ("problems", i, "responses", j, "partner"),
                        f"'{response.partner}' is not a listed partner (partners: {', '.join(listed)})",
                    )
                )
    return found


def _deadlines_within_term(inputs: Inputs) -> list[Finding]:
    decree = inputs.decree
    if decree is None:
        return []
    term_days = decree_term_days(decree.effective_date, decree.term_years)
    found: list[Finding] = []
    for name in Deadlines.model_fields:
        days = getattr(inputs.commitments.deadlines, name)
        if days > term_days:
            found.append(
                (
                    ("commitments", "deadlines", name),
                    f"{days} days after the Effective Date falls after the decree ends "
                    f"({decree.term_years} years = {term_days} days)",
                )
            )
    return found


def _languages_named(inputs: Inputs) -> list[Finding]:
    found: list[Finding] = []
    for index, community in enumerate(inputs.communities):
        if community.kind == "limited English" and not community.languages:
            found.append(
                (("communities", index, "languages"), "name the languages a limited-English community speaks")
            )
    return found
