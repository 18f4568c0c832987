"""The review test set's document builder (tests/data/real/make_docs.py), loaded once for every
test that needs one of its documents, and the settlement agreement several decree tests draft
against."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from conftest import DATA

_spec = importlib.util.spec_from_file_location("make_docs", DATA / "real" / "make_docs.py")
assert _spec and _spec.loader
make_docs = importlib.util.module_from_spec(_spec)
sys.modules["make_docs"] = make_docs  # dataclasses look their module up
_spec.loader.exec_module(make_docs)


def lakeport_agreement(path: Path) -> Path:
    """Write the fictional Lakeport settlement agreement (typed decimal numbers 4.1, arabic
    sections, "the Department") to `path`."""
    case = next(c for c in make_docs.cases() if c.name == "lakeport-agreement")
    return make_docs.write_docx(make_docs.load_blocks(case), path, case.form)
