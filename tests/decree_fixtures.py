"""Decree-like documents made three ways, for inspect/insert tests: drafter's own writer (Word
list numbering, REF fields), LibreOffice from plain text (typed numbers), and python-docx with
Word list numbering and decimal sub-numbers ("12.3"). All text is invented.

Each decree has the same shape: a caption, sections I–IV (II defines terms), a dozen paragraphs
with typed references between them (single, range, list, section), so one set of assertions
serves all three.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import docx
from click.testing import CliRunner
from conftest import ROOT
from docx.oxml.ns import qn
from lxml import etree
from soffice import convert_to_docx

from drafter import model as m
from drafter.cli.main import main
from drafter.docx.package import save_deterministic
from drafter.docx.write import render_docx
from drafter.numbering_scheme import roman

REFERENCE = ROOT / "templates" / "directive" / "reference.docx"

SECTIONS: list[tuple[str, list[str]]] = [
    (
        "INTRODUCTION",
        [
            "The United States and the City of Brookhaven (together, the \u201cParties\u201d) agree to this Decree.",
            "The Court keeps jurisdiction to enforce this Decree until it ends under paragraph 12.",
        ],
    ),
    (
        "DEFINITIONS",
        [
            "\u201cEffective Date\u201d means the date the Court enters this Decree.",
            "\u201cMonitor\u201d means the independent monitor appointed under Section IV.",
            "\u201cBPD\u201d means the Brookhaven Police Department.",
        ],
    ),
    (
        "USE OF FORCE",
        [
            "BPD shall revise its use-of-force policy within 180 days of the Effective Date.",
            "Supervisors shall review each force report under paragraph 6 within seven days.",
            "BPD shall train every officer on paragraphs 6 and 7 each year.",
            "The Monitor shall review the work required by paragraphs 6 through 8 twice a year.",
        ],
    ),
    (
        "MONITORING",
        [
            "The Court shall appoint the Monitor within 60 days of the Effective Date.",
            "The Monitor shall report on Sections III and IV every six months, citing \u00b6\u00b6 6, 9 and 10.",
            "This Decree ends five years after the Effective Date, unless paragraph 2 applies.",
        ],
    ),
]
"""Twelve paragraphs; references cite 2, 6–10 and 12 and Sections III–IV."""

CAPTION = ("UNITED STATES DISTRICT COURT FOR THE DISTRICT OF NORTHLAND", "Case No. 2:19-cv-00417")


def plain_text_paragraphs() -> list[str]:
    """All paragraph texts in order as the typed-number version prints them."""
    out: list[str] = []
    n = 0
    for i, (heading, paras) in enumerate(SECTIONS, start=1):
        out.append(f"{_roman(i)}. {heading}")
        for text in paras:
            n += 1
            out.append(f"{n}. {text}")
    return out


def _roman(n: int) -> str:
    return roman(n)


# ----------------------------------------------------------------------- drafter's writer


def drafter_decree(path: Path) -> Path:
    body: list[m.Block] = [
        m.Caption(
            CAPTION[0], "United States of America", "City of Brookhaven", "2:19-cv-00417", "Consent Decree"
        )
    ]
    n = 0
    for i, (heading, paras) in enumerate(SECTIONS, start=1):
        body.append(m.Heading((m.Run(heading),), level=1, number=_roman(i)))
        for text in paras:
            n += 1
            content: tuple[m.Inline, ...] = (m.Run(text),)
            if "paragraph 2 applies" in text:  # one live REF field, as drafter writes them
                before, after = text.split("paragraph 2 applies")
                content = (m.Run(before + "paragraph "), m.CrossRef("p2", "2"), m.Run(" applies" + after))
            body.append(m.Paragraph(content, numbering="decree", number=str(n), bookmark=f"p{n}"))
    meta = m.Meta(
        kind="directive",
        title="Consent Decree",
        date=datetime.date(2019, 6, 3),
        header=(m.Run("Brookhaven"),),
    )
    path.write_bytes(render_docx(m.Document(meta=meta, body=tuple(body)), REFERENCE))
    return path


# ----------------------------------------------------------------------- LibreOffice, typed numbers


def libreoffice_decree(path: Path) -> Path:
    """Plain text with typed numbers converted by LibreOffice headless (.txt → .docx)."""
    txt = path.with_suffix(".txt")
    lines = [
        CAPTION[0],
        "UNITED STATES OF AMERICA, Plaintiff,",
        "v.",
        "CITY OF BROOKHAVEN, Defendant.",
        CAPTION[1],
        "",
    ]
    lines += plain_text_paragraphs()
    txt.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    made = convert_to_docx(txt, path.parent, infilter="Text (encoded):UTF8,LF,,,")
    if made != path:
        made.replace(path)
    return path


# ----------------------------------------------------------------------- python-docx, list + decimals


def _decimal_numbering(document: docx.document.Document) -> str:
    numbering = document.part.numbering_part.element
    abstract = etree.Element(qn("w:abstractNum"), {qn("w:abstractNumId"): "77"})
    for ilvl, text in ((0, "%1."), (1, "%1.%2")):
        lvl = etree.SubElement(abstract, qn("w:lvl"), {qn("w:ilvl"): str(ilvl)})
        etree.SubElement(lvl, qn("w:start"), {qn("w:val"): "1"})
        etree.SubElement(lvl, qn("w:numFmt"), {qn("w:val"): "decimal"})
        etree.SubElement(lvl, qn("w:lvlText"), {qn("w:val"): text})
        ppr = etree.SubElement(lvl, qn("w:pPr"))
        etree.SubElement(ppr, qn("w:ind"), {qn("w:left"): str(720 * (ilvl + 1)), qn("w:hanging"): "720"})
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = etree.SubElement(numbering, qn("w:num"), {qn("w:numId"): "77"})
    etree.SubElement(num, qn("w:abstractNumId"), {qn("w:val"): "77"})
    return "77"


def python_docx_decree(path: Path) -> Path:
    """Word list numbering; paragraph 6 has decimal sub-paragraphs 6.1 and 6.2."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Brookhaven Consent Decree"
    document.add_paragraph(CAPTION[0])
    document.add_paragraph("UNITED STATES OF AMERICA, Plaintiff,")
    document.add_paragraph("v.")
    document.add_paragraph("CITY OF BROOKHAVEN, Defendant.")
    document.add_paragraph(CAPTION[1])
    num_id = _decimal_numbering(document)
    n = 0
    for i, (heading, paras) in enumerate(SECTIONS, start=1):
        document.add_heading(f"{_roman(i)}. {heading}", level=1)
        for text in paras:
            n += 1
            _numbered(document.add_paragraph(text), num_id, 0)
            if n == 6:
                _numbered(document.add_paragraph("The policy shall require de-escalation."), num_id, 1)
                _numbered(document.add_paragraph("The policy shall require a duty to intervene."), num_id, 1)
    path.write_bytes(save_deterministic(document))
    return path


MAKERS = {"drafter": drafter_decree, "libreoffice": libreoffice_decree, "python-docx": python_docx_decree}
"""The three ways a decree is made, by name: every decree test runs over all three."""


def _numbered(p: docx.text.paragraph.Paragraph, num_id: str, level: int) -> None:  # type: ignore[name-defined]
    numpr = etree.SubElement(p._p.get_or_add_pPr(), qn("w:numPr"))
    etree.SubElement(numpr, qn("w:ilvl"), {qn("w:val"): str(level)})
    etree.SubElement(numpr, qn("w:numId"), {qn("w:val"): num_id})


# ----------------------------------------------------------------------- a small directive

DIRECTIVE_PARAGRAPHS = [
    ("101", "BPD shall form partnerships with community groups to work on the root causes of crime."),
    ("102", "Each partnership shall:"),
    (
        "103",
        "BPD shall report on the partnerships under paragraphs 101 and 102 each year, and the Monitor "
        "appointed under paragraph 10 shall review the reports.",
    ),
    ("104", "The reports under paragraph 103 shall be public."),
]


def directive(path: Path) -> Path:
    """A directive numbered on its own (sections I–II, paragraphs 101–104): insert must renumber
    it, its internal references (typed and one REF field) and its reference to decree ¶ 10."""
    body: list[m.Block] = [m.Heading((m.Run("COMMUNITY PARTNERSHIPS"),), level=1, number="I")]
    for label, text in DIRECTIVE_PARAGRAPHS[:3]:
        body.append(m.Paragraph((m.Run(text),), numbering="decree", number=label, bookmark=f"d{label}"))
        if label == "102":
            for n, sub in enumerate(("name a shared problem;", "meet on a set schedule."), start=1):
                body.append(
                    m.Paragraph((m.Run(sub),), numbering="decree", level=1, number=f"({'ab'[n - 1]})")
                )
    body.append(m.Heading((m.Run("PUBLIC REPORTING"),), level=1, number="II"))
    body.append(
        m.Paragraph(
            (m.Run("The reports under paragraph "), m.CrossRef("d103", "103"), m.Run(" shall be public.")),
            numbering="decree",
            number="104",
            bookmark="d104",
        )
    )
    meta = m.Meta(
        kind="directive", title="Community Partnerships", date=datetime.date(2026, 3, 2), start_paragraph=101
    )
    path.write_bytes(render_docx(m.Document(meta=meta, body=tuple(body)), REFERENCE))
    return path


def insert(decree: Path, guest: Path, after: str, mode: str, out: Path) -> Path:
    """`drafter insert` as a user runs it (after decree paragraph `after`, numbering `mode`);
    the output's path, or the test fails with drafter's message."""
    args = [
        "insert",
        str(decree),
        str(guest),
        "--after-paragraph",
        after,
        "--numbering",
        mode,
        "-o",
        str(out),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return out
