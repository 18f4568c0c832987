"""Generate templates/<kind>/reference.docx (directive and narrative).

Run once, from the repository root:  .venv/bin/python scripts/make_reference_docx.py
The outputs are checked in and then restyled in Word by legal staff; rerunning this script
overwrites their edits, so do it only when the style set itself changes (see
scripts/reference_styles.py, STYLE_NAMES). The output is byte-identical on every run.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from reference_styles import KINDS, build_reference  # noqa: E402

from drafter.docx.package import atomic_write  # noqa: E402


def main(argv: list[str]) -> int:
    """Write both references, replacing the checked-in ones (that is the script's job)."""
    for kind in KINDS:
        target = ROOT / "templates" / kind / "reference.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, build_reference(kind), force=True)
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
