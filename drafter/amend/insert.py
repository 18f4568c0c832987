"""`drafter insert`: splice a directive into a decree and keep every number and reference right.

The splice itself is docxcompose's (`Composer.insert`, with `restart_numbering` off: its default
restarts the inserted list at 1 and breaks the decree's numbering after it). docxcompose maps the
directive's styles onto the decree's by name, copies its numbering definitions, images and
footnotes, and keeps the decree's headers, footers, section breaks and page set-up (it drops the
directive's own headers and footers, which is what an insertion wants). drafter then:

- moves the inserted blocks to the insertion point (inside the right content control or not);
- numbers the inserted paragraphs and sections the decree's way: joins the decree's Word list
  (renumber, list-numbered decree) or types the labels ("212.", "212A.", "IV.") otherwise;
- renumbers later typed paragraph and section labels (renumber);
- rewrites every typed reference and REF field result to a moved paragraph or section, in the
  decree and in the directive, and records each change for the report.

The core never prints: `insert_directive` takes paths and returns the new package's bytes and the
changes; `write_insert` writes them atomically. `drafter compare` can redline the result.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from drafter.amend import layout
from drafter.amend.plan import InsertError, Mode, Plan, SuffixStyle, insertion_point, plan_insert
from drafter.amend.xmltext import apply, unlink_refs
from drafter.decree.inspect import inspect_document
from drafter.decree.references import OWN_NAMES, apply_edits, plan_rewrite
from drafter.decree.structure import DecreeStructure, read_structure
from drafter.docx.package import atomic_write, normalize_package
from drafter.docx.read import read_docx
from drafter.docx.read_package import clean_package
from drafter.docx.read_text import paragraph_text
from drafter.errors import DocxReadError
from drafter.model import Document
from drafter.review.findings import sentences

__all__ = ["Change", "InsertError", "InsertResult", "insert_directive", "write_insert"]


@dataclass(frozen=True)
class Change:
    """One number or reference that changed: where (as printed after the insertion), what."""

    where: str
    kind: str
    """"paragraph number", "section label", "reference", "REF field", or "inserted"."""
    old: str
    new: str
    sentence: str


@dataclass
class InsertResult:
    data: bytes
    plan: Plan
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _sentence(text: str, pos: int) -> str:
    """The sentence of `text` around character `pos`, for the report."""
    acc = 0
    for sent in sentences(text):
        at = text.find(sent, acc)
        if at <= pos <= at + len(sent):
            return sent
        acc = max(acc, at)
    return text.strip()[:200]


def _read(path: Path, role: str) -> tuple[Document, bytes]:
    """The document (for its structure) and a checked copy of its package for python-docx and
    docxcompose (`clean_package`: every XML part parsed safely, a .docm refused), so no part
    the structure reader did not look at reaches the splice unchecked. Errors name the file."""
    try:
        return read_docx(path), clean_package(path, purpose=f"the {role}")
    except DocxReadError as exc:
        raise exc.at(str(path)) from None


def _structure(doc: Document, path: Path, role: str) -> tuple[DecreeStructure, tuple[str, ...]]:
    if role == "decree":
        report = inspect_document(doc, str(path))
        return report.structure, report.own_names
    structure = read_structure(doc)
    if not structure.top_level():
        raise InsertError(f"{path}: the directive has no numbered paragraphs to insert")
    if structure.numbering == "mixed":
        raise InsertError(f"{path}: the directive mixes typed numbers and Word list numbering")
    return structure, OWN_NAMES


def insert_directive(
    decree: Path,
    directive: Path,
    *,
    after_paragraph: str | None = None,
    after_heading: str | None = None,
    mode: Mode = "renumber",
    suffix_style: SuffixStyle | None = None,
) -> InsertResult:
    """The decree with the directive inserted, as bytes, and every change made. Inputs are only read."""
    decree, directive = Path(decree), Path(directive)
    host_doc, host_data = _read(decree, "decree")
    guest_doc, guest_data = _read(directive, "directive")
    host, own_names = _structure(host_doc, decree, "decree")
    guest, _ = _structure(guest_doc, directive, "directive")
    point = insertion_point(host, after_paragraph, after_heading)
    plan = plan_insert(host, guest, point, mode, suffix_style)
    spliced = layout.splice(host_data, guest_data, host, guest, plan)
    changes = _numbers(spliced, host, guest, plan) + _references(spliced, host, guest, plan, own_names)
    data = normalize_package(spliced.save())
    notes = list(spliced.notes)
    return InsertResult(data=data, plan=plan, changes=changes, notes=notes)


def _numbers(
    spliced: layout.Spliced, host: DecreeStructure, guest: DecreeStructure, plan: Plan
) -> list[Change]:
    """Typed labels of moved decree paragraphs and sections; every number the insertion changes."""
    changes: list[Change] = []
    for para in host.top_level():
        new = plan.decree_paragraphs.get(para.label)
        if new is None:
            continue
        p = spliced.decree_p[para.index]
        pt = paragraph_text(p)
        if para.source == "typed":
            at = pt.text.find(para.label)
            if at >= 0:
                apply(pt, [(at, at + len(para.label), new)])
        changes.append(Change(f"¶ {new}", "paragraph number", para.label, new, _short(para.text)))
    for sub in (p for p in host.paragraphs if p.level == 1 and p.source == "typed"):
        lead = re.match(r"\d+", sub.label)
        if lead and lead.group() in plan.decree_paragraphs:
            pt = paragraph_text(spliced.decree_p[sub.index])
            at = pt.text.find(sub.label)
            new = plan.decree_paragraphs[lead.group()] + sub.label[lead.end() :]
            if at >= 0:
                apply(pt, [(at, at + len(sub.label), new)])
            changes.append(Change(f"¶ {new}", "paragraph number", sub.label, new, _short(sub.text)))
    for head in host.sections:
        new = plan.decree_sections.get(head.label or "")
        if new is None:
            continue
        if head.source == "typed":
            pt = paragraph_text(spliced.decree_p[head.index])
            at = pt.text.find(head.label or "\x00")
            if at >= 0:
                apply(pt, [(at, at + len(head.label or ""), new)])
        changes.append(Change(f"Section {new}", "section label", head.label or "", new, head.heading))
    for para, new in zip(guest.top_level(), plan.directive_labels, strict=False):
        changes.append(
            Change(f"¶ {new}", "inserted", para.label if para.label != new else "", new, _short(para.text))
        )
    return changes


def _short(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= 120 else text[:119] + "…"


def _references(
    spliced: layout.Spliced,
    host: DecreeStructure,
    guest: DecreeStructure,
    plan: Plan,
    own_names: tuple[str, ...],
) -> list[Change]:
    """Rewrite typed references and REF results in every paragraph of the new document."""
    changes: list[Change] = []
    host_labels = {p.index: plan.decree_paragraphs.get(p.label, p.label) for p in host.paragraphs}
    for p in host.paragraphs:
        if p.level == 1 and (lead := re.match(r"\d+", p.label)) and lead.group() in plan.decree_paragraphs:
            host_labels[p.index] = plan.decree_paragraphs[lead.group()] + p.label[lead.end() :]
    guest_labels = {p.index: plan.directive_paragraph_map.get(p.label, p.label) for p in guest.paragraphs}
    bookmarks: dict[str, str] = {}
    for structure, labels in ((host, host_labels), (guest, guest_labels)):
        for p in structure.paragraphs:
            for name in (p.bookmark or "").split():
                bookmarks[name] = labels[p.index]
    old_of_bookmark = {
        name: p.label for s in (host, guest) for p in s.paragraphs for name in (p.bookmark or "").split()
    }
    both_para = {**plan.decree_paragraphs, **plan.directive_paragraph_map}
    both_sec = {**plan.decree_sections, **plan.directive_section_map}
    joined = plan.mode == "renumber" and host.numbering == "list"
    typed_targets = set() if joined else {n for p in guest.paragraphs for n in (p.bookmark or "").split()}
    unlinked = 0
    places = [
        (idx, el, host_labels, plan.decree_paragraphs, plan.decree_sections)
        for idx, el in spliced.decree_p.items()
    ]
    places += [(idx, el, guest_labels, both_para, both_sec) for idx, el in spliced.guest_p.items()]
    for idx, el, labels, para_map, sec_map in places:
        pt = paragraph_text(el)
        if not pt.text:
            continue
        where = f"¶ {labels[idx]}" if idx in labels else "text"
        if el in spliced.inserted:
            where += " (inserted)"
        edits: list[tuple[int, int, str]] = []
        for ref in pt.refs:
            new = bookmarks.get(ref.bookmark)
            shown = pt.text[ref.start : ref.end]
            old = old_of_bookmark.get(ref.bookmark)
            if new is None or old is None:
                continue
            m = re.match(r"\s*(\d+(?:[A-Z]{1,2}|\.\d+)?)", shown)
            if m and m.group(1) != new:
                edits.append((ref.start + m.start(1), ref.start + m.end(1), new))
                changes.append(Change(where, "REF field", m.group(1), new, _sentence(pt.text, ref.start)))
        skip = [(r.start, r.end) for r in pt.refs]
        by_ref: dict[int, list] = {}
        for e in plan_rewrite(pt.text, para_map, sec_map, own_names, skip=skip):
            edits.append((e.start, e.end, e.new))
            by_ref.setdefault(e.reference.start, []).append(e)
        for group in by_ref.values():
            ref = group[0].reference
            shifted = [replace(e, start=e.start - ref.start, end=e.end - ref.start) for e in group]
            new_text = apply_edits(ref.text, shifted)
            changes.append(Change(where, "reference", ref.text, new_text, _sentence(pt.text, ref.start)))
        if edits:
            apply(pt, edits)
        if typed_targets and unlink_refs(el, typed_targets):
            unlinked += 1
    if unlinked:
        spliced.notes.append(
            f"{unlinked} paragraph(s) had REF fields to inserted paragraphs with typed numbers; "
            "they are now plain text (a field cannot print a typed number)"
        )
    return changes


def write_insert(result: InsertResult, out: Path, force: bool = False) -> None:
    """Write the new decree atomically (a temporary file and a rename); refuses to clobber."""
    atomic_write(Path(out), result.data, force)


def changes_csv(changes: list[Change]) -> str:
    """The report as CSV: where, kind, old, new, sentence."""
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["where", "kind", "old", "new", "sentence"])
    for c in changes:
        writer.writerow([c.where, c.kind, c.old, c.new, c.sentence])
    return buf.getvalue()
