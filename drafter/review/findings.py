"""Findings, and the one walk over a document every check shares.

A finding must be locatable by a person holding the printed document, so its location carries
the paragraph number as printed ("¶ 214", "¶ 214(b)"), the section heading, and a short quote;
and locatable by a program (`annotate`), so it also carries the paragraph's index in body order
(the order of `drafter.docx.read.iter_paragraph_elements`: every w:p, headings and table cells
included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from drafter.model import ClauseBlock, Document, Heading, Paragraph, Table
from drafter.numbering_scheme import parse_label

Severity = Literal["error", "warning", "note"]
SEVERITY_RANK: dict[str, int] = {"note": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Location:
    """Where a finding is. Any field may be None for a finding about the whole document."""

    paragraph: str | None = None
    """The paragraph number as printed, e.g. "214" or "214(b)"."""
    section: str | None = None
    """The enclosing level-1 (and level-2) heading, e.g. "IV. Community Partnerships › B. Plans"."""
    index: int | None = None
    """0-based index of the paragraph among all body paragraphs (headings and cells included)."""
    quote: str = ""

    def label(self) -> str:
        """A short place a person can find: "¶ 214", else the heading, else "paragraph 7"."""
        if self.paragraph:
            return f"¶ {self.paragraph}"
        if self.index is not None:
            return f"paragraph {self.index + 1}"
        return "document"


@dataclass(frozen=True)
class Finding:
    check: str
    """Stable id: "<family>.<check>", e.g. "xref.missing-bookmark"."""
    severity: Severity
    message: str
    fix: str
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class Item:
    """One body paragraph or heading as the checks see it, with its printed place."""

    index: int
    block: Paragraph | Heading
    text: str
    number: str | None
    """Printed number from list numbering or typed at the start ("214", "(b)", "IV")."""
    typed: bool
    """True when `number` was typed as text rather than produced by list numbering."""
    label: str | None
    """The number as a person cites it: "214", "214(b)"; None for unnumbered text."""
    section: str | None
    heading_path: str | None
    """Heading numbers of the enclosing section, e.g. "IV.B" (None when headings are unnumbered)."""
    clause: ClauseBlock | None
    in_table: bool
    skip: bool
    """Generated text (table of contents) that prose checks should not read."""

    @property
    def is_heading(self) -> bool:
        return isinstance(self.block, Heading)

    def loc(self, quote: str | None = None) -> Location:
        return Location(
            self.label, self.section, self.index, short(quote if quote is not None else self.text)
        )


def short(text: str, limit: int = 60) -> str:
    """A quote short enough for one line of a report or a comment title."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_WALKED: list[tuple[Document, list[Item]]] = []


def walk(doc: Document) -> list[Item]:
    """Every paragraph and heading in body order (table cells included), with the number a
    reader sees, the section it sits in, and the clause it came from.

    Every check walks the document; the last walk is kept (the same document object gives the
    same items), so a review walks it once. Callers must not mutate the list."""
    if _WALKED and _WALKED[0][0] is doc:
        return _WALKED[0][1]
    items = _walk(doc)
    _WALKED[:] = [(doc, items)]
    return items


def _walk(doc: Document) -> list[Item]:
    items: list[Item] = []
    state: dict[str, str | None] = {"h1": None, "h2": None, "n1": None, "n2": None, "last": None}

    def para(p: Paragraph | Heading, clause: ClauseBlock | None, in_table: bool) -> None:
        text = p.text
        number, typed, label = p.number, False, None
        style = (getattr(p, "style", None) or "").lower()
        skip = style.startswith("toc") or style.startswith("table of contents")
        if isinstance(p, Heading):
            typed_head = parse_label(text, heading=True) if number is None else None
            if typed_head is None and number is None:
                # "1. Introduction", "10. FUTURE REVISIONS", "4.1 Scope": arabic section numbers
                typed_head = parse_label(text)
                if typed_head is not None and typed_head.kind not in ("paragraph", "decimal"):
                    typed_head = None
            if typed_head is not None:
                number, typed = typed_head.number, True
            body = text[typed_head.end :].strip() if typed_head is not None else text
            title = f"{number}. {body}".strip() if number else text.strip()
            if p.level <= 1:
                state.update(h1=title, h2=None, n1=number, n2=None)
            else:
                state.update(h2=title, n2=number)
        else:
            if p.numbering == "decree" and number:
                if p.level == 0:
                    state["last"] = number
                    label = number
                else:
                    label = f"{state['last']}{number}" if state["last"] else number
            elif p.numbering == "ordered" and number and p.level == 0 and not in_table:
                # a Word list printing "3." or "4.1.": its number is cited like a typed one
                cited = number.rstrip(".")
                if re.fullmatch(r"\d{1,4}(?:\.\d{1,3})*", cited):
                    state["last"] = label = cited
            elif p.numbering == "none" and not in_table and not skip:
                typed_label = parse_label(text)
                if typed_label is not None and typed_label.kind in ("paragraph", "decimal", "suffixed"):
                    number, typed = typed_label.number, True
                    state["last"] = number
                    label = number
                elif typed_label is not None and typed_label.kind == "sub" and state["last"]:
                    number, typed = typed_label.number, True
                    label = f"{state['last']}{number}"
        section = " › ".join(s for s in (state["h1"], state["h2"]) if s) or None
        path = ".".join(n for n in (state["n1"], state["n2"]) if n) or None
        items.append(Item(len(items), p, text, number, typed, label, section, path, clause, in_table, skip))

    def visit(blocks: tuple, clause: ClauseBlock | None) -> None:
        for block in blocks:
            if isinstance(block, ClauseBlock):
                visit(block.blocks, block)
            elif isinstance(block, (Paragraph, Heading)):
                para(block, clause, False)
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row:
                        for p in cell.paragraphs:
                            para(p, clause, True)

    visit(doc.body, None)
    return items


def prose(items: list[Item]) -> list[Item]:
    """Items whose text is the document's own prose (not headings, not generated TOC lines)."""
    return [i for i in items if not i.is_heading and not i.skip and i.text.strip()]


def document_text(items: list[Item]) -> str:
    return "\n".join(i.text for i in items if not i.skip)


def sentences(text: str) -> list[str]:
    """Split prose into sentences, ignoring dots in numbers and common abbreviations."""
    protected = re.sub(
        r"\b(U\.S|No|Sec|Mr|Ms|Dr|e\.g|i\.e|etc|v|Inc|St)\.", lambda m: m.group(0).replace(".", "\x00"), text
    )
    protected = re.sub(r"(\d)\.(\d)", "\\1\x00\\2", protected)
    out = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"(¶])", protected)
    return [s.replace("\x00", ".").strip() for s in out if s.strip()]
