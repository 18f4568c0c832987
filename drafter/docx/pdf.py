"""PDF conversion through LibreOffice, to count pages against a solicitation's page limit.

Pages depend on fonts, spacing and the word processor's layout, so they can only be counted
on a rendered file. LibreOffice runs headless with a private user profile (a profile shared
with a desktop session, or with a parallel build, makes soffice exit at once without
converting) and a timeout (a stuck conversion must not hang a batch build).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import PdfError

TIMEOUT_SECONDS = 120


def find_soffice() -> str | None:
    """The LibreOffice executable, or None ($DRAFTER_SOFFICE overrides the search)."""
    explicit = os.environ.get("DRAFTER_SOFFICE")
    if explicit:
        return explicit if Path(explicit).exists() or shutil.which(explicit) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def convert(docx: Path, out_dir: Path, timeout: int = TIMEOUT_SECONDS) -> Path:
    """Convert `docx` to PDF in `out_dir`; returns the PDF's path."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(
            "--pdf needs LibreOffice (soffice), which is not installed or not on PATH; install "
            "libreoffice-writer (25.2 or later) or set DRAFTER_SOFFICE, or build without --pdf"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="drafter-soffice-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"{docx}: LibreOffice did not finish converting within {timeout} s") from None
        except OSError as exc:
            raise PdfError(f"{docx}: cannot run LibreOffice ({soffice}): {exc}") from None
    pdf = out_dir / f"{docx.stem}.pdf"
    if done.returncode != 0 or not pdf.is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise PdfError(f"{docx}: LibreOffice could not convert it{': ' + detail[-1] if detail else ''}")
    return pdf


def page_count(pdf: Path) -> int:
    """Pages in a PDF: pdfinfo when poppler is installed, else the page objects counted."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        done = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, timeout=30, check=False)
        match = re.search(r"^Pages:\s+(\d+)", done.stdout, re.MULTILINE)
        if match:
            return int(match.group(1))
    data = pdf.read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def to_pdf(docx: Path) -> tuple[Path, int]:
    """Convert `docx` to a PDF beside it (same stem); returns its path and page count."""
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tmp:
        made = convert(docx, Path(tmp))
        target = docx.with_suffix(".pdf")
        shutil.move(str(made), target)
    return target, page_count(target)
