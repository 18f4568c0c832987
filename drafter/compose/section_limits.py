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

from dataclasses import dataclass

from drafter.compose.profiles import LoadedProfile
from drafter.errors import DrafterError
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


class LimitError(DrafterError):
    """One or more sections exceed the solicitation's limits (exit code 2)."""

    def __init__(self, where: str, over: list[Measure]):
        self.where = where
        self.over = over
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.where}: {m}" for m in self.over]


def section_text(blocks: tuple) -> list[str]:
    """Texts of a section's paragraphs and table cells (what a reader counts)."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Table):
            texts.extend(cell.text for row in block.rows for cell in row)
    return texts


def count(texts: list[str], unit: str) -> int:
    if unit == "words":
        return sum(len(t.split()) for t in texts)
    return sum(len(t) for t in texts)


def measure(doc: Document, loaded: LoadedProfile) -> list[Measure]:
    """Each limited section's size (and the whole narrative's, when limited), in profile order."""
    limits = {s.heading: s.limit for s in loaded.profile.sections if s.limit}
    found: list[Measure] = []
    everything: list[str] = []
    for section in sections(doc, 1):
        texts = section_text(section.blocks)
        if section.heading is None:
            continue  # the title block: not part of any section, nor of the narrative's length
        everything.extend(texts)
        for unit, limit in (limits.get(section.heading.text) or {}).items():
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
