"""Review: checks over the document model, each a function Document -> findings.

`review_file` reads a .docx (ours or a stranger's), decides whether it is a directive or a grant
narrative when not told, runs every family of checks, and returns a `Report`. Nothing here
prints or exits: `drafter.cli.review` does that.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError
from drafter.model import Document, Paragraph, iter_paragraphs
from drafter.review import (
    blanks,
    elements,
    limit_checks,
    number_words,
    plain,
    provenance,
    sequence,
    substance,
    terms,
    xrefs,
)
from drafter.review.findings import Finding, Location, document_text, walk
from drafter.review.kind import KINDS
from drafter.review.kind import detect_kind as guess_kind
from drafter.review.report import Report, ordered

if TYPE_CHECKING:
    from drafter.library.clauses import Library

__all__ = ["review_file", "review_document", "detect_kind", "Report", "Finding", "Location", "KINDS"]


class ReviewInputError(DrafterError):
    """What review was asked to read cannot be reviewed: an empty document, an unknown profile."""


def detect_kind(doc: Document) -> str:
    """The kind the document reads as: "directive", "narrative" or "other" (see `kind`)."""
    return detect_kind_why(doc)[0]


def detect_kind_why(doc: Document) -> tuple[str, str]:
    """(kind, reason) for a document whose kind the caller did not give."""
    items = walk(doc)
    decree_numbered = sum(
        1 for p in iter_paragraphs(doc.body) if isinstance(p, Paragraph) and p.numbering == "decree"
    )
    return guess_kind(document_text(items), decree_numbered)


def review_document(
    doc: Document,
    kind: str | None = None,
    limits_by_heading: limit_checks.Limits | None = None,
    library_versions: Mapping[str, int] | None = None,
    jargon: tuple[str, ...] | None = None,
) -> list[Finding]:
    """Every check's findings, unordered. Kind "other" runs only the proofreading checks."""
    if kind not in KINDS:
        kind = doc.meta.kind if doc.meta.kind in KINDS else detect_kind(doc)
    findings: list[Finding] = []
    findings += blanks.check(doc)
    findings += terms.check(doc, kind)
    findings += xrefs.check(doc, kind)
    findings += sequence.check(doc)
    findings += number_words.check(doc)
    if kind != "other":
        findings += elements.check(doc, kind)
    findings += limit_checks.check(doc, limits_by_heading or {})
    if kind != "other":
        findings += substance.check(doc)
    findings += plain.check(doc, jargon=jargon, kind=kind)
    findings += provenance.check(doc, library_versions)
    return findings


def review_file(
    path: Path | str,
    kind: str | None = None,
    profile: str | None = None,
    library_versions: Mapping[str, int] | None = None,
    limits_by_heading: limit_checks.Limits | None = None,
    library: Library | None = None,
) -> Report:
    """Read and review a .docx. Raises DocxReadError when the file cannot be read, and
    ReviewInputError when it has no text or `profile` names no profile.

    `kind` forces the kind; otherwise it is guessed and the report says why. `profile` is a
    narrative profile id or a path to a profile file, found as `drafter build` finds it: in
    `library`'s profile folders (built-in, then each --library layer; the built-in library when
    None). Its section limits are measured as build measures them. `library_versions` maps
    clause id → current version; by default `library`'s versions.

    The library is loaded only when needed (a profile, or a document with drafter's clauses):
    a stranger's document does not pay for reading and validating every clause.
    """
    from drafter.docx.read import read_docx

    found_limits = dict(limits_by_heading or {})
    loaded = None
    if profile:
        from drafter.compose.profiles import find_profile

        library = _or_builtin(library)
        loaded = find_profile(profile, library)
        if loaded is None:
            raise ReviewInputError(
                f"no profile {profile!r}: name one in templates/narrative/profiles/ (without .yaml) "
                "or in a --library folder, or give a profile file"
            )
    doc = read_docx(Path(path))
    if not document_text(walk(doc)).strip():
        raise ReviewInputError("the document has no text to review")
    if kind in KINDS:
        reason = "given with --kind"
    else:
        kind, reason = detect_kind_why(doc)
    if library_versions is None and any(item.clause is not None for item in walk(doc)):
        library = _or_builtin(library)
        library_versions = {c.id: c.version for c in library.clauses.values()}
    findings = review_document(doc, kind, found_limits, library_versions)
    if profile and loaded is not None:
        findings += limit_checks.check_profile(doc, loaded)
    coverage = elements.coverage(doc, kind) if kind != "other" else {}
    return Report(ordered(findings), kind, str(path), coverage, reason)


def _or_builtin(library: Library | None) -> Library:
    """The caller's library, else the built-in one (imported and read only now: it is slow)."""
    from drafter.library.clauses import load_library

    return library if library is not None else load_library()
