"""Narrative layout a reviewer sees: a double-spaced body shows where paragraphs start (a first-
line indent), and budget and deliverable tables right-align amounts, keep rows whole, repeat
their header row and keep the total with the rest of the table (checked in the XML and in
LibreOffice's PDF)."""

from __future__ import annotations

from pathlib import Path

import docx
from click.testing import CliRunner
from conftest import ROOT
from docx.oxml.ns import qn
from docx.table import Table
from soffice import convert_to_pdf, pdf_text

from drafter.cli.main import main


def _table(document: docx.document.Document, first: str) -> Table:
    """The table whose first cell reads `first` (clause content sits inside content controls,
    where `document.tables` does not look)."""
    tables = [Table(t, document) for t in document.element.body.iter(qn("w:tbl"))]
    return next(t for t in tables if t.rows[0].cells[0].text == first)


def _build(name: str, out: Path) -> docx.document.Document:
    result = CliRunner().invoke(main, ["build", str(ROOT / "examples" / name), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return docx.Document(str(out))


def test_budget_table_amounts_right_aligned_rows_whole_header_repeated(tmp_path: Path) -> None:
    out = tmp_path / "millbrook.docx"
    document = _build("millbrook-chp.yaml", out)
    table = _table(document, "Year")
    rows = table._tbl.findall(qn("w:tr"))
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for r in rows[1:])
    keep = [bool(r.findall(f".//{qn('w:keepNext')}")) for r in rows]
    assert keep == [True] * (len(rows) - 1) + [False]  # the total row ends the chain
    assert [c.paragraphs[0].alignment for c in table.rows[1].cells] == [None] + [2] * 5  # 2 = right
    assert document.styles["Body Text"].paragraph_format.first_line_indent is not None
    pages = pdf_text(convert_to_pdf(out, tmp_path)).split("\f")
    page = next(p for p in pages if "$104,000.00" in p)  # the first year row
    assert "$445,213.24" in page and "Local share" in page  # header, rows and total on one page


def test_deliverables_month_column_is_right_aligned(tmp_path: Path) -> None:
    document = _build("eastgate-cpd.yaml", tmp_path / "eastgate.docx")
    table = _table(document, "Deliverable")
    assert [c.paragraphs[0].alignment for c in table.rows[1].cells] == [None, 2, None]
