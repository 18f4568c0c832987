"""Text inserted and deleted inside a paragraph, as native Word revisions on its runs
(ECMA-376 Part 1 §17.13.5.18 w:ins, §17.13.5.14 w:del with w:delText): NEW's runs are split at
the diff's boundaries, inserted stretches wrapped in w:ins, deleted text placed in w:del where
it stood, each part keeping its run's formatting.
"""

from __future__ import annotations

import copy
from collections import defaultdict

from lxml import etree

from drafter.compare.extract import Para, Piece
from drafter.compare.markup import Marker, w
from drafter.docx.read_package import _local

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _text_children(text: str, deleted: bool) -> list[etree._Element]:
    """Run content for a piece of text: w:t / w:delText, with tabs and breaks as elements."""
    out: list[etree._Element] = []
    buf = ""
    for ch in text + "\0":
        if ch in "\t\n\0":
            if buf:
                t = etree.Element(w("delText" if deleted else "t"))
                t.text = buf
                t.set(_XML_SPACE, "preserve")
                out.append(t)
                buf = ""
            if ch == "\t":
                out.append(etree.Element(w("tab")))
            elif ch == "\n":
                out.append(etree.Element(w("br")))
        else:
            buf += ch
    return out


def _run_like(
    template: etree._Element | None, children: list[etree._Element], *, keep_change: bool
) -> etree._Element:
    run = etree.Element(w("r"))
    rpr = template.find(w("rPr")) if template is not None else None
    if rpr is not None:
        rpr = copy.deepcopy(rpr)
        if not keep_change:
            for ch in rpr.findall(w("rPrChange")):
                rpr.remove(ch)
        run.append(rpr)
    run.extend(children)
    return run


def deleted_run(template: etree._Element | None, text: str, marker: Marker) -> etree._Element:
    wrapper = marker.make("del")
    wrapper.append(_run_like(template, _text_children(text, deleted=True), keep_change=False))
    return wrapper


def _slice(el: etree._Element, start: int, end: int, offset: int) -> etree._Element:
    """A copy of a text element holding only [start, end) of the paragraph text."""
    piece = copy.deepcopy(el)
    if _local(el) == "t":
        piece.text = (el.text or "")[start - offset : end - offset]
        piece.set(_XML_SPACE, "preserve")
    return piece


def mark_text_changes(para: Para, ops: list[tuple[int, str]], marker: Marker) -> None:
    """Rewrite a NEW paragraph's runs so `ops` (diff of OLD's text against this paragraph's
    text) show as w:ins / w:del: inserted stretches wrapped, deleted text placed where it stood."""
    inserted: list[tuple[int, int]] = []
    deletions: dict[int, list[str]] = defaultdict(list)
    pos = 0
    for op, text in ops:
        if op == 0:
            pos += len(text)
        elif op == 1:
            inserted.append((pos, pos + len(text)))
            pos += len(text)
        else:
            deletions[pos].append(text)
    bounds = sorted({b for span in inserted for b in span} | set(deletions))
    by_run: dict[int, list] = defaultdict(list)
    runs: list[etree._Element] = []
    for piece in para.pieces:
        if id(piece.run) not in by_run:
            runs.append(piece.run)
        by_run[id(piece.run)].append(piece)
    pending = dict(deletions)
    last_nodes: list[etree._Element] = []
    for run in runs:
        nodes = _RunSplitter(run, marker).split(
            {id(p.el): p for p in by_run[id(run)]}, bounds, inserted, pending
        )
        parent = run.getparent()
        if parent is None:
            continue
        for node in nodes:
            run.addprevious(node)
        parent.remove(run)
        last_nodes = nodes or last_nodes
    if pending:
        template = runs[-1] if runs else None
        tail = [deleted_run(template, t, marker) for at in sorted(pending) for t in pending[at]]
        if last_nodes:
            anchor = last_nodes[-1]
            for node in reversed(tail):
                anchor.addnext(node)
        else:
            para.el.extend(tail)


class _RunSplitter:
    """Splits one run at the diff's boundaries into kept runs, inserted runs (in w:ins) and
    deleted text (in w:del) placed where it stood; the run's formatting goes to every part."""

    def __init__(self, run: etree._Element, marker: Marker):
        self.run = run
        self.marker = marker
        self.nodes: list[etree._Element] = []
        self.label = ""
        self.children: list[etree._Element] = []

    def flush(self) -> None:
        if self.children:
            r = _run_like(self.run, self.children, keep_change=self.label == "keep")
            if self.label == "ins":
                wrapper = self.marker.make("ins")
                wrapper.append(r)
                self.nodes.append(wrapper)
            else:
                self.nodes.append(r)
        self.label, self.children = "", []

    def add(self, label: str, child: etree._Element) -> None:
        if self.children and self.label != label:
            self.flush()
        self.label = label
        self.children.append(child)

    def split(
        self,
        pieces: dict[int, Piece],
        bounds: list[int],
        inserted: list[tuple[int, int]],
        pending: dict[int, list[str]],
    ) -> list[etree._Element]:
        for child in list(self.run):
            if _local(child) == "rPr":
                continue
            piece = pieces.get(id(child))
            if piece is None:
                self.add(self.label or "keep", child)
                continue
            cuts = [piece.start] + [b for b in bounds if piece.start < b < piece.end] + [piece.end]
            for a, b in zip(cuts, cuts[1:], strict=False):
                if a in pending:
                    self.flush()
                    for text in pending.pop(a):
                        self.nodes.append(deleted_run(self.run, text, self.marker))
                if b > a or piece.start == piece.end:
                    label = "ins" if any(s <= a < e for s, e in inserted) else "keep"
                    self.add(label, _slice(child, a, b, piece.start))
                if piece.start == piece.end:
                    break
        self.flush()
        return self.nodes


def wrap_runs(p: etree._Element, marker: Marker, kind: str) -> None:
    """Wrap every run of NEW's paragraph in w:ins or w:moveTo (its text was inserted or moved)."""
    for run in [r for r in p.iter(w("r"))]:
        parent = run.getparent()
        if parent is None or _local(parent) in ("ins", "moveTo"):
            continue
        wrapper = marker.make(kind)
        run.addprevious(wrapper)
        wrapper.append(run)
