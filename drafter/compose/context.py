"""The names a clause template sees besides the input sections: what the composer derives
from the input (the party's name and article, officer or deputy, the languages listed, …).

Listed for clause authors in drafter.library.context.DERIVED_NAMES; a narrative adds its
grant values on top (compose.narrative.narrative_context).
"""

from __future__ import annotations

from typing import Any

from drafter.inputs.models import Inputs
from drafter.library import grammar


def build_context(inputs: Inputs) -> dict[str, Any]:
    """The names a clause template sees: the input sections plus a few conveniences."""
    context: dict[str, Any] = {name: getattr(inputs, name) for name in Inputs.model_fields}
    area = inputs.agency.area_term
    immigrant = [c for c in inputs.communities if c.kind in ("immigrant", "refugee")]
    limited = [c for c in inputs.communities if c.kind == "limited English" or c.languages]
    languages: list[str] = []
    for community in inputs.communities:
        for language in community.languages:
            if language not in languages:
                languages.append(language)
    party = str(getattr(inputs.jurisdiction.kind, "value", inputs.jurisdiction.kind)).title()
    sheriff = inputs.agency.kind == "sheriff"
    plaintiff = inputs.decree.plaintiff if inputs.decree else "United States of America"
    context.update(
        modal=inputs.document.modal,
        area=area,
        areas=grammar.plural(area),
        party=party,
        party_full=_with_article(inputs.jurisdiction.name),
        the_party=f"the {party}",
        The_party=f"The {party}",
        plaintiff_full=plaintiff,
        plaintiff_short=short_party(plaintiff),
        officer="deputy" if sheriff else "officer",
        officers="deputies" if sheriff else "officers",
        police="deputies" if sheriff else "police",
        the_police=f"the {inputs.agency.head_title}’s Office" if sheriff else "the police",
        these_sections="these Sections",
        county_partners=[p.name for p in inputs.partners if p.kind == "county agency"],
        immigrant_communities=immigrant,
        limited_english=limited,
        languages=languages,
        partner=inputs.partner,
    )
    return context


def _with_article(name: str) -> str:
    """'the City of Lakeport', but 'Harlan County': a name built on 'X of Y' takes 'the'."""
    return f"the {name}" if " of " in name and name[:1].isupper() else name


def short_party(plaintiff: str) -> str:
    return "United States" if plaintiff.lower().startswith("united states") else plaintiff
