"""Which clauses of an outline a document gets, section by section, and the numbers of the
sections they fill.

The composer walks the outline more than once — to find what --skip-covered may leave out,
to number the sections before rendering (so a clause can say "Section XI" instead of "this
section"), and to render — and every walk must pick the same clauses in the same order, so
the choosing lives here, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import LibraryError
from drafter.inputs.models import DocumentInfo
from drafter.library.clauses import Clause, Library, Outline, OutlineSection, text_line
from drafter.numbering_scheme import roman


def select_clauses(section: OutlineSection, library: Library, kind: str, outline_path: Path) -> list[Clause]:
    """The clauses a section names, then those of its topics (by id), once each."""
    picked: list[Clause] = []
    for clause_id in section.clauses:
        clause = library.clauses.get(clause_id)
        if clause is None:
            raise LibraryError(
                f"{outline_path}:{text_line(outline_path, clause_id)}: "
                f"section '{section.heading}' names unknown clause '{clause_id}'"
            )
        picked.append(clause)
    for topic in section.topics:
        for clause_id in sorted(library.clauses):
            clause = library.clauses[clause_id]
            if topic in clause.meta.topics and clause not in picked:
                picked.append(clause)
    return [c for c in picked if kind in c.meta.kinds]


def in_scope(clause: Clause, document: DocumentInfo, numbered: bool) -> bool:
    """What the input's document settings allow: a concise directive keeps only concise
    clauses, and a clause on any of `omit_topics` stays out."""
    if (
        numbered
        and str(getattr(document.scope, "value", document.scope)) == "concise"
        and not clause.meta.concise
    ):
        return False
    return not set(clause.meta.topics) & set(document.omit_topics)


def chosen(
    section: OutlineSection,
    library: Library,
    kind: str,
    outline_path: Path,
    included: Callable[[Clause], bool],
) -> Iterator[Clause]:
    """The clauses a section (and its subsections) holds for this input, in order."""
    for clause in select_clauses(section, library, kind, outline_path):
        if included(clause):
            yield clause
    for sub in section.subsections:
        yield from chosen(sub, library, kind, outline_path, included)


@dataclass(frozen=True)
class SectionPlan:
    """The top-level sections' numbers, known before any clause renders."""

    clause_sections: dict[str, str]
    """Clause id → the Roman number of the section holding it (for `section_of`)."""
    names: dict[str, str]
    """What clauses see: definitions_section, these_sections, sections_span."""


def plan_sections(
    outline: Outline, first: int, clause_ids: Callable[[OutlineSection], list[str]]
) -> SectionPlan:
    """Number the top-level sections from `first`, counting only those that will appear:
    a section with a clause that applies (`clause_ids`), or the generated Definitions."""
    numbers: list[str] = []
    clause_sections: dict[str, str] = {}
    names: dict[str, str] = {}
    for section in outline.sections:
        inside = clause_ids(section)
        if not inside and section.generate != "definitions":
            continue
        number = roman(first + len(numbers))
        numbers.append(number)
        if section.generate == "definitions":
            names["definitions_section"] = f"Section {number}"
        for clause_id in inside:
            clause_sections[clause_id] = number
    if numbers:
        low, high = numbers[0], numbers[-1]
        names["these_sections"] = f"Section {low}" if low == high else f"Sections {low} through {high}"
        names["sections_span"] = low if low == high else f"{low}–{high}"
    return SectionPlan(clause_sections, names)
