"""What the tests share: where the repository is, and the scripts/ folder on the import path
(the reference-document generator lives there, not in the package).

Modules import the constants (``from conftest import ROOT``); pytest loads this file first.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository: examples/, templates/, clauses/, scripts/."""
EXAMPLES = ROOT / "examples"
PROFILES = ROOT / "templates" / "narrative" / "profiles"
DATA = ROOT / "tests" / "data"
"""Small inputs and libraries the tests build from (minimal.yaml, minilib/, ...)."""
CORPUS = DATA / "corpus"

if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

# Property tests run the same examples on every machine (a failure is reproducible, never a
# coin toss in CI) and have no per-example deadline: CI machines are shared and slow at times.
from hypothesis import settings  # noqa: E402

settings.register_profile("drafter", derandomize=True, deadline=None, print_blob=True)
settings.load_profile("drafter")
