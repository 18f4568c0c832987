"""Cross-references: REF fields to missing bookmarks, typed references to paragraphs or sections
that do not exist, references to the paragraph itself, and REF results that went stale.

Typed references are found by `drafter.decree.references` (paragraphs, ranges and lists,
"¶¶ 212, 214 and 216", "212A", "12.3", "212(c)", Roman "Section IV.B", "subparagraph (c)") and,
for the arabic and decimal section numbers licences and agreements use ("Section 14", "section
9", "Section 4.3", "section 2d"), by this module. Each is checked against every number the
document has: typed or list-numbered paragraphs (212, 4.1, 212A, 212(b)), heading numbers
(IV, IV.B, 4). References to another instrument ("paragraph 15 of the Agreement"), statutes
("Section 10382(c)") and documents with no numbers at all are not checked.

A directive continues an existing decree: a reference below its first paragraph (or section) may
point into the decree, so it is a note to check, not an error.

Cost: the document's numbers are collected once; each paragraph's text is scanned once.
"""

from __future__ import annotations

import re

from drafter.decree.references import find_references
from drafter.model import CrossRef, Document
from drafter.numbering_scheme import roman_value
from drafter.review.findings import Finding, Item, walk

_ARABIC_SECTION = re.compile(
    r"(?<!§)(?<!§\s)\b[Ss]ections?\s+"
    r"(?P<spec>\d{1,3}(?:\.\d{1,3})*[a-z]?(?:\([a-z0-9]{1,4}\))*(?![\d.]\d)"
    r"(?:\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|\s+through\s+|\s+to\s+|\s*[-–—]\s*)"
    r"\d{1,3}(?:\.\d{1,3})*[a-z]?(?:\([a-z0-9]{1,4}\))*(?![\d.]\d))*)(?![\w.]*\d)"
)
_OTHER_INSTRUMENT = re.compile(
    r"^\s*(?:\([a-z0-9]+\))*\s*(?:of|in|under)\s+(?:the\s+)?(?!this\b|that\b|these\b)"
    r"(?!(?:Agreement|Decree|Directive|License|Licence|Order|Settlement Agreement|Consent Decree)\b)[A-Z]"
)


# in a directive, "paragraph 15 of the Agreement" names the host decree outright
_HOST = re.compile(
    r"^\s*(?:\([a-z0-9]+\))*\s*of\s+the\s+(?:Agreement|Decree|Consent Decree|Settlement Agreement)\b"
)


class Numbers:
    """Every number the document has, collected once."""

    def __init__(self, items: list[Item]):
        self.labels = {i.label for i in items if i.label}
        self.tops = {
            int(i.number) for i in items if i.label and i.number and i.number.isdigit() and not i.in_table
        }
        self.tops |= {int(lbl) for lbl in self.labels if lbl.isdigit()}
        self.first = min(self.tops) if self.tops else None
        self.subs = {m.group(0) for lbl in self.labels if (m := re.search(r"\([a-z0-9]+\)$", lbl))}
        self.headings = {i.heading_path for i in items if i.is_heading and i.heading_path}
        self.headings |= {i.number.rstrip(".") for i in items if i.is_heading and i.number}
        romans = [roman_value(h.split(".")[0]) for h in self.headings]
        self.first_roman = min((v for v in romans if v), default=None)
        self.arabic = {lbl for lbl in self.labels if re.fullmatch(r"\d+(?:\.\d+)*", lbl)}
        self.arabic |= {h for h in self.headings if re.fullmatch(r"\d+(?:\.\d+)*", h)}


def check(doc: Document, kind: str | None = None) -> list[Finding]:
    """All cross-reference findings. `kind` "directive" makes references below the document's
    first number notes (they may point into the host decree)."""
    items = walk(doc)
    directive = (kind or doc.meta.kind or "directive") == "directive"
    findings: list[Finding] = []
    bookmarks: dict[str, Item] = {}
    for item in items:
        for name in (item.block.bookmark or "").split():
            bookmarks.setdefault(name, item)
    numbers = Numbers(items)
    for item in items:
        if item.skip:
            continue
        findings.extend(_fields(item, bookmarks))
        if item.is_heading:
            continue
        findings.extend(_typed(item, numbers, directive))
        if numbers.arabic:
            findings.extend(_arabic_sections(item, numbers, directive))
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


def _missing(check: str, message: str, fix: str, item: Item, quote: str) -> Finding:
    return Finding(check, "error", message, fix, item.loc(quote))


def _outside(what: str, token: str, item: Item, quote: str) -> Finding:
    return Finding(
        "xref.outside",
        "note",
        f"Refers to {what} {token}, below this directive's first number: it may point into the decree.",
        'Check it against the decree this directive goes into (or write "of the Decree").',
        item.loc(quote),
    )


def _typed(item: Item, numbers: Numbers, directive: bool) -> list[Finding]:
    out: list[Finding] = []
    for ref in find_references(item.text):
        after = item.text[ref.end :]
        if ref.external or _OTHER_INSTRUMENT.match(after) or (directive and _HOST.match(after)):
            continue
        if ref.kind == "paragraph" and numbers.first is not None:
            out.extend(_paragraph_targets(ref.targets, ref.text, item, numbers, directive))
        elif ref.kind == "section" and numbers.headings:
            out.extend(_roman_targets(ref.targets, ref.text, item, numbers, directive))
        elif ref.kind == "subparagraph" and numbers.subs:
            for target in ref.targets:
                sub = re.match(r"\([a-z0-9]+\)", target)
                if sub and sub.group(0) not in numbers.subs:
                    out.append(
                        _missing(
                            "xref.missing-paragraph",
                            f"Refers to subparagraph {target}, which no paragraph of this document has.",
                            "Correct the letter.",
                            item,
                            ref.text,
                        )
                    )
    return out


def _paragraph_targets(
    targets: tuple[str, ...], quote: str, item: Item, numbers: Numbers, directive: bool
) -> list[Finding]:
    out: list[Finding] = []
    for token in targets:
        lead = re.match(r"\d+", token)
        if lead is None:
            continue
        number = int(lead.group())
        base = re.match(r"\d+(?:\.\d+)*[A-Z]{0,2}", token)
        base_label = base.group() if base else lead.group()
        if numbers.first is not None and number < numbers.first:
            if directive:
                out.append(_outside("paragraph", token, item, quote))
                continue
        if base_label not in numbers.labels and number not in numbers.tops:
            out.append(
                _missing(
                    "xref.missing-paragraph",
                    f"Refers to paragraph {token}, which this document does not have.",
                    "Correct the number, or use a cross-reference field so it follows renumbering.",
                    item,
                    quote,
                )
            )
        elif base_label not in numbers.labels and base_label != lead.group():
            out.append(
                _missing(
                    "xref.missing-paragraph",
                    f"Refers to paragraph {token}, which this document does not have.",
                    "Correct the number.",
                    item,
                    quote,
                )
            )
        elif (
            token != base_label
            and token not in numbers.labels
            and any(label.startswith(f"{base_label}(") for label in numbers.labels)
        ):
            out.append(
                _missing(
                    "xref.missing-paragraph",
                    f"Refers to paragraph {token}; ¶ {base_label} has no such subparagraph.",
                    "Correct the letter.",
                    item,
                    quote,
                )
            )
        elif base_label == item.label:
            out.append(
                Finding(
                    "xref.self",
                    "note",
                    f"Paragraph {base_label} refers to itself.",
                    'Point to the paragraph meant, or write "this paragraph".',
                    item.loc(quote),
                )
            )
    return out


def _roman_targets(
    targets: tuple[str, ...], quote: str, item: Item, numbers: Numbers, directive: bool
) -> list[Finding]:
    out: list[Finding] = []
    for ref in targets:
        value = roman_value(ref.split(".")[0])
        if value is None:
            continue
        if numbers.first_roman is not None and value < numbers.first_roman and directive:
            out.append(_outside("Section", ref, item, quote))
            continue
        if ref not in numbers.headings:
            out.append(
                _missing(
                    "xref.missing-section",
                    f"Refers to Section {ref}, which this document does not have.",
                    "Correct the section number, or refer to it by a cross-reference field.",
                    item,
                    quote,
                )
            )
        elif ref == item.heading_path and not quote.lower().startswith("sections"):
            # "Sections X through XXI" names a span that holds this section: not a self-reference
            out.append(
                Finding(
                    "xref.self",
                    "note",
                    f"Section {ref} refers to itself.",
                    'Write "this Section" instead.',
                    item.loc(quote),
                )
            )
    return out


def _arabic_sections(item: Item, numbers: Numbers, directive: bool) -> list[Finding]:
    """ "Section 14", "Sections 1 and 2", "Section 4.3", "section 2d": against the paragraph and
    heading numbers the document has. Four-digit numbers are statutes ("Section 10382")."""
    out: list[Finding] = []
    for m in _ARABIC_SECTION.finditer(item.text):
        if _OTHER_INSTRUMENT.match(item.text[m.end() :]):
            continue
        spec = m.group("spec")
        tokens = re.findall(r"\d+(?:\.\d+)*[a-z]?(?:\([a-z0-9]+\))*|through|to|[-–—]", spec)
        wanted: list[str] = []
        for i, tok in enumerate(tokens):
            if tok in ("through", "to", "-", "–", "—") and 0 < i < len(tokens) - 1:
                lo, hi = tokens[i - 1], tokens[i + 1]
                if lo.isdigit() and hi.isdigit() and 0 < int(hi) - int(lo) <= 200:
                    wanted.extend(str(n) for n in range(int(lo) + 1, int(hi)))
            elif tok[0].isdigit():
                wanted.append(tok)
        for tok in wanted:
            base = re.match(r"\d+(?:\.\d+)*", tok)
            assert base is not None
            label = base.group()
            if directive and numbers.first is not None and int(label.split(".")[0]) < numbers.first:
                if label not in numbers.arabic:
                    out.append(_outside("Section", tok, item, m.group(0)))
                continue
            if label not in numbers.arabic:
                out.append(
                    _missing(
                        "xref.missing-section",
                        f"Refers to Section {tok}, which this document does not have.",
                        "Correct the section number.",
                        item,
                        m.group(0),
                    )
                )
    return out
