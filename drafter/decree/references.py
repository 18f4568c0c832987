"""Typed references in running text: find them, and move them when paragraphs are renumbered.

A decree's paragraphs cite each other by typed number far more often than by REF field:
"paragraph 212", "paragraphs 212–215", "¶¶ 212, 214 and 216", "Paragraph 12.3", "paragraph 212A",
"subparagraph 212(c)", "Section IV", "Sections X through XII", "Section IV.B",
"subparagraph (c)". Inserting a directive shifts the numbers those references name, so the one
place that knows their grammar is here: `find_references` returns each with its character span
and expanded targets; `plan_rewrite` turns an old → new label map into text edits (ranges that
the insertion splits become two ranges); `apply_edits` applies them.

A reference to another instrument ("paragraph 5 of the Settlement Agreement", "Section IV of the
Civil Rights Act") is marked `external` and never rewritten; "of this Agreement" and the
document's own names (`own_names`) stay internal. Section references are Roman unless the caller
asks for arabic ones too (`arabic_sections`: "Section 14", "Sections 1 and 2", "Section 4.3",
"section 2d", as licences and agreements number their sections; review checks them). Arabic
numbers have at most three digits: "Section 10382(c)" is a statute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from drafter.numbering_scheme import roman, roman_value

RefKind = Literal["paragraph", "section", "subparagraph"]

OWN_NAMES: tuple[str, ...] = (
    "Agreement",
    "Consent Decree",
    "Decree",
    "Directive",
    "Order",
    "Settlement Agreement",
    "Stipulated Order",
    "Judgment",
    "Consent Judgment",
)
"""Names a decree uses for itself: "paragraph 5 of the Agreement" points inside it."""

# A paragraph label as typed: 212, 212A, 12.3, with optional sub-labels 212(c)(ii).
_PARA_NUM = r"\d{1,4}(?!\d)(?:[A-Z]{1,2}(?![\w])|\.\d{1,3}(?!\d))?(?:\([a-z0-9]{1,5}\))*"
_NOT_QUANTITY = r"(?!\s*(?:days?|weeks?|months?|years?|hours?|percent|per\s?cent|%))"
_SEP = r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|\s*&\s*|\s+through\s+|\s+to\s+|\s*[-–—]\s*)(?:¶\s*)?"
_PARA_REF = re.compile(
    r"(?P<kw>\b(?:[Ss]ub)?[Pp]aragraphs?\b|\bParas?\.|\bparas?\.|¶¶?)\s*"
    rf"(?P<spec>{_PARA_NUM}{_NOT_QUANTITY}(?:{_SEP}{_PARA_NUM}{_NOT_QUANTITY})*)"
)
_ROMAN_NUM = r"[IVXLC]{1,7}(?:\.[A-Z](?:\.\d{1,3})?)?(?![\w(])"
_SEC_SEP = r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|\s+through\s+|\s+to\s+|\s*[-–—]\s*)"
_SECTION_REF = re.compile(
    rf"(?<!§)(?<!§\s)(?P<kw>\b[Ss]ections?)\s+(?P<spec>{_ROMAN_NUM}(?:{_SEC_SEP}{_ROMAN_NUM})*)"
)
_ARABIC_NUM = r"\d{1,3}(?:\.\d{1,3})*[a-z]?(?:\([a-z0-9]{1,4}\))*(?![\d.]\d)"
_ARABIC_SECTION_REF = re.compile(
    rf"(?<!§)(?<!§\s)(?P<kw>\b[Ss]ections?)\s+(?P<spec>{_ARABIC_NUM}(?:{_SEC_SEP}{_ARABIC_NUM})*)(?![\w.]*\d)"
)
_SUB_NUM = r"\([a-z]{1,4}\)(?:\([ivx]{1,5}\))?"
_SUB_REF = re.compile(
    rf"(?P<kw>\b[Ss]ubparagraphs?|\b[Ss]ubsections?)\s+(?P<spec>{_SUB_NUM}(?:{_SEC_SEP}{_SUB_NUM})*)"
)
# (kind, the reference, one number in it, text one of which every such reference contains):
# most paragraphs cite nothing, and a plain `in` test spares them the patterns, whose leading
# \b or look-behind keeps `re` from skipping ahead
_Finder = tuple[RefKind, re.Pattern[str], str, tuple[str, ...]]
_FINDERS: tuple[_Finder, ...] = (
    ("paragraph", _PARA_REF, _PARA_NUM, ("ara", "¶")),
    ("section", _SECTION_REF, _ROMAN_NUM, ("ection",)),
    ("subparagraph", _SUB_REF, _SUB_NUM, ("ubparagraph", "ubsection")),
)
_ARABIC_FINDER: _Finder = ("section", _ARABIC_SECTION_REF, _ARABIC_NUM, ("ection",))
_RANGE_WORDS = ("through", "to", "-", "–", "—")


@dataclass(frozen=True)
class Token:
    """One number inside a reference, e.g. "213(b)" in "paragraphs 212 and 213(b)".

    `base` is the label a paragraph or section carries ("213", "12.3", "IV"); `rest` the
    sub-label that follows it ("(b)", ".B"). Spans are offsets in the paragraph's text.
    """

    text: str
    start: int
    end: int
    base: str
    rest: str


@dataclass(frozen=True)
class Reference:
    kind: RefKind
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    ranges: tuple[tuple[int, int], ...]
    """Pairs of token indexes joined by "through", "to" or a dash (inclusive ranges)."""
    targets: tuple[str, ...]
    """Every label the reference names, ranges expanded ("212", "213", "214")."""
    external: bool = False


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (== old) with new; `reference` is the reference it belongs to."""

    start: int
    end: int
    old: str
    new: str
    reference: Reference


def _split_base(kind: RefKind, tok: str) -> tuple[str, str]:
    if kind == "subparagraph":
        return tok, ""
    if kind == "section":
        pattern = r"\d+(?:\.\d+)*" if tok[:1].isdigit() else r"[IVXLC]+"
    else:
        pattern = r"\d+(?:[A-Z]{1,2}|\.\d+)?"
    m = re.match(pattern, tok)
    base = m.group() if m else tok
    return base, tok[len(base) :]


def _is_external(after: str, own_names: Iterable[str]) -> bool:
    m = re.match(
        r"\s*(?:of|in|under)\s+(?:the\s+|this\s+|that\s+|such\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)", after
    )
    if not m:
        return False
    if re.match(r"\s*(?:of|in|under)\s+(?:this|such)\b", after):
        return False
    name = m.group(1)
    return not any(name == own or name.startswith(own + " ") for own in own_names)


def _expand(kind: RefKind, lo: str, hi: str) -> list[str] | None:
    """Every label from lo to hi, or None when the range is not plain integers or Romans."""
    if lo.isdigit() and hi.isdigit():  # paragraphs, and arabic sections
        a, b = int(lo), int(hi)
        return [str(n) for n in range(a, b + 1)] if 0 <= b - a <= 1000 else None
    if kind == "section":
        a_val, b_val = roman_value(lo), roman_value(hi)
        if a_val and b_val and 0 <= b_val - a_val <= 100:
            return [roman(n) for n in range(a_val, b_val + 1)]
    return None


def _parse(
    kind: RefKind, m: re.Match[str], num_re: str, text: str, own_names: Iterable[str]
) -> Reference | None:
    spec_start = m.start("spec")
    spec = m.group("spec")
    tokens: list[Token] = []
    seps: list[str] = []
    pos = 0
    for nm in re.finditer(num_re, spec):
        if tokens:
            seps.append(spec[pos : nm.start()].strip(" ¶,"))
        base, rest = _split_base(kind, nm.group())
        if kind == "section" and not base[:1].isdigit() and not roman_value(base):
            break
        tokens.append(Token(nm.group(), spec_start + nm.start(), spec_start + nm.end(), base, rest))
        pos = nm.end()
    if not tokens:
        return None
    ranges: list[tuple[int, int]] = []
    targets: list[str] = []
    i = 0
    while i < len(tokens):
        if i < len(seps) and seps[i] in _RANGE_WORDS:
            ranges.append((i, i + 1))
            expanded = _expand(kind, tokens[i].base, tokens[i + 1].base)
            if expanded and not tokens[i].rest and not tokens[i + 1].rest:
                targets.extend(expanded)
            else:
                targets.extend([tokens[i].text, tokens[i + 1].text])
            i += 2
            continue
        targets.append(tokens[i].text)
        i += 1
    end = tokens[-1].end
    kw = m.group("kw")
    if kind == "paragraph" and kw.lower().startswith("sub") and not tokens[0].text[:1].isdigit():
        kind = "subparagraph"
    external = _is_external(text[end:], own_names)
    return Reference(
        kind, m.start(), end, text[m.start() : end], tuple(tokens), tuple(ranges), tuple(targets), external
    )


def find_references(
    text: str, own_names: Iterable[str] = OWN_NAMES, arabic_sections: bool = False
) -> list[Reference]:
    """Every typed reference in `text`, in order of appearance, with spans and targets.

    `arabic_sections` also finds "Section 14", "Section 4.3", "section 2d" (kind "section",
    targets in arabic): for documents numbered that way. Decrees number sections in Roman, and
    insertion rewrites only those, so it is off by default."""
    names = tuple(own_names)
    found: list[Reference] = []
    finders = (*_FINDERS, _ARABIC_FINDER) if arabic_sections else _FINDERS
    for kind, pattern, num_re, needles in finders:
        if not any(needle in text for needle in needles):
            continue
        for m in pattern.finditer(text):
            ref = _parse(kind, m, num_re, text, names)
            if ref is not None:
                found.append(ref)
    found.sort(key=lambda r: r.start)
    # a "subparagraph 212(c)" matched by both the paragraph and the subparagraph patterns: keep one
    out: list[Reference] = []
    for ref in found:
        if out and ref.start < out[-1].end:
            continue
        out.append(ref)
    return out


def _runs(values: list[str]) -> list[tuple[str, str]]:
    """Group labels into maximal runs of consecutive integers: [(lo, hi), ...]."""
    groups: list[tuple[str, str]] = []
    for v in values:
        if groups and v.isdigit() and groups[-1][1].isdigit() and int(v) == int(groups[-1][1]) + 1:
            groups[-1] = (groups[-1][0], v)
        else:
            groups.append((v, v))
    return groups


def _map(label: Token, mapping: Mapping[str, str]) -> str:
    if label.text in mapping:
        return mapping[label.text]
    if label.base in mapping:
        return mapping[label.base] + label.rest
    lead = re.match(r"\d+", label.text)
    if lead and lead.group() in mapping:
        return mapping[lead.group()] + label.text[lead.end() :]
    return label.text


def plan_rewrite(
    text: str,
    paragraphs: Mapping[str, str],
    sections: Mapping[str, str] | None = None,
    own_names: Iterable[str] = OWN_NAMES,
    skip: Iterable[tuple[int, int]] = (),
) -> list[Edit]:
    """The edits that move every internal typed reference in `text` to the new labels.

    `paragraphs` and `sections` map old labels to new ("213" → "216", "V" → "VI"); a label
    absent from the map is unchanged; sub-labels ride along ("213(b)" → "216(b)", "13.2" → "16.2"
    when "13" moves). A range the mapping splits ("paragraphs 210–215" around three paragraphs
    inserted after 212) becomes "210–212 and 216–218". References overlapping a `skip` span (a
    REF field's result, updated separately) are left alone.
    """
    skips = list(skip)
    edits: list[Edit] = []
    for ref in find_references(text, own_names):
        if ref.external or ref.kind == "subparagraph":
            continue
        if any(s < ref.end and ref.start < e for s, e in skips):
            continue
        mapping = paragraphs if ref.kind == "paragraph" else (sections or {})
        in_range = {i for pair in ref.ranges for i in pair}
        for lo_i, hi_i in ref.ranges:
            lo, hi = ref.tokens[lo_i], ref.tokens[hi_i]
            members = _expand(ref.kind, lo.base, hi.base)
            if not members or lo.rest or hi.rest:
                for tok in (lo, hi):
                    new = _map(tok, mapping)
                    if new != tok.text:
                        edits.append(Edit(tok.start, tok.end, tok.text, new, ref))
                continue
            moved = [mapping.get(v, v) for v in members]
            if moved == members:
                continue
            groups = _runs(moved) if ref.kind == "paragraph" else [(moved[0], moved[-1])]
            if len(groups) == 1:
                for tok, new in ((lo, groups[0][0]), (hi, groups[0][1])):
                    if new != tok.text:
                        edits.append(Edit(tok.start, tok.end, tok.text, new, ref))
            else:
                sep = text[lo.end : hi.start]
                parts = [a if a == b else f"{a}{sep}{b}" for a, b in groups]
                joined = ", ".join(parts[:-1]) + (", and " if len(parts) > 2 else " and ") + parts[-1]
                edits.append(Edit(lo.start, hi.end, text[lo.start : hi.end], joined, ref))
        for i, tok in enumerate(ref.tokens):
            if i in in_range:
                continue
            new = _map(tok, mapping)
            if new != tok.text:
                edits.append(Edit(tok.start, tok.end, tok.text, new, ref))
    edits.sort(key=lambda e: e.start)
    return edits


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with non-overlapping edits applied (right to left, so spans stay valid)."""
    out = text
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[: e.start] + e.new + out[e.end :]
    return out


def rewrite(
    text: str,
    paragraphs: Mapping[str, str],
    sections: Mapping[str, str] | None = None,
    own_names: Iterable[str] = OWN_NAMES,
) -> tuple[str, list[Edit]]:
    """Convenience: (new text, edits) for one paragraph's text."""
    edits = plan_rewrite(text, paragraphs, sections, own_names)
    return apply_edits(text, edits), edits
