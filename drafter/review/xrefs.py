"""Cross-references: REF fields to missing bookmarks, typed references to paragraphs or sections
that do not exist, references to the paragraph itself, and REF results that went stale.

Typed references are checked only against what the document numbers. A directive continues an
existing decree, so "paragraph 15" below the document's first number points into the decree
and is not checked; nor is anything followed by "of the …" (another instrument) or a statute
("Section 10382(c)").
"""

from __future__ import annotations

import re

from drafter.model import CrossRef, Document
from drafter.numbering_scheme import roman_value
from drafter.review.findings import Finding, Item, walk

_PARA_REF = re.compile(
    r"(?:\b[Pp]aragraphs?|\bParas?\.?|¶¶?)\s*"
    r"(\d{1,4}(?:\([a-z]{1,4}\))*(?:\s*(?:,|and|or|through|to|[-–—])\s*(?:¶\s*)?\d{1,4}(?:\([a-z]{1,4}\))*)*)"
)
_SECTION_REF = re.compile(r"(?<!§)\b[Ss]ections?\s+([IVXLC]{1,7})(?:\.([A-Z]))?(?![\w(])")
_EXTERNAL = re.compile(
    r"^\s*(?:\([a-z0-9]+\))*\s*(?:of|in)\s+(?:the|this|that|a|an)?\s*(?!(?:this )?(?:[Dd]irective|[Ss]ection)\b)[A-Z]"
)


def _numbers(spec: str) -> list[tuple[int, str]]:
    """Expand "12, 14 through 16" to [(12, "12"), (14, "14"), (15, "15"), (16, "16")]."""
    out: list[tuple[int, str]] = []
    tokens = re.findall(r"\d{1,4}(?:\([a-z]{1,4}\))*|through|to|[-–—]", spec)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok[0].isdigit():
            if (
                i + 2 < len(tokens)
                and tokens[i + 1] in ("through", "to", "-", "–", "—")
                and tokens[i + 2][0].isdigit()
            ):
                lo, hi = int(re.match(r"\d+", tok).group()), int(re.match(r"\d+", tokens[i + 2]).group())
                if 0 <= hi - lo <= 500:
                    out.extend((n, str(n)) for n in range(lo, hi + 1))
                else:
                    out.extend([(lo, str(lo)), (hi, str(hi))])
                i += 3
                continue
            out.append((int(re.match(r"\d+", tok).group()), tok))
        i += 1
    return out


def check(doc: Document) -> list[Finding]:
    items = walk(doc)
    findings: list[Finding] = []
    bookmarks: dict[str, Item] = {}
    for item in items:
        for name in (item.block.bookmark or "").split():
            bookmarks.setdefault(name, item)
    labels = {i.label for i in items if i.label}
    tops = {int(i.number) for i in items if i.label and i.number and i.number.isdigit() and not i.in_table}
    headings = {i.heading_path for i in items if i.is_heading and i.heading_path}
    first = min(tops) if tops else None
    for item in items:
        if item.skip:
            continue
        findings.extend(_fields(item, bookmarks))
        if item.is_heading:
            continue
        if first is not None:
            findings.extend(_typed_paragraphs(item, tops, labels, first))
        if headings:
            findings.extend(_typed_sections(item, headings))
    return findings


def _fields(item: Item, bookmarks: dict[str, Item]) -> list[Finding]:
    out: list[Finding] = []
    for inline in getattr(item.block, "content", ()):
        if not isinstance(inline, CrossRef):
            continue
        target = bookmarks.get(inline.target)
        shown = inline.text.strip() or inline.target
        if target is None:
            out.append(
                Finding(
                    "xref.missing-bookmark",
                    "error",
                    f'Cross-reference "{shown}" points to bookmark {inline.target}, which no longer exists.',
                    "Re-insert the cross-reference (Insert › Cross-reference) to the paragraph meant, or delete it.",
                    item.loc(shown),
                )
            )
        elif target.index == item.index:
            out.append(
                Finding(
                    "xref.self",
                    "warning",
                    f'Cross-reference "{shown}" points to the paragraph it is in.',
                    'Point it to the paragraph meant, or write "this paragraph".',
                    item.loc(shown),
                )
            )
        elif (
            target.label
            and re.fullmatch(r"\d+(?:\([a-z]+\))*", inline.text.strip())
            and inline.text.strip() != target.label
        ):
            out.append(
                Finding(
                    "xref.stale",
                    "warning",
                    f'Cross-reference shows "{inline.text.strip()}" but its target is now ¶ {target.label}.',
                    "Update fields (select all, F9) before filing.",
                    item.loc(shown),
                )
            )
    return out


def _typed_paragraphs(item: Item, tops: set[int], labels: set[str], first: int) -> list[Finding]:
    out: list[Finding] = []
    text = item.text
    for m in _PARA_REF.finditer(text):
        if _EXTERNAL.match(text[m.end() :]):
            continue
        for number, token in _numbers(m.group(1)):
            if number < first:
                continue  # the existing decree's paragraphs, outside this document
            if number not in tops:
                out.append(
                    Finding(
                        "xref.missing-paragraph",
                        "error",
                        f"Refers to paragraph {token}, which this document does not have.",
                        "Correct the number, or use a cross-reference field so it follows renumbering.",
                        item.loc(m.group(0)),
                    )
                )
            elif (
                token != str(number)
                and token not in labels
                and any(label.startswith(f"{number}(") for label in labels)
            ):
                out.append(
                    Finding(
                        "xref.missing-paragraph",
                        "error",
                        f"Refers to paragraph {token}; ¶ {number} has no such subparagraph.",
                        "Correct the letter.",
                        item.loc(m.group(0)),
                    )
                )
            elif str(number) == item.label:
                out.append(
                    Finding(
                        "xref.self",
                        "note",
                        f"Paragraph {number} refers to itself.",
                        'Point to the paragraph meant, or write "this paragraph".',
                        item.loc(m.group(0)),
                    )
                )
    return out


def _typed_sections(item: Item, headings: set[str]) -> list[Finding]:
    out: list[Finding] = []
    firsts = [roman_value(h.split(".")[0]) for h in headings]
    first = min((v for v in firsts if v), default=1)
    for m in _SECTION_REF.finditer(item.text):
        if _EXTERNAL.match(item.text[m.end() :]):
            continue
        if (roman_value(m.group(1)) or first) < first:
            continue  # a section of the existing decree
        ref = m.group(1) + (f".{m.group(2)}" if m.group(2) else "")
        if ref not in headings:
            out.append(
                Finding(
                    "xref.missing-section",
                    "error",
                    f"Refers to Section {ref}, which this document does not have.",
                    "Correct the section number, or refer to it by a cross-reference field.",
                    item.loc(m.group(0)),
                )
            )
        elif ref == item.heading_path:
            out.append(
                Finding(
                    "xref.self",
                    "note",
                    f"Section {ref} refers to itself.",
                    'Write "this Section" instead.',
                    item.loc(m.group(0)),
                )
            )
    return out
