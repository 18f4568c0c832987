"""Numbering what was spliced in, the decree's way (WordprocessingML, ECMA-376 Part 1 §17.9).

A directive inserted into a decree that numbers its paragraphs with a Word list joins that list
(renumber mode); otherwise its paragraphs and sections get typed labels ("212.", "212A.", "IV.")
at the indentation the decree's own list gives them, and its own list numbering is switched off
(numId 0) so that no number is printed twice. Kept apart from the splice (`layout`): this is
list numbering and labels, that is package surgery.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from lxml import etree

from drafter.amend.plan import Plan
from drafter.amend.xmltext import apply, prepend
from drafter.decree.structure import DecreeStructure
from drafter.docx.read_package import _W
from drafter.docx.read_text import paragraph_text
from drafter.model import Heading, Paragraph

if TYPE_CHECKING:
    from drafter.amend.layout import Spliced


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


def number_inserted(
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
