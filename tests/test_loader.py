"""Input files: every problem reported at its line and column, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

from drafter.errors import InputError
from drafter.inputs.loader import check_file, load_inputs

MINIMAL = (DATA / "minimal.yaml").read_text()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "city.yaml"
    path.write_text(text)
    return path


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_minimal_input_loads_with_defaults() -> None:
    inputs = load_inputs(DATA / "minimal.yaml")
    assert inputs.agency.short_name == "TPD"
    assert inputs.document.modal == "shall"
    assert inputs.agency.area_term == "district"  # default given as plain text, not an enum
    assert inputs.commitments.deadlines.plan == 180


def test_enum_error_names_line_field_and_choices(tmp_path: Path) -> None:
    text = MINIMAL.replace("kind: housing", "kind: church")
    problems = check_file(write(tmp_path, text))
    assert len(problems) == 1
    p = problems[0]
    assert (p.line, p.field) == (line_of(text, "kind: church"), "partners[0].kind")
    assert p.column == 11
    assert "'church' is not one of: neighborhood, faith, youth" in p.message
    assert str(p).startswith(f"{tmp_path / 'city.yaml'}:{p.line}:11: partners[0].kind: ")


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    text = MINIMAL.replace("  short_name: TPD", "  short_nme: TPD")
    problems = check_file(write(tmp_path, text))
    messages = {p.field: p for p in problems}
    assert "agency.short_nme" in messages
    assert "did you mean 'short_name'?" in messages["agency.short_nme"].message
    assert messages["agency.short_nme"].line == line_of(text, "short_nme")
    # the now-missing key is reported too, at the agency mapping
    assert "required key is missing" in messages["agency.short_name"].message


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    text = (
        MINIMAL.replace("kind: housing", "kind: church")
        .replace("initial_hours: 24", "initial_hours: 0")
        .replace("frequency: annually", "frequency: weekly")
    )
    problems = check_file(write(tmp_path, text))
    assert [p.field for p in problems] == [
        "partners[0].kind",
        "commitments.training.initial_hours",
        "metrics[0].frequency",
    ]
    assert [p.line for p in problems] == sorted(p.line for p in problems)  # type: ignore[type-var]


def test_cross_checks_point_at_the_field_to_change(tmp_path: Path) -> None:
    text = (
        MINIMAL.replace("partner: eastside-tenants", "partner: westside")
        .replace("  start_section: 10", "  start_section: 10\n  term_years: 1")
        .replace("    annual_hours: 8", "    annual_hours: 8\n  deadlines:\n    plan: 400")
    )
    problems = check_file(write(tmp_path, text))
    by_field = {p.field: p for p in problems}
    assert (
        "'westside' is not a listed partner (partners: eastside-tenants)"
        in by_field["problems[0].responses[0].partner"].message
    )
    assert by_field["problems[0].responses[0].partner"].line == line_of(text, "partner: westside")
    assert (
        "falls after the decree ends (1 years = 365 days)" in by_field["commitments.deadlines.plan"].message
    )


def test_directive_without_decree_is_refused(tmp_path: Path) -> None:
    start = MINIMAL.index("decree:")
    end = MINIMAL.index("partners:")
    text = MINIMAL[:start] + MINIMAL[end:]
    problems = check_file(write(tmp_path, text))
    assert [p.field for p in problems] == ["document.kind"]
    assert "needs a 'decree' section" in problems[0].message


def test_yaml_syntax_error_is_one_located_line(tmp_path: Path) -> None:
    text = MINIMAL.replace("  short_name: TPD", "  short_name: [TPD")
    problems = check_file(write(tmp_path, text))
    assert len(problems) == 1
    assert problems[0].message.startswith("YAML syntax:")
    assert problems[0].line is not None and problems[0].line >= line_of(text, "[TPD")


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    text = MINIMAL.replace("  short_name: TPD", "  short_name: TPD\n  short_name: RPD")
    problems = check_file(write(tmp_path, text))
    assert len(problems) == 1 and "YAML syntax" in problems[0].message


def test_bad_docket_number_and_date(tmp_path: Path) -> None:
    text = MINIMAL.replace("1:15-cv-01046", "15-1046").replace("2026-01-15", "2026-02-30")
    problems = check_file(write(tmp_path, text))
    fields = {p.field: p.message for p in problems}
    assert "is not a docket number like '1:15-cv-01046'" in fields["decree.case_number"]
    assert "decree.effective_date" in fields


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_inputs(tmp_path / "nope.yaml")
    assert "file not found" in str(info.value)
