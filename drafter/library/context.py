"""What clause templates see, declared once: plain data and drafter's own functions.

Clause files come from strangers (a library e-mailed by the other side), so a template must
never reach an object with methods. A pydantic model handed to Jinja exposes its deprecated
`parse_raw(..., proto="pickle", allow_pickle=True)` (which unpickles attacker bytes, that is,
runs their code) and `parse_file` (which reads any file); a dataclass exposes its methods
too. So everything the composer offers goes through `plain()` first: models and dataclasses
become dicts of their fields and computed properties, enums their values, tuples lists;
functions are wrapped so what they return is plain as well. Jinja looks `a.b` up on a dict
as `a['b']`, so `{{ agency.short_name }}` reads the same as before, and the sandbox
(`drafter.library.sandbox.DataSandbox`) answers every other attribute with an error.

The names a clause may use besides the input sections are listed here (`DERIVED_NAMES`,
`FUNCTION_NAMES`) for `library check` and docs/clause-format.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

DERIVED_NAMES: dict[str, str] = {
    "modal": "the obligation verb the input chose (will, shall, agrees to)",
    "area": "what the agency calls its units (district, precinct, …)",
    "areas": "the plural of area",
    "immigrant_communities": "the communities of kind immigrant or refugee",
    "limited_english": "the communities of kind limited English, or with languages listed",
    "languages": "every language listed under communities, once each",
    "budget": "the computed grant budget (narratives)",
    "primary_problem": "the problem marked primary, or the first (narratives)",
    "applicant_name": "the applicant's name, or the agency's (narratives)",
    "community_applicant": "true when a community organization applies (narratives)",
    "party": "the jurisdiction as a party: City, County, Town (directives)",
    "the_party": "'the City' (directives)",
    "The_party": "'The City', to start a sentence (directives)",
    "party_full": "'the City of Lakeport' or 'Harlan County' (directives)",
    "plaintiff_full": "the plaintiff as captioned (directives)",
    "plaintiff_short": "'United States' (directives)",
    "officer": "'officer', or 'deputy' for a sheriff's office",
    "officers": "'officers', or 'deputies' for a sheriff's office",
    "police": "'police', or 'deputies' for a sheriff's office",
    "the_police": "'the police', or 'the Sheriff's Office'",
    "these_sections": "'Sections X through XXI': what the directive adds (never 'this section')",
    "sections_span": "'X–XXI'",
    "definitions_section": "'Section XI': where the definitions are",
    "covered_by_decree": "build --skip-covered: what the host decree covers and this directive leaves out, "
    "each with subject ('regular public meetings'), paragraph ('45') and cite ('paragraph 45'); empty otherwise",
    "county_partners": "names of the partners of kind 'county agency'",
    "draft": "true in a --draft build, so a clause can ask for a fact only in a draft (narratives)",
}
"""Values the composer derives from the input (compose.context.build_context,
compose.narrative.narrative_context)."""

FUNCTION_NAMES: dict[str, str] = {
    "ref": "ref('clause.id'): a live cross-reference to that clause's first paragraph",
    "term": "term('Name'): a defined term, listed in Definitions",
    "days": "days(180): 'within 180 days of the Effective Date', also in the schedule",
    "partner": "partner('id'): the partner with that id",
    "section_of": "section_of('clause.id'): 'Section XI', the section holding that clause",
    "deadlines": "deadlines(): every deadline stated (task, days, due); for a deferred clause",
    "decree_defines": "decree_defines('LPD'): true when the host decree (build --decree) already defines it",
    "budget_table": "budget_table(): the budget as a table (narratives)",
    "prompt": "prompt('grant.x'): a highlighted prompt asking for that fact (narratives, --draft)",
}
"""drafter's own functions a clause may call (library.render.bind_functions and the composer)."""

JINJA_NAMES = frozenset({"loop", "range"})
"""Names Jinja itself provides inside templates."""

CONTEXT_NAMES = frozenset(DERIVED_NAMES) | frozenset(FUNCTION_NAMES) | JINJA_NAMES
"""Every name a clause sees besides the input sections."""

SCALARS = (str, int, float, Decimal, bool, dt.date, type(None))
"""The only leaf values a template receives (bool and datetime are subclasses of these)."""


def plain(value: Any) -> Any:
    """`value` as template data: dicts, lists and scalars only; functions stay callable but
    return plain data. Raises TypeError for anything else, so a new kind of object handed to
    templates is caught by the tests, not by an attacker."""
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, SCALARS):
        return value
    if isinstance(value, BaseModel):
        data = {name: plain(getattr(value, name)) for name in type(value).model_fields}
        data.update(_properties(value))
        return data
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        data.update(_properties(value))
        return data
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if callable(value):
        return _plain_function(value)
    raise TypeError(f"cannot hand a {type(value).__name__} to clause templates")


def _properties(obj: Any) -> dict[str, Any]:
    """Computed values a class declares with @property (Budget.federal_total, …)."""
    out: dict[str, Any] = {}
    for klass in reversed(type(obj).__mro__):
        if klass in (object, BaseModel):
            continue
        for name, attr in vars(klass).items():
            if isinstance(attr, property) and not name.startswith("_"):
                out[name] = plain(getattr(obj, name))
    return out


def _plain_function(func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return plain(func(*args, **kwargs))

    wrapper.__name__ = getattr(func, "__name__", "function")
    wrapper.__doc__ = func.__doc__
    return wrapper


def template_context(context: Mapping[str, Any]) -> dict[str, Any]:
    """The composer's context as plain data, ready for the sandbox."""
    return {name: plain(value) for name, value in context.items()}
