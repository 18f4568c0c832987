# mypy: disable-error-code="union-attr"
"""Saving: reproducible bytes, dates from the input, and an atomic write that never leaves
half a file or a stray temporary beside the user's documents."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx_helpers import DIRECTIVE_REF, directive
from reference_styles import build_reference

from drafter.docx import package
from drafter.docx.fields import bookmark_name
from drafter.docx.package import atomic_write
from drafter.docx.write import render_docx, write_docx
from drafter.errors import OutputError


def test_two_renders_are_byte_identical() -> None:
    assert render_docx(directive(), DIRECTIVE_REF) == render_docx(directive(), DIRECTIVE_REF)


def test_zip_entries_have_fixed_order_timestamps_and_deflate() -> None:
    data = render_docx(directive(), DIRECTIVE_REF)
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    names = [i.filename for i in infos]
    assert names[:3] == ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
    assert names[3:] == sorted(names[3:])
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def test_no_random_session_ids_anywhere() -> None:
    data = render_docx(directive(), DIRECTIVE_REF)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                blob = z.read(name)
                assert b"w:rsid" not in blob and b"paraId" not in blob and b"docId" not in blob, name


def core(data: bytes) -> docx.opc.coreprops.CoreProperties:  # type: ignore[name-defined]
    return docx.Document(io.BytesIO(data)).core_properties


def test_core_properties_from_meta_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the document's own date wins
    props = core(render_docx(directive(), DIRECTIVE_REF))
    assert props.created == props.modified == dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    assert props.last_modified_by == "drafter" and props.author == "drafter"
    assert props.subject == "Consent decree" and props.language == "en-US"
    assert props.revision == 1


def undated() -> object:
    doc = directive()
    return dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, date=None))


def test_source_date_epoch_when_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = render_docx(undated(), DIRECTIVE_REF)  # type: ignore[arg-type]
    assert core(data).created == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)
    comment = next(iter(docx.Document(io.BytesIO(data)).comments))
    assert comment.timestamp.date() == dt.date(2023, 11, 14)


def test_fixed_date_without_date_or_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render_docx(undated(), DIRECTIVE_REF)  # type: ignore[arg-type]
    assert core(first).created == dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    assert render_docx(undated(), DIRECTIVE_REF) == first  # type: ignore[arg-type]


def test_bookmark_name_is_stable_and_word_compatible() -> None:
    expected = "_Ref" + str(int(hashlib.sha1(b"training.curriculum").hexdigest()[:8], 16)).zfill(10)
    assert bookmark_name("training.curriculum") == expected
    assert len(expected) <= 40


def test_reference_builder_is_deterministic() -> None:
    assert build_reference("directive") == build_reference("directive")
    assert build_reference("directive") != build_reference("narrative")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_creates_then_refuses_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    atomic_write(target, b"first", force=False)
    assert target.read_bytes() == b"first"
    with pytest.raises(OutputError, match="already exists.*--force"):
        atomic_write(target, b"second", force=False)
    assert target.read_bytes() == b"first"
    atomic_write(target, b"third", force=True)
    assert target.read_bytes() == b"third"
    assert leftovers(tmp_path) == []


def test_atomic_write_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        atomic_write(tmp_path / "nowhere" / "out.docx", b"x", force=True)
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")

    def broken_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        atomic_write(target, b"new", force=True)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_failed_write_during_data_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OutputError):
        atomic_write(tmp_path / "out.docx", b"new", force=False)
    assert list(tmp_path.iterdir()) == []


def test_write_docx_refuses_existing_file_and_replaces_with_force(tmp_path: Path) -> None:
    target = tmp_path / "decree.docx"
    target.write_bytes(b"a lawyer's edited copy")
    with pytest.raises(OutputError):
        write_docx(directive(), target, DIRECTIVE_REF)
    assert target.read_bytes() == b"a lawyer's edited copy"
    write_docx(directive(), target, DIRECTIVE_REF, force=True)
    assert target.read_bytes() == render_docx(directive(), DIRECTIVE_REF)
    assert leftovers(tmp_path) == []


def test_build_datetime_ignores_bad_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert package.build_datetime(None) == package.FALLBACK_DATE
