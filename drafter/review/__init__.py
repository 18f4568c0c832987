"""Review: checks over the document model, each a function Document -> findings.

`review_file` reads a .docx (ours or a stranger's), decides whether it is a directive or a grant
narrative when not told, runs every family of checks, and returns a `Report`. Nothing here
prints or exits: `drafter.cli.review` does that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

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
from drafter.review.report import Report, ordered

if TYPE_CHECKING:
    from drafter.library.clauses import Library

KINDS = ("directive", "narrative")
_DECREE = re.compile(r"consent decree|settlement agreement|court|plaintiff|defendant|\bshall\b|Monitor", re.I)
_GRANT = re.compile(
    r"\bCOPS\b|grant|applicant|application|solicitation|federal (?:funds|share)|award|narrative", re.I
)

__all__ = ["review_file", "review_document", "detect_kind", "Report", "Finding", "Location"]


def detect_kind(doc: Document) -> str:
    """ "directive" for decree-shaped text (caption words, "shall", decree numbering), else
    "narrative" when grant words dominate; a tie goes to directive (the stricter checks)."""
    text = document_text(walk(doc))
    decree = len(_DECREE.findall(text))
    decree += 5 * sum(
        1 for p in iter_paragraphs(doc.body) if isinstance(p, Paragraph) and p.numbering == "decree"
    )
    grant = len(_GRANT.findall(text))
    return "narrative" if grant > decree else "directive"


def review_document(
    doc: Document,
    kind: str | None = None,
    limits_by_heading: limit_checks.Limits | None = None,
    library_versions: Mapping[str, int] | None = None,
    jargon: tuple[str, ...] | None = None,
) -> list[Finding]:
    """Every check's findings, unordered."""
    if kind not in KINDS:
        kind = doc.meta.kind if doc.meta.kind in KINDS else detect_kind(doc)
    findings: list[Finding] = []
    findings += blanks.check(doc)
    findings += terms.check(doc)
    findings += xrefs.check(doc)
    findings += sequence.check(doc)
    findings += number_words.check(doc)
    findings += elements.check(doc, kind)
    findings += limit_checks.check(doc, limits_by_heading or {})
    findings += substance.check(doc)
    findings += plain.check(doc, jargon=jargon)
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
    """Read and review a .docx. Raises DocxReadError when the file cannot be read.

    `profile` is a narrative profile id or a path to a profile file, found as `drafter build`
    finds it: in `library`'s profile folders (built-in, then each --library layer; the built-in
    library when None). Its section limits are measured as build measures them. An unknown
    profile becomes a note, not a failure, so a review still runs. `library_versions` maps
    clause id → current version.
    """
    from drafter.compose.profiles import find_profile
    from drafter.docx.read import read_docx
    from drafter.library.clauses import load_library

    doc = read_docx(Path(path))
    kind = kind if kind in KINDS else detect_kind(doc)
    extra: list[Finding] = []
    found_limits = dict(limits_by_heading or {})
    if profile:
        loaded = find_profile(profile, library if library is not None else load_library())
        if loaded is None:
            extra.append(
                Finding(
                    "limits.no-profile",
                    "note",
                    f"Profile {profile!r} not found; section limits were not checked.",
                    "Name a profile from templates/narrative/profiles/ (without .yaml) or from a "
                    "--library folder, or give a profile file.",
                    Location(),
                )
            )
        else:
            extra.extend(limit_checks.check_profile(doc, loaded))
    findings = review_document(doc, kind, found_limits, library_versions) + extra
    return Report(ordered(findings), kind, str(path), elements.coverage(doc, kind))
