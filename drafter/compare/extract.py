"""The comparable units of a .docx body: paragraphs (with their text, number label and the runs
that carry the text) and tables (rows of cells of paragraphs), in document order.

OOXML walked (ECMA-376 Part 1 §17.2–17.3): w:p, w:tbl/w:tr/w:tc, block-level w:sdt and
w:customXml wrappers (looked through: a clause's content control does not change what is
compared). A paragraph's text and the runs that carry it come from the shared
`drafter.docx.read_text` walk (field codes are not text; field results are). List numbers come
from drafter's own reader (`ListNumbering`), so a Word list label is known even though it is
not in the text.

The package is opened by drafter's shared reader (`drafter.docx.read.open_main`): limits on
size and entries, no entity expansion. A document that already carries tracked changes is refused: marking
changes on top of someone else's unresolved ones would produce a redline no one can trust.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from drafter.compare.labels import Label, LabelKind, find_references, mask_references, typed_label
from drafter.docx.read import open_main
from drafter.docx.read_numbering import ListNumbering, Styles
from drafter.docx.read_package import _W, DocxPackage, _local, _val
from drafter.docx.read_text import Piece, paragraph_text
from drafter.errors import DocxReadError

_WRAPPERS = {"sdt", "sdtContent", "customXml", "smartTag"}
_REVISIONS = ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange", "numberingChange")


@dataclass
class Para:
    """A paragraph as compare sees it. `key` is what paragraphs are matched on: the text
    without its label, references masked, spaces collapsed. `label`/`label_kind` is the
    paragraph's number, typed or from a Word list; `typed` is set when the label is in the text."""

    el: etree._Element
    text: str
    pieces: list[Piece]
    key: str
    label: str | None = None
    label_kind: LabelKind | None = None
    typed: Label | None = None
    heading: int | None = None

    @property
    def body(self) -> str:
        """The text after a typed label."""
        return self.text[self.typed.end :] if self.typed else self.text


@dataclass
class Cell:
    el: etree._Element
    paras: list[Para]


@dataclass
class Row:
    el: etree._Element
    cells: list[Cell]
    key: str = ""


@dataclass
class Table:
    el: etree._Element
    rows: list[Row]
    key: str = ""

    @property
    def text(self) -> str:
        return "\n".join(p.text for r in self.rows for c in r.cells for p in c.paras)


Unit = Para | Table


@dataclass
class Body:
    """One side of a comparison: its package, document part, parsed XML and units."""

    path: Path
    pkg: DocxPackage
    part: str
    root: etree._Element
    units: list[Unit]
    style_ids: set[str]
    """The styleIds and numIds this side defines: a copied OLD paragraph keeps only those."""
    num_ids: set[str]


def read_body(path: Path) -> Body:
    """Open `path` with drafter's shared reader (`open_main`) and list its comparable units."""
    doc = open_main(Path(path))
    try:
        if any(doc.body.find(f".//{_W}{name}") is not None for name in _REVISIONS):
            raise DocxReadError("already has tracked changes; accept or reject them first, then compare")
        try:
            units = _Walker(doc.styles, doc.numbering).units(doc.body)
        except RecursionError:
            raise DocxReadError(f"{doc.part}: content nested too deeply") from None
    except DocxReadError:
        doc.pkg.close()
        raise
    return Body(Path(path), doc.pkg, doc.part, doc.root, units, doc.styles.ids, doc.numbering.num_ids)


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Walker:
    def __init__(self, styles: Styles, numbering: ListNumbering):
        self.styles = styles
        self.numbering = numbering

    def units(self, parent: etree._Element) -> list[Unit]:
        out: list[Unit] = []
        for child in parent:
            name = _local(child)
            if name == "p":
                out.append(self.para(child))
            elif name == "tbl":
                out.append(self.table(child))
            elif name in _WRAPPERS:
                out.extend(self.units(child))
        return out

    def table(self, el: etree._Element) -> Table:
        rows = []
        for tr in _children(el, "tr"):
            cells = [
                Cell(tc, [u for u in self.units(tc) if isinstance(u, Para)]) for tc in _children(tr, "tc")
            ]
            # Nested tables are compared as text inside their cell's paragraphs' neighbours;
            # they are rare in decrees and listed here only through their paragraphs.
            key = "\x1f".join("\x1e".join(p.key for p in c.paras) for c in cells)
            rows.append(Row(tr, cells, key))
        return Table(el, rows, "\x00table\x1d" + "\x1d".join(r.key for r in rows))

    def para(self, p: etree._Element) -> Para:
        read = paragraph_text(p)
        text, pieces = read.text, read.pieces
        ppr = p.find(_W + "pPr")
        style_id = _val(ppr.find(_W + "pStyle")) if ppr is not None else None
        style_id = style_id or self.styles.default_paragraph
        heading = self.styles.heading_level(style_id, ppr)
        num = self.numbering.number_paragraph(ppr, style_id)
        para = Para(p, text, pieces, "", heading=heading)
        if num is not None and num.label:
            para.label = num.label.strip().rstrip(".")
            para.label_kind = _list_kind(heading, num.kind, num.level)
        else:
            typed = typed_label(text, heading)
            if typed is not None:
                para.typed = typed
                para.label = typed.value
                para.label_kind = typed.kind
        para.key = normalize(mask_references(para.body))
        return para


def _list_kind(heading: int | None, kind: str, level: int) -> LabelKind:
    if heading == 1:
        return "section"
    if heading is not None:
        return "subsection"
    return "para" if kind in ("decree", "ordered") and level == 0 else "sub"


def _children(el: etree._Element, want: str) -> list[etree._Element]:
    out = []
    for child in el:
        name = _local(child)
        if name == want:
            out.append(child)
        elif name in _WRAPPERS:
            out.extend(_children(child, want))
    return out


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


__all__ = ["Body", "Cell", "Para", "Piece", "Row", "Table", "Unit", "find_references", "read_body", "words"]
