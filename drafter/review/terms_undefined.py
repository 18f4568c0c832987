"""Capitalised terms used as defined terms that nothing defines ("reports to the Compliance
Officer", "the Community Liaison Unit shall …").

A phrase of two or more capitalised words after an article or determiner ("the", "each",
"such" …) reads as a defined term. It is reported once, at its first use, unless the document
defines it (or its singular or plural), or introduces it as a proper name:

- it appears in a caption, title, heading or signature line (compared without case: captions
  are in capitals), or in a definition's own paragraph (the office the Monitor holds);
- it names something a parenthetical then defines (`the Lakeport Police Department (the
  "Department")`);
- it is used somewhere without an article ("Free Software Foundation, Inc."): a name, not a term;
- it is an institution or office everyone knows (data/ordinary_terms.txt).

The terms decrees conventionally define (data/defined_terms.txt), single words included
("Monitor"), are reported when written with a capital mid-sentence and never defined.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from drafter.model import Document
from drafter.review.findings import Finding, Item
from drafter.review.term_defs import Definition, Q, sentence_start, title_line

_CAP = r"[A-Z][a-z]+(?:-[A-Za-z]+)*"
_NAME = rf"{_CAP}(?:\s+(?:of\s+|for\s+)?{_CAP})+"
_USED_AS_TERM = re.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ee]ach|[Aa]ny|[Ss]uch|[Ee]very|[Aa]ll|[Nn]o)\s+({_NAME})\b"
)
_BARE = re.compile(rf"(?<![\w{Q}])({_NAME})\b")
_BEFORE_PAREN = re.compile(
    rf"({_NAME})\s*,?\s*\(\s*(?:the|each|a|an|collectively,?\s+the|hereinafter)?\s*[{Q}]"
)
# a place: "the Near West Side", "the Harbor District", "the Eastside Corridor"
_PLACE = re.compile(
    r"\b(?:Side|Street|Avenue|Park|District|County|City|Town|Township|Village|River|Lake|Hills?|Heights|"
    r"Square|Valley|Road|Boulevard|Bridge|Harbor|Harbour|Bay|Island|Quarter|Neighborhood|Ward|Corridor|"
    r"North|South|East|West|Downtown|Uptown|Hall|Center|Centre|Church|School|College|University|Hospital|"
    r"Clinic|Plaza|Market)$"
)
# institutions named for a nation or state: "National Association of …", "State Police"
_INSTITUTION = re.compile(r"^(?:National|American|International|Federal|State|United|Royal)\b")
_WORD = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)\b")
_DETERMINERS = {
    "the",
    "this",
    "that",
    "these",
    "those",
    "each",
    "any",
    "such",
    "every",
    "all",
    "no",
    "a",
    "an",
}


@lru_cache(maxsize=1)
def conventional_terms() -> tuple[str, ...]:
    return _data("defined_terms.txt")


@lru_cache(maxsize=1)
def ordinary_terms() -> frozenset[str]:
    return frozenset(t.lower() for t in _data("ordinary_terms.txt"))


def _data(name: str) -> tuple[str, ...]:
    text = resources.files("drafter.review").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))


def _forms(phrase: str) -> set[str]:
    """The phrase, its singular and its plural, lower case ("teams" ↔ "team", "bodies")."""
    low = phrase.lower()
    out = {low, low + "s", low + "es"}
    if low.endswith("ies"):
        out.add(low[:-3] + "y")
    if low.endswith("es"):
        out.add(low[:-2])
    if low.endswith("s"):
        out.add(low[:-1])
    return out


def check(
    doc: Document, items: list[Item], paras: list[Item], defs: list[Definition]
) -> list[tuple[str, Item]]:
    """Each capitalised phrase used as a term that nothing defines, with its first use."""
    defined = {d.term.lower() for d in defs}
    defining = {d.item.index for d in defs if d.item is not None}
    definitions_text = " ".join([i.text for i in paras if i.index in defining] + [t for _n, t in doc.terms])
    # titles, captions, headings, signature lines: short lines that are not sentences
    titles = " \n ".join(i.text for i in items if title_line(i)).lower()
    names: set[str] = set()
    name_words: set[str] = set()  # "Vermont", "Eastgate": written bare mid-sentence, so names
    for item in paras:
        for m in _WORD.finditer(item.text):
            before = item.text[: m.start()].split()
            if (
                before
                and before[-1].lower() not in _DETERMINERS
                and not re.fullmatch(r"[A-Z][\w'’.-]*", before[-1])
                and not sentence_start(item.text, m.start())
                and m.group(1).lower() not in defined
            ):
                name_words.add(m.group(1))
        for m in _BEFORE_PAREN.finditer(item.text):
            names.add(m.group(1).lower())
        for m in _BARE.finditer(item.text):
            before = item.text[: m.start()].split()
            if (
                before
                and before[-1].lower() not in _DETERMINERS
                and not sentence_start(item.text, m.start())
                and not before[-1].endswith(("'s", "’s"))
            ):
                names.add(m.group(1).lower())

    # word n-grams, so "is this phrase in a title or a definition" costs a set lookup, not a
    # search through text that grows with the document
    title_grams = _NGrams(titles)
    definition_grams = _NGrams(definitions_text.lower())
    memo: dict[str, bool] = {}

    def introduced(phrase: str) -> bool:
        low = phrase.lower()
        if low not in memo:
            forms = _forms(phrase)
            words = low.split()
            parts = [" ".join(words[k:]) for k in range(1, len(words))]
            parts += [" ".join(words[:k]) for k in range(1, len(words))]
            memo[low] = (
                bool(forms & defined)
                or bool(forms & names)
                or bool(forms & ordinary_terms())
                or any(" " in p and p in defined for p in parts)
                or phrase.split()[0] in name_words
                or _INSTITUTION.match(phrase) is not None
                or any(_PLACE.search(" ".join(phrase.split()[:n])) for n in range(2, len(words) + 1))
                or _key(low) in title_grams
                or _key(low) in definition_grams
            )
        return memo[low]

    findings: list[tuple[str, Item]] = []
    reported: set[str] = set()
    for item in paras:
        for m in _USED_AS_TERM.finditer(item.text):
            phrase = m.group(1)
            key = phrase.lower()
            if key in reported or introduced(phrase) or _self_reference(m.group(0)):
                continue
            reported.update(_forms(phrase))
            findings.append((phrase, item))
    findings += _conventional(paras, defined, defining, definitions_text, reported)
    return findings


_INSTRUMENT = re.compile(
    r"^(?:this|these)\s.*\b(?:Agreement|License|Licence|Decree|Order|Directive|Contract|Policy|Judgment|"
    r"Stipulation|Section|Article|Part|Chapter|Addendum|Amendment|Memorandum|Plan)s?$",
    re.I,
)


_TOKEN = re.compile(r"[\w'’-]+")


def _key(text: str) -> str:
    return " ".join(_TOKEN.findall(text))


class _NGrams:
    """The runs of up to `longest` words in a text, line by line, as a set per length, built when
    a phrase of that length is first looked up (the phrases asked about are mostly two or three
    words long: building every length made this the costliest part of the check)."""

    def __init__(self, text: str, longest: int = 8):
        self.lines = [_TOKEN.findall(line) for line in text.split("\n")]
        self.longest = longest
        self.by_length: dict[int, set[str]] = {}

    def __contains__(self, key: str) -> bool:
        """`key`: words joined by single spaces (`_key`)."""
        n = key.count(" ") + 1
        if n > self.longest:
            return False
        if n not in self.by_length:
            self.by_length[n] = {" ".join(w[i : i + n]) for w in self.lines for i in range(len(w) - n + 1)}
        return key in self.by_length[n]


def _self_reference(used: str) -> bool:
    """ "This License Agreement", "this Consent Decree": the document naming itself."""
    return _INSTRUMENT.match(used) is not None


def _conventional(
    paras: list[Item], defined: set[str], defining: set[int], definitions_text: str, reported: set[str]
) -> list[tuple[str, Item]]:
    out: list[tuple[str, Item]] = []
    others = "\n".join(item.text for item in paras if item.index not in defining)
    for term in conventional_terms():
        low = term.lower()
        if low in reported or any(low == d or low.rstrip("s") == d or low in d for d in defined):
            continue  # already reported, defined, a plural of a defined term, or part of one
        if term not in others:
            continue  # not used at all (the look-behind below makes a search for it slow)
        pattern = re.compile(rf"(?<![\w{Q}]){re.escape(term)}(?![\w{Q}])")
        if (term in definitions_text and pattern.search(definitions_text)) or not pattern.search(others):
            continue  # named in another term's definition, or not used as a word
        for item in paras:
            if item.index in defining:
                continue
            if any(not sentence_start(item.text, m.start()) for m in pattern.finditer(item.text)):
                out.append((term, item))
                reported.add(low)
                break
    return out


def finding(term: str, item: Item, borrowed_from: str | None = None) -> Finding:
    """The report of `term`, first used at `item`: a warning; a note naming the instrument when
    the document gives its undefined terms the meanings another instrument gives them (the
    reader checks that instrument, not this document)."""
    if borrowed_from:
        return Finding(
            "terms.undefined",
            "note",
            f'"{term}" is not defined here; the document gives such terms the meanings the '
            f"{borrowed_from} gives them.",
            f"Check that the {borrowed_from} defines it, or define it here.",
            item.loc(term),
        )
    return Finding(
        "terms.undefined",
        "warning",
        f'"{term}" is written as a defined term but the document never defines it.',
        f'Add a definition ("{term}" means …), or point to the document that defines it.',
        item.loc(term),
    )
