"""Every statement a narrative makes about the applicant comes from its input: a fact the
input does not give is left out (or, with --draft, asked for), never filled from a default."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from drafter.compose.narrative import compose_narrative
from drafter.inputs.loader import load_inputs
from drafter.library.clauses import load_library
from drafter.model import iter_paragraphs

CHP = ROOT / "examples" / "millbrook-chp.yaml"
CPD = ROOT / "examples" / "eastgate-cpd.yaml"


def narrative_text(source: Path, tmp_path: Path | None = None, old: str = "", new: str = "") -> str:
    if old:
        assert tmp_path is not None
        text = source.read_text()
        assert text.count(old) == 1, old
        source = tmp_path / source.name
        source.write_text(text.replace(old, new))
    composition, _, _ = compose_narrative(load_inputs(source), load_library())
    return " ".join(p.text for p in iter_paragraphs(composition.document.body))


@pytest.mark.parametrize("source", [CHP, CPD], ids=["chp", "cpd"])
@pytest.mark.parametrize(
    "claim",
    ["staff time and meeting space", "time and space", "style manual", "city agencies", "stable beats"],
)
def test_no_stock_claim_about_the_applicant(source: Path, claim: str) -> None:
    assert claim not in narrative_text(source)


def test_supervisor_hours_appear_only_when_the_applicant_gives_them(tmp_path: Path) -> None:
    assert "Supervisors will receive 16 more hours" in narrative_text(CHP)
    without = narrative_text(CHP, tmp_path, "    supervisor_hours: 16\n", "")
    assert "Supervisors will receive" not in without and "more hours on leading" not in without


def test_a_budget_cut_reads_as_a_fall(tmp_path: Path) -> None:
    assert "the agency's budget fell by 8 percent." in narrative_text(CHP)
    grew = narrative_text(CHP, tmp_path, "budget_change_percent: -8", "budget_change_percent: 4.5")
    assert "the agency's budget grew by 4.5 percent." in grew


def test_list_items_are_not_capitalised_mid_sentence() -> None:
    text = narrative_text(CHP)
    assert "revise its policies on patrol deployment, so that" in text
    assert "Promotions will reward problem-solving results and work with community partners." in text


def test_partner_causes_read_as_a_list_not_a_verb_object() -> None:
    text = narrative_text(CHP)
    assert "can address untreated addiction" not in text
    assert (
        "was chosen for the causes it can work on: untreated addiction and a lack of local treatment beds."
        in text
    )
