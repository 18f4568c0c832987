"""LibreOffice and poppler for tests: convert a .docx to PDF, read a PDF back as text.

Tests that need them skip when the tools are absent, unless DRAFTER_REQUIRE_SOFFICE=1 (CI),
in which case they fail: a CI machine without LibreOffice must not pass silently.
One private LibreOffice profile per test session avoids lock clashes with a desktop
LibreOffice or with parallel runs.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

_PROFILE: Path | None = None


def _need(tool: str) -> str:
    """The tool's path; skip (or fail when required) if it is not installed."""
    found = shutil.which(tool)
    if found:
        return found
    message = f"{tool} is not installed"
    if os.environ.get("DRAFTER_REQUIRE_SOFFICE") == "1":
        pytest.fail(f"{message} and DRAFTER_REQUIRE_SOFFICE=1")
    pytest.skip(message)
    raise AssertionError("unreachable")  # pragma: no cover


def _profile() -> Path:
    global _PROFILE
    if _PROFILE is None:
        _PROFILE = Path(tempfile.mkdtemp(prefix="drafter-lo-profile-"))
        atexit.register(shutil.rmtree, _PROFILE, True)
    return _PROFILE


def convert_to_pdf(docx_path: Path, outdir: Path) -> Path:
    """Convert with LibreOffice headless; returns the PDF's path or fails the test."""
    soffice = _need("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={_profile().as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx_path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = outdir / (Path(docx_path).stem + ".pdf")
    if result.returncode != 0 or not pdf.exists():
        pytest.fail(
            f"LibreOffice could not convert {docx_path}: rc={result.returncode} "
            f"stdout={result.stdout!r} stderr={result.stderr!r}"
        )
    return pdf


def pdf_text(pdf: Path) -> str:
    """The PDF's text with layout kept (`pdftotext -layout`)."""
    pdftotext = _need("pdftotext")
    result = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout


def convert_to_docx(source: Path, outdir: Path) -> Path:
    """Convert a file LibreOffice can open (plain text, say) to .docx: a document drafter did
    not write, with whatever typed numbers the text has."""
    soffice = _need("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={_profile().as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    out = outdir / (Path(source).stem + ".docx")
    if result.returncode != 0 or not out.exists():
        pytest.fail(
            f"LibreOffice could not convert {source}: rc={result.returncode} stderr={result.stderr!r}"
        )
    return out


def convert_many_to_pdf(docx_paths: list[Path], outdir: Path) -> list[Path]:
    """Convert several documents in one LibreOffice start (a start costs seconds; a page, little)."""
    soffice = _need("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={_profile().as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, docx_paths),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    pdfs = [outdir / (Path(p).stem + ".pdf") for p in docx_paths]
    missing = [p for p in pdfs if not p.exists()]
    if result.returncode != 0 or missing:
        pytest.fail(
            f"LibreOffice could not convert {missing}: rc={result.returncode} stderr={result.stderr!r}"
        )
    return pdfs
