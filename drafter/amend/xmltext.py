"""Edits to a paragraph's visible text that change the XML without disturbing formatting, fields
or bookmarks (ECMA-376 Part 1 §17.3.3 runs, §17.16.18 complex fields, §17.16.19 simple fields).

The text and the elements that carry it come from the shared walk
(`drafter.docx.read_text.paragraph_text`, which also locates REF field results, so a field's
cached result is updated from its bookmark rather than by the typed-reference pass). Edits
land in the w:t that holds their first character; the rest of the span is removed from the
following w:t elements (a w:tab or w:br inside a span is left where it is).
"""

from __future__ import annotations

from lxml import etree

from drafter.docx.read_package import _W, _local
from drafter.docx.read_text import ParagraphText, paragraph_text, ref_target

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_T = _W + "t"


def apply(pt: ParagraphText, edits: list[tuple[int, int, str]]) -> None:
    """Apply non-overlapping (start, end, new) edits to the w:t elements, right to left (so the
    offsets of earlier text stay valid), then re-read the paragraph."""
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        placed = False
        for piece in pt.pieces:
            if piece.el.tag != _T:
                continue
            node, offset = piece.el, piece.start
            text = node.text or ""
            if not placed:
                if offset <= start < offset + len(text):
                    lo, hi = start - offset, min(end - offset, len(text))
                    node.text = text[:lo] + new + text[hi:]
                    node.set(XML_SPACE, "preserve")
                    placed = True
                continue
            if offset >= end:
                break
            node.text = text[min(end - offset, len(text)) :]
            node.set(XML_SPACE, "preserve")
    fresh = paragraph_text(pt.p)
    pt.pieces, pt.text, pt.refs = fresh.pieces, fresh.text, fresh.refs


def prepend(p: etree._Element, label: str) -> None:
    """Type `label` (e.g. "212A.\\t") before the paragraph's first run, in that run's formatting."""
    first_run = next((r for r in p.iter(_W + "r") if r.find(_W + "t") is not None), None)
    run = etree.Element(_W + "r")
    if first_run is not None and first_run.find(_W + "rPr") is not None:
        rpr = etree.fromstring(etree.tostring(first_run.find(_W + "rPr")))
        for unwanted in ("highlight", "shd", "u"):
            for el in rpr.findall(_W + unwanted):
                rpr.remove(el)
        run.append(rpr)
    text, _, tail = label.partition("\t")
    t = etree.SubElement(run, _W + "t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    if _ == "\t":
        etree.SubElement(run, _W + "tab")
        if tail:
            t2 = etree.SubElement(run, _W + "t")
            t2.text = tail
    ppr = p.find(_W + "pPr")
    if first_run is not None and first_run.getparent() is p:
        first_run.addprevious(run)
    elif ppr is not None:
        ppr.addnext(run)
    else:
        p.insert(0, run)


def unlink_refs(p: etree._Element, bookmarks: set[str]) -> int:
    """Turn REF fields to these bookmarks into their plain result text; returns how many.

    A REF field with \\r prints the target's list number, which a paragraph with a typed number
    does not have: Word (on update) and LibreOffice (on load) would print nothing.
    """
    count = 0
    for simple in list(p.iter(_W + "fldSimple")):
        if ref_target(simple.get(_W + "instr") or "") in bookmarks:
            for child in list(simple):
                simple.addprevious(child)
            simple.getparent().remove(simple)
            count += 1
    stack: list[dict] = []
    for el in list(p.iter(_W + "fldChar", _W + "instrText")):
        if _local(el) == "instrText":
            if stack:
                stack[-1]["instr"] += el.text or ""
                stack[-1]["parts"].append(el)
            continue
        kind = el.get(_W + "fldCharType")
        if kind == "begin":
            stack.append({"instr": "", "parts": [el]})
        elif stack:
            stack[-1]["parts"].append(el)
            if kind == "end":
                fld = stack.pop()
                if ref_target(fld["instr"]) in bookmarks:
                    for part in fld["parts"]:
                        part.getparent().remove(part)
                    count += 1
    return count
