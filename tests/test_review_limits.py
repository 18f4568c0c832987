from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from review_helpers import doc, heading, para
from ruamel.yaml import YAML

from drafter.build import build
from drafter.cli.main import main
from drafter.errors import LimitError
from drafter.review import ReviewInputError, review_file
from drafter.review import limit_checks as limits


def _narrative():
    return doc(
        heading("Statement of the Problem"),
        para("word " * 120),
        heading("Project Design and Implementation"),
        para("word " * 30),
        kind="narrative",
    )


def test_sections_over_limit_by_words_characters_and_pages() -> None:
    found = limits.check(
        _narrative(),
        {
            "Statement of the Problem": ("words", 100),
            "project design and implementation": ("characters", 1000),
        },
    )
    assert [(f.check, f.severity, f.location.quote) for f in found] == [
        ("limits.over", "error", "Statement of the Problem")
    ]
    assert "120 words; the limit is 100" in found[0].message
    pages = limits.check(doc(heading("Budget"), para("w " * 600)), {"Budget": ("pages", 2)})
    assert pages and "about 2.2 pages" in pages[0].message


def _tight_profile(tmp_path: Path, limits: dict[str, int]) -> Path:
    """A library layer whose 'cpd-2024-tight' profile is the built-in CPD profile with each
    section's limit set to `limits` characters (by section id); an input that asks for it."""
    layer = tmp_path / "lib"
    folder = layer / "templates" / "narrative" / "profiles"
    folder.mkdir(parents=True)
    text = (ROOT / "templates" / "narrative" / "profiles" / "cpd-2024.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    for section in data["sections"]:
        if section["id"] in limits:
            section["limit"] = {"characters": limits[section["id"]]}
    data.pop("limits", None)
    with (folder / "cpd-2024-tight.yaml").open("w", encoding="utf-8") as out:
        YAML(typ="safe").dump(data, out)
    source = (ROOT / "examples" / "eastgate-cpd.yaml").read_text(encoding="utf-8")
    source = source.replace("  fiscal_year: 2024\n", "  fiscal_year: 2024\n  profile: cpd-2024-tight\n", 1)
    (tmp_path / "eastgate-cpd.yaml").write_text(source, encoding="utf-8")
    return layer


def _characters(result, heading: str) -> int:
    return next(m.amount for m in result.measures if m.unit == "characters" and m.section == heading)


def _review_findings(document: Path, layer: Path) -> list[dict]:
    """`drafter review` with the tight profile from `layer`: its JSON findings."""
    args = ["review", str(document), "--library", str(layer), "--profile", "cpd-2024-tight"]
    result = CliRunner().invoke(main, [*args, "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["findings"]


def test_a_section_built_at_exactly_its_limit_passes_review(tmp_path: Path) -> None:
    """build and review find the same profile in a --library layer and count alike: a section
    at exactly its limit builds and passes review; one character less fails both."""
    layer = _tight_profile(tmp_path, {"problem": 100_000})
    first = build(tmp_path / "eastgate-cpd.yaml", tmp_path / "a.docx", library_dirs=[layer])
    exact = _characters(first, "Statement of the Problem")
    _tight_profile(tmp_path / "again", {"problem": exact})
    layer = tmp_path / "again" / "lib"
    src = tmp_path / "eastgate-cpd.yaml"
    build(src, tmp_path / "exact.docx", library_dirs=[layer])  # builds: at, not over
    checks = [f["check"] for f in _review_findings(tmp_path / "exact.docx", layer)]
    assert "limits.no-profile" not in checks  # found in the --library layer, as build found it
    assert "limits.over" not in checks

    _tight_profile(tmp_path / "under", {"problem": exact - 1})
    with pytest.raises(LimitError, match="1 characters over"):
        build(src, tmp_path / "over.docx", library_dirs=[tmp_path / "under" / "lib"])
    over = _review_findings(tmp_path / "exact.docx", tmp_path / "under" / "lib")
    findings = [f for f in over if f["check"] == "limits.over"]
    assert [f["message"] for f in findings] == [
        f'Section "Statement of the Problem" has {exact} characters; the limit is {exact - 1}.'
    ]


def test_unknown_profile_is_a_usage_error_and_a_profile_file_path_works(tmp_path: Path) -> None:
    path = tmp_path / "n.docx"
    build(ROOT / "examples" / "eastgate-cpd.yaml", path)
    with pytest.raises(ReviewInputError, match="no profile 'no-such-profile-xyz'"):
        review_file(path, profile="no-such-profile-xyz")
    by_path = review_file(path, profile=str(ROOT / "templates" / "narrative" / "profiles" / "cpd-2024.yaml"))
    assert not [f for f in by_path.findings if f.check.startswith("limits")]
