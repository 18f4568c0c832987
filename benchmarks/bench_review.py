"""Review: precision and recall on the real-document test set (tests/data/real/)."""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def bench() -> dict:
    return quality()
