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


def need(tool: str) -> str:
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


def soffice_convert(
    sources: list[Path], to: str, outdir: Path, *, infilter: str | None = None, timeout: int = 180
) -> list[Path]:
    """Convert `sources` with one LibreOffice start (a start costs seconds; a page, little) to
    the `to` filter ("pdf", "docx:MS Word 2007 XML"); the outputs' paths, or the test fails."""
    soffice = need("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={_profile().as_uri()}",
            "--headless",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    extension = to.split(":")[0]
    outputs = [outdir / f"{Path(source).stem}.{extension}" for source in sources]
    missing = [out for out in outputs if not out.exists()]
    if result.returncode != 0 or missing:
        pytest.fail(
            f"LibreOffice could not convert {[str(s) for s in sources]} (missing {missing}): "
            f"rc={result.returncode} stdout={result.stdout!r} stderr={result.stderr!r}"
        )
    return outputs


def convert_to_pdf(docx_path: Path, outdir: Path) -> Path:
    """Convert with LibreOffice headless; returns the PDF's path or fails the test."""
    return soffice_convert([docx_path], "pdf", outdir)[0]


def convert_many_to_pdf(docx_paths: list[Path], outdir: Path) -> list[Path]:
    """Convert several documents in one LibreOffice start."""
    return soffice_convert(docx_paths, "pdf", outdir, timeout=600)


def convert_to_docx(source: Path, outdir: Path, infilter: str | None = None) -> Path:
    """Convert a file LibreOffice can open (plain text, say) to .docx: a document drafter did
    not write, with whatever typed numbers the text has."""
    return soffice_convert([source], "docx:MS Word 2007 XML", outdir, infilter=infilter)[0]


def pdf_text(pdf: Path) -> str:
    """The PDF's text with layout kept (`pdftotext -layout`)."""
    pdftotext = need("pdftotext")
    result = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout


def pdf_texts(docx_paths: list[Path], outdir: Path) -> list[str]:
    """Each document's PDF text (`pdf_text`), all converted in one LibreOffice start."""
    return [pdf_text(pdf) for pdf in convert_many_to_pdf(docx_paths, outdir)]
