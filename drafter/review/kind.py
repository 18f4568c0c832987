"""Which kind of document a review assumes, and why.

The substance checks (community-policing elements, partnership, grant items) only make sense
on a Community Policing directive or a COPS grant narrative; run on a software licence or a
lease they report "missing" elements that were never meant to be there. So the kind is guessed
from distinct signals, not raw word counts ("shall" and "court" occur in every licence):

- police or community-policing language (police, officers, residents, community policing …) is
  needed for either drafter kind;
- decree language (consent decree, settlement agreement, the Monitor, the Court, plaintiff …) or
  decree paragraph numbering makes it a directive;
- grant language (COPS, grant, applicant, solicitation, federal funds, award …) a narrative;
- anything else is "other": only the proofreading checks run.
"""

from __future__ import annotations

import re

KINDS = ("directive", "narrative", "other")

_POLICING = {
    "police": r"\bpolic(?:e|ing)\b",
    "officers": r"\bofficers?\b",
    "law enforcement": r"\blaw enforcement\b",
    "residents": r"\bresidents\b",
    "community policing": r"\bcommunity[- ]policing\b",
    "crime": r"\bcrimes?\b",
}
_DECREE = {
    "consent decree": r"\bconsent decree\b|\bdecree\b",
    "settlement agreement": r"\bsettlement agreement\b",
    "the Monitor": r"\bthe Monitor\b",
    "the Court": r"\bthe Court\b",
    "plaintiff/defendant": r"\bplaintiffs?\b|\bdefendants?\b|\bUnited States v\.",
}
_GRANT = {
    "COPS": r"\bCOPS\b",
    "grant": r"\bgrants?\b(?! of)",
    "applicant": r"\bapplicants?\b|\bapplication\b",
    "solicitation": r"\bsolicitation\b",
    "federal funds": r"\bfederal (?:funds|funding|share)\b",
    "award": r"\bawards?\b",
    "fiscal year": r"\bfiscal year\b",
}


def _found(signals: dict[str, str], text: str) -> list[str]:
    return [name for name, pattern in signals.items() if re.search(pattern, text, re.I)]


def detect_kind(text: str, decree_numbered: int = 0) -> tuple[str, str]:
    """(kind, reason): the kind the text reads as, and the signals that decided it."""
    policing = _found(_POLICING, text)
    decree = _found(_DECREE, text)
    grant = _found(_GRANT, text)
    if decree_numbered >= 3:
        decree.append(f"{decree_numbered} decree-numbered paragraphs")

    def said(names: list[str]) -> str:
        return ", ".join(names[:4])

    if len(policing) < 2:
        return "other", (
            "no police or community-policing language (needed for a directive or a grant narrative)"
            if not policing
            else f"too little police or community-policing language (only {said(policing)})"
        )
    if len(grant) >= 3 and len(grant) > len(decree):
        return "narrative", f"grant language ({said(grant)}) and police language ({said(policing)})"
    if decree:
        return "directive", f"decree language ({said(decree)}) and police language ({said(policing)})"
    if len(grant) >= 2:
        return "narrative", f"grant language ({said(grant)}) and police language ({said(policing)})"
    return "other", f"police language ({said(policing)}) but neither decree nor grant language"
