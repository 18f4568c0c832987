"""Clause body text (a small Markdown subset, already rendered by Jinja) → model blocks.

markdown-it-py does the parsing (CommonMark plus GFM tables; raw HTML off). This module only
maps its tokens to the document model: paragraphs, nested ordered and bulleted lists, bold,
italic, tables, and the sentinels `render` leaves for cross-references, defined terms and
draft prompts. In a directive every top-level paragraph is one numbered decree paragraph and
ordered lists are its (a)/(i) sub-paragraphs; in a narrative paragraphs are plain and ordered
lists restart their own numbering.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from drafter.errors import MarkupError
from drafter.library.render import LITERAL, PROMPT, REF, SENTINEL_CLOSE, SENTINEL_OPEN, TERM
from drafter.model import Block, Cell, CrossRef, Inline, Paragraph, Run, Table, Term, merge_runs

_SENTINEL = re.compile(f"{SENTINEL_OPEN}([{REF}{TERM}{PROMPT}{LITERAL}]):([0-9a-f]*){SENTINEL_CLOSE}")
_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_UNSUPPORTED = {"heading_open", "blockquote_open", "code_block", "fence", "hr", "html_block"}


@dataclass
class _ListFrame:
    ordered: bool
    depth: int  # 1 for a list under a top-level paragraph, 2 for one nested in it
    list_id: int


def parse_blocks(text: str, numbered: bool, list_ids: Iterator[int] | None = None) -> list[Block]:
    """Parse a rendered clause body into blocks.

    `numbered`: True for directives (decree numbering), False for narratives.
    `list_ids`: a shared counter so each ordered list in a narrative restarts at 1.
    """
    ids = list_ids if list_ids is not None else itertools.count(1)
    tokens = _PARSER.parse(text)
    blocks: list[Block] = []
    stack: list[_ListFrame] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type in _UNSUPPORTED:
            raise MarkupError(f"{tok.type.replace('_open', '')} is not supported in clause text", _line(tok))
        if tok.type in ("ordered_list_open", "bullet_list_open"):
            ordered = tok.type == "ordered_list_open"
            stack.append(_ListFrame(ordered, len(stack) + 1, next(ids) if ordered and not numbered else 0))
        elif tok.type in ("ordered_list_close", "bullet_list_close"):
            stack.pop()
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            blocks.append(_paragraph(_inlines(inline.children or []), stack, numbered))
            i += 2
        elif tok.type == "table_open":
            i, table = _table(tokens, i)
            blocks.append(table)
        i += 1
    return blocks


def template_line(template: str, rendered: str, line: int) -> int:
    """The line of `template` (1-based) that line `line` of its `rendered` text came from: the
    first template line holding that text (Markdown such as '---' or '# x' is written as it
    renders), or 1 when Jinja made it."""
    lines = rendered.splitlines()
    wanted = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    found = (n for n, text in enumerate(template.splitlines(), 1) if wanted and wanted in text)
    return next(found, 1)


def _line(tok: Token) -> int:
    return (tok.map[0] + 1) if tok.map else 0


def _paragraph(content: tuple[Inline, ...], stack: list[_ListFrame], numbered: bool) -> Paragraph:
    if not stack:
        return Paragraph(content, numbering="decree" if numbered else "none")
    frame = stack[-1]
    if not frame.ordered:
        return Paragraph(content, numbering="bullet", level=frame.depth - 1)
    if numbered:
        return Paragraph(content, numbering="decree", level=min(frame.depth, 2))
    return Paragraph(content, numbering="ordered", level=frame.depth - 1, list_id=frame.list_id)


def _table(tokens: list[Token], start: int) -> tuple[int, Table]:
    rows: list[tuple[Cell, ...]] = []
    cells: list[Cell] = []
    align: list[str | None] = []
    i = start
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            cells = []
        elif tok.type == "tr_close":
            rows.append(tuple(cells))
        elif tok.type in ("th_open", "td_open"):
            inline = tokens[i + 1]
            bold = tok.type == "th_open"
            if bold:
                style = str((tok.attrs or {}).get("style", ""))
                align.append(style.removeprefix("text-align:") or None)
            content = _inlines(inline.children or [], bold=bold)
            cells.append(Cell((Paragraph(content),)))
        i += 1
    return i, Table(tuple(rows), header=True, align=tuple(align))


def _inlines(children: list[Token], bold: bool = False) -> tuple[Inline, ...]:
    """Inline tokens → runs, honouring bold/italic nesting and sentinels."""
    out: list[Inline] = []
    strong = 1 if bold else 0
    emphasis = 0
    for tok in children:
        if tok.type == "strong_open":
            strong += 1
        elif tok.type == "strong_close":
            strong -= 1
        elif tok.type == "em_open":
            emphasis += 1
        elif tok.type == "em_close":
            emphasis -= 1
        elif tok.type in ("text", "code_inline"):
            out.extend(_split_sentinels(tok.content, strong > 0, emphasis > 0))
        elif tok.type in ("softbreak", "hardbreak"):
            out.extend(_split_sentinels(" ", strong > 0, emphasis > 0))
    return merge_runs(out)


def _split_sentinels(text: str, bold: bool, italic: bool) -> list[Inline]:
    out: list[Inline] = []
    pos = 0
    for match in _SENTINEL.finditer(text):
        if match.start() > pos:
            out.append(Run(text[pos : match.start()], bold=bold, italic=italic))
        kind, value = match.group(1), bytes.fromhex(match.group(2)).decode("utf-8")
        if kind == LITERAL:
            out.append(Run(value, bold=bold, italic=italic))
        elif kind == REF:
            out.append(CrossRef(value))
        elif kind == TERM:
            out.append(Term(value))
        else:
            out.append(Run(f"[{value}]", bold=bold, italic=italic, highlight=True))
        pos = match.end()
    if pos < len(text):
        out.append(Run(text[pos:], bold=bold, italic=italic))
    return out
