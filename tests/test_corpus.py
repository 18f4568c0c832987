"""Every .docx in tests/data/corpus (Word, LibreOffice, python-docx, docxtpl files) is reviewed
without a traceback: a report, or a one-line DocxReadError."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from review_helpers import CORPUS

from drafter.cli.review import review
from drafter.errors import DocxReadError
from drafter.review import ReviewInputError, review_file
from drafter.review.report import to_json

FILES = sorted(CORPUS.glob("*.docx"))


def test_corpus_is_present() -> None:
    assert len(FILES) >= 50


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
    path = CORPUS / "docxtpl-escape_tpl.docx"
    if not path.exists():
        pytest.skip("corpus file absent")
    checks = {f.check for f in review_file(path).findings if f.severity == "error"}
    assert "blanks.placeholder" in checks


def test_cli_over_corpus_exits_0_1_or_2_with_one_line_on_refusal() -> None:
    runner = CliRunner()
    for path in FILES:
        result = runner.invoke(review, [str(path), "--format", "json"])
        assert result.exit_code in (0, 1, 2), (path.name, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), path.name
