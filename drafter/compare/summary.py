"""What a comparison found, per section, and how it is printed (text for people, JSON for
pipelines). The JSON shape is versioned: `schema_version` changes whenever a field is renamed
or removed (adding a field does not); docs/compare.md documents it."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

SCHEMA_VERSION = 1


@dataclass
class SectionStats:
    """Counts for one section of NEW (the text under one level-1 heading)."""

    title: str
    paragraphs_changed: int = 0
    paragraphs_added: int = 0
    paragraphs_removed: int = 0
    paragraphs_moved: int = 0
    paragraphs_restyled: int = 0
    words_inserted: int = 0
    words_deleted: int = 0
    paragraphs_renumbered: int = 0

    def any_change(self) -> bool:
        return any(
            (
                self.paragraphs_changed,
                self.paragraphs_added,
                self.paragraphs_removed,
                self.paragraphs_moved,
                self.paragraphs_restyled,
            )
        )


@dataclass
class Comparison:
    """The outcome of `compare`: counts, the renumbering kept out of (or shown in) the redline,
    the revisions written by kind, and the redline's bytes when one was asked for."""

    old: str
    new: str
    author: str
    date: str
    show_renumbering: bool
    sections: list[SectionStats] = field(default_factory=list)
    paragraphs_renumbered: int = 0
    references_follow: int = 0
    revisions: dict[str, int] = field(default_factory=dict)
    document: bytes | None = None

    def totals(self) -> SectionStats:
        total = SectionStats("total")
        for s in self.sections:
            for name in vars(total):
                if name != "title":
                    setattr(total, name, getattr(total, name) + getattr(s, name))
        return total


def _line(s: SectionStats) -> str:
    parts = []
    for count, word in (
        (s.paragraphs_changed, "changed"),
        (s.paragraphs_added, "added"),
        (s.paragraphs_removed, "removed"),
        (s.paragraphs_moved, "moved"),
        (s.paragraphs_restyled, "restyled"),
    ):
        if count:
            parts.append(f"{count} {word}")
    text = ", ".join(parts) if parts else "no changes"
    if s.words_inserted or s.words_deleted:
        text += f"; {_n(s.words_inserted, 'word')} inserted, {s.words_deleted} deleted"
    return text


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def format_text(result: Comparison) -> str:
    """A summary a person reads in a terminal: one line per section with changes, then totals."""
    lines = [f"{result.old} → {result.new}"]
    changed = [s for s in result.sections if s.any_change()]
    for s in changed:
        lines.append(f"  {s.title}: {_line(s)}")
    if not changed:
        lines.append("  no changes in the text")
    total = result.totals()
    lines.append(f"Total: paragraphs {_line(total)}")
    renum = (
        f"{_n(result.paragraphs_renumbered, 'paragraph')} renumbered, "
        f"{_n(result.references_follow, 'reference')} follow"
    )
    how = "tracked as changes (--show-renumbering)" if result.show_renumbering else "not marked as changes"
    lines.append(f"Renumbering: {renum} ({how})")
    return "\n".join(lines)


def to_json(result: Comparison) -> str:
    """The same facts for pipelines; see docs/compare.md for the schema."""
    total = asdict(result.totals())
    del total["title"]
    data = {
        "schema_version": SCHEMA_VERSION,
        "old": result.old,
        "new": result.new,
        "author": result.author,
        "date": result.date,
        "totals": total,
        "renumbering": {
            "paragraphs_renumbered": result.paragraphs_renumbered,
            "references_follow": result.references_follow,
            "tracked": result.show_renumbering,
        },
        "revisions": dict(sorted(result.revisions.items())),
        "sections": [asdict(s) for s in result.sections],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)
