"""The WordprocessingML namespace (ECMA-376 Part 1, §17), named once for every module that
reads or writes word/*.xml."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The ``w:`` namespace of document.xml, styles.xml, numbering.xml, settings.xml, comments.xml."""

W = f"{{{W_NS}}}"
"""Clark-notation prefix for lxml names: ``W + "p"`` is ``w:p``."""
