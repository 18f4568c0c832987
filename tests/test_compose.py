"""Composition: selection by outline and `when`, numbering, cross-references, definitions."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

from drafter.compose.directive import compose
from drafter.errors import RenderError
from drafter.inputs.loader import load_inputs
from drafter.library.clauses import load_library
from drafter.model import Caption, ClauseBlock, CrossRef, Heading, Run, iter_paragraphs


@pytest.fixture()
def minilib():
    return load_library([DATA / "minilib"], builtin=False)


def test_numbering_continues_the_decree_and_refs_resolve(minilib) -> None:
    doc = compose(load_inputs(DATA / "minimal.yaml"), minilib).document
    paragraphs = list(iter_paragraphs(doc.body))
    numbers = [p.number for p in paragraphs if p.numbering == "decree"]
    assert numbers == ["212", "213", "(a)", "(b)", "(i)", "(ii)", "214", "215"]
    ref = next(i for p in paragraphs for i in p.content if isinstance(i, CrossRef))
    assert (ref.target, ref.text) == ("alpha.partners", "215")
    target = next(p for p in paragraphs if p.bookmark == "alpha.partners")
    assert target.number == "215"


def test_sections_roman_from_start_section_and_empty_ones_dropped(minilib) -> None:
    doc = compose(load_inputs(DATA / "minimal.yaml"), minilib).document
    headings = [(h.level, h.number, h.text) for h in doc.body if isinstance(h, Heading)]
    # "Not Used" holds only a clause whose `when` is false: the subsection disappears, and the
    # one left ("A. Partners" with no "B.") loses its heading: no lone subsection in a filing
    assert headings == [
        (1, "X", "Purpose"),
        (1, "XI", "Definitions"),
        (1, "XII", "Work"),
    ]


def test_definitions_list_exactly_the_terms_used(minilib) -> None:
    doc = compose(load_inputs(DATA / "minimal.yaml"), minilib).document
    assert doc.terms == (("Effective Date", "the date the Court enters this Agreement."),)
    definition = next(p for p in iter_paragraphs(doc.body) if "means" in p.text)
    assert definition.text == "\u201cEffective Date\u201d means the date the Court enters this Agreement."


def test_clause_blocks_carry_provenance(minilib) -> None:
    doc = compose(load_inputs(DATA / "minimal.yaml"), minilib).document
    clauses = [b for b in doc.body if isinstance(b, ClauseBlock)]
    assert [(c.clause_id, c.version) for c in clauses] == [("alpha.purpose", 3), ("alpha.partners", 1)]
    assert all(len(c.digest) == 16 for c in clauses)
    assert isinstance(doc.body[0], Caption) and doc.body[0].case_number == "1:15-cv-01046"
    # the page header's case name is italic, as in the body; the docket number is not
    assert [(r.text, r.italic) for r in doc.meta.header if isinstance(r, Run)] == [
        ("United States v. City of Testville", True),
        (", No. 1:15-cv-01046", False),
    ]


def test_modal_verb_is_the_users_choice(minilib, tmp_path: Path) -> None:
    text = (DATA / "minimal.yaml").read_text().replace("modal: shall", "modal: agrees to")
    source = tmp_path / "c.yaml"
    source.write_text(text)
    doc = compose(load_inputs(source), minilib).document
    first = next(iter_paragraphs(doc.body))
    assert first.text.startswith("TPD agrees to practice community policing")


def test_ref_to_a_clause_left_out_is_an_error_naming_the_clause(minilib, tmp_path: Path) -> None:
    lib = minilib
    body = lib.clauses["alpha.partners"].body + "\nSee {{ ref('alpha.never') }}.\n"
    clause = lib.clauses["alpha.partners"]
    lib.clauses["alpha.partners"] = type(clause)(clause.meta, body, clause.path, clause.body_line)
    with pytest.raises(RenderError) as info:
        compose(load_inputs(DATA / "minimal.yaml"), lib)
    assert "partners.md:11: ref('alpha.never'): that clause is not in this document" in str(info.value)


def test_deadlines_are_recorded_for_the_schedule(minilib) -> None:
    composition = compose(load_inputs(DATA / "minimal.yaml"), minilib)
    assert [(d.days, d.clause_id) for d in composition.deadlines] == [(90, "alpha.partners")]
