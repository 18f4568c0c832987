"""Grant narratives: the same composer, driven by a solicitation profile instead of an outline.

A narrative differs from a directive in three ways, and this module holds all three so the
directive path stays untouched: its sections come from the profile (`Profile.outline()`); its
clauses see grant figures (`budget`, `budget_table()`, `primary_problem`, `applicant_name`);
and it starts with a title block instead of a caption and table of contents (a TOC would
spend a page of a page-limited narrative). After composing, the § 10382(c) items the
profile asks for must be answered by the clauses used, and section limits must hold.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from drafter.compose.budget import Budget, budget_table, compute
from drafter.compose.directive import Composer, Composition, build_context
from drafter.compose.profiles import LoadedProfile, load_profiles, select_profile
from drafter.compose.section_limits import Measure, check_limits
from drafter.errors import LibraryError
from drafter.inputs.models import Inputs
from drafter.library.clauses import Library, Outline
from drafter.library.render import PROMPT, sentinel
from drafter.model import Block, Paragraph, Run

USC_10382C = {
    1: "a long-term strategy and implementation plan made with community groups and agencies",
    2: "a specific public-safety need",
    3: "why the need cannot be met without federal help",
    4: "related government and community initiatives",
    5: "coordination with affected agencies",
    6: "community support, financial or in kind",
    7: "how the program continues after federal funds end",
    8: "a growing local share and keeping the positions (hiring grants)",
    9: "the effect on the rest of the criminal-justice system",
    10: "how the grant moves the agency toward community policing",
    11: "recruiting and hiring racial and ethnic minorities and women",
}
"""34 U.S.C. § 10382(c), paraphrased (DOMAIN.md), for messages that name a missing item."""


def narrative_context(inputs: Inputs) -> dict[str, Any]:
    """Values narrative clauses use beyond the input sections."""
    grant = inputs.grant
    if grant is None:
        return {}
    budget: Budget = compute(grant)
    primary = next((p for p in inputs.problems if p.primary), inputs.problems[0])
    applicant_name = grant.applicant.name if grant.applicant is not None else inputs.agency.name
    return {
        "budget": budget,
        "budget_table": lambda: budget_table(budget),
        "primary_problem": primary,
        "applicant_name": applicant_name,
        "community_applicant": grant.applicant is not None
        and grant.applicant.kind != "law enforcement agency",
    }


class NarrativeComposer(Composer):
    """The composer with a profile's outline, grant values, and a title block for front matter."""

    def __init__(self, inputs: Inputs, library: Library, loaded: LoadedProfile, **options: Any):
        outline = loaded.profile.outline()
        outlines = {**library.outlines, "narrative": (outline, loaded.path)}
        super().__init__(inputs, dataclasses.replace(library, outlines=outlines), **options)
        self.loaded = loaded

    def base_context(self, inputs: Inputs) -> dict[str, Any]:
        """Adds `draft` (a clause can ask for a fact only in a draft) and `prompt('grant.x')`,
        which prints the highlighted prompt for a fact the input does not give."""
        return {
            **build_context(inputs),
            **narrative_context(inputs),
            "draft": self.draft,
            "prompt": lambda label: sentinel(PROMPT, str(label)),
        }

    def front_matter(self, outline: Outline) -> list[Block]:
        grant = self.inputs.grant
        assert grant is not None
        subtitle = f"{self.context['applicant_name']} \u2014 {grant.program} FY{grant.fiscal_year}"
        blocks: list[Block] = [
            Paragraph((Run(self.title(outline)),), style="Title"),
            Paragraph((Run(subtitle),)),
        ]
        if grant.project_title:
            blocks.append(Paragraph((Run(grant.project_title, italic=True),)))
        return blocks


def profile_for(inputs: Inputs, library: Library) -> LoadedProfile:
    """The solicitation profile the input's grant asks for."""
    grant = inputs.grant
    if grant is None:
        raise LibraryError("a narrative needs a 'grant' section")
    return select_profile(load_profiles(library), str(grant.program), grant.fiscal_year, grant.profile)


def uncovered_items(composition: Composition, library: Library, loaded: LoadedProfile) -> list[int]:
    """§ 10382(c) items the profile asks for that no clause in the narrative answers."""
    answered = {item for cid in composition.clause_ids for item in library.clauses[cid].meta.usc_10382c}
    return [item for item in loaded.profile.required_10382c if item not in answered]


def compose_narrative(
    inputs: Inputs, library: Library, **options: Any
) -> tuple[Composition, LoadedProfile, list[Measure]]:
    """Compose a narrative, then enforce coverage and the profile's section limits.

    Raises LibraryError when the clauses selected leave a § 10382(c) item unanswered (the
    fix is in the library or the profile, not the input), and LimitError when a section
    is too long.
    """
    loaded = profile_for(inputs, library)
    composer = NarrativeComposer(inputs, library, loaded, **options)
    composition = composer.compose()
    missing = uncovered_items(composition, library, loaded)
    if missing:
        names = "; ".join(f"({i}) {USC_10382C[i]}" for i in missing)
        raise LibraryError(f"{loaded.path}: no clause in this narrative answers 34 U.S.C. § 10382(c) {names}")
    measures = check_limits(composition.document, loaded)
    meta = dataclasses.replace(composition.document.meta, page_format=loaded.profile.format.page_format())
    composition.document = dataclasses.replace(composition.document, meta=meta)
    return composition, loaded, measures
