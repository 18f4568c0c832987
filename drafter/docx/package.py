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
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from drafter.docx.namespaces import W_NS
from drafter.errors import OutputError

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


def atomic_write(path: Path, data: bytes, force: bool) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename, so a
    reader never sees half a file and a failed build never destroys the previous one.

    Raises OutputError if `path` exists and `force` is false, if its folder is missing, or if
    the write fails; no temporary file is left behind in any case.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist; create it or choose another output path")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name ending in .docx")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; use --force to replace it")
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, 0o644)
        if force:
            os.replace(tmp_name, path)
        else:
            # os.link refuses to overwrite: no window in which another writer's file is lost.
            try:
                os.link(tmp_name, path)
            except FileExistsError:
                raise OutputError(f"{path}: already exists; use --force to replace it") from None
            except OSError:
                if path.exists():
                    raise OutputError(f"{path}: already exists; use --force to replace it") from None
                os.replace(tmp_name, path)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    finally:
        if tmp_name is not None and os.path.exists(tmp_name):
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
