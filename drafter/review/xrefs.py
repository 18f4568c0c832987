"""Cross-references: REF fields to missing bookmarks, typed references to paragraphs or sections
that do not exist, references to the paragraph itself, and REF results that went stale.

Typed references are found by `drafter.decree.references` (paragraphs, ranges and lists,
"¶¶ 212, 214 and 216", "212A", "12.3", "212(c)", Roman "Section IV.B", "subparagraph (c)", and,
in a document with arabic or decimal numbers, the "Section 14", "section 9", "Section 4.3",
"section 2d" that licences and agreements use). Each is checked against every number the
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

_OTHER_INSTRUMENT = re.compile(
    r"^\s*(?:\([a-z0-9]+\))*\s*(?:of|in|under)\s+(?:the\s+)?(?!this\b|that\b|these\b)"
    r"(?!(?:Agreement|Decree|Directive|License|Licence|Order|Settlement Agreement|Consent Decree)\b)[A-Z]"
)


_DECIMAL = re.compile(r"\d+(?:\.\d+)*")
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
    for ref in find_references(item.text, arabic_sections=bool(numbers.arabic)):
        after = item.text[ref.end :]
        if _OTHER_INSTRUMENT.match(after):
            continue
        if ref.kind == "section" and ref.tokens[0].base[:1].isdigit():
            # arabic (licences, agreements): "of the License" is the document itself, so only
            # another named instrument (above) is skipped
            out.extend(_arabic_targets(ref.targets, ref.text, item, numbers, directive))
        elif ref.external or (directive and _HOST.match(after)):
            continue
        elif ref.kind == "paragraph" and numbers.first is not None:
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


def _arabic_targets(
    targets: tuple[str, ...], quote: str, item: Item, numbers: Numbers, directive: bool
) -> list[Finding]:
    """ "Section 14", "Sections 1 and 2", "Section 4.3", "section 2d": against the paragraph and
    heading numbers the document has."""
    out: list[Finding] = []
    for tok in targets:
        lead = _DECIMAL.match(tok)
        if lead is None:
            continue
        label = lead.group()
        if directive and numbers.first is not None and int(label.split(".")[0]) < numbers.first:
            if label not in numbers.arabic:
                out.append(_outside("Section", tok, item, quote))
            continue
        if label not in numbers.arabic:
            out.append(
                _missing(
                    "xref.missing-section",
                    f"Refers to Section {tok}, which this document does not have.",
                    "Correct the section number.",
                    item,
                    quote,
                )
            )
    return out
