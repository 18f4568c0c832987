"""Tables (ECMA-376 Part 1, 17.4): a Markdown table in a clause, a budget, a timeline.

Rows never split across pages, the header row repeats on each page, and each row keeps with
the next so a total never starts a page alone.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from drafter import model as m
from drafter.docx.fields import W, el, sub
from drafter.docx.styles import SIGNATURE_LINE_END, StyleMap


def table(styles: StyleMap, table: m.Table, paragraph: Callable[..., etree._Element]) -> etree._Element:
    """A Word table; `paragraph` writes each cell paragraph (the body writer's own, so
    numbering and bookmarks work in cells too)."""
    tbl = el("tbl")
    tbl_pr = sub(tbl, "tblPr")
    sub(tbl_pr, "tblStyle", {"val": styles.id(table.style or "Table Grid", "table")})
    sub(tbl_pr, "tblW", {"w": "5000", "type": "pct"})
    sub(
        tbl_pr,
        "tblLook",
        {
            "val": "04A0",
            "firstRow": "1",
            "lastRow": "0",
            "firstColumn": "0",
            "lastColumn": "0",
            "noHBand": "0",
            "noVBand": "1",
        },
    )
    columns = max((len(r) for r in table.rows), default=1) or 1
    grid = sub(tbl, "tblGrid")
    for _ in range(columns):
        sub(grid, "gridCol", {"w": str(SIGNATURE_LINE_END // columns)})
    for index, row in enumerate(table.rows):
        tr = sub(tbl, "tr")
        is_header = table.header and index == 0
        tr_pr = sub(tr, "trPr")
        sub(tr_pr, "cantSplit")
        if is_header:
            sub(tr_pr, "tblHeader")  # repeated at the top of every page
        last_row = index == len(table.rows) - 1
        for column, cell in enumerate(row):
            tc = sub(tr, "tc")
            sub(sub(tc, "tcPr"), "tcW", {"w": str(SIGNATURE_LINE_END // columns), "type": "dxa"})
            align = table.align[column] if column < len(table.align) else None
            for para in cell.paragraphs:
                p = paragraph(para, in_cell=True, bold=is_header)
                _cell_paragraph(p, align, keep_with_next=not last_row)
                tc.append(p)
            if not cell.paragraphs:
                sub(tc, "p")
    return tbl


def _cell_paragraph(p: etree._Element, align: str | None, keep_with_next: bool) -> None:
    """Right-align amounts (a `---:` column); keep every row with the next one, so a table's
    total never starts a page alone (Word honours keepNext across rows); and single-space
    cells, which a double-spaced solicitation format would otherwise stretch."""
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{W}pPr")
        p.insert(0, ppr)
    added = [el("keepNext")] if keep_with_next else []
    added.append(el("spacing", {"before": "0", "after": "0", "line": "240", "lineRule": "auto"}))
    if align in ("right", "center"):
        added.append(el("jc", {"val": align}))
    style = ppr.find(f"{W}pStyle")
    at = 1 if style is not None else 0  # schema order: pStyle, keepNext, spacing, jc, rPr
    for offset, child in enumerate(added):
        ppr.insert(at + offset, child)
