# mypy: disable-error-code="union-attr"
"""The deadline schedule: each days() deadline, its paragraph, sentence, actor and due date."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from conftest import DATA, ROOT

from drafter.build import build
from drafter.compose.dates import due_date
from drafter.compose.directive import compose
from drafter.compose.schedule import actor_of, schedule_rows, sentence_with
from drafter.errors import DrafterError
from drafter.inputs.loader import load_inputs
from drafter.library.clauses import load_library


def test_rows_from_the_minimal_decree() -> None:
    composition = compose(load_inputs(DATA / "minimal.yaml"), load_library([DATA / "minilib"], builtin=False))
    rows = schedule_rows(composition, dt.date(2026, 1, 15), "TPD")
    assert [r.values() for r in rows] == [
        (
            "215",
            "alpha.partners",
            "TPD shall work with Eastside Tenants Union within 90 days of the Effective Date.",
            "TPD",
            "90",
            "2026-04-15",
        )
    ]


def test_csv_beside_the_document_with_dates_from_the_effective_date(tmp_path: Path) -> None:
    out = tmp_path / "testville.docx"
    result = build(
        DATA / "minimal.yaml", out, library=load_library([DATA / "minilib"], builtin=False), schedule=True
    )
    assert result.schedule == tmp_path / "testville-schedule.csv"
    with result.schedule.open(newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["paragraph", "clause id", "obligation", "actor", "days", "due date"]
    assert table[1][4:] == ["90", "2026-04-15"]


def test_every_deadline_of_a_real_directive_gets_a_row() -> None:
    source = ROOT / "examples" / "fairhaven.yaml"
    inputs = load_inputs(source)
    composition = compose(inputs, load_library())
    rows = schedule_rows(composition, inputs.decree.effective_date, inputs.agency.short_name)
    assert sorted(r.days for r in rows) == sorted(d.days for d in composition.deadlines)
    for row in rows:
        assert f"within {row.days} days of the Effective Date" in row.obligation
        plain = inputs.decree.effective_date + dt.timedelta(days=row.days)
        assert plain <= row.due <= plain + dt.timedelta(days=4)  # moved past a weekend or holiday
        assert row.due.weekday() < 5
        assert row.paragraph.isdigit() or row.paragraph[:1].isdigit()


def test_a_deadline_on_a_weekend_or_federal_holiday_moves_to_the_next_business_day() -> None:
    start = dt.date(2026, 6, 1)
    assert due_date(start, 33) == dt.date(2026, 7, 6)  # Sat July 4, 2026 (observed Fri July 3) -> Mon
    assert due_date(start, 207) == dt.date(2026, 12, 28)  # Fri Dec 25 -> Mon Dec 28
    assert due_date(start, 2) == dt.date(2026, 6, 3)  # a Wednesday stays


def test_sentence_and_actor() -> None:
    text = "The City will fund it. The Monitor shall review the plan within 30 days of the Effective Date. Then more."
    sentence = sentence_with(text, text.index("within"))
    assert sentence == "The Monitor shall review the plan within 30 days of the Effective Date."
    assert actor_of(sentence, "RPD") == "The Monitor"
    assert actor_of("Within 30 days, reports are due.", "RPD") == "RPD"


def test_a_narrative_has_no_effective_date_to_count_from(tmp_path: Path) -> None:
    with pytest.raises(DrafterError, match="decree.effective_date"):
        build(ROOT / "examples" / "millbrook-chp.yaml", tmp_path / "m.docx", schedule=True)
    assert list(tmp_path.iterdir()) == []  # refused before anything was written


def test_a_modification_counts_from_its_date_and_refuses_without_one(tmp_path: Path) -> None:
    source = ROOT / "examples" / "lakeport-amendment.yaml"
    result = build(source, tmp_path / "a.docx", schedule=True)
    with result.schedule.open(newline="") as handle:
        due = [row[5] for row in list(csv.reader(handle))[1:]]
    modified = load_inputs(source).decree.modification_date
    assert modified is not None
    assert due and all(dt.date.fromisoformat(d) > modified for d in due)

    undated = tmp_path / "undated" / source.name
    undated.parent.mkdir()
    undated.write_text(
        "".join(line for line in source.read_text().splitlines(True) if "modification_date" not in line)
    )
    with pytest.raises(DrafterError, match="decree.modification_date, which the input leaves out"):
        build(undated, undated.parent / "a.docx", schedule=True)
    assert list(undated.parent.iterdir()) == [undated]


def test_pdf_without_libreoffice_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(DrafterError, match="--pdf needs LibreOffice"):
        build(ROOT / "examples" / "millbrook-chp.yaml", tmp_path / "m.docx", pdf=True)
    assert list(tmp_path.iterdir()) == []
