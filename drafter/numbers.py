"""Labels for numbered headings and sub-paragraphs, as Word's list formats print them."""

from __future__ import annotations

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
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


def letter(n: int) -> str:
    """1 → 'A', 26 → 'Z', 27 → 'AA' (Word's upperLetter repeats the letter)."""
    base = chr(ord("A") + (n - 1) % 26)
    return base * ((n - 1) // 26 + 1)


def sub_label(n: int, level: int) -> str:
    """Decree sub-paragraph labels: level 1 '(a)', level 2 '(i)'."""
    return f"({letter(n).lower()})" if level == 1 else f"({roman(n).lower()})"
