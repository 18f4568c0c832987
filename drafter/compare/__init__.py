"""`drafter compare`: a redline of two .docx files with native Word tracked changes, in which
renumbering is not a change.

    compare(OLD, NEW) → Comparison (counts per section, the renumbering kept out, and the
    redline's bytes: NEW carrying w:ins/w:del, moves, and formatting changes against OLD)

Modules: `extract` (the units of a body, read through drafter's shared reader),
`labels` (typed number labels and references), `align` (paragraph alignment and word diffs),
`renumber` (the renumbering kept out), `markup` and `runs` (the OOXML of revisions), `engine`
(the comparison), `summary` (counts, text, JSON), `package` (dates, authors, and the
redline's zip). The core never prints; the CLI does.
"""

from drafter.compare.package import CompareError, compare, redline_file
from drafter.compare.summary import SCHEMA_VERSION, Comparison, format_text, to_json

__all__ = [
    "SCHEMA_VERSION",
    "CompareError",
    "Comparison",
    "compare",
    "format_text",
    "redline_file",
    "to_json",
]
