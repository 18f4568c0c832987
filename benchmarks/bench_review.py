"""Review: speed at 40 and 640 sections, and precision and recall on the real-document set.

Speed: a directive of N Roman-numbered sections, each with three typed decree paragraphs that
define terms, cite other paragraphs and sections, and carry community-policing language, is
reviewed by `drafter review` (a real subprocess, start-up included). Each figure is given as a
ratio to `python -c "import docx"` timed in the same run (by `make bench`, or here when run
alone). Linearity is measured in-process (CPU time of `review_file` at 160 and 640 sections,
after a warm-up): 4.0 is linear.

Quality: precision and recall of review's errors and warnings on tests/data/real/.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path

import docx
from timing import DRAFTER, ROOT, import_docx_seconds, median_seconds

from drafter.numbering_scheme import roman

RUNS = 3


def make_directive(sections: int, path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("COMMUNITY POLICING DIRECTIVE")
    n = 212
    for s in range(1, sections + 1):
        document.add_heading(f"{roman(s)}. Community Partnerships {s}", level=1)
        document.add_paragraph(
            f'{n}. "Partnership Plan {s}" means the plan the Department adopts with residents of '
            f"district {s} to address the root causes of crime, as paragraph {max(212, n - 3)} requires."
        )
        document.add_paragraph(
            f"{n + 1}. Within 90 days after the Effective Date, the Department shall meet residents, "
            f"survey their trust in officers, and publish the results under Section {roman(max(1, s - 1))}."
        )
        document.add_paragraph(
            f"{n + 2}. The Department shall train officers in problem solving and language access for "
            f"immigrant residents, and the Monitor shall assess Partnership Plan {s} under paragraph {n}."
        )
        n += 3
    document.save(str(path))
    return path


def speed(baseline: float | None = None) -> dict:
    if baseline is None:
        baseline = import_docx_seconds(RUNS)
    out: dict = {"baseline_import_docx_s": round(baseline, 3)}
    with tempfile.TemporaryDirectory() as tmp:
        seconds = {}
        for n in (40, 640):
            path = make_directive(n, Path(tmp) / f"d{n}.docx")
            seconds[n] = median_seconds([DRAFTER, "review", str(path), "--fail-on", "never"], RUNS)
            out[f"review_{n}_sections_s"] = round(seconds[n], 3)
            out[f"review_{n}_ratio"] = round(seconds[n] / baseline, 2)
        out["ms_per_extra_section"] = round((seconds[640] - seconds[40]) / 600 * 1000, 2)
        # linearity without start-up: review_file in this process, CPU time at 160 and 640
        from drafter.review import review_file

        # warm on another document: data files and regexes load once per process, but a second
        # review of the same text would reuse the element coverage review keeps per text
        review_file(make_directive(1, Path(tmp) / "warm.docx"))
        cpu = {}
        for n in (160, 640):
            path = make_directive(n, Path(tmp) / f"c{n}.docx")
            start = time.process_time()
            review_file(path)
            cpu[n] = time.process_time() - start
        out["in_process_cpu_160_s"] = round(cpu[160], 3)
        out["in_process_cpu_640_s"] = round(cpu[640], 3)
        out["growth_640_vs_160_(4.0_is_linear)"] = round(cpu[640] / cpu[160], 2)
    return out


def quality() -> dict:
    spec = importlib.util.spec_from_file_location(
        "make_docs", ROOT / "tests" / "data" / "real" / "make_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_docs"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        result = module.score(Path(tmp))
    return {
        "precision": round(result["precision"], 3),
        "recall": round(result["recall"], 3),
        "findings": result["reported"],
        "expected": result["expected"],
    }


def bench(baseline: float | None = None) -> dict:
    return {**speed(baseline), **quality()}


if __name__ == "__main__":
    print(bench())
