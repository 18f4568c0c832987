from __future__ import annotations

from pathlib import Path

from review_helpers import doc, heading, para

from drafter.review import limit_checks as limits


def _narrative():
    return doc(
        heading("Statement of the Problem"),
        para("word " * 120),
        heading("Project Design and Implementation"),
        para("word " * 30),
        kind="narrative",
    )


def test_sections_over_limit_by_words_characters_and_pages() -> None:
    found = limits.check(
        _narrative(),
        {
            "Statement of the Problem": ("words", 100),
            "project design and implementation": ("characters", 1000),
        },
    )
    assert [(f.check, f.severity, f.location.quote) for f in found] == [
        ("limits.over", "error", "Statement of the Problem")
    ]
    assert "120 words; the limit is 100" in found[0].message
    pages = limits.check(doc(heading("Budget"), para("w " * 600)), {"Budget": ("pages", 2)})
    assert pages and "about 2.2 pages" in pages[0].message


def test_profile_file_is_loaded(tmp_path: Path) -> None:
    profile = tmp_path / "cpd.yaml"
    profile.write_text(
        "sections:\n  - id: problem\n    heading: Statement of the Problem\n    limit: {words: 50}\n"
    )
    assert limits.load_profile(str(profile)) == {"Statement of the Problem": ("words", 50)}
    assert limits.load_profile("no-such-profile-xyz") is None
