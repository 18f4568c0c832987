"""`document.scope: concise` (issue 12): real community-policing sections run from about 8
paragraphs to a few dozen, so a concise directive must land in 20-60 numbered paragraphs, counted
in the .docx the user gets, while the full directive from the same input says more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from drafter.compose.directive import compose
from drafter.docx.read import read_docx
from drafter.inputs.loader import load_inputs
from drafter.library.clauses import load_library
from drafter.model import iter_paragraphs
from drafter.review import review_file
from drafter.review.findings import walk

DIRECTIVES = sorted(
    p
    for p in (ROOT / "examples").glob("*.yaml")
    if re.search(r"^\s+kind: directive\s*$", p.read_text(), re.MULTILINE)
)
CONCISE = [p for p in DIRECTIVES if re.search(r"^\s+scope: concise\s*$", p.read_text(), re.MULTILINE)]
LOW, HIGH = 20, 60


def with_scope(source: Path, scope: str, folder: Path) -> Path:
    """A copy of an example asking for `scope`, as a user would edit it."""
    text = source.read_text()
    if re.search(r"(?m)^  scope: ", text):
        text = re.sub(r"(?m)^  scope: .*$", f"  scope: {scope}", text, count=1)
    else:
        text = re.sub(r"(?m)^  kind: directive$", f"  kind: directive\n  scope: {scope}", text, count=1)
    out = folder / f"{source.stem}-{scope}.yaml"
    out.write_text(text)
    return out


def built_numbered(source: Path, folder: Path) -> tuple[Path, int]:
    """Build `source` with `drafter build`; the .docx and its top-level numbered paragraphs, as
    review reads the printed numbers back (148, 149, …; sub-items such as 149(a) not counted)."""
    from drafter.cli.main import main

    out = folder / f"{source.stem}.docx"
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    return out, sum(1 for item in walk(read_docx(out)) if item.label and item.label.isdigit())


def test_there_is_a_concise_example() -> None:
    assert CONCISE


@pytest.mark.parametrize("path", CONCISE, ids=lambda p: p.stem)
def test_a_concise_example_builds_20_to_60_numbered_paragraphs_and_reviews_clean(
    path: Path, tmp_path: Path
) -> None:
    concise, count = built_numbered(path, tmp_path)
    assert LOW <= count <= HIGH, count
    _, full = built_numbered(with_scope(path, "full", tmp_path), tmp_path)
    assert full > count + 20, (full, count)
    report = review_file(concise)
    serious = [f"{f.check}: {f.message}" for f in report.findings if f.severity in ("error", "warning")]
    assert serious == []


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_any_directive_example_asked_for_concise_lands_in_range(path: Path, tmp_path: Path) -> None:
    """Not only the example written for it: whichever facts a user gives, the concise clauses
    (and their cross-references to each other) make a 20-60 paragraph directive."""
    library = load_library()
    counts = {}
    for scope in ("concise", "full"):
        document = compose(load_inputs(with_scope(path, scope, tmp_path)), library).document
        counts[scope] = sum(
            1 for p in iter_paragraphs(document.body) if p.numbering == "decree" and p.level == 0
        )
    assert LOW <= counts["concise"] <= HIGH < counts["full"], counts
