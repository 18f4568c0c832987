"""Renumbering kept out of a redline: which OLD number became which NEW one, and OLD's text
with its references moved through that map before it is diffed against NEW.

Every aligned pair of numbered paragraphs gives one entry of a map (kind, old label) → new
label. By default a typed label that changed is taken from NEW, and every reference OLD cites
through the map is rewritten, so "213." → "212." and "paragraph 213" → "paragraph 212" produce
no revision and are counted instead (`Renumbering.followed`). With --show-renumbering OLD's
text is diffed as it stands; the references that follow are still counted.
"""

from __future__ import annotations

from drafter.compare.align import Op
from drafter.compare.extract import Para, Unit
from drafter.compare.labels import followed, rewrite_references


class Renumbering:
    """The renumbering map of one comparison and the references found to follow it."""

    def __init__(self, mapping: dict[tuple[str, str], str], show: bool):
        self.mapping = mapping
        self.show = show
        self.shifted = any(old != new for (_, old), new in mapping.items())
        """Does any number change at all? (If not, no reference can follow.)"""
        self.followed = 0

    def may_rewrite(self, text: str) -> bool:
        """Could the map move a reference in `text`? (A cheap test before the grammar runs.)"""
        return self.shifted and _may_cite(text)

    def old_text(self, old: Para, new: Para) -> str:
        """OLD's text as the diff sees it: as it stands with --show-renumbering, else with
        NEW's typed label and with references rewritten through the map."""
        body = old.body
        if self.may_rewrite(old.body):
            body, done = rewrite_references(old.body, self.mapping)
            if done:
                self.followed += followed(done, new.body)
        if self.show:
            return old.text
        prefix = old.text[: old.typed.end] if old.typed else ""
        if old.typed and new.typed:
            prefix = new.text[: new.typed.end]
        return prefix + body


def _may_cite(text: str) -> bool:
    """A cheap test before the reference grammar runs: could `text` cite a paragraph or section?"""
    return "aragraph" in text or "¶" in text or "ection" in text or "ara" in text


def renumbering_map(
    ops: list[Op], old_units: list[Unit], new_units: list[Unit]
) -> dict[tuple[str, str], str]:
    """(kind, old label) → new label from every aligned pair of numbered paragraphs; a label
    that two pairs map differently (duplicate labels) is left out rather than guessed."""
    mapping: dict[tuple[str, str], str] = {}
    conflicted: set[tuple[str, str]] = set()
    key: tuple[str, str]
    for op in ops:
        if op.old is None or op.new is None:
            continue
        o, n = old_units[op.old], new_units[op.new]
        if not (isinstance(o, Para) and isinstance(n, Para)) or not o.label or not n.label:
            continue
        if o.label_kind != n.label_kind or o.label_kind not in ("para", "section"):
            continue
        key = (o.label_kind, o.label)
        if key in mapping and mapping[key] != n.label:
            conflicted.add(key)
        mapping[key] = n.label
    for key in conflicted:
        del mapping[key]
    return mapping
