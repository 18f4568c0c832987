"""Complex fields (ECMA-376 Part 1, 17.16): REF, PAGE, NUMPAGES and TOC, plus bookmarks.

A complex field is a run sequence: ``w:fldChar begin``, ``w:instrText`` (the field code),
``w:fldChar separate``, the cached result runs, ``w:fldChar end``. Word shows the cached result
until fields are updated, and LibreOffice never updates REF or TOC fields when converting, so
drafter always writes the result it knows: the paragraph number for a REF, and every heading
for a TOC. ``w:updateFields`` in settings.xml asks Word to refresh them (page numbers) on open.

This module also holds the tiny XML-building helpers the other writer modules share, because
fields are the lowest layer they all use.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from lxml import etree

from drafter.docx.namespaces import W_NS, W

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# --------------------------------------------------------------------------- XML helpers


def el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """A ``w:`` element; attribute names are given without prefix (all are ``w:``)."""
    node = etree.Element(W + tag, {W + k: v for k, v in attrs.items()} if attrs else None)
    for child in children:
        node.append(child)
    return node


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """Append a ``w:`` child to `parent` and return it."""
    return etree.SubElement(parent, W + tag, {W + k: v for k, v in attrs.items()} if attrs else None)


def text_el(text: str, tag: str = "t") -> etree._Element:
    """A ``w:t`` (or ``w:instrText``) preserving spaces, which Word otherwise trims."""
    node = etree.Element(W + tag)
    node.text = text
    if text[:1].isspace() or text[-1:].isspace():
        node.set(XML_SPACE, "preserve")
    return node


def run(text: str, rpr: etree._Element | None = None) -> etree._Element:
    """A ``w:r`` holding `text`; tabs become ``w:tab`` and newlines ``w:br`` as Word expects."""
    r = etree.Element(W + "r")
    if rpr is not None:
        r.append(rpr)
    if "\t" not in text and "\n" not in text:
        r.append(text_el(text))
        return r
    for i, line in enumerate(text.split("\n")):
        if i:
            sub(r, "br")
        for j, piece in enumerate(line.split("\t")):
            if j:
                sub(r, "tab")
            if piece:
                r.append(text_el(piece))
    return r


def _copy(rpr: etree._Element | None) -> etree._Element | None:
    return None if rpr is None else etree.fromstring(etree.tostring(rpr))


# --------------------------------------------------------------------------- bookmarks


def bookmark_name(clause_id: str) -> str:
    """The bookmark on a clause's first numbered paragraph.

    Word hides bookmarks whose names start with "_Ref" (they are cross-reference targets, as
    Word itself names them) and limits names to 40 characters, so the clause id is hashed
    into ten digits rather than used as is.
    """
    digest = hashlib.sha1(clause_id.encode("utf-8")).hexdigest()[:8]
    return "_Ref" + str(int(digest, 16)).zfill(10)


def bookmark_start(bookmark_id: int, name: str) -> etree._Element:
    return el("bookmarkStart", {"id": str(bookmark_id), "name": name})


def bookmark_end(bookmark_id: int) -> etree._Element:
    return el("bookmarkEnd", {"id": str(bookmark_id)})


# --------------------------------------------------------------------------- complex fields


def field_runs(instruction: str, result: str, rpr: etree._Element | None = None) -> list[etree._Element]:
    """The five runs of a complex field whose cached result is `result`."""

    def char(kind: str) -> etree._Element:
        r = etree.Element(W + "r")
        if rpr is not None:
            r.append(_copy(rpr))
        sub(r, "fldChar", {"fldCharType": kind})
        return r

    instr = etree.Element(W + "r")
    if rpr is not None:
        instr.append(_copy(rpr))
    instr.append(text_el(f" {instruction} ", "instrText"))
    return [char("begin"), instr, char("separate"), run(result, _copy(rpr)), char("end")]


def ref_field(bookmark: str, result: str, rpr: etree._Element | None = None) -> list[etree._Element]:
    """REF to a bookmark: ``\\r`` gives the paragraph number, ``\\h`` makes it a link."""
    return field_runs(f"REF {bookmark} \\r \\h", result, rpr)


def page_field(rpr: etree._Element | None = None) -> list[etree._Element]:
    return field_runs("PAGE", "1", rpr)


def numpages_field(rpr: etree._Element | None = None, total: int = 1) -> list[etree._Element]:
    return field_runs("NUMPAGES", str(total), rpr)


def toc_instruction(levels: int) -> str:
    """Headings 1..levels, hyperlinked, no page numbers in web view, outline levels too."""
    return f'TOC \\o "1-{max(1, min(levels, 9))}" \\h \\z \\u'


def toc_paragraphs(
    entries: Sequence[tuple[int, str]],
    levels: int,
    style_ids: dict[int, str],
    pages: Sequence[int | None] = (),
    right_edge: int = 9360,
) -> list[etree._Element]:
    """The TOC field as paragraphs, its cached result already listing every heading.

    `entries` are (level, text-with-number); `style_ids` maps a level to the style id of
    "TOC 1", "TOC 2"…. The field begins in the first paragraph and ends in the last, as Word
    writes it; with no headings the result is a single empty paragraph.
    """
    numbered = list(pages) + [None] * max(0, len(entries) - len(pages))
    shown_pages = [page for (lvl, _), page in zip(entries, numbered, strict=False) if lvl <= levels]
    shown = [(lvl, text) for lvl, text in entries if lvl <= levels] or [(1, "")]
    paras: list[etree._Element] = []
    for index, (lvl, _text) in enumerate(shown):
        p = el("p")
        ppr = sub(p, "pPr")
        style = style_ids.get(lvl) or style_ids.get(1)
        if style:
            sub(ppr, "pStyle", {"val": style})
        if index < len(shown_pages) and shown_pages[index] is not None:
            tabs = sub(ppr, "tabs")  # the page number flush right after a dotted leader
            sub(tabs, "tab", {"val": "right", "leader": "dot", "pos": str(right_edge)})
        paras.append(p)
    first, last = paras[0], paras[-1]
    begin = etree.Element(W + "r")
    sub(begin, "fldChar", {"fldCharType": "begin", "dirty": "true"})
    instr = etree.Element(W + "r")
    instr.append(text_el(f" {toc_instruction(levels)} ", "instrText"))
    sep = etree.Element(W + "r")
    sub(sep, "fldChar", {"fldCharType": "separate"})
    first.extend([begin, instr, sep])
    for index, (p, (_lvl, text)) in enumerate(zip(paras, shown, strict=False)):
        if text:
            p.append(run(text))
        if text and index < len(shown_pages) and shown_pages[index] is not None:
            p.append(run(f"\t{shown_pages[index]}"))
    end = etree.Element(W + "r")
    sub(end, "fldChar", {"fldCharType": "end"})
    last.append(end)
    return paras


# --------------------------------------------------------------------------- settings.xml

SETTINGS_ORDER: tuple[str, ...] = (
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFold",
    "bookFoldPrinting",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)
"""The sequence of CT_Settings children; Word rejects a settings part out of this order."""


def settings_child(settings: etree._Element, name: str) -> etree._Element:
    """The ``w:<name>`` child of ``w:settings``, created at its schema position if absent."""
    existing = settings.find(W + name)
    if existing is not None:
        return existing
    node = etree.Element(W + name)
    later = set(SETTINGS_ORDER[SETTINGS_ORDER.index(name) + 1 :])
    for child in settings:
        if not isinstance(child.tag, str):
            continue
        qname = etree.QName(child)
        # w: and m: (mathPr) children follow SETTINGS_ORDER; w14:/w15: extensions come last.
        if qname.namespace not in (W_NS, M_NS) or qname.localname in later:
            child.addprevious(node)
            return node
    settings.append(node)
    return node


def set_update_fields(settings: etree._Element) -> None:
    """Ask Word to refresh fields (TOC page numbers, REF numbers) when it opens the file."""
    settings_child(settings, "updateFields").set(W + "val", "true")
