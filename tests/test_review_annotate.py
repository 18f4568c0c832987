from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from review_helpers import decree_docx, wrap_clause

from drafter.errors import OutputError
from drafter.review import review_file
from drafter.review.annotate import annotate


def _make(tmp_path: Path) -> Path:
    path = decree_docx(
        tmp_path / "in.docx", ["The City shall act by [INSERT DATE].", "Within thirty (60) days."]
    )
    document = docx.Document(str(path))
    wrap_clause(document, [document.paragraphs[2]], "timing.deadline", 1)
    document.save(str(path))
    return path


def test_comments_sit_on_the_findings_paragraphs_including_inside_controls(tmp_path: Path) -> None:
    src = _make(tmp_path)
    report = review_file(src)
    out = tmp_path / "out.docx"
    annotate(src, report, out)
    with zipfile.ZipFile(out) as z:
        document_xml = z.read("word/document.xml").decode()
        comments_xml = z.read("word/comments.xml").decode()
    assert document_xml.count("<w:commentRangeStart") == len(report.findings)
    assert 'w:author="drafter review"' in comments_xml and 'w:initials="DR"' in comments_xml
    # the words-vs-digits finding is on the paragraph inside the content control
    sdt = document_xml[document_xml.index("<w:sdt>") : document_xml.index("</w:sdt>")]
    assert "commentRangeStart" in sdt and "thirty (60)" in sdt
    assert "numbers.words-digits" in comments_xml


def test_output_is_deterministic_and_input_untouched(tmp_path: Path) -> None:
    src = _make(tmp_path)
    before = src.read_bytes()
    report = review_file(src)
    annotate(src, report, tmp_path / "a.docx")
    annotate(src, report, tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    assert src.read_bytes() == before
    with pytest.raises(OutputError):
        annotate(src, report, src)
    assert not list(tmp_path.glob(".*.tmp"))


def test_annotated_copy_converts_with_libreoffice(tmp_path: Path) -> None:
    from soffice import convert_to_pdf, pdf_text

    src = _make(tmp_path)
    out = tmp_path / "annotated.docx"
    annotate(src, review_file(src), out)
    pdf = convert_to_pdf(out, tmp_path / "pdf")
    assert "thirty (60)" in pdf_text(pdf)
