"""Read any .docx back into the document model, safely.

OOXML parts used (ECMA-376 Part 1): the package relationships (`_rels/.rels`) to find the main
document part; `word/document.xml` body content (§17.2: w:p, w:tbl, block- and run-level
w:sdt §17.5.2, w:ins/w:customXml/w:smartTag containers); complex and simple fields (§17.16:
REF → CrossRef); bookmarks (§17.13.6); `word/numbering.xml` (§17.9) to print list numbers the way
Word does; `word/styles.xml` for heading levels, outline levels and style-linked numbering; and
`word/settings.xml` docVars (§17.15.1.31) where drafter records each clause's digest.

Safety: the archive is checked for an absurd entry count or uncompressed size before anything is
inflated, every member read is capped, and XML is parsed without entity resolution, DTD loading
or network access. Every failure is a `DocxReadError` with a one-line reason, never a traceback.
"""

from __future__ import annotations

import datetime as _dt
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from typing import Iterator

from lxml import etree

from drafter.docx.read_numbering import ListNumbering, Styles
from drafter.errors import DocxReadError
from drafter.model import (
    Block,
    Cell,
    ClauseBlock,
    CrossRef,
    Document,
    Heading,
    Inline,
    Meta,
    Paragraph,
    Run,
    Table,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W
MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
OFFICE_DOC = "/officeDocument"

# Containers whose children are body content in document order (block level).
_BLOCK_CONTAINERS = {"sdtContent", "customXml", "ins", "smartTag", "moveTo"}
# Containers whose children are run content (inside a paragraph).
_RUN_CONTAINERS = {"hyperlink", "ins", "smartTag", "customXml", "sdtContent", "moveTo", "dir", "bdo"}
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


# --------------------------------------------------------------------------- package


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
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = (rel.get("Type") or "", name)
        return out

    def main_part(self) -> str:
        for rtype, target in self.rels("").values():
            if rtype.endswith(OFFICE_DOC) and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise DocxReadError("not a Word document (missing word/document.xml)")


# --------------------------------------------------------------------------- body walk


def iter_paragraph_elements(body: etree._Element) -> Iterator[etree._Element]:
    """Every w:p of the body in document order, the same order and count as the paragraphs
    (and headings) `read_docx` produces, so a finding's paragraph index finds its element.

    Descends into tables, content controls and revision/custom-XML containers, but not into a
    paragraph (text boxes inside a paragraph belong to that paragraph's drawing, not the flow).
    """
    for child in body:
        name = _local(child)
        if name == "p":
            yield child
        elif name in ("tbl", "tr", "tc", "sdt") or name in _BLOCK_CONTAINERS:
            yield from iter_paragraph_elements(child)


class _Reader:
    """Turns the body XML into model blocks; holds state that spans paragraphs (fields, lists)."""

    def __init__(self, styles: Styles, numbering: ListNumbering, digests: dict[str, str]):
        self.styles = styles
        self.numbering = numbering
        self.digests = digests
        self.fields: list[dict] = []  # open complex fields: {"instr", "result", "phase"}
        self.pending_bookmarks: list[str] = []

    # -- blocks
    def blocks(self, parent: etree._Element) -> list[Block]:
        out: list[Block] = []
        for child in parent:
            name = _local(child)
            if name == "p":
                out.append(self.paragraph(child))
            elif name == "tbl":
                out.append(self.table(child))
            elif name == "sdt":
                out.extend(self.sdt(child))
            elif name in _BLOCK_CONTAINERS:
                out.extend(self.blocks(child))
            elif name == "bookmarkStart":
                self._bookmark(child, self.pending_bookmarks)
        return out

    def sdt(self, el: etree._Element) -> list[Block]:
        content = el.find(_W + "sdtContent")
        inner = self.blocks(content) if content is not None else []
        tag = _val(el.find(f"{_W}sdtPr/{_W}tag")) or ""
        m = re.fullmatch(r"clause:([^@\s]+)@(\d+)", tag.strip())
        if not m:
            return inner
        clause_id, version = m.group(1), int(m.group(2))
        recorded = self.digests.get(clause_id, "")
        digest = ""
        if recorded:
            ver, _, dig = recorded.partition(":")
            digest = dig if ver.strip() == str(version) or not dig else dig
        return [ClauseBlock(clause_id=clause_id, version=version, blocks=tuple(inner), digest=digest)]

    def table(self, el: etree._Element) -> Table:
        rows: list[tuple[Cell, ...]] = []
        header = False
        for i, tr in enumerate(_descend(el, "tr")):
            if i == 0:
                header = _on(tr.find(f"{_W}trPr/{_W}tblHeader"))
            cells = []
            for tc in _descend(tr, "tc"):
                paras = [p for p in _flatten_paragraphs(self.blocks(tc))]
                cells.append(Cell(tuple(paras)))
            rows.append(tuple(cells))
        style_id = _val(el.find(f"{_W}tblPr/{_W}tblStyle"))
        return Table(rows=tuple(rows), header=header, style=self.styles.name(style_id) if style_id else None)

    # -- paragraphs
    def paragraph(self, p: etree._Element) -> Paragraph | Heading:
        ppr = p.find(_W + "pPr")
        style_id = _val(ppr.find(_W + "pStyle")) if ppr is not None else None
        style_id = style_id or self.styles.default_paragraph
        bookmarks = self.pending_bookmarks
        self.pending_bookmarks = []
        content = self.inlines(p, bookmarks)
        num = self.numbering.number_paragraph(ppr, style_id)
        heading_level = self.styles.heading_level(style_id, ppr)
        bookmark = _pick_bookmark(bookmarks)
        if heading_level is not None:
            number = num.label.rstrip(".") if num and num.label else None
            return Heading(content=content, level=heading_level, number=number, bookmark=bookmark)
        if num is None:
            return Paragraph(content=content, style=self.styles.name(style_id), bookmark=bookmark)
        return Paragraph(
            content=content,
            numbering=num.kind,
            level=num.level,
            number=num.label,
            list_id=num.num_id,
            style=self.styles.name(style_id),
            bookmark=bookmark,
        )

    def inlines(self, p: etree._Element, bookmarks: list[str]) -> tuple[Inline, ...]:
        items: list[Inline] = []
        self._runs(p, items, bookmarks)
        return _merge(items)

    def _runs(self, parent: etree._Element, items: list[Inline], bookmarks: list[str]) -> None:
        for child in parent:
            name = _local(child)
            if name == "r":
                self._run(child, items)
            elif name == "fldSimple":
                instr = child.get(_W + "instr") or ""
                sub: list[Inline] = []
                self._runs(child, sub, bookmarks)
                target = _ref_target(instr)
                if target:
                    items.append(CrossRef(target=target, text="".join(_text_of(i) for i in sub)))
                else:
                    items.extend(sub)
            elif name == "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self._runs(content, items, bookmarks)
            elif name in _RUN_CONTAINERS:
                self._runs(child, items, bookmarks)
            elif name == "bookmarkStart":
                self._bookmark(child, bookmarks)

    def _run(self, r: etree._Element, items: list[Inline]) -> None:
        rpr = r.find(_W + "rPr")
        bold = italic = highlight = False
        if rpr is not None:
            bold = _on(rpr.find(_W + "b"))
            italic = _on(rpr.find(_W + "i"))
            hl = rpr.find(_W + "highlight")
            highlight = hl is not None and (_val(hl) or "none").lower() != "none"
        for child in r:
            name = _local(child)
            if name == "fldChar":
                self._fld_char(_val(child, "fldCharType") or "", items)
                continue
            if name == "instrText":
                if self.fields and self.fields[-1]["phase"] == "instr":
                    self.fields[-1]["instr"] += child.text or ""
                continue
            text = {"t": None, "tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-", "softHyphen": ""}.get(
                name, "")
            if name == "t":
                text = child.text or ""
            if not text:
                continue
            if self.fields and self.fields[-1]["phase"] == "instr":
                continue  # stray text inside a field code
            ref = self._open_ref()
            if ref is not None:
                ref["result"] += text
            else:
                items.append(Run(text=text, bold=bold, italic=italic, highlight=highlight))

    def _open_ref(self) -> dict | None:
        """The innermost REF field whose result is being read (its text becomes a CrossRef)."""
        for fld in reversed(self.fields):
            if fld["phase"] == "result" and fld["target"]:
                return fld
        return None

    def _fld_char(self, kind: str, items: list[Inline]) -> None:
        if kind == "begin":
            self.fields.append({"instr": "", "result": "", "phase": "instr", "target": None})
        elif kind == "separate" and self.fields:
            fld = self.fields[-1]
            fld["phase"] = "result"
            fld["target"] = _ref_target(fld["instr"])
        elif kind == "end" and self.fields:
            fld = self.fields.pop()
            if fld["phase"] == "instr":
                fld["target"] = _ref_target(fld["instr"])
            if fld["target"]:
                outer = self._open_ref()
                if outer is not None:
                    outer["result"] += fld["result"]
                else:
                    items.append(CrossRef(target=fld["target"], text=fld["result"]))

    @staticmethod
    def _bookmark(el: etree._Element, into: list[str]) -> None:
        name = el.get(_W + "name")
        if name and name != "_GoBack":
            into.append(name)


def _descend(el: etree._Element, want: str) -> Iterator[etree._Element]:
    """Children named `want`, looking through content controls and custom XML wrappers."""
    for child in el:
        name = _local(child)
        if name == want:
            yield child
        elif name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
            yield from _descend(child, want)


def _flatten_paragraphs(blocks: list[Block]) -> Iterator[Paragraph]:
    """A cell holds only paragraphs in the model: flatten nested tables and clause blocks,
    keeping document order (the order `iter_paragraph_elements` uses). Headings in a cell
    become plain paragraphs."""
    for b in blocks:
        if isinstance(b, Paragraph):
            yield b
        elif isinstance(b, Heading):
            yield Paragraph(content=b.content, bookmark=b.bookmark, style="Heading %d" % b.level)
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row:
                    yield from cell.paragraphs
        elif isinstance(b, ClauseBlock):
            yield from _flatten_paragraphs(list(b.blocks))


def _ref_target(instr: str) -> str | None:
    m = re.match(r"\s*REF\s+\"?([^\s\"\\]+)", instr)
    return m.group(1) if m else None


def _pick_bookmark(names: list[str]) -> str | None:
    """Several bookmarks may start in one paragraph; the model keeps one string. Keep them all,
    space-separated (bookmark names cannot contain spaces), `_Ref` targets first."""
    if not names:
        return None
    ordered = sorted(dict.fromkeys(names), key=lambda n: (not n.startswith("_Ref"), names.index(n)))
    return " ".join(ordered)


def _text_of(item: Inline) -> str:
    return getattr(item, "text", "") or getattr(item, "name", "")


def _merge(items: list[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring runs of identical formatting (Word splits runs for spell-check ids)."""
    out: list[Inline] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            isinstance(item, Run)
            and isinstance(prev, Run)
            and (prev.bold, prev.italic, prev.highlight) == (item.bold, item.italic, item.highlight)
        ):
            out[-1] = Run(prev.text + item.text, prev.bold, prev.italic, prev.highlight)
        else:
            out.append(item)
    return tuple(out)


# --------------------------------------------------------------------------- entry point


def _doc_vars(settings: etree._Element | None) -> dict[str, str]:
    out: dict[str, str] = {}
    if settings is None:
        return out
    for var in settings.iter(_W + "docVar"):
        name = var.get(_W + "name") or ""
        if name.startswith("drafter:"):
            out[name[len("drafter:"):]] = var.get(_W + "val") or ""
    return out


def _meta(pkg: _Package, blocks: list[Block]) -> Meta:
    title, date = "", None
    core = pkg.xml("docProps/core.xml") if "docProps/core.xml" in pkg.names else None
    if core is not None:
        for el in core:
            name = _local(el)
            if name == "title" and el.text:
                title = el.text.strip()
            elif name == "created" and el.text:
                try:
                    date = _dt.date.fromisoformat(el.text.strip()[:10])
                except ValueError:
                    date = None
    if not title:
        title = next((b.text.strip() for b in blocks if isinstance(b, Heading) and b.text.strip()), "")
    return Meta(kind="", title=title, date=date)


def read_docx(path: Path) -> Document:
    """Read a .docx (ours or a stranger's) into a Document, or raise DocxReadError.

    The reader keeps every body paragraph, empty ones included, so that paragraph indexes in
    findings match `iter_paragraph_elements` when annotating. `Meta.kind` is left empty: review
    decides the kind from the text.
    """
    pkg = _Package(Path(path))
    try:
        main = pkg.main_part()
        rels = pkg.rels(main)
        by_type = {rtype.rsplit("/", 1)[-1]: target for rtype, target in rels.values()}
        root = pkg.xml(main)
        styles = Styles(pkg.xml(by_type.get("styles", "word/styles.xml")))
        numbering = ListNumbering(pkg.xml(by_type.get("numbering", "word/numbering.xml")), styles)
        settings = pkg.xml(by_type.get("settings", "word/settings.xml"))
        body = root.find(_W + "body") if root is not None else None
        if body is None:
            raise DocxReadError(f"{main}: no w:body (not a WordprocessingML document)")
        reader = _Reader(styles, numbering, _doc_vars(settings))
        try:
            blocks = reader.blocks(body)
        except RecursionError:
            raise DocxReadError(f"{main}: content nested too deeply") from None
        return Document(meta=_meta_safe(pkg, blocks), body=tuple(blocks))
    finally:
        pkg.zf.close()


def _meta_safe(pkg: _Package, blocks: list[Block]) -> Meta:
    """Core properties are optional and often odd; a bad core.xml must not refuse the body."""
    try:
        return _meta(pkg, blocks)
    except DocxReadError:
        return Meta(kind="", title="")
