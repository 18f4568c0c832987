"""The text of every example's built document, as committed snapshots (tests/data/golden/).

A refactor must not change what drafter writes; a change to a clause or to the writer must
show, in review, exactly which words and numbers of which example moved. The snapshot is the
document as drafter's own reader sees it — one line per paragraph or heading (marked #), its
printed number, then its text — so the diff of a snapshot reads like a redline, and it does not depend
on the versions of python-docx or lxml the way the .docx bytes would.

    .venv/bin/python scripts/golden_text.py            # rewrite every snapshot after a change you meant
    .venv/bin/python scripts/golden_text.py --check    # exit 1 naming each example that differs
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "data" / "golden"


def snapshot(docx_path: Path) -> str:
    """One line per body paragraph or heading: its printed number (or '-') and its text."""
    from drafter.docx.read import read_docx
    from drafter.model import Heading
    from drafter.review.findings import walk

    lines = []
    for item in walk(read_docx(docx_path)):
        if isinstance(item.block, Heading):
            number = f"{item.block.number}." if item.block.number else "-"
            lines.append(f"{'#' * item.block.level} {number}\t{item.text}")
        else:
            lines.append(f"{item.label or '-'}\t{item.text}")
    return "\n".join(lines) + "\n"


def built_snapshots(folder: Path) -> dict[str, str]:
    """Build every example into `folder` (as `drafter build` does) and read each back."""
    from drafter.build import build
    from drafter.library.clauses import load_library

    library = load_library([])
    out: dict[str, str] = {}
    for example in sorted(EXAMPLES.glob("*.yaml")):
        target = folder / f"{example.stem}.docx"
        build(example, target, library=library)
        out[example.stem] = snapshot(target)
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    with tempfile.TemporaryDirectory() as tmp:
        snapshots = built_snapshots(Path(tmp))
    differ = []
    for name, text in snapshots.items():
        path = GOLDEN / f"{name}.txt"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                differ.append(name)
        else:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for name in differ:
        print(f"{name}: the built document differs from tests/data/golden/{name}.txt")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
