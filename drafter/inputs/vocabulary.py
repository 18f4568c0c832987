"""The closed vocabularies of the jurisdiction and directive inputs: each the words a field accepts.

They are enums so a wrong word is caught with the list of allowed ones, and so the JSON
Schema (`drafter schema`) offers them as completions; `drafter.inputs.models` uses them. The
grant's own (program, applicant kind, budget category) stay beside its models in
`drafter.inputs.grant`.
"""

from __future__ import annotations

from enum import Enum


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
    patrol_district = "patrol district"
    patrol_area = "patrol area"
    zone = "zone"


class AgencyKind(str, Enum):
    """Decides the directive's vocabulary: a sheriff's office has deputies, not officers."""

    police = "police"
    sheriff = "sheriff"


class Scope(str, Enum):
    concise = "concise"
    full = "full"


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
    county_agency = "county agency"
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
    """Suggested training topics (editors offer them); any other topic may be written too."""

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
