"""Narrative inputs and composition: each COPS rule fails at the line to change; the CHP and
CPD examples compose into unnumbered sections that follow their profiles."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from drafter.compose.answers import UnansweredError
from drafter.compose.narrative import compose_narrative
from drafter.inputs.loader import check_file, load_inputs
from drafter.library.clauses import load_library
from drafter.model import Heading, Paragraph, Table, iter_blocks, iter_paragraphs

CHP = ROOT / "examples" / "millbrook-chp.yaml"
CPD = ROOT / "examples" / "eastgate-cpd.yaml"


def problems_after(tmp_path: Path, source: Path, old: str, new: str) -> tuple[list[str], list[str]]:
    """Validate `source` with one edit; returns the problems and the edited file's lines."""
    text = source.read_text()
    assert text.count(old) == 1, old
    edited = tmp_path / source.name
    edited.write_text(text.replace(old, new))
    return [str(p) for p in check_file(edited)], edited.read_text().splitlines()


def line_of(lines: list[str], fragment: str, after: int = 0) -> int:
    return next(i for i, line in enumerate(lines, 1) if i > after and fragment in line)


def test_examples_are_valid() -> None:
    assert check_file(CHP) == [] and check_file(CPD) == []


def test_chp_without_a_primary_problem(tmp_path: Path) -> None:
    found, lines = problems_after(tmp_path, CHP, "    primary: true\n", "")
    assert found == [
        f"{tmp_path}/millbrook-chp.yaml:{line_of(lines, 'problems:')}:1: problems: "
        "a CHP application names one primary problem: mark one with 'primary: true'"
    ]


def test_chp_with_two_primary_problems_points_at_the_second(tmp_path: Path) -> None:
    extra = """  - id: speeding
    name: Speeding on Main Street
    primary: true
    data_sources: [traffic counts]
    root_causes: [wide straight road]
    responses:
      - action: Narrow the road with planters.
        partner: river-street-tenants
        measure: Average speed.
commitments:
"""
    found, lines = problems_after(tmp_path, CHP, "commitments:\n", extra)
    second = line_of(lines, "primary: true", after=line_of(lines, "Speeding"))
    assert found == [
        f"{tmp_path}/millbrook-chp.yaml:{second}:14: problems[1].primary: a CHP application "
        "names exactly one primary problem; problems[0] is already primary"
    ]


def test_match_below_25_percent_without_waiver(tmp_path: Path) -> None:
    found, lines = problems_after(tmp_path, CHP, "local_match_percent: 45", "local_match_percent: 20")
    assert len(found) == 2  # the lower match also breaks the federal cap
    line = line_of(lines, "local_match_percent: 20")
    assert (
        f"millbrook-chp.yaml:{line}:24: grant.local_match_percent: the local match is 20%; CHP requires at least 25%"
        in found[1]
    )


def test_a_waiver_allows_no_match(tmp_path: Path) -> None:
    waived, _ = problems_after(
        tmp_path, CHP, "local_match_percent: 45\n", "local_match_percent: 0\n  match_waiver: true\n"
    )
    assert all("local_match_percent" not in f for f in waived)
    refused, _ = problems_after(tmp_path, CHP, "local_match_percent: 45\n", "local_match_percent: 0\n")
    assert any("grant.local_match_percent: the local match is 0%" in f for f in refused)


def test_federal_share_over_125000_per_position(tmp_path: Path) -> None:
    found, lines = problems_after(tmp_path, CHP, "entry_salary: 52000", "entry_salary: 60000")
    line = line_of(lines, "entry_salary: 60000")
    assert found == [
        f"{tmp_path}/millbrook-chp.yaml:{line}:21: grant.positions[0].entry_salary: the federal share per "
        "position is $141,269.58 over 3 years, $16,269.58 above CHP's $125,000 cap; raise the local match "
        "(at least 52% fits) or lower the salary requested"
    ]


def test_sro_time_below_75_percent(tmp_path: Path) -> None:
    found, lines = problems_after(
        tmp_path,
        CHP,
        "      annual_increase_percent: 3\n",
        "      annual_increase_percent: 3\n      sro: true\n      sro_time_percent: 60\n",
    )
    line = line_of(lines, "sro_time_percent: 60")
    assert found == [
        f"{tmp_path}/millbrook-chp.yaml:{line}:25: grant.positions[0].sro_time_percent: school "
        "resource officers funded by CHP spend at least 75% of their time in or around schools, not 60%"
    ]


def test_sro_without_a_time_share(tmp_path: Path) -> None:
    found, lines = problems_after(
        tmp_path,
        CHP,
        "      annual_increase_percent: 3\n",
        "      annual_increase_percent: 3\n      sro: true\n",
    )
    assert found == [
        f"{tmp_path}/millbrook-chp.yaml:{line_of(lines, 'sro: true')}:12: grant.positions[0].sro: "
        "give 'sro_time_percent' for school resource officers (CHP: at least 75)"
    ]


def test_a_response_names_a_listed_partner(tmp_path: Path) -> None:
    found, lines = problems_after(
        tmp_path, CHP, "        partner: millbrook-recovery", "        partner: the-clinic"
    )
    assert found == [
        f"{tmp_path}/millbrook-chp.yaml:{line_of(lines, 'the-clinic')}:18: "
        "problems[0].responses[1].partner: 'the-clinic' is not a listed partner "
        "(partners: river-street-tenants, millbrook-recovery)"
    ]


def test_a_pledge_names_a_listed_partner(tmp_path: Path) -> None:
    found, lines = problems_after(
        tmp_path,
        CHP,
        "    - partner: millbrook-recovery\n      contact:",
        "    - partner: the-clinic\n      contact:",
    )
    assert found == [
        f"{tmp_path}/millbrook-chp.yaml:{line_of(lines, 'the-clinic')}:16: "
        "grant.pledges[1].partner: 'the-clinic' is not a listed partner "
        "(partners: river-street-tenants, millbrook-recovery)"
    ]


def test_a_response_needs_a_measure(tmp_path: Path) -> None:
    found, lines = problems_after(
        tmp_path, CHP, "        measure: People who start treatment after an overdose call.\n", ""
    )
    assert len(found) == 1 and "problems[0].responses[1].measure: required key is missing" in found[0]


def test_a_narrative_needs_a_grant(tmp_path: Path) -> None:
    text = CHP.read_text()
    start, end = text.index("grant:\n"), text.index("partners:\n")
    edited = tmp_path / "x.yaml"
    edited.write_text(text[:start] + text[end:])
    assert [str(p) for p in check_file(edited)] == [
        f"{edited}:{line_of(edited.read_text().splitlines(), 'kind: narrative')}:9: document.kind: a narrative needs a 'grant' section (program, fiscal year)"
    ]


def test_unknown_program_lists_the_programs(tmp_path: Path) -> None:
    found, lines = problems_after(tmp_path, CHP, "program: CHP", "program: CHIP")
    assert found[0].startswith(
        f"{tmp_path}/millbrook-chp.yaml:{line_of(lines, 'CHIP')}:12: grant.program: "
        "'CHIP' is not one of: CHP, CPD,"
    )


def test_community_applicant_needs_a_police_partner(tmp_path: Path) -> None:
    text = CPD.read_text()
    start, end = text.index("  police_partner:\n"), text.index("  need:\n")
    edited = tmp_path / "e.yaml"
    edited.write_text(text[:start] + text[end:])
    line = line_of(edited.read_text().splitlines(), "kind: community organization")
    assert [str(p) for p in check_file(edited)] == [
        f"{edited}:{line}:11: grant.applicant.kind: a community organization applying with a police partner "
        "describes the agency's part: add 'police_partner'"
    ]


def test_deliverable_after_the_project_ends(tmp_path: Path) -> None:
    found, lines = problems_after(tmp_path, CPD, "      month: 24\n", "      month: 30\n")
    assert found == [
        f"{tmp_path}/eastgate-cpd.yaml:{line_of(lines, 'month: 30')}:14: grant.deliverables[1].month: "
        "month 30 is after the project ends (project_months: 24)"
    ]


def test_timeline_step_that_ends_before_it_starts(tmp_path: Path) -> None:
    found, lines = problems_after(
        tmp_path,
        CPD,
        "      start_month: 20\n      end_month: 24\n",
        "      start_month: 20\n      end_month: 19\n",
    )
    assert found == [
        f"{tmp_path}/eastgate-cpd.yaml:{line_of(lines, 'end_month: 19')}:18: grant.timeline[7].end_month: "
        "ends in month 19, before it starts (month 20)"
    ]


def test_timeline_step_that_ends_after_the_project(tmp_path: Path) -> None:
    found, lines = problems_after(
        tmp_path,
        CPD,
        "      start_month: 20\n      end_month: 24\n",
        "      start_month: 20\n      end_month: 26\n",
    )
    assert found == [
        f"{tmp_path}/eastgate-cpd.yaml:{line_of(lines, 'end_month: 26')}:18: grant.timeline[7].end_month: "
        "month 26 is after the project ends (project_months: 24)"
    ]


def test_a_project_lasts_at_most_60_months(tmp_path: Path) -> None:
    found, lines = problems_after(tmp_path, CPD, "  project_months: 24\n", "  project_months: 61\n")
    assert found == [
        f"{tmp_path}/eastgate-cpd.yaml:{line_of(lines, 'project_months: 61')}:19: grant.project_months: "
        "Input should be less than or equal to 60"
    ]


def test_chp_narrative_follows_its_profile_unnumbered() -> None:
    composition, loaded, _ = compose_narrative(load_inputs(CHP), load_library())
    doc = composition.document
    headings = [b for b in doc.body if isinstance(b, Heading)]
    assert [h.text for h in headings] == [s.heading for s in loaded.profile.sections]
    assert all(h.number is None for h in headings) and not doc.meta.numbered_headings
    assert {p.numbering for p in iter_paragraphs(doc.body)} <= {"none", "ordered", "bullet"}
    assert doc.meta.page_format is not None and doc.meta.page_format.line_spacing == 2
    tables = [b for b in iter_blocks(doc.body) if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].rows[-1][4].text == "$244,867.28"
    text = " ".join(p.text for p in iter_paragraphs(doc.body))
    assert (
        "one primary problem: open-air drug sales on River Street." in text
        and "Millbrook Recovery Center does this with officers" in text
    )


def test_cpd_narrative_has_timeline_table_and_community_side_capacity() -> None:
    composition, _, _ = compose_narrative(load_inputs(CPD), load_library())
    assert "narrative.cpd.community-applicant" in composition.clause_ids
    tables = [b for b in iter_blocks(composition.document.body) if isinstance(b, Table)]
    header_rows = [[c.text for c in t.rows[0]] for t in tables]
    assert ["Activity", "Months", "Lead"] in header_rows
    timeline = tables[header_rows.index(["Activity", "Months", "Lead"])]
    assert [c.text for c in timeline.rows[1]] == [
        "Recruit and train resident leaders",
        "1–6",
        "Eastgate Neighbors United",
    ]
    paragraphs = [p.text for p in iter_paragraphs(composition.document.body) if isinstance(p, Paragraph)]
    assert any(
        "organizing, voicing members' concerns, leadership, and bridging conflicts" in t for t in paragraphs
    )


def test_an_unanswered_10382c_item_fails_the_build(tmp_path: Path) -> None:
    """A profile that drops the clause answering item 9 leaves the text without an answer:
    the build reads its own text with review's checks and refuses, naming the field."""
    folder = tmp_path / "lib" / "templates" / "narrative" / "profiles"
    folder.mkdir(parents=True)
    text = (ROOT / "templates" / "narrative" / "profiles" / "chp-2024.yaml").read_text()
    old = "      - narrative.justice-system\n"
    assert old in text
    (folder / "chp-2024.yaml").write_text(text.replace(old, ""))
    with pytest.raises(UnansweredError) as info:
        compose_narrative(load_inputs(CHP), load_library([tmp_path / "lib"]), source="millbrook-chp.yaml")
    assert info.value.lines() == [
        "millbrook-chp.yaml: narrative: 34 U.S.C. § 10382(c)(9) not answered: Effect on the rest of the "
        "criminal-justice system. (give grant.justice_system) [grant.10382c-missing]"
    ]
