"""Word's number labels, shared by the composer, the writer, the reader and review."""

from __future__ import annotations

from drafter.numbering_scheme import letter, roman, roman_value, sub_label


def test_roman_as_word_prints_it_and_reads_back() -> None:
    assert [roman(n) for n in (1, 4, 9, 10, 14, 40, 90, 400, 1999)] == [
        "I",
        "IV",
        "IX",
        "X",
        "XIV",
        "XL",
        "XC",
        "CD",
        "MCMXCIX",
    ]
    assert all(roman_value(roman(n)) == n for n in range(1, 4000))
    assert roman(0) == "0" and roman(4000) == "4000"  # Word falls back to digits too
    assert roman_value("IIX2") is None and roman_value("") is None


def test_letters_repeat_after_z_as_word_does() -> None:
    assert [letter(n) for n in (1, 26, 27, 28, 53)] == ["A", "Z", "AA", "BB", "AAA"]


def test_decree_sub_labels() -> None:
    assert [sub_label(n, 1) for n in (1, 2, 27)] == ["(a)", "(b)", "(aa)"]
    assert [sub_label(n, 2) for n in (1, 4, 9)] == ["(i)", "(iv)", "(ix)"]


# --------------------------------------------------------------------------- the scheme's API
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from drafter.numbering_scheme import (  # noqa: E402
    DECREE_LEVELS,
    FORMATS,
    HEADING_LEVELS,
    LETTER_LIMIT,
    ORDERED_LEVELS,
    ROMAN_LIMIT,
    cited,
    format_value,
    parse_label,
    parse_value,
)

_LIMITS = {
    "decimal": 100_000,
    "lowerLetter": LETTER_LIMIT,
    "upperLetter": LETTER_LIMIT,
    "lowerRoman": ROMAN_LIMIT,
    "upperRoman": ROMAN_LIMIT,
}


@given(st.sampled_from(FORMATS), st.data())
def test_every_format_reads_back_the_value_it_printed(fmt: str, data: st.DataObject) -> None:
    n = data.draw(st.integers(min_value=1, max_value=_LIMITS[fmt]))
    assert parse_value(format_value(n, fmt), fmt) == n


@given(st.sampled_from(DECREE_LEVELS + HEADING_LEVELS + ORDERED_LEVELS), st.integers(1, 300))
def test_every_level_parses_its_label_and_its_cited_number(level, n: int) -> None:
    assert level.parse(level.label(n)) == n
    assert level.parse(level.number(n)) == n
    assert level.number(n) == cited(level.label(n))


@given(st.integers(1, 9999))
def test_typed_decree_paragraph_numbers_parse(n: int) -> None:
    label = parse_label(f"{DECREE_LEVELS[0].label(n)} The City shall")
    assert label is not None and label.kind == "paragraph" and label.value == n
    pilcrow = parse_label(f"¶ {n} The City")
    assert pilcrow is not None and (pilcrow.kind, pilcrow.value) == ("paragraph", n)
    assert f"¶ {n} The City"[pilcrow.end :].strip() == "The City"


@given(st.integers(1, 26 * 4), st.integers(1, 3999))
def test_typed_sub_paragraphs_parse_as_letter_or_roman(n: int, r: int) -> None:
    as_letter = parse_label(f"{DECREE_LEVELS[1].label(n)} text")
    assert as_letter is not None and as_letter.kind == "sub"
    assert n in (as_letter.value, as_letter.other_value)
    as_roman = parse_label(f"{DECREE_LEVELS[2].label(r)} text")
    assert as_roman is not None and r in (as_roman.value, as_roman.other_value)
    if r < 40:
        assert as_roman.fmt == "lowerRoman" and as_roman.value == r


@given(st.integers(1, 3999), st.integers(1, 26))
def test_typed_headings_parse(section: int, sub: int) -> None:
    label = parse_label(f"{HEADING_LEVELS[0].label(section)} Community Partnerships", heading=True)
    assert label is not None and section in (label.value, label.other_value)
    if section < 40:
        assert label.kind == "section" and label.value == section
    sub_label_ = parse_label(f"{HEADING_LEVELS[1].label(sub)} Plans", heading=True)
    assert sub_label_ is not None and sub in (sub_label_.value, sub_label_.other_value)


def test_decimal_suffixed_and_typed_forms() -> None:
    cases = {
        "212. The City": ("paragraph", "212", (212,)),
        "¶ 212 The City": ("paragraph", "212", (212,)),
        "4.1 Scope": ("decimal", "4.1", (4, 1)),
        "4.1.2. Scope": ("decimal", "4.1.2", (4, 1, 2)),
        "212.1 The City": ("decimal", "212.1", (212, 1)),
        "212A. The City": ("suffixed", "212A", (212, 1)),
        "212B The City": ("suffixed", "212B", (212, 2)),
        "(c) the Monitor": ("sub", "(c)", (3,)),
        "(iv) a plan": ("sub", "(iv)", (4,)),
    }
    for text, (kind, number, parts) in cases.items():
        label = parse_label(text)
        assert label is not None, text
        assert (label.kind, label.number, label.parts) == (kind, number, parts), text
        assert text[label.end :].strip() == text.split(" ", 1)[1].strip() or text.startswith("¶")
    for text in ("30 days after", "2026 budget", "10AM meeting", "(abc) x", "The City", "3 .", ""):
        assert parse_label(text) is None, text
    head = parse_label("Section IV Community Partnerships", heading=True)
    assert head is not None and head.number == "IV" and head.value == 4
    assert parse_label("IIII. Not Word's spelling", heading=True) is None
    assert parse_label("B. Plans", heading=True).kind == "subsection"  # type: ignore[union-attr]
    assert parse_label("Budget. Text", heading=True) is None
