"""The main document part (ECMA-376 Part 1, 17.2-17.4: ``w:body`` paragraphs, runs, tables)
plus the header and footer parts: the document model turned into WordprocessingML.

The reference .docx supplies styles, page setup and any letterhead; its body is replaced.
Every body element is built with lxml and appended in one pass: python-docx's
``add_paragraph`` searches the body for the section properties on every call (O(n^2)).
This module walks the blocks; the pieces with a job of their own live beside it: styles
(docx.styles), tables (docx.tables), caption and signatures (docx.court), headings' labels
and the contents (docx.toc), list numbering (docx.numbering), fields (docx.fields).
A letterhead given with --reference-doc arrives with the styles it lacked already borrowed
(drafter.docx.reference).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import docx
from lxml import etree

from drafter import model as m
from drafter.docx import controls, court, fields, tables, toc
from drafter.docx.fields import W, el, sub
from drafter.docx.numbering import Numbering, num_pr
from drafter.docx.package import atomic_write, build_datetime, save_deterministic, set_core_properties
from drafter.docx.page_format import apply_page_format
from drafter.docx.reference import Reference, as_reference
from drafter.docx.styles import DEFAULT_STYLES, StyleMap, rpr, set_default_language
from drafter.safe_write import check_target


class _Builder:
    """One build: counters for ids that must be unique and the same on every run."""

    def __init__(self, doc: m.Document, document: docx.document.Document, reference: Path):
        self.doc = doc
        self.document = document
        self.styles = StyleMap(document.styles.element, reference)
        self.numbering = Numbering(
            document.part.numbering_part.element, doc.meta.start_paragraph, doc.meta.start_section
        )
        self.when = build_datetime(doc.meta.date)
        self.next_bookmark = 0
        self.next_control = 1
        self.bookmarks: set[str] = set()
        self.doc_vars: list[tuple[str, str]] = []

    # ----------------------------------------------------------------- inline content
    def inline(self, content: tuple[m.Inline, ...], bold: bool = False) -> list[etree._Element]:
        out: list[etree._Element] = []
        for item in content:
            if isinstance(item, m.Run):
                out.append(fields.run(item.text, rpr(item.bold or bold, item.italic, item.highlight)))
            elif isinstance(item, m.Term):
                out.append(fields.run(item.name, rpr(bold)))
            elif isinstance(item, m.CrossRef):
                out.extend(
                    fields.ref_field(
                        fields.bookmark_name(item.target), item.text or f"[{item.target}]", rpr(bold)
                    )
                )
        return out

    def bookmark(self, p: etree._Element, clause_id: str | None) -> None:
        """Bookmark the whole paragraph; a name is used once (the first paragraph wins)."""
        if not clause_id:
            return
        name = fields.bookmark_name(clause_id)
        if name in self.bookmarks:
            return
        self.bookmarks.add(name)
        ident, self.next_bookmark = self.next_bookmark, self.next_bookmark + 1
        ppr = p.find(W + "pPr")
        start = fields.bookmark_start(ident, name)
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(fields.bookmark_end(ident))

    # ----------------------------------------------------------------- blocks
    def paragraph(self, para: m.Paragraph, in_cell: bool = False, bold: bool = False) -> etree._Element:
        key = (
            "decree0"
            if para.numbering == "decree" and para.level == 0
            else ("decree1" if para.numbering == "decree" else para.numbering)
        )
        style = para.style or (None if in_cell and key == "none" else DEFAULT_STYLES[key])
        p, ppr = self.styles.para(style)
        if para.numbering == "decree":
            ppr.append(num_pr(self.numbering.decree(), para.level))
        elif para.numbering == "ordered":
            ppr.append(num_pr(self.numbering.ordered(para.list_id), para.level))
        elif para.numbering == "bullet":
            ppr.append(num_pr(self.numbering.bullets(), para.level))
        p.extend(self.inline(para.content, bold))
        self.bookmark(p, para.bookmark)
        return p

    def heading(self, heading: m.Heading) -> etree._Element:
        p, ppr = self.styles.para("Heading 1" if heading.level <= 1 else "Heading 2")
        if toc.heading_label_of(self.doc, heading) is not None:
            ppr.append(num_pr(self.numbering.headings(), min(heading.level, 2) - 1))
        p.extend(self.inline(heading.content))
        self.bookmark(p, heading.bookmark)
        return p

    def clause(self, block: m.ClauseBlock) -> etree._Element:
        ident, self.next_control = self.next_control, self.next_control + 1
        children = self.blocks(block.blocks)
        digest = block.digest or m.clause_digest(block.blocks)
        self.doc_vars.append(controls.digest_variable(block.clause_id, block.version, digest))
        if block.legal_review:
            first = controls.first_paragraph(children)
            if first is None:
                first = el("p")
                children.insert(0, first)
            controls.add_comment(self.document, first, controls.LEGAL_REVIEW_TEXT, self.when)
        return controls.content_control(ident, block.clause_id, block.version, children)

    def blocks(self, blocks: tuple[m.Block, ...]) -> list[etree._Element]:
        out: list[etree._Element] = []
        for block in blocks:
            if isinstance(block, m.Paragraph):
                out.append(self.paragraph(block))
            elif isinstance(block, m.Heading):
                out.append(self.heading(block))
            elif isinstance(block, m.ClauseBlock):
                out.append(self.clause(block))
            elif isinstance(block, m.Table):
                out.append(tables.table(self.styles, block, self.paragraph))
                spacer, spacer_ppr = self.styles.para(None)  # space after the table before the next paragraph
                sub(
                    spacer_ppr, "spacing", {"before": "0", "after": "120", "line": "120", "lineRule": "exact"}
                )
                out.append(spacer)
            elif isinstance(block, m.Caption):
                out.extend(court.caption(self.styles, block, self.doc.meta.prompts))
            elif isinstance(block, m.SignatureBlock):
                court.keep_with_signatures(out)
                out.extend(court.signatures(self.styles, block, self.doc.meta.prompts))
            elif isinstance(block, m.OrderBlock):
                out.extend(court.order(self.styles, block))
            elif isinstance(block, m.TableOfContents):
                out.extend(toc.toc(self.styles, block, toc.toc_entries(self.doc)))
            elif isinstance(block, m.PageBreak):
                p = el("p")
                sub(sub(p, "r"), "br", {"type": "page"})
                out.append(p)
            else:  # pragma: no cover - the model's Block union is closed
                raise TypeError(f"unknown block {type(block).__name__}")
        return out

    # ----------------------------------------------------------------- header/footer
    def header_footer(self) -> None:
        for section in self.document.sections:
            if self.doc.meta.header:
                header = section.header
                header.is_linked_to_previous = False
                self._fill(header, self.styles.para("Header")[0], self.inline(self.doc.meta.header))
            footer = section.footer
            footer.is_linked_to_previous = False
            runs = [fields.run("Page "), *fields.page_field(), fields.run(" of "), *fields.numpages_field()]
            p, ppr = self.styles.para("Footer")
            sub(ppr, "jc", {"val": "center"})
            self._fill(footer, p, runs)

    @staticmethod
    def _fill(part_owner: object, p: etree._Element, runs: list[etree._Element]) -> None:
        """Add drafter's line to a header or footer. The reference's own lines stay (a
        letterhead's name, address or logo); its empty lines and any line with a page-number
        field give way, so page numbers are never shown twice."""
        container = part_owner._element  # type: ignore[attr-defined]  # noqa: SLF001
        for child in list(container):
            if not _letterhead_line(child):
                container.remove(child)
        p.extend(runs)
        container.append(p)


def _letterhead_line(element: etree._Element) -> bool:
    """A header or footer line worth keeping: text or a picture, and no page-number field."""
    if any("PAGE" in (t.text or "").upper() for t in element.iter(W + "instrText")):
        return False
    if any(
        e.get(W + "instr", "").upper().strip().startswith(("PAGE", "NUMPAGES"))
        for e in element.iter(W + "fldSimple")
    ):
        return False
    has_text = any((t.text or "").strip() for t in element.iter(W + "t"))
    has_picture = any(True for _ in element.iter(W + "drawing", W + "pict", W + "object"))
    return has_text or has_picture


def render_docx(doc: m.Document, reference: Path | Reference) -> bytes:
    """The .docx bytes for `doc`, styled by `reference`; the same input gives the same bytes."""
    ref = as_reference(reference)
    document = ref.open()
    builder = _Builder(doc, document, ref.path)
    elements = builder.blocks(doc.body)
    body = document.element.body
    sect_pr = body.find(W + "sectPr")
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    if sect_pr is None:
        body.extend(elements)
    else:
        for element in elements:
            sect_pr.addprevious(element)
    builder.numbering.finish()
    builder.header_footer()
    apply_page_format(document, doc.meta.page_format)
    set_default_language(document.styles.element, doc.meta.language)
    settings = document.settings.element
    fields.set_update_fields(settings)
    controls.set_doc_vars(settings, builder.doc_vars)
    meta = doc.meta
    set_core_properties(
        document,
        title=meta.title,
        subject=meta.subject,
        keywords=meta.keywords,
        language=meta.language,
        author=meta.author,
        when=builder.when,
    )
    return save_deterministic(document)


def write_docx(
    doc: m.Document, path: Path, reference: Path | Reference, force: bool = False, inputs: Iterable[Path] = ()
) -> None:
    """Render `doc` and save it atomically at `path` (an existing file only with `force`,
    never one of `inputs`)."""
    path = Path(path)
    inputs = list(inputs)
    check_target(path, force=force, inputs=inputs)  # fail before the work, not after
    atomic_write(path, render_docx(doc, reference), force, inputs)
