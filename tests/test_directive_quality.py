"""What a lawyer would redline first, checked on every directive example: articles, list
punctuation and typographic quotes (issue 12)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

from drafter.compose.dates import long_date
from drafter.compose.deadlines import deadlines_start
from drafter.compose.directive import Composition, compose
from drafter.compose.schedule import schedule_rows
from drafter.inputs.loader import load_inputs
from drafter.library.clauses import load_library
from drafter.model import Caption, ClauseBlock, Heading, OrderBlock, Paragraph, Table, iter_blocks

DIRECTIVES = sorted(
    p
    for p in (ROOT / "examples").glob("*.yaml")
    if re.search(r"^\s+kind: directive\s*$", p.read_text(), re.MULTILINE)
)


@cache
def composed(path: Path) -> Composition:
    return compose(load_inputs(path), load_library())


def texts(path: Path) -> list[str]:
    """Every paragraph's and heading's text, in document order."""
    out = []
    for block in iter_blocks(composed(path).document.body):
        if isinstance(block, (Paragraph, Heading)):
            out.append("".join(getattr(i, "text", "") or getattr(i, "name", "") for i in block.content))
    return out


def test_there_are_directive_examples() -> None:
    assert len(DIRECTIVES) >= 3


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_no_wrong_indefinite_article(path: Path) -> None:
    for text in texts(path):
        bad = re.findall(r"\b[Aa] (?:[aeio]\w+|un(?!i)\w+)", text)
        bad += re.findall(r"\b[Aa]n (?:[bcdfgjklmnpqrstvwxyz]\w+)", text)
        assert not bad, f"{bad} in: {text}"


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_no_straight_quotes_or_apostrophes(path: Path) -> None:
    for text in texts(path):
        assert "'" not in text and '"' not in text, text


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_no_template_joins_quoted_in_the_issue(path: Path) -> None:
    whole = "\n".join(texts(path))
    for join in ("Shared work:", ", measured by ", "It is driven by", ", with Lakeport"):
        assert join not in whole


def top_level_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(clause id, text) of every top-level numbered decree paragraph, definitions included."""
    out = []
    for block in composed(path).document.body:
        if isinstance(block, ClauseBlock):
            for child in block.blocks:
                if isinstance(child, Paragraph) and child.numbering == "decree" and child.level == 0:
                    out.append((block.clause_id, _text(child)))
        elif isinstance(block, Paragraph) and block.numbering == "decree" and block.level == 0:
            out.append(("definitions", _text(block)))
    return out


def _text(block: Paragraph | Heading) -> str:
    return "".join(
        getattr(i, "text", "") or getattr(i, "name", "") or getattr(i, "number", "") for i in block.content
    )


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_no_bare_this_section(path: Path) -> None:
    for text in texts(path):
        assert not re.search(r"\bthis section\b", text, re.IGNORECASE), text


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_every_numbered_paragraph_is_a_duty_with_the_modal_or_a_definition(path: Path) -> None:
    chosen = load_inputs(path).document.modal
    modal = str(getattr(chosen, "value", chosen))
    for clause_id, text in top_level_paragraphs(path):
        if clause_id.startswith("decree."):  # rules of construction: how the Sections fit the Agreement
            continue
        is_definition = bool(re.match(r"^\u201c[^\u201d]+\u201d means ", text))
        assert is_definition or f" {modal} " in text, f"{clause_id}: {text}"


_KNOWN = {"LGBTQ", "SARA", "IT", "IS", "SO", "ORDERED", "US"}


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_each_abbreviation_is_introduced_before_use(path: Path) -> None:
    introduced: set[str] = set()
    for text in texts(path):
        for intro in re.findall(r"\(\u201c([A-Z]{2,})\u201d\)", text):
            introduced.add(intro)
        for match in re.finditer(r"\b[A-Z]{2,}\b", text):
            word = match.group(0)
            if word in _KNOWN or re.fullmatch(r"[IVXLC]+", word):
                continue
            assert (
                word in introduced or f"(\u201c{word}\u201d)" in text[match.start() - 3 : match.end() + 3]
            ), f"{word} used before it is introduced: {text}"


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_the_order_closes_with_the_courts_signature(path: Path) -> None:
    body = composed(path).document.body
    assert any(isinstance(b, OrderBlock) for b in body[-3:])
    caption = next(b for b in body if isinstance(b, Caption))
    assert caption.document_title


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_deadline_table_and_schedule_come_from_one_list(path: Path) -> None:
    inputs = load_inputs(path)
    composition = composed(path)
    start = deadlines_start(inputs.decree)
    assert start is not None
    rows = schedule_rows(composition, start, inputs.agency.short_name)
    table = next(
        child
        for block in composition.document.body
        if isinstance(block, ClauseBlock) and block.clause_id == "plan.timeline"
        for child in block.blocks
        if isinstance(child, Table)
    )
    assert len(table.rows) - 1 == len(rows) == len(composition.deadlines)
    days = [row.days for row in rows]
    assert days == sorted(days), "the timeline and the schedule list the soonest deadline first"
    for row, deadline in zip(rows, table.rows[1:], strict=True):
        cells = [cell.text for cell in deadline]
        assert cells[1] == str(row.days)
        assert cells[2] == long_date(row.due)
        assert row.due.weekday() < 5
