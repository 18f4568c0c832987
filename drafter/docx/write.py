"""The main document part (ECMA-376 Part 1, 17.2-17.4: ``w:body`` paragraphs, runs, tables)
plus the header and footer parts: the document model turned into WordprocessingML.

The reference .docx supplies styles, page setup and any letterhead; its body is replaced.
Every body element is built with lxml and appended in one pass: python-docx's
``add_paragraph`` searches the body for the section properties on every call (O(n^2)) and
looks styles up by scanning all of them, so style ids are resolved once here, by name,
from styles.xml. A style the writer needs but the reference lacks is a LibraryError naming
the file and the style (no silent fallback: a filing in the wrong style is worse than a
clear error the person restyling the reference can fix).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from drafter import model as m
from drafter.docx import controls, fields
from drafter.docx.fields import W, el, sub
from drafter.docx.numbering import Numbering, num_pr
from drafter.docx.package import atomic_write, build_datetime, save_deterministic, set_core_properties
from drafter.docx.page_format import apply_page_format
from drafter.docx.read_package import clean_package
from drafter.errors import DocxReadError, LibraryError
from drafter.numbering_scheme import heading_label
from drafter.safe_write import check_target

DEFAULT_STYLES: dict[str, str] = {
    "none": "Body Text",
    "decree0": "Decree Paragraph",
    "decree1": "Decree Subparagraph",
    "ordered": "List Number",
    "bullet": "List Bullet",
}
SIGNATURE_LINE_END = 9360  # twips from the left margin: the right margin of a letter page


class StyleMap:
    """Style names to ids, read once from styles.xml (names compared case-insensitively,
    because Word stores built-in names in lower case: "heading 1", "toc 1")."""

    def __init__(self, styles_root: etree._Element, reference: Path):
        self._reference = reference
        self._ids: dict[tuple[str, str], str] = {}
        for style in styles_root.iter(W + "style"):
            name = style.find(W + "name")
            if name is not None:
                key = (style.get(W + "type", "paragraph"), name.get(W + "val", "").lower())
                self._ids.setdefault(key, style.get(W + "styleId", ""))

    def id(self, name: str, kind: str = "paragraph") -> str:
        try:
            return self._ids[(kind, name.lower())]
        except KeyError:
            raise LibraryError(
                f"{self._reference}: the {kind} style {name!r} is missing from this reference "
                f"document; add it in Word or regenerate it with scripts/make_reference_docx.py"
            ) from None


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
        self.heading_labels = self._heading_labels()
        self.heading_index = 0

    # ----------------------------------------------------------------- headings and TOC
    def _heading_labels(self) -> list[str | None]:
        """The label each heading shows ("IV."), from the number the composer gave it; None
        for a heading Word's heading list does not number."""
        labels: list[str | None] = []
        for block in m.iter_blocks(self.doc.body):
            if not isinstance(block, m.Heading):
                continue
            numbered = self.doc.meta.numbered_headings and block.level <= 2 and block.number
            labels.append(heading_label(block.number) if numbered and block.number else None)
        return labels

    def toc_entries(self) -> list[tuple[int, str]]:
        headings = [b for b in m.iter_blocks(self.doc.body) if isinstance(b, m.Heading)]
        return [
            (h.level, f"{label} {h.text}" if label else h.text)
            for h, label in zip(headings, self.heading_labels, strict=False)
        ]

    # ----------------------------------------------------------------- inline content
    def inline(self, content: tuple[m.Inline, ...], bold: bool = False) -> list[etree._Element]:
        out: list[etree._Element] = []
        for item in content:
            if isinstance(item, m.Run):
                out.append(fields.run(item.text, self.rpr(item.bold or bold, item.italic, item.highlight)))
            elif isinstance(item, m.Term):
                out.append(fields.run(item.name, self.rpr(bold)))
            elif isinstance(item, m.CrossRef):
                out.extend(
                    fields.ref_field(
                        fields.bookmark_name(item.target), item.text or f"[{item.target}]", self.rpr(bold)
                    )
                )
        return out

    @staticmethod
    def rpr(bold: bool = False, italic: bool = False, highlight: bool = False) -> etree._Element | None:
        if not (bold or italic or highlight):
            return None
        rpr = el("rPr")
        if bold:
            sub(rpr, "b")
        if italic:
            sub(rpr, "i")
        if highlight:
            sub(rpr, "highlight", {"val": "yellow"})
        return rpr

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

    def para(self, style: str | None) -> tuple[etree._Element, etree._Element]:
        """A new paragraph and its pPr, styled by name (resolved to an id once per name)."""
        p = el("p")
        ppr = sub(p, "pPr")
        if style:
            sub(ppr, "pStyle", {"val": self.styles.id(style)})
        return p, ppr

    # ----------------------------------------------------------------- blocks
    def paragraph(self, para: m.Paragraph, in_cell: bool = False, bold: bool = False) -> etree._Element:
        key = (
            "decree0"
            if para.numbering == "decree" and para.level == 0
            else ("decree1" if para.numbering == "decree" else para.numbering)
        )
        style = para.style or (None if in_cell and key == "none" else DEFAULT_STYLES[key])
        p, ppr = self.para(style)
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
        label = self.heading_labels[self.heading_index]
        self.heading_index += 1
        p, ppr = self.para("Heading 1" if heading.level <= 1 else "Heading 2")
        if label is not None:
            ppr.append(num_pr(self.numbering.headings(), min(heading.level, 2) - 1))
        p.extend(self.inline(heading.content))
        self.bookmark(p, heading.bookmark)
        return p

    def toc(self, toc: m.TableOfContents) -> list[etree._Element]:
        title, _ = self.para("TOC Heading")
        title.append(fields.run(toc.title))
        style_ids = {1: self.styles.id("TOC 1"), 2: self.styles.id("TOC 2")}
        entries = [(min(lvl, 2), text) for lvl, text in self.toc_entries()]
        return [title, *fields.toc_paragraphs(entries, toc.levels, style_ids, toc.pages, SIGNATURE_LINE_END)]

    def table(self, table: m.Table) -> etree._Element:
        tbl = el("tbl")
        tbl_pr = sub(tbl, "tblPr")
        sub(tbl_pr, "tblStyle", {"val": self.styles.id(table.style or "Table Grid", "table")})
        sub(tbl_pr, "tblW", {"w": "5000", "type": "pct"})
        sub(
            tbl_pr,
            "tblLook",
            {
                "val": "04A0",
                "firstRow": "1",
                "lastRow": "0",
                "firstColumn": "0",
                "lastColumn": "0",
                "noHBand": "0",
                "noVBand": "1",
            },
        )
        columns = max((len(r) for r in table.rows), default=1) or 1
        grid = sub(tbl, "tblGrid")
        for _ in range(columns):
            sub(grid, "gridCol", {"w": str(SIGNATURE_LINE_END // columns)})
        for index, row in enumerate(table.rows):
            tr = sub(tbl, "tr")
            is_header = table.header and index == 0
            tr_pr = sub(tr, "trPr")
            sub(tr_pr, "cantSplit")
            if is_header:
                sub(tr_pr, "tblHeader")  # repeated at the top of every page
            last_row = index == len(table.rows) - 1
            for column, cell in enumerate(row):
                tc = sub(tr, "tc")
                sub(sub(tc, "tcPr"), "tcW", {"w": str(SIGNATURE_LINE_END // columns), "type": "dxa"})
                align = table.align[column] if column < len(table.align) else None
                for para in cell.paragraphs:
                    p = self.paragraph(para, in_cell=True, bold=is_header)
                    _cell_paragraph(p, align, keep_with_next=not last_row)
                    tc.append(p)
                if not cell.paragraphs:
                    sub(tc, "p")
        return tbl

    def caption(self, cap: m.Caption) -> list[etree._Element]:
        court, _ = self.para("Caption Court")
        court.append(fields.run(cap.court))
        heads = [court]
        if cap.division:
            division, _ = self.para("Caption Court")
            division.append(fields.run(cap.division))
            heads.append(division)
        tbl = el("tbl")
        tbl_pr = sub(tbl, "tblPr")
        sub(tbl_pr, "tblW", {"w": "5000", "type": "pct"})
        sub(tbl_pr, "tblLayout", {"type": "fixed"})
        grid = sub(tbl, "tblGrid")
        widths = (5040, 4320)
        for width in widths:
            sub(grid, "gridCol", {"w": str(width)})
        tr = sub(tbl, "tr")
        parties_style = self.styles.id("Caption Parties")
        left_lines = [
            (f"{cap.plaintiff},", 0),
            ("Plaintiff,", 2160),
            ("", 0),
            ("v.", 720),
            ("", 0),
            (f"{cap.defendant},", 0),
            ("Defendant.", 2160),
        ]
        number = (
            cap.case_number if cap.case_number.lower().startswith("case") else f"Case No. {cap.case_number}"
        )
        for col, width in enumerate(widths):
            tc = sub(tr, "tc")
            tc_pr = sub(tc, "tcPr")
            sub(tc_pr, "tcW", {"w": str(width), "type": "dxa"})
            if col == 0:  # the ")" rule of a caption: right and bottom borders on the parties
                borders = sub(tc_pr, "tcBorders")
                sub(borders, "bottom", {"val": "single", "sz": "4", "space": "0", "color": "auto"})
                sub(borders, "right", {"val": "single", "sz": "4", "space": "0", "color": "auto"})
            sub(tc_pr, "vAlign", {"val": "center"})
            right = [(number, 360)] + ([("", 0), (cap.judge, 360)] if cap.judge else [])
            lines = left_lines if col == 0 else right
            for text, indent in lines:
                p = sub(tc, "p")
                ppr = sub(p, "pPr")
                sub(ppr, "pStyle", {"val": parties_style})
                if indent:
                    sub(ppr, "ind", {"left": str(indent)})
                if text:
                    p.append(fields.run(text))
        title, _ = self.para("Title")
        title.append(fields.run(cap.document_title))
        spacer = el("p")
        return [*heads, tbl, spacer, title]

    def signatures(self, block: m.SignatureBlock) -> list[etree._Element]:
        out: list[etree._Element] = []
        for signatory in block.signatories:
            lines: list[tuple[str, int | None, bool]] = [
                (signatory.party, None, True),
                ("\t", SIGNATURE_LINE_END, False),
                (signatory.name, None, False),
                (signatory.title, None, False),
                ("Date: \t", SIGNATURE_LINE_END - 1800, False),
            ]
            for index, (text, line_end, bold) in enumerate(lines):
                p, ppr = self.para("Signature Block")
                if line_end is not None:  # a rule drawn by a tab leader, not typed underscores
                    tabs = sub(ppr, "tabs")
                    sub(tabs, "tab", {"val": "left", "leader": "underscore", "pos": str(line_end)})
                if index in (0, 1):
                    sub(ppr, "spacing", {"before": "480"})
                if text:
                    p.append(fields.run(text, self.rpr(bold)))
                out.append(p)
        return out

    def order(self, block: m.OrderBlock) -> list[etree._Element]:
        """IT IS SO ORDERED, the date line and the judge's signature line, kept together on
        one page."""
        lines: list[tuple[str, int | None, bool, str]] = [
            ("IT IS SO ORDERED.", None, True, "720"),
            ("Dated: \t", SIGNATURE_LINE_END - 1800, False, "480"),
            ("\t", SIGNATURE_LINE_END, False, "720"),
            (block.judge or "", None, False, "0"),
            (block.judge_title, None, False, "0"),
        ]
        out: list[etree._Element] = []
        for index, (text, line_end, bold, before) in enumerate(lines):
            if not text:
                continue
            p, ppr = self.para("Signature Block")
            if index < len(lines) - 1:
                sub(ppr, "keepNext")
            if line_end is not None:
                tabs = sub(ppr, "tabs")
                sub(tabs, "tab", {"val": "left", "leader": "underscore", "pos": str(line_end)})
            if before != "0":
                sub(ppr, "spacing", {"before": before})
            p.append(fields.run(text, self.rpr(bold)))
            out.append(p)
        return out

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
                out.append(self.table(block))
                spacer, spacer_ppr = self.para(None)  # space after the table before the next paragraph
                sub(
                    spacer_ppr, "spacing", {"before": "0", "after": "120", "line": "120", "lineRule": "exact"}
                )
                out.append(spacer)
            elif isinstance(block, m.Caption):
                out.extend(self.caption(block))
            elif isinstance(block, m.SignatureBlock):
                out.extend(self.signatures(block))
            elif isinstance(block, m.OrderBlock):
                out.extend(self.order(block))
            elif isinstance(block, m.TableOfContents):
                out.extend(self.toc(block))
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
                self._fill(header, self.para("Header")[0], [fields.run(self.doc.meta.header)])
            footer = section.footer
            footer.is_linked_to_previous = False
            runs = [fields.run("Page "), *fields.page_field(), fields.run(" of "), *fields.numpages_field()]
            p, ppr = self.para("Footer")
            sub(ppr, "jc", {"val": "center"})
            self._fill(footer, p, runs)

    @staticmethod
    def _fill(part_owner: object, p: etree._Element, runs: list[etree._Element]) -> None:
        """Replace a header's or footer's content with one paragraph."""
        container = part_owner._element  # type: ignore[attr-defined]  # noqa: SLF001
        for child in list(container):
            container.remove(child)
        p.extend(runs)
        container.append(p)


def _cell_paragraph(p: etree._Element, align: str | None, keep_with_next: bool) -> None:
    """Right-align amounts (a `---:` column); keep every row with the next one, so a table's
    total never starts a page alone (Word honours keepNext across rows); and single-space
    cells, which a double-spaced solicitation format would otherwise stretch."""
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{W}pPr")
        p.insert(0, ppr)
    added = [el("keepNext")] if keep_with_next else []
    added.append(el("spacing", {"before": "0", "after": "0", "line": "240", "lineRule": "auto"}))
    if align in ("right", "center"):
        added.append(el("jc", {"val": align}))
    style = ppr.find(f"{W}pStyle")
    at = 1 if style is not None else 0  # schema order: pStyle, keepNext, spacing, jc, rPr
    for offset, child in enumerate(added):
        ppr.insert(at + offset, child)


def _open_reference(reference: Path) -> docx.document.Document:
    """The reference document, through the safe reader and re-serialised (see
    drafter.docx.read_package.clean_package): its parts are copied into the output."""
    try:
        data = clean_package(reference, purpose="a reference document")
        return docx.Document(io.BytesIO(data))
    except DocxReadError as exc:
        raise LibraryError(f"{reference}: {exc}") from None
    except (OSError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError) as exc:
        raise LibraryError(f"{reference}: cannot open the reference document: {exc}") from None


def render_docx(doc: m.Document, reference: Path) -> bytes:
    """The .docx bytes for `doc`, styled by `reference`; the same input gives the same bytes."""
    reference = Path(reference)
    if not reference.is_file():
        raise LibraryError(f"{reference}: reference document not found")
    document = _open_reference(reference)
    builder = _Builder(doc, document, reference)
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
    defaults = document.styles.element.find(f"{W}docDefaults")
    if defaults is None:
        defaults = el("docDefaults")
        document.styles.element.insert(0, defaults)
    rpr_default = defaults.find(f"{W}rPrDefault")
    if rpr_default is None:
        rpr_default = el("rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(f"{W}rPr")
    if rpr is None:
        rpr = sub(rpr_default, "rPr")
    lang = rpr.find(f"{W}lang")
    if lang is None:
        lang = sub(rpr, "lang")
    lang.set(f"{W}val", doc.meta.language)
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


def toc_entries(doc: m.Document, reference: Path) -> list[tuple[int, str]]:
    """(level, "XIV. Problem Solving") for each heading the contents list, as the writer prints them."""
    builder = _Builder(doc, _open_reference(Path(reference)), Path(reference))
    return builder.toc_entries()


def write_docx(
    doc: m.Document, path: Path, reference: Path, force: bool = False, inputs: Iterable[Path] = ()
) -> None:
    """Render `doc` and save it atomically at `path` (an existing file only with `force`,
    never one of `inputs`)."""
    path = Path(path)
    inputs = list(inputs)
    check_target(path, force=force, inputs=inputs)  # fail before the work, not after
    atomic_write(path, render_docx(doc, reference), force, inputs)
