"""A solicitation's formatting rules laid over the reference document's styles.

WordprocessingML: the font and size of body text come from the Normal style (w:rFonts,
w:sz in half-points) and the document defaults (w:docDefaults/w:rPrDefault); line spacing
from w:spacing/@w:line (240ths of a line, lineRule "auto"); margins from the section's
w:pgMar (twentieths of a point). Styles that set their own spacing (Body Text, List
Bullet, List Number) get the spacing too, or they would keep the reference's.
"""

from __future__ import annotations

import docx.document
from docx.shared import Inches, Pt

from drafter.docx.namespaces import W
from drafter.model import PageFormat

BODY_STYLES = ("Normal", "Body Text", "List Bullet", "List Number")
PARAGRAPH_INDENT = Inches(0.5)
"""First-line indent of body paragraphs when lines are spaced: with double spacing the gap
between paragraphs equals the gap between lines, so only an indent shows where one starts."""


def apply_page_format(document: docx.document.Document, fmt: PageFormat | None) -> None:
    """Apply every rule `fmt` sets; a None field keeps the reference document's choice."""
    if fmt is None:
        return
    styles = {s.name: s for s in document.styles if s.type == 1}  # paragraph styles
    normal = styles.get("Normal")
    if normal is not None:
        if fmt.font:
            normal.font.name = fmt.font
            normal.element.get_or_add_rPr().get_or_add_rFonts().set(f"{W}eastAsia", fmt.font)
        if fmt.size_pt:
            normal.font.size = Pt(fmt.size_pt)
    if fmt.line_spacing:
        for name in BODY_STYLES:
            style = styles.get(name)
            if style is not None:
                style.paragraph_format.line_spacing = fmt.line_spacing
        body = styles.get("Body Text")
        if body is not None and fmt.line_spacing > 1:
            body.paragraph_format.first_line_indent = PARAGRAPH_INDENT
    if fmt.margins_in:
        for section in document.sections:
            margin = Inches(fmt.margins_in)
            section.top_margin = section.bottom_margin = margin
            section.left_margin = section.right_margin = margin
