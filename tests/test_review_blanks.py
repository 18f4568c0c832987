from __future__ import annotations

from review_helpers import decree, doc, para

from drafter import model as m
from drafter.review import blanks


def _checks(document):
    return [(f.check, f.severity, f.location.paragraph) for f in blanks.check(document)]


def test_placeholders_are_errors_at_their_paragraph() -> None:
    d = decree(
        "The City shall meet by [INSERT DATE].",
        "Plain text.",
        "Pay $XX,XXX to TBD.",
        "Within ____ days.",
        "Hello {{ agency.name }}.",
        "See [ ].",
    )
    got = _checks(d)
    assert ("blanks.placeholder", "error", "212") in got
    assert ("blanks.placeholder", "error", "214") in got
    assert ("blanks.placeholder", "error", "215") in got
    assert ("blanks.placeholder", "error", "216") in got
    assert ("blanks.placeholder", "error", "217") in got
    assert not any(p == "213" for _, _, p in got)


def test_signature_lines_and_roman_sections_are_not_blanks() -> None:
    d = doc(
        para("Date: ____________"), para("______________________"), para("See Section XX of the Agreement.")
    )
    assert blanks.check(d) == []


def test_highlighted_prompt_is_error_other_highlight_is_warning() -> None:
    p = m.Paragraph(
        (
            m.Run("Meet on "),
            m.Run("[date of the first meeting]", highlight=True),
            m.Run(" and "),
            m.Run("check this", highlight=True),
        ),
        numbering="decree",
        number="212",
    )
    got = _checks(doc(p))
    assert ("blanks.highlight", "error", "212") in got
    assert ("blanks.highlight", "warning", "212") in got
