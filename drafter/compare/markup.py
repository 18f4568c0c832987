"""Native Word revisions written into NEW's XML (ECMA-376 Part 1 §17.13.5, tracked changes):
the revision marks themselves, paragraph marks, formatting changes, copies of OLD's paragraphs
and table rows. Text inserted or deleted inside a paragraph's runs is `runs`'s job.

- Inserted / deleted text: runs wrapped in w:ins / w:del; deleted text is w:delText, a deleted
  field code w:delInstrText (§17.13.5.18, §17.13.5.14).
- A whole paragraph inserted or deleted also marks its paragraph mark: w:pPr/w:rPr/w:ins or
  w:del (§17.13.5.16, §17.13.5.15), so accepting or rejecting removes the paragraph itself.
- Moves: w:moveFrom / w:moveTo around the runs and on the paragraph mark, inside a named
  w:moveFromRangeStart/End and w:moveToRangeStart/End pair (§17.13.5.22–26).
- Formatting: w:pPrChange holds the paragraph's old properties (§17.13.5.29), w:rPrChange a
  run's (§17.13.5.31). Each sits last in its parent, as the schema orders them.
- Table rows inserted or deleted: w:trPr/w:ins, w:trPr/w:del (§17.13.5.19, §17.13.5.12).

Every revision carries w:id (unique in the part, numbered after the largest id already there),
w:author and w:date. Only elements are added or wrapped: content controls, bookmarks and fields
in NEW stay where they were.
"""

from __future__ import annotations

import copy

from lxml import etree

from drafter.docx.read_package import _W, W, _local

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Children of a copied OLD paragraph that cannot travel to NEW: they point at parts, ids or
# names that belong to OLD (images, notes, comments, bookmarks).
_DROP_IN_COPY = {
    "bookmarkStart",
    "bookmarkEnd",
    "commentRangeStart",
    "commentRangeEnd",
    "commentReference",
    "footnoteReference",
    "endnoteReference",
    "drawing",
    "pict",
    "object",
    "permStart",
    "permEnd",
    "proofErr",
}
_UNWRAP_IN_COPY = {"hyperlink", "sdt", "sdtContent", "smartTag", "customXml", "fldSimple"}
_PPR_IGNORED = {"rPr", "sectPr", "pPrChange"}
_RPR_IGNORED = {"rPrChange", "ins", "del", "moveFrom", "moveTo"}


def w(name: str) -> str:
    return _W + name


class Marker:
    """Hands out revision attributes: a fresh w:id each time, the same author and date."""

    def __init__(self, author: str, date: str, first_id: int):
        self.author = author
        self.date = date
        self.next_id = first_id

    def make(self, tag: str, **extra: str) -> etree._Element:
        el = etree.Element(w(tag), nsmap={"w": W})
        el.set(w("id"), str(self.next_id))
        self.next_id += 1
        el.set(w("author"), self.author)
        el.set(w("date"), self.date)
        for key, value in extra.items():
            el.set(w(key), value)
        return el


def first_free_id(root: etree._Element) -> int:
    """One more than the largest numeric w:id in the part (bookmarks, comments, controls)."""
    top = 0
    for el in root.iter():
        value = el.get(_W + "id") if isinstance(el.tag, str) else None
        if value and value.lstrip("-").isdigit():
            top = max(top, int(value))
    return top + 1


# --------------------------------------------------------------------------- properties


def _ensure(parent: etree._Element, name: str, index: int = 0) -> etree._Element:
    found = parent.find(w(name))
    if found is None:
        found = etree.Element(w(name))
        parent.insert(index, found)
    return found


def _ppr(p: etree._Element) -> etree._Element:
    return _ensure(p, "pPr", 0)


def _mark_rpr(p: etree._Element) -> etree._Element:
    """The paragraph mark's run properties, placed before w:sectPr/w:pPrChange as required."""
    ppr = _ppr(p)
    found = ppr.find(w("rPr"))
    if found is None:
        found = etree.Element(w("rPr"))
        anchor = next((c for c in ppr if _local(c) in ("sectPr", "pPrChange")), None)
        if anchor is not None:
            anchor.addprevious(found)
        else:
            ppr.append(found)
    return found


def mark_paragraph_mark(p: etree._Element, marker: Marker, kind: str, **extra: str) -> None:
    """Mark the paragraph mark as inserted, deleted, moved from or moved to."""
    _mark_rpr(p).insert(0, marker.make(kind, **extra))


def canonical(el: etree._Element | None, ignored: set[str]) -> bytes:
    """Properties compared by value: children outside `ignored`, serialized in order."""
    if el is None:
        return b""
    return b"".join(etree.tostring(c) for c in el if isinstance(c.tag, str) and _local(c) not in ignored)


def mark_ppr_change(new_p: etree._Element, old_p: etree._Element, marker: Marker) -> bool:
    """Record OLD's paragraph properties on NEW's paragraph when they differ (a restyle)."""
    old_ppr, new_ppr = old_p.find(w("pPr")), new_p.find(w("pPr"))
    if old_ppr is not None and new_ppr is not None and etree.tostring(old_ppr) == etree.tostring(new_ppr):
        return False
    if canonical(old_ppr, _PPR_IGNORED) == canonical(new_ppr, _PPR_IGNORED):
        return False
    change = marker.make("pPrChange")
    inner = etree.SubElement(change, w("pPr"))
    for child in old_ppr if old_ppr is not None else ():
        if isinstance(child.tag, str) and _local(child) not in _PPR_IGNORED:
            inner.append(copy.deepcopy(child))
    _ppr(new_p).append(change)
    return True


def mark_rpr_change(run: etree._Element, old_rpr: etree._Element | None, marker: Marker) -> bool:
    """Record a run's old formatting when it differs from the new (w:rPrChange, last in rPr)."""
    if canonical(old_rpr, _RPR_IGNORED) == canonical(run.find(w("rPr")), _RPR_IGNORED):
        return False
    rpr = _ensure(run, "rPr", 0)
    change = marker.make("rPrChange")
    inner = etree.SubElement(change, w("rPr"))
    for child in old_rpr if old_rpr is not None else ():
        if isinstance(child.tag, str) and _local(child) not in _RPR_IGNORED:
            inner.append(copy.deepcopy(child))
    rpr.append(change)
    return True


# --------------------------------------------------------------------------- copies of OLD


def old_copy(
    p: etree._Element, marker: Marker, kind: str, style_ids: set[str], num_ids: set[str]
) -> etree._Element:
    """A copy of OLD's paragraph for NEW's body, every run deleted (kind 'del') or moved
    away ('moveFrom'), its paragraph mark too. What points into OLD's other parts (images,
    notes, comments, bookmarks, hyperlinks' targets) is left out; a style or list NEW does not
    define is dropped so Word does not invent one."""
    el = copy.deepcopy(p)
    for child in [c for c in el.iter() if isinstance(c.tag, str) and _local(c) in _DROP_IN_COPY]:
        child.getparent().remove(child)
    for child in [c for c in el.iter() if isinstance(c.tag, str) and _local(c) in _UNWRAP_IN_COPY]:
        _unwrap(child)
    ppr = el.find(w("pPr"))
    if ppr is not None:
        for child in list(ppr):
            name = _local(child)
            if name == "sectPr":
                ppr.remove(child)
            elif name == "pStyle" and (child.get(w("val")) or "") not in style_ids:
                ppr.remove(child)
            elif name == "numPr":
                num = child.find(w("numId"))
                if num is not None and (num.get(w("val")) or "") not in num_ids:
                    ppr.remove(child)
    for attr in [a for a in el.attrib]:
        del el.attrib[attr]
    deleted = kind == "del"
    for run in [r for r in el.iter(w("r"))]:
        if deleted:
            for t in run.iter(w("t"), w("instrText")):
                t.tag = w("delText") if _local(t) == "t" else w("delInstrText")
        for rel in [a for a in run.attrib]:
            del run.attrib[rel]
        wrapper = marker.make(kind)
        run.addprevious(wrapper)
        wrapper.append(run)
    mark_paragraph_mark(el, marker, kind)
    return el


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if _local(el) == "sdt":
        content = el.find(w("sdtContent"))
        kids = list(content) if content is not None else []
    else:
        kids = [c for c in el if not (isinstance(c.tag, str) and _local(c) in ("sdtPr", "sdtEndPr"))]
    for kid in kids:
        el.addprevious(kid)
    parent.remove(el)


def add_move_range(p: etree._Element, marker: Marker, kind: str, name: str) -> None:
    """Bracket a moved paragraph's content with w:moveFromRangeStart/End or w:moveToRangeStart/End."""
    start = marker.make(f"{kind}RangeStart", name=name)
    end = etree.Element(w(f"{kind}RangeEnd"))
    end.set(w("id"), start.get(w("id")) or "0")
    ppr = p.find(w("pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def mark_row(tr: etree._Element, marker: Marker, kind: str) -> None:
    """Mark a table row inserted or deleted (w:trPr/w:ins or w:del)."""
    trpr = tr.find(w("trPr"))
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        anchor = next((c for c in tr if _local(c) not in ("tblPrEx",)), None)
        if anchor is not None:
            anchor.addprevious(trpr)
        else:
            tr.append(trpr)
    trpr.append(marker.make(kind))
