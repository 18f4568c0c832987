"""Where a document defines its terms, and where it uses them.

Definitions are recognised in the forms legal texts use:

- quoted term + verb: `"Effective Date" means …`, `"Licensor" shall mean …`, `The "Program",
  below, refers to …`, `A "Modified Version" of the Document means …`, `"You" (or "Your") shall
  mean …`, `"Monitor" has the meaning …`;
- a quoted term opening a sentence with "is"/"are": `A "Secondary Section" is a named appendix`;
- parenthetical and appositive: `the City of Lakeport (the "City")`, `(collectively, the
  "Parties")`, `together the "Parties"`, `hereinafter the "Department"`, `referred to as the "Board"`;
- (term, definition) pairs the composer put in `Document.terms`.

Regions: text after an appendix, addendum or exhibit heading (or after "END OF TERMS AND
CONDITIONS") is a region of its own — a sample notice there that says `(the "License")` is not a
second definition of the main text's "License".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.model import Document
from drafter.review.findings import Item

Q = "\"“”'‘’"
_TERM = rf"[{Q}]([A-Z][^{Q}\n]{{0,60}}?)[{Q}]"
_BETWEEN = (
    rf"(?:\s*\((?:or|and)\s+[{Q}][^{Q}\n]{{1,40}}[{Q}]\))?"  # "You" (or "Your")
    r"(?:\s*,?\s*(?:below|above|herein|hereinafter|hereafter)\s*,?"
    r"|\s+(?:form|copy|version|work)\b"
    r"|\s+of\s+(?:the|this|a|an)\s+\w+"
    r"|\s*,\s*as\s+used\s+\w+(?:\s+\w+)?\s*,){0,2}"
)
# `"Effective Date" means …`: group 1 is the term. Shared: drafter.decree.inspect lists a decree's
# definitions with it, so review and inspect agree on what a definition is.
DEFINITION_MEANS = re.compile(
    _TERM + _BETWEEN + r"\s*,?\s*(?:shall\s+|will\s+|also\s+)?"
    r"(?:means?|refers?\s+to|shall\s+refer\s+to|is\s+defined\s+as|includes?|has\s+the\s+meaning)\b"
)
# "Capitalized terms not defined here have the meanings the Agreement gives them" / "… as
# defined in the Consent Decree": the document borrows its undefined terms from the instrument
# named in group 1 (a section inserted into a decree, an amendment, a contract's schedule).
INCORPORATED_TERMS = re.compile(
    r"\b(?:[Cc]apitali[sz]ed\s+)?(?:[Tt]erms|[Ww]ords)\b[^.;]{0,120}?\b"
    r"(?:ha(?:ve|s)|shall\s+have|bear)\s+the\s+meanings?\s+(?:(?:given|assigned|ascribed)\s+(?:to\s+them\s+)?"
    r"|set\s+(?:forth|out)\s+)?(?:in|by)\s+(?:the\s+|that\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
    r"|\b(?:[Cc]apitali[sz]ed\s+)?(?:[Tt]erms|[Ww]ords)\b[^.;]{0,120}?\bhave\s+the\s+meanings?\s+(?:that\s+)?"
    r"(?:the\s+|that\s+)([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+gives?\b"
)
_DEF_IS = re.compile(rf"(?:^|[.;:]\s+|^\s*\d[\d.]*\s+)(?:The|A|An)\s+{_TERM}\s+(?:is|are)\b")
# `the City of Lakeport (the "City")`: group 1 is the term (shared with drafter.decree.inspect).
DEFINITION_PAREN = re.compile(
    r"\(\s*(?:the|each|a|an|collectively,?\s+the|together,?\s+the|hereinafter(?:\s+the)?)?\s*"
    rf"{_TERM}\s*\)"
)
_DEF_APPOSITIVE = re.compile(
    r"\b(?:together|collectively|jointly|hereinafter(?:\s+called)?|referred\s+to\s+as|called)"
    rf",?\s+(?:as\s+)?(?:the\s+|a\s+|an\s+)?{_TERM}"
)
_PATTERNS = (DEFINITION_MEANS, _DEF_IS, DEFINITION_PAREN, _DEF_APPOSITIVE)
_REGION = re.compile(
    r"^\s*(?:appendix|addendum|exhibit|schedule|annex|attachment)\b|end of terms and conditions|how to apply",
    re.I,
)


@dataclass(frozen=True)
class Definition:
    term: str
    item: Item | None
    """None: defined in Document.terms (by the composer), not in the text."""
    start: int = 0
    end: int = 0
    region: str = "main"


def regions(items: list[Item]) -> dict[int, str]:
    """Item index → the region it sits in ("main", or the heading that opened an appendix)."""
    out: dict[int, str] = {}
    region = "main"
    for item in items:
        text = item.text.strip()
        if (item.is_heading or len(text.split()) <= 12) and _REGION.search(text):
            region = text
        out[item.index] = region
    return out


def find_definitions(doc: Document, items: list[Item], prose_items: list[Item]) -> list[Definition]:
    """Every definition in body order (at most one per term per paragraph)."""
    where = regions(items)
    found: list[Definition] = []
    for item in prose_items:
        seen: set[str] = set()
        for pattern in _PATTERNS:
            for m in pattern.finditer(item.text):
                term = m.group(1).strip().rstrip(",.")
                if term in seen or not term:
                    continue
                seen.add(term)
                found.append(Definition(term, item, m.start(1) - 1, m.end(1) + 1, where[item.index]))
    found.sort(key=lambda d: (d.item.index if d.item else -1, d.start))
    known = {d.term for d in found}
    for term, _definition in doc.terms:
        if term not in known:
            found.append(Definition(term, None))
    return found


def sentence_start(text: str, pos: int) -> bool:
    """True when `pos` opens a sentence, a list item or a parenthesis (a capital is grammar)."""
    before = text[:pos].rstrip()
    return (
        not before
        or before[-1] in '.!?:;("“'
        or re.fullmatch(r"\s*(?:¶\s*)?(?:\d+(?:\.\d+)*[A-Z]?\.?|\([a-z]+\)|[a-z]\))", before) is not None
    )


class TermFinder:
    """Finds every defined term in a text, case-insensitively, in one pass over its words: the
    terms are indexed by their first word, so the cost grows with the text, not with the number
    of terms times the text (a 640-section directive defines hundreds). Quoted mentions are not
    uses."""

    _WORD = re.compile(r"\w+")

    def __init__(self, terms: list[str]):
        by_first: dict[str, set[str]] = {}
        for term in set(terms):
            first = self._WORD.match(term)
            if first is not None:
                by_first.setdefault(first.group().lower(), set()).add(term.lower())
        # per first word: its terms' lengths, longest first, and the terms. Only one term of a
        # length can start at a place, so trying each length finds the longest term there; a
        # loop over the terms cost a directive's 640 "Partnership Plan N" at every "partnership"
        self.by_first: dict[str, tuple[list[int], set[str]]] = {
            word: (sorted({len(t) for t in found}, reverse=True), found) for word, found in by_first.items()
        }

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, text as written) for each use, left to right, longest term first."""
        out: list[tuple[int, int, str]] = []
        low = text.lower()
        end_of_last = 0
        for m in self._WORD.finditer(low):
            if m.start() < end_of_last:
                continue
            candidates = self.by_first.get(m.group())
            if not candidates or (
                m.start() > 0 and (low[m.start() - 1].isalnum() or low[m.start() - 1] in Q)
            ):
                continue
            lengths, terms = candidates
            for length in lengths:
                end = m.start() + length
                if (
                    end <= len(low)
                    and low[m.start() : end] in terms
                    and (end == len(low) or not (low[end].isalnum() or low[end] == "_" or low[end] in Q))
                ):
                    out.append((m.start(), end, text[m.start() : end]))
                    end_of_last = end
                    break
        return out


def title_line(item: Item) -> bool:
    """A heading, or a short line that is not a sentence: a title, caption or signature line."""
    text = item.text.strip()
    words = len(text.split())
    return item.is_heading or (
        (words <= 16 or (words <= 30 and not text.endswith((".", ";", ":"))))
        and not re.search(r"\b(?:shall|must|will|may)\b", text)
    )


_DEFINITIONS_HEAD = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s*|[IVXLC]+\.\s*)?(?:Definitions|Defined Terms)\b", re.I
)


def in_definitions_section(
    definition: Definition, paras: list[Item], position: dict[int, int], defining: set[int]
) -> bool:
    """True when the definition sits under a "Definitions" heading, or in the run of defining
    paragraphs that follows a "1. Definitions." paragraph. `position` maps item index → place in
    `paras`; `defining` holds the indexes of paragraphs that define a term."""
    item = definition.item
    if item is None:
        return True
    if item.section and re.search(r"\bdefinitions?\b|\bdefined terms\b", item.section, re.I):
        return True
    if _DEFINITIONS_HEAD.match(item.text):
        return True
    here = position.get(item.index)
    if here is None:
        return False
    for previous in reversed(paras[max(0, here - 40) : here]):
        if _DEFINITIONS_HEAD.match(previous.text):
            return True
        if previous.index not in defining:
            return False  # the run of definitions ended before this one
    return False
