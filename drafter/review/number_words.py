"""Numbers and dates: words that disagree with digits, dates that do not exist, and deadlines
set before the Effective Date.

"thirty (60) days" is the classic decree typo: one of the two was edited and not the other, and
the parties will argue over which governs. "February 30, 2027" is a date no court will accept.
A deadline dated before the Effective Date (when the document states that date) cannot be met.
"""

from __future__ import annotations

import datetime as _dt
import re

from drafter.model import Document
from drafter.review.findings import Finding, Item, prose, walk

_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SCALES = {"hundred": 100, "thousand": 1000}
_WORD = "|".join(sorted(list(_UNITS) + list(_TENS) + list(_SCALES) + ["and"], key=len, reverse=True))
_WORDS_DIGITS = re.compile(rf"\b((?:(?:{_WORD})[\s-]+)*(?:{_WORD}))\s*\((\d[\d,]*)\)", re.I)

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_ABBR = {m[:3]: n for m, n in MONTHS.items()} | {"sept": 9}
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DATE_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})\b")
_DATE_NUM = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_DATE_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_DEADLINE = re.compile(
    r"\b(?:by|no later than|on or before|before|due|deadline|not later than|until)\b", re.I
)
_EFFECTIVE = re.compile(r"Effective Date", re.I)
# what every date and every "words (digits)" pair contains: most paragraphs have neither, and
# these cheap searches spare them the costly patterns above
_YEAR = re.compile(r"\d{4}")
_PAREN_NUMBER = re.compile(r"\(\d")


def words_to_int(words: str) -> int | None:
    """ "three hundred sixty-five" → 365; None when the words are not a number."""
    total = current = 0
    seen = False
    for tok in re.split(r"[\s-]+", words.lower()):
        if tok == "and" or not tok:
            continue
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def dates(text: str) -> list[tuple[re.Match[str], _dt.date | None]]:
    """Every date written in the text, with its value (None when no such day exists)."""
    out: list[tuple[re.Match[str], _dt.date | None]] = []
    if not _YEAR.search(text):
        return out
    for m in _DATE_MDY.finditer(text):
        out.append((m, _make(m.group(3), _month(m.group(1)), m.group(2))))
    for m in _DATE_DMY.finditer(text):
        out.append((m, _make(m.group(3), _month(m.group(2)), m.group(1))))
    for m in _DATE_NUM.finditer(text):
        out.append((m, _make(m.group(3), int(m.group(1)), m.group(2))))
    for m in _DATE_ISO.finditer(text):
        out.append((m, _make(m.group(1), int(m.group(2)), m.group(3))))
    return out


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or _ABBR.get(name[:4] if name.startswith("sept") else name[:3], 0)


def _make(year: str, month: int, day: str) -> _dt.date | None:
    try:
        return _dt.date(int(year), month, int(day))
    except ValueError:
        return None


def check(doc: Document) -> list[Finding]:
    items = prose(walk(doc))
    findings: list[Finding] = []
    effective: _dt.date | None = None
    for item in items:
        findings.extend(_words_vs_digits(item))
        for m, value in dates(item.text):
            if value is None:
                findings.append(
                    Finding(
                        "dates.impossible",
                        "error",
                        f'"{m.group(0)}" is not a real date.',
                        "Correct the day or month.",
                        item.loc(m.group(0)),
                    )
                )
        if effective is None:
            effective = _effective_date(item.text)
    if effective is not None:
        findings.extend(_early_deadlines(items, effective))
    return findings


def _words_vs_digits(item: Item) -> list[Finding]:
    out: list[Finding] = []
    if not _PAREN_NUMBER.search(item.text):
        return out
    for m in _WORDS_DIGITS.finditer(item.text):
        words = m.group(1)
        # keep only the trailing run of words that still parses (drop leading "and", etc.)
        tokens = re.split(r"([\s-]+)", words)
        value = None
        for start in range(0, len(tokens), 2):
            value = words_to_int("".join(tokens[start:]))
            if value is not None:
                words = "".join(tokens[start:])
                break
        digits = int(m.group(2).replace(",", ""))
        if value is not None and value != digits:
            out.append(
                Finding(
                    "numbers.words-digits",
                    "error",
                    f'"{words} ({m.group(2)})": the words say {value}, the digits say {digits}.',
                    "Decide which is meant and make the words and the digits agree.",
                    item.loc(m.group(0)),
                )
            )
    return out


def _effective_date(text: str) -> _dt.date | None:
    """The Effective Date, when a sentence states it: 'The Effective Date is March 1, 2027' or
    'entered on March 1, 2027 (the "Effective Date")'."""
    if not _EFFECTIVE.search(text):
        return None
    for sentence in re.split(r"(?<=\.)\s+", text):
        if not _EFFECTIVE.search(sentence):
            continue
        found = [(m, v) for m, v in dates(sentence) if v is not None]
        if len(found) == 1 and re.search(
            r"Effective Date\W*\s*(?:is|means|shall be|will be|:)|\(\s*the\s+.Effective Date.\s*\)",
            sentence,
            re.I,
        ):
            return found[0][1]
    return None


def _early_deadlines(items: list[Item], effective: _dt.date) -> list[Finding]:
    out: list[Finding] = []
    for item in items:
        for sentence in re.split(r"(?<=[.;])\s+", item.text):
            if _EFFECTIVE.search(sentence) and re.search(r"(?:is|means|\(the)", sentence):
                continue  # the definition itself
            if not _DEADLINE.search(sentence):
                continue
            for m, value in dates(sentence):
                if value is not None and value < effective:
                    out.append(
                        Finding(
                            "dates.before-effective",
                            "error",
                            f"Deadline {m.group(0)} falls before the Effective Date ({effective:%B} {effective.day}, {effective.year}).",
                            "Set the deadline on or after the Effective Date, preferably as days after it.",
                            item.loc(m.group(0)),
                        )
                    )
    return out
