"""Every .docx drafter reads goes through one safe reader (drafter.docx.read_package):
bombs are refused from the zip directory, DTDs and broken parts are refused, and nothing
drafter writes carries a DOCTYPE or malformed XML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from harness import MINIMAL, drafter, listing

from drafter.docx.namespaces import W_NS


def _plain_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("The Department shall meet partners within 30 days.")
    document.save(str(path))
    return path


def _rewrite(src: Path, dst: Path, change: dict[str, bytes | None]) -> Path:
    """Copy a package, replacing (bytes) or dropping (None) some parts."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in change:
                if change[info.filename] is not None:
                    zout.writestr(info.filename, change[info.filename])  # type: ignore[arg-type]
            else:
                zout.writestr(info, zin.read(info))
        for name, data in change.items():
            if name not in zin.namelist() and data is not None:
                zout.writestr(name, data)
    return dst


def test_a_small_file_with_a_190_mb_document_part_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            chunk = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30_000
            for _ in range(190 * 1024 * 1024 // len(chunk)):
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    assert bomb.stat().st_size < 1024 * 1024
    drafter("review", bomb).refused(str(bomb), "189 MB uncompressed", "limit 64 MB")


def test_entity_bomb_is_refused(tmp_path: Path) -> None:
    src = _plain_docx(tmp_path / "src.docx")
    doctype = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    with zipfile.ZipFile(src) as z:
        body = z.read("word/document.xml").split(b"?>", 1)[1]
    hostile = _rewrite(
        src, tmp_path / "dtd.docx", {"word/document.xml": doctype + body.replace(b"30 days", b"&c;")}
    )
    drafter("review", hostile).refused(str(hostile), "DOCTYPE")
    out = tmp_path / "annotated.docx"
    drafter("review", hostile, "--annotate", out).refused(str(hostile), "DOCTYPE")
    assert not out.exists()


def test_encrypted_docx_is_called_encrypted(tmp_path: Path) -> None:
    ole = tmp_path / "secret.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    drafter("review", ole).refused(str(ole), "encrypted")
    drafter("build", MINIMAL, "--reference-doc", ole, "-o", tmp_path / "o.docx").refused(
        str(ole), "encrypted"
    )


@pytest.mark.parametrize("missing", ["[Content_Types].xml", "_rels/.rels"])
def test_annotate_on_an_incomplete_package(tmp_path: Path, missing: str) -> None:
    src = _plain_docx(tmp_path / "src.docx")
    broken = _rewrite(src, tmp_path / "broken.docx", {missing: None})
    out = tmp_path / "annotated.docx"
    result = drafter("review", broken, "--annotate", out)
    assert "Traceback" not in result.stderr
    assert result.code == 2 and missing in result.stderr
    assert not out.exists()


def test_annotate_on_a_docm(tmp_path: Path) -> None:
    src = _plain_docx(tmp_path / "src.docx")
    with zipfile.ZipFile(src) as z:
        types = z.read("[Content_Types].xml")
    types = types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    docm = _rewrite(src, tmp_path / "macro.docm", {"[Content_Types].xml": types})
    out = tmp_path / "annotated.docx"
    drafter("review", docm, "--annotate", out).refused(str(docm), "macro-enabled")
    assert not out.exists()


@pytest.mark.parametrize(
    ("part", "data", "reason"),
    [
        ("word/styles.xml", b"<w:styles", "malformed XML"),
        ("word/styles.xml", b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>', "DOCTYPE"),
        ("word/theme/theme1.xml", b"<a:theme", "malformed XML"),
    ],
)
def test_reference_doc_with_bad_parts_is_refused(tmp_path: Path, part: str, data: bytes, reason: str) -> None:
    reference = Path(__file__).resolve().parents[2] / "templates" / "directive" / "reference.docx"
    hostile = _rewrite(reference, tmp_path / "ref.docx", {part: data})
    out = tmp_path / "o.docx"
    drafter("build", MINIMAL, "--reference-doc", hostile, "-o", out).refused(str(hostile), part, reason)
    assert listing(tmp_path) == ["ref.docx"]


def test_annotated_output_has_no_doctype_and_parses(tmp_path: Path) -> None:
    src = _plain_docx(tmp_path / "src.docx")
    out = tmp_path / "annotated.docx"
    result = drafter("review", src, "--annotate", out)
    assert result.code in (0, 1), result.stderr
    from lxml import etree

    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                data = z.read(name)
                assert b"<!DOCTYPE" not in data
                etree.parse(io.BytesIO(data))
