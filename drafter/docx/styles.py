"""What every part of the body writer shares: style names resolved to ids once, new styled
paragraphs, and run formatting.

Style ids are resolved by name from styles.xml, once: python-docx looks styles up by
scanning all of them. A letterhead given with --reference-doc has already borrowed the styles
it lacked (drafter.docx.reference); a style the writer needs but the library's own reference
lacks is a LibraryError naming the file and the style (no silent fallback: a filing in the wrong style is worse than
a clear error the person restyling the reference can fix).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from drafter.docx.fields import W, el, sub
from drafter.errors import LibraryError

DEFAULT_STYLES: dict[str, str] = {
    "none": "Body Text",
    "decree0": "Decree Paragraph",
    "decree1": "Decree Subparagraph",
    "ordered": "List Number",
    "bullet": "List Bullet",
}
SIGNATURE_LINE_END = 9360  # twips from the left margin: the right margin of a letter page


class StyleMap:
    """Style names to ids, read once from styles.xml (names compared case-insensitively,
    because Word stores built-in names in lower case: "heading 1", "toc 1")."""

    def __init__(self, styles_root: etree._Element, reference: Path):
        self._reference = reference
        self._ids: dict[tuple[str, str], str] = {}
        for style in styles_root.iter(W + "style"):
            name = style.find(W + "name")
            if name is not None:
                key = (style.get(W + "type", "paragraph"), name.get(W + "val", "").lower())
                self._ids.setdefault(key, style.get(W + "styleId", ""))

    def id(self, name: str, kind: str = "paragraph") -> str:
        try:
            return self._ids[(kind, name.lower())]
        except KeyError:
            raise LibraryError(
                f"{self._reference}: the {kind} style {name!r} is missing from this reference "
                f"document; add it in Word or regenerate it with scripts/make_reference_docx.py"
            ) from None

    def para(self, style: str | None) -> tuple[etree._Element, etree._Element]:
        """A new paragraph and its pPr, styled by name."""
        p = el("p")
        ppr = sub(p, "pPr")
        if style:
            sub(ppr, "pStyle", {"val": self.id(style)})
        return p, ppr


def rpr(bold: bool = False, italic: bool = False, highlight: bool = False) -> etree._Element | None:
    """Run properties for direct formatting; None for plain text."""
    if not (bold or italic or highlight):
        return None
    props = el("rPr")
    if bold:
        sub(props, "b")
    if italic:
        sub(props, "i")
    if highlight:
        sub(props, "highlight", {"val": "yellow"})
    return props


def set_default_language(styles_root: etree._Element, language: str) -> None:
    """The document default language (w:docDefaults/w:rPrDefault/w:rPr/w:lang), which
    spelling, hyphenation and the PDF's language tag follow."""
    defaults = styles_root.find(f"{W}docDefaults")
    if defaults is None:
        defaults = el("docDefaults")
        styles_root.insert(0, defaults)
    rpr_default = defaults.find(f"{W}rPrDefault")
    if rpr_default is None:
        rpr_default = el("rPrDefault")
        defaults.insert(0, rpr_default)
    props = rpr_default.find(f"{W}rPr")
    if props is None:
        props = sub(rpr_default, "rPr")
    lang = props.find(f"{W}lang")
    if lang is None:
        lang = sub(props, "lang")
    lang.set(f"{W}val", language)
