"""Where a directive goes into a decree, and what every number becomes.

Pure bookkeeping over two `DecreeStructure`s (the host decree's and the directive's): no XML.
`renumber` continues the decree's numbering through the directive and shifts every later
paragraph and section; `suffix` numbers the inserted paragraphs 212A, 212B … (or 212.1, 212.2 …
in a decree that uses decimals) and changes no existing number. The maps it returns drive both
the numbers and the references `drafter.decree.references` rewrites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from drafter.decree.structure import DecreeStructure, NumberedParagraph
from drafter.errors import DrafterError
from drafter.numbering_scheme import roman, roman_value

Mode = Literal["renumber", "suffix"]
SuffixStyle = Literal["letter", "decimal"]


class InsertError(DrafterError):
    """The insertion cannot be made as asked (unknown paragraph or heading, mixed numbering…)."""


@dataclass(frozen=True)
class InsertPoint:
    anchor: int
    """Body index of the last paragraph the directive goes after."""
    after_label: str | None
    """The top-level paragraph the directive follows (None: before the first one)."""
    section: str | None
    """Label of the decree section the directive follows (its sections are numbered after it)."""
    description: str


@dataclass
class Plan:
    point: InsertPoint
    mode: Mode
    directive_labels: list[str] = field(default_factory=list)
    """New label of each top-level directive paragraph, in order."""
    directive_sections: list[str] = field(default_factory=list)
    """New label of each numbered level-1 directive section, in order."""
    decree_paragraphs: dict[str, str] = field(default_factory=dict)
    decree_sections: dict[str, str] = field(default_factory=dict)
    directive_paragraph_map: dict[str, str] = field(default_factory=dict)
    directive_section_map: dict[str, str] = field(default_factory=dict)
    suffix_style: SuffixStyle = "letter"


def suffix_letters(n: int) -> str:
    """1 → "A", 26 → "Z", 27 → "AA", 28 → "AB": suffixes as decrees and spreadsheets count them
    (Word's own "AA, BB" list style would make ¶ 212BB the 54th, which nobody can cite)."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _suffix_value(letters: str) -> int:
    value = 0
    for c in letters:
        value = value * 26 + (ord(c) - 64)
    return value


def _norm(text: str) -> str:
    return re.sub(r"[\s.:]+", " ", text).strip().lower()


def block_end(structure: DecreeStructure, para: NumberedParagraph) -> int:
    """Index of the last paragraph that belongs to `para`: its (a)/(i) items and decimal
    sub-paragraphs, but not unnumbered text after them (an order's signature lines)."""
    end = para.index
    numbered = {p.index: p for p in structure.paragraphs}
    heads = {s.index for s in structure.sections}
    for item in structure.items:
        if item.index <= para.index or item.skip:
            continue
        if item.index in heads:
            break
        p = numbered.get(item.index)
        if p is not None:
            if p.level == 0:
                break
            end = item.index
            continue
        block = item.block
        if getattr(block, "numbering", "none") != "none" and getattr(block, "level", 0) > 0:
            end = item.index
        elif item.typed and item.number and item.number.startswith("("):
            end = item.index
        elif item.text.strip():
            break
    return end


def insertion_point(
    structure: DecreeStructure, after_paragraph: str | None, after_heading: str | None
) -> InsertPoint:
    tops = structure.top_level()
    if (after_paragraph is None) == (after_heading is None):
        raise InsertError("give exactly one of --after-paragraph N and --after-heading TEXT")
    if after_paragraph is not None:
        wanted = after_paragraph.strip().lstrip("¶ ").rstrip(".")
        para = next((p for p in structure.paragraphs if p.label == wanted), None)
        if para is None:
            near = f"{tops[0].label}–{tops[-1].label}" if tops else "none"
            raise InsertError(
                f"--after-paragraph {after_paragraph}: the decree has no paragraph {wanted} (its paragraphs: {near})"
            )
        if para.level > 0:
            raise InsertError(
                f"--after-paragraph {wanted}: a sub-paragraph; give the paragraph it belongs to"
            )
        return InsertPoint(block_end(structure, para), para.label, para.section, f"after ¶ {para.label}")
    text = _norm(after_heading or "")
    matches = [
        s
        for s in structure.sections
        if text
        in (
            _norm(s.heading),
            _norm(f"{s.label} {s.heading}"),
            _norm(s.label or "\x00"),
            _norm(f"section {s.label}"),
        )
    ]
    if not matches:
        heads = "; ".join(f"{s.label + '. ' if s.label else ''}{s.heading}" for s in structure.sections[:12])
        raise InsertError(f"--after-heading {after_heading!r}: no such heading (headings: {heads})")
    if len(matches) > 1:
        raise InsertError(
            f"--after-heading {after_heading!r}: {len(matches)} headings match; give its label too"
        )
    head = matches[0]
    # after the section: its last paragraph, before the next heading of its level or higher
    following = [s for s in structure.sections if s.index > head.index and s.level <= head.level]
    limit = following[0].index if following else 10**9
    inside = [p for p in tops if head.index < p.index < limit]
    if inside:
        last = inside[-1]
        return InsertPoint(
            block_end(structure, last),
            last.label,
            last.section,
            f"after ¶ {last.label}, the end of {head.label or head.heading}",
        )
    before = [p for p in tops if p.index < head.index]
    return InsertPoint(
        head.index,
        before[-1].label if before else None,
        head.label,
        f"after the heading {head.label or head.heading}",
    )


def _numeric(label: str) -> int | None:
    return int(label) if label.isdigit() else None


def plan_insert(
    decree: DecreeStructure,
    directive: DecreeStructure,
    point: InsertPoint,
    mode: Mode,
    suffix_style: SuffixStyle | None = None,
) -> Plan:
    """Every new label: the directive's, and (renumber) the decree's later paragraphs and sections."""
    if decree.numbering == "mixed":
        first_typed = next(p for p in decree.top_level() if p.source == "typed")
        first_list = next(p for p in decree.top_level() if p.source == "list")
        raise InsertError(
            f"the decree mixes typed paragraph numbers (¶ {first_typed.label}) with Word list numbering "
            f"(¶ {first_list.label}); make them one kind in Word first"
        )
    d_tops = directive.top_level()
    d_secs = [s for s in directive.sections if s.level == 1 and s.label]
    plan = Plan(
        point=point, mode=mode, suffix_style=suffix_style or ("decimal" if decree.decimal else "letter")
    )
    after = point.after_label
    sec_after = point.section if point.section and roman_value(point.section) else None
    if mode == "renumber":
        base = _numeric(re.match(r"\d*", after or "").group() or "0") if after else 0  # type: ignore[union-attr]
        if after and not after.isdigit():
            raise InsertError(
                f"cannot renumber after ¶ {after}: insert after a plain paragraph number or use --numbering suffix"
            )
        start = (base or 0) + 1
        plan.directive_labels = [str(start + i) for i in range(len(d_tops))]
        k = len(d_tops)
        seen_anchor = after is None
        for p in decree.top_level():
            if not seen_anchor:
                seen_anchor = p.label == after
                continue
            n = re.match(r"\d+", p.label)
            if n and int(n.group()) > (base or 0):
                plan.decree_paragraphs[p.label] = str(int(n.group()) + k) + p.label[n.end() :]
        s0 = roman_value(sec_after) if sec_after else 0
        plan.directive_sections = [roman((s0 or 0) + 1 + i) for i in range(len(d_secs))]
        if d_secs:
            for s in decree.sections:
                v = roman_value(s.label or "") if s.level == 1 else None
                if v and v > (s0 or 0) and s.index > point.anchor:
                    plan.decree_sections[s.label] = roman(v + len(d_secs))  # type: ignore[index]
    else:
        if after is None:
            raise InsertError(
                "--numbering suffix needs a paragraph to suffix: insert after a numbered paragraph"
            )
        style = plan.suffix_style
        existing = {p.label for p in decree.paragraphs}
        if style == "decimal":
            subs = [p.label for p in decree.paragraphs if p.label.startswith(f"{after}.")]
            first = 1 + max(
                (int(lab.rsplit(".", 1)[1]) for lab in subs if lab.rsplit(".", 1)[1].isdigit()), default=0
            )
            labels = [f"{after}.{first + i}" for i in range(len(d_tops))]
        else:
            m = re.fullmatch(r"(\d+)([A-Z]{0,3})", after)
            if not m:
                raise InsertError(f"cannot add letter suffixes after ¶ {after}; use --suffix-style decimal")
            first = 1 + (_suffix_value(m.group(2)) if m.group(2) else 0)
            labels = [f"{m.group(1)}{suffix_letters(first + i)}" for i in range(len(d_tops))]
        clash = next((lab for lab in labels if lab in existing), None)
        if clash:
            raise InsertError(
                f"¶ {clash} already exists in the decree: insert after the last of the paragraphs "
                f"suffixed to {after} instead"
            )
        plan.directive_labels = labels
        base_sec = sec_after or "I"
        plan.directive_sections = [f"{base_sec}-{suffix_letters(i + 1)}" for i in range(len(d_secs))]
    plan.directive_paragraph_map = {
        p.label: new for p, new in zip(d_tops, plan.directive_labels, strict=False) if p.label is not None
    }
    plan.directive_section_map = {
        s.label: new for s, new in zip(d_secs, plan.directive_sections, strict=False) if s.label is not None
    }
    return plan
