"""Builders for review tests: model documents from strings, and real .docx files made with
python-docx plus the XML drafter's writer uses (list numbering, clause content controls,
bookmarks, REF fields, docVars), so reader and review are tested on what Word files contain."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from drafter import model as m
from drafter.docx.namespaces import W_NS

NSDECL = f'xmlns:w="{W_NS}"'


# --------------------------------------------------------------------------- model documents


def para(text: str, **kwargs: object) -> m.Paragraph:
    return m.Paragraph((m.Run(text),), **kwargs)  # type: ignore[arg-type]


def heading(text: str, level: int = 1, number: str | None = None) -> m.Heading:
    return m.Heading((m.Run(text),), level=level, number=number)


def doc(*blocks: m.Block, kind: str = "directive") -> m.Document:
    return m.Document(m.Meta(kind=kind, title="t"), tuple(blocks))


def decree(*texts: str, start: int = 212) -> m.Document:
    """Decree paragraphs numbered from `start` under one heading."""
    body = [heading("Community Partnerships", number="IV")]
    body += [para(t, numbering="decree", number=str(start + i)) for i, t in enumerate(texts)]  # type: ignore[misc]
    return doc(*body)


# --------------------------------------------------------------------------- .docx files

DECREE_ABSTRACT = f"""
<w:abstractNum {NSDECL} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>"""
HEADING_ABSTRACT = f"""
<w:abstractNum {NSDECL} w:abstractNumId="91">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>"""


def add_numbering(
    document: docx.document.Document,
    num_id: int,
    abstract_xml: str,
    abstract_id: int,
    start: int | None = None,
) -> int:
    """Add an abstractNum (once) and a num pointing at it, with an optional startOverride."""
    numbering = document.part.numbering_part.element
    if not any(
        a.get(qn("w:abstractNumId")) == str(abstract_id) for a in numbering.findall(qn("w:abstractNum"))
    ):
        first_num = numbering.find(qn("w:num"))
        abstract = parse_xml(abstract_xml)
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        if start is not None
        else ""
    )
    numbering.append(
        parse_xml(
            f'<w:num {NSDECL} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
    )
    return num_id


def set_num(paragraph, num_id: int, ilvl: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {NSDECL}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def add_bookmark(paragraph, name: str, bid: int = 1) -> None:
    p = paragraph._p
    start = parse_xml(f'<w:bookmarkStart {NSDECL} w:id="{bid}" w:name="{name}"/>')
    end = parse_xml(f'<w:bookmarkEnd {NSDECL} w:id="{bid}"/>')
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def add_ref(paragraph, bookmark: str, cached: str) -> None:
    """A complex REF field to `bookmark` showing `cached`, as drafter's writer makes them."""
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> REF {bookmark} \\r \\h </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{cached}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {NSDECL}>", 1)))


def wrap_clause(document, paragraphs: list, clause_id: str, version: int, digest: str | None = None) -> None:
    """Move `paragraphs` into a block content control tagged clause:<id>@<version> and record
    the digest in settings.xml docVars (as the writer does)."""
    sdt = parse_xml(
        f'<w:sdt {NSDECL}><w:sdtPr><w:tag w:val="clause:{clause_id}@{version}"/></w:sdtPr><w:sdtContent/></w:sdt>'
    )
    first = paragraphs[0]._p
    first.addprevious(sdt)
    content = sdt.find(qn("w:sdtContent"))
    for p in paragraphs:
        content.append(p._p)
    if digest is not None:
        settings = document.settings.element
        doc_vars = settings.find(qn("w:docVars"))
        if doc_vars is None:
            doc_vars = parse_xml(f"<w:docVars {NSDECL}/>")
            settings.append(doc_vars)
        doc_vars.append(
            parse_xml(f'<w:docVar {NSDECL} w:name="drafter:{clause_id}" w:val="{version}:{digest}"/>')
        )


def highlight(paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run._r.get_or_add_rPr().append(parse_xml(f'<w:highlight {NSDECL} w:val="yellow"/>'))


def decree_docx(path: Path, texts: list[str], start: int = 212) -> Path:
    """A small decree .docx: a numbered heading, then `texts` as decree paragraphs from `start`."""
    document = docx.Document()
    add_numbering(document, 71, DECREE_ABSTRACT, 90, start=start)
    add_numbering(document, 72, HEADING_ABSTRACT, 91, start=4)
    h = document.add_paragraph("Community Partnerships", style="Heading 1")
    set_num(h, 72, 0)
    for text in texts:
        level = 1 if text.startswith("(sub) ") else 0
        p = document.add_paragraph(text.removeprefix("(sub) "))
        set_num(p, 71, level)
    document.save(str(path))
    return path
