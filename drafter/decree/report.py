"""`inspect` output: a versioned JSON document (docs/inspect.md) and the text a person reads.

The JSON is the contract for scripts (schema_version bumps on any incompatible change); the text
is the same facts, grouped as a lawyer reads a decree: caption, sections, paragraphs, terms,
references, coverage.
"""

from __future__ import annotations

from typing import Any

from drafter.decree.inspect import SCHEMA_VERSION, DecreeReport
from drafter.review.findings import short


def to_json(report: DecreeReport) -> dict[str, Any]:
    s = report.structure
    return {
        "schema_version": SCHEMA_VERSION,
        "file": report.file,
        "caption": {
            "court": report.caption.court,
            "case_number": report.caption.case_number,
            "plaintiff": report.caption.plaintiff,
            "defendant": report.caption.defendant,
        },
        "numbering": {
            "source": s.numbering,
            "decimal_sub_numbers": s.decimal,
            "suffixed_numbers": s.suffixed,
            "first": s.top_level()[0].label,
            "last": s.top_level()[-1].label,
            "count": len(s.top_level()),
        },
        "sections": [
            {"label": h.label, "heading": h.heading, "level": h.level, "index": h.index, "source": h.source}
            for h in s.sections
        ],
        "paragraphs": [
            {
                "number": p.label,
                "level": p.level,
                "section": p.section,
                "first_words": short(p.text, 60),
                "source": p.source,
                "index": p.index,
            }
            for p in s.paragraphs
        ],
        "defined_terms": [
            {
                "term": t.term,
                "paragraph": t.paragraph,
                "index": t.index,
                "form": t.form,
                "definition": t.definition,
            }
            for t in report.terms
        ],
        "effective_date": (
            {
                "paragraph": report.effective_date.paragraph,
                "definition": report.effective_date.definition,
                "date": report.effective_date_value,
            }
            if report.effective_date
            else None
        ),
        "monitor_title": report.monitor_title,
        "agency_term": report.agency_term,
        "references": [
            {
                "paragraph": r.paragraph,
                "index": r.index,
                "kind": r.kind,
                "text": r.text,
                "targets": list(r.targets),
                "external": r.external,
                "resolves": r.exists,
            }
            for r in report.references
        ],
        "elements_covered": [
            {"element": e.name, "id": e.id, "paragraph": e.paragraph} for e in report.elements
        ],
        "elements_missing": list(report.missing_elements),
        "warnings": list(report.warnings),
    }


def to_text(report: DecreeReport) -> str:
    s = report.structure
    tops = s.top_level()
    cap = report.caption
    lines = [f"{report.file}: consent decree"]
    lines.append(f"  Court:       {cap.court or '(not found)'}")
    lines.append(f"  Case number: {cap.case_number or '(not found)'}")
    parties = " v. ".join(x for x in (cap.plaintiff, cap.defendant) if x) or "(not found)"
    lines.append(f"  Parties:     {parties}")
    kind = {"list": "Word list numbering", "typed": "typed numbers", "mixed": "typed AND Word list numbering"}
    extra = ", decimal sub-numbers" if s.decimal else ""
    extra += ", suffixed numbers" if s.suffixed else ""
    lines.append(
        f"  Paragraphs:  {tops[0].label}–{tops[-1].label} ({len(tops)}, {kind.get(s.numbering, s.numbering)}{extra})"
    )
    eff = report.effective_date
    if eff:
        value = f" = {report.effective_date_value}" if report.effective_date_value else ""
        lines.append(f"  Effective Date: defined in ¶ {eff.paragraph or '?'}{value}")
    else:
        lines.append("  Effective Date: not defined")
    lines.append(f"  Monitor:     {report.monitor_title or '(no defined title)'}")
    if report.agency_term:
        lines.append(f"  Agency term: {report.agency_term}")
    lines.append("")
    lines.append("Sections")
    by_section: dict[str | None, list[str]] = {}
    for p in tops:
        by_section.setdefault(p.section, []).append(p.label)
    for h in s.sections:
        indent = "  " if h.level == 1 else "    "
        label = f"{h.label}. " if h.label else ""
        span = by_section.get(h.label or h.heading) if h.level == 1 else None
        rng = (
            f"  (¶¶ {span[0]}–{span[-1]})" if span and len(span) > 1 else (f"  (¶ {span[0]})" if span else "")
        )
        lines.append(f"{indent}{label}{h.heading}{rng}")
    lines.append("")
    lines.append("Paragraphs")
    for p in s.paragraphs:
        indent = "  " if p.level == 0 else "    "
        lines.append(f"{indent}{p.label:>6}  {short(p.text, 70)}")
    lines.append("")
    lines.append("Defined terms")
    for t in report.terms:
        where = f"¶ {t.paragraph}" if t.paragraph else f"paragraph {t.index + 1} of the body"
        lines.append(f"  \u201c{t.term}\u201d  {where} ({t.form})")
    lines.append("")
    lines.append("References")
    for r in report.references:
        where = f"¶ {r.paragraph}" if r.paragraph else f"body paragraph {r.index + 1}"
        note = " [other instrument]" if r.external else ("" if r.exists else " [NOT FOUND]")
        lines.append(f"  {where}: {r.text} → {', '.join(r.targets)}{note}")
    if not report.references:
        lines.append("  (none)")
    lines.append("")
    n = len(report.elements) + len(report.missing_elements)
    lines.append(f"Community-policing elements covered: {len(report.elements)} of {n}")
    for e in report.elements:
        lines.append(f"  {e.name} [{e.id}]" + (f"  (¶ {e.paragraph})" if e.paragraph else ""))
    if report.warnings:
        lines.append("")
        lines.append("Warnings")
        lines.extend(f"  {w}" for w in report.warnings)
    return "\n".join(lines)
