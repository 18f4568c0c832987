"""The reference document a build is styled by (pandoc's ``--reference-doc``), opened once.

A city's own letterhead rarely holds drafter's styles ("Decree Paragraph", "Caption Court",
"toc 1", ...). Refusing it one missing style per run made letterheads unusable, so the styles
it lacks are borrowed from drafter's default reference of that kind (ECMA-376 Part 1, 17.7):
each with its based-on, next and linked styles (mapped by name onto the letterhead's own
where it has them, else borrowed too) and the list definitions its ``w:numPr`` points at
(17.9, renumbered after the letterhead's own). The letterhead keeps everything it defines;
the build names what was borrowed in one note.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.parts.numbering import NumberingPart
from lxml import etree

from drafter.docx.fields import W
from drafter.docx.namespaces import W_NS
from drafter.docx.read_package import clean_package
from drafter.errors import DocxReadError, LibraryError

_LINKS = ("basedOn", "next", "link")
"""Style elements that name another style by id."""


@dataclass(frozen=True)
class Reference:
    """A reference document ready for the writer: `data` is its checked package, with any
    borrowed styles added; `path` is what error messages name."""

    path: Path
    data: bytes
    borrowed: tuple[str, ...] = ()
    """Names of the styles taken from `defaults`, in styles.xml order of the defaults."""
    defaults: Path | None = None

    def open(self) -> docx.document.Document:
        """A fresh python-docx Document (the writer edits it; each render needs its own)."""
        return docx.Document(io.BytesIO(self.data))

    def note(self) -> str | None:
        """One line for the build to print, or None when nothing was borrowed."""
        if not self.borrowed:
            return None
        return (
            f"{self.path} lacks {len(self.borrowed)} of drafter's styles; taken from "
            f"{_shown(self.defaults)}: " + ", ".join(self.borrowed)
        )


def _shown(defaults: Path | None) -> str:
    """The built-in reference by its place in the library (templates/<kind>/reference.docx),
    not by where the package happens to be installed; any other by its path."""
    from drafter.library.clauses import builtin_dirs

    templates = builtin_dirs()[1].resolve()
    if defaults is None:
        return ""
    try:
        return f"drafter's templates/{Path(defaults).resolve().relative_to(templates)}"
    except ValueError:
        return str(defaults)


def load_reference(path: Path, defaults: Path | None = None) -> Reference:
    """Open `path` through the safe reader; when `defaults` is given, borrow from it every
    style `path` lacks (compared by type and name, case-insensitively, as the writer looks
    them up). Without `defaults` a missing style stays the writer's error."""
    path = Path(path)
    if not path.is_file():
        raise LibraryError(f"{path}: reference document not found")
    data = _bytes_of(path)
    document = _open(path, data)
    borrowed: list[str] = []
    if defaults is not None and Path(defaults).resolve() != path.resolve():
        borrowed = borrow_styles(document, _open(Path(defaults), _bytes_of(Path(defaults))))
    if _numbering_root(document, create=False) is None:
        _numbering_root(document, create=True)  # the writer's lists need a numbering part
    elif not borrowed:
        return Reference(path, data)  # untouched: the checked bytes as they are
    buffer = io.BytesIO()
    document.save(buffer)
    shown = Path(defaults) if borrowed and defaults is not None else None
    return Reference(path, buffer.getvalue(), tuple(borrowed), shown)


def as_reference(reference: Path | Reference) -> Reference:
    """A Reference for the writer, opening a bare path as is (nothing borrowed)."""
    return reference if isinstance(reference, Reference) else load_reference(Path(reference))


def _bytes_of(path: Path) -> bytes:
    """The package through the safe reader (drafter.docx.read_package.clean_package)."""
    try:
        return clean_package(path, purpose="a reference document")
    except DocxReadError as exc:
        raise LibraryError(f"{path}: {exc}") from None


def _open(path: Path, data: bytes) -> docx.document.Document:
    """python-docx on the checked copy `data` of `path` (named in errors)."""
    try:
        return docx.Document(io.BytesIO(data))
    except (OSError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError) as exc:
        raise LibraryError(f"{path}: cannot open the reference document: {exc}") from None


def _key(style: etree._Element) -> tuple[str, str] | None:
    name = style.find(W + "name")
    if name is None:
        return None
    return style.get(W + "type", "paragraph"), name.get(W + "val", "").lower()


class _Borrower:
    """Copies styles from `source` into `target` on demand, following their links."""

    def __init__(self, target: docx.document.Document, source: docx.document.Document):
        self.target = target
        self.root = target.styles.element
        self.source_styles = {s.get(W + "styleId", ""): s for s in source.styles.element.iter(W + "style")}
        self.by_key: dict[tuple[str, str], str] = {}
        self.defaults: dict[str, str] = {}  # style type -> the target's default style id
        for style in self.root.iter(W + "style"):
            key = _key(style)
            if key is not None:
                self.by_key.setdefault(key, style.get(W + "styleId", ""))
            if style.get(W + "default") in ("1", "true", "on"):
                self.defaults.setdefault(style.get(W + "type", "paragraph"), style.get(W + "styleId", ""))
        self.ids = {s.get(W + "styleId", "") for s in self.root.iter(W + "style")}
        self.mapped: dict[str, str | None] = {}
        self.borrowed: list[str] = []
        self.source_numbering = _numbering_root(source, create=False)
        self.nums: dict[str, str] = {}

    def target_id(self, source_id: str) -> str | None:
        """The target's id for the source style `source_id`: its namesake in the target, the
        target's default for a default style, else a copy. None when the source lacks it."""
        if source_id in self.mapped:
            return self.mapped[source_id]
        style = self.source_styles.get(source_id)
        key = None if style is None else _key(style)
        if style is None or key is None:
            self.mapped[source_id] = None
            return None
        kind = key[0]
        if key in self.by_key:
            self.mapped[source_id] = self.by_key[key]
            return self.mapped[source_id]
        if style.get(W + "default") in ("1", "true", "on") and kind in self.defaults:
            self.mapped[source_id] = self.defaults[kind]
            return self.mapped[source_id]
        return self._copy(style, key)

    def _copy(self, style: etree._Element, key: tuple[str, str]) -> str:
        source_id = style.get(W + "styleId", "")
        new_id = source_id
        while new_id in self.ids:  # the letterhead uses the id for a style of another name
            new_id += "Drafter"
        self.ids.add(new_id)
        self.mapped[source_id] = new_id  # before following links: a next-chain may loop back
        self.by_key[key] = new_id
        clone = copy.deepcopy(style)
        clone.set(W + "styleId", new_id)
        if clone.get(W + "default") is not None:
            if key[0] in self.defaults:
                del clone.attrib[W + "default"]
            else:
                self.defaults[key[0]] = new_id
        for tag in _LINKS:
            link = clone.find(W + tag)
            if link is not None:
                linked = self.target_id(link.get(W + "val", ""))
                if linked is None:
                    clone.remove(link)
                else:
                    link.set(W + "val", linked)
        num_id = clone.find(f"{W}pPr/{W}numPr/{W}numId")
        if num_id is not None:
            num_id.set(W + "val", self._num(num_id.get(W + "val", "")))
        self.root.append(clone)
        self.borrowed.append(clone.find(W + "name").get(W + "val", ""))
        return new_id

    def _num(self, source_num: str) -> str:
        """Copy list instance `source_num` and its abstract definition; the new numId."""
        if source_num in self.nums or source_num == "0" or self.source_numbering is None:
            return self.nums.get(source_num, source_num if source_num == "0" else "0")
        num = next(
            (n for n in self.source_numbering.iter(W + "num") if n.get(W + "numId") == source_num), None
        )
        abstract_ref = None if num is None else num.find(W + "abstractNumId")
        abstract = None
        if abstract_ref is not None:
            abstract = next(
                (
                    a
                    for a in self.source_numbering.iter(W + "abstractNum")
                    if a.get(W + "abstractNumId") == abstract_ref.get(W + "val")
                ),
                None,
            )
        if num is None or abstract is None or abstract_ref is None:
            self.nums[source_num] = "0"
            return "0"
        root = _numbering_root(self.target, create=True)
        assert root is not None
        abstract_id = 1 + max(
            (int(a.get(W + "abstractNumId", "0")) for a in root.iter(W + "abstractNum")), default=-1
        )
        new_num = 1 + max((int(n.get(W + "numId", "0")) for n in root.iter(W + "num")), default=0)
        new_abstract = copy.deepcopy(abstract)
        new_abstract.set(W + "abstractNumId", str(abstract_id))
        for child in new_abstract.findall(W + "nsid"):
            new_abstract.remove(child)  # a list of its own: Word joins lists that share an nsid
        instance = copy.deepcopy(num)
        instance.set(W + "numId", str(new_num))
        instance.find(W + "abstractNumId").set(W + "val", str(abstract_id))
        first_num = root.find(W + "num")
        if first_num is not None:
            first_num.addprevious(new_abstract)  # every abstractNum precedes every num
        else:
            root.append(new_abstract)
        root.append(instance)
        self.nums[source_num] = str(new_num)
        return str(new_num)


def _numbering_root(document: docx.document.Document, *, create: bool) -> etree._Element | None:
    """The numbering part's root; a LibreOffice document may have none, and python-docx
    cannot make one (NumberingPart.new is not implemented), so it is made here."""
    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
    except KeyError:
        if not create:
            return None
    element = parse_xml(f'<w:numbering xmlns:w="{W_NS}"/>')
    numbering = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package)
    part.relate_to(numbering, RT.NUMBERING)
    return element


def borrow_styles(target: docx.document.Document, source: docx.document.Document) -> list[str]:
    """Copy into `target` every style of `source` it lacks; their names, in source order."""
    borrower = _Borrower(target, source)
    for source_id in list(borrower.source_styles):
        borrower.target_id(source_id)
    return borrower.borrowed
