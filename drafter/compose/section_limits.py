"""Solicitation limits, measured on the composed document model.

Applicants lose points (or the whole application) for a section over its limit, so a build
that would produce one fails instead, naming the section, the limit and how far over it is.
Words and characters are counted on the model, before any word processor is involved, so
the figures do not depend on LibreOffice or Word; pages can only be counted on a rendered
PDF (`drafter build --pdf`), and are checked there.

Counting rules: words are whitespace-separated tokens; characters include spaces (what the
COPS Office's online forms count), summed over the section's paragraphs and table cells. The
heading itself does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.compose.profiles import LoadedProfile
from drafter.errors import LimitError
from drafter.model import Document, Paragraph, Table, sections


@dataclass(frozen=True)
class Measure:
    """One section's size against its limit."""

    section: str
    unit: str
    limit: int
    amount: int

    @property
    def over(self) -> int:
        return self.amount - self.limit

    def __str__(self) -> str:
        return (
            f"section '{self.section}': {self.amount} {self.unit}, limit {self.limit} "
            f"({self.over} {self.unit} over)"
        )


def section_text(blocks: tuple) -> list[str]:
    """Texts of a section's paragraphs and table cells (what a reader counts): not headings,
    not a generated table of contents (a document drafter did not write may have one)."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph) and not _generated(block):
            texts.append(block.text)
        elif isinstance(block, Table):
            texts.extend(cell.text for row in block.rows for cell in row)
    return texts


def _generated(p: Paragraph) -> bool:
    style = (p.style or "").lower()
    return style.startswith("toc") or style.startswith("table of contents")


def count(texts: list[str], unit: str) -> int:
    """The one counting rule, used by build and by review: words are whitespace-separated
    tokens; characters include spaces and are summed paragraph by paragraph (no separator
    counts between paragraphs, as the COPS forms count a pasted answer)."""
    if unit == "words":
        return sum(len(t.split()) for t in texts)
    return sum(len(t) for t in texts)


def heading_key(heading: str) -> str:
    """A heading as limits match it: without a typed label ("I. ", "A) ", "1. "), case or
    punctuation, so a profile's "Statement of the Problem" finds "I. STATEMENT OF THE PROBLEM"."""
    text = re.sub(r"^\s*(?:[IVXLC]+|[A-Z]|\d+)[.)]\s+", "", heading)
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def section_limits(loaded: LoadedProfile) -> dict[str, dict[str, int]]:
    """{heading: {unit: limit}} for every limited section of a profile."""
    return {
        s.heading: {str(unit): n for unit, n in s.limit.items()} for s in loaded.profile.sections if s.limit
    }


def measure(doc: Document, loaded: LoadedProfile) -> list[Measure]:
    """Each limited section's size (and the whole narrative's, when limited), in document order.

    Used by build (on the composed model) and by review (on a document read back), so a
    section built at exactly its limit passes both.
    """
    limits = {heading_key(h): (h, units) for h, units in section_limits(loaded).items()}
    found: list[Measure] = []
    everything: list[str] = []
    seen: set[str] = set()
    for section in sections(doc, 1):
        texts = section_text(section.blocks)
        if section.heading is None:
            continue  # the title block: not part of any section, nor of the narrative's length
        everything.extend(texts)
        key = heading_key(section.heading.text)
        if key in seen or key not in limits:
            continue
        seen.add(key)
        for unit, limit in limits[key][1].items():
            found.append(Measure(section.heading.text, unit, limit, count(texts, unit)))
    for unit in ("words", "characters"):
        if unit in loaded.profile.limits:
            found.append(
                Measure("whole narrative", unit, loaded.profile.limits[unit], count(everything, unit))
            )
    return found


def check_limits(doc: Document, loaded: LoadedProfile) -> list[Measure]:
    """All measures; raise LimitError listing every section over its limit."""
    measures = measure(doc, loaded)
    over = [m for m in measures if m.over > 0]
    if over:
        raise LimitError(str(loaded.path), over)
    return measures


def check_pages(pages: int, loaded: LoadedProfile, pdf: str) -> Measure | None:
    """The page count against the profile's page limit; LimitError when over."""
    limit = loaded.profile.limits.get("pages")
    if limit is None:
        return None
    result = Measure("whole narrative", "pages", limit, pages)
    if result.over > 0:
        raise LimitError(pdf, [result])
    return result
