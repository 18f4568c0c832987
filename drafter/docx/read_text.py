"""A paragraph's visible text, mapped back onto the XML elements that carry it: the one walk
`drafter.compare` (to mark changes on the runs) and `drafter.amend` (to edit labels and
references in place) read a w:p with.

OOXML (ECMA-376 Part 1): runs (w:r, §17.3.2) anywhere inside the paragraph — hyperlinks,
run-level content controls (§17.5.2), simple fields (§17.16.19), w:ins/w:moveTo, smart tags —
and their text: w:t, w:tab, w:br, w:cr, w:noBreakHyphen (`run_child_text`, which `read_docx`
uses too). Not text: page and column breaks (layout, §17.3.3.1), deleted or moved-away runs
(w:del, w:moveFrom), field codes (w:instrText), text boxes (w:txbxContent, which belong to a
drawing, not to the paragraph's flow) and nested paragraphs. The cached results of REF fields
(simple, or complex §17.16.18) are located too, so an edit can leave them to their bookmark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from drafter.docx.namespaces import W

_TEXT = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
_LAYOUT_BREAKS = {"page", "column"}
_SKIP = {"pPr", "rPr", "del", "moveFrom", "txbxContent", "instrText", "delText", "p"}
_R, _T, _BR = W + "r", W + "t", W + "br"
_FLD_SIMPLE, _FLD_CHAR, _INSTR = W + "fldSimple", W + "fldChar", W + "instrText"
_TEXT_TAGS = {W + name: text for name, text in _TEXT.items()}
_BR_TYPE = W + "type"
_SKIP_TAGS = {W + name for name in _SKIP}


def ref_target(instr: str) -> str | None:
    """The bookmark a REF field's code names (`REF _Ref123 \\r \\h` → `_Ref123`), else None."""
    m = re.match(r"\s*REF\s+\"?([^\s\"\\]+)", instr)
    return m.group(1) if m else None


def run_child_text(el: etree._Element) -> str | None:
    """The text one child of a w:r contributes to the paragraph, or None if it is not text.

    The one table of what is text, shared by `paragraph_text` and `read_docx`: a page or column
    break (`w:br w:type="page"`, which the writer emits for `PageBreak`) moves the next line to a
    new page and is no character of the paragraph, while a plain `w:br` is a line break ("\\n").
    """
    if el.tag == _T:
        return el.text or ""
    if el.tag == _BR and el.get(_BR_TYPE) in _LAYOUT_BREAKS:
        return None
    return _TEXT_TAGS.get(el.tag)


@dataclass
class Piece:
    """One text-bearing child of a run (w:t, w:tab, w:br …) and its span in the paragraph text."""

    run: etree._Element
    el: etree._Element
    start: int
    end: int


@dataclass
class RefResult:
    """One REF field in the paragraph: its bookmark and the span of its cached result."""

    bookmark: str
    start: int
    end: int


@dataclass
class ParagraphText:
    p: etree._Element
    text: str = ""
    pieces: list[Piece] = field(default_factory=list)
    refs: list[RefResult] = field(default_factory=list)


def paragraph_text(p: etree._Element) -> ParagraphText:
    """The text of `p` in document order (depth first), each piece with its element."""
    out = ParagraphText(p)
    parts: list[str] = []
    pos = 0
    fields: list[list] = []  # open complex fields: [code, start of result or None]

    def visit(el: etree._Element) -> None:
        nonlocal pos
        for child in el:
            tag = child.tag
            if tag == _R:
                for sub in child:
                    text = run_child_text(sub)
                    if text is not None:
                        out.pieces.append(Piece(child, sub, pos, pos + len(text)))
                        parts.append(text)
                        pos += len(text)
                    elif sub.tag == _INSTR and fields:
                        fields[-1][0] += sub.text or ""
                    elif sub.tag == _FLD_CHAR:
                        _field_char(sub.get(W + "fldCharType"))
            elif tag == _FLD_SIMPLE:
                start = pos
                visit(child)
                bookmark = ref_target(child.get(W + "instr") or "")
                if bookmark:
                    out.refs.append(RefResult(bookmark, start, pos))
            elif isinstance(tag, str) and tag not in _SKIP_TAGS:
                visit(child)

    def _field_char(kind: str | None) -> None:
        if kind == "begin":
            fields.append(["", None])
        elif kind == "separate" and fields:
            fields[-1][1] = pos
        elif kind == "end" and fields:
            code, start = fields.pop()
            bookmark = ref_target(code)
            if bookmark and start is not None:
                out.refs.append(RefResult(bookmark, start, pos))

    visit(p)
    out.text = "".join(parts)
    return out
