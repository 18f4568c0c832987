"""What drafter writes for every example is the committed snapshot (tests/data/golden/): a
refactor that changes a word or a number of any example fails here, and a change meant to
alter the documents shows in review as a diff of the snapshots (scripts/golden_text.py)."""

from __future__ import annotations

import difflib

import pytest
from conftest import DATA, EXAMPLES
from golden_text import built_snapshots

GOLDEN = DATA / "golden"


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return built_snapshots(tmp_path_factory.mktemp("golden"))


def test_every_example_has_a_snapshot() -> None:
    assert {p.stem for p in EXAMPLES.glob("*.yaml")} == {p.stem for p in GOLDEN.glob("*.txt")}


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
def test_the_built_document_reads_as_its_snapshot(snapshots: dict[str, str], name: str) -> None:
    expected = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    if snapshots[name] != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), snapshots[name].splitlines(), "committed", "built", lineterm="", n=1
        )
        pytest.fail(
            f"{name}: the document changed (if you meant it: .venv/bin/python scripts/golden_text.py)\n"
            + "\n".join(list(diff)[:40])
        )
