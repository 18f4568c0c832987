# mypy: disable-error-code="union-attr"
"""The Word writer: what a lawyer opening the .docx (or the PDF) sees, and the XML that makes
it behave in Word: list numbering, live cross-references, clause controls, the TOC."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx_helpers import (
    DIRECTIVE_REF,
    NARRATIVE_REF,
    NS,
    W,
    body_paragraphs,
    directive,
    narrative,
    p_text,
    part,
)
from lxml import etree
from reference_styles import STYLE_NAMES
from soffice import convert_to_pdf, pdf_text

from drafter import model as m
from drafter.docx.fields import bookmark_name
from drafter.docx.write import render_docx, write_docx
from drafter.errors import LibraryError


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return render_docx(directive(), DIRECTIVE_REF)


def find_p(data: bytes, startswith: str) -> etree._Element:
    return next(p for p in body_paragraphs(data) if p_text(p).startswith(startswith))


def num_id(p: etree._Element) -> tuple[str, str]:
    ilvl = p.find("w:pPr/w:numPr/w:ilvl", NS).get(W + "val")
    return ilvl, p.find("w:pPr/w:numPr/w:numId", NS).get(W + "val")


def abstract_for(numbering: etree._Element, num: str) -> etree._Element:
    abstract_id = numbering.find(f"w:num[@w:numId='{num}']/w:abstractNumId", NS).get(W + "val")
    return numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']", NS)


def levels(abstract: etree._Element) -> list[tuple[str, str]]:
    return [
        (lvl.find("w:numFmt", NS).get(W + "val"), lvl.find("w:lvlText", NS).get(W + "val"))
        for lvl in abstract.findall("w:lvl", NS)
    ]


def test_python_docx_opens_output_with_styles_and_core_properties(rendered: bytes) -> None:
    document = docx.Document(io.BytesIO(rendered))
    assert document.core_properties.title == "Community Policing Directive"
    assert document.core_properties.keywords == "community policing, consent decree"
    assert document.core_properties.created.date().isoformat() == "2026-03-01"
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "Title", "Caption Court"} <= styles


def test_decree_paragraphs_use_word_list_numbering_starting_at_212(rendered: bytes) -> None:
    numbering = part(rendered, "word/numbering.xml")
    first = find_p(rendered, "Effective Date means")
    sub_a = find_p(rendered, "Partnership includes")
    sub_i = find_p(rendered, "joint problem")
    later = find_p(rendered, "Within 90 days")
    ilvl, decree = num_id(first)
    assert ilvl == "0" and num_id(sub_a) == ("1", decree) and num_id(sub_i) == ("2", decree)
    assert num_id(later) == ("0", decree)  # one list through the whole document
    assert levels(abstract_for(numbering, decree)) == [
        ("decimal", "%1."),
        ("lowerLetter", "(%2)"),
        ("lowerRoman", "(%3)"),
    ]
    override = numbering.find(f"w:num[@w:numId='{decree}']/w:lvlOverride[@w:ilvl='0']/w:startOverride", NS)
    assert override.get(W + "val") == "212"
    assert first.find("w:pPr/w:pStyle", NS).get(W + "val") == "DecreeParagraph"
    assert sub_a.find("w:pPr/w:pStyle", NS).get(W + "val") == "DecreeSubparagraph"
    # never typed digits
    assert not re.match(r"\s*\(?\d|\s*\([a-z]+\)", p_text(first) + p_text(sub_a))


def test_headings_roman_and_letters_in_numbering_and_navigation_styles(rendered: bytes) -> None:
    numbering = part(rendered, "word/numbering.xml")
    h1 = find_p(rendered, "Definitions")
    h2 = next(p for p in body_paragraphs(rendered) if p_text(p) == "Partners")
    assert h1.find("w:pPr/w:pStyle", NS).get(W + "val") == "Heading1"
    assert h2.find("w:pPr/w:pStyle", NS).get(W + "val") == "Heading2"
    ilvl, headings = num_id(h1)
    assert ilvl == "0" and num_id(h2) == ("1", headings)
    assert levels(abstract_for(numbering, headings))[:2] == [("upperRoman", "%1."), ("upperLetter", "%2.")]
    styles = part(rendered, "word/styles.xml")
    outline = styles.find("w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl", NS)
    assert outline.get(W + "val") == "0"


def test_ordered_lists_restart_per_list_id_and_bullets(rendered: bytes) -> None:
    numbering = part(rendered, "word/numbering.xml")
    _, one = num_id(find_p(rendered, "first step"))
    assert num_id(find_p(rendered, "second step"))[1] == one
    _, two = num_id(find_p(rendered, "restarted step"))
    assert one != two
    for num in (one, two):
        start = numbering.find(f"w:num[@w:numId='{num}']/w:lvlOverride[@w:ilvl='0']/w:startOverride", NS)
        assert start.get(W + "val") == "1"
    assert levels(abstract_for(numbering, one))[0] == ("decimal", "%1.")
    _, bullets = num_id(find_p(rendered, "language access"))
    assert levels(abstract_for(numbering, bullets))[0][0] == "bullet"


def test_cross_reference_is_a_ref_field_with_cached_number_and_bookmark(rendered: bytes) -> None:
    root = part(rendered, "word/document.xml")
    name = bookmark_name("definitions.effective-date")
    assert re.fullmatch(r"_Ref\d{10}", name)
    instr = [t.text.strip() for t in root.iter(W + "instrText") if "REF" in t.text]
    assert instr == [f"REF {name} \\r \\h"]
    p = find_p(rendered, "Within 90 days")
    runs = list(p.iter(W + "r"))
    kinds = [
        r.find("w:fldChar", NS).get(W + "fldCharType")
        if r.find("w:fldChar", NS) is not None
        else ("instr" if r.find("w:instrText", NS) is not None else p_text(r))
        for r in runs
    ]
    sep = kinds.index("separate")
    assert kinds[sep + 1] == "212" and kinds[sep + 2] == "end"
    starts = root.findall(f".//w:bookmarkStart[@w:name='{name}']", NS)
    assert len(starts) == 1
    target = starts[0].getparent()
    assert p_text(target).startswith("Effective Date means")
    ident = starts[0].get(W + "id")
    assert target.find(f"w:bookmarkEnd[@w:id='{ident}']", NS) is not None


def test_clauses_are_tagged_content_controls_without_alias_and_digests_recorded(rendered: bytes) -> None:
    root = part(rendered, "word/document.xml")
    sdts = root.findall(".//w:sdt", NS)
    tags = [s.find("w:sdtPr/w:tag", NS).get(W + "val") for s in sdts]
    assert tags == ["clause:definitions.effective-date@2", "clause:partnership.immigrant-communities@3"]
    assert root.find(".//w:alias", NS) is None
    ids = [s.find("w:sdtPr/w:id", NS).get(W + "val") for s in sdts]
    assert len(set(ids)) == 2
    assert p_text(sdts[0].find("w:sdtContent/w:p", NS)).startswith("Effective Date")
    settings = part(rendered, "word/settings.xml")
    doc_vars = {v.get(W + "name"): v.get(W + "val") for v in settings.iterfind("w:docVars/w:docVar", NS)}
    clause = directive().body[6]
    assert isinstance(clause, m.ClauseBlock)
    assert doc_vars == {
        "drafter:definitions.effective-date": "2:0123456789abcdef",
        "drafter:partnership.immigrant-communities": f"3:{m.clause_digest(clause.blocks)}",
    }
    names = [etree.QName(c).localname for c in settings]
    assert names.index("updateFields") < names.index("compat") < names.index("docVars")
    assert settings.find("w:updateFields", NS).get(W + "val") == "true"


def test_legal_review_clause_gets_a_dated_comment_on_its_first_paragraph(rendered: bytes) -> None:
    document = docx.Document(io.BytesIO(rendered))
    comments = list(document.comments)
    assert len(comments) == 1
    comment = comments[0]
    assert comment.author == "drafter"
    assert comment.text == (
        "Legal review required: this clause concerns immigration; have counsel review it before filing."
    )
    assert comment.timestamp.date().isoformat() == "2026-03-01"
    p = find_p(rendered, "Within 90 days")
    assert p.find("w:commentRangeStart", NS).get(W + "id") == str(comment.comment_id)
    assert p.find(".//w:commentReference", NS) is not None


def test_toc_field_caches_every_heading_with_its_number(rendered: bytes) -> None:
    root = part(rendered, "word/document.xml")
    instr = [t.text.strip() for t in root.iter(W + "instrText") if "TOC" in t.text]
    assert instr == ['TOC \\o "1-2" \\h \\z \\u']
    entries = [
        (p.find("w:pPr/w:pStyle", NS).get(W + "val"), p_text(p))
        for p in body_paragraphs(rendered)
        if p.find("w:pPr/w:pStyle", NS) is not None
        and p.find("w:pPr/w:pStyle", NS).get(W + "val").startswith("TOC")
    ]
    assert entries == [
        ("TOCHeading", "Contents"),
        ("TOC1", "I. Definitions"),
        ("TOC1", "II. Community Partnerships"),
        ("TOC2", "A. Partners"),
    ]


def test_header_text_and_page_x_of_y_footer(rendered: bytes) -> None:
    document = docx.Document(io.BytesIO(rendered))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "United States v. City of Springfield"
    footer_p = section.footer.paragraphs[0]
    instr = [t.text.strip() for t in footer_p._p.iter(W + "instrText")]
    assert instr == ["PAGE", "NUMPAGES"]
    assert footer_p.text == "Page 1 of 1"
    assert footer_p._p.find("w:pPr/w:jc", NS).get(W + "val") == "center"


def test_inline_formatting_highlight_bold_italic_and_terms(rendered: bytes) -> None:
    p = find_p(rendered, "Within 90 days")
    by_text = {p_text(r): r for r in p.iter(W + "r") if p_text(r)}
    assert by_text["[date of the first meeting]"].find("w:rPr/w:highlight", NS).get(W + "val") == "yellow"
    assert by_text["report"].find("w:rPr/w:b", NS) is not None
    assert by_text["publicly"].find("w:rPr/w:i", NS) is not None
    assert by_text["Community Partners"].find("w:rPr", NS) is None


def test_table_uses_reference_style_and_repeats_header_row(rendered: bytes) -> None:
    document = docx.Document(io.BytesIO(rendered))
    data_table = document.tables[-1]
    assert data_table.style.name == "Table Grid"
    assert data_table.rows[0]._tr.find("w:trPr/w:tblHeader", NS) is not None
    assert data_table.cell(1, 0).text == "Complaints resolved"


def test_caption_and_signature_block_read_like_a_court_filing(rendered: bytes) -> None:
    document = docx.Document(io.BytesIO(rendered))
    caption = document.tables[0]
    assert "UNITED STATES OF AMERICA," in caption.cell(0, 0).text
    assert "Defendant." in caption.cell(0, 0).text
    assert caption.cell(0, 1).text == "Case No. 1:15-cv-01046"
    title = find_p(rendered, "Community Policing Directive")
    assert title.find("w:pPr/w:pStyle", NS).get(W + "val") == "Title"
    date_lines = [p for p in body_paragraphs(rendered) if p_text(p).startswith("Date:")]
    assert len(date_lines) == 2
    for p in date_lines:
        assert p.find("w:pPr/w:tabs/w:tab", NS).get(W + "leader") == "underscore"
        assert "_" not in p_text(p)  # a rule, not a blank for review to flag


def test_narrative_headings_unnumbered_and_language_set() -> None:
    data = render_docx(narrative(), NARRATIVE_REF)
    heading = find_p(data, "Problem Statement")
    assert heading.find("w:pPr/w:numPr", NS) is None
    assert find_p(data, "call data").find("w:pPr/w:numPr", NS) is not None
    styles = part(data, "word/styles.xml")
    assert styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).get(W + "val") == "en-GB"
    spacing = styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:spacing", NS)
    assert spacing.get(W + "line") == "480"  # double spacing, as solicitations ask
    assert docx.Document(io.BytesIO(data)).core_properties.language == "en-GB"


@pytest.mark.parametrize("reference", [DIRECTIVE_REF, NARRATIVE_REF])
def test_reference_documents_define_every_style_the_writer_uses(reference: Path) -> None:
    document = docx.Document(str(reference))
    names = {s.name.lower() for s in document.styles}
    assert {n.lower() for n in STYLE_NAMES} <= names
    section = document.sections[0]
    assert (section.page_width.inches, section.page_height.inches) == (8.5, 11)
    assert section.left_margin.inches == section.right_margin.inches == 1


def test_missing_style_is_a_library_error_naming_file_and_style(tmp_path: Path) -> None:
    broken = tmp_path / "reference.docx"
    with zipfile.ZipFile(DIRECTIVE_REF) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            blob = src.read(item.filename)
            if item.filename == "word/styles.xml":
                root = etree.fromstring(blob)
                root.remove(root.find("w:style[@w:styleId='DecreeParagraph']", NS))
                blob = etree.tostring(root)
            dst.writestr(item, blob)
    with pytest.raises(LibraryError, match=r"reference\.docx.*'Decree Paragraph'"):
        render_docx(directive(), broken)


def test_missing_reference_is_a_library_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="nope.docx"):
        render_docx(directive(), tmp_path / "nope.docx")
    (tmp_path / "bad.docx").write_text("not a zip")
    with pytest.raises(LibraryError, match="bad.docx"):
        render_docx(directive(), tmp_path / "bad.docx")


def test_libreoffice_pdf_shows_numbers_refs_and_toc(tmp_path: Path) -> None:
    out = tmp_path / "directive.docx"
    write_docx(directive(), out, DIRECTIVE_REF)
    text = pdf_text(convert_to_pdf(out, tmp_path / "pdf"))
    flat = re.sub(r"\s+", " ", text)
    positions = [
        flat.index(s)
        for s in (
            "212. Effective Date",
            "213. Community Partner",
            "(a) Partnership",
            "(i) joint",
            "(b) shared",
            "214. Within 90 days",
        )
    ]
    assert positions == sorted(positions)
    assert "as defined in paragraph 212, the City" in flat
    toc = flat.index("CONTENTS")
    assert (
        toc
        < flat.index("I. Definitions")
        < flat.index("II. Community Partnerships")
        < flat.index("A. Partners")
    )
    assert "Case No. 1:15-cv-01046" in flat and "Page 1 of 2" in flat
    assert "REF " not in flat  # a field code must never show


def test_libreoffice_converts_narrative(tmp_path: Path) -> None:
    out = tmp_path / "narrative.docx"
    write_docx(narrative(), out, NARRATIVE_REF)
    flat = re.sub(r"\s+", " ", pdf_text(convert_to_pdf(out, tmp_path / "pdf")))
    assert "Problem Statement" in flat and "1. call data" in flat


def test_missing_libreoffice_fails_when_required(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """CI sets DRAFTER_REQUIRE_SOFFICE=1 so a machine without LibreOffice cannot pass by skipping."""
    import shutil

    import soffice

    monkeypatch.setattr(shutil, "which", lambda tool: None)
    monkeypatch.setenv("DRAFTER_REQUIRE_SOFFICE", "1")
    with pytest.raises(pytest.fail.Exception, match="soffice is not installed"):
        soffice.convert_to_pdf(tmp_path / "x.docx", tmp_path)
    monkeypatch.delenv("DRAFTER_REQUIRE_SOFFICE")
    with pytest.raises(pytest.skip.Exception):
        soffice.convert_to_pdf(tmp_path / "x.docx", tmp_path)
