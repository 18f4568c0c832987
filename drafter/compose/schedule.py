"""The deadline schedule: one row per deadline a directive states, with its due date.

Monitors and city staff track a decree by its deadlines, not by its prose. `days(n)` in a
clause records each deadline while rendering (`Composition.deadlines`); this module finds the
sentence that states it in the composed document, so the row carries the paragraph number,
the obligation as written, who owes it, and the date it falls due counted from the
Effective Date (moved to the next business day past a weekend or federal holiday, as the
timeline table says: both come from the same list). The result is a CSV beside the document (opens in any spreadsheet).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from drafter.compose.dates import due_date
from drafter.compose.deadlines import deadlines_start, soonest_first, start_field
from drafter.compose.directive import Composition
from drafter.errors import ScheduleError
from drafter.inputs.models import Decree
from drafter.model import ClauseBlock, Paragraph, iter_blocks
from drafter.safe_write import write_atomic

COLUMNS = ("paragraph", "clause id", "obligation", "actor", "days", "due date")
_DEADLINE = re.compile(r"within (\d+) days of the (?:Effective|Modification) Date")
_SENTENCE = re.compile(r"[^.;:!?]*(?:[.;:!?](?=\s|$)|$)")
_MODALS = re.compile(r"^(.*?)\s+(?:will|shall|agrees to|must)\b")


@dataclass(frozen=True)
class Row:
    paragraph: str
    clause_id: str
    obligation: str
    actor: str
    days: int
    due: dt.date

    def values(self) -> tuple[str, ...]:
        return (
            self.paragraph,
            self.clause_id,
            self.obligation,
            self.actor,
            str(self.days),
            self.due.isoformat(),
        )


def sentence_with(text: str, start: int) -> str:
    """The sentence of `text` that contains position `start`."""
    for match in _SENTENCE.finditer(text):
        if match.start() <= start < max(match.end(), match.start() + 1):
            return match.group(0).strip()
    return text.strip()


def actor_of(sentence: str, default: str) -> str:
    """Who owes the obligation: the words before the modal verb ('RPD will …' → 'RPD')."""
    match = _MODALS.match(sentence)
    if match and 0 < len(match.group(1).split()) <= 8:
        return match.group(1).strip()
    return default


def _label(para: Paragraph, current: str) -> str:
    if para.numbering == "decree" and para.level == 0 and para.number:
        return para.number
    if para.numbering == "decree" and para.number:
        return f"{current}{para.number}"
    return current


def schedule_rows(composition: Composition, effective: dt.date, default_actor: str) -> list[Row]:
    """A row per deadline recorded while rendering, matched in order to the sentences
    of its clause that state 'within N days of the Effective Date'; soonest first, as the
    directive's timeline table lists them (ties in the directive's order)."""
    wanted: dict[str, list[int]] = {}
    for deadline in composition.deadlines:
        wanted.setdefault(deadline.clause_id, []).append(deadline.days)
    rows: list[Row] = []
    current = ""
    for block in iter_blocks(composition.document.body):
        if not isinstance(block, ClauseBlock):
            continue
        pending = list(wanted.get(block.clause_id, []))
        for para in (b for b in block.blocks if isinstance(b, Paragraph)):
            current = _label(para, current) if para.numbering == "decree" and para.level == 0 else current
            label = _label(para, current)
            for match in _DEADLINE.finditer(para.text):
                days = int(match.group(1))
                if days not in pending:
                    continue  # typed text, not a days() deadline
                pending.remove(days)
                sentence = sentence_with(para.text, match.start())
                rows.append(
                    Row(
                        label,
                        block.clause_id,
                        sentence,
                        actor_of(sentence, default_actor),
                        days,
                        due_date(effective, days),
                    )
                )
    return soonest_first(rows)


def schedule_csv(rows: list[Row]) -> str:
    """The rows as CSV text with a header line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(row.values())
    return buffer.getvalue()


def schedule_path(output: Path) -> Path:
    """`out/riverton.docx` → `out/riverton-schedule.csv`."""
    return output.with_name(f"{output.stem}-schedule.csv")


def schedule_start(decree: Decree | None, where: object) -> dt.date:
    """The date the schedule counts from (compose.deadlines.deadlines_start), or a
    ScheduleError naming `where` and the input field that is missing."""
    start = deadlines_start(decree)
    if start is not None:
        return start
    if decree is None:
        raise ScheduleError(
            f"{where}: --schedule counts deadlines from decree.effective_date, and this input has no decree"
        )
    raise ScheduleError(
        f"{where}: --schedule counts deadlines from {start_field(decree)}, which the input leaves out"
    )


def write_schedule(
    composition: Composition,
    decree: Decree | None,
    default_actor: str,
    output: Path,
    *,
    force: bool = False,
    inputs: Iterable[Path] = (),
) -> tuple[Path, list[Row]]:
    """Write the schedule CSV beside `output` (replacing one only with `force`); returns its
    path and rows."""
    rows = schedule_rows(composition, schedule_start(decree, output), default_actor)
    target = schedule_path(output)
    write_atomic(target, schedule_csv(rows), force=force, inputs=inputs)
    return target, rows
