"""`build --skip-covered`: which clauses a host decree already covers, so the directive leaves
them out and cites the decree's paragraph instead.

A clause is left out when it names the elements it provides (front matter `elements:`) and the
decree provides every one of them in a paragraph the directive can cite (decree.fit's `covers`:
a paragraph before the insertion point that requires the element, not one that defines a term,
by review.elements.decisive: stricter than review's and inspect's one keyword). A clause the directive keeps must not
point at a clause it leaves out, so a left-out clause that a kept one names with `ref()` or
`section_of()` is kept after all, and the reason is reported; the directive's numbering and
cross-references stay whole because nothing that is referred to goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from drafter.decree.fit import CoveredBy, DecreeFit
from drafter.library.clauses import Clause


@dataclass(frozen=True)
class Skipped:
    """A clause left out, and the decree paragraph covering each of its elements."""

    clause_id: str
    title: str
    covered_by: tuple[CoveredBy, ...]


@dataclass(frozen=True)
class Kept:
    """A clause the decree covers in part or in full that stays in, and why."""

    clause_id: str
    reason: str


@dataclass(frozen=True)
class CoverPlan:
    skipped: tuple[Skipped, ...] = ()
    kept: tuple[Kept, ...] = ()

    @property
    def skipped_ids(self) -> frozenset[str]:
        return frozenset(s.clause_id for s in self.skipped)

    def citations(self) -> list[CoveredBy]:
        """Each covered element the left-out clauses provide, once, in the decree's order."""
        seen: dict[str, CoveredBy] = {}
        for skipped in self.skipped:
            for c in skipped.covered_by:
                seen.setdefault(c.element, c)
        return sorted(seen.values(), key=lambda c: _label_key(c.paragraph))


def plan_cover(
    clauses: Iterable[Clause],
    fit: DecreeFit,
    refs_of: Callable[[Clause], set[str]],
    keep: Iterable[str] = (),
) -> CoverPlan:
    """Which of `clauses` (those the directive would hold, in order) to leave out; a clause
    providing an element in `keep` (the input's decree.keep_elements) stays."""
    chosen = list(clauses)
    out: dict[str, Clause] = {}
    kept: list[Kept] = []
    keep = set(keep)
    for clause in chosen:
        elements = clause.meta.elements
        if keep & set(elements):
            continue
        if elements and all(e in fit.covers for e in elements):
            out[clause.id] = clause
        elif later := [f"{e} (¶ {fit.covers_later[e]})" for e in elements if e in fit.covers_later]:
            kept.append(
                Kept(clause.id, f"the decree covers {', '.join(later)} only after the insertion point")
            )
    changed = True
    while changed:  # keeping a clause may keep the clauses it refers to
        changed = False
        for clause in chosen:
            if clause.id in out:
                continue
            for target in sorted(refs_of(clause) & out.keys()):
                del out[target]
                kept.append(Kept(target, f"{clause.id} refers to it"))
                changed = True
    skipped = tuple(
        Skipped(c.id, c.meta.title, tuple(fit.covers[e] for e in c.meta.elements)) for c in out.values()
    )
    return CoverPlan(skipped, tuple(kept))


def _label_key(label: str) -> list[int | str]:
    """Paragraph labels in the decree's order: 2.9 before 2.10, 21 before 21A."""
    return [int(part) if part.isdigit() else part for part in re.findall(r"\d+|\D+", label)]
