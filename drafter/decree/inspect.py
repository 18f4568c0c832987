"""`drafter inspect`: what a host decree already is, before a directive is drafted into it.

Reports the caption (court, case number, parties), sections, numbered paragraphs, defined terms
and where each is defined, the Effective Date and the Monitor's title, the agency's defined
name, every typed reference and REF field with its target, and which community-policing
elements the decree already covers (review's element list). `build --decree` and `insert`
read the same facts, so the three commands never disagree about a decree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from drafter.decree.references import OWN_NAMES, find_references
from drafter.decree.structure import DecreeStructure, NumberedParagraph, SectionHeading, read_structure
from drafter.docx.read import read_docx
from drafter.errors import DrafterError
from drafter.model import CrossRef, Document, Paragraph
from drafter.review.elements import covered, decisive, element_data
from drafter.review.term_defs import DEFINITION_MEANS, DEFINITION_PAREN

SCHEMA_VERSION = 1
MONITOR_TITLES = (
    "Independent Monitor",
    "Monitor",
    "Monitoring Team",
    "Compliance Officer and Community Liaison",
    "Independent Evaluator",
    "Compliance Officer",
    "Independent Police Auditor",
)
_CASE_NUMBER = re.compile(r"\b(\d{1,2}:\d{2}-[a-zA-Z]{2}-\d{3,6}(?:-[A-Za-z0-9]+)*)\b")
_CASE_LABELLED = re.compile(r"(?:Case|Civil Action|Civil|Docket)\s+No\.?\s*:?\s*([\w:.-]*\d[\w:.-]*)", re.I)
_COURT = re.compile(r"^\s*((?:UNITED STATES DISTRICT COURT|[A-Z][A-Za-z .]*COURT)\b.*)$", re.I)
_DEF_BARE = re.compile(
    r"^\s*([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})\s*(?::|\s+(?:means|shall mean|refers to))\s"
)
_DEF_PAREN_LOOSE = re.compile(r"\((?:[a-z]+,?\s+){0,3}(?:the\s+)?[\"“]([A-Z][^\"”\n]{0,60}?)[\"”]\)")
_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}\b"
)


class NotADecreeError(DrafterError):
    """The document reads, but not as a decree (no numbered paragraphs, nothing to insert into)."""


@dataclass(frozen=True)
class DefinedTerm:
    term: str
    paragraph: str | None
    """Number of the paragraph that defines it (None when unnumbered)."""
    index: int
    definition: str
    form: str
    """"means" (a quoted term with means/refers to), "parenthetical", or "definitions-section"."""


@dataclass(frozen=True)
class FoundReference:
    paragraph: str | None
    index: int
    kind: str
    """"paragraph", "section", "subparagraph", or "field" (a REF field)."""
    text: str
    targets: tuple[str, ...]
    external: bool = False
    exists: bool = True
    """False when a target names no paragraph or section of this decree."""


@dataclass(frozen=True)
class CoveredElement:
    """A community-policing element the decree covers (review's element list and matcher)."""

    id: str
    name: str
    paragraph: str | None
    """The first text that covers it: its paragraph number, None when that text is unnumbered."""
    paragraphs: tuple[str, ...]
    """Every numbered paragraph that provides it beyond a keyword (review.elements.decisive), in
    order: what `build --skip-covered` may cite. Often fewer than review's hits, and may be none."""


@dataclass(frozen=True)
class Caption:
    court: str | None
    case_number: str | None
    plaintiff: str | None
    defendant: str | None


@dataclass(frozen=True)
class DecreeReport:
    file: str
    caption: Caption
    structure: DecreeStructure
    terms: tuple[DefinedTerm, ...]
    effective_date: DefinedTerm | None
    effective_date_value: str | None
    monitor_title: str | None
    agency_term: str | None
    own_names: tuple[str, ...]
    references: tuple[FoundReference, ...]
    elements: tuple[CoveredElement, ...]
    """The elements the decree covers, in the element list's order."""
    missing_elements: tuple[str, ...]
    warnings: tuple[str, ...] = field(default=())

    def term(self, name: str) -> DefinedTerm | None:
        return next((t for t in self.terms if t.term.lower() == name.lower()), None)


def _caption(structure: DecreeStructure) -> Caption:
    head = [i.text for i in structure.items[:60]]
    lines = [ln.strip() for text in head for ln in text.split("\n") if ln.strip()]
    court = next((m.group(1).strip() for ln in lines[:20] if (m := _COURT.match(ln)) and len(ln) < 120), None)
    if court:
        at = next(i for i, ln in enumerate(lines) if ln.strip() == court)
        more = [
            ln
            for ln in lines[at + 1 : at + 3]
            if re.match(r"^(?:FOR|IN|AT)\b.*\b(?:DISTRICT|DIVISION|COUNTY)", ln, re.I)
        ]
        court = " ".join([court, *more])
    joined = "\n".join(lines[:80])
    m = _CASE_NUMBER.search(joined) or _CASE_LABELLED.search(joined)
    case = m.group(1) if m else None
    plaintiff = defendant = None
    for i, ln in enumerate(lines[:80]):
        low = ln.lower().rstrip(".,; ")
        if low in ("plaintiff", "plaintiffs") and i > 0 and plaintiff is None:
            plaintiff = lines[i - 1].rstrip(",")
        elif low in ("defendant", "defendants") and i > 0 and defendant is None:
            defendant = lines[i - 1].rstrip(",")
        elif plaintiff is None and (pm := re.match(r"^(.+?),?\s+Plaintiffs?[,.]?$", ln)):
            plaintiff = pm.group(1)
        elif defendant is None and (dm := re.match(r"^(.+?),?\s+Defendants?[,.]?$", ln)):
            defendant = dm.group(1)
    return Caption(court, case, plaintiff, defendant)


def _terms(doc: Document, structure: DecreeStructure) -> list[DefinedTerm]:
    numbers = {p.index: p for p in structure.paragraphs}
    section_of: dict[int, SectionHeading | None] = {}
    current: SectionHeading | None = None
    heads = {s.index: s for s in structure.sections}
    for item in structure.items:
        if item.index in heads and heads[item.index].level == 1:
            current = heads[item.index]
        section_of[item.index] = current
    out: list[DefinedTerm] = []
    seen: set[str] = set()
    for item in structure.items:
        if item.is_heading or item.skip or not item.text.strip():
            continue
        para = numbers.get(item.index)
        text = para.text if para else item.text
        label = para.label if para else None
        whole = re.sub(r"\s+", " ", text).strip()
        found: list[tuple[str, str, str]] = [
            (m.group(1), "means", whole) for m in DEFINITION_MEANS.finditer(text)
        ]
        for pattern in (DEFINITION_PAREN, _DEF_PAREN_LOOSE):
            for m in pattern.finditer(text):
                # what a parenthetical defines is the phrase just before it
                before = re.split(r"[.;:]\s", text[: m.start()])[-1].strip()
                found.append((m.group(1), "parenthetical", before[-120:]))
        sec = section_of.get(item.index)
        if (
            not found
            and sec is not None
            and "definition" in sec.heading.lower()
            and (bare := _DEF_BARE.match(text))
        ):
            found.append((bare.group(1), "definitions-section", whole))
        for term, form, definition in found:
            term = term.strip().rstrip(",.")
            if term.lower() in seen:
                continue
            seen.add(term.lower())
            out.append(DefinedTerm(term, label, item.index, definition, form))
    return out


def _references(structure: DecreeStructure, own_names: tuple[str, ...]) -> list[FoundReference]:
    labels = {p.label for p in structure.paragraphs}
    sections = {s.label for s in structure.sections if s.label and s.level == 1}
    bookmarks: dict[str, NumberedParagraph] = {}
    for p in structure.paragraphs:
        for name in (p.bookmark or "").split():
            bookmarks[name] = p
    numbers = {p.index: p.label for p in structure.paragraphs}
    out: list[FoundReference] = []
    for item in structure.items:
        if item.skip or item.is_heading:
            continue
        where = numbers.get(item.index)
        for ref in find_references(item.text, own_names):
            if ref.kind == "paragraph":
                exists = all(re.match(r"\d+(?:[A-Z]{1,2}|\.\d+)?", t).group() in labels for t in ref.targets)  # type: ignore[union-attr]
            elif ref.kind == "section":
                exists = all(t.split(".")[0] in sections for t in ref.targets)
            else:
                exists = True
            out.append(
                FoundReference(
                    where, item.index, ref.kind, ref.text, ref.targets, ref.external, exists or ref.external
                )
            )
        block = item.block
        if isinstance(block, Paragraph):
            for inline in block.content:
                if isinstance(inline, CrossRef):
                    target = bookmarks.get(inline.target)
                    out.append(
                        FoundReference(
                            where,
                            item.index,
                            "field",
                            f"REF {inline.target} ({inline.text.strip() or 'no result'})",
                            (target.label,) if target else (inline.target,),
                            False,
                            target is not None,
                        )
                    )
    return out


def _elements(structure: DecreeStructure) -> tuple[list[CoveredElement], list[str]]:
    numbers = {p.index: p.label for p in structure.paragraphs}
    have: list[CoveredElement] = []
    missing: list[str] = []
    texts = [(numbers.get(i.index), i.text) for i in structure.items if not i.skip and i.text.strip()]
    provisions = _provisions(structure, numbers)
    for entry in element_data().get("directive", []):
        hits = [label for label, text in texts if covered(entry, text)]
        if not hits:
            missing.append(entry["name"])
        else:
            numbered = tuple(label for label, text in provisions if decisive(entry, text))
            have.append(CoveredElement(str(entry["id"]), entry["name"], hits[0], numbered))
    return have, missing


def _provisions(structure: DecreeStructure, numbers: dict[int, str]) -> list[tuple[str, str]]:
    """Each numbered paragraph with the unnumbered items that follow it ((a)–(d), a list), as
    one text: "For each project, the Department shall:" says nothing of SARA; its items do."""
    out: list[tuple[str, list[str]]] = []
    for item in structure.items:
        if item.skip or not item.text.strip():
            continue
        if item.index in numbers:
            out.append((numbers[item.index], [item.text]))
        elif item.is_heading:
            out.append(("", []))
        elif out and out[-1][0]:
            out[-1][1].append(item.text)
    return [(label, "\n".join(parts)) for label, parts in out if label]


def inspect_document(doc: Document, file: str = "") -> DecreeReport:
    """Everything `inspect` reports about an already-read decree; NotADecreeError if it is not one."""
    structure = read_structure(doc)
    tops = structure.top_level()
    if len(tops) < 3:
        found = "no" if not tops else f"only {len(tops)}"
        raise NotADecreeError(
            f"{file}: not a decree: {found} numbered paragraphs (typed \u201c12.\u201d or Word list numbering) found"
        )
    terms = _terms(doc, structure)
    by_name = {t.term.lower(): t for t in terms}
    effective = by_name.get("effective date")
    eff_value = None
    if effective is not None and (m := _DATE.search(effective.definition)):
        eff_value = m.group()
    monitor = next((t for t in MONITOR_TITLES if t.lower() in by_name), None)
    monitor = by_name[monitor.lower()].term if monitor else None
    agency = next(
        (
            t.term
            for t in terms
            if re.search(r"Police Department|Sheriff|Police Bureau|Division of Police", t.definition)
            and t.term not in ("City", "County", "Parties", "Agreement")
            and len(t.term.split()) <= 3
        ),
        None,
    )
    own = tuple(
        dict.fromkeys(
            [
                *OWN_NAMES,
                *(t.term for t in terms if re.search(r"\b(?:Agreement|Decree|Order|Judgment)\b", t.term)),
            ]
        )
    )
    references = _references(structure, own)
    have, missing = _elements(structure)
    warnings: list[str] = []
    if structure.numbering == "mixed":
        warnings.append("paragraph numbers are partly typed and partly Word list numbering")
    prev = None
    for p in tops:
        if p.label.isdigit() and prev is not None and prev.isdigit() and int(p.label) != int(prev) + 1:
            warnings.append(f"numbering jumps from {prev} to {p.label}")
        prev = p.label if p.label.isdigit() else prev
    for ref in references:
        if not ref.exists:
            warnings.append(
                f"¶ {ref.paragraph or '?'}: \u201c{ref.text}\u201d names no paragraph or section of this decree"
            )
    return DecreeReport(
        file=file,
        caption=_caption(structure),
        structure=structure,
        terms=tuple(terms),
        effective_date=effective,
        effective_date_value=eff_value,
        monitor_title=monitor,
        agency_term=agency,
        own_names=own,
        references=tuple(references),
        elements=tuple(have),
        missing_elements=tuple(missing),
        warnings=tuple(warnings),
    )


def inspect_decree(path: Path) -> DecreeReport:
    """Read a .docx with drafter's safe reader and inspect it as a decree."""
    return inspect_document(read_docx(Path(path)), str(path))
