"""Helpers for the compare tests: edit a .docx's body XML, and accept or reject every tracked
change by applying it to the XML (the contract: accept-all gives NEW, reject-all gives OLD)."""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from drafter.docx.namespaces import W as _W


def w(name: str) -> str:
    return _W + name


def edit_docx(src: Path, dst: Path, edit: Callable[[etree._Element], None]) -> None:
    """Copy `src` to `dst` with `edit(document root)` applied to word/document.xml."""
    with zipfile.ZipFile(src) as zin:
        root = etree.fromstring(zin.read("word/document.xml"))
        edit(root)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "word/document.xml":
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                zout.writestr(info.filename, data)
    dst.write_bytes(out.getvalue())


def _unwrap(el: etree._Element) -> None:
    for kid in list(el):
        el.addprevious(kid)
    el.getparent().remove(el)


def _drop(el: etree._Element) -> None:
    el.getparent().remove(el)


def _mark(p: etree._Element, name: str) -> bool:
    return p.find(f"{_W}pPr/{_W}rPr/{_W}{name}") is not None


def _resolve(root: etree._Element, *, accept: bool) -> etree._Element:
    root = copy.deepcopy(root)
    gone_runs = ("del", "moveFrom") if accept else ("ins", "moveTo")
    kept_runs = ("ins", "moveTo") if accept else ("del", "moveFrom")
    # Paragraphs whose mark was removed by this decision disappear with their content (our
    # redlines only remove a mark together with the whole paragraph).
    for p in [p for p in root.iter(w("p")) if any(_mark(p, n) for n in gone_runs)]:
        _drop(p)
    for tr in [tr for tr in root.iter(w("tr")) if tr.find(f"{_W}trPr/{_W}{gone_runs[0]}") is not None]:
        _drop(tr)
    for name in gone_runs:
        for el in list(root.iter(w(name))):
            if el.getparent() is not None and el.getparent().tag != w("rPr"):
                _drop(el)
    for name in kept_runs:
        for el in list(root.iter(w(name))):
            parent = el.getparent()
            if parent is None:
                continue
            if parent.tag in (w("rPr"), w("trPr")):
                _drop(el)
            else:
                _unwrap(el)
    for el in list(root.iter(w("delText"))):
        el.tag = w("t")
    for el in list(root.iter(w("delInstrText"))):
        el.tag = w("instrText")
    for name in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"):
        for el in list(root.iter(w(name))):
            _drop(el)
    for change in list(root.iter(w("pPrChange"), w("rPrChange"))):
        holder = change.getparent()
        if accept:
            _drop(change)
            continue
        old = change[0]
        keep = [c for c in holder if c.tag in (w("rPr"), w("sectPr"))] if change.tag == w("pPrChange") else []
        for c in list(holder):
            holder.remove(c)
        holder.extend(list(old))
        holder.extend(keep)
    return root


def accept_all(root: etree._Element) -> etree._Element:
    return _resolve(root, accept=True)


def reject_all(root: etree._Element) -> etree._Element:
    return _resolve(root, accept=False)


def revision_paragraphs(root: etree._Element) -> dict[str, list[str]]:
    """Paragraph texts grouped by the kind of revision they carry: a deleted paragraph's old
    text, any other paragraph's text as accepting it would leave it."""
    kinds: dict[str, list[str]] = {}

    def add(kind: str, p: etree._Element) -> None:
        tags = (w("t"), w("delText")) if kind == "deleted" else (w("t"),)
        kinds.setdefault(kind, []).append("".join(t.text or "" for t in p.iter(*tags)))

    for p in root.iter(w("p")):
        if _mark(p, "ins"):
            add("inserted", p)
        elif _mark(p, "del"):
            add("deleted", p)
        elif _mark(p, "moveFrom"):
            add("moved_from", p)
        elif _mark(p, "moveTo"):
            add("moved_to", p)
        elif p.find(f".//{_W}ins") is not None or p.find(f".//{_W}del") is not None:
            add("changed", p)
        if p.find(f"{_W}pPr/{_W}pPrChange") is not None:
            add("restyled", p)
        if p.find(f".//{_W}rPrChange") is not None:
            add("reformatted", p)
    return kinds


def _decree_paragraphs(root: etree._Element) -> list[etree._Element]:
    """Numbered decree paragraphs with plain text and no fields (safe to edit by hand)."""
    out = []
    for p in root.iter(w("p")):
        style = p.find(f"{_W}pPr/{_W}pStyle")
        if style is None or style.get(w("val")) != "DecreeParagraph":
            continue
        if p.find(f".//{_W}fldChar") is not None or p.find(f".//{_W}bookmarkStart") is not None:
            continue
        out.append(p)
    return out


def _set_text(p: etree._Element, text: str) -> None:
    runs = p.findall(w("r"))
    for r in runs[1:]:
        p.remove(r)
    t = runs[0].find(w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def negotiate(root: etree._Element) -> dict[str, list[str]]:
    """The other side's edits, as a lawyer makes them in Word: words changed in five
    paragraphs, one paragraph deleted (every later number shifts), two inserted, one moved,
    one table cell edited and one paragraph restyled. Returns the NEW texts by kind."""
    paras = _decree_paragraphs(root)
    done: dict[str, list[str]] = {}
    # five word changes, spread through the document
    for p in (paras[3], paras[12], paras[20], paras[30], paras[40]):
        text = _text(p)
        new = text.replace(" shall ", " must ", 1) if " shall " in text else text + " Promptly."
        new = new.replace(" the ", " every ", 1)
        _set_text(p, new)
        done.setdefault("changed", []).append(new)
    # delete one early paragraph: every later number shifts down by one
    victim = paras[1]
    done["deleted"] = [_text(victim)]
    victim.getparent().remove(victim)
    # insert two paragraphs after paras[25]
    for text in (
        "LPD shall publish a plain-language summary of this section.",
        "The Monitor may ask for it in Spanish.",
    ):
        new_p = copy.deepcopy(paras[25])
        _set_text(new_p, text)
        paras[25].addnext(new_p)
        done.setdefault("inserted", []).append(text)
    # move one paragraph further down
    mover = paras[8]
    done["moved"] = [_text(mover)]
    mover.getparent().remove(mover)
    paras[35].addnext(mover)
    # edit one table cell
    cell_p = None
    for tbl in root.iter(w("tbl")):
        for tc in tbl.iter(w("tc")):
            for p in tc.iter(w("p")):
                if _text(p) == "Staffing study completed":
                    cell_p = p
                    break
            if cell_p is not None:
                break
        if cell_p is not None:
            break
    assert cell_p is not None
    new_cell = "Independent staffing study completed"
    _set_text(cell_p, new_cell)
    done["cell"] = [new_cell]
    # restyle one paragraph (justified → centred)
    styled = paras[45]
    ppr = styled.find(w("pPr"))
    etree.SubElement(ppr, w("jc")).set(w("val"), "center")
    done["restyled"] = [_text(styled)]
    return done


def refresh_references(path: Path) -> None:
    """Update the cached result of every REF field to its target's number, as Word does when
    fields are updated after paragraphs were deleted or inserted."""
    from drafter.docx.read import read_docx
    from drafter.model import ClauseBlock, Paragraph

    numbers: dict[str, str] = {}

    def walk(blocks: tuple) -> None:
        for b in blocks:
            if isinstance(b, ClauseBlock):
                walk(b.blocks)
            elif isinstance(b, Paragraph) and b.bookmark and b.number:
                for name in b.bookmark.split():
                    numbers[name] = b.number

    walk(read_docx(path).body)

    def fix(root: etree._Element) -> None:
        instr = None
        in_result = False
        for r in root.iter(w("r")):
            fc = r.find(w("fldChar"))
            it = r.find(w("instrText"))
            if fc is not None:
                kind = fc.get(w("fldCharType"))
                if kind == "begin":
                    instr, in_result = "", False
                elif kind == "separate":
                    in_result = True
                elif kind == "end":
                    instr, in_result = None, False
            elif it is not None and instr is not None:
                instr += it.text or ""
            elif in_result and instr and instr.split()[0] == "REF":
                t = r.find(w("t"))
                target = instr.split()[1]
                if t is not None and target in numbers:
                    t.text = numbers[target]

    edit_docx(path, path, fix)
