"""The splice: the directive's blocks moved into the decree's package (WordprocessingML,
ECMA-376 Part 1 §17.5.2 content controls); `numbers` then numbers them the decree's way.

docxcompose does the package work (styles by name, numbering definitions, images, footnotes,
bookmark ids); it can only append at a body index, so the directive is composed at the end of the
body and its blocks are then moved after the anchor paragraph. Each paragraph of both documents
is tagged with a private attribute before composing, so that after docxcompose's deep copies we
still know which XML paragraph is which model paragraph; the tags are removed before saving.
"""

from __future__ import annotations

import copy
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsmap as docx_nsmap
from docxcompose.composer import Composer
from lxml import etree

from drafter.amend.numbers import number_inserted
from drafter.amend.plan import Plan, block_end
from drafter.decree.structure import DecreeStructure
from drafter.docx.read import iter_paragraph_elements
from drafter.docx.read_package import _W, _local

RT_COMMENTS = RT.COMMENTS
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"

# docxcompose's import repoints python-docx's global "cp" prefix from core to custom properties;
# python-docx then writes a stray <cp:revision> into docProps/core.xml for the rest of the
# process (a drafter build after an insert would differ). Put it back; lend it only while composing.
docx_nsmap["cp"] = CORE_PROPERTIES


@contextmanager
def _docxcompose_prefixes() -> Iterator[None]:
    docx_nsmap["cp"] = CUSTOM_PROPERTIES
    try:
        yield
    finally:
        docx_nsmap["cp"] = CORE_PROPERTIES


TAG_HOST = "{urn:drafter:amend}host"
TAG_GUEST = "{urn:drafter:amend}guest"


@dataclass
class Spliced:
    document: docx.document.Document
    decree_p: dict[int, etree._Element]
    guest_p: dict[int, etree._Element]
    inserted: set[etree._Element]
    notes: list[str] = field(default_factory=list)

    def save(self) -> bytes:
        body = self.document.element.body
        for p in body.iter(_W + "p"):
            for tag in (TAG_HOST, TAG_GUEST):
                if tag in p.attrib:
                    del p.attrib[tag]
        root = self.document.element
        # drop only our own namespace: mc:Ignorable names prefixes that must stay declared
        keep = [prefix for prefix in root.nsmap if prefix]
        etree.cleanup_namespaces(root, keep_ns_prefixes=keep)
        buf = io.BytesIO()
        self.document.save(buf)
        return buf.getvalue()


def _tag(body: etree._Element, tag: str) -> list[etree._Element]:
    paragraphs = list(iter_paragraph_elements(body))
    for i, p in enumerate(paragraphs):
        p.set(tag, str(i))
    return paragraphs


def _top_child(body: etree._Element, el: etree._Element) -> etree._Element:
    while el.getparent() is not None and el.getparent() is not body:
        el = el.getparent()
    return el


def _prune(body: etree._Element, guest: DecreeStructure, paragraphs: list[etree._Element]) -> None:
    """Keep the directive's sections and paragraphs; drop its caption, title, table of contents
    and signature blocks, which belong to a stand-alone document, not to an insertion."""
    tops = guest.top_level()
    labelled = [s.index for s in guest.sections if s.label]
    first = min([tops[0].index, *labelled[:1]])
    last = block_end(guest, tops[-1])
    children = list(body)
    lo = children.index(_top_child(body, paragraphs[first]))
    hi = children.index(_top_child(body, paragraphs[last]))
    for i, child in enumerate(children):
        if _local(child) == "sectPr":
            continue
        style = child.find(f"{_W}pPr/{_W}pStyle")
        toc = style is not None and (style.get(_W + "val") or "").upper().startswith("TOC")
        if i < lo or i > hi or toc:
            body.remove(child)


def _insertion_target(body: etree._Element, anchor: etree._Element) -> tuple[etree._Element, bool]:
    """The element to insert after: the anchor, or the content control that ends with it.
    Returns (element, inside) where inside means the insertion lands inside a content control."""
    el = anchor
    while el.getparent() is not None and el.getparent() is not body:
        parent = el.getparent()
        siblings = [c for c in parent if _local(c) not in ("bookmarkEnd", "sdtEndPr", "commentRangeEnd")]
        if _local(parent) == "sdtContent" and siblings and siblings[-1] is el:
            el = parent.getparent()  # the w:sdt
        elif _local(parent) in ("tc", "tr", "tbl"):
            el = parent
        else:
            return el, True
    return el, False


def splice(
    decree: bytes, directive: bytes, host: DecreeStructure, guest: DecreeStructure, plan: Plan
) -> Spliced:
    host_doc = docx.Document(io.BytesIO(decree))
    guest_doc = docx.Document(io.BytesIO(directive))
    body = host_doc.element.body
    host_ps = _tag(body, TAG_HOST)
    guest_ps = _tag(guest_doc.element.body, TAG_GUEST)
    _prune(guest_doc.element.body, guest, guest_ps)

    before = set(body)  # holds the proxies, so identity is stable (id() of a dropped proxy is not)
    end = len(body) - (1 if len(body) and _local(body[-1]) == "sectPr" else 0)
    with _docxcompose_prefixes():
        composer = Composer(host_doc)
        composer.restart_numbering = False  # its default restarts the inserted list at 1
        composer.insert(end, guest_doc)
    added = [c for c in body if c not in before]
    target, inside = _insertion_target(body, host_ps[plan.point.anchor])
    for child in added:
        target.addnext(child)
        target = child
    notes = _carry_comments(host_doc, guest_doc, added)
    if inside:
        notes.append("the insertion point is inside a content control; the directive went inside it")
    numbering = host_doc.part.numbering_part.element if _has_numbering(host_doc) else None
    if numbering is not None:
        for an in numbering.findall(_W + "abstractNum"):
            nsid = an.find(_W + "nsid")
            if nsid is not None:  # docxcompose draws these at random; keep output reproducible
                seed = f"{an.get(_W + 'abstractNumId')}".encode()
                nsid.set(_W + "val", f"{zlib.crc32(seed) & 0xFFFFFFFF:08X}")
    decree_p = {int(p.get(TAG_HOST)): p for p in body.iter(_W + "p") if p.get(TAG_HOST) is not None}
    guest_p = {int(p.get(TAG_GUEST)): p for p in body.iter(_W + "p") if p.get(TAG_GUEST) is not None}
    spliced = Spliced(host_doc, decree_p, guest_p, set(guest_p.values()), notes)
    number_inserted(spliced, host, guest, plan, numbering)
    return spliced


def _carry_comments(
    host_doc: docx.document.Document, guest_doc: docx.document.Document, added: list[etree._Element]
) -> list[str]:
    """Copy the directive's Word comments (docxcompose has no code for them: it would leave
    references to comments that do not exist, which LibreOffice refuses to open)."""
    refs = [
        el
        for child in added
        for el in child.iter(_W + "commentRangeStart", _W + "commentRangeEnd", _W + "commentReference")
    ]
    if not refs:
        return []
    try:
        source = {c.get(_W + "id"): c for c in guest_doc.part.part_related_by(RT_COMMENTS).element}  # type: ignore[attr-defined]
    except KeyError:
        source = {}
    target = host_doc.part._comments_part.element
    used = [int(c.get(_W + "id") or 0) for c in target]
    next_id = max(used, default=-1) + 1
    mapping: dict[str, str] = {}
    for el in refs:
        old = el.get(_W + "id") or ""
        if old not in source:
            el.getparent().remove(el)  # a reference to a comment that does not exist
            continue
        if old not in mapping:
            mapping[old] = str(next_id)
            comment = copy.deepcopy(source[old])
            comment.set(_W + "id", str(next_id))
            target.append(comment)
            next_id += 1
        el.set(_W + "id", mapping[old])
    return [f"carried over {len(mapping)} Word comment(s) from the directive"] if mapping else []


def _has_numbering(document: docx.document.Document) -> bool:
    try:
        return document.part.numbering_part is not None
    except (KeyError, NotImplementedError):
        return False
