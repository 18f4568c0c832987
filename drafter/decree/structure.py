"""A host decree's skeleton: its sections and its numbered paragraphs, however they were made.

Decrees reach us three ways: numbers typed as text ("212.", "212A.", "12.3", "¶ 212") — what
PDF conversions, LibreOffice and many law offices produce; Word list numbering (numbering.xml,
"%1." with "(%2)" or decimal "%1.%2" sub-levels) — what drafter and careful Word users produce;
or, rarely, both. Section headings are Heading-styled paragraphs or plain paragraphs typed
"IV. COMMUNITY ENGAGEMENT" / "A. Community Policing Plan".

Every entry keeps its `index` in body order (`drafter.docx.read.iter_paragraph_elements`), so
`drafter.amend` can find the XML paragraph a number lives in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from drafter.model import Document, Heading, Paragraph
from drafter.numbering_scheme import parse_label, roman_value
from drafter.review.findings import Item, walk

Source = Literal["typed", "list"]


@dataclass(frozen=True)
class NumberedParagraph:
    """A paragraph the decree numbers: "212" (level 0) or a decimal sub-number "12.3" (level 1)."""

    index: int
    label: str
    level: int
    source: Source
    section: str | None
    """Label of the enclosing section ("IV"), or its heading when unnumbered."""
    text: str
    """The paragraph's text without its typed number."""
    bookmark: str | None = None


@dataclass(frozen=True)
class SectionHeading:
    index: int
    label: str | None
    heading: str
    level: int
    """1: a section ("IV. COMMUNITY ENGAGEMENT"), 2: a subsection ("A. Plans")."""
    source: Literal["typed", "list", "style"]


@dataclass(frozen=True)
class DecreeStructure:
    items: tuple[Item, ...]
    sections: tuple[SectionHeading, ...]
    paragraphs: tuple[NumberedParagraph, ...]
    numbering: Literal["typed", "list", "mixed", "none"]
    decimal: bool
    """Sub-paragraphs are numbered 12.1, 12.2 (so suffix mode should number 212.1, 212.2)."""
    suffixed: bool
    """The decree already carries suffixed numbers such as 212A."""

    def top_level(self) -> list[NumberedParagraph]:
        return [p for p in self.paragraphs if p.level == 0]


def strip_typed_number(text: str) -> str:
    """The text after a typed paragraph number ("212. The City …" → "The City …")."""
    label = parse_label(text)
    if label is None or label.kind == "sub":
        return text
    return text[label.end :].lstrip(" \t\u00a0")


def _typed_heading(text: str) -> tuple[int, str, str] | None:
    """(level, label, heading) for a plain paragraph typed as a section or subsection heading:
    short, not ending like a sentence, "IV. COMMUNITY ENGAGEMENT" or "B. District Plans"."""
    stripped = text.strip()
    if not stripped or len(stripped) > 160 or stripped.endswith((".", ";", ",", ":")):
        return None
    label = parse_label(stripped, heading=True)
    if label is None:
        return None
    heading = stripped[label.end :].strip(" \t\u00a0.:—–-")
    if not heading:
        return None
    if label.kind == "section":
        return 1, label.number, heading
    if len(heading.split()) <= 12:
        return 2, label.number, heading
    return None


def _decree_list(items: list[Item]) -> int | None:
    """The Word list that numbers the decree's paragraphs: the one numbering most paragraphs
    with plain decimal top-level labels (other lists are lists inside paragraphs)."""
    counts: Counter[int] = Counter()
    for item in items:
        block = item.block
        if isinstance(block, Paragraph) and block.numbering in ("decree", "ordered") and not item.in_table:
            if block.level == 0 and block.number and re.fullmatch(r"\d{1,4}\.?", block.number):
                counts[block.list_id] += 1
    if not counts:
        return None
    list_id, n = counts.most_common(1)[0]
    return list_id if n >= 2 else None


def read_structure(doc: Document) -> DecreeStructure:
    """Sections and numbered paragraphs of a decree, in body order."""
    items = walk(doc)
    decree_list = _decree_list(items)
    sections: list[SectionHeading] = []
    paragraphs: list[NumberedParagraph] = []
    section: str | None = None
    last_top: str | None = None
    for item in items:
        block = item.block
        if item.skip or item.in_table:
            continue
        if isinstance(block, Heading):
            label = block.number or (item.number if item.typed else None)
            heading = re.sub(
                r"^\s*(?:(?:Section|SECTION|Article|ARTICLE|Part|PART)\s+)?[IVXLC]{1,7}\.\s*", "", block.text
            )
            if label and not block.number:
                heading = (
                    re.sub(r"^\s*[A-Z]\.\s+", "", heading) if len(label) == 1 and block.level > 1 else heading
                )
            source: Literal["typed", "list", "style"] = (
                "list" if block.number else ("typed" if label else "style")
            )
            level = 1 if block.level <= 1 else 2
            if level == 2 and label and roman_value(label) and len(label) > 1:
                level = 1
            sections.append(SectionHeading(item.index, label, heading.strip(), level, source))
            if level == 1:
                section = label or heading.strip()
            continue
        if not isinstance(block, Paragraph):
            continue
        text = block.text
        if block.numbering in ("decree", "ordered") and block.number and block.list_id == decree_list:
            label = block.number.rstrip(".")
            if block.level == 0:
                paragraphs.append(
                    NumberedParagraph(item.index, label, 0, "list", section, text, block.bookmark)
                )
                last_top = label
            elif re.fullmatch(r"\d{1,4}\.\d{1,3}", label):
                paragraphs.append(
                    NumberedParagraph(item.index, label, 1, "list", section, text, block.bookmark)
                )
            continue
        if block.numbering != "none":
            continue
        typed = parse_label(text)
        if typed is not None and typed.kind in ("paragraph", "suffixed", "decimal"):
            level = 0
            if typed.kind == "decimal":
                level = 1 if last_top == str(typed.parts[0]) and len(typed.parts) == 2 else 0
            paragraphs.append(
                NumberedParagraph(
                    item.index,
                    typed.number,
                    level,
                    "typed",
                    section,
                    strip_typed_number(text),
                    block.bookmark,
                )
            )
            if level == 0:
                last_top = str(typed.parts[0])
            continue
        typed_head = _typed_heading(text)
        if typed_head:
            level, label, heading = typed_head
            sections.append(SectionHeading(item.index, label, heading, level, "typed"))
            if level == 1:
                section = label
    sources = {p.source for p in paragraphs if p.level == 0}
    numbering: Literal["typed", "list", "mixed", "none"] = (
        "none" if not sources else ("mixed" if len(sources) > 1 else sources.pop())
    )
    return DecreeStructure(
        items=tuple(items),
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        numbering=numbering,
        decimal=any(p.level == 1 for p in paragraphs),
        suffixed=any(re.fullmatch(r"\d+[A-Z]{1,2}", p.label) for p in paragraphs),
    )
