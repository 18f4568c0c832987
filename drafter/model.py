"""The document model: the one shape that writing, reading back, reviewing and comparing share.

Plain frozen dataclasses, no python-docx objects. The composer produces a `Document`; the
writer turns it into WordprocessingML; the reader turns any .docx back into one (as faithfully
as the file allows); review checks are functions `Document -> findings`.

The body is a flat sequence of blocks rather than a tree of sections because that is what a
.docx body is: a reader of a stranger's file cannot always recover a tree, and a flat list
keeps writer and reader symmetrical. `sections()` derives the grouping when a check needs it.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

# --------------------------------------------------------------------------- inline content


@dataclass(frozen=True)
class Run:
    """A stretch of text with uniform formatting.

    `highlight` marks a draft prompt ("[date of the first meeting]") that a person must
    replace before filing; the writer shades it yellow and review reports it as a blank.
    """

    text: str
    bold: bool = False
    italic: bool = False
    highlight: bool = False


def prompt_runs(text: str, prompts: tuple[str, ...], bold: bool = False) -> tuple[Run, ...]:
    """`text` as runs with each of a draft's `prompts` ("[agency.name]") in it highlighted:
    the prompt for a missing fact looks the same in a clause, the caption or a signature."""
    if not prompts or not any(p in text for p in prompts):
        return (Run(text, bold=bold),)
    pattern = re.compile("(" + "|".join(re.escape(p) for p in prompts) + ")")
    return tuple(Run(piece, bold=bold, highlight=piece in prompts) for piece in pattern.split(text) if piece)


@dataclass(frozen=True)
class CrossRef:
    """A live cross-reference to another clause's first numbered paragraph.

    `target` is the clause id; `text` is the result a reader sees before fields are updated
    (the paragraph number, e.g. "214"), filled in by the composer once numbers are known.
    The writer makes it a REF field to the bookmark on the target paragraph.
    """

    target: str
    text: str = ""


@dataclass(frozen=True)
class Term:
    """A use of a defined term, e.g. "Effective Date".

    Kept apart from Run so the composer can list exactly the terms a document uses in its
    Definitions section. Written as plain text.
    """

    name: str


Inline = Run | CrossRef | Term

# --------------------------------------------------------------------------- blocks

NumberingKind = Literal["none", "decree", "ordered", "bullet"]
"""How a paragraph is numbered.

- "none": ordinary text.
- "decree": consent-decree numbering, continuous through the whole document: level 0 is
  "212.", level 1 "(a)", level 2 "(i)". One Word list (w:num) for the whole document.
- "ordered": a list that restarts (narratives): "1." / "a." / "i.", one Word list per
  `list_id`.
- "bullet": bulleted list item at `level`.
"""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of body text.

    `number` is the number as printed ("214", "(b)", "1."), without trailing punctuation
    for decree level 0. The composer computes it (to resolve cross-references) and the
    reader recovers it (from list numbering or typed digits) so review can say "¶ 214".
    `bookmark` is the clause id whose cross-references point here.
    `style` names a paragraph style of the reference document (None: the default for the
    numbering kind).
    """

    content: tuple[Inline, ...]
    numbering: NumberingKind = "none"
    level: int = 0
    number: str | None = None
    list_id: int = 0
    style: str | None = None
    bookmark: str | None = None

    @property
    def text(self) -> str:
        """The paragraph's visible text (cross-references as their cached result)."""
        return inline_text(self.content)


@dataclass(frozen=True)
class Heading:
    """A section heading. Level 1: Roman-numbered section; level 2: lettered subsection.

    `number` is the printed label ("X", "B") when known.
    """

    content: tuple[Inline, ...]
    level: int = 1
    number: str | None = None
    bookmark: str | None = None

    @property
    def text(self) -> str:
        return inline_text(self.content)


@dataclass(frozen=True)
class Cell:
    """A table cell: one or more paragraphs."""

    paragraphs: tuple[Paragraph, ...]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Table:
    """A table; the first row is a header row when `header` is true."""

    rows: tuple[tuple[Cell, ...], ...]
    header: bool = True
    style: str | None = None
    align: tuple[str | None, ...] = ()
    """Per column: "right" (amounts), "center", or None (left); from a Markdown `---:` row."""


@dataclass(frozen=True)
class Caption:
    """The case caption of a consent decree: court, parties and case number."""

    court: str
    plaintiff: str
    defendant: str
    case_number: str
    document_title: str
    division: str | None = None
    judge: str | None = None


@dataclass(frozen=True)
class Signatory:
    """One signature line under a decree: who signs, for whom, with a date line."""

    party: str
    name: str
    title: str


@dataclass(frozen=True)
class SignatureBlock:
    signatories: tuple[Signatory, ...]


@dataclass(frozen=True)
class OrderBlock:
    """The Court's part of a filed order: "IT IS SO ORDERED", a date line and the judge's
    signature line, after the Parties' signatures."""

    judge: str | None = None
    judge_title: str = "United States District Judge"


@dataclass(frozen=True)
class TableOfContents:
    """A TOC field. The writer fills its cached result from the document's headings,
    because word processors do not refresh it when converting to PDF."""

    title: str = "Contents"
    levels: int = 2
    pages: tuple[int | None, ...] = ()
    """The page of each entry, read back from a converted PDF (drafter.docx.toc_pages); empty
    until then, and the entries print without page numbers."""


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class ClauseBlock:
    """The blocks one library clause produced, wrapped in a content control.

    Provenance: the writer tags the control `clause:<id>@<version>` (no alias: see
    docs/design-facts.md), and records `digest` (a hash of the rendered text) so review can tell a
    clause edited after drafting.
    """

    clause_id: str
    version: int
    blocks: tuple[Block, ...]
    digest: str = ""
    legal_review: bool = False


Block = (
    Paragraph
    | Heading
    | Table
    | Caption
    | SignatureBlock
    | OrderBlock
    | TableOfContents
    | PageBreak
    | ClauseBlock
)

# --------------------------------------------------------------------------- document


@dataclass(frozen=True)
class Meta:
    """Facts about the document as a whole.

    `date` drives the core properties (created/modified) so builds are reproducible.
    `header` is the short caption printed in the page header, as runs: the case name is
    italic there as it is in the body ("*United States v. City of Lakeport*, No. …").
    """

    kind: str
    title: str
    date: _dt.date | None = None
    language: str = "en-US"
    author: str = "drafter"
    header: tuple[Inline, ...] = ()
    subject: str = ""
    keywords: tuple[str, ...] = ()
    start_paragraph: int = 1
    """Number of the first decree-numbered paragraph (a directive continues a decree)."""
    start_section: int = 1
    """Number of the first level-1 heading (printed as a Roman numeral)."""
    numbered_headings: bool = True
    """Directives number headings I., A.; narratives follow the solicitation's own headings."""
    page_format: PageFormat | None = None
    """A solicitation's formatting rules (narratives); None keeps the reference document's."""
    prompts: tuple[str, ...] = ()
    """A draft's prompts for required facts the input leaves out ("[agency.name]"): the
    writer highlights them where Python-composed text prints them (caption, signatures),
    as the body's and the page header's runs already are."""


@dataclass(frozen=True)
class PageFormat:
    """Formatting a solicitation requires (font, size, spacing, margins, page numbers).

    Carried on Meta so the writer can apply it over the reference document's styles; every
    field None means "as the reference document has it".
    """

    font: str | None = None
    size_pt: float | None = None
    line_spacing: float | None = None
    """1.0 single, 2.0 double."""
    margins_in: float | None = None
    page_numbers: bool | None = None


@dataclass(frozen=True)
class Document:
    meta: Meta
    body: tuple[Block, ...]
    terms: tuple[tuple[str, str], ...] = field(default=())
    """(term, definition) pairs the document defines, in order of appearance."""


# --------------------------------------------------------------------------- helpers


def inline_text(content: tuple[Inline, ...]) -> str:
    """Visible text of inline content."""
    parts: list[str] = []
    for item in content:
        if isinstance(item, Run):
            parts.append(item.text)
        elif isinstance(item, CrossRef):
            parts.append(item.text)
        elif isinstance(item, Term):
            parts.append(item.name)
    return "".join(parts)


def merge_runs(items: list[Inline] | tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Join neighbouring runs of identical formatting: the same text in fewer pieces (Word
    splits runs for spell-check and revision ids; Markdown splits them at every token)."""
    merged: list[Inline] = []
    for item in items:
        last = merged[-1] if merged else None
        if (
            isinstance(item, Run)
            and isinstance(last, Run)
            and (last.bold, last.italic, last.highlight) == (item.bold, item.italic, item.highlight)
        ):
            merged[-1] = Run(last.text + item.text, last.bold, last.italic, last.highlight)
        else:
            merged.append(item)
    return tuple(merged)


def iter_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block in document order, descending into clause blocks (not into tables)."""
    for block in blocks:
        if isinstance(block, ClauseBlock):
            yield block
            yield from iter_blocks(block.blocks)
        else:
            yield block


def iter_paragraphs(blocks: tuple[Block, ...]) -> Iterator[Paragraph]:
    """Every body paragraph in order, including those inside clause blocks and table cells."""
    for block in iter_blocks(blocks):
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    yield from cell.paragraphs


@dataclass(frozen=True)
class Section:
    """A derived grouping: a heading and the blocks up to the next heading of its level or
    higher. Built by `sections()`; not stored in the document."""

    heading: Heading | None
    blocks: tuple[Block, ...]


def sections(doc: Document, level: int = 1) -> list[Section]:
    """Group the flattened body by headings of `level` or higher (a lower number).

    Blocks before the first heading form a section whose heading is None.
    """
    result: list[Section] = []
    current: Heading | None = None
    bucket: list[Block] = []
    for block in iter_blocks(doc.body):
        if isinstance(block, ClauseBlock):
            continue
        if isinstance(block, Heading) and block.level <= level:
            if current is not None or bucket:
                result.append(Section(current, tuple(bucket)))
            current, bucket = block, []
        else:
            bucket.append(block)
    if current is not None or bucket:
        result.append(Section(current, tuple(bucket)))
    return result


def clause_digest(blocks: tuple[Block, ...]) -> str:
    """A short hash of a clause's visible text, whitespace folded.

    Recorded when a clause is written and recomputed when a document is read back, so review
    can tell a clause whose words were changed in Word after drafting. Formatting changes do
    not count; cross-reference numbers do not count either (they change when paragraphs are
    inserted above, which is not an edit of the clause).
    """
    texts: list[str] = []
    for para in iter_paragraphs(blocks):
        texts.append(inline_text(tuple(i for i in para.content if not isinstance(i, CrossRef))))
    for block in iter_blocks(blocks):
        if isinstance(block, Heading):
            texts.append(block.text)
    folded = re.sub(r"\s+", " ", " ".join(texts)).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]
