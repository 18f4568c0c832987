"""Plain language: Flesch-Kincaid grade per section, sentences over 40 words, obligations in the
passive with no actor ("shall be conducted"), and jargon from the library's list.

Community members read these documents, and an obligation with no actor is one nobody owes.
Readability uses textstat < 0.7.9, which ships its syllable data and needs no network (see
docs/design-facts.md). The jargon list is the built-in library's clauses/_style/jargon.txt,
found where the library finds its clauses (`drafter.library.builtin.builtin_dirs`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from drafter.library.builtin import builtin_dirs
from drafter.model import Document
from drafter.review.findings import Finding, Item, Location, prose, sentences, short, walk

MAX_GRADE = 12.0
MAX_WORDS = 40
MIN_SECTION_WORDS = 100
_PASSIVE = re.compile(
    r"\b(?:shall|will|must|is to|are to)\s+(?:promptly\s+|also\s+|then\s+)?be\s+"
    r"(\w+(?:ed|en)|made|done|held|set|kept|sent|given|taken|built|paid|put|led|met|sought|brought|told)\b",
    re.I,
)

_NOT_PARTICIPLES = {"open", "even", "often", "seen", "green", "ten", "citizen", "needed"}
# rules of construction and statements of principle say how to read or what holds, not who
# must act: "shall be construed", "shall be deemed", "will be implied", "shall be guided by"
_CONSTRUCTION = {
    "construed",
    "deemed",
    "implied",
    "interpreted",
    "read",
    "considered",
    "presumed",
    "governed",
    "guided",
    "based",
    "treated",
    "bound",
    "entitled",
    "permitted",
    "allowed",
    "required",
    "void",
    "voided",
    "invalidated",
}


def jargon_path() -> Path:
    """The built-in library's plain-language list (it ships with the clauses)."""
    return builtin_dirs()[0] / "_style" / "jargon.txt"


@lru_cache(maxsize=4)
def jargon_terms(path: str | None = None) -> tuple[str, ...]:
    """The jargon list: one word or phrase per line, # comments."""
    text = Path(path or jargon_path()).read_text(encoding="utf-8")
    return tuple(
        ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    )


@lru_cache(maxsize=4)
def _jargon_patterns(terms: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str]] | None:
    """Every jargon term in one alternation (longest first): each paragraph is scanned once.

    Two forms: for text lower-cased once, the alternation alone (no re.I, no look-behind in
    front: either stops `re` skipping ahead to the terms' first letters, and the scan took twice
    as long); and re.I with the look-behind for the rare text where lower-casing is not what re.I
    does (see `_jargon_in`), or terms that are not plain ASCII."""
    if not terms:
        return None
    ordered = sorted(set(terms), key=len, reverse=True)
    alternation = "(?:" + "|".join(re.escape(t) for t in ordered) + ")"
    folded = re.compile("(?:" + "|".join(re.escape(t.lower()) for t in ordered) + r")(?!\w)")
    cased = re.compile(r"(?<!\w)" + alternation + r"(?!\w)", re.I)
    return (folded if all(t and t.isascii() for t in ordered) else None), cased


def _jargon_in(text: str, patterns: tuple[re.Pattern[str] | None, re.Pattern[str]]) -> set[str]:
    """The jargon terms `text` uses, lower case, each where a word starts and ends.

    Lower-casing matches ASCII terms as re.I does unless it changes the text's length ("İ") or
    the text has "ı" or "ſ", which re.I also takes for "i" and "s"."""
    folded, cased = patterns
    low = text.lower()
    if folded is None or len(low) != len(text) or "ı" in low or "ſ" in low:
        return {m.group(0).lower() for m in cased.finditer(text)}
    found = set()
    m = folded.search(low)
    while m is not None:
        if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_"):
            m = folded.search(low, m.start() + 1)  # inside a word: try one character on
            continue
        found.add(m.group(0))
        m = folded.search(low, m.end())
    return found


def grade(text: str) -> float:
    """Flesch-Kincaid grade of a passage (offline). textstat and its syllable dictionary are
    imported on the first section long enough to grade, once per process, not at start-up."""
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def check(
    doc: Document,
    max_grade: float = MAX_GRADE,
    jargon: tuple[str, ...] | None = None,
    kind: str = "directive",
) -> list[Finding]:
    """Plain-language findings. In a document of kind "other" (a licence, a lease) a passive
    obligation is a note: its readers are not the community members a directive must reach."""
    items = walk(doc)
    paras = prose(items)
    findings: list[Finding] = []
    findings.extend(_readability(paras, max_grade))
    terms = jargon if jargon is not None else jargon_terms()
    jargon_res = _jargon_patterns(tuple(terms))
    for item in paras:
        for sentence in sentences(item.text):
            n = len(sentence.split())
            if n > MAX_WORDS:
                findings.append(
                    Finding(
                        "plain.long-sentence",
                        "note",
                        f"A sentence of {n} words (over {MAX_WORDS}).",
                        "Split it: one obligation per sentence.",
                        item.loc(sentence),
                    )
                )
            for m in _PASSIVE.finditer(sentence):
                word = m.group(1).lower()
                if (
                    word in _NOT_PARTICIPLES
                    or word in _CONSTRUCTION
                    or re.search(r"\bby\b", sentence[m.end() :])
                ):
                    continue
                findings.append(
                    Finding(
                        "plain.passive-obligation",
                        "note" if kind == "other" else "warning",
                        f'"{m.group(0)}" says what must happen but not who must do it.',
                        'Name the actor: "The Department shall conduct …".',
                        item.loc(_around(sentence, m.start(), m.end())),
                    )
                )
        hits = _jargon_in(item.text, jargon_res) if jargon_res else set()
        found = [t for t in terms if t in hits]
        if found:
            findings.append(
                Finding(
                    "plain.jargon",
                    "note",
                    "Jargon: " + ", ".join(f'"{t}"' for t in found) + ".",
                    "Say what is done, by whom, by when, in plain words.",
                    item.loc(found[0]),
                )
            )
    return findings


def _readability(paras: list[Item], max_grade: float) -> list[Finding]:
    groups: dict[str | None, list[Item]] = {}
    for item in paras:
        groups.setdefault(item.section.split(" › ")[0] if item.section else None, []).append(item)
    out: list[Finding] = []
    for section, members in groups.items():
        text = " ".join(i.text for i in members)
        if len(text.split()) < MIN_SECTION_WORDS:
            continue
        g = grade(text)
        if g > max_grade:
            out.append(
                Finding(
                    "plain.grade",
                    "note",
                    f'Reading grade {g:.1f} (Flesch-Kincaid) in section "{section or "before the first heading"}"; '
                    f"aim for {max_grade:g} or below.",
                    "Shorter sentences and everyday words lower the grade.",
                    Location(members[0].label, section, members[0].index, short(members[0].text)),
                )
            )
    return out


def _around(text: str, start: int, end: int, width: int = 25) -> str:
    return text[max(0, start - width) : end + width]
