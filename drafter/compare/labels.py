"""Number labels typed at the start of a paragraph, and typed references to numbered paragraphs
and sections in running text ("paragraph 212", "paragraphs 212–215", "¶ 40", "Section IV").

Compare needs both to keep renumbering out of a redline: paragraphs are matched by their text
without the label, and a reference that only follows its renumbered target is not a change.
The grammar lives elsewhere, once: labels in `drafter.numbering_scheme.parse_label`,
references in `drafter.decree.references` (which also splits a range that a renumbering
breaks). This module only adapts them to what compare asks: a label's kind and span, the
spans to mask when matching paragraphs, and OLD's text with its references renumbered.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from drafter.decree import references as _refs
from drafter.numbering_scheme import parse_label

LabelKind = Literal["para", "section", "subsection", "sub"]

_KINDS: dict[str, LabelKind] = {
    "paragraph": "para",
    "decimal": "para",
    "suffixed": "para",
    "sub": "sub",
    "section": "section",
    "subsection": "subsection",
}
_SHORT_TITLE = 12  # words: a body paragraph this short opening "IV." is a section title


@dataclass(frozen=True)
class Label:
    """A typed label: what it says, what it numbers, and where the paragraph's own text starts."""

    value: str
    kind: LabelKind
    end: int


def typed_label(text: str, heading_level: int | None) -> Label | None:
    """The label typed at the start of `text`, or None. A section title typed as body text
    ("IV. TRAINING" in a document made from plain text) counts as a section label."""
    found = parse_label(text, heading=heading_level is not None)
    if found is None and heading_level is None and len(text.split()) <= _SHORT_TITLE:
        found = parse_label(text, heading=True)
        if found is not None and found.kind != "section":
            found = None
    if found is None:
        return None
    return Label(found.number, _KINDS.get(found.kind, "para"), found.end)


@dataclass(frozen=True)
class Reference:
    """One number cited in a reference ("213" in "paragraphs 212 and 213(b)"); `start`/`end`
    span that number only."""

    kind: LabelKind
    target: str
    start: int
    end: int


def find_references(text: str) -> list[Reference]:
    """Every paragraph or section number this document cites in `text`, in order (references
    to other instruments, "paragraph 5 of the Civil Rights Act", are left out)."""
    out: list[Reference] = []
    for ref in _refs.find_references(text):
        if ref.external or ref.kind == "subparagraph":
            continue
        kind: LabelKind = "section" if ref.kind == "section" else "para"
        out.extend(Reference(kind, tok.base, tok.start, tok.end) for tok in ref.tokens)
    return out


def rewrite_references(text: str, mapping: dict[tuple[str, str], str]) -> tuple[str, list[tuple[str, str]]]:
    """`text` with every cited number that `mapping` renumbers ((kind, old) → new) moved, and
    the (kind, new text) of each edit, so the caller can tell which ones NEW's text follows."""
    paragraphs = {old: new for (kind, old), new in mapping.items() if kind == "para"}
    sections = {old: new for (kind, old), new in mapping.items() if kind == "section"}
    edits = _refs.plan_rewrite(text, paragraphs, sections)
    if not edits:
        return text, []
    done = [("section" if e.reference.kind == "section" else "para", e.new) for e in edits]
    return _refs.apply_edits(text, edits), done


def followed(done: list[tuple[str, str]], new_text: str) -> int:
    """How many of the rewritten references NEW's text indeed cites that way."""
    cited: Counter[tuple[str, str]] = Counter(
        (r.kind, new_text[r.start : r.end]) for r in find_references(new_text)
    )
    count = 0
    for kind, new in done:
        if cited[(kind, new)] > 0:
            cited[(kind, new)] -= 1
            count += 1
        elif new not in (t for _, t in cited) and new in new_text:
            count += 1  # a split range ("210–212 and 216–218") is cited as written
    return count


def mask_references(text: str) -> str:
    """`text` with every cited number replaced by '#': the key paragraphs are matched on, so a
    paragraph whose references were renumbered still matches itself."""
    refs = find_references(text)
    if not refs:
        return text
    out: list[str] = []
    last = 0
    for ref in refs:
        out.append(text[last : ref.start])
        out.append("#")
        last = ref.end
    out.append(text[last:])
    return "".join(out)
