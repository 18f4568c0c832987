"""Clauses changed after drafting, and clauses older than the library.

drafter wraps each clause in a content control tagged `clause:<id>@<version>` and records the
clause's digest in settings.xml. A digest that no longer matches means someone edited the words
in Word: often right, but the library will not know, so it is a note. A version older than the
library's means the wording has since been revised (a warning: the revision may matter).
"""

from __future__ import annotations

from collections.abc import Mapping

from drafter.model import ClauseBlock, Document, clause_digest
from drafter.review.findings import Finding, Item, Location, walk


def check(doc: Document, library_versions: Mapping[str, int] | None = None) -> list[Finding]:
    items = walk(doc)
    findings: list[Finding] = []
    for item_block, first in _clauses(items):
        loc = first.loc() if first else Location()
        if item_block.digest and clause_digest(item_block.blocks) != item_block.digest:
            findings.append(
                Finding(
                    "provenance.edited",
                    "note",
                    f"Clause {item_block.clause_id}@{item_block.version} was edited after drafting.",
                    "If the edit should last, make it in the clause library too (and bump the version); "
                    "otherwise rebuild the document.",
                    loc,
                )
            )
        current = (library_versions or {}).get(item_block.clause_id)
        if current is not None and item_block.version < current:
            findings.append(
                Finding(
                    "provenance.outdated",
                    "warning",
                    f"Clause {item_block.clause_id} is version {item_block.version}; the library has version {current}.",
                    "Rebuild the document, or compare the two versions and decide whether the change matters.",
                    loc,
                )
            )
    return findings


def _clauses(items: list[Item]) -> list[tuple[ClauseBlock, Item | None]]:
    """Each clause block with its first paragraph (by identity: two clauses may be equal)."""
    out: list[tuple[ClauseBlock, Item | None]] = []
    seen: set[int] = set()
    for item in items:
        if item.clause is not None and id(item.clause) not in seen:
            seen.add(id(item.clause))
            out.append((item.clause, item))
    return out
