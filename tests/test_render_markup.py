# mypy: disable-error-code="union-attr"
"""Clause text: the sandbox, its filters, and Markdown → numbered blocks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.errors import RenderError
from drafter.library.markup import MarkupError, parse_blocks
from drafter.library.render import (
    RenderState,
    bind_functions,
    compile_template,
    count,
    join_words,
    make_environment,
    money,
    render_template,
    reveal,
)
from drafter.model import CrossRef, Paragraph, Run, Table, Term


def render(
    source: str, context: dict | None = None, path: Path = Path("clauses/x/y.md"), first_line: int = 9
) -> str:
    env = make_environment()
    state = RenderState()
    ctx = {**(context or {}), **bind_functions(state)}
    template = compile_template(env, source, path, first_line)
    return reveal(render_template(template, ctx, path, first_line))


def test_filters_read_like_legal_text() -> None:
    assert join_words(["a"], "and") == "a"
    assert join_words(["a", "b"], "and") == "a and b"
    assert join_words(["a", "b", "c"], "or") == "a, b, or c"
    assert money(125000) == "$125,000"
    assert money("1250.5") == "$1,250.50"
    assert count(30) == "thirty (30)"
    assert count(365) == "three hundred sixty-five (365)"
    assert render("{{ d | long_date }}", {"d": dt.date(2026, 1, 5)}) == "January 5, 2026"


def test_missing_value_names_clause_file_line_and_variable() -> None:
    source = "First line.\n\n{{ agency.short_name }} {{ modal }} act.\n"
    with pytest.raises(RenderError) as info:
        render(source, {"agency": {"short_name": "RPD"}})
    # body starts on line 9 of the file; the error is on the body's line 3
    assert str(info.value) == "clauses/x/y.md:11: undefined value: 'modal' is undefined"


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ agency.__class__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ ''.format_map }}{% set x = ''.__class__ %}{{ x.__subclasses__() }}",
    ],
)
def test_sandbox_refuses_python_internals(source: str) -> None:
    with pytest.raises(RenderError) as info:
        render(source, {"agency": object(), "cycler": object()})
    assert str(info.value).startswith("clauses/x/y.md:9: ")


def test_syntax_error_is_located() -> None:
    with pytest.raises(RenderError) as info:
        render("ok\n{% if x %}\nno end\n", {"x": True})
    assert str(info.value).startswith("clauses/x/y.md:")
    assert "template syntax" in str(info.value)


def test_days_states_the_deadline_and_records_it() -> None:
    env = make_environment()
    state = RenderState(current_clause="plan.department-plan")
    ctx = bind_functions(state)
    text = env.from_string("{{ days(180) }}").render(ctx)
    blocks = parse_blocks(text, numbered=True)
    assert isinstance(blocks[0], Paragraph)
    assert blocks[0].content == (Run("within 180 days of the "), Term("Effective Date"))
    assert state.terms == ["Effective Date"]
    assert [(d.days, d.clause_id) for d in state.deadlines] == [(180, "plan.department-plan")]


def test_directive_paragraphs_and_lists_become_decree_levels() -> None:
    env = make_environment()
    ctx = bind_functions(RenderState())
    text = env.from_string(
        "Lead {{ ref('a.b') }}:\n\n1. one **bold**\n2. two *it*\n   1. deep\n\n- bullet\n\nLast.\n"
    ).render(ctx)
    blocks = parse_blocks(text, numbered=True)
    shape = [(b.numbering, b.level) for b in blocks if isinstance(b, Paragraph)]
    assert shape == [("decree", 0), ("decree", 1), ("decree", 1), ("decree", 2), ("bullet", 0), ("decree", 0)]
    assert blocks[0].content == (Run("Lead "), CrossRef("a.b"), Run(":"))
    assert blocks[1].content == (Run("one "), Run("bold", bold=True))
    assert blocks[2].content == (Run("two "), Run("it", italic=True))


def test_narrative_ordered_lists_restart() -> None:
    import itertools

    ids = itertools.count(1)
    first = parse_blocks("Text.\n\n1. a\n2. b\n", numbered=False, list_ids=ids)
    second = parse_blocks("1. c\n", numbered=False, list_ids=ids)
    assert first[0].numbering == "none"
    assert {b.list_id for b in first[1:]} == {1}
    assert second[0].list_id == 2 and second[0].numbering == "ordered"


def test_tables_keep_header_and_cells() -> None:
    blocks = parse_blocks("| Year | Share |\n|---|---|\n| 1 | $10 |\n", numbered=True)
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    rows = blocks[0].rows
    assert [c.text for c in rows[0]] == ["Year", "Share"]
    assert [c.text for c in rows[1]] == ["1", "$10"]
    assert rows[0][0].paragraphs[0].content[0].bold


def test_headings_in_clause_text_are_refused() -> None:
    with pytest.raises(MarkupError, match="heading is not supported"):
        parse_blocks("# Title\n\ntext\n", numbered=True)


def test_an_empty_optional_fact_is_an_error_not_the_word_none() -> None:
    with pytest.raises(RenderError) as info:
        render("Line one.\nThe Monitor is {{ monitor.name }}.\n", {"monitor": {"name": None}})
    assert str(info.value).startswith(
        "clauses/x/y.md:10: undefined value: a fact this clause prints is empty"
    )
