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


def heading_label_of(doc: m.Document, heading: m.Heading) -> str | None:
    """The label a heading shows ("IV."), from the number the composer gave it; None for a
    heading Word's heading list does not number."""
    numbered = doc.meta.numbered_headings and heading.level <= 2 and heading.number
    return heading_label(heading.number) if numbered and heading.number else None


def toc_entries(doc: m.Document) -> list[tuple[int, str]]:
    """(level, "XIV. Problem Solving") for each heading the contents list, as the writer prints them."""
    entries = []
    for block in m.iter_blocks(doc.body):
        if isinstance(block, m.Heading):
            label = heading_label_of(doc, block)
            entries.append((block.level, f"{label} {block.text}" if label else block.text))
    return entries


def toc(styles: StyleMap, block: m.TableOfContents, entries: list[tuple[int, str]]) -> list[etree._Element]:
    """The contents' title and the TOC field, its cached result listing `entries`."""
    title, _ = styles.para("TOC Heading")
    title.append(fields.run(block.title))
    style_ids = {1: styles.id("TOC 1"), 2: styles.id("TOC 2")}
    shown = [(min(lvl, 2), text) for lvl, text in entries]
    return [title, *fields.toc_paragraphs(shown, block.levels, style_ids, block.pages, SIGNATURE_LINE_END)]
