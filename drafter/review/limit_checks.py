"""Sections over a solicitation's limits (words, characters, pages).

Limits come from a solicitation profile, found and measured exactly as `drafter build` finds
and measures it (`drafter.compose.profiles.find_profile`, `drafter.compose.section_limits`),
so a section built at exactly its limit passes review; or from the caller as
{heading: (unit, limit)}. A caller's page limit is estimated from words at the working default
for narratives (12-point font, double spacing, 1-inch margins: about 275 words a page) and the
finding says so; the real page count needs a rendered PDF (`drafter build --pdf`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.model import Document, Heading, sections
from drafter.review.findings import Finding, Item, Location, walk

if TYPE_CHECKING:
    from drafter.compose.profiles import LoadedProfile
    from drafter.compose.section_limits import Measure

WORDS_PER_PAGE = 275
Limits = dict[str, tuple[str, int]]


def check(doc: Document, limits: Limits) -> list[Finding]:
    """Findings for sections over the caller's {heading: (unit, limit)} (level 1 or 2 headings)."""
    if not limits:
        return []
    # build's measuring pulls in profiles and their models: only a review with limits needs it
    from drafter.compose.section_limits import count, heading_key, section_text

    wanted = {heading_key(h): (h, unit, n) for h, (unit, n) in limits.items()}
    index_of = {id(i.block): i for i in walk(doc)}
    findings: list[Finding] = []
    done: set[str] = set()
    for level in (1, 2):
        for sec in sections(doc, level):
            if not isinstance(sec.heading, Heading) or sec.heading.level != level:
                continue
            key = heading_key(sec.heading.text)
            if key not in wanted or key in done:
                continue
            done.add(key)
            heading, unit, limit = wanted[key]
            texts = section_text(sec.blocks)
            used = count(texts, "words") / WORDS_PER_PAGE if unit == "pages" else count(texts, unit)
            if used > limit:
                item = index_of.get(id(sec.heading))
                shown = f"about {used:.1f}" if unit == "pages" else f"{int(used)}"
                findings.append(
                    Finding(
                        "limits.over",
                        "error",
                        f'Section "{heading}" has {shown} {unit}; the limit is {limit}.',
                        f"Cut it to {limit} {unit} or fewer"
                        + (" (estimated at 275 words a double-spaced page)." if unit == "pages" else "."),
                        item.loc(sec.heading.text) if item else Location(section=heading),
                    )
                )
    return findings


def check_profile(doc: Document, loaded: LoadedProfile) -> list[Finding]:
    """Findings for every section (and the whole narrative) over a profile's limits, measured
    by build's own function."""
    from drafter.compose.section_limits import measure

    index_of = {id(i.block): i for i in walk(doc)}
    headings = {s.heading.text: s.heading for s in sections(doc, 1) if s.heading is not None}
    return [_finding(m, headings, index_of) for m in measure(doc, loaded) if m.over > 0]


def _finding(m: Measure, headings: dict[str, Heading], index_of: dict[int, Item]) -> Finding:
    if m.section == "whole narrative":
        return Finding(
            "limits.over",
            "error",
            f"The whole narrative has {m.amount} {m.unit}; the limit is {m.limit}.",
            f"Cut {m.over} {m.unit} or more across its sections.",
            Location(),
        )
    heading = headings.get(m.section)
    item = index_of.get(id(heading)) if heading is not None else None
    return Finding(
        "limits.over",
        "error",
        f'Section "{m.section}" has {m.amount} {m.unit}; the limit is {m.limit}.',
        f"Cut it to {m.limit} {m.unit} or fewer.",
        item.loc(m.section) if item else Location(section=m.section),
    )
