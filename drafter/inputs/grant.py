"""What a grant narrative needs beyond the jurisdiction: the COPS program, positions, match,
budget, and for Community Policing Development the applicant, goals and timeline.

Money is Decimal, never float: a budget must add up to the cent.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Annotated

from pydantic import Field

from drafter.inputs.base import Slug, Strict, Text

Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
"""Dollars and cents. Decimal, never float: a budget must add up to the cent."""
Percent = Annotated[Decimal, Field(ge=0, le=100, max_digits=5, decimal_places=2)]


class Program(str, Enum):
    """COPS Office programs a narrative can answer (each has solicitation profiles)."""

    chp = "CHP"
    cpd = "CPD"
    cpd_microgrants = "CPD-Microgrants"
    cpd_critical_topics = "CPD-Critical-Topics"
    cpd_accreditation = "CPD-Accreditation"
    cops_in_schools = "CIS"
    tribal = "CTAS"


class ApplicantKind(str, Enum):
    law_enforcement = "law enforcement agency"
    community_organization = "community organization"
    nonprofit = "nonprofit"
    university = "university"
    tribal_government = "tribal government"
    local_government = "local government"


class BudgetCategory(str, Enum):
    personnel = "personnel"
    fringe = "fringe benefits"
    travel = "travel"
    equipment = "equipment"
    supplies = "supplies"
    contractual = "contractual"
    other = "other"


class Position(Strict):
    """A group of identical sworn positions a hiring grant pays for."""

    title: Text = Field("Entry-level officer", description="Position title, e.g. 'Patrol officer'.")
    count: int = Field(ge=1, le=500, description="How many positions of this kind.")
    entry_salary: Money = Field(
        description="Entry-level base salary for one position, first year, in dollars."
    )
    fringe_percent: Percent = Field(
        description="Fringe benefits as a percent of salary (health, retirement, FICA…)."
    )
    annual_increase_percent: Percent = Field(
        Decimal("0"), description="Yearly salary step increase, percent (0 keeps salary flat)."
    )
    sro: bool = Field(False, description="True for school resource officers.")
    sro_time_percent: Percent | None = Field(
        None, description="Share of an SRO's time spent in or around schools (CHP requires at least 75)."
    )


class Retention(Strict):
    """How the agency keeps the positions after federal money ends (§ 10382(c)(7), (8))."""

    months_retained: int = Field(
        12, ge=0, le=120, description="Months each position is kept after federal funding ends (CHP: 12)."
    )
    funding_sources: list[Text] = Field(
        min_length=1, description="Where the money to keep the positions comes from, e.g. 'general fund'."
    )
    steps: list[Text] = Field(
        default_factory=list,
        description="Steps already taken or planned, e.g. 'council resolution of 2024-03-12'.",
    )


class FederalNeed(Strict):
    """Why the need cannot be met without federal help (§ 10382(c)(3))."""

    facts: list[Text] = Field(
        min_length=1, description="Fiscal facts: budget cuts, tax base, hiring freezes."
    )
    budget_change_percent: Decimal | None = Field(
        None, description="Change in the agency's budget over the last three years, percent (negative = cut)."
    )
    poverty_rate_percent: Percent | None = Field(
        None, description="Share of residents below the poverty line."
    )
    without_grant: Text = Field(description="What happens if the grant is not awarded, in one sentence.")


class StaffMember(Strict):
    name: Text = Field(description="Name of a person on the project team.")
    role: Text = Field(description="What the person does on the project.")
    experience: Text = Field(description="Relevant experience, in one sentence.")


class Applicant(Strict):
    """Who applies (CPD): the agency itself, or a community organization with a police partner."""

    name: Text = Field(description="Legal name of the applicant organization.")
    kind: ApplicantKind = Field(description="Kind of organization applying.")
    mission: Text = Field(description="The organization's mission, in one sentence.")
    years_active: int | None = Field(
        None, ge=0, description="Years the organization has worked in the community."
    )
    staff: list[StaffMember] = Field(default_factory=list, description="Key people on the project.")
    past_work: list[Text] = Field(
        default_factory=list, description="Past projects that show it can do this one."
    )


class PolicePartner(Strict):
    """What the police agency (see `agency`) commits to when a community organization applies."""

    contact_title: Text = Field(
        description="Title of the agency's contact person, e.g. 'Captain, East District'."
    )
    commitments: list[Text] = Field(min_length=1, description="What the agency will do in the project.")
    letter_of_support: bool = Field(True, description="The agency has signed a letter of support.")


class Objective(Strict):
    statement: Text = Field(description="A measurable objective.")
    measure: Text = Field(description="How the objective's result is measured.")


class Goal(Strict):
    statement: Text = Field(description="A project goal, in one sentence.")
    objectives: list[Objective] = Field(min_length=1, description="Measurable objectives under the goal.")


class Deliverable(Strict):
    name: Text = Field(description="A product of the project, e.g. 'Partnership training curriculum'.")
    month: int = Field(ge=1, le=60, description="Project month in which it is delivered.")
    description: Text = Field(description="What it is and who uses it.")


class Milestone(Strict):
    activity: Text = Field(description="An activity in the project timeline.")
    start_month: int = Field(ge=1, le=60, description="Project month the activity starts.")
    end_month: int = Field(ge=1, le=60, description="Project month the activity ends.")
    lead: Text = Field(description="Who leads it.")


class BudgetItem(Strict):
    category: BudgetCategory = Field(description="Budget category, as in the COPS budget worksheets.")
    description: Text = Field(
        description="What the money buys, with the arithmetic, e.g. '2 trainers × 40 h × $60'."
    )
    amount: Money = Field(description="Total requested for this item, in dollars.")


class Grant(Strict):
    """The grant applied for (narratives). CHP fills positions/retention/need; CPD fills the
    applicant, goals, deliverables, timeline and budget items."""

    program: Program = Field(description="COPS program: CHP, CPD, CPD-Microgrants, …")
    fiscal_year: int = Field(ge=2000, le=2100, description="Fiscal year of the solicitation.")
    profile: Slug | None = Field(
        None,
        description="Solicitation profile id (templates/narrative/profiles/<id>.yaml). "
        "Default: '<program>-<fiscal_year>' in lower case.",
    )
    project_title: Text | None = Field(None, description="Title of the project, printed under the heading.")
    positions: list[Position] = Field(
        default_factory=list, description="Positions a hiring grant pays for (CHP)."
    )
    funded_years: int = Field(
        3, ge=1, le=5, description="Years of federal funding for each position (CHP: 3 within 5 years)."
    )
    local_match_percent: Percent = Field(
        Decimal("25"), description="Local cash share of salary and fringe, percent (CHP: at least 25)."
    )
    match_waiver: bool = Field(False, description="The agency requests a waiver of the local match (CHP).")
    retention: Retention | None = Field(None, description="Keeping the positions after the grant (CHP).")
    need: FederalNeed | None = Field(None, description="Why federal help is needed.")
    applicant: Applicant | None = Field(
        None, description="Who applies, when it is not the agency itself (CPD)."
    )
    police_partner: PolicePartner | None = Field(
        None, description="The agency's part, when a community organization applies (CPD)."
    )
    project_months: int = Field(12, ge=1, le=60, description="Length of the project in months (CPD).")
    goals: list[Goal] = Field(default_factory=list, description="Project goals and objectives (CPD).")
    deliverables: list[Deliverable] = Field(
        default_factory=list, description="Products, with due months (CPD)."
    )
    timeline: list[Milestone] = Field(default_factory=list, description="Activities by project month (CPD).")
    budget_items: list[BudgetItem] = Field(
        default_factory=list, description="Line items of a non-hiring budget (CPD)."
    )
