"""`make bench`: how long `drafter build` takes, against a baseline measured in the same run.

Wall-clock figures vary from machine to machine, so each figure is also given as a ratio to
`python -c "import docx"` (the cost of merely loading python-docx) timed alongside it. Every
command runs 5 times; the median is reported. Other `bench_*.py` modules in this folder
expose `bench() -> dict` and are run after.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
import tempfile
from pathlib import Path

from timing import DRAFTER, ROOT, import_docx_seconds, median_seconds


def main() -> int:
    baseline = import_docx_seconds()
    print(f"baseline  python -c 'import docx'            {baseline:7.3f} s  (1.00x)")
    with tempfile.TemporaryDirectory() as tmp:
        for example in sorted((ROOT / "examples").glob("*.yaml")):
            out = Path(tmp) / f"{example.stem}.docx"
            seconds = median_seconds([DRAFTER, "build", str(example), "-o", str(out), "--force"])
            print(f"build     {example.name:<34} {seconds:7.3f} s  ({seconds / baseline:.2f}x)")
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if hasattr(module, "bench"):
            # Modules that take the baseline report ratios against this run's figure.
            takes_baseline = "baseline" in inspect.signature(module.bench).parameters
            print(f"{path.stem}: {module.bench(baseline=baseline) if takes_baseline else module.bench()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
