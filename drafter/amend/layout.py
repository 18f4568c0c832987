"""The splice and the numbering of what was spliced in (WordprocessingML, ECMA-376 Part 1 §17.9
numbering, §17.5.2 content controls).

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

from drafter.amend.plan import Plan
from drafter.amend.xmltext import apply, prepend
from drafter.decree.structure import DecreeStructure
from drafter.docx.read import iter_paragraph_elements
from drafter.docx.read_package import _W, _local
from drafter.docx.read_text import paragraph_text
from drafter.model import Heading, Paragraph

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
    from drafter.amend.plan import _block_end

    tops = guest.top_level()
    labelled = [s.index for s in guest.sections if s.label]
    first = min([tops[0].index, *labelled[:1]])
    last = _block_end(guest, tops[-1])
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


def _numpr(ppr: etree._Element | None) -> etree._Element | None:
    return None if ppr is None else ppr.find(_W + "numPr")


def _set_numpr(p: etree._Element, num_id: str, ilvl: int) -> None:
    ppr = p.find(_W + "pPr")
    if ppr is None:
        ppr = etree.Element(_W + "pPr")
        p.insert(0, ppr)
    old = ppr.find(_W + "numPr")
    new = etree.Element(_W + "numPr")
    etree.SubElement(new, _W + "ilvl").set(_W + "val", str(ilvl))
    etree.SubElement(new, _W + "numId").set(_W + "val", num_id)
    if old is not None:
        old.addprevious(new)
        ppr.remove(old)
    else:
        style = ppr.find(_W + "pStyle")
        (style.addnext(new) if style is not None else ppr.insert(0, new))
    # a numbered paragraph takes its indentation from its list level
    for ind in ppr.findall(_W + "ind"):
        ppr.remove(ind)


def _level_pr(numbering: etree._Element, num_id: str, ilvl: int) -> etree._Element | None:
    """The w:lvl for (numId, ilvl): the num's override if any, else its abstractNum's."""
    for num in numbering.findall(_W + "num"):
        if num.get(_W + "numId") != num_id:
            continue
        for ov in num.findall(_W + "lvlOverride"):
            if ov.get(_W + "ilvl") == str(ilvl) and ov.find(_W + "lvl") is not None:
                return ov.find(_W + "lvl")
        aid = num.find(_W + "abstractNumId")
        aid_val = aid.get(_W + "val") if aid is not None else None
        for an in numbering.findall(_W + "abstractNum"):
            if an.get(_W + "abstractNumId") == aid_val:
                for lvl in an.findall(_W + "lvl"):
                    if lvl.get(_W + "ilvl") == str(ilvl):
                        return lvl
    return None


def _untie(p: etree._Element, numbering: etree._Element | None) -> None:
    """Take a paragraph out of its list, keeping the indentation the list level gave it."""
    ppr = p.find(_W + "pPr")
    numpr = _numpr(ppr)
    ind = None
    if numpr is not None and numbering is not None:
        num_id = numpr.find(_W + "numId")
        ilvl = numpr.find(_W + "ilvl")
        lvl = _level_pr(
            numbering,
            num_id.get(_W + "val") if num_id is not None else "",
            int(ilvl.get(_W + "val")) if ilvl is not None else 0,
        )
        if lvl is not None and lvl.find(f"{_W}pPr/{_W}ind") is not None:
            ind = copy.deepcopy(lvl.find(f"{_W}pPr/{_W}ind"))
    if ppr is None:
        ppr = etree.Element(_W + "pPr")
        p.insert(0, ppr)
    _set_numpr(p, "0", 0)  # numId 0 also switches off numbering a style would give
    if ind is not None:
        ppr.find(_W + "numPr").addnext(ind)


def _fmt(numbering: etree._Element | None, num_id: str | None, ilvl: int) -> str | None:
    if numbering is None or num_id is None:
        return None
    lvl = _level_pr(numbering, num_id, ilvl)
    fmt = lvl.find(_W + "numFmt") if lvl is not None else None
    return fmt.get(_W + "val") if fmt is not None else None


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
    _number_inserted(spliced, host, guest, plan, numbering)
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


def _host_numpr(
    spliced: Spliced, host: DecreeStructure, level: int
) -> tuple[str | None, etree._Element | None]:
    """numId of the decree's paragraph list (level 0) or heading list (level 'heading')."""
    if level == 0:
        first = next((p for p in host.top_level() if p.source == "list"), None)
        el = spliced.decree_p.get(first.index) if first else None
    else:
        head = next((s for s in host.sections if s.level == 1 and s.source == "list"), None)
        el = spliced.decree_p.get(head.index) if head else None
    numpr = _numpr(el.find(_W + "pPr")) if el is not None else None
    num_id = numpr.find(_W + "numId") if numpr is not None else None
    return (num_id.get(_W + "val") if num_id is not None else None), el


def _separator(spliced: Spliced, host: DecreeStructure) -> str:
    first = next((p for p in host.top_level() if p.source == "typed"), None)
    if first is None:
        return "\t"
    text = paragraph_text(spliced.decree_p[first.index]).text
    at = text.find(first.label) + len(first.label)
    rest = text[at:]
    if rest.startswith("."):
        rest = rest[1:]
    return "\t" if rest.startswith("\t") or not rest.startswith(" ") else " "


def _replace_label(p: etree._Element, old: str, new: str) -> None:
    pt = paragraph_text(p)
    at = pt.text.find(old)
    if at >= 0:
        apply(pt, [(at, at + len(old), new)])


def _number_inserted(
    spliced: Spliced,
    host: DecreeStructure,
    guest: DecreeStructure,
    plan: Plan,
    numbering: etree._Element | None,
) -> None:
    join = plan.mode == "renumber" and host.numbering == "list"
    host_num, _ = _host_numpr(spliced, host, 0)
    host_head_num, host_head_el = _host_numpr(spliced, host, 1)
    heads_by_list = plan.mode == "renumber" and any(s.source == "list" for s in host.sections if s.level == 1)
    sub_joins = join and _fmt(numbering, host_num, 1) in ("lowerLetter", "lowerRoman")
    sep = _separator(spliced, host)
    new_top = {p.index: new for p, new in zip(guest.top_level(), plan.directive_labels, strict=False)}
    new_sec = {s.index: plan.directive_section_map.get(s.label or "", s.label) for s in guest.sections}
    typed_top_ppr = None
    if host.numbering == "typed":
        first = host.top_level()[0]
        ppr = spliced.decree_p[first.index].find(_W + "pPr")
        typed_top_ppr = copy.deepcopy(ppr) if ppr is not None else None
    for item in guest.items:
        p = spliced.guest_p.get(item.index)
        if p is None:
            continue
        block = item.block
        old_para = next((x for x in guest.paragraphs if x.index == item.index), None)
        if item.index in new_top:
            new = new_top[item.index]
            if join and host_num:
                if old_para and old_para.source == "typed":
                    _strip_typed(p, old_para.label)
                _set_numpr(p, host_num, 0)
            elif old_para and old_para.source == "typed":
                _replace_label(p, old_para.label, new)
            else:
                _untie(p, numbering)
                _set_ind(p, _level_ind(numbering, host_num, 0))  # the decree's own hanging indent
                if typed_top_ppr is not None:
                    old_ppr = p.find(_W + "pPr")
                    fresh = copy.deepcopy(typed_top_ppr)
                    if old_ppr is not None:
                        old_ppr.addprevious(fresh)
                        p.remove(old_ppr)
                    else:
                        p.insert(0, fresh)
                prepend(p, f"{new}{'' if '.' in new else '.'}{sep}")
        elif isinstance(block, Paragraph) and block.numbering != "none" and block.level > 0 and block.number:
            if sub_joins and host_num:
                _set_numpr(p, host_num, block.level)
            elif old_para is not None and old_para.level == 1:  # decimal sub-number 12.3
                lead = old_para.label.split(".")[0]
                parent_new = plan.directive_paragraph_map.get(lead, lead)
                _untie(p, numbering)
                prepend(p, f"{parent_new}.{old_para.label.split('.', 1)[1]}{sep}")
            else:
                _untie(p, numbering)
                _set_ind(p, _level_ind(numbering, host_num, block.level))
                prepend(p, f"{block.number}\t")
        elif isinstance(block, Heading) or item.index in new_sec:
            section = next((s for s in guest.sections if s.index == item.index), None)
            if section is None or not section.label:
                continue
            label = new_sec.get(item.index) or section.label
            if heads_by_list and section.source == "list":
                if section.level == 1 and host_head_num:
                    _set_numpr(p, host_head_num, 0)
                elif section.level == 1 and host_head_el is not None:
                    _clear_numpr(p)
                elif section.level == 2 and host_head_num and _fmt(numbering, host_head_num, 1):
                    _set_numpr(p, host_head_num, 1)
            elif section.source == "typed":
                _replace_label(p, section.label, label)
            else:
                _untie(p, numbering)
                ppr = p.find(_W + "pPr")
                for ind in ppr.findall(_W + "ind") if ppr is not None else []:
                    ppr.remove(ind)
                prepend(p, f"{label}. ")


def _level_ind(numbering: etree._Element | None, num_id: str | None, ilvl: int) -> etree._Element | None:
    """The indentation the decree's list gives a level (None when the decree has no such list)."""
    if numbering is None or num_id is None:
        return None
    lvl = _level_pr(numbering, num_id, ilvl)
    ind = lvl.find(f"{_W}pPr/{_W}ind") if lvl is not None else None
    return copy.deepcopy(ind) if ind is not None else None


def _set_ind(p: etree._Element, ind: etree._Element | None) -> None:
    """Replace the paragraph's indentation (a typed label then sits where the list put its number)."""
    ppr = p.find(_W + "pPr")
    if ind is None or ppr is None:
        return
    for old in ppr.findall(_W + "ind"):
        ppr.remove(old)
    for name in ("jc", "rPr", "sectPr", "pPrChange"):
        anchor = ppr.find(_W + name)
        if anchor is not None:
            anchor.addprevious(ind)
            return
    ppr.append(ind)


def _clear_numpr(p: etree._Element) -> None:
    ppr = p.find(_W + "pPr")
    numpr = _numpr(ppr)
    if numpr is not None:
        ppr.remove(numpr)


def _strip_typed(p: etree._Element, label: str) -> None:
    pt = paragraph_text(p)
    at = pt.text.find(label)
    if at < 0:
        return
    end = at + len(label)
    while end < len(pt.text) and pt.text[end] in ". \t\u00a0":
        end += 1
    apply(pt, [(at, end, "")])
