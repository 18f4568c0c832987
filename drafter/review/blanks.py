"""Unfilled blanks and placeholders: what must be filled in before anything is filed.

A draft prompt written by drafter is a highlighted run ("[date of the first meeting]"); people
and other programs leave "[INSERT …]", "[yyyy]", "[●]", "<name of author>", "TBD", "XX",
"____" and unrendered "{{ … }}" template tags. A sentence about brackets ('enclosed by
brackets "[]"') quotes them; it is not a blank. Signature and date lines ("Date: ________") are form lines, not blanks.
"""

from __future__ import annotations

import re

from drafter.model import Document, Paragraph, Run
from drafter.review.findings import Finding, Item, prose, short, walk

_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    ("template tag", re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"), "unrendered template tag"),
    ("empty brackets", re.compile(r"\[\s*\]"), "empty brackets"),
    (
        "insert prompt",
        re.compile(r"\[\s*(?:INSERT|ENTER|ADD|FILL(?: IN)?|TBD|TBA|TO BE \w+)\b[^\]]*\]", re.I),
        "placeholder",
    ),
    ("caps prompt", re.compile(r"\[[A-Z][A-Z0-9 ,'’/&.-]{2,}\]"), "placeholder"),
    (
        "bracket prompt",
        re.compile(
            r"\[\s*(?:[●•…_.\s]+|[yY]{2,4}|[xX]{2,}|[dm]{2}/[dm]{2}/[y]{2,4}|"
            r"(?:name|date|year|insert|address|number|title|amount|city|county|state|agency|signature|"
            r"description|month|day|email|phone)\b[^\[\]\n]{0,50})\s*\]",
            re.I,
        ),
        "placeholder",
    ),
    # "<year>", "<name of author>", "<one line to give the program's name …>" (not <https://…>)
    (
        "angle prompt",
        re.compile(r"<(?=[a-z][A-Za-z '’,.-]{2,80}>)(?=[^>]*(?: |year|date|name))[^<>\n]+>"),
        "placeholder",
    ),
    # a template's prompt in capitals amid ordinary text: "Copyright (c) YEAR YOUR NAME."
    ("caps word", re.compile(r"\b(?:YEAR|YOUR NAME|NAME OF [A-Z]+|LIST THEIR TITLES|LIST)\b"), "placeholder"),
    ("TBD", re.compile(r"\b(?:TBD|TBA|TK)\b"), "'to be determined' marker"),
    ("XX", re.compile(r"(?<![\w$])\$?X{2,}(?:[,.]X+)*(?!\w)"), "XX placeholder"),
    ("underscores", re.compile(r"_{3,}"), "blank line"),
]
# text each kind of blank must contain: most paragraphs have none of it, and a plain `in` test
# spares them ten patterns (several with re.I or a look-behind in front, which keep `re` from
# skipping ahead)
_NEEDLES: dict[str, tuple[str, ...]] = {
    "template tag": ("{",),
    "empty brackets": ("[",),
    "insert prompt": ("[",),
    "caps prompt": ("[",),
    "bracket prompt": ("[",),
    "angle prompt": ("<",),
    "caps word": ("YEAR", "NAME", "LIST"),
    "TBD": ("TBD", "TBA", "TK"),
    "XX": ("XX",),
    "underscores": ("___",),
}
_FORM_LINE = re.compile(r"^\s*(?:date[d]?|by|signed|signature|name|title|its|for)?\s*:?\s*$", re.I)
_ROMAN_CONTEXT = re.compile(r"(?:Section|Part|Article|Title)\s+$", re.I)


def check(doc: Document) -> list[Finding]:
    """Placeholders are errors (a filing must not carry them); other highlighted text is a warning."""
    findings: list[Finding] = []
    for item in prose(walk(doc)):
        findings.extend(_text_blanks(item))
        findings.extend(_highlights(item))
    return findings


def _text_blanks(item: Item) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    prompts = [text for text in _highlighted(item) if _is_prompt(text)]
    for _name, pattern, what in _PATTERNS:
        if not any(needle in item.text for needle in _NEEDLES[_name]):
            continue
        for m in pattern.finditer(item.text):
            if any(a <= m.start() < b for a, b in seen) or m.group(0).strip() in prompts:
                continue  # a highlighted "[prompt]" is reported once, as an error, by _highlights
            if what == "blank line" and (
                _FORM_LINE.match(item.text.replace("_", "")) or _signature(item.text, m)
            ):
                continue
            if _name == "caps word" and _mostly_capitals(item.text):
                continue
            if what == "empty brackets" and _quoted(item.text, m.start(), m.end()):
                continue  # a sentence about brackets: 'the fields enclosed by brackets "[]"'

            if what == "XX placeholder" and _ROMAN_CONTEXT.search(item.text[: m.start()]):
                continue
            seen.add((m.start(), m.end()))
            out.append(
                Finding(
                    "blanks.placeholder",
                    "error",
                    f'Unfilled {what}: "{short(m.group(0), 40)}".',
                    "Replace it with the real text, or delete it.",
                    item.loc(_around(item.text, m.start(), m.end())),
                )
            )
    return out


def _highlighted(item: Item) -> list[str]:
    """The text of each highlighted run of the paragraph (a draft's prompts among them)."""
    block = item.block
    if not isinstance(block, Paragraph):
        return []
    return [i.text.strip() for i in block.content if isinstance(i, Run) and i.highlight and i.text.strip()]


def _is_prompt(text: str) -> bool:
    return text.startswith("[") and text.endswith("]")


def _highlights(item: Item) -> list[Finding]:
    out: list[Finding] = []
    for text in _highlighted(item):
        prompt = _is_prompt(text)
        out.append(
            Finding(
                "blanks.highlight",
                "error" if prompt else "warning",
                f'Draft prompt not filled in: "{short(text, 50)}".'
                if prompt
                else f'Highlighted text left in the document: "{short(text, 50)}".',
                "Replace the prompt with the real text and remove the highlight."
                if prompt
                else "Resolve whatever the highlight marks, then remove it.",
                item.loc(text),
            )
        )
    return out


def _signature(text: str, m: re.Match[str]) -> bool:
    """A rule on a line of its own above a name ("____\\nMiriam T. Okafor\\nUnited States District
    Judge"): where a judge or party signs, not a blank."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return line.strip(" _\t") == "" and "\n" in text and len(text.split()) <= 20


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return not letters or sum(c.isupper() for c in letters) > 0.3 * len(letters)


def _quoted(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] in "\"“'‘" and text[end : end + 1] in "\"”'’" and start > 0


def _around(text: str, start: int, end: int, width: int = 25) -> str:
    return text[max(0, start - width) : end + width]
