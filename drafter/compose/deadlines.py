"""The deadlines a directive states, as rows: what is due, in how many days, and when.

`days(n)` in a clause records each deadline while rendering (RenderState.deadlines); the
timeline table a clause prints with `deadlines()` is made here once every clause is rendered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

from drafter.compose.dates import due_date, long_date
from drafter.inputs.models import Decree
from drafter.library.clauses import Library
from drafter.library.render import PROMPT, Deadline, sentinel


def deadlines_start(decree: Decree | None) -> dt.date | None:
    """The date a directive's deadlines count from: the Modification Date for a directive
    added to an entered decree (None while the Court has not set it), else the decree's
    Effective Date; None without a decree. The timeline table, --schedule and the build's
    check that --schedule can succeed all ask here."""
    if decree is None:
        return None
    return decree.modification_date if decree.joins == "modification" else decree.effective_date


def start_field(decree: Decree) -> str:
    """The input field the deadlines count from, as a draft's prompt names it."""
    return "decree.modification_date" if decree.joins == "modification" else "decree.effective_date"


def deadline_rows(
    deadlines: list[Deadline], library: Library, decree: Decree | None, draft: bool = False
) -> list[dict[str, Any]]:
    """Every deadline the directive states, soonest first (a timeline is read by date; ties
    keep the directive's order): what is due, days, and the date it falls due (moved to the next business day). While there is no date to count from, the
    date is blank, or in a draft a prompt saying how to reckon it ("[decree.effective_date +
    90 days]"). --schedule reads the same recorded deadlines and dates them with the same start."""
    start = deadlines_start(decree)
    rows = []
    for deadline in soonest_first(deadlines):
        task = deadline.task or library.clauses[deadline.clause_id].meta.title
        due = long_date(due_date(start, deadline.days)) if start else ""
        if not start and draft and decree is not None:
            due = sentinel(PROMPT, f"{start_field(decree)} + {deadline.days} days")
        rows.append({"task": task, "days": deadline.days, "due": due, "clause": deadline.clause_id})
    return rows


class _Dated(Protocol):
    @property
    def days(self) -> int: ...


D = TypeVar("D", bound=_Dated)


def soonest_first(items: Iterable[D]) -> list[D]:
    """Deadlines in the order a timeline lists them: soonest first, ties in the directive's
    order (the timeline table and --schedule both)."""
    return sorted(items, key=lambda item: item.days)


def titled(deadlines: list[Deadline], library: Library) -> list[Deadline]:
    """The deadlines with each untitled task named after its clause (what the schedule shows)."""
    return [
        deadline
        if deadline.task
        else dataclasses.replace(deadline, task=library.clauses[deadline.clause_id].meta.title)
        for deadline in deadlines
    ]
