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
