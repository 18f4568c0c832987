"""Printed numbers and the cross-references that cite them.

Every decree paragraph and heading gets the number Word's list numbering will print, so a
cross-reference (a REF field) carries the right cached text before anyone updates fields.
"""

from __future__ import annotations

import dataclasses

from drafter.errors import RenderError
from drafter.library.clauses import Library
from drafter.model import Block, ClauseBlock, CrossRef, Heading, Inline, Paragraph, Run
from drafter.numbering_scheme import decree_number, heading_number


def number_document(
    body: list[Block], start_paragraph: int, start_section: int, numbered: bool
) -> tuple[list[Block], dict[str, str]]:
    """Give every decree paragraph and heading its printed number, as Word list numbering
    will; put a bookmark on each clause's first numbered paragraph.

    Returns the new body and clause id → number of that first paragraph.
    """
    counters = {"para": start_paragraph - 1, "sub1": 0, "sub2": 0, "sec": start_section - 1, "subsec": 0}
    numbers: dict[str, str] = {}

    def number_paragraph(p: Paragraph) -> Paragraph:
        if p.numbering != "decree":
            return p
        if p.level == 0:
            counters["para"] += 1
            counters["sub1"] = counters["sub2"] = 0
            return dataclasses.replace(p, number=decree_number(0, counters["para"]))
        if p.level == 1:
            counters["sub1"] += 1
            counters["sub2"] = 0
            return dataclasses.replace(p, number=decree_number(1, counters["sub1"]))
        counters["sub2"] += 1
        return dataclasses.replace(p, number=decree_number(2, counters["sub2"]))

    out: list[Block] = []
    for block in body:
        if isinstance(block, Heading) and numbered:
            if block.level == 1:
                counters["sec"] += 1
                counters["subsec"] = 0
                block = dataclasses.replace(block, number=heading_number(1, counters["sec"]))
            else:
                counters["subsec"] += 1
                block = dataclasses.replace(block, number=heading_number(2, counters["subsec"]))
        elif isinstance(block, Paragraph):
            block = number_paragraph(block)
        elif isinstance(block, ClauseBlock):
            inner: list[Block] = []
            marked = False
            for child in block.blocks:
                if isinstance(child, Paragraph):
                    child = number_paragraph(child)
                    if not marked and (child.numbering == "decree" and child.level == 0 or not numbered):
                        child = dataclasses.replace(child, bookmark=block.clause_id)
                        numbers[block.clause_id] = child.number or ""
                        marked = True
                inner.append(child)
            block = dataclasses.replace(block, blocks=tuple(inner))
        out.append(block)
    return out, numbers


def resolve_references(
    body: list[Block],
    numbers: dict[str, str],
    used: list[str],
    library: Library,
    draft: bool = False,
) -> list[Block]:
    """Fill each CrossRef with its target's number; unknown or omitted targets are errors
    naming the clause that refers to them. In a draft, a reference to a clause left out
    becomes a highlighted prompt instead, so the draft can circulate."""

    def fix_paragraph(p: Paragraph, owner: str) -> Paragraph:
        if not any(isinstance(i, CrossRef) for i in p.content):
            return p
        content: list[Inline] = []
        for item in p.content:
            if isinstance(item, CrossRef):
                if item.target not in numbers and draft and item.target in library.clauses:
                    content.append(
                        Run(f"[paragraph on {library.clauses[item.target].meta.title}]", highlight=True)
                    )
                    continue
                if item.target not in numbers:
                    where = owner
                    if owner in library.clauses:  # at the body's first mention of the target
                        clause = library.clauses[owner]
                        lines = enumerate(clause.body.splitlines())
                        line = next((i for i, text in lines if item.target in text), 0) + clause.body_line
                        where = f"{clause.path}:{line}"
                    if item.target not in library.clauses:
                        raise RenderError(f"{where}: ref('{item.target}'): no clause has that id")
                    raise RenderError(
                        f"{where}: ref('{item.target}'): that clause is not in this document "
                        "(its 'when' condition is false or no outline section includes it)"
                    )
                item = CrossRef(item.target, numbers[item.target])
            content.append(item)
        return dataclasses.replace(p, content=tuple(content))

    out: list[Block] = []
    for block in body:
        if isinstance(block, ClauseBlock):
            block = dataclasses.replace(
                block,
                blocks=tuple(
                    fix_paragraph(c, block.clause_id) if isinstance(c, Paragraph) else c for c in block.blocks
                ),
            )
        elif isinstance(block, Paragraph):
            block = fix_paragraph(block, "definitions")
        out.append(block)
    return out
