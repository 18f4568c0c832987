"""A paragraph's visible text as a string, mapped back onto its w:t elements, so that text edits
(a renumbered label, a moved reference) change the XML without disturbing formatting, fields or
bookmarks (ECMA-376 Part 1 §17.3.3 runs, §17.16.18 complex fields, §17.16.19 simple fields).

Edits land in the w:t that holds their first character; the rest of the span is removed from
the following w:t elements. REF field results are located too, so a field's cached result is
updated from its bookmark rather than by the typed-reference pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from drafter.docx.read_package import _W, _local

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_FIELD_CONTAINERS = {
    "r",
    "hyperlink",
    "ins",
    "smartTag",
    "customXml",
    "sdt",
    "sdtContent",
    "fldSimple",
    "dir",
    "bdo",
}


@dataclass
class RefResult:
    """One REF field in the paragraph: its bookmark and the span of its cached result."""

    bookmark: str
    start: int
    end: int


@dataclass
class ParagraphText:
    p: etree._Element
    nodes: list[tuple[etree._Element, int]] = field(default_factory=list)
    """(w:t element, offset of its first character in `text`)."""
    text: str = ""
    refs: list[RefResult] = field(default_factory=list)


def _ref_bookmark(instr: str) -> str | None:
    m = re.match(r"\s*REF\s+\"?([^\s\"\\]+)", instr)
    return m.group(1) if m else None


def read_text(p: etree._Element) -> ParagraphText:
    """Walk the paragraph's runs in order (into hyperlinks, content controls, simple fields)."""
    out = ParagraphText(p)
    stack: list[dict] = []  # open complex fields

    def visit(el: etree._Element) -> None:
        for child in el:
            name = _local(child)
            if name == "fldSimple":
                bookmark = _ref_bookmark(child.get(_W + "instr") or "")
                start = len(out.text)
                visit(child)
                if bookmark:
                    out.refs.append(RefResult(bookmark, start, len(out.text)))
            elif name == "r":
                for part in child:
                    pname = _local(part)
                    if pname == "fldChar":
                        kind = part.get(_W + "fldCharType")
                        if kind == "begin":
                            stack.append({"instr": "", "start": None})
                        elif kind == "separate" and stack:
                            stack[-1]["start"] = len(out.text)
                        elif kind == "end" and stack:
                            fld = stack.pop()
                            bookmark = _ref_bookmark(fld["instr"])
                            if bookmark and fld["start"] is not None:
                                out.refs.append(RefResult(bookmark, fld["start"], len(out.text)))
                    elif pname == "instrText" and stack:
                        stack[-1]["instr"] += part.text or ""
                    elif pname == "t":
                        out.nodes.append((part, len(out.text)))
                        out.text += part.text or ""
            elif name in _FIELD_CONTAINERS:
                visit(child)

    visit(p)
    return out


def apply(pt: ParagraphText, edits: list[tuple[int, int, str]]) -> None:
    """Apply non-overlapping (start, end, new) edits to the w:t elements, right to left (so the
    offsets of earlier text stay valid), then re-read the paragraph."""
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        placed = False
        for node, offset in pt.nodes:
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
    fresh = read_text(pt.p)
    pt.nodes, pt.text, pt.refs = fresh.nodes, fresh.text, fresh.refs


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
        if _ref_bookmark(simple.get(_W + "instr") or "") in bookmarks:
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
                if _ref_bookmark(fld["instr"]) in bookmarks:
                    for part in fld["parts"]:
                        part.getparent().remove(part)
                    count += 1
    return count
