"""The numbering scheme survives the whole pipeline: the labels the composer assigns are the
labels Word's list numbering prints, as the reader reads them back — at every level."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from drafter.build import build
from drafter.docx.read import read_docx
from drafter.model import Heading, Paragraph, iter_blocks


def _labels(body) -> list[tuple[str, int, str | None]]:
    out: list[tuple[str, int, str | None]] = []
    for block in iter_blocks(body):
        # the caption's title is read back as an unnumbered heading; it is not a section
        if isinstance(block, Heading) and block.level <= 2 and block.number is not None:
            out.append(("heading", block.level, block.number))
        elif isinstance(block, Paragraph) and block.numbering == "decree":
            out.append(("decree", block.level, block.number))
    return out


def test_compose_write_read_gives_back_every_label(tmp_path: Path) -> None:
    result = build(ROOT / "examples" / "lakeport.yaml", tmp_path / "d.docx")
    composed = _labels(result.composition.document.body)
    read = _labels(read_docx(tmp_path / "d.docx").body)
    assert read == composed
    levels = {(kind, level) for kind, level, _ in composed}
    # every level of the scheme is exercised: sections, subsections, ¶, (a) and (i)
    assert {("heading", 1), ("heading", 2), ("decree", 0), ("decree", 1), ("decree", 2)} <= levels


_ONE_EDIT = """
import sys
from pathlib import Path
import drafter.numbering_scheme as scheme
# the one edit: "(a)" becomes "a."
scheme.DECREE_LEVELS = (scheme.DECREE_LEVELS[0], scheme.LevelFormat("lowerLetter", "", "."),
                        scheme.DECREE_LEVELS[2])
from drafter.build import build
from drafter.docx.read import read_docx
from drafter.model import Paragraph, iter_blocks
result = build(Path(sys.argv[1]), Path(sys.argv[2]))
def subs(body):
    return [b.number for b in iter_blocks(body) if isinstance(b, Paragraph) and b.numbering == "decree" and b.level == 1]
composed, read = subs(result.composition.document.body), subs(read_docx(Path(sys.argv[2])).body)
assert composed and composed == read, (composed[:5], read[:5])
print(composed[0])
"""


def test_changing_a_level_format_is_one_edit(tmp_path: Path) -> None:
    """Replace "(a)" by "a." in the scheme alone: composer, writer and reader all follow."""
    out = tmp_path / "d.docx"
    proc = subprocess.run(
        [sys.executable, "-c", _ONE_EDIT, str(ROOT / "examples" / "lakeport.yaml"), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "a"
    assert b'w:val="%2."' in _numbering_xml(out)


def _numbering_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read("word/numbering.xml")
