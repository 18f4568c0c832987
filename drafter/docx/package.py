"""The OPC package (ECMA-376 Part 2): the zip that holds a .docx's parts, and saving it.

python-docx writes zip entries stamped with the current time and leaves whatever random ids
the template carried (``w:rsid*`` revision-session ids, ``w14:paraId``/``w14:textId``,
``w14:docId``). Two builds of the same input must be byte-identical, so the package is
re-zipped here with a fixed entry order and timestamp, the random ids are stripped, and the
core properties (``docProps/core.xml``) are set from the document's own date. The result is
written atomically: a temporary file beside the target, then ``os.replace``.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from drafter.docx.namespaces import W_NS
from drafter.safe_write import write_atomic

W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""Timestamp of every zip entry: the earliest a zip can hold, so nothing depends on the clock."""

FALLBACK_DATE = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
"""Core-property date when neither the document nor SOURCE_DATE_EPOCH gives one."""

_FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")

_RANDOM_ATTRS = frozenset(
    {
        f"{{{W_NS}}}rsidR",
        f"{{{W_NS}}}rsidRPr",
        f"{{{W_NS}}}rsidRDefault",
        f"{{{W_NS}}}rsidP",
        f"{{{W_NS}}}rsidDel",
        f"{{{W_NS}}}rsidSect",
        f"{{{W_NS}}}rsidTr",
        f"{{{W_NS}}}rsid",
        f"{{{W14_NS}}}paraId",
        f"{{{W14_NS}}}textId",
    }
)
_RANDOM_ELEMENTS = frozenset({f"{{{W_NS}}}rsids", f"{{{W14_NS}}}docId", f"{{{W_NS}}}rsid"})


def build_datetime(date: _dt.date | None) -> _dt.datetime:
    """The instant recorded as created/modified: the document's date (midnight UTC), else
    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), else a fixed date.

    Never the clock: a rebuild of the same input must give the same bytes.
    """
    if date is not None:
        return _dt.datetime(date.year, date.month, date.day, tzinfo=_dt.timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            pass
    return FALLBACK_DATE


def set_core_properties(
    docx_document: object,
    *,
    title: str,
    subject: str,
    keywords: tuple[str, ...],
    language: str,
    author: str,
    when: _dt.datetime,
) -> None:
    """Fill docProps/core.xml through python-docx; every field is set so nothing the
    template or python-docx's defaults carried ("python-docx", today's date) survives."""
    props = docx_document.core_properties  # type: ignore[attr-defined]
    naive = when.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    props.title = title
    props.subject = subject
    props.keywords = ", ".join(keywords)
    props.language = language
    props.author = author
    props.last_modified_by = author
    props.comments = ""
    props.category = ""
    props.revision = 1
    props.created = naive
    props.modified = naive
    props.last_printed = naive


def strip_random_ids(root: etree._Element) -> None:
    """Remove rsid/paraId/textId attributes and the w:rsids/w14:docId elements in place.

    They identify editing sessions in Word; left in, they make builds differ and leak
    nothing useful to a reader of a filing.
    """
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        attrib = el.attrib
        if attrib:
            for name in [a for a in attrib if a in _RANDOM_ATTRS]:
                del attrib[name]
    for el in [e for e in root.iter(*_RANDOM_ELEMENTS)]:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


def _entry_order(names: list[str]) -> list[str]:
    """Content types first (some readers require it), then the package rels and the main
    part, then everything else alphabetically."""
    first = [n for n in _FIRST_ENTRIES if n in names]
    return first + sorted(n for n in names if n not in _FIRST_ENTRIES)


def normalize_package(data: bytes, *, strip_ids: bool = True) -> bytes:
    """Re-zip a saved package deterministically: fixed order, fixed timestamps, deflate,
    and (for XML parts) no random ids. The main document part is left as is when it was
    built by drafter (no ids to strip), which saves re-parsing the largest part."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in _entry_order(src.namelist()):
            blob = src.read(name)
            if (
                strip_ids
                and (name.endswith(".xml") or name.endswith(".rels"))
                and (b"rsid" in blob or b"w14:" in blob)
            ):
                root = etree.fromstring(blob)
                strip_random_ids(root)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 0
            dst.writestr(info, blob, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()


def save_deterministic(docx_document: object) -> bytes:
    """Save a python-docx Document to bytes, then normalize the zip."""
    buf = io.BytesIO()
    docx_document.save(buf)  # type: ignore[attr-defined]
    return normalize_package(buf.getvalue())


def atomic_write(path: Path, data: bytes, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `path` safely: see drafter.safe_write, the one home of that rule."""
    write_atomic(path, data, force=force, inputs=inputs)
