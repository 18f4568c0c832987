"""The contents of a directive's PDF show the page of every heading (issue 12)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import EXAMPLES
from soffice import need, pdf_text

from drafter.build import build
from drafter.docx.toc_pages import heading_pages
from drafter.model import Heading


def test_heading_pages_skips_the_contents_and_reads_capitals() -> None:
    pages = [
        "CONTENTS\nI. Purpose\nA. One\nA. Two\nII. Scope\n",
        "I. PURPOSE\ntext\nA. One\n",
        "A. Two\nII. SCOPE\n",
    ]
    entries = [(1, "I. Purpose"), (2, "A. One"), (2, "A. Two"), (1, "II. Scope")]
    assert heading_pages(pages, entries) == [2, 2, 3, 3]


def test_pdf_contents_list_page_numbers(tmp_path: Path) -> None:
    need("soffice")
    result = build(EXAMPLES / "mesa-county.yaml", output=tmp_path / "mesa.docx", pdf=True)
    assert result.pdf is not None
    text = pdf_text(result.pdf)
    sections = sum(1 for b in result.composition.document.body if isinstance(b, Heading) and b.level == 1)
    contents = text.split("\f")[0]
    entries = [line for line in contents.splitlines() if re.match(r"\s*[IVXLC]+\.\s", line)][:sections]
    assert len(entries) == sections >= 8
    for line in entries:
        assert re.search(r"\.{3,}\s*\d+\s*$", line), line
