"""Is any of these phrases in this (long) text? Asked of a whole document by the element and
kind checks, so it is made fast: the phrases (regex syntax) become one alternation in lower
case (escapes kept: \\W stays \\W) searched in text lower-cased once, and a match counts only
where a word starts. Neither re.I nor a look-behind sits in front of the alternation: either
stops `re` from skipping ahead to the phrases' first letters, which made a 640-section
directive's scan about three times slower.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ESCAPE_OR_CAPITAL = re.compile(r"\\.|[A-Z]")


@lru_cache(maxsize=256)
def pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of the phrases, in lower case, for `found`."""
    lowered = (
        _ESCAPE_OR_CAPITAL.sub(lambda m: m.group().lower() if len(m.group()) == 1 else m.group(), p)
        for p in phrases
    )
    return re.compile("|".join(f"(?:{p})" for p in lowered))


def found(phrases: tuple[str, ...], low: str) -> bool:
    """Whether any phrase occurs in `low` (lower-cased text) where a word starts: "beat" in "a
    beat officer", not in "upbeat"."""
    if not phrases:
        return False
    compiled = pattern(phrases)
    m = compiled.search(low)
    while m is not None:
        if _word_start(low, m.start()):
            return True
        m = compiled.search(low, m.start() + 1)
    return False


def spans(phrase: str, low: str) -> list[tuple[int, int]]:
    """Where one phrase occurs in `low` at a word start (start, end), for rules that must tell
    two phrases found apart from one phrase two patterns both match."""
    compiled = pattern((phrase,))
    return [(m.start(), m.end()) for m in compiled.finditer(low) if _word_start(low, m.start())]


def _word_start(low: str, at: int) -> bool:
    before = low[at - 1 : at]
    return not (before.isalnum() or before == "_")
