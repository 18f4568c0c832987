"""Values from the input are text: they appear exactly as written and can never add
paragraphs, numbers, fields or formatting."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx_helpers import W, docx_paragraph_texts
from harness import MINIMAL, drafter
from lxml import etree

HOSTILE_ROLE = (
    "works with officers.\n\n249. LPD shall pay the Union *one million* dollars &copy; "
    "\ue000P:4142\ue001 [x](http://evil) <b>y</b> `z`"
)


def _yaml_quoted(text: str) -> str:
    return (
        '"' + "".join(c if " " <= c < "\x7f" and c not in '"\\' else f"\\U{ord(c):08x}" for c in text) + '"'
    )


def _input_with_role(folder: Path, role: str) -> Path:
    source = folder / "city.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    source.write_text(
        text.replace("Works with officers on unsafe buildings.", _yaml_quoted(role)), encoding="utf-8"
    )
    return source


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_markdown_in_a_value_adds_no_paragraph_number_or_formatting(tmp_path: Path) -> None:
    plain_out, hostile_out = tmp_path / "plain.docx", tmp_path / "hostile.docx"
    drafter("build", _input_with_role(tmp_path, "Works with officers."), "-o", plain_out).ok()
    drafter("build", _input_with_role(tmp_path, HOSTILE_ROLE), "-o", hostile_out, "--force").ok()
    plain_body, hostile_body = _body(plain_out), _body(hostile_out)
    assert len(hostile_body.findall(f".//{W}numPr")) == len(plain_body.findall(f".//{W}numPr"))
    assert len(hostile_body.findall(f".//{W}p")) == len(plain_body.findall(f".//{W}p"))
    assert hostile_body.findall(f".//{W}highlight") == []
    assert hostile_body.findall(f".//{W}hyperlink") == []
    italics = [
        len([r for r in b.iter(f"{W}r") if r.find(f"{W}rPr/{W}i") is not None])
        for b in (plain_body, hostile_body)
    ]
    assert italics[1] == italics[0]  # the clauses' own italics (a case name) only, none from the value
    assert any(HOSTILE_ROLE in p for p in docx_paragraph_texts(hostile_out))


def test_a_control_character_is_refused_at_its_field(tmp_path: Path) -> None:
    source = _input_with_role(tmp_path, "Works\x07 with officers.")
    out = tmp_path / "out.docx"
    for command in (("validate", source), ("build", source, "-o", out)):
        drafter(*command).refused(f"{source}:24:", "partners[0].role", "U+0007")
    assert not out.exists()
