"""A review's result and its three forms: text for people, JSON for pipelines, an exit code.

JSON schema (schema_version 1; fields are only ever added, never renamed or removed):

    {
      "schema_version": 1,
      "file": "decree.docx",            # as given, or null
      "kind": "directive" | "narrative" | "other",
      "kind_reason": "decree language (…) and police language (…)",
      "summary": {"error": 0, "warning": 2, "note": 5, "total": 7},
      "findings": [
        {"check": "xref.missing-bookmark",   # "<family>.<check>", stable
         "severity": "error" | "warning" | "note",
         "message": "...", "fix": "...",
         "location": {"label": "¶ 214",       # how a person finds it
                      "paragraph": "214" | null,  # number as printed
                      "section": "IV. Partnerships" | null,
                      "index": 17 | null,     # 0-based body paragraph index
                      "quote": "..."}}
      ]
    }

Findings are ordered by severity (errors first), then position in the document, then check id,
so output is stable from run to run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from drafter.review.findings import SEVERITY_RANK, Finding

SCHEMA_VERSION = 1
FAIL_ON = ("error", "warning", "note", "never")


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    kind: str
    file: str | None = None
    coverage: dict[str, list[str]] = field(default_factory=dict)
    kind_reason: str = ""
    """Why the review assumed `kind` ("given with --kind", or the signals found in the text)."""

    @property
    def summary(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "note": 0}
        for f in self.findings:
            counts[f.severity] += 1
        counts["total"] = len(self.findings)
        return counts


def ordered(findings: list[Finding]) -> tuple[Finding, ...]:
    def key(f: Finding) -> tuple:
        idx = f.location.index
        return (-SEVERITY_RANK[f.severity], -1 if idx is None else idx, f.check, f.message)

    return tuple(sorted(findings, key=key))


def summary_line(report: Report) -> str:
    s = report.summary

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return (
        f"{report.file or 'document'} ({report.kind}): {plural(s['error'], 'error')}, "
        f"{plural(s['warning'], 'warning')}, {plural(s['note'], 'note')}"
    )


def format_text(report: Report) -> str:
    """Findings grouped by severity; each with where (¶, section, quote), what, and the fix."""
    lines: list[str] = []
    if report.kind_reason:
        lines.append(f"Reviewed as: {report.kind} — {report.kind_reason}.")
        if report.kind == "other":
            lines.append(
                "  Proofreading checks only; use --kind directive|narrative for the substance checks."
            )
        lines.append("")
    for severity, title in (("error", "ERRORS"), ("warning", "WARNINGS"), ("note", "NOTES")):
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        lines.append(f"{title} ({len(group)})")
        for f in group:
            loc = f.location
            where = loc.label()
            if loc.section:
                where += f" — {loc.section}"
            lines.append(f"  {where}  [{f.check}]")
            if loc.quote and loc.index is not None:
                lines.append(f"    “{loc.quote}”")
            lines.append(f"    {f.message}")
            lines.append(f"    Fix: {f.fix}")
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines)


def to_dict(report: Report) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "file": report.file,
        "kind": report.kind,
        "kind_reason": report.kind_reason,
        "summary": report.summary,
        "findings": [
            {
                "check": f.check,
                "severity": f.severity,
                "message": f.message,
                "fix": f.fix,
                "location": {
                    "label": f.location.label(),
                    "paragraph": f.location.paragraph,
                    "section": f.location.section,
                    "index": f.location.index,
                    "quote": f.location.quote,
                },
            }
            for f in report.findings
        ],
    }


def to_json(report: Report) -> str:
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def exit_code(report: Report, fail_on: str = "error") -> int:
    """1 when a finding is at or above `fail_on` ("error" | "warning" | "note"), else 0;
    "never" always gives 0."""
    if fail_on == "never":
        return 0
    if fail_on not in SEVERITY_RANK:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings) else 0
