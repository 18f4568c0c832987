"""The reference documents (``templates/<kind>/reference.docx``): the styles part
(ECMA-376 Part 1, 17.7: ``w:styles``), page setup (``w:sectPr``) and a footer.

They are generated once by ``scripts/make_reference_docx.py`` and checked in (this module
lives beside that script: the package only reads the references, it never makes them); after that legal
staff restyle them in Word, as with pandoc's ``--reference-doc``. The writer takes every style
by *name* from whatever reference it is given, so restyling never needs code. STYLE_NAMES is
the contract: every name the writer may use exists in both references.

Built from python-docx's default template with its styles replaced by a short, deliberate
set (the default carries ~270 styles and a Word 2010 stylesWithEffects part that would
shadow edits), its list definitions emptied, and its thumbnail and customXml dropped.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

import docx
from docx.oxml import parse_xml

from drafter.docx import fields
from drafter.docx.fields import W, el, sub
from drafter.docx.namespaces import W_NS
from drafter.docx.package import FALLBACK_DATE, save_deterministic, set_core_properties

W_DECL = f'xmlns:w="{W_NS}"'

STYLE_NAMES: tuple[str, ...] = (
    "Normal",
    "Title",
    "Heading 1",
    "Heading 2",
    "Body Text",
    "Decree Paragraph",
    "Decree Subparagraph",
    "List Bullet",
    "List Number",
    "Caption Court",
    "Caption Parties",
    "Signature Block",
    "TOC Heading",
    "TOC 1",
    "TOC 2",
    "Header",
    "Footer",
    "annotation text",
    "annotation reference",
    "Table Grid",
)
"""Every style the writer may look up by name (case-insensitively)."""

KINDS = ("directive", "narrative")


def _style(
    kind: str,
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    *,
    based_on: str = "Normal",
    next_id: str = "",
    default: bool = False,
    extra: str = "",
) -> str:
    attrs = f'w:type="{kind}" w:styleId="{style_id}"' + (' w:default="1"' if default else "")
    parts = [f"<w:name w:val={quoteattr(name)}/>"]
    if based_on and not default:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_id:
        parts.append(f'<w:next w:val="{next_id}"/>')
    parts.append("<w:qFormat/>" if kind == "paragraph" else "")
    parts.append(extra)
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    return f"<w:style {attrs}>{''.join(parts)}</w:style>"


def styles_xml(kind: str, language: str = "en-US") -> str:
    """The whole styles part for a reference document of `kind`."""
    narrative = kind == "narrative"
    line = "480" if narrative else "240"
    single = '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    font = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>'
    h1_ppr = (
        '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="240"/>'
        + ("" if narrative else '<w:jc w:val="center"/>')
        + '<w:outlineLvl w:val="0"/>'
    )
    h1_rpr = "<w:b/>" + ("" if narrative else "<w:caps/>")
    body_after = "0" if narrative else "240"
    styles = [
        _style("paragraph", "Normal", "Normal", default=True),
        _style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            default=True,
            extra='<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
        ),
        _style(
            "table",
            "TableNormal",
            "Normal Table",
            default=True,
            extra='<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>',
        ),
        _style("numbering", "NoList", "No List", default=True),
        _style(
            "paragraph",
            "Title",
            "Title",
            '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>',
            "<w:b/><w:caps/>",
            next_id="BodyText",
        ),
        _style("paragraph", "Heading1", "heading 1", h1_ppr, h1_rpr, next_id="BodyText"),
        _style(
            "paragraph",
            "Heading2",
            "heading 2",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/>',
            "<w:b/>",
            next_id="BodyText",
        ),
        _style("paragraph", "BodyText", "Body Text", f'<w:spacing w:after="{body_after}"/>'),
        _style(
            "paragraph",
            "DecreeParagraph",
            "Decree Paragraph",
            f'<w:spacing w:after="{body_after}"/><w:jc w:val="both"/>',
            next_id="DecreeParagraph",
        ),
        _style(
            "paragraph",
            "DecreeSubparagraph",
            "Decree Subparagraph",
            f'<w:spacing w:after="{body_after}"/><w:jc w:val="both"/>',
            based_on="DecreeParagraph",
        ),
        _style(
            "paragraph",
            "ListBullet",
            "List Bullet",
            '<w:spacing w:after="120"/><w:ind w:left="720" w:hanging="360"/><w:contextualSpacing/>',
            based_on="BodyText",
        ),
        _style(
            "paragraph",
            "ListNumber",
            "List Number",
            '<w:spacing w:after="120"/><w:ind w:left="720" w:hanging="360"/><w:contextualSpacing/>',
            based_on="BodyText",
        ),
        _style(
            "paragraph",
            "CaptionCourt",
            "Caption Court",
            '<w:spacing w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
            "<w:b/><w:caps/>",
        ),
        _style("paragraph", "CaptionParties", "Caption Parties", single),
        _style(
            "paragraph",
            "SignatureBlock",
            "Signature Block",
            '<w:keepNext/><w:keepLines/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:left="4680"/>',
        ),
        _style(
            "paragraph",
            "TOCHeading",
            "TOC Heading",
            '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>',
            "<w:b/><w:caps/>",
            next_id="TOC1",
        ),
        _style(
            "paragraph",
            "TOC1",
            "toc 1",
            '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/></w:tabs>'
            '<w:spacing w:after="100" w:line="240" w:lineRule="auto"/>',
            extra='<w:uiPriority w:val="39"/><w:unhideWhenUsed/>',
        ),
        _style(
            "paragraph",
            "TOC2",
            "toc 2",
            '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/></w:tabs>'
            '<w:spacing w:after="100" w:line="240" w:lineRule="auto"/><w:ind w:left="240"/>',
            extra='<w:uiPriority w:val="39"/><w:unhideWhenUsed/>',
        ),
        _style(
            "paragraph",
            "Header",
            "header",
            '<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs>'
            + single
            + '<w:jc w:val="right"/>',
            '<w:sz w:val="20"/>',
        ),
        _style(
            "paragraph",
            "Footer",
            "footer",
            '<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs>'
            + single
            + '<w:jc w:val="center"/>',
            '<w:sz w:val="20"/>',
        ),
        _style("paragraph", "CommentText", "annotation text", single, '<w:sz w:val="20"/>'),
        _style(
            "character",
            "CommentReference",
            "annotation reference",
            rpr='<w:sz w:val="16"/>',
            based_on="DefaultParagraphFont",
        ),
        _style(
            "table",
            "TableGrid",
            "Table Grid",
            based_on="TableNormal",
            extra="<w:tblPr><w:tblBorders>"
            + "".join(
                f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders></w:tblPr>",
            ppr=single,
        ),
    ]
    return (
        f"<w:styles {W_DECL}><w:docDefaults><w:rPrDefault><w:rPr>{font}"
        f'<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="{language}"/></w:rPr></w:rPrDefault>'
        f'<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="{line}" w:lineRule="auto"/></w:pPr>'
        f"</w:pPrDefault></w:docDefaults>{''.join(styles)}</w:styles>"
    )


def _replace_children(target: object, xml: str) -> None:
    """Swap an XmlPart's element content in place (python-docx keeps a reference to it)."""
    new = parse_xml(xml)
    for child in list(target):  # type: ignore[call-overload]
        target.remove(child)  # type: ignore[attr-defined]
    for child in list(new):
        target.append(child)  # type: ignore[attr-defined]


def _drop_extras(document: docx.document.Document) -> None:
    """Remove parts a reference should not carry: the Word 2010 style copy, customXml, the
    thumbnail of python-docx's own template."""
    unwanted = ("stylesWithEffects", "customXml", "thumbnail")
    for rels in (document.part.rels, document.part.package.rels):
        for r_id, rel in list(rels.items()):
            if any(word in rel.reltype for word in unwanted):
                del rels[r_id]


def build_reference(kind: str) -> bytes:
    """A reference .docx for `kind` ("directive" or "narrative"), deterministically."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(KINDS)}")
    document = docx.Document()
    _drop_extras(document)
    _replace_children(document.styles.element, styles_xml(kind))
    _replace_children(document.part.numbering_part.element, f"<w:numbering {W_DECL}/>")
    settings = document.settings.element
    for tag in ("rsids", "proofState", "savePreviewPicture"):
        node = settings.find(W + tag)
        if node is not None:
            settings.remove(node)
    section = document.sections[0]
    sect_pr = section._sectPr  # noqa: SLF001 - page setup has no public setter for all of it
    for name, value in (("pgSz", {"w": "12240", "h": "15840"}),):
        node = sect_pr.find(W + name)
        for key, val in value.items():
            node.set(W + key, val)
    margins = sect_pr.find(W + "pgMar")
    for side in ("top", "right", "bottom", "left"):
        margins.set(W + side, "1440")
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]._p  # noqa: SLF001
    for child in list(p):
        p.remove(child)
    ppr = sub(p, "pPr")
    sub(ppr, "pStyle", {"val": "Footer"})
    p.append(fields.run("Page "))
    p.extend(fields.page_field())
    p.append(fields.run(" of "))
    p.extend(fields.numpages_field())
    body = document.element.body
    for child in list(body):
        if child.tag != W + "sectPr":
            body.remove(child)
    note = el("p")
    sub(sub(note, "pPr"), "pStyle", {"val": "BodyText"})
    note.append(
        fields.run(f"drafter reference document ({kind}). Restyle the styles in Word; the body is ignored.")
    )
    body.insert(0, note)
    set_core_properties(
        document,
        title=f"drafter {kind} reference",
        subject="",
        keywords=(),
        language="en-US",
        author="drafter",
        when=FALLBACK_DATE,
    )
    return save_deterministic(document)
