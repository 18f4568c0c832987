"""Does the narrative answer what it must? The build asks drafter's own review.

A clause tagged "answers § 10382(c)(9)" proves nothing when the input gave it nothing to say,
so the build reads the text it composed with the same checks `drafter review` runs on the
.docx (elements, § 10382(c) items, substance) and refuses to write a narrative that review
would flag. With --draft the gaps are warnings instead, so a first draft can circulate.
Build and review therefore agree by construction: there is one set of checks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from drafter.errors import DrafterError
from drafter.model import Document
from drafter.review import elements, substance


class Answer(NamedTuple):
    """The input field that answers a gap (dotted; "" when the fix is in the library), and how."""

    field: str
    how: str


WHERE_TO_ANSWER: dict[str, Answer] = {
    "1": Answer(
        "grant.strategy", "give grant.strategy (and grant.consultations: who was consulted, when, how)"
    ),
    "2": Answer("problems", "name the problem under problems (a CHP marks one primary: true)"),
    "3": Answer("grant.need", "give grant.need (facts and what happens without the grant)"),
    "4": Answer("grant.initiatives", "give grant.initiatives"),
    "5": Answer("grant.coordination", "give grant.coordination"),
    "6": Answer("grant.pledges", "give grant.pledges (letters of support, in-kind contributions)"),
    "7": Answer("grant.sustainability", "give grant.sustainability (or grant.retention for hiring grants)"),
    "8": Answer("grant.retention", "give grant.retention"),
    "9": Answer("grant.justice_system", "give grant.justice_system"),
    "10": Answer("", "the clauses name community policing; check the profile's clauses"),
    "11": Answer("grant.recruitment", "give grant.recruitment"),
    "marginalized": Answer("communities", "list communities with their access_measures"),
    "substance.no-marginalized": Answer("communities", "list communities with their access_measures"),
    "substance.no-measures": Answer("metrics", "give metrics with a baseline and a target"),
    "substance.no-sustainability": Answer("grant.sustainability", "give grant.sustainability"),
    "measures": Answer("metrics", "give metrics with a baseline and a target"),
    "partnerships": Answer("partners", "list partners"),
    "problem-solving": Answer("problems", "give problems with root causes and responses"),
    "org-transformation": Answer("commitments", "give commitments (policies, promotions, training)"),
    "primary-problem": Answer("problems", "name the problem under problems"),
}
"""Which input field answers each gap, keyed by § 10382(c) item, element id or finding code: the
error names it, at its line in the input (or the line of the section that should hold it)."""


_ITEM = re.compile(r"§ 10382\(c\)\((\d+)\)")


@dataclass(frozen=True)
class Gap:
    """One thing review would flag in the composed narrative."""

    code: str
    message: str
    fix: str
    field: str = ""
    """The input field that answers it (dotted), "" when unknown or in the library."""

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
        answer = WHERE_TO_ANSWER.get(key) or WHERE_TO_ANSWER.get(finding.check)
        if answer is None:
            found.append(Gap(finding.check, finding.message, finding.fix))
        else:
            found.append(Gap(finding.check, finding.message, answer.how, answer.field))
    return found


class UnansweredError(DrafterError):
    """The narrative leaves a required question unanswered (exit 2, nothing written)."""

    def __init__(self, source: str, found: list[Gap], lines_at: Mapping[str, int | None] | None = None):
        self.found = found
        self.source = source
        self.lines_at = dict(lines_at or {})
        """Line in the input of each gap's field (the caller that has the file finds them)."""
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        out = []
        for gap in self.found:
            line = self.lines_at.get(gap.field)
            out.append(f"{self.source}{f':{line}' if line else ''}: narrative: {gap} [{gap.code}]")
        return out
