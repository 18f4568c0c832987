"""Heading labels and the table of contents, both derived from the document model alone.

A heading's label ("IV.") is the number the composer gave it, shown by Word's heading list;
the contents list each heading with that label, so the cached TOC reads as Word would
print it after updating fields (LibreOffice never updates it when converting to PDF).
"""

from __future__ import annotations

from lxml import etree

from drafter import model as m
from drafter.docx import fields
from drafter.docx.styles import SIGNATURE_LINE_END, StyleMap
from drafter.numbering_scheme import heading_label


def heading_labels(doc: m.Document) -> list[str | None]:
    """The label each heading shows ("IV."), from the number the composer gave it; None
    for a heading Word's heading list does not number."""
    labels: list[str | None] = []
    for block in m.iter_blocks(doc.body):
        if not isinstance(block, m.Heading):
            continue
        numbered = doc.meta.numbered_headings and block.level <= 2 and block.number
        labels.append(heading_label(block.number) if numbered and block.number else None)
    return labels


def toc_entries(doc: m.Document) -> list[tuple[int, str]]:
    """(level, "XIV. Problem Solving") for each heading the contents list, as the writer prints them."""
    headings = [b for b in m.iter_blocks(doc.body) if isinstance(b, m.Heading)]
    return [
        (h.level, f"{label} {h.text}" if label else h.text)
        for h, label in zip(headings, heading_labels(doc), strict=False)
    ]


def toc(styles: StyleMap, block: m.TableOfContents, entries: list[tuple[int, str]]) -> list[etree._Element]:
    """The contents' title and the TOC field, its cached result listing `entries`."""
    title, _ = styles.para("TOC Heading")
    title.append(fields.run(block.title))
    style_ids = {1: styles.id("TOC 1"), 2: styles.id("TOC 2")}
    shown = [(min(lvl, 2), text) for lvl, text in entries]
    return [title, *fields.toc_paragraphs(shown, block.levels, style_ids, block.pages, SIGNATURE_LINE_END)]
