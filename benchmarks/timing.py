"""Timing every benchmark shares: the median of several runs of a whole process (start-up
included, as a user waits for it), and the baseline each figure is divided by, so a figure
from a slow or busy machine can still be compared with one from a fast machine."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository: examples/, templates/ and tests/ are found from here."""
RUNS = 5
DRAFTER = str(Path(sys.executable).with_name("drafter"))
"""The drafter command installed beside this Python (the project's .venv)."""


def median_seconds(command: list[str], runs: int = RUNS) -> float:
    """Median wall-clock seconds of `runs` runs of `command`; a failing run stops the benchmark
    (a command that fails fast must not pass for a fast one)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_docx_seconds(runs: int = RUNS) -> float:
    """The baseline: `python -c "import docx"`, the cost of merely loading python-docx."""
    return median_seconds([sys.executable, "-c", "import docx"], runs)
