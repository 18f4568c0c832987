"""Hand-built documents and XML helpers for the Word writer's tests (the composer is tested
elsewhere; these documents pin down exactly what the writer receives)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from conftest import ROOT
from lxml import etree

from drafter import model as m
from drafter.docx.namespaces import W_NS, W

DIRECTIVE_REF = ROOT / "templates" / "directive" / "reference.docx"
NARRATIVE_REF = ROOT / "templates" / "narrative" / "reference.docx"
NS = {"w": W_NS}


def para(text: str, **kwargs: object) -> m.Paragraph:
    return m.Paragraph((m.Run(text),), **kwargs)  # type: ignore[arg-type]


def directive() -> m.Document:
    """A small decree continuing at paragraph 212 with every block type the writer maps."""
    body: tuple[m.Block, ...] = (
        m.Caption(
            "United States District Court for the District of Columbia",
            "UNITED STATES OF AMERICA",
            "CITY OF SPRINGFIELD",
            "1:15-cv-01046",
            "Community Policing Directive",
        ),
        m.TableOfContents(),
        m.Heading((m.Run("Definitions"),), number="I"),
        m.ClauseBlock(
            "definitions.effective-date",
            2,
            (
                para(
                    "Effective Date means the date the Court enters this Agreement.",
                    numbering="decree",
                    number="212",
                    bookmark="definitions.effective-date",
                ),
                para(
                    "Community Partner means a group that shares responsibility for safety.",
                    numbering="decree",
                    number="213",
                ),
                para("Partnership includes the following:", numbering="decree", level=1, number="(a)"),
                para("joint problem solving", numbering="decree", level=2, number="(i)"),
                para("shared decisions", numbering="decree", level=1, number="(b)"),
            ),
            digest="0123456789abcdef",
        ),
        m.Heading((m.Run("Community Partnerships"),), number="II"),
        m.Heading((m.Run("Partners"),), level=2, number="A"),
        m.ClauseBlock(
            "partnership.immigrant-communities",
            3,
            (
                m.Paragraph(
                    (
                        m.Run("Within 90 days of the Effective Date, as defined in paragraph "),
                        m.CrossRef("definitions.effective-date", "212"),
                        m.Run(", the City shall meet "),
                        m.Term("Community Partners"),
                        m.Run(" on "),
                        m.Run("[date of the first meeting]", highlight=True),
                        m.Run(" and "),
                        m.Run("report", bold=True),
                        m.Run(" "),
                        m.Run("publicly", italic=True),
                        m.Run("."),
                    ),
                    numbering="decree",
                    number="214",
                    bookmark="partnership.immigrant-communities",
                ),
                para("language access", numbering="bullet"),
                para("first step", numbering="ordered", list_id=1),
                para("second step", numbering="ordered", list_id=1),
                para("restarted step", numbering="ordered", list_id=2),
            ),
            legal_review=True,
        ),
        m.Table(
            (
                (m.Cell((para("Measure"),)), m.Cell((para("Target"),))),
                (m.Cell((para("Complaints resolved"),)), m.Cell((para("90%"),))),
            )
        ),
        m.PageBreak(),
        m.SignatureBlock(
            (
                m.Signatory("FOR THE UNITED STATES:", "Jane Roe", "Trial Attorney"),
                m.Signatory("FOR THE CITY OF SPRINGFIELD:", "John Doe", "City Attorney"),
            )
        ),
    )
    meta = m.Meta(
        kind="directive",
        title="Community Policing Directive",
        date=dt.date(2026, 3, 1),
        header=(m.Run("United States v. City of Springfield", italic=True),),
        subject="Consent decree",
        keywords=("community policing", "consent decree"),
        start_paragraph=212,
    )
    return m.Document(meta, body)


def narrative() -> m.Document:
    meta = m.Meta(
        kind="narrative",
        title="COPS Hiring Narrative",
        date=dt.date(2026, 4, 2),
        language="en-GB",
        numbered_headings=False,
    )
    body: tuple[m.Block, ...] = (
        m.Heading((m.Run("Problem Statement"),)),
        para("Springfield faces rising calls for service."),
        para("call data", numbering="ordered", list_id=7),
        m.Heading((m.Run("Sources"),), level=2),
        para("crime analysis", numbering="bullet"),
    )
    return m.Document(meta, body)


def part(data: bytes, name: str) -> etree._Element:
    """One XML part of a rendered package."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def body_paragraphs(data: bytes) -> list[etree._Element]:
    """Every w:p under the body, including those in content controls and tables."""
    return part(data, "word/document.xml").findall(".//w:body//w:p", NS)


def p_text(p: etree._Element) -> str:
    """Visible text, ignoring field codes."""
    return "".join(t.text or "" for t in p.iter(W + "t"))


def read_part(path: Path, name: str = "word/document.xml") -> etree._Element:
    """One XML part of a .docx file."""
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def paragraph_texts(root: etree._Element) -> list[str]:
    """Every paragraph's visible text (tables and content controls included, which
    python-docx's `Document.paragraphs` skips), tabs and breaks kept, in order."""
    out = []
    for p in root.iter(W + "p"):
        parts = []
        for el in p.iter(W + "t", W + "tab", W + "br"):
            if el.tag == W + "t":
                parts.append(el.text or "")
            else:
                parts.append("\t" if el.tag == W + "tab" else "\n")
        out.append("".join(parts))
    return out


def docx_paragraph_texts(path: Path) -> list[str]:
    """`paragraph_texts` of a .docx file's body."""
    return paragraph_texts(read_part(path))
