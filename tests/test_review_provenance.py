from __future__ import annotations

from review_helpers import doc, para

from drafter import model as m
from drafter.review import provenance


def _clause(text: str, version: int, recorded_text: str) -> m.ClauseBlock:
    recorded = m.clause_digest((para(recorded_text),))
    return m.ClauseBlock(
        "partnership.root-causes", version, (para(text, numbering="decree", number="230"),), digest=recorded
    )


def test_edited_clause_is_a_note_and_old_version_a_warning() -> None:
    d = doc(_clause("The City will meet partners weekly.", 2, "The City will meet partners monthly."))
    found = provenance.check(d, {"partnership.root-causes": 3})
    assert [(f.check, f.severity, f.location.paragraph) for f in found] == [
        ("provenance.edited", "note", "230"),
        ("provenance.outdated", "warning", "230"),
    ]


def test_untouched_current_clause_is_clean() -> None:
    d = doc(_clause("Same words.", 3, "Same words."))
    assert provenance.check(d, {"partnership.root-causes": 3}) == []
