"""Write examples/lakeport-decree.docx: a FICTIONAL consent decree to try `drafter inspect`,
`build --decree` and `insert` on.

The City of Lakeport, its police department, the case and every word of the text are invented
for drafter; any likeness to a real decree is accidental. The document is made the way a Word
user would make it (python-docx, not drafter's writer): a caption table, Heading 1 sections
typed "I. INTRODUCTION", paragraphs numbered by Word list numbering ("%1." and "(%2)"), typed
references between paragraphs, one REF field to a bookmarked paragraph, a header and a footer
with a page number. Run it from the repository root; the output is byte-identical every time:

    .venv/bin/python scripts/make_example_decree.py [OUT.docx]
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from drafter.docx.package import atomic_write, save_deterministic

# (section heading, [paragraphs]); a paragraph is text, or (text, [sub-items]) for (a), (b) lists.
# "{ref:NAME}" marks a REF field to the paragraph bookmarked NAME; "[bm:NAME]" bookmarks one.
DECREE: list[tuple[str, list]] = [
    (
        "I. INTRODUCTION",
        [
            "The United States and the City of Lakeport (together, the \u201cParties\u201d) enter into this "
            "Agreement to ensure that the Lakeport Police Department polices fairly, safely and within the "
            "Constitution, and that the people of Lakeport can trust it.",
            "This Agreement resolves the investigation the United States opened in 2016 into the practices of "
            "the Lakeport Police Department. Nothing in it is an admission of liability by the City.",
            "The Parties agree that the Court has jurisdiction over this action and may enforce this "
            "Agreement until it ends under paragraph 33.",
        ],
    ),
    (
        "II. DEFINITIONS",
        [
            "\u201cAgreement\u201d means this Consent Decree, including any modification the Court approves.",
            "\u201cCity\u201d means the City of Lakeport, including its agents, officers and employees.",
            "\u201cLPD\u201d means the Lakeport Police Department and its divisions, units and officers.",
            "\u201cEffective Date\u201d means the date the Court enters this Agreement.",
            "\u201cIndependent Monitor\u201d refers to the person or team the Court appoints under Section VII "
            "to assess and report on the City\u2019s compliance with this Agreement.",
            "\u201cOfficer\u201d means any sworn member of LPD, of any rank.",
            "\u201cUse of force\u201d means any physical coercion used to make a person comply, beyond "
            "unresisted handcuffing.",
        ],
    ),
    (
        "III. USE OF FORCE",
        [
            "LPD shall revise its use-of-force policies within 180 days of the Effective Date to require "
            "that officers use force only when it is necessary and proportional to the threat.",
            (
                "Each use-of-force policy shall:",
                [
                    "require officers to de-escalate whenever it is safe to do so;",
                    "require officers to intervene when another officer uses excessive force; and",
                    "require a supervisor to review every use of force the same shift.",
                ],
            ),
            "Officers shall report every use of force in writing before the end of "
            "their shift. Supervisors shall review each report under paragraph 12 within seven days.",
            "[bm:force_reporting]LPD shall track force reports in a database that lets supervisors see patterns by officer, "
            "unit and district.",
            "The Independent Monitor shall review LPD\u2019s force reports and the reviews required by "
            "paragraphs 12 through 14 at least twice a year.",
        ],
    ),
    (
        "IV. CRISIS INTERVENTION",
        [
            "Within 240 days of the Effective Date, LPD shall offer crisis intervention training to every "
            "patrol officer, and shall keep a team of specially trained officers available on every shift.",
            "Dispatchers shall send a crisis-trained officer to any call that involves a person in mental "
            "health crisis, unless none is available within fifteen minutes.",
            "The City shall report each year on how many crisis calls were answered by crisis-trained "
            "officers, using the data kept under paragraph {ref:force_reporting}.",
        ],
    ),
    (
        "V. STOPS, SEARCHES AND ARRESTS",
        [
            "Officers shall stop, search and arrest people only on the grounds the Constitution allows, "
            "and shall record the reason for every stop.",
            "LPD shall analyze stop data every year for disparities by race, ethnicity and district, and "
            "shall publish what it finds.",
            "Supervisors shall review stop records under paragraphs 19 and 20 and correct officers whose "
            "records show stops without lawful grounds.",
        ],
    ),
    (
        "VI. TRAINING AND SUPERVISION",
        [
            "LPD shall train every officer on the requirements of Sections III through V within one year "
            "of the Effective Date, and every year after that.",
            "Each first-line supervisor shall supervise no more than ten officers on a shift.",
            "LPD shall consider an officer\u2019s record under this Agreement when deciding on promotions.",
        ],
    ),
    (
        "VII. INDEPENDENT MONITOR",
        [
            "The Court shall appoint an Independent Monitor, chosen jointly by the Parties, within 60 days of "
            "the Effective Date.",
            "The Independent Monitor shall assess the City\u2019s compliance with this Agreement and shall file "
            "a public report with the Court every six months.",
            "The Independent Monitor shall have access to LPD\u2019s records, facilities and personnel as the "
            "assessments under paragraphs 25 and 26 require.",
            "The Parties may agree in writing to extend any deadline in this Agreement. The Independent "
            "Monitor may recommend, but not grant, an extension.",
        ],
    ),
    (
        "VIII. ENFORCEMENT AND TERMINATION",
        [
            "The United States may ask the Court to enforce any provision of this Agreement, after giving "
            "the City written notice and 30 days to cure.",
            "Nothing in this Agreement overrides a collective bargaining agreement except as the law allows; "
            "the City shall bargain in good faith over any change this Agreement requires.",
            "If any provision of this Agreement is held invalid, the rest of the Agreement remains in force.",
            "The City may move to end this Agreement once it has been in full compliance for two consecutive "
            "years, as the Independent Monitor finds under Section VII.",
            "This Agreement ends when the Court grants a motion under paragraph 32, or six years after the "
            "Effective Date, whichever is later.",
        ],
    ),
]


def _numbering(document: docx.document.Document) -> str:
    """Add a decree list (\"%1.\" / \"(%2)\") to numbering.xml; return its numId."""
    numbering = document.part.numbering_part.element
    abstract = etree.SubElement(numbering, qn("w:abstractNum"), {qn("w:abstractNumId"): "90"})
    etree.SubElement(abstract, qn("w:multiLevelType"), {qn("w:val"): "multilevel"})
    for ilvl, fmt, text, indent in ((0, "decimal", "%1.", 0), (1, "lowerLetter", "(%2)", 720)):
        lvl = etree.SubElement(abstract, qn("w:lvl"), {qn("w:ilvl"): str(ilvl)})
        etree.SubElement(lvl, qn("w:start"), {qn("w:val"): "1"})
        etree.SubElement(lvl, qn("w:numFmt"), {qn("w:val"): fmt})
        etree.SubElement(lvl, qn("w:lvlText"), {qn("w:val"): text})
        etree.SubElement(lvl, qn("w:lvlJc"), {qn("w:val"): "left"})
        ppr = etree.SubElement(lvl, qn("w:pPr"))
        etree.SubElement(ppr, qn("w:ind"), {qn("w:left"): str(indent + 720), qn("w:hanging"): "720"})
    # abstractNum elements must precede num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    num = etree.SubElement(numbering, qn("w:num"), {qn("w:numId"): "90"})
    etree.SubElement(num, qn("w:abstractNumId"), {qn("w:val"): "90"})
    return "90"


def _number(paragraph: docx.text.paragraph.Paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = etree.SubElement(ppr, qn("w:numPr"))
    etree.SubElement(numpr, qn("w:ilvl"), {qn("w:val"): str(level)})
    etree.SubElement(numpr, qn("w:numId"), {qn("w:val"): num_id})


def _ref_field(paragraph: docx.text.paragraph.Paragraph, bookmark: str, result: str) -> None:
    for kind, text in (
        ("begin", None),
        ("instr", f" REF {bookmark} \\r \\h "),
        ("separate", None),
        ("result", result),
        ("end", None),
    ):
        r = paragraph.add_run()._r
        if kind == "instr":
            el = etree.SubElement(
                r, qn("w:instrText"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}
            )
            el.text = text
        elif kind == "result":
            el = etree.SubElement(r, qn("w:t"))
            el.text = text
        else:
            etree.SubElement(r, qn("w:fldChar"), {qn("w:fldCharType"): kind})


def _text(paragraph: docx.text.paragraph.Paragraph, text: str, numbers: dict[str, int]) -> None:
    """Add text with {ref:NAME} fields and a leading [bm:NAME] bookmark."""
    if text.startswith("[bm:"):
        name, text = text[4:].split("]", 1)
        start = etree.SubElement(paragraph._p, qn("w:bookmarkStart"), {qn("w:id"): "1", qn("w:name"): name})
        paragraph._p.append(start)
        paragraph.add_run(text)
        etree.SubElement(paragraph._p, qn("w:bookmarkEnd"), {qn("w:id"): "1"})
        return
    while "{ref:" in text:
        before, rest = text.split("{ref:", 1)
        name, text = rest.split("}", 1)
        paragraph.add_run(before)
        _ref_field(paragraph, name, str(numbers[name]))
    paragraph.add_run(text)


def _bookmarked_numbers() -> dict[str, int]:
    numbers, n = {}, 0
    for _heading, paras in DECREE:
        for item in paras:
            n += 1
            text = item if isinstance(item, str) else item[0]
            if text.startswith("[bm:"):
                numbers[text[4:].split("]", 1)[0]] = n
    return numbers


def build() -> bytes:
    document = docx.Document()
    document.core_properties.title = "Consent Decree: United States v. City of Lakeport"
    document.core_properties.author = "drafter example"
    stamp = _dt.datetime(2017, 9, 12, tzinfo=_dt.timezone.utc)
    document.core_properties.created = document.core_properties.modified = stamp
    document.core_properties.last_modified_by = "drafter example"
    document.core_properties.revision = 1
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    section = document.sections[0]
    section.header.paragraphs[
        0
    ].text = "United States v. City of Lakeport, No. 1:17-cv-06214 \u2014 Consent Decree"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _page_field(footer)

    for line in (
        "UNITED STATES DISTRICT COURT",
        "FOR THE NORTHERN DISTRICT OF ILLINOIS",
        "EASTERN DIVISION",
    ):
        p = document.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "UNITED STATES OF AMERICA,\n\nPlaintiff,\n\nv.\n\nCITY OF LAKEPORT,\n\nDefendant."
    table.cell(0, 1).text = "Case No. 1:17-cv-06214\n\nJudge Miriam T. Okafor"
    title = document.add_paragraph("CONSENT DECREE")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].bold = True

    num_id = _numbering(document)
    numbers = _bookmarked_numbers()
    for heading, paras in DECREE:
        document.add_heading(heading, level=1)
        for item in paras:
            text, subs = (item, []) if isinstance(item, str) else item
            p = document.add_paragraph()
            _number(p, num_id, 0)
            _text(p, text, numbers)
            for sub in subs:
                sp = document.add_paragraph(sub)
                _number(sp, num_id, 1)
    document.add_paragraph("IT IS SO ORDERED.")
    document.add_paragraph("Entered this 12th day of September, 2017.")
    document.add_paragraph("______________________________\nMiriam T. Okafor\nUnited States District Judge")
    return save_deterministic(document)


def _page_field(paragraph: docx.text.paragraph.Paragraph) -> None:
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("result", "1"),
        ("end", None),
    ):
        r = paragraph.add_run()._r
        if kind == "instr":
            etree.SubElement(r, qn("w:instrText")).text = text
        elif kind == "result":
            etree.SubElement(r, qn("w:t")).text = text
        else:
            etree.SubElement(r, qn("w:fldChar"), {qn("w:fldCharType"): kind})


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("examples/lakeport-decree.docx")
    atomic_write(out, build(), force=True)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
