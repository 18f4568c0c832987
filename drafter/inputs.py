"""What a user describes about a jurisdiction: pydantic models of the input YAML.

Every model rejects unknown keys (a typo is the commonest error) and every field has a
description, because the JSON Schema made from these models (`drafter schema`) is what
editors show as completion and hover help. Closed vocabularies are enums so a wrong word is
caught with the list of allowed ones. Checks that span fields live in `drafter.crosscheck`;
reading the file and locating errors by line live in `drafter.loader`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1, max_length=40),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base for every input model: unknown keys are errors; enums become plain strings so
    clause templates can print them."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True, validate_default=True)


# --------------------------------------------------------------------------- vocabularies


class DocumentKind(str, Enum):
    directive = "directive"
    narrative = "narrative"


class Modal(str, Enum):
    will = "will"
    shall = "shall"
    agrees_to = "agrees to"


class Frequency(str, Enum):
    monthly = "monthly"
    quarterly = "quarterly"
    semiannually = "semiannually"
    annually = "annually"
    biennially = "biennially"


class JurisdictionKind(str, Enum):
    city = "city"
    county = "county"
    town = "town"
    village = "village"
    tribe = "tribe"


class AreaTerm(str, Enum):
    district = "district"
    precinct = "precinct"
    sector = "sector"
    area = "area"


class BodyKind(str, Enum):
    commission = "commission"
    task_force = "task force"
    advisory_board = "advisory board"
    council = "council"


class PartnerKind(str, Enum):
    neighborhood = "neighborhood"
    faith = "faith"
    youth = "youth"
    business = "business"
    service_provider = "service provider"
    government = "government"
    school = "school"
    health = "health"
    housing = "housing"
    advocacy = "advocacy"
    immigrant_serving = "immigrant serving"
    university = "university"
    media = "media"
    labor = "labor"


class Capacity(str, Enum):
    """What a community organization may need help with to be a real partner."""

    voicing_concerns = "voicing members' concerns"
    organizing = "organizing"
    advocacy = "advocacy"
    coalition_building = "coalition building"
    leadership = "leadership"
    communication_strategy = "communication strategy"
    bridging_conflicts = "bridging conflicts"
    data_and_evaluation = "data and evaluation"
    fundraising = "fundraising"


class CommunityKind(str, Enum):
    immigrant = "immigrant"
    refugee = "refugee"
    limited_english = "limited English"
    racial_or_ethnic = "racial or ethnic"
    religious = "religious"
    lgbtq = "LGBTQ"
    unhoused = "unhoused"
    disability = "disability"
    youth = "youth"
    elderly = "elderly"


class TrainingTopic(str, Enum):
    problem_solving = "problem solving"
    procedural_justice = "procedural justice"
    communication = "communication"
    social_dynamics = "social dynamics"
    social_psychology = "social psychology"
    de_escalation = "de-escalation"
    bias_awareness = "bias awareness"
    language_access = "language access"
    cultural_knowledge = "local history and cultures"
    crisis_response = "crisis response"
    partnership_skills = "working with community partners"


# --------------------------------------------------------------------------- sections


class DocumentInfo(Strict):
    kind: DocumentKind = Field(
        description="Which document to draft: 'directive' (a Community Policing section for a "
        "consent decree) or 'narrative' (a COPS grant application narrative)."
    )
    date: Optional[dt.date] = Field(
        None,
        description="Date printed on the document and stored in its properties (YYYY-MM-DD). "
        "Fixing it makes rebuilds byte-identical.",
    )
    title: Optional[Text] = Field(
        None, description="Title of the document. Default: 'Community Policing' for directives."
    )
    language: str = Field("en-US", description="Language tag for spelling and hyphenation.")
    modal: Modal = Field(
        Modal.will,
        description="The verb every obligation uses: 'will', 'shall' or 'agrees to'. Pick one "
        "for the whole document.",
    )


class Jurisdiction(Strict):
    name: Text = Field(description="Full legal name, e.g. 'City of Riverton'.")
    short_name: Text = Field(description="Short name used in running text, e.g. 'Riverton'.")
    state: Text = Field(description="State, e.g. 'Ohio'.")
    kind: JurisdictionKind = Field(JurisdictionKind.city, description="Kind of government.")
    population: Optional[int] = Field(None, ge=1, description="Residents (latest census).")


class Agency(Strict):
    name: Text = Field(description="Full name of the police agency, e.g. 'Riverton Police Department'.")
    short_name: Text = Field(description="Name used in obligations, e.g. 'RPD'.")
    head_title: Text = Field("Chief of Police", description="Title of the agency's head.")
    sworn_officers: Optional[int] = Field(None, ge=1, description="Number of sworn officers.")
    area_term: AreaTerm = Field(
        AreaTerm.district, description="What the agency calls its geographic units."
    )
    areas: Optional[int] = Field(None, ge=1, description="How many districts (or precincts) it has.")


class Monitor(Strict):
    title: Text = Field("Monitor", description="Title of the person or team who assesses compliance.")
    name: Optional[Text] = Field(None, description="Name of the Monitor, if appointed.")


class Decree(Strict):
    court: Text = Field(
        description="Court that entered the decree, e.g. 'United States District Court for the "
        "Northern District of Ohio'."
    )
    case_number: Annotated[
        str, StringConstraints(pattern=r"^\d{1,2}:\d{2}-[a-z]{2}-\d{3,6}(-[A-Za-z0-9-]+)?$")
    ] = Field(description="Docket number, e.g. '1:15-cv-01046'.")
    plaintiff: Text = Field("United States of America", description="Plaintiff as captioned.")
    defendant: Text = Field(description="Defendant as captioned, e.g. 'City of Riverton'.")
    effective_date: dt.date = Field(
        description="Effective Date of the decree (YYYY-MM-DD); deadlines count from it."
    )
    term_years: int = Field(5, ge=1, le=20, description="Years the decree stays in force.")
    start_paragraph: int = Field(
        1, ge=1, description="Number of this directive's first paragraph, continuing the decree."
    )
    start_section: int = Field(
        1, ge=1, description="Number of this directive's first section (printed in Roman numerals)."
    )
    monitor: Monitor = Field(default_factory=Monitor, description="Who assesses compliance.")


class CommunityBody(Strict):
    name: Text = Field(description="Name, e.g. 'Community Police Commission'.")
    kind: BodyKind = Field(description="Kind of body.")
    members: Optional[int] = Field(None, ge=3, description="Number of members.")
    comment_days: int = Field(
        15, ge=1, le=90, description="Days the body has to comment on a draft policy or plan."
    )
    reports: Frequency = Field(Frequency.quarterly, description="How often it reports to the public.")


class DistrictCommittees(Strict):
    name: Text = Field(
        "District Policing Committee", description="Name of each district-level committee."
    )
    meets: Frequency = Field(Frequency.monthly, description="How often each committee meets.")


class Partner(Strict):
    id: Slug = Field(description="Short id used to refer to this partner, e.g. 'eastside-tenants'.")
    name: Text = Field(description="Organization's name.")
    kind: PartnerKind = Field(description="Kind of organization.")
    role: Text = Field(description="The shared work with police, in one sentence.")
    root_causes: list[Text] = Field(
        min_length=1,
        description="Root causes this partner has the capacity to address (why it was chosen).",
    )
    capacity_needs: list[Capacity] = Field(
        default_factory=list, description="Where the organization wants help to build capacity."
    )


class Response(Strict):
    action: Text = Field(description="What will be done.")
    partner: Slug = Field(description="Id of the partner that does it with police (see partners).")
    measure: Text = Field(description="How the result will be measured.")


class Problem(Strict):
    id: Slug = Field(description="Short id, e.g. 'vacant-lots'.")
    name: Text = Field(description="The problem in a few words.")
    data_sources: list[Text] = Field(min_length=1, description="Where the facts come from (Scanning).")
    root_causes: list[Text] = Field(min_length=1, description="What drives the problem (Analysis).")
    responses: list[Response] = Field(min_length=1, description="Lasting responses with partners (Response).")
    primary: bool = Field(False, description="The primary problem of a hiring grant application.")


class Training(Strict):
    topics: list[TrainingTopic] = Field(min_length=1, description="Topics of re-training.")
    initial_hours: int = Field(ge=1, le=400, description="Hours of initial training per officer.")
    annual_hours: int = Field(ge=1, le=200, description="Hours of yearly in-service training.")
    supervisor_hours: int = Field(8, ge=1, le=200, description="Extra hours for supervisors.")


class Deadlines(Strict):
    """Days after the Effective Date by which each deliverable is due."""

    plan: int = Field(180, ge=1, description="Department-wide community policing plan.")
    policies: int = Field(365, ge=1, description="Revised policies in effect.")
    training: int = Field(365, ge=1, description="Initial training of every officer completed.")
    district_plans: int = Field(270, ge=1, description="District plans made with residents.")
    survey: int = Field(240, ge=1, description="First representative community survey.")
    staffing_study: int = Field(180, ge=1, description="Staffing study for stable beat assignment.")
    promotion_criteria: int = Field(365, ge=1, description="Promotion criteria revised.")
    language_access_plan: int = Field(180, ge=1, description="Language access plan adopted.")


class Commitments(Strict):
    policy_revisions: list[Text] = Field(min_length=1, description="Policies to revise.")
    promotion_criteria: list[Text] = Field(
        min_length=1, description="What promotions will reward, in the agency's words."
    )
    training: Training = Field(description="Re-training of officers and supervisors.")
    deadlines: Deadlines = Field(default_factory=Deadlines, description="Due dates, in days.")


class Community(Strict):
    name: Text = Field(description="The community, e.g. 'Somali residents of the East Side'.")
    kind: CommunityKind = Field(description="Why it needs a strategy of its own.")
    languages: list[Text] = Field(default_factory=list, description="Languages spoken at home.")
    access_measures: list[Text] = Field(
        default_factory=list, description="Measures that make the agency reachable for it."
    )


class Transparency(Strict):
    public_reports: Frequency = Field(Frequency.quarterly, description="Public progress reports.")
    open_data: bool = Field(True, description="Publish the underlying data as open data.")
    community_meetings: Frequency = Field(
        Frequency.monthly, description="Police-hosted community meetings in each district."
    )
    citizen_academy: bool = Field(True, description="Run a citizen academy.")
    ride_alongs: bool = Field(True, description="Offer ride-alongs to residents.")
    survey: Frequency = Field(Frequency.annually, description="Representative community survey.")


class Metric(Strict):
    name: Text = Field(description="What is measured, e.g. 'Residents who trust the police'.")
    source: Text = Field(description="Where the figure comes from.")
    frequency: Frequency = Field(description="How often it is measured.")
    target: Optional[Text] = Field(None, description="The goal, if one is set.")


class Signatory(Strict):
    party: Text = Field(description="Party signing, e.g. 'For the United States'.")
    name: Text = Field(description="Name of the signer.")
    title: Text = Field(description="Title of the signer.")


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
    entry_salary: Money = Field(description="Entry-level base salary for one position, first year, in dollars.")
    fringe_percent: Percent = Field(
        description="Fringe benefits as a percent of salary (health, retirement, FICA…)."
    )
    annual_increase_percent: Percent = Field(
        Decimal("0"), description="Yearly salary step increase, percent (0 keeps salary flat)."
    )
    sro: bool = Field(False, description="True for school resource officers.")
    sro_time_percent: Optional[Percent] = Field(
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
        default_factory=list, description="Steps already taken or planned, e.g. 'council resolution of 2024-03-12'."
    )


class FederalNeed(Strict):
    """Why the need cannot be met without federal help (§ 10382(c)(3))."""

    facts: list[Text] = Field(min_length=1, description="Fiscal facts: budget cuts, tax base, hiring freezes.")
    budget_change_percent: Optional[Decimal] = Field(
        None, description="Change in the agency's budget over the last three years, percent (negative = cut)."
    )
    poverty_rate_percent: Optional[Percent] = Field(None, description="Share of residents below the poverty line.")
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
    years_active: Optional[int] = Field(None, ge=0, description="Years the organization has worked in the community.")
    staff: list[StaffMember] = Field(default_factory=list, description="Key people on the project.")
    past_work: list[Text] = Field(default_factory=list, description="Past projects that show it can do this one.")


class PolicePartner(Strict):
    """What the police agency (see `agency`) commits to when a community organization applies."""

    contact_title: Text = Field(description="Title of the agency's contact person, e.g. 'Captain, East District'.")
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
    description: Text = Field(description="What the money buys, with the arithmetic, e.g. '2 trainers × 40 h × $60'.")
    amount: Money = Field(description="Total requested for this item, in dollars.")


class Grant(Strict):
    """The grant applied for (narratives). CHP fills positions/retention/need; CPD fills the
    applicant, goals, deliverables, timeline and budget items."""

    program: Program = Field(description="COPS program: CHP, CPD, CPD-Microgrants, …")
    fiscal_year: int = Field(ge=2000, le=2100, description="Fiscal year of the solicitation.")
    profile: Optional[Slug] = Field(
        None,
        description="Solicitation profile id (templates/narrative/profiles/<id>.yaml). "
        "Default: '<program>-<fiscal_year>' in lower case.",
    )
    project_title: Optional[Text] = Field(None, description="Title of the project, printed under the heading.")
    positions: list[Position] = Field(default_factory=list, description="Positions a hiring grant pays for (CHP).")
    funded_years: int = Field(
        3, ge=1, le=5, description="Years of federal funding for each position (CHP: 3 within 5 years)."
    )
    local_match_percent: Percent = Field(
        Decimal("25"), description="Local cash share of salary and fringe, percent (CHP: at least 25)."
    )
    match_waiver: bool = Field(False, description="The agency requests a waiver of the local match (CHP).")
    retention: Optional[Retention] = Field(None, description="Keeping the positions after the grant (CHP).")
    need: Optional[FederalNeed] = Field(None, description="Why federal help is needed.")
    applicant: Optional[Applicant] = Field(
        None, description="Who applies, when it is not the agency itself (CPD)."
    )
    police_partner: Optional[PolicePartner] = Field(
        None, description="The agency's part, when a community organization applies (CPD)."
    )
    project_months: int = Field(12, ge=1, le=60, description="Length of the project in months (CPD).")
    goals: list[Goal] = Field(default_factory=list, description="Project goals and objectives (CPD).")
    deliverables: list[Deliverable] = Field(default_factory=list, description="Products, with due months (CPD).")
    timeline: list[Milestone] = Field(default_factory=list, description="Activities by project month (CPD).")
    budget_items: list[BudgetItem] = Field(
        default_factory=list, description="Line items of a non-hiring budget (CPD)."
    )


class Inputs(Strict):
    """One jurisdiction, described for one document."""

    document: DocumentInfo = Field(description="Which document, its date and wording choices.")
    jurisdiction: Jurisdiction = Field(description="The city, county or town.")
    agency: Agency = Field(description="The police agency.")
    decree: Optional[Decree] = Field(None, description="The consent decree (directives only).")
    grant: Optional[Grant] = Field(None, description="The grant applied for (narratives only).")
    community_body: Optional[CommunityBody] = Field(
        None, description="A commission or task force that speaks for the community, if any."
    )
    district_committees: Optional[DistrictCommittees] = Field(
        None, description="District-level committees of residents, if any."
    )
    partners: list[Partner] = Field(min_length=1, description="Community partners.")
    problems: list[Problem] = Field(min_length=1, description="Problems to solve, through SARA.")
    commitments: Commitments = Field(description="What the agency changes on its side.")
    communities: list[Community] = Field(
        default_factory=list, description="Marginalized and immigrant communities that need a strategy of their own."
    )
    transparency: Transparency = Field(default_factory=Transparency, description="Openness and contact.")
    metrics: list[Metric] = Field(min_length=1, description="Measures of trust and outcomes.")
    signatories: list[Signatory] = Field(default_factory=list, description="Signature lines.")
    library: Optional[Text] = Field(
        None,
        description="A folder of your own clauses and templates (made with 'drafter library "
        "export'), relative to this file. Its files replace built-in ones with the same id; "
        "--library or DRAFTER_LIBRARY folders are laid over it and win.",
    )

    def partner(self, partner_id: str) -> Partner:
        """The partner with this id (templates call it to name a response's partner)."""
        for p in self.partners:
            if p.id == partner_id:
                return p
        raise KeyError(partner_id)
