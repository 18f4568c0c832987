"""The parts of a court filing around its body: the case caption, the Parties' signature
lines and the Court's order ("IT IS SO ORDERED", date line, judge's signature).

Rules to sign on are tab leaders, not typed underscores, so they end exactly at the margin in
any font.
"""

from __future__ import annotations

from lxml import etree

from drafter import model as m
from drafter.docx import fields
from drafter.docx.fields import W, el, sub
from drafter.docx.styles import SIGNATURE_LINE_END, StyleMap, rpr


def text_runs(text: str, prompts: tuple[str, ...] = (), bold: bool = False) -> list[etree._Element]:
    """`text` as runs, each of a draft's prompts in it highlighted (model.Meta.prompts)."""
    return [
        fields.run(r.text, rpr(r.bold, highlight=r.highlight)) for r in m.prompt_runs(text, prompts, bold)
    ]


def caption(styles: StyleMap, cap: m.Caption, prompts: tuple[str, ...] = ()) -> list[etree._Element]:
    court, _ = styles.para("Caption Court")
    court.extend(text_runs(cap.court, prompts))
    heads = [court]
    if cap.division:
        division, _ = styles.para("Caption Court")
        division.append(fields.run(cap.division))
        heads.append(division)
    tbl = el("tbl")
    tbl_pr = sub(tbl, "tblPr")
    sub(tbl_pr, "tblW", {"w": "5000", "type": "pct"})
    sub(tbl_pr, "tblLayout", {"type": "fixed"})
    grid = sub(tbl, "tblGrid")
    widths = (5040, 4320)
    for width in widths:
        sub(grid, "gridCol", {"w": str(width)})
    tr = sub(tbl, "tr")
    parties_style = styles.id("Caption Parties")
    left_lines = [
        (f"{cap.plaintiff},", 0),
        ("Plaintiff,", 2160),
        ("", 0),
        ("v.", 720),
        ("", 0),
        (f"{cap.defendant},", 0),
        ("Defendant.", 2160),
    ]
    number = cap.case_number if cap.case_number.lower().startswith("case") else f"Case No. {cap.case_number}"
    for col, width in enumerate(widths):
        tc = sub(tr, "tc")
        tc_pr = sub(tc, "tcPr")
        sub(tc_pr, "tcW", {"w": str(width), "type": "dxa"})
        if col == 0:  # the ")" rule of a caption: right and bottom borders on the parties
            borders = sub(tc_pr, "tcBorders")
            sub(borders, "bottom", {"val": "single", "sz": "4", "space": "0", "color": "auto"})
            sub(borders, "right", {"val": "single", "sz": "4", "space": "0", "color": "auto"})
        sub(tc_pr, "vAlign", {"val": "center"})
        right = [(number, 360)] + ([("", 0), (cap.judge, 360)] if cap.judge else [])
        lines = left_lines if col == 0 else right
        for text, indent in lines:
            p = sub(tc, "p")
            ppr = sub(p, "pPr")
            sub(ppr, "pStyle", {"val": parties_style})
            if indent:
                sub(ppr, "ind", {"left": str(indent)})
            if text:
                p.extend(text_runs(text, prompts))
    title, _ = styles.para("Title")
    title.extend(text_runs(cap.document_title, prompts))
    spacer = el("p")
    return [*heads, tbl, spacer, title]


def keep_with_signatures(body: list[etree._Element]) -> None:
    """The page the Parties sign shows the end of what they sign, never signature lines
    alone (a bare signature page could be stapled to another text): the last paragraph
    before the signatures keeps with them, as each signature line keeps with the next
    (the Signature Block style)."""
    for element in reversed(body):
        paragraphs = [element] if element.tag == W + "p" else list(element.iter(W + "p"))
        if not paragraphs:
            continue
        p = paragraphs[-1]
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = etree.Element(W + "pPr")
            p.insert(0, ppr)
        if ppr.find(W + "keepNext") is None:
            style = ppr.find(W + "pStyle")  # keepNext comes right after pStyle in a pPr
            keep = etree.Element(W + "keepNext")
            if style is not None:
                style.addnext(keep)
            else:
                ppr.insert(0, keep)
        return


def signatures(
    styles: StyleMap, block: m.SignatureBlock, prompts: tuple[str, ...] = ()
) -> list[etree._Element]:
    out: list[etree._Element] = []
    for signatory in block.signatories:
        lines: list[tuple[str, int | None, bool]] = [
            (signatory.party, None, True),
            ("\t", SIGNATURE_LINE_END, False),
            (signatory.name, None, False),
            (signatory.title, None, False),
            ("Date: \t", SIGNATURE_LINE_END - 1800, False),
        ]
        for index, (text, line_end, bold) in enumerate(lines):
            p, ppr = styles.para("Signature Block")
            if line_end is not None:  # a rule drawn by a tab leader, not typed underscores
                tabs = sub(ppr, "tabs")
                sub(tabs, "tab", {"val": "left", "leader": "underscore", "pos": str(line_end)})
            if index in (0, 1):
                sub(ppr, "spacing", {"before": "480"})
            if text:
                p.extend(text_runs(text, prompts, bold))
            out.append(p)
    return out


def order(styles: StyleMap, block: m.OrderBlock) -> list[etree._Element]:
    """IT IS SO ORDERED, the date line and the judge's signature line, kept together on
    one page."""
    lines: list[tuple[str, int | None, bool, str]] = [
        ("IT IS SO ORDERED.", None, True, "720"),
        ("Dated: \t", SIGNATURE_LINE_END - 1800, False, "480"),
        ("\t", SIGNATURE_LINE_END, False, "720"),
        (block.judge or "", None, False, "0"),
        (block.judge_title, None, False, "0"),
    ]
    out: list[etree._Element] = []
    for index, (text, line_end, bold, before) in enumerate(lines):
        if not text:
            continue
        p, ppr = styles.para("Signature Block")
        if index < len(lines) - 1:
            sub(ppr, "keepNext")
        if line_end is not None:
            tabs = sub(ppr, "tabs")
            sub(tabs, "tab", {"val": "left", "leader": "underscore", "pos": str(line_end)})
        if before != "0":
            sub(ppr, "spacing", {"before": before})
        p.append(fields.run(text, rpr(bold)))
        out.append(p)
    return out
