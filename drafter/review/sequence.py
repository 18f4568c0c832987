"""Numbering that skips or repeats.

Decree paragraphs must run 212, 213, 214 … with no gap and no repeat: a gap usually means a
paragraph typed by hand, a second list, or a deleted paragraph someone renumbered by hand. List
numbers (as Word prints them) and typed numbers ("215. The City …") are checked as one sequence,
so a typed number in a list-numbered decree shows up where it breaks the run. In documents
without decree numbering, typed lists may restart at 1 (a new list), which is not a defect.
Level-1 headings (I, II, III …) are checked the same way.

List items that run together in one paragraph ("Language Access;1. Community Partnerships; and1.
Victim Services") are flagged too: a list marker glued to the item before it is what a lost line
break (a template, a paste) leaves behind, and the second item gets no number of its own.
"""

from __future__ import annotations

import re

from drafter.model import Document, Paragraph
from drafter.numbering_scheme import roman_value
from drafter.review.findings import Finding, Item, Severity, walk


def check(doc: Document) -> list[Finding]:
    items = walk(doc)
    decree = any(isinstance(i.block, Paragraph) and i.block.numbering == "decree" for i in items)
    findings: list[Finding] = []
    seq: list[tuple[int, Item]] = []
    for item in items:
        if item.is_heading or item.in_table or item.skip or not item.number:
            continue
        block = item.block
        is_top = (isinstance(block, Paragraph) and block.numbering == "decree" and block.level == 0) or (
            item.typed and item.number.isdigit()
        )
        if is_top:
            seq.append((int(item.number), item))
        elif (
            isinstance(block, Paragraph)
            and block.numbering == "ordered"
            and item.label
            and item.label.isdigit()
        ):
            seq.append((int(item.label), item))  # a Word list printing "3."
    findings.extend(_run(seq, "paragraph", "¶ ", "error" if decree else "warning", restarts=not decree))
    findings.extend(_decimals(items))
    heads: list[tuple[int, Item]] = []
    for item in items:
        if item.is_heading and item.number and getattr(item.block, "level", 1) == 1:
            value = roman_value(item.number)
            if value:
                heads.append((value, item))
    findings.extend(_run(heads, "section", "Section ", "warning", restarts=False, roman=True))
    findings.extend(_run_together(items))
    return findings


def _decimals(items: list[Item]) -> list[Finding]:
    """Decimal numbers (4.1, 4.2, 4.1.2) run within their parent: 4.1 then 4.1 again is a repeat,
    4.1 then 4.3 a gap; 5.1 after 4.9 starts a new run."""
    runs: dict[str, list[tuple[int, Item]]] = {}
    for item in items:
        if item.is_heading or item.in_table or item.skip or not item.label:
            continue
        if re.fullmatch(r"\d{1,4}(?:\.\d{1,3})+", item.label):
            parent, _, last = item.label.rpartition(".")
            runs.setdefault(parent, []).append((int(last), item))
    out: list[Finding] = []
    for parent, seq in runs.items():
        for finding in _run(seq, "paragraph", "¶ ", "warning", restarts=False):
            # the message names the whole number: "¶ 4.1 is repeated"
            out.append(
                Finding(
                    finding.check,
                    finding.severity,
                    re.sub(r"¶ (\d+)", rf"¶ {parent}.\1", finding.message),
                    finding.fix,
                    finding.location,
                )
            )
    return out


# a list separator with the next item's typed marker glued on: ";1. ", "; and1. ", "; or 2. "
_GLUED = re.compile(r"(?:;|;\s*(?:and|or))\s?(\d{1,2})\.\s+(?=\S)")


def _run_together(items: list[Item]) -> list[Finding]:
    out: list[Finding] = []
    for item in items:
        if item.is_heading or item.skip:
            continue
        m = _GLUED.search(item.text)
        if m:
            out.append(
                Finding(
                    "numbering.run-together",
                    "warning",
                    "List items run together in one paragraph (a list marker follows the previous item "
                    "instead of starting a new paragraph).",
                    "Start each list item on its own paragraph, with the list numbering.",
                    item.loc(item.text[max(0, m.start() - 20) : m.end() + 20].strip()),
                )
            )
    return out


def _run(
    seq: list[tuple[int, Item]],
    what: str,
    prefix: str,
    severity: Severity,
    restarts: bool,
    roman: bool = False,
) -> list[Finding]:
    out: list[Finding] = []
    for (prev, _), (num, item) in zip(seq, seq[1:], strict=False):
        show_prev = seq_label(prev, roman)
        show = seq_label(num, roman)
        if num == prev + 1 or (restarts and num == 1):
            continue
        if num == prev:
            msg = f"{what.capitalize()} number {prefix}{show} is repeated."
            fix = "Renumber, or if this should continue the list, apply the same list numbering."
            check_id = "numbering.repeat"
        elif num > prev:
            missing = (
                seq_label(prev + 1, roman)
                if num == prev + 2
                else f"{seq_label(prev + 1, roman)}–{seq_label(num - 1, roman)}"
            )
            msg = f"Numbering skips from {prefix}{show_prev} to {prefix}{show} ({missing} missing)."
            fix = "Renumber the paragraphs (use the list numbering, not typed numbers), or restore the missing one."
            check_id = "numbering.gap"
        else:
            msg = f"Numbering goes back from {prefix}{show_prev} to {prefix}{show}."
            fix = "Renumber so the numbers run in order; use one list for the whole document."
            check_id = "numbering.gap"
        out.append(Finding(check_id, severity, msg, fix, item.loc()))
    return out


def seq_label(n: int, roman: bool) -> str:
    if not roman:
        return str(n)
    from drafter.numbering_scheme import roman as to_roman

    return to_roman(n)
