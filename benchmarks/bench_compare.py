"""Time `drafter compare` (whole process) on two synthetic directives that differ in 10
paragraphs, at 40 and 640 sections (a section = one clause: decree paragraph with a
cross-reference, an (a) sub-paragraph, a bullet; the same synthetic decree bench_write uses),
and 160 in between to show the growth is linear. Targets from the issue: ≤ 0.5 s at 40, ≤ 3 s
at 640. The runner passes the `python -c "import docx"` baseline measured in the same run, and
each figure is also printed as a ratio to it.

Run alone: .venv/bin/python benchmarks/bench_compare.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench_write import REFERENCE, render_docx, synthetic
from lxml import etree
from timing import DRAFTER, ROOT, import_docx_seconds, median_seconds

sys.path.insert(0, str(ROOT / "tests"))

from compare_helpers import edit_docx  # noqa: E402  (the tests' way of editing a .docx body)

from drafter.docx.namespaces import W  # noqa: E402


def _edit(root: etree._Element, changes: int = 10) -> None:
    """Words changed in `changes` decree paragraphs spread through the document."""
    paras = [p for p in root.iter(W + "p") if "community partnerships" in "".join(p.itertext())]
    step = max(1, len(paras) // changes)
    for p in paras[::step][:changes]:
        t = next(t for t in p.iter(W + "t") if "community partnerships" in (t.text or ""))
        t.text = (t.text or "").replace(
            "maintain community partnerships", "build and keep partnerships with residents"
        )


def bench(baseline: float | None = None, sizes: tuple[int, ...] = (40, 160, 640)) -> dict[str, float]:
    if baseline is None:
        baseline = import_docx_seconds()
    out: dict[str, float] = {"baseline_import_docx_s": baseline}
    with tempfile.TemporaryDirectory() as tmp:
        for sections in sizes:
            old, new, red = (Path(tmp) / f"{name}{sections}.docx" for name in ("old", "new", "red"))
            old.write_bytes(render_docx(synthetic(sections), REFERENCE))
            edit_docx(old, new, _edit)
            seconds = median_seconds([DRAFTER, "compare", str(old), str(new), "-o", str(red), "--force"])
            out[f"compare_{sections}_sections_s"] = seconds
            out[f"compare_{sections}_sections_ratio"] = seconds / baseline
            out[f"compare_{sections}_ms_per_section"] = 1000 * seconds / sections
    return out


if __name__ == "__main__":
    for key, value in bench().items():
        print(f"{key:>34}: {value:.3f}")
