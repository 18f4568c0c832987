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

from collections.abc import Mapping

from drafter.review import keywords

KINDS = ("directive", "narrative", "other")

# each signal: phrases that count, found where a word starts, in any case (`keywords.found`)
_POLICING = {
    "police": (r"polic(?:e|ing)\b",),
    "officers": (r"officers?\b",),
    "law enforcement": (r"law enforcement\b",),
    "residents": (r"residents\b",),
    "community policing": (r"community[- ]policing\b",),
    "crime": (r"crimes?\b",),
}
_DECREE = {
    "consent decree": (r"consent decree\b", r"decree\b"),
    "settlement agreement": (r"settlement agreement\b",),
    "the Monitor": (r"the Monitor\b",),
    "the Court": (r"the Court\b",),
    "plaintiff/defendant": (r"plaintiffs?\b", r"defendants?\b", r"United States v\."),
}
_GRANT = {
    "COPS": (r"COPS\b",),
    "grant": (r"grants?\b(?! of)",),
    "applicant": (r"applicants?\b", r"application\b"),
    "solicitation": (r"solicitation\b",),
    "federal funds": (r"federal (?:funds|funding|share)\b",),
    "award": (r"awards?\b",),
    "fiscal year": (r"fiscal year\b",),
}


def _found(signals: Mapping[str, tuple[str, ...]], low: str) -> list[str]:
    return [name for name, phrases in signals.items() if keywords.found(phrases, low)]


def detect_kind(text: str, decree_numbered: int = 0) -> tuple[str, str]:
    """(kind, reason): the kind the text reads as, and the signals that decided it."""
    low = text.lower()
    policing = _found(_POLICING, low)
    decree = _found(_DECREE, low)
    grant = _found(_GRANT, low)
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
