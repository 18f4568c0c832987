from __future__ import annotations

import json

import pytest

from drafter.review.findings import Finding, Location
from drafter.review.report import Report, exit_code, format_text, ordered, to_json

F = [
    Finding(
        "plain.jargon",
        "note",
        'Jargon: "leverage".',
        "Say it plainly.",
        Location("213", "IV. Partners", 5, "leverage"),
    ),
    Finding(
        "xref.missing-bookmark",
        "error",
        "Cross-reference points nowhere.",
        "Re-insert it.",
        Location("214", "IV. Partners", 6, "paragraph 999"),
    ),
    Finding("substance.no-measures", "warning", "No measures.", "Add a survey.", Location()),
]
R = Report(ordered(F), "directive", "d.docx")


def test_text_groups_by_severity_with_place_quote_message_fix_and_summary() -> None:
    text = format_text(R)
    assert text.index("ERRORS (1)") < text.index("WARNINGS (1)") < text.index("NOTES (1)")
    assert "¶ 214 — IV. Partners  [xref.missing-bookmark]" in text
    assert "“paragraph 999”" in text and "Fix: Re-insert it." in text
    assert text.splitlines()[-1] == "d.docx (directive): 1 error, 1 warning, 1 note"


def test_json_schema_is_stable() -> None:
    data = json.loads(to_json(R))
    assert data["schema_version"] == 1
    assert data["summary"] == {"error": 1, "warning": 1, "note": 1, "total": 3}
    first = data["findings"][0]
    assert set(first) == {"check", "severity", "message", "fix", "location"}
    assert first["location"] == {
        "label": "¶ 214",
        "paragraph": "214",
        "section": "IV. Partners",
        "index": 6,
        "quote": "paragraph 999",
    }
    assert to_json(R) == to_json(Report(ordered(list(reversed(F))), "directive", "d.docx"))


@pytest.mark.parametrize("fail_on,expected", [("error", 1), ("warning", 1), ("note", 1), ("never", 0)])
def test_exit_code(fail_on: str, expected: int) -> None:
    assert exit_code(R, fail_on) == expected


def test_exit_code_without_errors() -> None:
    only_notes = Report((F[0],), "directive")
    assert exit_code(only_notes, "error") == 0 and exit_code(only_notes, "warning") == 0
    assert exit_code(only_notes, "note") == 1
