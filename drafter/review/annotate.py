"""Write a copy of a reviewed .docx with each finding as a Word comment on its paragraph.

python-docx (≥ 1.2) adds comments (`Document.add_comment`), but its `Document.paragraphs` skips
paragraphs inside content controls, where every drafter clause lives; so paragraphs are found by
index in the same body walk the reader uses (`iter_paragraph_elements`). Findings about the whole
document go on the first paragraph that has text. Output is deterministic (findings in report
order, fixed author and initials, no dates) and saved atomically: a temporary file beside the
target, then a rename. The input is never overwritten unless `overwrite=True` names it as out.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from drafter.docx.read import iter_paragraph_elements
from drafter.docx.read_package import clean_package
from drafter.errors import DocxReadError
from drafter.review.report import Report
from drafter.safe_write import check_target, write_atomic

AUTHOR = "drafter review"
INITIALS = "DR"


def comment_text(finding) -> str:
    return f"[{finding.severity}] {finding.message} Fix: {finding.fix} ({finding.check})"


def annotate(src: Path, report: Report, out: Path, force: bool = False) -> None:
    """Save `src` with the report's findings as comments to `out` (an existing `out` is
    replaced only with `force`; `src` itself never). The source is opened through the safe
    reader and re-serialised (drafter.docx.read_package.clean_package), so no DOCTYPE or
    malformed part is copied into the annotated file."""
    src, out = Path(src), Path(out)
    check_target(out, force=force, inputs=[src])
    try:
        document = docx.Document(io.BytesIO(clean_package(src, purpose="the source of --annotate")))
    except DocxReadError:
        raise
    except (KeyError, ValueError, AttributeError, zipfile.BadZipFile) as exc:
        raise DocxReadError(f"python-docx cannot open it for annotating: {exc}") from None
    body = document.element.body
    elements = list(iter_paragraph_elements(body))
    fallback = next((e for e in elements if "".join(e.itertext()).strip()), elements[0] if elements else None)
    for finding in report.findings:
        idx = finding.location.index
        element = elements[idx] if idx is not None and 0 <= idx < len(elements) else fallback
        if element is None:
            element = body.add_p() if hasattr(body, "add_p") else None
            if element is None:
                continue
            elements.append(element)
            fallback = element
        paragraph = DocxParagraph(element, document._body)
        runs = paragraph.runs
        if not runs:  # a comment needs a run to anchor on; an empty one will do
            runs = [paragraph.add_run("")]
        document.add_comment(runs, text=comment_text(finding), author=AUTHOR, initials=INITIALS)
    _strip_dates(document)
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(out, _fixed_zip(buffer.getvalue()), force=force, inputs=[src])


def _fixed_zip(data: bytes) -> bytes:
    """Re-zip with a fixed timestamp per entry: python-docx stamps entries with the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def _strip_dates(document) -> None:
    """Comments carry w:date by default in some producers; drop it so output is reproducible."""
    part = document.part._comments_part if hasattr(document.part, "_comments_part") else None
    if part is None:
        return
    for el in part.element.iter(qn("w:comment")):
        el.attrib.pop(qn("w:date"), None)
