"""Drafting to fit a host decree (`build --decree`): the facts a directive takes from the decree.

- where it starts: the paragraph after the insertion point, the section after the one it follows;
- whose words it uses: the decree's title for the Monitor, its defined name for the agency, its
  name for itself; a term the decree defines is not defined again (two definitions raise the
  question which one governs);
- when its deadlines run: a directive added to an entered decree counts from the Modification
  Date (a term of its own), never from an Effective Date years back;
- what it need not repeat (`--skip-covered`): the community-policing elements the decree
  already provides, each with the paragraph that requires it (inspect's paragraphs that pass
  review.elements.decisive; a definition requires nothing and is never cited). Only a paragraph
  before the insertion point is cited: the directive's numbers continue the decree's, so in it
  "paragraph 24" means the decree's only when 24 is lower than its own first number (the
  `decree.continuing-numbering` clause says so), and `insert` reads it that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.numbering_scheme import roman_value

if TYPE_CHECKING:  # reading a .docx pulls in the reader; a plain build does not need it
    from drafter.decree.inspect import DecreeReport

MODIFICATION_DATE = "Modification Date"
EFFECTIVE_DATE = "Effective Date"


@dataclass(frozen=True)
class CoveredBy:
    """A community-policing element the host decree covers, as the directive cites it."""

    element: str
    subject: str
    """The element's name as a phrase inside a sentence ("regular public meetings")."""
    paragraph: str
    """The decree's own label of the paragraph that covers it ("16", "12.3", "212A")."""
    cite: str
    """The reference as the decree writes references ("paragraph 16", "¶ 16")."""


@dataclass(frozen=True)
class DecreeFit:
    """What the composer needs to know about the host decree."""

    start_paragraph: int
    start_section: int
    defined_elsewhere: frozenset[str] = field(default_factory=frozenset)
    """Terms (lower case) the decree already defines: not defined again in the directive."""
    aliases: dict[str, str] = field(default_factory=dict)
    """The directive's term → the decree's spelling ("Monitor" → "Independent Monitor")."""
    agency_term: str | None = None
    monitor_title: str | None = None
    description: str = ""
    covers: dict[str, CoveredBy] = field(default_factory=dict)
    """Element id → where the decree covers it, for each element it covers before the
    insertion point."""
    covers_later: dict[str, str] = field(default_factory=dict)
    """Element id → the first paragraph covering it, for elements the decree covers only after
    the insertion point (a directive cannot cite those by number)."""


def deadline_term(joins: str) -> str:
    """The defined term a directive's deadlines count from."""
    return MODIFICATION_DATE if joins == "modification" else EFFECTIVE_DATE


def fit_decree(path: Path, after_paragraph: str | None, after_heading: str | None) -> DecreeFit:
    """Inspect the decree and work out where the directive starts and which words it uses."""
    from drafter.amend.plan import insertion_point
    from drafter.decree.inspect import inspect_decree

    report = inspect_decree(path)
    point = insertion_point(report.structure, after_paragraph, after_heading)
    return fit_report(report, point.after_label, point.section, point.description)


def fit_report(
    report: DecreeReport, after_label: str | None, section: str | None, description: str
) -> DecreeFit:
    start_paragraph = label_lead(after_label or "") + 1
    start_section = section_value(section) + 1
    defined = frozenset(t.term.lower() for t in report.terms)
    aliases: dict[str, str] = {}
    if report.monitor_title and report.monitor_title != "Monitor":
        aliases["Monitor"] = report.monitor_title
    if "agreement" not in defined:
        own = next(
            (t.term for t in report.terms if t.term in ("Consent Decree", "Decree", "Settlement Agreement")),
            None,
        )
        if own:
            aliases["Agreement"] = own
    covers: dict[str, CoveredBy] = {}
    covers_later: dict[str, str] = {}
    word = _paragraph_word(report)
    # a definition names a thing and requires nothing: only a paragraph that requires the
    # element can stand in for the clauses left out
    definitions = {t.paragraph for t in report.terms if t.form != "parenthetical"}
    for element in report.elements:
        requiring = [p for p in element.paragraphs if p not in definitions]
        before = [p for p in requiring if label_lead(p) < start_paragraph]
        if before:
            covers[element.id] = CoveredBy(
                element.id, _phrase(element.name), before[0], f"{word} {before[0]}"
            )
        elif requiring:
            covers_later[element.id] = requiring[0]
    return DecreeFit(
        start_paragraph=start_paragraph,
        start_section=start_section,
        defined_elsewhere=defined,
        aliases=aliases,
        agency_term=report.agency_term,
        monitor_title=report.monitor_title,
        description=description,
        covers=covers,
        covers_later=covers_later,
    )


def running_name(agency_term: str) -> str:
    """The decree's name for the agency as obligations use it: an abbreviation alone ("LPD
    shall"), a defined word with its article ("the Department shall"; at a sentence start the
    typographic pass writes "The")."""
    return agency_term if agency_term.isupper() else f"the {agency_term}"


def section_value(label: str | None) -> int:
    """The number of the decree's section a directive follows, whether the decree numbers its
    sections in Roman ("XI") or arabic ("11", "11."): the directive's first section is the next
    one, so it never reuses a number the decree already gives a section. None or unreadable → 0."""
    text = (label or "").strip().rstrip(".")
    return roman_value(text.upper()) or label_lead(text)


def label_lead(label: str) -> int:
    """The whole number a paragraph label starts with ("212A" → 212, "12.3" → 12; none → 0)."""
    lead = re.match(r"\d+", label)
    return int(lead.group()) if lead else 0


def _paragraph_word(report: DecreeReport) -> str:
    """How the decree names a paragraph in its own references: "paragraph", "Paragraph" or "¶"."""
    for ref in report.references:
        if ref.kind == "paragraph" and not ref.external:
            word = re.match(r"¶|[Pp]aragraph", ref.text.lstrip())
            if word:
                return word.group()
    return "paragraph"


def _phrase(name: str) -> str:
    """An element's name inside a sentence: "Regular public meetings" → "regular public
    meetings"; an acronym ("SARA problem solving") keeps its capitals."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]
