"""Highlight a draft's prompts for required facts the input leaves out.

A missing required text field travels through composition as its own prompt text
("[agency.name]", drafter.inputs.holes), so Python-composed parts print it too. It must look
like every other draft prompt: a yellow run. This pass finds those texts in the composed
runs (the body's and the page header's) and highlights them, wherever a clause or a filter
put them; the caption and signatures are plain text until the writer, which highlights the
prompts listed in `Meta.prompts` there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from drafter import model as m

_RECKONED = " + "
"""What separates a field from the reckoning in a computed prompt ("[decree.effective_date +
90 days]", drafter.compose.deadlines)."""


def highlight_prompts(document: m.Document, fields: Sequence[str]) -> m.Document:
    """`document` with each "[field]" in its runs highlighted, and listed in its meta."""
    if not fields:
        return document
    prompts = tuple(f"[{f}]" for f in fields)
    return dataclasses.replace(
        document,
        body=tuple(_block(b, prompts) for b in document.body),
        meta=dataclasses.replace(
            document.meta, header=_inlines(document.meta.header, prompts), prompts=prompts
        ),
    )


def _block(block: m.Block, prompts: tuple[str, ...]) -> m.Block:
    if isinstance(block, (m.Paragraph, m.Heading)):
        return dataclasses.replace(block, content=_inlines(block.content, prompts))
    if isinstance(block, m.ClauseBlock):
        return dataclasses.replace(block, blocks=tuple(_block(b, prompts) for b in block.blocks))
    if isinstance(block, m.Table):
        rows = tuple(
            tuple(
                dataclasses.replace(
                    cell,
                    paragraphs=tuple(_block(p, prompts) for p in cell.paragraphs),  # type: ignore[misc]
                )
                for cell in row
            )
            for row in block.rows
        )
        return dataclasses.replace(block, rows=rows)
    return block


def _inlines(content: tuple[m.Inline, ...], prompts: tuple[str, ...]) -> tuple[m.Inline, ...]:
    out: list[m.Inline] = []
    for item in content:
        if not isinstance(item, m.Run) or item.highlight:
            out.append(item)
            continue
        pieces = m.prompt_runs(item.text, prompts)
        out.extend(dataclasses.replace(item, text=p.text, highlight=p.highlight) for p in pieces)
    return tuple(out)


def prompted_fields(document: m.Document) -> list[str]:
    """The input field each prompt a draft prints asks for, once each, in reading order: the
    body's and the page header's highlighted runs, then the caption's and signatures' prompts
    (plain text until the writer). A computed date's prompt asks for the date it counts from.
    A fact the draft never prints (a date a modification does not count from, a name the host
    decree supplies) is not here: the build's warning must not send a person looking for it."""
    texts = [run.text for run in _highlighted(document)]
    plain = list(_plain_texts(document))
    texts += [p for p in document.meta.prompts if any(p in text for text in plain)]
    fields: list[str] = []
    for text in texts:
        field = text[1:-1].split(_RECKONED, 1)[0]
        if field not in fields:
            fields.append(field)
    return fields


def _highlighted(document: m.Document) -> Iterator[m.Run]:
    contents = [p.content for p in m.iter_paragraphs(document.body)]
    contents += [b.content for b in m.iter_blocks(document.body) if isinstance(b, m.Heading)]
    contents.append(document.meta.header)
    for content in contents:
        for item in content:
            if isinstance(item, m.Run) and item.highlight and item.text.startswith("["):
                yield item


def _plain_texts(document: m.Document) -> Iterator[str]:
    for block in m.iter_blocks(document.body):
        if isinstance(block, m.Caption):
            yield from (v for v in dataclasses.astuple(block) if isinstance(v, str))
        elif isinstance(block, m.SignatureBlock):
            for signatory in block.signatories:
                yield from (signatory.party, signatory.name, signatory.title)
