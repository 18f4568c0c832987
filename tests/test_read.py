# mypy: disable-error-code="union-attr"
"""The reader: numbers as Word prints them, clause controls, REF fields, bookmarks, highlights,
tables, and clean refusals for files that are not (safe) .docx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from review_helpers import (
    DECREE_ABSTRACT,
    add_bookmark,
    add_numbering,
    add_ref,
    decree_docx,
    highlight,
    set_num,
    wrap_clause,
)

from drafter.docx.read import iter_paragraph_elements, read_docx
from drafter.errors import DocxReadError
from drafter.model import ClauseBlock, CrossRef, Heading, Paragraph, Run, Table, clause_digest, iter_blocks


def _paras(document):
    return [b for b in iter_blocks(document.body) if isinstance(b, (Paragraph, Heading))]


def test_decree_numbers_continue_from_start_override_with_sub_levels(tmp_path: Path) -> None:
    path = decree_docx(tmp_path / "d.docx", ["One.", "(sub) first", "(sub) second", "Two.", "(sub) again"])
    blocks = _paras(read_docx(path))
    assert isinstance(blocks[0], Heading) and blocks[0].number == "IV" and blocks[0].level == 1
    got = [(b.numbering, b.level, b.number) for b in blocks[1:]]
    assert got == [
        ("decree", 0, "212"),
        ("decree", 1, "(a)"),
        ("decree", 1, "(b)"),
        ("decree", 0, "213"),
        ("decree", 1, "(a)"),
    ]


def test_ordered_and_bullet_lists_restart_of_deeper_levels(tmp_path: Path) -> None:
    document = docx.Document()
    ordered = DECREE_ABSTRACT.replace('"(%2)"', '"%2."').replace('"(%3)"', '"%3)"').replace('"90"', '"95"')
    add_numbering(document, 80, ordered, 95)
    bullet = DECREE_ABSTRACT.replace('"decimal"', '"bullet"').replace('"%1."', '"•"').replace('"90"', '"96"')
    add_numbering(document, 81, bullet, 96)
    for text, level in (
        ("one", 0),
        ("a", 1),
        ("i", 2),
        ("ii", 2),
        ("b", 1),
        ("i again", 2),
        ("two", 0),
        ("a again", 1),
    ):
        set_num(document.add_paragraph(text), 80, level)
    set_num(document.add_paragraph("bullet"), 81, 0)
    document.save(str(tmp_path / "o.docx"))
    blocks = _paras(read_docx(tmp_path / "o.docx"))
    assert [b.number for b in blocks[:8]] == ["1.", "a.", "i)", "ii)", "b.", "i)", "2.", "a."]
    assert {b.numbering for b in blocks[:8]} == {"ordered"}
    assert (blocks[8].numbering, blocks[8].number) == ("bullet", None)


def test_clause_control_ref_field_bookmark_and_highlight(tmp_path: Path) -> None:
    document = docx.Document()
    target = document.add_paragraph("The City shall meet partners.")
    add_bookmark(target, "_Ref0000000001")
    citing = document.add_paragraph("As paragraph ")
    add_ref(citing, "_Ref0000000001", "214")
    highlight(citing, "[date of the first meeting]")
    wrap_clause(document, [target, citing], "partnership.root-causes", 3, digest="abc123")
    document.save(str(tmp_path / "c.docx"))
    result = read_docx(tmp_path / "c.docx")
    clause = result.body[0]
    assert isinstance(clause, ClauseBlock)
    assert (clause.clause_id, clause.version, clause.digest) == ("partnership.root-causes", 3, "abc123")
    first, second = clause.blocks
    assert first.bookmark == "_Ref0000000001"
    assert CrossRef("_Ref0000000001", "214") in second.content
    assert Run("[date of the first meeting]", highlight=True) in second.content
    assert second.text == "As paragraph 214[date of the first meeting]"


def test_digest_of_read_clause_matches_model_digest(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph("Officers will attend district meetings.")
    blocks = (Paragraph((Run("Officers will attend district meetings."),)),)
    wrap_clause(document, [p], "engagement.meetings", 1, digest=clause_digest(blocks))
    document.save(str(tmp_path / "g.docx"))
    clause = read_docx(tmp_path / "g.docx").body[0]
    assert clause.digest == clause_digest(clause.blocks)


def test_tables_and_paragraph_order_match_element_walk(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("before")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "left"
    table.cell(0, 1).text = "right"
    sdt_p = document.add_paragraph("inside control")
    wrap_clause(document, [sdt_p], "x.y", 1)
    document.add_paragraph("after")
    document.save(str(tmp_path / "t.docx"))
    result = read_docx(tmp_path / "t.docx")
    assert any(isinstance(b, Table) for b in result.body)
    texts = []
    for b in iter_blocks(result.body):
        if isinstance(b, Paragraph):
            texts.append(b.text)
        elif isinstance(b, Table):
            texts.extend(p.text for row in b.rows for c in row for p in c.paragraphs)
    elements = list(iter_paragraph_elements(docx.Document(str(tmp_path / "t.docx")).element.body))
    assert texts == ["before", "left", "right", "inside control", "after"]
    assert ["".join(t.text or "" for t in e.iter(qn("w:t"))) for e in elements] == texts


def test_not_a_zip_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "notes.docx"
    bad.write_text("hello")
    with pytest.raises(DocxReadError, match="not a zip"):
        read_docx(bad)


def test_damaged_zip_is_refused(tmp_path: Path) -> None:
    good = decree_docx(tmp_path / "d.docx", ["One."])
    data = good.read_bytes()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    with pytest.raises(DocxReadError, match="damaged"):
        read_docx(tmp_path / "cut.docx")


def test_missing_document_part_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "e.docx", "w") as z:
        z.writestr("hello.txt", "x")
    with pytest.raises(DocxReadError, match="missing word/document.xml"):
        read_docx(tmp_path / "e.docx")


def test_malformed_xml_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "m.docx", "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body>")
    with pytest.raises(DocxReadError, match="malformed XML"):
        read_docx(tmp_path / "m.docx")


def test_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(tmp_path / "x.docx", "w") as z:
        z.writestr("word/document.xml", xml)
    try:
        result = read_docx(tmp_path / "x.docx")
    except DocxReadError:
        return  # refusing is fine too
    assert "TOPSECRET" not in "".join(p.text for p in _paras(result))


def test_too_many_entries_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.docx.read_package as read_mod

    monkeypatch.setattr(read_mod, "MAX_ENTRIES", 5)
    with zipfile.ZipFile(tmp_path / "many.docx", "w") as z:
        for i in range(6):
            z.writestr(f"f{i}.xml", "<a/>")
    with pytest.raises(DocxReadError, match="entries"):
        read_docx(tmp_path / "many.docx")


def test_absurd_uncompressed_size_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.docx.read_package as read_mod

    monkeypatch.setattr(read_mod, "MAX_TOTAL_BYTES", 1024 * 1024)
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (2 * 1024 * 1024))
    with pytest.raises(DocxReadError, match="MB uncompressed"):
        read_docx(tmp_path / "bomb.docx")
