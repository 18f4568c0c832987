"""Defined terms: defined twice, defined but never used, used before the definition, written in
another case, and (terms_undefined) capitalised phrases used as terms that nothing defines.

How definitions are found is in `term_defs`. A proofreader that cries wolf is not read, so:

- a use inside the defining paragraph counts as a use (`the City's charter (the "Charter") …
  amendments to the Charter`);
- only the first letter differing is grammar, not a mismatch (`"This License" refers to …`, then
  `under this License`);
- an ordinary lower-case word is not a miscased term ("license", "work", "you"); a lower-case
  multiword phrase ("effective date") is a note; odd capitals ("Effective date") a warning; text in
  capitals (captions, headings) is emphasis;
- a definition in an appendix's sample notice is not a second definition of the main text's term;
- a document that says its undefined terms have the meanings another instrument gives them (a
  section written to join a decree: "Capitalized terms … have the meanings the Agreement gives
  them") has its undefined terms listed as notes naming that instrument, to check there, not
  as warnings.
"""

from __future__ import annotations

import re
from collections import defaultdict

from drafter.model import Document
from drafter.review import terms_undefined
from drafter.review.findings import Finding, Item, Location, prose, walk
from drafter.review.term_defs import (
    INCORPORATED_TERMS,
    Definition,
    TermFinder,
    find_definitions,
    in_definitions_section,
    sentence_start,
    title_line,
)

__all__ = ["check"]


def check(doc: Document, kind: str | None = None) -> list[Finding]:
    """`kind` "narrative": a grant narrative names organizations, plans and offices in capitals
    without defining them (it has no definitions section), so undefined-term checks are off."""
    items = walk(doc)
    paras = prose(items)
    defs = find_definitions(doc, items, paras)
    findings: list[Finding] = []
    by_term: dict[str, list[Definition]] = defaultdict(list)
    for d in defs:
        by_term[d.term].append(d)
    findings += _defined_twice(by_term)
    findings += _uses(by_term, paras)
    if kind != "narrative":
        instrument = _borrowed_from(paras)
        findings += [
            terms_undefined.finding(term, item, instrument)
            for term, item in terms_undefined.check(doc, items, paras, defs)
        ]
    return findings


def _borrowed_from(paras: list[Item]) -> str | None:
    """The instrument whose meanings the document gives its undefined terms, if it says so."""
    source = next((m for item in paras if (m := INCORPORATED_TERMS.search(item.text))), None)
    return (source.group(1) or source.group(2)) if source else None


def _defined_twice(by_term: dict[str, list[Definition]]) -> list[Finding]:
    out: list[Finding] = []
    for term, ds in by_term.items():
        per_region: dict[str, list[Definition]] = defaultdict(list)
        for d in ds:
            if d.item is not None:
                per_region[d.region].append(d)
        for same in per_region.values():
            if len(same) > 1:
                first = same[0].item
                assert first is not None and same[1].item is not None
                out.append(
                    Finding(
                        "terms.defined-twice",
                        "warning",
                        f'"{term}" is defined {len(same)} times (first at {first.loc().label()}).',
                        "Keep one definition and delete the others (or give them different names).",
                        same[1].item.loc(term),
                    )
                )
    return out


def _uses(by_term: dict[str, list[Definition]], paras: list[Item]) -> list[Finding]:
    """Unused, wrong-case and used-before-definition, from one scan of the text."""
    if not by_term:
        return []
    finder = TermFinder(list(by_term))
    lower = {t.lower(): t for t in by_term}
    position = {item.index: n for n, item in enumerate(paras)}
    defining = {d.item.index for ds in by_term.values() for d in ds if d.item is not None}
    spans_by_item: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for ds in by_term.values():
        for d in ds:
            if d.item:
                spans_by_item[d.item.index].append((d.item.index, d.start, d.end))
    exact: dict[str, list[Item]] = defaultdict(list)
    variants: dict[str, list[tuple[Item, str]]] = defaultdict(list)
    for item in paras:
        spans = spans_by_item.get(item.index, ())
        for start, end, written in finder.finditer(item.text):
            term = lower.get(written.lower())
            if term is None:
                continue
            if any(s <= start < e for _i, s, e in spans):
                continue  # the definition itself
            if " " not in term and _inside_name(item.text, start, end):
                continue  # "Library" in "the GNU Library Public License" is part of a name
            if written == term or (
                written[1:] == term[1:]
                and (sentence_start(item.text, start) or any(c.isupper() for c in written[1:]))
            ):
                exact[term].append(item)  # "This License" … "this License": the first capital is grammar
            elif written.isupper() or any(len(w) > 1 and w.isupper() for w in written.split()):
                continue  # emphasis or a caption: "THE EFFECTIVE DATE", "NOTICE file"
            elif written.islower() and " " not in term:
                continue  # the ordinary word: "license", "work", "you"
            else:
                variants[term].append((item, written))
    out: list[Finding] = []
    for term, ds in by_term.items():
        real = [d for d in ds if d.item is not None]
        if not exact[term] and not variants[term]:
            out.append(
                Finding(
                    "terms.unused",
                    "note",
                    f'"{term}" is defined but never used.',
                    "Delete the definition, or use the term where it is meant.",
                    real[0].item.loc(term) if real and real[0].item else Location(),
                )
            )
        if variants[term]:
            lower_only = all(w.islower() for _i, w in variants[term])
            # point at the slip ("the Title page"), not at an ordinary lower-case use before it
            item = next((i for i, w in variants[term] if lower_only or not w.islower()), variants[term][0][0])
            out.append(
                Finding(
                    "terms.wrong-case",
                    "note" if lower_only else "warning",
                    f'"{term}" is a defined term but is written here in a different case.',
                    f'Write "{term}" exactly as defined, or reword if the ordinary meaning is intended.',
                    item.loc(term),
                )
            )
        main = [d for d in real if d.region == "main"]
        if main and exact[term] and not in_definitions_section(main[0], paras, position, defining):
            # a definitions section may come after an opening that uses its terms; that is the
            # convention, not a defect
            first_def = main[0].item
            assert first_def is not None
            early = next((i for i in exact[term] if i.index < first_def.index and not title_line(i)), None)
            if early is not None:
                out.append(
                    Finding(
                        "terms.before-definition",
                        "warning",
                        f'"{term}" is used before it is defined (defined at {first_def.loc().label()}).',
                        "Move the definition up to the first use, or define the term in the definitions section.",
                        early.loc(_around(early.text, term)),
                    )
                )
    return out


_CAPWORD = re.compile(r"[A-Z][\w-]*")


def _inside_name(text: str, start: int, end: int) -> bool:
    """True when capitalised words touch the match on either side (a longer proper name)."""
    after = text[end:].lstrip(" ")
    before = text[:start].rstrip(" ").split(" ")[-1] if text[:start].strip() else ""
    next_cap = _CAPWORD.match(after) is not None and text[end : end + 1] == " "
    prev_cap = (
        text[start - 1 : start] == " "
        and _CAPWORD.fullmatch(before) is not None
        and not sentence_start(text, start - len(before) - 1)
    )
    return next_cap or prev_cap


def _around(text: str, term: str) -> str:
    pos = text.find(term)
    return text[max(0, pos - 20) : pos + len(term) + 20] if pos >= 0 else term
