"""Does the narrative answer what it must? The build asks drafter's own review.

A clause tagged "answers § 10382(c)(9)" proves nothing when the input gave it nothing to say,
so the build reads the text it composed with the same checks `drafter review` runs on the
.docx (elements, § 10382(c) items, substance) and refuses to write a narrative that review
would flag. With --draft the gaps are warnings instead, so a first draft can circulate.
Build and review therefore agree by construction: there is one set of checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.errors import DrafterError
from drafter.model import Document, Run, iter_paragraphs
from drafter.review import elements, substance

WHERE_TO_ANSWER: dict[str, str] = {
    "1": "give grant.strategy (and grant.consultations: who was consulted, when, how)",
    "2": "name the problem under problems (a CHP marks one primary: true)",
    "3": "give grant.need (facts and what happens without the grant)",
    "4": "give grant.initiatives",
    "5": "give grant.coordination",
    "6": "give grant.pledges (letters of support, in-kind contributions)",
    "7": "give grant.sustainability (or grant.retention for hiring grants)",
    "8": "give grant.retention",
    "9": "give grant.justice_system",
    "10": "the clauses name community policing; check the profile's clauses",
    "11": "give grant.recruitment",
    "marginalized": "list communities with their access_measures",
    "substance.no-marginalized": "list communities with their access_measures",
    "substance.no-measures": "give metrics with a baseline and a target",
    "substance.no-sustainability": "give grant.sustainability",
    "measures": "give metrics with a baseline and a target",
    "partnerships": "list partners",
    "problem-solving": "give problems with root causes and responses",
    "org-transformation": "give commitments (policies, promotions, training)",
    "primary-problem": "name the problem under problems",
}
"""Which input field answers each gap, keyed by § 10382(c) item, element id or finding code."""


_ITEM = re.compile(r"§ 10382\(c\)\((\d+)\)")


@dataclass(frozen=True)
class Gap:
    """One thing review would flag in the composed narrative."""

    code: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.message} ({self.fix})"


def gaps(document: Document) -> list[Gap]:
    """Review's warnings on the composed narrative: unanswered items, missing elements, substance."""
    found: list[Gap] = []
    for finding in [*elements.check(document, "narrative"), *substance.check(document)]:
        if finding.severity != "warning":
            continue
        quote = finding.location.quote or ""
        item = _ITEM.fullmatch(quote)
        key = item.group(1) if item else quote or finding.check
        fix = WHERE_TO_ANSWER.get(key) or WHERE_TO_ANSWER.get(finding.check) or finding.fix
        found.append(Gap(finding.check, finding.message, fix))
    return found


def prompts(document: Document) -> list[str]:
    """The facts a draft asks for: the text of each highlighted prompt, once each, in order."""
    asked: list[str] = []
    for paragraph in iter_paragraphs(document.body):
        for inline in paragraph.content:
            if isinstance(inline, Run) and inline.highlight and inline.text not in asked:
                asked.append(inline.text)
    return asked


class UnansweredError(DrafterError):
    """The narrative leaves a required question unanswered (exit 2, nothing written)."""

    def __init__(self, source: str, found: list[Gap]):
        self.found = found
        self.source = source
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.source}: narrative: {gap} [{gap.code}]" for gap in self.found]
