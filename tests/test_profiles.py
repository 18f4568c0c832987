"""Solicitation profiles: loading with file:line errors, selection, a new year without code."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from drafter.build import build
from drafter.compose.profiles import load_profile, load_profiles, select_profile
from drafter.errors import LibraryError, ProfileNotFound
from drafter.library.clauses import load_library

PROFILES = ROOT / "templates" / "narrative" / "profiles"
EXAMPLES = ROOT / "examples"


def test_builtin_profiles_load_and_name_their_10382c_items() -> None:
    profiles = load_profiles(load_library())
    assert {"chp-2024", "cpd-2024"} <= set(profiles)
    chp = profiles["chp-2024"].profile
    assert chp.program == "CHP" and chp.fiscal_year == 2024
    assert [s.id for s in chp.sections][:2] == ["summary", "problem"]
    assert chp.required_10382c == list(range(1, 12))
    assert profiles["cpd-2024"].profile.limits == {"pages": 20}
    assert profiles["cpd-2024"].profile.format.line_spacing == 2


def test_unknown_program_year_lists_the_profiles_available() -> None:
    profiles = load_profiles(load_library())
    with pytest.raises(ProfileNotFound) as info:
        select_profile(profiles, "CHP", 2019)
    message = str(info.value)
    assert "CHP FY2019 ('chp-2019')" in message
    assert "available: " in message and "chp-2024" in message and "cpd-2024" in message
    assert select_profile(profiles, "CHP", 2019, explicit="chp-2024").id == "chp-2024"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unknown_key_is_reported_at_its_line(tmp_path: Path) -> None:
    text = (
        (PROFILES / "chp-2024.yaml")
        .read_text()
        .replace("    limit: {characters: 4000}", "    limits: {characters: 4000}", 1)
    )
    path = _write(tmp_path, "chp-2024.yaml", text)
    line = text.splitlines().index("    limits: {characters: 4000}") + 1
    with pytest.raises(LibraryError) as info:
        load_profile(path)
    assert f"chp-2024.yaml:{line}: sections[2].limits: Extra inputs are not permitted" in str(info.value)


def test_a_section_page_limit_is_refused_at_its_line(tmp_path: Path) -> None:
    # pages can only be counted for the whole rendered narrative, not per section
    text = (PROFILES / "cpd-2024.yaml").read_text().replace("limit: {words: 1000}", "limit: {pages: 3}")
    path = _write(tmp_path, "cpd-2024.yaml", text)
    line = next(i for i, line in enumerate(text.splitlines(), 1) if "limit: {pages: 3}" in line)
    with pytest.raises(LibraryError) as info:
        load_profile(path)
    assert f"cpd-2024.yaml:{line}: sections[2].limit.pages" in str(info.value)


def test_file_name_must_match_program_and_year(tmp_path: Path) -> None:
    path = _write(tmp_path, "chp-2025.yaml", (PROFILES / "chp-2024.yaml").read_text())
    with pytest.raises(
        LibraryError, match=r"chp-2025.yaml:\d+: program: a CHP FY2024 profile is named 'chp-2024.yaml'"
    ):
        load_profile(path)


def test_adding_a_year_is_adding_a_file(tmp_path: Path) -> None:
    overlay = tmp_path / "lib" / "templates" / "narrative" / "profiles"
    overlay.mkdir(parents=True)
    text = (PROFILES / "chp-2024.yaml").read_text().replace("fiscal_year: 2024", "fiscal_year: 2025")
    text = text.replace("heading: Retention Plan", "heading: Plan to Keep the Positions")
    (overlay / "chp-2025.yaml").write_text(text)
    source = tmp_path / "chp-2025-input.yaml"
    source.write_text(
        (EXAMPLES / "millbrook-chp.yaml").read_text().replace("fiscal_year: 2024", "fiscal_year: 2025")
    )
    result = build(source, tmp_path / "out.docx", library=load_library([tmp_path / "lib"]))
    assert result.profile == "chp-2025"
    assert "Plan to Keep the Positions" in [m.section for m in result.measures]


def test_a_build_reads_only_the_profile_it_follows(tmp_path: Path) -> None:
    overlay = tmp_path / "lib" / "templates" / "narrative" / "profiles"
    overlay.mkdir(parents=True)
    (overlay / "cpd-2025.yaml").write_text("program: CPD\nfiscal_year: [half-written\n")
    library = load_library([tmp_path / "lib"])
    result = build(EXAMPLES / "millbrook-chp.yaml", tmp_path / "out.docx", library=library)
    assert result.profile == "chp-2024"
    with pytest.raises(LibraryError, match="cpd-2025.yaml"):
        load_profiles(library)  # library check still reads every profile and names the broken one
