"""What a user describes about a jurisdiction: pydantic models of the input YAML.

Every model rejects unknown keys (a typo is the commonest error) and every field has a
description, because the JSON Schema made from these models (`drafter schema`) is what
editors show as completion and hover help. Closed vocabularies are enums so a wrong word is
caught with the list of allowed ones (they live in `drafter.inputs.vocabulary`). Checks that
span fields live in `drafter.inputs.crosscheck`; reading the file and locating errors by line
live in `drafter.inputs.loader`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from drafter.inputs.base import ElementId, Slug, Strict, Text
from drafter.inputs.grant import Grant
from drafter.inputs.vocabulary import (
    AgencyKind,
    AreaTerm,
    BodyKind,
    Capacity,
    CommunityKind,
    DocumentKind,
    Frequency,
    JurisdictionKind,
    Modal,
    PartnerKind,
    Scope,
    TrainingTopic,
)


class DocumentInfo(Strict):
    kind: DocumentKind = Field(
        description="Which document to draft: 'directive' (a Community Policing section for a "
        "consent decree) or 'narrative' (a COPS grant application narrative)."
    )
    date: dt.date | None = Field(
        None,
        description="Date printed on the document and stored in its properties (YYYY-MM-DD). "
        "Fixing it makes rebuilds byte-identical.",
    )
    title: Text | None = Field(
        None, description="Title of the document. Default: 'Community Policing' for directives."
    )
    language: str = Field("en-US", description="Language tag for spelling and hyphenation.")
    modal: Modal = Field(
        Modal.will,
        description="The verb every obligation uses: 'will', 'shall' or 'agrees to'. Pick one "
        "for the whole document.",
    )
    scope: Scope = Field(
        Scope.full,
        description="'full': every clause that applies (about 110-170 numbered paragraphs); "
        "'concise': the core provisions only (roughly 20-60 numbered paragraphs).",
    )
    omit_topics: list[Slug] = Field(
        default_factory=list,
        description="Clause topics to leave out, e.g. [engagement, capacity] (see 'drafter "
        "library list' for each clause's topics). Sections left empty disappear.",
    )


class Jurisdiction(Strict):
    name: Text = Field(description="Full legal name, e.g. 'City of Riverton'.")
    short_name: Text = Field(description="Short name used in running text, e.g. 'Riverton'.")
    state: Text = Field(description="State, e.g. 'Ohio'.")
    kind: JurisdictionKind = Field(JurisdictionKind.city, description="Kind of government.")
    population: int | None = Field(None, ge=1, description="Residents (latest census).")


class Agency(Strict):
    name: Text = Field(description="Full name of the police agency, e.g. 'Riverton Police Department'.")
    short_name: Text = Field(description="Name used in obligations, e.g. 'RPD'.")
    head_title: Text = Field("Chief of Police", description="Title of the agency's head.")
    sworn_officers: int | None = Field(None, ge=1, description="Number of sworn officers.")
    area_term: AreaTerm = Field(AreaTerm.district, description="What the agency calls its geographic units.")
    areas: int | None = Field(None, ge=1, description="How many districts (or precincts) it has.")
    kind: AgencyKind = Field(
        AgencyKind.police,
        description="'police' (a police department: officers) or 'sheriff' (a sheriff's office: "
        "the Sheriff and deputies).",
    )
    union: Text | None = Field(
        None,
        description="The union that represents officers (deputies) under a collective bargaining "
        "agreement, e.g. 'the Fraternal Order of Police, Lodge 7'. Adds the collective "
        "bargaining provision.",
    )


class Monitor(Strict):
    title: Text = Field("Monitor", description="Title of the person or team who assesses compliance.")
    name: Text | None = Field(None, description="Name of the Monitor, if appointed.")


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
    # Bounded far above any decree in force (the largest have about 40 sections and 900
    # paragraphs): a larger value is a typo, Word keeps list starts in 32 bits, and past 3999
    # sections print in digits, not Roman numerals (2**63 built, with Arabic section numbers).
    start_paragraph: int = Field(
        1, ge=1, le=99_999, description="Number of this directive's first paragraph, continuing the decree."
    )
    start_section: int = Field(
        1, ge=1, le=999, description="Number of this directive's first section (printed in Roman numerals)."
    )
    monitor: Monitor = Field(default_factory=Monitor, description="Who assesses compliance.")
    joins: Literal["new", "modification"] = Field(
        "new",
        description="How this directive joins the decree: 'new' (part of a decree not yet entered: "
        "deadlines run from the Effective Date) or 'modification' (added to a decree already entered: "
        "deadlines run from the Modification Date, the date the Court approves the modification).",
    )
    modification_date: dt.date | None = Field(
        None,
        description="With joins: modification, the date the Court approved (or is asked to approve) "
        "the modification (YYYY-MM-DD); the 'Modification Date' every new deadline counts from. "
        "Leave it out while the date is unknown: the definition then names the event, not a date.",
    )
    file: str | None = Field(
        None,
        description="The existing decree .docx this directive is drafted to fit (path relative to "
        "this input file); same as build --decree. Numbers, terms and the Monitor's title come from it.",
    )
    after_paragraph: str | None = Field(
        None, description="With file: the decree paragraph the directive will follow, e.g. '211'."
    )
    after_heading: str | None = Field(
        None, description="With file: the section (heading or label) at whose end the directive will go."
    )
    keep_elements: list[ElementId] = Field(
        default_factory=list,
        description="With build --skip-covered: community-policing elements (ids as in 'drafter "
        "inspect' and clause 'elements:') whose clauses stay in although the decree seems to cover "
        "them, e.g. [youth] when the decree mentions young people only in passing.",
    )
    division: Text | None = Field(None, description="Division of the court, e.g. 'Eastern Division'.")
    judge: Text | None = Field(None, description="Judge assigned to the case, e.g. 'Hon. Ana M. Ruiz'.")
    modification_paragraph: int | None = Field(
        None,
        ge=1,
        description="Number of the Agreement's paragraph on modifying it (deadlines change only "
        "as it provides); cited by the timeline.",
    )


class CommunityBody(Strict):
    name: Text = Field(description="Name, e.g. 'Community Police Commission'.")
    kind: BodyKind = Field(description="Kind of body.")
    members: int | None = Field(None, ge=3, description="Number of members.")
    comment_days: int = Field(
        15, ge=1, le=90, description="Days the body has to comment on a draft policy or plan."
    )
    reports: Frequency = Field(Frequency.quarterly, description="How often it reports to the public.")
    create_within_days: int | None = Field(
        None,
        ge=1,
        description="Set when the body does not exist yet: days after the Effective Date by which it is created.",
    )
    selection_panel_days: int | None = Field(
        None,
        ge=1,
        description="Days after the Effective Date by which a selection panel that picks its members is formed.",
    )
    composition: list[Text] = Field(
        default_factory=list,
        description="Who sits on it, e.g. ['two residents of each district', 'a youth member'].",
    )
    recommends_to: list[Text] = Field(
        default_factory=list,
        description="Who receives its recommendations, e.g. ['the Chief of Police', 'the Mayor', 'the City Council'].",
    )
    answered_by: Text | None = Field(
        None, description="Who answers its recommendations in writing (default: the agency's head)."
    )
    answer_days: int | None = Field(
        None, ge=1, le=180, description="Days within which its recommendations are answered in writing."
    )


class DistrictCommittees(Strict):
    name: Text = Field("District Policing Committee", description="Name of each district-level committee.")
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
    topics: list[Text] = Field(
        min_length=1,
        description="Topics of re-training, in the agency's words. Common ones: "
        + ", ".join(t.value for t in TrainingTopic)
        + ".",
    )
    initial_hours: int = Field(ge=1, le=400, description="Hours of initial training per officer.")
    annual_hours: int = Field(ge=1, le=200, description="Hours of yearly in-service training.")
    supervisor_hours: int | None = Field(
        None, ge=1, le=200, description="Extra hours for supervisors (left out of the text when not given)."
    )


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
    policy_deadlines: dict[str, int] = Field(
        default_factory=dict,
        description="A deadline of its own, in days, for a policy named in policy_revisions "
        "(others take deadlines.policies), e.g. {'Stops and Field Interviews': 180}.",
    )
    public_comment_days: int = Field(
        30,
        ge=7,
        le=120,
        description="Days the public has to comment on a draft policy, plan or training outline.",
    )
    answer_days: int = Field(
        45, ge=7, le=180, description="Days the agency has to answer a written recommendation."
    )
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
    target: Text | None = Field(None, description="The goal, if one is set.")
    baseline: Text | None = Field(
        None, description="Where the measure stands now, with its period, e.g. '212 calls in 2023'."
    )


class Signatory(Strict):
    party: Text = Field(description="Party signing, e.g. 'For the United States'.")
    name: Text = Field(description="Name of the signer.")
    title: Text = Field(description="Title of the signer.")


class Inputs(Strict):
    """One jurisdiction, described for one document."""

    document: DocumentInfo = Field(description="Which document, its date and wording choices.")
    jurisdiction: Jurisdiction = Field(description="The city, county or town.")
    agency: Agency = Field(description="The police agency.")
    decree: Decree | None = Field(None, description="The consent decree (directives only).")
    grant: Grant | None = Field(None, description="The grant applied for (narratives only).")
    community_body: CommunityBody | None = Field(
        None, description="A commission or task force that speaks for the community, if any."
    )
    district_committees: DistrictCommittees | None = Field(
        None, description="District-level committees of residents, if any."
    )
    partners: list[Partner] = Field(
        default_factory=list,
        description="Community partners. A directive may name none: it then sets the process for choosing them.",
    )
    problems: list[Problem] = Field(
        default_factory=list,
        description="Problems to solve, through SARA. A directive may name none: it then sets how they are chosen.",
    )
    commitments: Commitments = Field(description="What the agency changes on its side.")
    communities: list[Community] = Field(
        default_factory=list,
        description="Marginalized and immigrant communities that need a strategy of their own.",
    )
    transparency: Transparency = Field(default_factory=Transparency, description="Openness and contact.")
    metrics: list[Metric] = Field(
        default_factory=list,
        description="Measures of trust and outcomes. A directive may name none: it then sets how they are chosen.",
    )
    signatories: list[Signatory] = Field(default_factory=list, description="Signature lines.")
    library: Text | None = Field(
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
