"""The body walk: `word/document.xml` body content (ECMA-376 Part 1 §17.2: w:p, w:tbl, block- and
run-level w:sdt §17.5.2, w:ins/w:customXml/w:smartTag containers) into the document model, with
complex and simple fields (§17.16: REF → CrossRef), bookmarks (§17.13.6), list numbers printed the
way Word prints them (`read_numbering`) and clause digests from settings.xml docVars.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from drafter.docx.read_numbering import ListNumbering, Styles
from drafter.docx.read_package import _W, _local, _on, _val
from drafter.docx.read_text import ref_target, run_child_text
from drafter.model import (
    Block,
    Cell,
    ClauseBlock,
    CrossRef,
    Heading,
    Inline,
    Paragraph,
    Run,
    Table,
    merge_runs,
)
from drafter.numbering_scheme import cited

# Containers whose children are body content in document order (block level).
_BLOCK_CONTAINERS = {"sdtContent", "customXml", "ins", "smartTag", "moveTo"}
# Containers whose children are run content (inside a paragraph).
_RUN_CONTAINERS = {"hyperlink", "ins", "smartTag", "customXml", "sdtContent", "moveTo", "dir", "bdo"}


def iter_paragraph_elements(body: etree._Element) -> Iterator[etree._Element]:
    """Every w:p of the body in document order, the same order and count as the paragraphs
    (and headings) `read_docx` produces, so a finding's paragraph index finds its element.

    Descends into tables, content controls and revision/custom-XML containers, but not into a
    paragraph (text boxes inside a paragraph belong to that paragraph's drawing, not the flow).
    """
    for child in body:
        name = _local(child)
        if name == "p":
            yield child
        elif name in ("tbl", "tr", "tc", "sdt") or name in _BLOCK_CONTAINERS:
            yield from iter_paragraph_elements(child)


class _Reader:
    """Turns the body XML into model blocks; holds state that spans paragraphs (fields, lists)."""

    def __init__(self, styles: Styles, numbering: ListNumbering, digests: dict[str, str]):
        self.styles = styles
        self.numbering = numbering
        self.digests = digests
        self.fields: list[dict] = []  # open complex fields: {"instr", "result", "phase"}
        self.pending_bookmarks: list[str] = []

    # -- blocks
    def blocks(self, parent: etree._Element) -> list[Block]:
        out: list[Block] = []
        for child in parent:
            name = _local(child)
            if name == "p":
                out.append(self.paragraph(child))
            elif name == "tbl":
                out.append(self.table(child))
            elif name == "sdt":
                out.extend(self.sdt(child))
            elif name in _BLOCK_CONTAINERS:
                out.extend(self.blocks(child))
            elif name == "bookmarkStart":
                self._bookmark(child, self.pending_bookmarks)
        return out

    def sdt(self, el: etree._Element) -> list[Block]:
        content = el.find(_W + "sdtContent")
        inner = self.blocks(content) if content is not None else []
        tag = _val(el.find(f"{_W}sdtPr/{_W}tag")) or ""
        m = re.fullmatch(r"clause:([^@\s]+)@(\d+)", tag.strip())
        if not m:
            return inner
        clause_id, version = m.group(1), int(m.group(2))
        recorded = self.digests.get(clause_id, "")
        digest = ""
        if recorded:
            ver, _, dig = recorded.partition(":")
            digest = dig if ver.strip() == str(version) or not dig else dig
        return [ClauseBlock(clause_id=clause_id, version=version, blocks=tuple(inner), digest=digest)]

    def table(self, el: etree._Element) -> Table:
        rows: list[tuple[Cell, ...]] = []
        header = False
        for i, tr in enumerate(_descend(el, "tr")):
            if i == 0:
                header = _on(tr.find(f"{_W}trPr/{_W}tblHeader"))
            cells = []
            for tc in _descend(tr, "tc"):
                paras = [p for p in _flatten_paragraphs(self.blocks(tc))]
                cells.append(Cell(tuple(paras)))
            rows.append(tuple(cells))
        style_id = _val(el.find(f"{_W}tblPr/{_W}tblStyle"))
        return Table(rows=tuple(rows), header=header, style=self.styles.name(style_id) if style_id else None)

    # -- paragraphs
    def paragraph(self, p: etree._Element) -> Paragraph | Heading:
        ppr = p.find(_W + "pPr")
        style_id = _val(ppr.find(_W + "pStyle")) if ppr is not None else None
        style_id = style_id or self.styles.default_paragraph
        bookmarks = self.pending_bookmarks
        self.pending_bookmarks = []
        content = self.inlines(p, bookmarks)
        num = self.numbering.number_paragraph(ppr, style_id)
        heading_level = self.styles.heading_level(style_id, ppr)
        bookmark = _pick_bookmark(bookmarks)
        if heading_level is not None:
            number = cited(num.label) if num and num.label else None
            return Heading(content=content, level=heading_level, number=number, bookmark=bookmark)
        if num is None:
            return Paragraph(content=content, style=self.styles.name(style_id), bookmark=bookmark)
        return Paragraph(
            content=content,
            numbering=num.kind,
            level=num.level,
            number=num.label,
            list_id=num.num_id,
            style=self.styles.name(style_id),
            bookmark=bookmark,
        )

    def inlines(self, p: etree._Element, bookmarks: list[str]) -> tuple[Inline, ...]:
        items: list[Inline] = []
        self._runs(p, items, bookmarks)
        return merge_runs(items)

    def _runs(self, parent: etree._Element, items: list[Inline], bookmarks: list[str]) -> None:
        for child in parent:
            name = _local(child)
            if name == "r":
                self._run(child, items)
            elif name == "fldSimple":
                instr = child.get(_W + "instr") or ""
                sub: list[Inline] = []
                self._runs(child, sub, bookmarks)
                target = ref_target(instr)
                if target:
                    items.append(CrossRef(target=target, text="".join(_text_of(i) for i in sub)))
                else:
                    items.extend(sub)
            elif name == "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self._runs(content, items, bookmarks)
            elif name in _RUN_CONTAINERS:
                self._runs(child, items, bookmarks)
            elif name == "bookmarkStart":
                self._bookmark(child, bookmarks)

    def _run(self, r: etree._Element, items: list[Inline]) -> None:
        rpr = r.find(_W + "rPr")
        bold = italic = highlight = False
        if rpr is not None:
            bold = _on(rpr.find(_W + "b"))
            italic = _on(rpr.find(_W + "i"))
            hl = rpr.find(_W + "highlight")
            highlight = hl is not None and (_val(hl) or "none").lower() != "none"
        for child in r:
            name = _local(child)
            if name == "fldChar":
                self._fld_char(_val(child, "fldCharType") or "", items)
                continue
            if name == "instrText":
                if self.fields and self.fields[-1]["phase"] == "instr":
                    self.fields[-1]["instr"] += child.text or ""
                continue
            text = run_child_text(child)
            if not text:
                continue
            if self.fields and self.fields[-1]["phase"] == "instr":
                continue  # stray text inside a field code
            ref = self._open_ref()
            if ref is not None:
                ref["result"] += text
            else:
                items.append(Run(text=text, bold=bold, italic=italic, highlight=highlight))

    def _open_ref(self) -> dict | None:
        """The innermost REF field whose result is being read (its text becomes a CrossRef)."""
        for fld in reversed(self.fields):
            if fld["phase"] == "result" and fld["target"]:
                return fld
        return None

    def _fld_char(self, kind: str, items: list[Inline]) -> None:
        if kind == "begin":
            self.fields.append({"instr": "", "result": "", "phase": "instr", "target": None})
        elif kind == "separate" and self.fields:
            fld = self.fields[-1]
            fld["phase"] = "result"
            fld["target"] = ref_target(fld["instr"])
        elif kind == "end" and self.fields:
            fld = self.fields.pop()
            if fld["phase"] == "instr":
                fld["target"] = ref_target(fld["instr"])
            if fld["target"]:
                outer = self._open_ref()
                if outer is not None:
                    outer["result"] += fld["result"]
                else:
                    items.append(CrossRef(target=fld["target"], text=fld["result"]))

    @staticmethod
    def _bookmark(el: etree._Element, into: list[str]) -> None:
        name = el.get(_W + "name")
        if name and name != "_GoBack":
            into.append(name)


def _descend(el: etree._Element, want: str) -> Iterator[etree._Element]:
    """Children named `want`, looking through content controls and custom XML wrappers."""
    for child in el:
        name = _local(child)
        if name == want:
            yield child
        elif name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
            yield from _descend(child, want)


def _flatten_paragraphs(blocks: list[Block]) -> Iterator[Paragraph]:
    """A cell holds only paragraphs in the model: flatten nested tables and clause blocks,
    keeping document order (the order `iter_paragraph_elements` uses). Headings in a cell
    become plain paragraphs."""
    for b in blocks:
        if isinstance(b, Paragraph):
            yield b
        elif isinstance(b, Heading):
            yield Paragraph(content=b.content, bookmark=b.bookmark, style=f"Heading {b.level}")
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row:
                    yield from cell.paragraphs
        elif isinstance(b, ClauseBlock):
            yield from _flatten_paragraphs(list(b.blocks))


def _pick_bookmark(names: list[str]) -> str | None:
    """Several bookmarks may start in one paragraph; the model keeps one string. Keep them all,
    space-separated (bookmark names cannot contain spaces), `_Ref` targets first."""
    if not names:
        return None
    ordered = sorted(dict.fromkeys(names), key=lambda n: (not n.startswith("_Ref"), names.index(n)))
    return " ".join(ordered)


def _text_of(item: Inline) -> str:
    return getattr(item, "text", "") or getattr(item, "name", "")
