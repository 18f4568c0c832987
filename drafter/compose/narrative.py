"""Grant narratives: the same composer, driven by a solicitation profile instead of an outline.

A narrative differs from a directive in three ways, and this module holds all three so the
directive path stays untouched: its sections come from the profile (`Profile.outline()`); its
clauses see grant figures (`budget`, `budget_table()`, `primary_problem`, `applicant_name`);
and it starts with a title block instead of a caption and table of contents (a TOC would
spend a page of a page-limited narrative). After composing, review's own checks must find
every § 10382(c) item answered in the text (compose.answers), and section limits must hold.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from drafter.compose.answers import UnansweredError, gaps
from drafter.compose.budget import Budget, budget_table, compute
from drafter.compose.context import build_context
from drafter.compose.directive import Composer, Composition
from drafter.compose.profiles import LoadedProfile, load_profile, profile_paths, select_profile
from drafter.compose.section_limits import Measure, check_limits
from drafter.errors import LibraryError
from drafter.inputs.models import Inputs
from drafter.library.clauses import Library, Outline
from drafter.library.render import PROMPT, sentinel
from drafter.model import Block, Paragraph, Run


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
    path = select_profile(profile_paths(library), str(grant.program), grant.fiscal_year, grant.profile)
    return load_profile(path)


def compose_narrative(
    inputs: Inputs,
    library: Library,
    source: str = "input",
    line_of: Callable[[str], int | None] | None = None,
    **options: Any,
) -> tuple[Composition, LoadedProfile, list[Measure]]:
    """Compose a narrative, then check that it answers what it must and fits its limits.

    The composed text is read with review's checks (compose.answers): a § 10382(c) item, a
    core element or a substance check review would flag raises UnansweredError naming the
    input field that answers it (at its line in `source`, from `line_of`); with `draft=True`
    the same lines become `composition.warnings`. A section over its limit raises LimitError.
    """
    loaded = profile_for(inputs, library)
    composer = NarrativeComposer(inputs, library, loaded, **options)
    composition = composer.compose()
    found = gaps(composition.document)
    lines_at = {gap.field: line_of(gap.field) for gap in found if gap.field} if line_of else None
    unanswered = UnansweredError(source, found, lines_at)
    if found and not options.get("draft"):
        raise unanswered
    composition.warnings = unanswered.lines()
    measures = check_limits(composition.document, loaded)
    meta = dataclasses.replace(composition.document.meta, page_format=loaded.profile.format.page_format())
    composition.document = dataclasses.replace(composition.document, meta=meta)
    return composition, loaded, measures
