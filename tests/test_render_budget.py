"""The per-document rendering budget: clauses each inside their own time budget still stop
once together they pass the document's, and the settings that change the figures are checked.

The clock is a stand-in that each "clause" advances, so nothing here depends on how fast the
machine is (tests/hostile/test_template_budgets.py runs the same through a real build).
"""

from __future__ import annotations

import pytest

from drafter.errors import RenderError
from drafter.library.render_limits import (
    DOCUMENT_SECONDS_SETTING,
    MAX_DOCUMENT_SECONDS,
    BudgetExceeded,
    DocumentBudget,
    seconds_setting,
)


class Clock:
    """A clock that moves only when a clause 'takes' time."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def render_clauses(budget: DocumentBudget, clock: Clock, count: int, seconds: float) -> int:
    """Render `count` clauses of `seconds` each; returns how many ran before the budget stopped."""
    done = 0
    try:
        for _ in range(count):
            with budget.timed():
                clock.now += seconds
            done += 1
    except BudgetExceeded:
        pass
    return done


def test_clauses_inside_their_budget_stop_when_the_document_budget_is_spent() -> None:
    clock = Clock()
    budget = DocumentBudget(clause_seconds=2.0, document_seconds=4.5, clock=clock)
    assert render_clauses(budget, clock, count=5, seconds=1.9) == 3  # 5.7 s used: the 4th is refused
    with pytest.raises(BudgetExceeded, match="document's clauses took more than 4.5 seconds"):
        budget.allowance()


def test_the_last_clause_gets_what_is_left_of_the_document_budget() -> None:
    clock = Clock()
    budget = DocumentBudget(clause_seconds=2.0, document_seconds=4.5, clock=clock)
    assert budget.allowance() == (2.0, "the clause took more than 2 seconds to render")
    render_clauses(budget, clock, count=2, seconds=1.9)
    seconds, message = budget.allowance()
    assert seconds == pytest.approx(0.7)
    assert message == "the document's clauses took more than 4.5 seconds to render"


def test_output_counts_toward_the_document_across_clauses() -> None:
    budget = DocumentBudget()
    assert budget.collect(iter(["ab", "c"])) == "abc"
    assert budget.collect(iter(["de"])) == "de"
    assert budget.chars == 5


@pytest.mark.parametrize("raw", ["ten", "0", "-1", "nan", "inf", "1e9"])
def test_a_setting_that_is_not_a_usable_number_of_seconds_is_refused(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv(DOCUMENT_SECONDS_SETTING, raw)
    with pytest.raises(RenderError, match=f"{DOCUMENT_SECONDS_SETTING}="):
        DocumentBudget.from_environment()


def test_settings_replace_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DOCUMENT_SECONDS_SETTING, raising=False)
    assert seconds_setting(DOCUMENT_SECONDS_SETTING, MAX_DOCUMENT_SECONDS) == MAX_DOCUMENT_SECONDS
    monkeypatch.setenv(DOCUMENT_SECONDS_SETTING, " 0.25 ")
    assert DocumentBudget.from_environment().document_seconds == 0.25
