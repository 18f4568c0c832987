"""A solicitation's formatting rules (font, size, spacing, margins) reach the Word file."""

from __future__ import annotations

import dataclasses
import io

import docx
from docx.shared import Inches, Pt
from docx_helpers import NARRATIVE_REF, narrative

from drafter.docx.write import render_docx
from drafter.model import PageFormat


def test_profile_format_overrides_the_reference_document() -> None:
    doc = narrative()
    fmt = PageFormat(font="Arial", size_pt=11, line_spacing=1.5, margins_in=1.25, page_numbers=True)
    doc = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, page_format=fmt))
    out = docx.Document(io.BytesIO(render_docx(doc, NARRATIVE_REF)))
    normal = out.styles["Normal"]
    assert normal.font.name == "Arial"
    assert normal.font.size == Pt(11)
    assert out.styles["Body Text"].paragraph_format.line_spacing == 1.5
    section = out.sections[0]
    assert section.left_margin == Inches(1.25) and section.top_margin == Inches(1.25)


def test_no_format_keeps_the_reference_styles() -> None:
    reference = docx.Document(str(NARRATIVE_REF))
    out = docx.Document(io.BytesIO(render_docx(narrative(), NARRATIVE_REF)))
    assert out.styles["Normal"].font.name == reference.styles["Normal"].font.name
    assert out.sections[0].left_margin == reference.sections[0].left_margin
