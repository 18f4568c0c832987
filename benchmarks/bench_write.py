"""Time the Word writer on a synthetic decree: 640 clause blocks of 3 paragraphs each
(decree paragraph with a cross-reference, an (a) sub-paragraph, a bullet), a heading every
ten clauses, caption and TOC. docs/design-facts.md records python-docx paragraph-by-paragraph building
at 1.7 s for 640 sections; this shows what the one-pass lxml build costs.

`bench()` returns timings in seconds (best and median of `repeat` runs, in this process) and
the median as a ratio to the `python -c "import docx"` baseline the runner measures in the same
run (measured here when run alone). Run alone: .venv/bin/python benchmarks/bench_write.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

from timing import ROOT, import_docx_seconds

from drafter import model as m
from drafter.docx.write import render_docx

REFERENCE = ROOT / "templates" / "directive" / "reference.docx"


def synthetic(clauses: int = 640) -> m.Document:
    """A decree-sized document built by hand (no composer needed)."""
    body: list[m.Block] = [
        m.Caption(
            "United States District Court",
            "UNITED STATES OF AMERICA",
            "CITY OF X",
            "1:15-cv-01046",
            "Community Policing Directive",
        ),
        m.TableOfContents(),
    ]
    number = 212
    for i in range(clauses):
        if i % 10 == 0:
            body.append(m.Heading((m.Run(f"Section {i // 10 + 1}"),), level=1 if i % 20 == 0 else 2))
        cid = f"topic.clause-{i}"
        target = f"topic.clause-{max(0, i - 3)}"
        blocks = (
            m.Paragraph(
                (
                    m.Run("The City shall maintain community partnerships as described in paragraph "),
                    m.CrossRef(target, str(212 + max(0, i - 3))),
                    m.Run(", and shall report on them "),
                    m.Run("quarterly", bold=True),
                    m.Run("."),
                ),
                numbering="decree",
                number=str(number),
                bookmark=cid,
            ),
            m.Paragraph(
                (m.Run("Each partnership shall address root causes identified with residents."),),
                numbering="decree",
                level=1,
                number="(a)",
            ),
            m.Paragraph((m.Run("Partners include faith, youth and business groups."),), numbering="bullet"),
        )
        number += 1
        body.append(m.ClauseBlock(cid, 1, blocks, digest=f"{i:016x}", legal_review=(i % 100 == 0)))
    meta = m.Meta(
        kind="directive", title="Benchmark", date=dt.date(2026, 1, 1), header="U.S. v. X", start_paragraph=212
    )
    return m.Document(meta, tuple(body))


def bench(baseline: float | None = None, repeat: int = 5, clauses: int = 640) -> dict[str, float]:
    """Render the synthetic document `repeat` times; seconds, their ratio to the baseline,
    and output size."""
    if baseline is None:
        baseline = import_docx_seconds()
    doc = synthetic(clauses)
    times: list[float] = []
    size = 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(render_docx(doc, REFERENCE))
        times.append(time.perf_counter() - start)
    return {
        "baseline_import_docx_s": baseline,
        "clauses": float(clauses),
        "paragraphs": float(clauses * 3),
        "render_best_s": min(times),
        "render_median_s": statistics.median(times),
        "render_median_ratio": statistics.median(times) / baseline,
        "docx_bytes": float(size),
    }


if __name__ == "__main__":
    for key, value in bench().items():
        print(f"{key:>18}: {value:.3f}")
