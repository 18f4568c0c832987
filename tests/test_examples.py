"""The examples against the whole library: the modal verb the user picks is the only one used,
and every clause in the library is used by at least one example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from drafter.compose.directive import compose
from drafter.compose.narrative import compose_narrative
from drafter.inputs.loader import load_inputs
from drafter.library.clauses import load_library
from drafter.model import iter_paragraphs

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MODALS = ("will", "shall", "agrees to")


def _compose(path: Path):
    inputs = load_inputs(path)
    library = load_library()
    if inputs.document.kind == "narrative":
        return compose_narrative(inputs, library)[0]
    return compose(inputs, library)


def _directive_example() -> Path:
    for path in EXAMPLES:
        if re.search(r"^\s+kind: directive\s*$", path.read_text(), re.MULTILINE):
            return path
    raise AssertionError("examples/ holds no directive input")


@pytest.mark.parametrize("modal", MODALS)
def test_every_obligation_uses_the_chosen_modal(modal: str, tmp_path: Path) -> None:
    source = _directive_example()
    text = re.sub(r"(?m)^(\s+)modal: .*$", rf"\1modal: {modal}", source.read_text(), count=1)
    edited = tmp_path / source.name
    edited.write_text(text)
    doc = compose(load_inputs(edited), load_library()).document
    body = " ".join(p.text for p in iter_paragraphs(doc.body))
    counts = {m: len(re.findall(rf"\b{m}\b", body, re.IGNORECASE)) for m in MODALS}
    assert counts[modal] >= 20, counts
    others = {m: n for m, n in counts.items() if m != modal and n}
    assert not others, f"with modal '{modal}' the directive also says {others}"


def test_the_same_obligations_whatever_the_modal(tmp_path: Path) -> None:
    source = _directive_example()
    totals = []
    for modal in MODALS:
        text = re.sub(r"(?m)^(\s+)modal: .*$", rf"\1modal: {modal}", source.read_text(), count=1)
        edited = tmp_path / f"{modal.replace(' ', '-')}.yaml"
        edited.write_text(text)
        body = " ".join(
            p.text for p in iter_paragraphs(compose(load_inputs(edited), load_library()).document.body)
        )
        totals.append(len(re.findall(rf"\b{modal}\b", body, re.IGNORECASE)))
    assert len(set(totals)) == 1, dict(zip(MODALS, totals, strict=False))


def test_every_clause_is_used_by_some_example() -> None:
    used: set[str] = set()
    for path in EXAMPLES:
        used.update(_compose(path).clause_ids)
    # decree.covered is chosen only by `build --skip-covered`; test_decree_skip_covered renders it
    unused = sorted(set(load_library().clauses) - used - {"decree.covered"})
    assert not unused, f"no example selects: {', '.join(unused)}"
