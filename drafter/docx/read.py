"""Read any .docx back into the document model, safely.

OOXML parts used (ECMA-376 Part 1): the package relationships (`_rels/.rels`) to find the main
document part; `word/document.xml` body content (§17.2: w:p, w:tbl, block- and run-level
w:sdt §17.5.2, w:ins/w:customXml/w:smartTag containers); complex and simple fields (§17.16:
REF → CrossRef); bookmarks (§17.13.6); `word/numbering.xml` (§17.9) to print list numbers the way
Word does; `word/styles.xml` for heading levels, outline levels and style-linked numbering; and
`word/settings.xml` docVars (§17.15.1.31) where drafter records each clause's digest.

Safety: the archive is checked for an absurd entry count or uncompressed size before anything is
inflated, every member read is capped, and XML is parsed without entity resolution, DTD loading
or network access. Every failure is a `DocxReadError` with a one-line reason, never a traceback.

Modules: `read_package` (the zip and its parts, opened safely), `read_body` (the body walk:
blocks, runs, fields, bookmarks), `read_numbering` (list numbers and styles); this module ties
them together and reads the document properties and drafter's docVars.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from drafter.docx.read_body import _Reader, iter_paragraph_elements
from drafter.docx.read_numbering import ListNumbering, Styles
from drafter.docx.read_package import _W, MAX_ENTRIES, MAX_TOTAL_BYTES, DocxPackage, W, _local
from drafter.errors import DocxReadError
from drafter.model import Block, Document, Heading, Meta

__all__ = [
    "read_docx",
    "open_main",
    "MainDocument",
    "iter_paragraph_elements",
    "DocxReadError",
    "MAX_ENTRIES",
    "MAX_TOTAL_BYTES",
    "W",
]


def _doc_vars(settings: etree._Element | None) -> dict[str, str]:
    out: dict[str, str] = {}
    if settings is None:
        return out
    for var in settings.iter(_W + "docVar"):
        name = var.get(_W + "name") or ""
        if name.startswith("drafter:"):
            out[name[len("drafter:") :]] = var.get(_W + "val") or ""
    return out


def _meta(pkg: DocxPackage, blocks: list[Block]) -> Meta:
    title, date = "", None
    core = pkg.xml("docProps/core.xml") if "docProps/core.xml" in pkg.names else None
    if core is not None:
        for el in core:
            name = _local(el)
            if name == "title" and el.text:
                title = el.text.strip()
            elif name == "created" and el.text:
                try:
                    date = _dt.date.fromisoformat(el.text.strip()[:10])
                except ValueError:
                    date = None
    if not title:
        title = next((b.text.strip() for b in blocks if isinstance(b, Heading) and b.text.strip()), "")
    return Meta(kind="", title=title, date=date)


@dataclass
class MainDocument:
    """A package's main document part, parsed, with the styles and list numbering its
    paragraphs are numbered by: where every reader of a body starts (`read_docx` for the
    model, `drafter.compare` for the XML it marks up). The caller closes `pkg`."""

    pkg: DocxPackage
    part: str
    """The main part's name (usually word/document.xml)."""
    root: etree._Element
    body: etree._Element
    styles: Styles
    numbering: ListNumbering
    related: dict[str, str]
    """The main part's relationships: last segment of the type ("settings") → part name."""

    def related_xml(self, kind: str) -> etree._Element | None:
        """A related part ("styles", "numbering", "settings") parsed, or None when absent."""
        return self.pkg.xml(self.related.get(kind, f"word/{kind}.xml"))


def open_main(path: Path) -> MainDocument:
    """Open `path` with the safe package reader and parse its main part, styles and numbering;
    DocxReadError (the package closed) when that part is missing, malformed or has no w:body."""
    pkg = DocxPackage(Path(path))
    try:
        main = pkg.main_part()
        related = {rtype.rsplit("/", 1)[-1]: target for rtype, target in pkg.rels(main).values()}
        root = pkg.xml(main)
        styles = Styles(pkg.xml(related.get("styles", "word/styles.xml")))
        numbering = ListNumbering(pkg.xml(related.get("numbering", "word/numbering.xml")), styles)
        body = root.find(_W + "body") if root is not None else None
        if root is None or body is None:
            raise DocxReadError(f"{main}: no w:body (not a WordprocessingML document)")
    except DocxReadError:
        pkg.close()
        raise
    return MainDocument(pkg, main, root, body, styles, numbering, related)


def read_docx(path: Path) -> Document:
    """Read a .docx (ours or a stranger's) into a Document, or raise DocxReadError.

    The reader keeps every body paragraph, empty ones included, so that paragraph indexes in
    findings match `iter_paragraph_elements` when annotating. `Meta.kind` is left empty: review
    decides the kind from the text.
    """
    doc = open_main(path)
    try:
        reader = _Reader(doc.styles, doc.numbering, _doc_vars(doc.related_xml("settings")))
        try:
            blocks = reader.blocks(doc.body)
        except RecursionError:
            raise DocxReadError(f"{doc.part}: content nested too deeply") from None
        return Document(meta=_meta_safe(doc.pkg, blocks), body=tuple(blocks))
    finally:
        doc.pkg.close()


def _meta_safe(pkg: DocxPackage, blocks: list[Block]) -> Meta:
    """Core properties are optional and often odd; a bad core.xml must not refuse the body."""
    try:
        return _meta(pkg, blocks)
    except DocxReadError:
        return Meta(kind="", title="")
