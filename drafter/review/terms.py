"""Defined terms: used but never defined, defined but never used, defined twice, wrong case.

Definitions are recognised in the forms decrees use: `"Effective Date" means …`,
`"Effective Date" shall mean …`, `"Monitor" refers to …`, and the parenthetical
`(the "Effective Date")`; plus any (term, definition) pairs the composer put in `Document.terms`.
"Used but never defined" cannot know every capitalised phrase, so it looks for the terms decrees
conventionally define (data/defined_terms.txt) written with capitals where nothing defines them
(a title named inside another term's definition, such as the office the Monitor holds, counts as
defined).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from drafter.model import Document
from drafter.review.findings import Finding, Item, Location, prose, walk

_Q = "\"“”'‘’"
_DEF_MEANS = re.compile(
    rf"[{_Q}]([A-Z][^{_Q}\n]{{0,60}}?)[{_Q}]\s*,?\s*(?:shall\s+|will\s+|as\s+used\s+\w+\s+\w+,?\s*)?"
    r"(?:means?|refers?\s+to|shall\s+refer\s+to|is\s+defined\s+as|includes?)\b"
)
_DEF_PAREN = re.compile(
    rf"\(\s*(?:the|each|a|an|collectively,?\s+the|hereinafter(?:\s+the)?)?\s*[{_Q}]([A-Z][^{_Q}\n]{{0,60}}?)[{_Q}]\s*\)"
)


@lru_cache(maxsize=1)
def conventional_terms() -> tuple[str, ...]:
    text = resources.files("drafter.review").joinpath("data/defined_terms.txt").read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))


def definitions(doc: Document, items: list[Item]) -> dict[str, list[Item | None]]:
    """Each defined term with the items that define it (None: defined in Document.terms only)."""
    found: dict[str, list[Item | None]] = {}
    for item in prose(items):
        for pattern in (_DEF_MEANS, _DEF_PAREN):
            for m in pattern.finditer(item.text):
                term = m.group(1).strip().rstrip(",.")
                found.setdefault(term, []).append(item)
    for term, _definition in doc.terms:
        found.setdefault(term, [None])
    return found


def _uses(term: str, text: str, flags: int = 0) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<![\w{_Q}]){re.escape(term)}(?![\w{_Q}])", text, flags))


def check(doc: Document) -> list[Finding]:
    items = walk(doc)
    paras = prose(items)
    defs = definitions(doc, items)
    findings: list[Finding] = []
    for term, where in defs.items():
        real = [w for w in where if w is not None]
        if len(real) > 1:
            findings.append(
                Finding(
                    "terms.defined-twice",
                    "warning",
                    f'"{term}" is defined {len(real)} times (first at {real[0].loc().label()}).',
                    "Keep one definition and delete the others (or give them different names).",
                    real[1].loc(term),
                )
            )
        exact = wrong = 0
        lower_only = True
        first_wrong: Item | None = None
        for item in paras:
            if any(item is r for r in real):
                continue  # a term's own definition neither uses it nor misspells it
            n_exact = len(_uses(term, item.text))
            variants = [m.group(0) for m in _uses(term, item.text, re.I) if m.group(0) != term]
            exact += n_exact
            if variants:
                wrong += len(variants)
                lower_only = lower_only and all(v == v.lower() for v in variants)
                first_wrong = first_wrong or item
        if exact == 0 and wrong == 0:
            findings.append(
                Finding(
                    "terms.unused",
                    "note",
                    f'"{term}" is defined but never used.',
                    "Delete the definition, or use the term where it is meant.",
                    real[0].loc(term) if real else Location(),
                )
            )
        elif first_wrong is not None:
            # all lower case is often the ordinary meaning ("community policing"); odd capitals
            # ("Effective date") are a slip
            findings.append(
                Finding(
                    "terms.wrong-case",
                    "note" if lower_only else "warning",
                    f'"{term}" is a defined term but is written here in a different case.',
                    f'Write "{term}" exactly as defined, or reword if the ordinary meaning is intended.',
                    first_wrong.loc(term),
                )
            )
    defined_lower = {t.lower() for t in defs}
    defining = {id(w) for ws in defs.values() for w in ws if w is not None}
    # what the definitions say: a title named there ("Monitor" means the Compliance Officer and
    # Community Liaison …) is defined through that term, not a stray capitalised phrase
    definitions_text = " ".join([i.text for i in paras if id(i) in defining] + [d for _t, d in doc.terms])
    for term in conventional_terms():
        low = term.lower()
        if any(low == d or low.rstrip("s") == d or low in d for d in defined_lower):
            continue  # defined, a plural of a defined term, or part of one
        if _uses(term, definitions_text):
            continue  # named in another term's definition
        for item in paras:
            if id(item) in defining:
                continue
            uses = [m for m in _uses(term, item.text) if not _sentence_start(item.text, m.start())]
            if uses:
                findings.append(
                    Finding(
                        "terms.undefined",
                        "warning",
                        f'"{term}" is written as a defined term but the document never defines it.',
                        f'Add a definition ("{term}" means …), or point to the decree that defines it.',
                        item.loc(term),
                    )
                )
                break
    return findings


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return (
        not before
        or before[-1] in '.!?:;("“'
        or re.search(r"(?:^|\s)(?:\d+|\([a-z]+\))\.?$", before) is not None
    )
