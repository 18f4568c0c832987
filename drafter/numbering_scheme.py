"""Labels for numbered headings and sub-paragraphs, as Word's list formats print them."""

from __future__ import annotations

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """1 → 'I', 14 → 'XIV' (Word's upperRoman; outside 1..3999, digits, as Word does)."""
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out += numeral
            n -= value
    return out


def roman_value(text: str) -> int | None:
    """Value of an upper-case Roman numeral, or None."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    if not text or any(c not in values for c in text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=False):
        v = values[a]
        total += -v if b in values and values[b] > v else v
    return total


def letter(n: int) -> str:
    """1 → 'A', 26 → 'Z', 27 → 'AA' (Word's upperLetter repeats the letter)."""
    base = chr(ord("A") + (n - 1) % 26)
    return base * ((n - 1) // 26 + 1)


def sub_label(n: int, level: int) -> str:
    """Decree sub-paragraph labels: level 1 '(a)', level 2 '(i)'."""
    return f"({letter(n).lower()})" if level == 1 else f"({roman(n).lower()})"
