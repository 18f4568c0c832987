"""Drafting to fit a host decree (`build --decree`): the facts a directive takes from the decree.

- where it starts: the paragraph after the insertion point, the section after the one it follows;
- whose words it uses: the decree's title for the Monitor, its defined name for the agency, its
  name for itself; a term the decree defines is not defined again (two definitions raise the
  question which one governs);
- when its deadlines run: a directive added to an entered decree counts from the Modification
  Date (a term of its own), never from an Effective Date years back.
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
    lead = re.match(r"\d+", after_label or "")
    start_paragraph = int(lead.group()) + 1 if lead else 1
    start_section = (roman_value(section or "") or 0) + 1
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
    return DecreeFit(
        start_paragraph=start_paragraph,
        start_section=start_section,
        defined_elsewhere=defined,
        aliases=aliases,
        agency_term=report.agency_term,
        monitor_title=report.monitor_title,
        description=description,
    )
