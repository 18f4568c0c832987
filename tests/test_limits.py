# mypy: disable-error-code="union-attr"
"""Section limits: a section over its profile's limit fails the build with section, limit, excess."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from drafter.build import build
from drafter.cli.main import main
from drafter.compose.narrative import compose_narrative
from drafter.compose.profiles import load_profiles
from drafter.compose.section_limits import check_pages
from drafter.errors import LimitError
from drafter.inputs.loader import load_inputs
from drafter.library.clauses import load_library
from drafter.model import Paragraph, sections

PROFILES = ROOT / "templates" / "narrative" / "profiles"
CHP = ROOT / "examples" / "millbrook-chp.yaml"
CPD = ROOT / "examples" / "eastgate-cpd.yaml"


def _overlay(tmp_path: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / "lib" / "templates" / "narrative" / "profiles"
    folder.mkdir(parents=True)
    text = (PROFILES / name).read_text()
    assert old in text
    (folder / name).write_text(text.replace(old, new))
    return tmp_path / "lib"


def test_counts_are_made_on_the_composed_text() -> None:
    composition, loaded, measures = compose_narrative(load_inputs(CHP), load_library())
    summary = next(m for m in measures if m.section == "Executive Summary")
    assert summary.unit == "characters" and summary.limit == 2000
    texts = [s for s in sections(composition.document) if s.heading and s.heading.text == "Executive Summary"]
    assert summary.amount == sum(len(b.text) for b in texts[0].blocks if isinstance(b, Paragraph))
    assert [m.section for m in measures] == [s.heading for s in loaded.profile.sections]


def test_over_the_character_limit_fails_naming_section_limit_and_excess(tmp_path: Path) -> None:
    inputs = load_inputs(CHP)
    library = load_library()
    _, _, measures = compose_narrative(inputs, library)
    actual = next(m.amount for m in measures if m.section == "Executive Summary")
    lib = _overlay(tmp_path, "chp-2024.yaml", "limit: {characters: 2000}", "limit: {characters: 100}")
    with pytest.raises(LimitError) as info:
        compose_narrative(inputs, load_library([lib]))
    assert info.value.lines() == [
        f"{lib}/templates/narrative/profiles/chp-2024.yaml: section 'Executive Summary': "
        f"{actual} characters, limit 100 ({actual - 100} characters over)"
    ]


def test_over_the_word_limit_fails_the_build_with_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    from click.testing import CliRunner

    lib = _overlay(tmp_path, "cpd-2024.yaml", "limit: {words: 1000}", "limit: {words: 10}")
    out = tmp_path / "cpd.docx"
    result = CliRunner().invoke(main, ["build", str(CPD), "-o", str(out), "--library", str(lib)])
    assert result.exit_code == 2
    assert "section 'Capability and Competency':" in result.output
    assert "words, limit 10 (" in result.output and "words over)" in result.output
    assert not out.exists()


def test_page_limit_is_checked_against_the_pdf_count() -> None:
    loaded = load_profiles(load_library())["cpd-2024"]
    assert check_pages(20, loaded, "x.pdf").over == 0
    with pytest.raises(LimitError) as info:
        check_pages(23, loaded, "x.pdf")
    assert info.value.lines() == ["x.pdf: section 'whole narrative': 23 pages, limit 20 (3 pages over)"]
    chp = load_profiles(load_library())["chp-2024"]
    assert check_pages(99, chp, "x.pdf") is None  # CHP's online form sets no page limit


def test_pdf_build_reports_pages_against_the_limit(tmp_path: Path) -> None:
    from soffice import need

    need("soffice")
    result = build(CPD, tmp_path / "cpd.docx", pdf=True)
    assert result.pdf == tmp_path / "cpd.pdf" and result.pdf.is_file()
    assert result.pages.limit == 20 and 2 <= result.pages.amount <= 20


def test_missing_libreoffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.errors import PdfError

    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(PdfError, match="--pdf needs LibreOffice"):
        build(CPD, tmp_path / "cpd.docx", pdf=True)
