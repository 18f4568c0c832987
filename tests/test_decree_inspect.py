"""`drafter inspect` on decrees made three ways (drafter, LibreOffice typed numbers, python-docx
list numbering with decimals): the same caption, sections, paragraphs, terms and references."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import ROOT
from decree_fixtures import MAKERS

from drafter.cli.main import main
from drafter.decree.inspect import inspect_decree
from drafter.decree.report import to_json


@pytest.fixture(scope="module", params=sorted(MAKERS))
def decree(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp(f"decree-{request.param}")
    return request.param, MAKERS[request.param](folder / "decree.docx")


def test_inspect_reads_caption_sections_paragraphs(decree: tuple[str, Path]) -> None:
    how, path = decree
    report = to_json(inspect_decree(path))
    assert report["schema_version"] == 1
    assert report["caption"]["case_number"] == "2:19-cv-00417"
    assert "DISTRICT OF NORTHLAND" in report["caption"]["court"].upper()
    assert report["caption"]["plaintiff"].upper().startswith("UNITED STATES OF AMERICA")
    assert report["caption"]["defendant"].upper().startswith("CITY OF BROOKHAVEN")
    assert [(s["label"], s["heading"]) for s in report["sections"] if s["label"]] == [
        ("I", "INTRODUCTION"),
        ("II", "DEFINITIONS"),
        ("III", "USE OF FORCE"),
        ("IV", "MONITORING"),
    ]
    tops = [p for p in report["paragraphs"] if p["level"] == 0]
    assert [p["number"] for p in tops] == [str(n) for n in range(1, 13)]
    assert report["numbering"]["source"] == ("typed" if how == "libreoffice" else "list")
    assert tops[5]["section"] == "III" and tops[5]["first_words"].startswith("BPD shall revise")
    if how == "python-docx":
        subs = [p["number"] for p in report["paragraphs"] if p["level"] == 1]
        assert subs == ["6.1", "6.2"] and report["numbering"]["decimal_sub_numbers"]


def test_inspect_finds_terms_dates_monitor_and_references(decree: tuple[str, Path]) -> None:
    how, path = decree
    report = to_json(inspect_decree(path))
    terms = {t["term"]: t["paragraph"] for t in report["defined_terms"]}
    assert terms == {"Parties": "1", "Effective Date": "3", "Monitor": "4", "BPD": "5"}
    assert report["effective_date"]["paragraph"] == "3"
    assert report["monitor_title"] == "Monitor" and report["agency_term"] == "BPD"
    typed = [(r["paragraph"], r["targets"]) for r in report["references"] if r["kind"] != "field"]
    assert ("9", ["6", "7", "8"]) in typed
    assert ("11", ["6", "9", "10"]) in typed
    assert ("11", ["III", "IV"]) in typed
    assert all(r["resolves"] for r in report["references"])
    if how == "drafter":
        fields = [(r["paragraph"], r["targets"]) for r in report["references"] if r["kind"] == "field"]
        assert fields == [("12", ["2"])]


def test_inspect_cli_text_and_json(decree: tuple[str, Path]) -> None:
    _, path = decree
    text = CliRunner().invoke(main, ["inspect", str(path)])
    assert text.exit_code == 0, text.output
    assert "Case number: 2:19-cv-00417" in text.output and "Paragraphs:  1–12 (12," in text.output
    out = CliRunner().invoke(main, ["inspect", str(path), "--format", "json"])
    assert json.loads(out.output)["numbering"]["last"] == "12"


def test_a_document_that_is_not_a_decree_gets_one_line_and_exit_2(tmp_path: Path) -> None:
    letter = docx.Document()
    letter.add_paragraph("Dear Chief, thank you for meeting with us.")
    letter.save(tmp_path / "letter.docx")  # type: ignore[arg-type]
    (tmp_path / "notes.docx").write_text("not a zip")
    for name, why in (("letter.docx", "not a decree: no numbered paragraphs"), ("notes.docx", "not a .docx")):
        result = CliRunner().invoke(main, ["inspect", str(tmp_path / name)])
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and why in lines[0] and name in lines[0]


def test_the_example_decree_is_reproducible_and_inspects(tmp_path: Path) -> None:
    import runpy

    script = runpy.run_path(str(ROOT / "scripts" / "make_example_decree.py"))
    assert script["build"]() == (ROOT / "examples" / "lakeport-decree.docx").read_bytes()
    report = inspect_decree(ROOT / "examples" / "lakeport-decree.docx")
    assert report.monitor_title == "Independent Monitor" and report.agency_term == "LPD"
    assert report.caption.case_number == "1:17-cv-06214"
