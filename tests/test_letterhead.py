"""A city's own letterhead as --reference-doc: one made by python-docx's default template and one
made by LibreOffice, neither holding drafter's styles. The build borrows the missing styles
(one note naming them), keeps the letterhead's header and page set-up, and the output opens in
python-docx and converts with LibreOffice."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import ROOT
from docx.shared import Inches
from docx_helpers import W, read_part
from soffice import convert_to_docx, pdf_texts

from drafter.cli.main import main
from drafter.docx.reference import borrow_styles

LAKEPORT = ROOT / "examples" / "lakeport.yaml"
LETTERHEAD = "CITY OF BROOKFIELD, OFFICE OF THE CITY ATTORNEY"
ADDRESS = "100 Main Street, Brookfield"

FODT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles><style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" fo:margin-top="0.8in"
   fo:margin-bottom="0.9in" fo:margin-left="1.3in" fo:margin-right="1.1in"/>
  <style:header-style><style:header-footer-properties fo:min-height="0in"/></style:header-style>
 </style:page-layout></office:automatic-styles>
 <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p>{LETTERHEAD}</text:p></style:header>
 </style:master-page></office:master-styles>
 <office:body><office:text><text:p>Letter body.</text:p></office:text></office:body>
</office:document>
"""


def python_docx_letterhead(folder: Path) -> Path:
    """python-docx's default template: Word's built-in styles, none of drafter's own."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = LETTERHEAD
    section.footer.paragraphs[0].text = ADDRESS
    section.left_margin = Inches(1.25)
    document.add_paragraph("Letter body.")
    path = folder / "letterhead-word.docx"
    document.save(str(path))
    return path


def libreoffice_letterhead(folder: Path) -> Path:
    """LibreOffice's own styles ("Heading", "Header and Footer"), no numbering part, no footer,
    and its own spelling of the core-properties relationship."""
    source = folder / "letterhead-lo.fodt"
    source.write_text(FODT, encoding="utf-8")
    return convert_to_docx(source, folder)


def margins(path: Path) -> dict[str, str]:
    pg_mar = read_part(path, "word/document.xml").find(f"{W}body/{W}sectPr/{W}pgMar")
    assert pg_mar is not None
    return {k.removeprefix(W): v for k, v in pg_mar.attrib.items() if k.removeprefix(W) in ("left", "right")}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, str]]:
    folder = tmp_path_factory.mktemp("letterheads")
    out: dict[str, tuple[Path, Path, str]] = {}
    for name, letterhead in (
        ("word", python_docx_letterhead(folder)),
        ("libreoffice", libreoffice_letterhead(folder)),
    ):
        target = folder / f"{name}.docx"
        result = CliRunner().invoke(
            main, ["build", str(LAKEPORT), "-o", str(target), "--reference-doc", str(letterhead)]
        )
        assert result.exit_code == 0, result.output
        out[name] = (letterhead, target, result.output)
    return out


@pytest.mark.parametrize("name", ["word", "libreoffice"])
def test_one_note_names_the_borrowed_styles_and_they_are_in_the_output(built: dict, name: str) -> None:
    letterhead, target, output = built[name]
    notes = [line for line in output.splitlines() if line.startswith("note:")]
    assert len(notes) == 1, output
    assert notes[0].startswith(f"note: {letterhead} lacks ")
    assert "drafter's templates/directive/reference.docx" in notes[0]
    borrowed = notes[0].split(": ", 2)[2].split(", ")
    assert {"Decree Paragraph", "Caption Court", "Signature Block"} <= set(borrowed)
    names = {
        s.find(W + "name").get(W + "val") for s in read_part(target, "word/styles.xml").iter(W + "style")
    }
    assert set(borrowed) <= names
    assert len(names) == len(set(names))  # nothing borrowed twice or beside a namesake


@pytest.mark.parametrize("name", ["word", "libreoffice"])
def test_every_style_a_paragraph_or_table_uses_exists(built: dict, name: str) -> None:
    _, target, _ = built[name]
    ids = {s.get(W + "styleId") for s in read_part(target, "word/styles.xml").iter(W + "style")}
    with zipfile.ZipFile(target) as z:
        story_parts = [
            n for n in z.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*|comments)\.xml", n)
        ]
    used = set()
    for story in story_parts:
        root = read_part(target, story)
        used |= {e.get(W + "val") for e in root.iter(W + "pStyle", W + "tblStyle", W + "rStyle")}
    assert used and used <= ids, used - ids
    styles = read_part(target, "word/styles.xml")
    for link in styles.iter(W + "basedOn", W + "next", W + "link"):
        assert link.get(W + "val") in ids  # every borrowed chain resolves in the output
    document = docx.Document(str(target))  # python-docx opens it and resolves each style
    assert any(p.style is not None and p.style.name == "Decree Paragraph" for p in document.paragraphs)


@pytest.mark.parametrize("name", ["word", "libreoffice"])
def test_letterhead_header_and_page_setup_are_kept(built: dict, name: str) -> None:
    letterhead, target, _ = built[name]
    document = docx.Document(str(target))
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[0] == LETTERHEAD
    assert header[-1].startswith("United States v. City of Lakeport")  # drafter's line follows
    assert margins(target) == margins(letterhead)
    footer = [p.text for p in document.sections[0].footer.paragraphs]
    assert footer[-1].startswith("Page ")  # drafter's page line, under the letterhead's own lines
    assert footer[:-1] == ([ADDRESS] if name == "word" else [])


def test_outputs_convert_with_libreoffice(built: dict, tmp_path: Path) -> None:
    targets = [built[name][1] for name in ("word", "libreoffice")]
    for text in pdf_texts(targets, tmp_path):
        assert LETTERHEAD in text
        assert "IT IS SO ORDERED" in text


def test_a_letterhead_build_is_deterministic(built: dict, tmp_path: Path) -> None:
    letterhead, target, _ = built["libreoffice"]
    again = tmp_path / "again.docx"
    result = CliRunner().invoke(
        main, ["build", str(LAKEPORT), "-o", str(again), "--reference-doc", str(letterhead)]
    )
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == target.read_bytes()


def test_a_borrowed_numbered_style_brings_its_list_definition(built: dict) -> None:
    """python-docx's default "List Number" style is numbered through numbering.xml; borrowed
    into a LibreOffice letterhead (which has no numbering part), its list comes along."""
    letterhead, _, _ = built["libreoffice"]
    target = docx.Document(str(letterhead))
    borrowed = borrow_styles(target, docx.Document())
    assert "List Number" in borrowed and "Title" in borrowed
    style = next(s for s in target.styles.element.iter(W + "style") if s.get(W + "styleId") == "ListNumber")
    num_id = style.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val")
    numbering = target.part.numbering_part.element
    num = next(n for n in numbering.iter(W + "num") if n.get(W + "numId") == num_id)
    abstract_id = num.find(W + "abstractNumId").get(W + "val")
    assert any(a.get(W + "abstractNumId") == abstract_id for a in numbering.iter(W + "abstractNum"))
    based_on = style.find(W + "basedOn").get(W + "val")
    assert based_on in {s.get(W + "styleId") for s in target.styles.element.iter(W + "style")}
