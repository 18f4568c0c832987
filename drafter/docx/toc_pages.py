"""Page numbers for the table of contents, read back from the PDF LibreOffice made.

A TOC field's page numbers are computed by the word processor when it updates fields; a PDF
converted headless never does, so its contents would list headings without pages. Instead:
convert once, find on which page each heading landed (pdftotext, one page at a time via its
form feeds), write those numbers into the cached TOC and convert again. Adding a number to a
line that already exists does not move any heading, so one pass is enough. The .docx keeps
`w:updateFields`, so Word still refreshes the field on open.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path


def page_texts(pdf: Path) -> list[str]:
    """The text of each page of `pdf` (empty when poppler's pdftotext is not installed)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return []
    done = subprocess.run(
        [tool, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=False
    )
    if done.returncode != 0:
        return []
    return done.stdout.split("\f")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()  # headings may print in capitals


def heading_pages(pages: list[str], entries: list[tuple[int, str]]) -> list[int | None]:
    """The page (1-based) each TOC entry's heading is printed on, or None when not found.

    `entries` are (level, "XIV. Problem Solving") in document order. A heading's line also
    appears in the contents, which come first, so the search for each heading starts after
    the place where the previous one was found, and the first heading is looked for after the
    contents' last entry.
    """
    lines = [(number, _squash(line)) for number, page in enumerate(pages, 1) for line in page.splitlines()]
    lines = [(n, t) for n, t in lines if t]

    def find(text: str, start: int) -> int | None:
        wanted = _squash(text)
        for index in range(start, len(lines)):
            if lines[index][1] == wanted:
                return index
        return None

    if not entries:
        return []
    cursor = 0
    last_in_contents = find(entries[-1][1], 0)
    if last_in_contents is not None:
        cursor = last_in_contents + 1
    found: list[int | None] = []
    for _level, text in entries:
        index = find(text, cursor)
        if index is None:
            found.append(None)
            continue
        found.append(lines[index][0])
        cursor = index + 1
    return found
