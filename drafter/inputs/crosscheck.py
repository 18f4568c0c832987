"""Checks that span several fields of the input, which pydantic's per-field rules cannot see.

Each returns `(loc, message)` with the loc of the field a person must change, so the loader
can point at its line just like a field error.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from drafter.compose.dates import decree_term_days
from drafter.inputs.models import Deadlines, Inputs, Partner, Problem
from drafter.inputs.narrative_fields import narrative_unused

Loc = tuple[str | int, ...]
Finding = tuple[Loc, str]


def cross_check(inputs: Inputs) -> list[Finding]:
    """Every cross-field problem in the inputs."""
    return [
        *_kind_needs_section(inputs),
        *_unique_ids(inputs),
        *_partners_named_are_listed(inputs),
        *_deadlines_within_term(inputs),
        *_how_the_directive_joins(inputs),
        *_languages_named(inputs),
        *_grant_rules(inputs),
        *narrative_unused(inputs),
    ]


def _kind_needs_section(inputs: Inputs) -> list[Finding]:
    kind = inputs.document.kind
    if kind == "directive" and inputs.decree is None:
        return [
            (
                ("document", "kind"),
                "a directive needs a 'decree' section (court, case number, Effective Date)",
            )
        ]
    if kind == "narrative" and inputs.grant is None:
        return [(("document", "kind"), "a narrative needs a 'grant' section (program, fiscal year)")]
    if kind == "narrative":  # a grant narrative states its partners, problems and measures
        return [
            ((name,), f"a narrative needs at least one entry in '{name}'")
            for name in ("partners", "problems", "metrics")
            if not getattr(inputs, name)
        ]
    return []


def _unique_ids(inputs: Inputs) -> list[Finding]:
    found: list[Finding] = []
    groups: tuple[tuple[str, Sequence[Partner | Problem]], ...] = (
        ("partners", inputs.partners),
        ("problems", inputs.problems),
    )
    for section, items in groups:
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in seen:
                found.append(
                    ((section, index, "id"), f"'{item.id}' is already used by {section}[{seen[item.id]}]")
                )
            else:
                seen[item.id] = index
    return found


def _partners_named_are_listed(inputs: Inputs) -> list[Finding]:
    """A problem's response and a grant's pledge name their partner by id; an id that is not
    listed would drop the partner's name, contact or letter from the text without a word."""
    listed = [p.id for p in inputs.partners]
    named: list[tuple[Loc, str]] = [
        (("problems", i, "responses", j, "partner"), response.partner)
        for i, problem in enumerate(inputs.problems)
        for j, response in enumerate(problem.responses)
    ]
    if inputs.grant is not None:
        named += [
            (("grant", "pledges", i, "partner"), pledge.partner)
            for i, pledge in enumerate(inputs.grant.pledges or [])
        ]
    return [
        (loc, f"'{partner}' is not a listed partner (partners: {', '.join(listed)})")
        for loc, partner in named
        if partner not in listed
    ]


def _deadlines_within_term(inputs: Inputs) -> list[Finding]:
    decree = inputs.decree
    if decree is None:
        return []
    term_days = decree_term_days(decree.effective_date, decree.term_years)
    found: list[Finding] = []
    if decree.modification_paragraph is not None and decree.modification_paragraph >= decree.start_paragraph:
        found.append(
            (
                ("decree", "modification_paragraph"),
                f"paragraph {decree.modification_paragraph} is not in the Agreement as entered: "
                f"this directive starts at paragraph {decree.start_paragraph}",
            )
        )
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


def _how_the_directive_joins(inputs: Inputs) -> list[Finding]:
    """A modification date only for a modification, never before the decree took effect; an
    insertion point only with a decree file, and only one of them."""
    decree = inputs.decree
    if decree is None:
        return []
    found: list[Finding] = []
    if decree.modification_date is not None and decree.joins != "modification":
        found.append(
            (("decree", "modification_date"), "is only for 'joins: modification' (a decree already entered)")
        )
    if decree.modification_date is not None and decree.modification_date < decree.effective_date:
        found.append(
            (
                ("decree", "modification_date"),
                f"{decree.modification_date} is before the decree's Effective Date ({decree.effective_date})",
            )
        )
    if decree.after_paragraph and decree.after_heading:
        found.append((("decree", "after_heading"), "give after_paragraph or after_heading, not both"))
    for name in ("after_paragraph", "after_heading"):
        if getattr(decree, name) and not decree.file:
            found.append((("decree", name), "needs decree.file (the decree it refers to)"))
    return found


def _languages_named(inputs: Inputs) -> list[Finding]:
    found: list[Finding] = []
    for index, community in enumerate(inputs.communities):
        if community.kind == "limited English" and not community.languages:
            found.append(
                (("communities", index, "languages"), "name the languages a limited-English community speaks")
            )
    return found


# --------------------------------------------------------------------------- grants

CHP_MIN_MATCH = 25
CHP_FEDERAL_CAP_PER_POSITION = 125_000
CHP_MIN_SRO_TIME = 75


def _grant_rules(inputs: Inputs) -> list[Finding]:
    """The COPS rules of docs/domain.md "Rules drafter enforces", each at the field to change.

    The figures are the FY2022/FY2024 CHP terms; a solicitation that changes them needs a
    profile-level override, which no solicitation has needed yet.
    """
    grant = inputs.grant
    if grant is None:
        return []
    found: list[Finding] = []
    if grant.program == "CHP":
        found += _chp_rules(inputs)
    else:
        found += _project_rules(inputs)
    return found


def _chp_rules(inputs: Inputs) -> list[Finding]:
    from drafter.compose.budget import federal_percent, position_cost

    grant = inputs.grant
    assert grant is not None
    found: list[Finding] = []
    primaries = [i for i, p in enumerate(inputs.problems) if p.primary]
    if not primaries:
        found.append(
            (("problems",), "a CHP application names one primary problem: mark one with 'primary: true'")
        )
    for index in primaries[1:]:
        found.append(
            (
                ("problems", index, "primary"),
                f"a CHP application names exactly one primary problem; problems[{primaries[0]}] is already primary",
            )
        )
    if not grant.positions:
        found.append((("grant",), "a CHP application asks for at least one position: add 'positions'"))
    if not grant.match_waiver and grant.local_match_percent < CHP_MIN_MATCH:
        found.append(
            (
                ("grant", "local_match_percent"),
                f"the local match is {grant.local_match_percent}%; CHP requires at least {CHP_MIN_MATCH}% "
                "unless a waiver is requested ('match_waiver: true')",
            )
        )
    share = federal_percent(grant)
    for index, position in enumerate(grant.positions):
        cost = position_cost(position, grant.funded_years, share)
        if cost.federal_per_position > CHP_FEDERAL_CAP_PER_POSITION:
            over = cost.federal_per_position - CHP_FEDERAL_CAP_PER_POSITION
            found.append(
                (
                    ("grant", "positions", index, "entry_salary"),
                    f"the federal share per position is ${cost.federal_per_position:,.2f} over "
                    f"{grant.funded_years} years, ${over:,.2f} above CHP's ${CHP_FEDERAL_CAP_PER_POSITION:,} cap; "
                    f"raise the local match (at least {_match_that_fits(cost.cost_per_position)}% fits) "
                    "or lower the salary requested",
                )
            )
        if position.sro:
            if position.sro_time_percent is None:
                found.append(
                    (
                        ("grant", "positions", index, "sro"),
                        f"give 'sro_time_percent' for school resource officers (CHP: at least {CHP_MIN_SRO_TIME})",
                    )
                )
            elif position.sro_time_percent < CHP_MIN_SRO_TIME:
                found.append(
                    (
                        ("grant", "positions", index, "sro_time_percent"),
                        f"school resource officers funded by CHP spend at least {CHP_MIN_SRO_TIME}% of their "
                        f"time in or around schools, not {position.sro_time_percent}%",
                    )
                )
    if grant.retention is None:
        found.append(
            (("grant",), "a CHP application needs a 'retention' plan (funding sources, months kept)")
        )
    if grant.need is None:
        found.append((("grant",), "a CHP application needs a 'need' section (why federal help is needed)"))
    return found


def _project_rules(inputs: Inputs) -> list[Finding]:
    """CPD and other project grants: a plan a reviewer can score, inside the project period."""
    grant = inputs.grant
    assert grant is not None
    found: list[Finding] = []
    if not grant.goals:
        found.append((("grant",), f"a {grant.program} application needs 'goals' with measurable objectives"))
    if not grant.budget_items:
        found.append((("grant",), f"a {grant.program} application needs 'budget_items'"))
    applicant = grant.applicant
    if applicant is not None and applicant.kind != "law enforcement agency" and grant.police_partner is None:
        found.append(
            (
                ("grant", "applicant", "kind"),
                f"a {applicant.kind} applying with a police partner describes the agency's part: add 'police_partner'",
            )
        )
    after_end = f"is after the project ends (project_months: {grant.project_months})"
    for index, item in enumerate(grant.deliverables):
        if item.month > grant.project_months:
            found.append((("grant", "deliverables", index, "month"), f"month {item.month} {after_end}"))
    for index, step in enumerate(grant.timeline):
        where = ("grant", "timeline", index, "end_month")
        if step.end_month < step.start_month:
            found.append(
                (where, f"ends in month {step.end_month}, before it starts (month {step.start_month})")
            )
        elif step.end_month > grant.project_months:
            found.append((where, f"month {step.end_month} {after_end}"))
    return found


def _match_that_fits(cost_per_position: Decimal) -> Decimal:
    """The smallest whole-percent local match that keeps one position under the federal cap."""
    import math

    if cost_per_position <= 0:
        return Decimal(0)
    federal_max = Decimal(CHP_FEDERAL_CAP_PER_POSITION) / cost_per_position * 100
    return Decimal(max(0, math.ceil(100 - federal_max)))
