"""The numbering scheme: how every numbered thing in a decree or directive is labelled, printed
and read back. This module is the one home of those rules.

A consent decree numbers its paragraphs continuously ("212."), with sub-paragraphs "(a)" and
"(i)"; a directive's sections are Roman ("IV.") with lettered subsections ("A."); ordinary
ordered lists restart ("1." / "a." / "i."). The composer assigns these numbers, the writer
turns them into Word list definitions (``w:numFmt`` + ``w:lvlText``) and heading labels, the
reader prints Word's numbers back, and review and the decree tools recognise numbers typed at
the start of a paragraph in documents drafter did not write (including decimal "4.1.2" and
suffixed "212A" numbers that amendments create).

All of them call this module, so changing "(a)" to "a." is one edit of ``DECREE_LEVELS``.

Vocabulary:

- *format* is Word's ``w:numFmt`` name ("decimal", "lowerLetter", "upperRoman", …);
- a *label* is the number as printed, with its punctuation ("212.", "(a)", "IV.");
- a *number* is the label as people cite it, without a trailing full stop ("212", "(a)", "IV")
  — the form ``drafter.model`` stores in ``Paragraph.number`` and ``Heading.number``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

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
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# Word's letter formats stop at 780 (26 letters × 30 repetitions); beyond, it prints digits.
LETTER_LIMIT = 780
ROMAN_LIMIT = 3999

FORMATS: tuple[str, ...] = ("decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman")
"""The ``w:numFmt`` values drafter writes and parses (the reader also prints a few more)."""


# --------------------------------------------------------------------------- values ↔ text
def roman(n: int) -> str:
    """1 → 'I', 14 → 'XIV' (Word's upperRoman; outside 1..3999, digits, as Word does)."""
    if not 0 < n <= ROMAN_LIMIT:
        return str(n)
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out += numeral
            n -= value
    return out


def roman_value(text: str) -> int | None:
    """Value of an upper-case Roman numeral, or None. Lenient ("IIII" → 4), as typed text is;
    use :func:`parse_value` when only Word's own spelling should count."""
    if not text or any(c not in _ROMAN_VALUES for c in text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=False):
        v = _ROMAN_VALUES[a]
        total += -v if b in _ROMAN_VALUES and _ROMAN_VALUES[b] > v else v
    return total


def letter(n: int) -> str:
    """1 → 'A', 26 → 'Z', 27 → 'AA' (Word's upperLetter repeats the letter; it does not count
    like spreadsheet columns). Outside 1..780, digits, as Word prints them."""
    if not 0 < n <= LETTER_LIMIT:
        return str(n)
    base = chr(ord("A") + (n - 1) % 26)
    return base * ((n - 1) // 26 + 1)


def letter_value(text: str) -> int | None:
    """Inverse of :func:`letter` for either case: 'a' → 1, 'BB' → 28; None if not a run of one
    repeated letter."""
    if not text or not text.isascii() or not text.isalpha() or len(set(text.upper())) != 1:
        return None
    n = (len(text) - 1) * 26 + ord(text[0].upper()) - ord("A") + 1
    return n if n <= LETTER_LIMIT else None


def format_value(n: int, fmt: str) -> str:
    """The value ``n`` in Word's ``w:numFmt`` ``fmt`` (unknown formats print as decimal, as
    Word does)."""
    if fmt == "lowerLetter":
        return letter(n).lower()
    if fmt == "upperLetter":
        return letter(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


def parse_value(text: str, fmt: str) -> int | None:
    """Inverse of :func:`format_value` for the formats in ``FORMATS``: only the spelling Word
    itself prints is accepted ('IIII' is not upperRoman), so a word is not taken for a number."""
    if fmt == "decimal":
        return int(text) if text.isascii() and text.isdigit() else None
    if fmt in ("lowerLetter", "upperLetter"):
        if text != (text.lower() if fmt == "lowerLetter" else text.upper()):
            return None
        return letter_value(text)
    if fmt in ("lowerRoman", "upperRoman"):
        upper = text.upper()
        if text != (upper.lower() if fmt == "lowerRoman" else upper):
            return None
        value = roman_value(upper)
        return value if value is not None and roman(value) == upper else None
    return None


# --------------------------------------------------------------------------- level formats
@dataclass(frozen=True)
class LevelFormat:
    """How one list level prints its number: Word's format between fixed text.

    ``LevelFormat("lowerLetter", "(", ")")`` prints "(a)", "(b)"; in numbering.xml it is
    ``w:numFmt="lowerLetter"`` with ``w:lvlText="(%2)"`` at level 1.
    """

    fmt: str
    before: str = ""
    after: str = "."

    def label(self, n: int) -> str:
        """The label as printed: '212.', '(a)', 'IV.'."""
        return f"{self.before}{format_value(n, self.fmt)}{self.after}"

    def number(self, n: int) -> str:
        """The label as cited (and stored in the model): '212', '(a)', 'IV'."""
        return cited(self.label(n))

    def lvl_text(self, ilvl: int) -> str:
        """Word's ``w:lvlText`` for this format at list level ``ilvl`` (0-based): '(%2)'."""
        return f"{self.before}%{ilvl + 1}{self.after}"

    def parse(self, text: str) -> int | None:
        """The value of a label or number this format printed ('(c)' or '(c)' → 3), else None."""
        text = text.strip()
        if not text.startswith(self.before):
            return None
        core = text[len(self.before) :]
        if self.after and core.endswith(self.after):
            core = core[: -len(self.after)]
        elif self.after and self.after != ".":
            return None
        return parse_value(core, self.fmt)


DECREE_LEVELS: tuple[LevelFormat, ...] = (
    LevelFormat("decimal", "", "."),  # 212.
    LevelFormat("lowerLetter", "(", ")"),  # (a)
    LevelFormat("lowerRoman", "(", ")"),  # (i)
)
"""Consent-decree paragraphs: one list through the whole document."""

HEADING_LEVELS: tuple[LevelFormat, ...] = (
    LevelFormat("upperRoman", "", "."),  # IV.
    LevelFormat("upperLetter", "", "."),  # A.
)
"""Directive sections and subsections."""

ORDERED_LEVELS: tuple[LevelFormat, ...] = (
    LevelFormat("decimal", "", "."),  # 1.
    LevelFormat("lowerLetter", "", "."),  # a.
    LevelFormat("lowerRoman", "", "."),  # i.
)
"""Ordinary numbered lists inside a clause (they restart in each list)."""


def cited(label: str) -> str:
    """A printed label as people cite it: '212.' → '212', 'IV.' → 'IV', '(a)' → '(a)'."""
    return label[:-1] if label.endswith(".") and len(label) > 1 else label


def decree_number(level: int, n: int) -> str:
    """The model's number for the n-th decree paragraph at ``level`` (0: '212', 1: '(a)')."""
    return DECREE_LEVELS[min(level, len(DECREE_LEVELS) - 1)].number(n)


def heading_number(level: int, n: int) -> str:
    """The model's number for the n-th heading at ``level`` (1: 'IV', 2: 'B')."""
    return HEADING_LEVELS[min(max(level, 1), len(HEADING_LEVELS)) - 1].number(n)


def heading_label(number: str) -> str:
    """A heading's printed label from its model number: 'IV' → 'IV.'."""
    return number + HEADING_LEVELS[0].after


def sub_label(n: int, level: int) -> str:
    """Decree sub-paragraph labels: level 1 '(a)', level 2 '(i)'."""
    return decree_number(level, n)


# --------------------------------------------------------------------------- typed labels
LabelKind = Literal["paragraph", "decimal", "suffixed", "sub", "section", "subsection"]


@dataclass(frozen=True)
class Label:
    """A number typed at the start of a paragraph, as :func:`parse_label` found it.

    ``number`` is the label as cited ("212", "212A", "4.1.2", "(c)", "IV", "B"); ``parts`` its
    values ((212,), (212, 1) for "212A" and "212.1", (4, 1, 2), (3,) for "(c)"); ``end`` is where
    the paragraph's own text begins. Some labels read both as a letter and as a Roman numeral
    ("(i)", "(c)", "I."): the likelier reading wins (Roman up to 39, "(i)"…"(xxxix)", else the
    letter) and ``other_value`` holds the other one, for a caller that knows the previous label.
    """

    kind: LabelKind
    number: str
    fmt: str
    parts: tuple[int, ...]
    end: int
    other_value: int | None = None

    @property
    def value(self) -> int:
        """The label's own value (the last part): 212 for "212", 3 for "(c)", 2 for "212B"."""
        return self.parts[-1]


_SUFFIX_LETTERS = re.compile(r"[A-Z]{1,2}")
_PARA = re.compile(
    r"\s*(?:¶\s*(?P<pilcrow>\d{1,4}(?:\.\d{1,3})*[A-Z]{0,2})\b\.?"
    r"|(?P<num>\d{1,4}(?:\.\d{1,3})*[A-Z]{0,2})\.?(?=\s|$))"
)
_SUB = re.compile(r"\s*\((?P<sub>[a-z]{1,15})\)(?=\s|$)")
_HEAD = re.compile(
    r"\s*(?:(?:Section|Part|Article)\s+)?(?P<head>[IVXLCDM]{1,15}|[A-Z])\.(?=\s|$)"
    r"|\s*(?:Section|Part|Article)\s+(?P<named>[IVXLCDM]{1,15})(?=[\s:.—–-]|$)"
)


def _letter_or_roman(token: str, letters: bool = True) -> tuple[str, int, int | None] | None:
    """Read a lower-case token as Roman or as a letter: (format, value, the other reading)."""
    as_roman = parse_value(token, "lowerRoman")
    as_letter = parse_value(token, "lowerLetter") if letters else None
    if as_roman is not None and (as_letter is None or as_roman < 40):
        return "lowerRoman", as_roman, as_letter
    if as_letter is not None:
        return "lowerLetter", as_letter, as_roman
    return None


def parse_label(text: str, heading: bool = False) -> Label | None:
    """The number typed at the start of ``text``, or None.

    Recognises paragraph numbers ("212. …", "¶ 212 …"), decimal ("4.1 …", "4.1.2. …",
    "212.1 …") and suffixed ("212A. …") numbers, sub-paragraphs ("(a) …", "(iv) …"), and — when
    ``heading`` is true — section labels ("IV. …", "Section IV …") and lettered subsections
    ("B. …"). A bare number must be followed by a space or the end ("2026 budget" is text), and
    a plain paragraph number by its full stop ("212. The City", not "30 days").
    """
    if heading:
        m = _HEAD.match(text)
        if not m:
            return None
        token = m.group("head") or m.group("named")
        # subsections are single letters: "CC." can only be a section
        chosen = _letter_or_roman(token.lower(), letters=len(token) == 1)
        if chosen is None or (m.group("named") and chosen[0] != "lowerRoman"):
            return None
        fmt, value, other = chosen
        if fmt == "lowerRoman":
            return Label("section", token, "upperRoman", (value,), m.end(), other)
        return Label("subsection", token, "upperLetter", (value,), m.end(), other)
    m = _SUB.match(text)
    if m:
        token = m.group("sub")
        chosen = _letter_or_roman(token)
        if chosen is None:
            return None
        fmt, value, other = chosen
        return Label("sub", f"({token})", fmt, (value,), m.end(), other)
    m = _PARA.match(text)
    if not m:
        return None
    token = m.group("pilcrow") or m.group("num")
    matched = m.group(0)
    suffix_m = re.search(r"[A-Z]{1,2}$", token)
    suffix = suffix_m.group(0) if suffix_m else ""
    digits = token[: len(token) - len(suffix)]
    parts = tuple(int(p) for p in digits.split("."))
    if suffix:
        s = letter_value(suffix)
        if s is None or not _SUFFIX_LETTERS.fullmatch(suffix):
            return None
        return Label("suffixed", token, "decimal", (*parts, s), m.end())
    if len(parts) > 1:
        return Label("decimal", token, "decimal", parts, m.end())
    if m.group("num") and not matched.rstrip().endswith("."):
        return None  # "30 days": a bare number without its full stop is text
    return Label("paragraph", token, "decimal", parts, m.end())
