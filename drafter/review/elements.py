"""Coverage: which community-policing elements a document covers, which it lacks, and for grant
narratives which items of 34 U.S.C. § 10382(c) it answers.

The element list and keywords live in data/elements.yaml so legal and grant staff can tune them
without touching Python. Keyword matching is deliberately simple (any keyword anywhere): the
point is to prompt a reader to look, not to grade the document. Each element's keywords are
compiled once into one alternation (`keywords`), and a document's text is lower-cased once and
scanned once per element (the result is kept for the report's coverage summary).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML

from drafter.model import Document
from drafter.review import keywords
from drafter.review.findings import Finding, Location, document_text, walk


@lru_cache(maxsize=1)
def element_data() -> dict[str, list[dict[str, Any]]]:
    text = resources.files("drafter.review").joinpath("data/elements.yaml").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)


def known_element(value: str) -> str:
    """`value` if it is the id of a directive element, else ValueError listing the ids: clause
    front matter (`elements:`) and the input (`decree.keep_elements`) name elements by these."""
    known = [str(e["id"]) for e in element_data().get("directive", [])]
    if value not in known:
        raise ValueError(f"unknown element '{value}'; the elements are: {', '.join(known)}")
    return value


def covered(entry: dict[str, Any], text: str) -> bool:
    """Whether any of the element's keywords occurs in `text`, in any case, at a word start."""
    return _covers(entry, text.lower())


def decisive(entry: dict[str, Any], text: str) -> bool:
    """Whether one paragraph `text` provides the element clearly enough to leave a directive's
    clause on it out (`build --skip-covered`), not merely to prompt a reader: one of its keywords
    and a second sign apart from it — another of its keywords, or one of its `confirm` phrases
    (elements.yaml), which name what makes a mention a provision ("train all officers" with
    "community policing"; "community meetings" held "every quarter"). One keyword alone is what
    review counts, and it is how a crisis-intervention training paragraph or a board's
    membership list once passed for community-policing training or youth engagement."""
    low = text.lower()
    keys = [keywords.spans(k, low) for k in entry.get("keywords", [])]
    signs = keys + [keywords.spans(c, low) for c in entry.get("confirm", [])]
    return any(
        _apart(a, b)
        for i, first in enumerate(keys)
        for j, other in enumerate(signs)
        if i != j
        for a in first
        for b in other
    )


def _apart(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two matches that share no text ("community partnerships" is one sign, though two
    keywords match it)."""
    return a[1] <= b[0] or b[1] <= a[0]


def _covers(entry: dict[str, Any], low: str) -> bool:
    return keywords.found(tuple(entry.get("keywords", [])), low)


@lru_cache(maxsize=8)
def _covered_ids(section: str, text: str) -> frozenset[str]:
    low = text.lower()
    return frozenset(str(e["id"]) for e in element_data().get(section, []) if _covers(e, low))


def coverage(doc: Document, kind: str) -> dict[str, list[str]]:
    """{"covered": [...names], "missing": [...names]} for the kind's elements."""
    have = _covered_ids(kind, document_text(walk(doc)))
    entries = element_data().get(kind, [])
    return {
        "covered": [e["name"] for e in entries if str(e["id"]) in have],
        "missing": [e["name"] for e in entries if str(e["id"]) not in have],
    }


def check(doc: Document, kind: str) -> list[Finding]:
    text = document_text(walk(doc))
    findings: list[Finding] = []
    entries = element_data().get(kind, [])
    found = _covered_ids(kind, text)
    have = [e for e in entries if str(e["id"]) in found]
    if entries:
        findings.append(
            Finding(
                "elements.coverage",
                "note",
                f"Covers {len(have)} of {len(entries)} community-policing elements for a {kind}.",
                "See the findings below for the ones not found.",
                Location(),
            )
        )
    for e in entries:
        if e not in have:
            findings.append(
                Finding(
                    "elements.missing",
                    "warning" if e.get("core") else "note",
                    f"Nothing found on: {e['name']}.",
                    "Add a clause or paragraph that covers it, or note why it does not apply.",
                    Location(quote=e["id"]),
                )
            )
    if kind == "narrative":
        answered = _covered_ids("section_10382c", text)
        for e in element_data().get("section_10382c", []):
            if str(e["id"]) not in answered:
                findings.append(
                    Finding(
                        "grant.10382c-missing",
                        "warning",
                        f"34 U.S.C. § 10382(c)({e['id']}) not answered: {e['name']}.",
                        "Every application must answer this item; add a passage that does.",
                        Location(quote=f"§ 10382(c)({e['id']})"),
                    )
                )
    return findings
