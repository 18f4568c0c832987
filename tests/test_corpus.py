"""Every .docx in tests/data/corpus (Word, LibreOffice, python-docx, docxtpl files) is read as
it is written — the reader's text agrees with python-docx's — and reviewed without a
traceback: a report, or a one-line DocxReadError."""

from __future__ import annotations

import docx
import pytest
from click.testing import CliRunner
from conftest import CORPUS

from drafter.cli.review import review
from drafter.docx.read import read_docx
from drafter.errors import DocxReadError
from drafter.model import Block, Heading, Paragraph, Table
from drafter.review import ReviewInputError, review_file
from drafter.review.report import to_json

FILES = sorted(CORPUS.glob("*.docx"))


def test_corpus_is_present() -> None:
    assert len(FILES) >= 50


def _norm(text: str) -> str:
    return " ".join(text.split())


def _our_texts(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            out.append(_norm(block.text))
        elif isinstance(block, Table):
            out.extend(_norm(p.text) for row in block.rows for cell in row for p in cell.paragraphs)
        elif hasattr(block, "blocks"):
            out.extend(_our_texts(block.blocks))
    return out


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_what_is_read_matches_the_file(path) -> None:
    """Each body paragraph python-docx sees is read with the same text, in the same order.

    The reader sees more than python-docx (paragraphs inside content controls and tables), so
    python-docx's paragraphs must appear in order among ours. Paragraphs holding a field or an
    inline content control are left out: the reader gives what Word prints there (the field's
    cached result, the control's content), python-docx gives nothing."""
    document = docx.Document(str(path))
    theirs = [
        _norm(p.text)
        for p in document.paragraphs
        if not p._p.xpath(".//w:fldSimple | .//w:instrText | ./w:sdt")
    ]
    ours = iter(_our_texts(read_docx(path).body))
    missing = [text for text in theirs if text not in ours]
    assert not missing, missing[:3]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_review_survives(path) -> None:
    try:
        report = review_file(path)
    except (DocxReadError, ReviewInputError) as exc:  # unreadable, or no text to review
        assert "\n" not in str(exc) and str(exc)
        return
    assert report.kind in ("directive", "narrative", "other")
    assert '"schema_version": 1' in to_json(report)
    for f in report.findings:
        assert f.severity in ("error", "warning", "note") and f.message and f.fix


def test_template_tags_in_docxtpl_files_are_reported_as_blanks() -> None:
    path = CORPUS / "docxtpl-escape_tpl.docx"  # in the repository: absent is a failure, not a skip
    checks = {f.check for f in review_file(path).findings if f.severity == "error"}
    assert "blanks.placeholder" in checks


def test_cli_over_corpus_exits_0_1_or_2_with_one_line_on_refusal() -> None:
    runner = CliRunner()
    for path in FILES:
        result = runner.invoke(review, [str(path), "--format", "json"])
        assert result.exit_code in (0, 1, 2), (path.name, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), path.name
        if result.exit_code == 2:  # refused: one line on stderr naming the file, no report
            assert result.stdout == "" and result.stderr.startswith(f"{path}: "), result.output
            assert len(result.stderr.splitlines()) == 1, result.stderr
