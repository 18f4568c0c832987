"""The one safe way drafter opens a .docx it did not write (ECMA-376 Part 2, Open Packaging
Conventions): review, `--annotate`, `--reference-doc`, inspect, insert and compare all go
through here.

    pkg = DocxPackage(path)          # or open_docx(path); refuses what it cannot read safely
    root = pkg.xml("word/document.xml")
    data = clean_package(path, purpose="a reference document")  # checked copy for python-docx

Limits, checked from the zip's directory before anything is inflated: `MAX_ENTRIES` parts,
`MAX_TOTAL_BYTES` uncompressed in all, `MAX_PART_BYTES` for any one part, and a compression
ratio over `MAX_RATIO` for a part larger than 1 MiB (a 600 KB file whose document.xml
inflates to 190 MB kept review busy for 400 s and 3.8 GB). Every member read is capped at its
declared size. XML is parsed with no entity resolution, no DTD, no network and lxml's
default tree limits; a part with a DOCTYPE is refused (Word never writes one; it is how
entity bombs and external entities arrive). An OLE compound file (an encrypted or
password-protected .docx, or a Word 97 .doc) is called what it is. Every failure is a
`DocxReadError` with a one-line reason. Also the small WordprocessingML helpers the reader
shares (`_local`, `_val`, `_on`).
"""

from __future__ import annotations

import io
import os
import posixpath
import stat
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from drafter.docx.namespaces import W_NS as W
from drafter.errors import DocxReadError

_W = f"{{{W}}}"
MAX_ENTRIES = 2_000
"""Parts in one package (a 600-page decree with images has about 60)."""
MAX_TOTAL_BYTES = 64 * 1024 * 1024
"""Uncompressed bytes of all parts together."""
MAX_PART_BYTES = 16 * 1024 * 1024
"""Uncompressed bytes of any one part (a 600-page document.xml is about 6 MB)."""
MAX_RATIO = 100
"""Largest compression ratio accepted for a part over 1 MiB (Word's XML compresses 5-20x)."""
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
OFFICE_DOC = "/officeDocument"
_FALSE = {"0", "false", "off", "none"}
_LIBREOFFICE_CORE_REL = (
    b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
)
"""The core-properties relationship type LibreOffice writes (lower-case "officedocument")."""
_CORE_REL = b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(_W + attr)


def _on(el: etree._Element | None) -> bool:
    """A WordprocessingML on/off property: present and not val=false/0/off."""
    return el is not None and (_val(el) or "true").lower() not in _FALSE


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
    )


class DocxPackage:
    """The zip, opened with limits; members are read on demand, capped, and parsed safely."""

    def __init__(self, path: Path):
        self.path = path
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                raise DocxReadError(f"{path}: not a regular file")
            with open(path, "rb") as fh:
                head = fh.read(8)
        except OSError as exc:
            raise DocxReadError(f"cannot open: {exc.strerror or exc}") from None
        if head == OLE_MAGIC:
            raise DocxReadError(
                "encrypted or password-protected (or a Word 97-2003 .doc): open it in Word, "
                "remove the password and save it as .docx"
            )
        if not head.startswith(b"PK"):
            raise DocxReadError("not a .docx (not a zip archive)")
        try:
            self.zf = zipfile.ZipFile(path)
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise DocxReadError(f"damaged zip archive ({exc})") from None
        if len(infos) > MAX_ENTRIES:
            raise DocxReadError(f"refused: {len(infos)} zip entries (limit {MAX_ENTRIES})")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise DocxReadError(
                f"refused: {total // (1024 * 1024)} MB uncompressed (limit {MAX_TOTAL_BYTES // (1024 * 1024)} MB)"
            )
        for info in infos:
            if info.file_size > MAX_PART_BYTES:
                raise DocxReadError(
                    f"refused: {info.filename} is {info.file_size // (1024 * 1024)} MB uncompressed "
                    f"(limit {MAX_PART_BYTES // (1024 * 1024)} MB a part)"
                )
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise DocxReadError(
                    f"refused: {info.filename} inflates {info.file_size // max(info.compress_size, 1)} times "
                    f"(limit {MAX_RATIO}); a zip bomb"
                )
        self.names = {i.filename: i for i in infos}

    def read(self, name: str) -> bytes | None:
        """The member's bytes, or None when absent; never more than its declared size."""
        info = self.names.get(name)
        if info is None:
            return None
        try:
            with self.zf.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise DocxReadError(f"damaged zip archive: {name}: {exc}") from None
        if len(data) > info.file_size:
            raise DocxReadError(f"damaged zip archive: {name} is larger than it declares")
        return data

    def xml(self, name: str) -> etree._Element | None:
        """Parse a member safely (no entities, no DTD, no network); None when absent."""
        data = self.read(name)
        if data is None:
            return None
        return parse_part(name, data)

    def content_type(self, part: str) -> str:
        """The content type [Content_Types].xml gives `part` ('' when it says nothing)."""
        types = self.xml("[Content_Types].xml")
        if types is None:
            return ""
        for item in types:
            if _local(item) == "Override" and (item.get("PartName") or "").lstrip("/") == part:
                return item.get("ContentType") or ""
        extension = part.rsplit(".", 1)[-1]
        for item in types:
            if _local(item) == "Default" and (item.get("Extension") or "").lower() == extension.lower():
                return item.get("ContentType") or ""
        return ""

    def close(self) -> None:
        self.zf.close()

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationships of a part: rId → (type, resolved target part name)."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root:
            if _local(rel) != "Relationship" or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            name = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            out[rel.get("Id") or ""] = (rel.get("Type") or "", name)
        return out

    def main_part(self) -> str:
        for rtype, target in self.rels("").values():
            if rtype.endswith(OFFICE_DOC) and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise DocxReadError("not a Word document (missing word/document.xml)")


def open_docx(path: Path) -> DocxPackage:
    """Open a .docx from anyone, within the limits above."""
    return DocxPackage(Path(path))


def parse_part(name: str, data: bytes) -> etree._Element:
    """Parse one XML part safely; a DOCTYPE or malformed XML is a DocxReadError."""
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise DocxReadError(f"{name}: malformed XML ({str(exc).splitlines()[0][:120]})") from None
    if root is None:
        raise DocxReadError(f"{name}: malformed XML (empty)")
    if root.getroottree().docinfo.doctype:
        raise DocxReadError(f"{name}: has a DOCTYPE, which Word never writes (a DTD can hide entity bombs)")
    return root


def clean_package(path: Path, *, purpose: str) -> bytes:
    """A copy of the package at `path`, every XML part parsed safely first, for python-docx
    to open: nothing malformed and no DOCTYPE reaches a file drafter writes. Parts that
    parse are copied byte for byte (python-docx re-serialises those it edits), so a
    reference document gives the same output as before. Refuses a package without [Content_Types].xml or _rels/.rels, and a
    macro-enabled document (`purpose` says what the copy is for, in the message).
    LibreOffice's core-properties relationship type is given its standard name: python-docx
    does not know LibreOffice's, adds a second docProps/core.xml and saves a zip with two."""
    pkg = DocxPackage(Path(path))
    try:
        for required in ("[Content_Types].xml", "_rels/.rels"):
            if required not in pkg.names:
                raise DocxReadError(f"not a complete .docx (no {required}); cannot use it as {purpose}")
        main = pkg.main_part()
        if pkg.content_type(main) == MACRO_MAIN:
            raise DocxReadError(
                f"a macro-enabled document (.docm); save it as .docx (without macros) to use it as {purpose}"
            )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name, info in pkg.names.items():
                if info.is_dir():
                    continue
                data = pkg.read(name) or b""
                if name.endswith((".xml", ".rels")) or data.lstrip()[:1] == b"<":
                    parse_part(name, data)  # well-formed and DOCTYPE-free, or refused
                if name == "_rels/.rels":
                    data = data.replace(_LIBREOFFICE_CORE_REL, _CORE_REL)
                entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                entry.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(entry, data)
        return buffer.getvalue()
    finally:
        pkg.close()
