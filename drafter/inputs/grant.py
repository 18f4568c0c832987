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
Month = Annotated[int, Field(ge=1, le=60)]
"""A month of the project, counted from 1: the one place that says a project lasts at most 60
months (crosscheck then holds each month within the project's own project_months)."""


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
    salary_basis: Text | None = Field(
        None, description="Where the entry salary comes from, e.g. 'step 1 of the 2023-2026 union contract'."
    )
    fringe_detail: Text | None = Field(
        None,
        description="What the fringe percent is made of, e.g. 'FICA 7.65%, retirement 12.85%, health 18%'.",
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
    month: Month = Field(description="Project month in which it is delivered.")
    description: Text = Field(description="What it is and who uses it.")


class Milestone(Strict):
    activity: Text = Field(description="An activity in the project timeline.")
    start_month: Month = Field(description="Project month the activity starts.")
    end_month: Month = Field(description="Project month the activity ends.")
    lead: Text = Field(description="Who leads it.")


class BudgetItem(Strict):
    category: BudgetCategory = Field(description="Budget category, as in the COPS budget worksheets.")
    description: Text = Field(
        description="What the money buys, with the arithmetic, e.g. '2 trainers × 40 h × $60'."
    )
    amount: Money = Field(description="Total requested for this item, in dollars.")


class Figure(Strict):
    """A number that shows the problem, with where it comes from, its period and its trend:
    reviewers score evidence, and a figure without a source or period is not evidence."""

    fact: Text = Field(
        description="What the figure says, as a clause with its verb, e.g. 'dispatchers logged 212 "
        "calls about drug sales on River Street'."
    )
    period: Text = Field(description="When, e.g. '2023' or 'the 12 months to March 2024'.")
    source: Text = Field(description="Where the figure comes from, e.g. 'MPD dispatch records'.")
    trend: Text | None = Field(None, description="How it changed, e.g. 'up from 131 in 2021'.")


class Consultation(Strict):
    """One consultation that shaped the plan (§ 10382(c)(1): made after consulting community
    groups and public and private agencies)."""

    who: Text = Field(
        description="Who was consulted, e.g. 'members of the River Street Tenants Association'."
    )
    when: Text = Field(description="When, e.g. 'in January 2024'.")
    how: Text = Field(description="How, e.g. 'at two evening listening sessions attended by 41 residents'.")
    result: Text = Field(description="What changed in the plan because of it, as a sentence.")


class Phase(Strict):
    period: Text = Field(description="When, e.g. 'Year 1' or 'Months 1-6'.")
    work: Text = Field(description="What is done in that period, as a sentence.")


class Strategy(Strict):
    """The long-term strategy and its implementation plan (§ 10382(c)(1))."""

    summary: Text = Field(
        description="The strategy in one or two sentences: what changes, for whom, over how long."
    )
    phases: list[Phase] = Field(min_length=1, description="The implementation plan, period by period.")


class Pledge(Strict):
    """What one partner commits: its named contact, its contribution, in-kind value, letter."""

    partner: Slug = Field(description="Id of the partner (see partners).")
    contact: Text = Field(
        description="Named person who leads the partner's part, e.g. 'Dana Reyes, director'."
    )
    contribution: Text = Field(
        description="What the partner gives, as a phrase, e.g. 'two peer recovery workers for 10 hours a week'."
    )
    in_kind_value: Money | None = Field(
        None, description="Dollar value of the contribution over the grant, if in kind."
    )
    letter_of_support: bool = Field(False, description="The partner has signed a letter of support.")


class Initiative(Strict):
    """A related government or community initiative (§ 10382(c)(4))."""

    name: Text = Field(description="Name of the initiative.")
    lead: Text = Field(description="Who runs it.")
    link: Text = Field(description="How this project connects to it, as a sentence.")


class Coordination(Strict):
    """How the project is coordinated with an affected agency (§ 10382(c)(5))."""

    agency: Text = Field(description="The agency, e.g. 'the town code enforcement office'.")
    how: Text = Field(
        description="How the work is coordinated, as a phrase, e.g. 'a monthly joint case review'."
    )


class Funding(Strict):
    """Money that keeps the work going after federal funds end (§ 10382(c)(7))."""

    source: Text = Field(description="Where the money comes from, e.g. 'the town general fund'.")
    amount: Money = Field(description="Dollars a year.")
    covers: Text = Field(description="What it pays for, as a phrase.")
    status: Text = Field(
        description="Whether it is approved, pledged or planned, as a phrase, e.g. 'approved by the select board on March 12, 2024'."
    )


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
    match_source: Text | None = Field(None, description="Where the local cash match comes from (CHP).")
    match_waiver: bool = Field(False, description="The agency requests a waiver of the local match (CHP).")
    retention: Retention | None = Field(None, description="Keeping the positions after the grant (CHP).")
    need: FederalNeed | None = Field(None, description="Why federal help is needed.")
    applicant: Applicant | None = Field(
        None, description="Who applies, when it is not the agency itself (CPD)."
    )
    police_partner: PolicePartner | None = Field(
        None, description="The agency's part, when a community organization applies (CPD)."
    )
    project_months: Month = Field(12, description="Length of the project in months (CPD).")
    goals: list[Goal] = Field(default_factory=list, description="Project goals and objectives (CPD).")
    deliverables: list[Deliverable] = Field(
        default_factory=list, description="Products, with due months (CPD)."
    )
    timeline: list[Milestone] = Field(default_factory=list, description="Activities by project month (CPD).")
    budget_items: list[BudgetItem] = Field(
        default_factory=list, description="Line items of a non-hiring budget (CPD)."
    )
    figures: list[Figure] | None = Field(
        None, description="Figures that show the problem, each with source, period and trend."
    )
    consultations: list[Consultation] | None = Field(
        None, description="Who was consulted on the plan, when, how, and what it changed (§ 10382(c)(1))."
    )
    strategy: Strategy | None = Field(
        None, description="The long-term strategy and its timeline (§ 10382(c)(1))."
    )
    pledges: list[Pledge] | None = Field(
        None,
        description="Each partner's named contact, contribution, in-kind value and letter (§ 10382(c)(6)).",
    )
    initiatives: list[Initiative] | None = Field(
        None, description="Related government and community initiatives (§ 10382(c)(4))."
    )
    coordination: list[Coordination] | None = Field(
        None, description="Affected agencies and how the work is coordinated with them (§ 10382(c)(5))."
    )
    justice_system: list[Text] | None = Field(
        None,
        description="Expected effects on courts, prosecutors, jail and probation, each a sentence (§ 10382(c)(9)).",
    )
    recruitment: list[Text] | None = Field(
        None,
        description="Steps to recruit and hire racial and ethnic minorities and women, each a sentence (§ 10382(c)(11)).",
    )
    workforce: Text | None = Field(
        None, description="Today's sworn workforce by sex, race and ethnicity, as a sentence."
    )
    sustainability: list[Funding] | None = Field(
        None, description="Money that keeps the work going after federal funds end (§ 10382(c)(7))."
    )
    technology: list[Text] | None = Field(
        None, description="Information systems and technology that support the plan, each a sentence."
    )
    community_profile: list[Text] | None = Field(
        None, description="Who lives in the area the project serves, each a sentence with its source."
    )
    evaluation: list[Text] | None = Field(
        None,
        description="How the project will know and show that it worked: who evaluates, how, when; each a sentence.",
    )
    past_performance: list[Text] | None = Field(
        None, description="The agency's past grants or projects and their results, each a sentence."
    )
