"""The .docx package, opened safely: limits on entry count and uncompressed size checked before
anything is inflated, every member read capped at its declared size, and XML parsed without
entity resolution, DTD loading or network access (ECMA-376 Part 2, Open Packaging Conventions).
Every failure is a `DocxReadError` with a one-line reason. Also the small WordprocessingML helpers
the reader shares (`_local`, `_val`, `_on`).
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from drafter.docx.namespaces import W_NS as W
from drafter.errors import DocxReadError

_W = f"{{{W}}}"
MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
OFFICE_DOC = "/officeDocument"
_FALSE = {"0", "false", "off", "none"}


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


class _Package:
    """The zip, opened with limits; members are read on demand and capped."""

    def __init__(self, path: Path):
        self.path = path
        try:
            with open(path, "rb") as fh:
                head = fh.read(4)
        except OSError as exc:
            raise DocxReadError(f"cannot open: {exc.strerror or exc}") from None
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
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
        )
        try:
            root = etree.fromstring(data, parser)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise DocxReadError(f"{name}: malformed XML ({str(exc).splitlines()[0][:120]})") from None
        if root is None:
            raise DocxReadError(f"{name}: malformed XML (empty)")
        return root

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
