"""Number labels typed at the start of a paragraph, and typed references to numbered paragraphs
and sections in running text ("paragraph 212", "paragraphs 212–215", "¶ 40", "Section IV").

Compare needs both to keep renumbering out of a redline: paragraphs are matched by their text
without the label, and a reference that only follows its renumbered target is not a change.
Everything else in drafter/compare reaches references through `find_references` alone, so it
can be switched to the decree package's reference finder in one place once that exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

LabelKind = Literal["para", "section", "subsection", "sub"]

# A typed label: "212. ", "212.1\t", "12A) ", "(a) ", "IV. ", "B. ". Digits need a period,
# a closing parenthesis or a tab after them, so a sentence opening with a year is not a label.
_LABEL = re.compile(
    r"[ \t]*(?:"
    r"(?P<num>\d{1,5}(?:\.\d{1,3})*[A-Z]?)(?:[.)][ \t]+|\t+)"
    r"|\((?P<sub>[a-z]{1,4}|\d{1,3})\)[ \t]+"
    r"|(?P<roman>[IVXLCDM]{1,7})\.[ \t]+"
    r"|(?P<letter>[A-Z])\.[ \t]+"
    r")"
)


@dataclass(frozen=True)
class Label:
    """A typed label: what it says, what it numbers, and the span it takes (with its
    punctuation and the space after it) at the start of the paragraph's text."""

    value: str
    kind: LabelKind
    end: int


def typed_label(text: str, heading_level: int | None) -> Label | None:
    """The label typed at the start of `text`, or None. In a level-2 heading a single letter
    is a subsection letter ("C."), elsewhere a Roman numeral is a section number ("IV.")."""
    m = _LABEL.match(text)
    if m is None:
        return None
    if m.group("num"):
        return Label(m.group("num"), "para", m.end())
    if m.group("sub"):
        return Label(f"({m.group('sub')})", "sub", m.end())
    roman = m.group("roman")
    if roman and not (heading_level == 2 and len(roman) == 1):
        return Label(roman, "section", m.end())
    return Label(m.group("letter") or roman or "", "subsection", m.end())


@dataclass(frozen=True)
class Reference:
    """One number inside a typed reference: `start`/`end` span the number only, so rewriting
    "paragraphs 212–215" touches 212 and 215 and leaves the words and dash alone."""

    kind: LabelKind
    target: str
    start: int
    end: int


_REF_HEAD = re.compile(
    r"(?:\b(?P<para>[Pp]aragraphs?|[Pp]ars?\.|[Pp]aras?\.?)|(?P<pil>¶¶?)|\b(?P<sect>[Ss]ections?))\s*"
)
_PARA_ITEM = re.compile(r"(\d{1,5})(?:\([a-z0-9]{1,4}\))*")
_SECT_ITEM = re.compile(r"([IVXLCDM]{1,7})\b")
_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|[–—-]|\s(?:and|or|through|to)\s)\s*")


def find_references(text: str) -> list[Reference]:
    """Every paragraph or section number cited in `text`, in order."""
    out: list[Reference] = []
    for head in _REF_HEAD.finditer(text):
        kind: LabelKind = "section" if head.group("sect") else "para"
        item = _SECT_ITEM if kind == "section" else _PARA_ITEM
        pos = head.end()
        m = item.match(text, pos)
        while m is not None:
            out.append(Reference(kind, m.group(1), m.start(1), m.end(1)))
            pos = m.end()
            sep = _SEP.match(text, pos)
            if sep is None:
                break
            m = item.match(text, sep.end())
    return out


def rewrite_references(text: str, mapping: dict[tuple[str, str], str]) -> tuple[str, list[tuple[str, str]]]:
    """`text` with every cited number that `mapping` renumbers ((kind, old) → new) replaced,
    and the (kind, new) pairs written, so the caller can tell which the new text follows."""
    out: list[str] = []
    done: list[tuple[str, str]] = []
    last = 0
    for ref in find_references(text):
        new = mapping.get((ref.kind, ref.target))
        if new is None or new == ref.target:
            continue
        out.append(text[last : ref.start])
        out.append(new)
        done.append((ref.kind, new))
        last = ref.end
    out.append(text[last:])
    return "".join(out), done


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
