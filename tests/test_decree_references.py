"""Typed references: found with their spans and targets, and moved by a renumbering map."""

from __future__ import annotations

import pytest

from drafter.decree.references import find_references, rewrite


def targets(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(r.kind, r.targets) for r in find_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as paragraph 212 requires", [("paragraph", ("212",))]),
        ("under paragraphs 212–215,", [("paragraph", ("212", "213", "214", "215"))]),
        ("see ¶¶ 212, 214 and 216.", [("paragraph", ("212", "214", "216"))]),
        ("see ¶¶ 212, 214, and 216.", [("paragraph", ("212", "214", "216"))]),
        ("Paragraphs 10 through 12 apply", [("paragraph", ("10", "11", "12"))]),
        ("per paragraph 12.3 and 212A", [("paragraph", ("12.3", "212A"))]),
        ("Subparagraph 212(c)(ii) says", [("paragraph", ("212(c)(ii)",))]),
        ("Section IV governs", [("section", ("IV",))]),
        ("Sections X through XII", [("section", ("X", "XI", "XII"))]),
        ("Section IV.B and Section V", [("section", ("IV.B",)), ("section", ("V",))]),
        ("subparagraph (c) of this paragraph", [("subparagraph", ("(c)",))]),
        ("within paragraph 5 and 30 days", [("paragraph", ("5",))]),
        ("under Section 10382(c) and § IV", []),
        ("in the paragraph above", []),
    ],
)
def test_finds_typed_references(text: str, expected: list) -> None:
    assert targets(text) == expected


def test_spans_cover_the_reference_text() -> None:
    text = "The City will, as ¶¶ 212, 214 and 216 require, report."
    (ref,) = find_references(text)
    assert text[ref.start : ref.end] == "¶¶ 212, 214 and 216"
    assert [text[t.start : t.end] for t in ref.tokens] == ["212", "214", "216"]


def test_other_instruments_are_external_own_names_are_not() -> None:
    refs = find_references(
        "paragraph 5 of the Settlement Agreement; paragraph 6 of the Memorandum of Understanding; "
        "paragraph 7 of this Agreement; Section IV of the Civil Rights Act; paragraph 8 of the Decree",
        own_names=("Agreement", "Decree"),
    )
    assert [(r.targets[0], r.external) for r in refs] == [
        ("5", True),
        ("6", True),
        ("7", False),
        ("IV", True),
        ("8", False),
    ]


SHIFT = {str(n): str(n + 3) for n in range(213, 400)}


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("paragraph 212 stays", "paragraph 212 stays"),
        ("paragraph 213 moves", "paragraph 216 moves"),
        ("paragraphs 214–215 move", "paragraphs 217–218 move"),
        ("¶¶ 212, 214 and 216", "¶¶ 212, 217 and 219"),
        ("paragraphs 210–215 apply", "paragraphs 210–212 and 216–218 apply"),
        ("paragraphs 210 through 215", "paragraphs 210 through 212 and 216 through 218"),
        ("Paragraph 213(b)(ii) and 13.2", "Paragraph 216(b)(ii) and 13.2"),
        (
            "paragraph 213 of the Memorandum of Understanding",
            "paragraph 213 of the Memorandum of Understanding",
        ),
        ("within 213 days", "within 213 days"),
    ],
)
def test_rewrite_moves_only_shifted_internal_references(before: str, after: str) -> None:
    assert rewrite(before, SHIFT)[0] == after


def test_decimal_sub_numbers_follow_their_paragraph() -> None:
    assert rewrite("see paragraph 13.2 and 12.4", {"13": "16"})[0] == "see paragraph 16.2 and 12.4"


def test_sections_shift_with_their_roman_labels() -> None:
    moved = {"V": "VI", "VI": "VII", "VII": "VIII"}
    text = "Section IV and Sections V through VII; Section V.B"
    assert rewrite(text, {}, moved)[0] == "Section IV and Sections VI through VIII; Section VI.B"


def test_edits_record_old_and_new() -> None:
    _, edits = rewrite("paragraphs 213 and 214", SHIFT)
    assert [(e.old, e.new) for e in edits] == [("213", "216"), ("214", "217")]
