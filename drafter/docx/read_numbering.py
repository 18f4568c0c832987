"""Styles and list numbering as a reader needs them: print each list paragraph's number the
way Word does.

OOXML (ECMA-376 Part 1 §17.9): a paragraph's w:numPr (direct, or inherited from its style
through w:basedOn) names a w:num and a level; the w:num points to a w:abstractNum whose w:lvl
elements give start, w:numFmt, w:lvlText ("%1.", "(%2)") and w:lvlRestart; the w:num may
override levels (w:lvlOverride/w:startOverride). An abstractNum with w:numStyleLink takes its
levels from the numbering style it names. Counters run per list: nums that share an
abstractNum and override nothing continue one another (as Word and LibreOffice show them);
a num with overrides starts its own count. Deeper levels restart when a shallower one is used
unless w:lvlRestart says otherwise.

Kept apart from read.py (one idea per module): the writer's numbering.py makes these
structures, this module only interprets them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from drafter.docx.namespaces import W_NS as W
from drafter.model import NumberingKind
from drafter.numbering_scheme import DECREE_LEVELS, cited, format_value

_W = f"{{{W}}}"


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(_W + attr)


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


class Styles:
    """Paragraph styles: names, heading levels and inherited numbering."""

    def __init__(self, root: etree._Element | None):
        self._styles: dict[str, dict] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for st in root.iter(_W + "style"):
            sid = st.get(_W + "styleId")
            if not sid:
                continue
            ppr = st.find(_W + "pPr")
            numpr = ppr.find(_W + "numPr") if ppr is not None else None
            self._styles[sid] = {
                "name": _val(st.find(_W + "name")) or sid,
                "based_on": _val(st.find(_W + "basedOn")),
                "outline": _int(_val(ppr.find(_W + "outlineLvl"))) if ppr is not None else None,
                "num_id": _val(numpr.find(_W + "numId")) if numpr is not None else None,
                "ilvl": _int(_val(numpr.find(_W + "ilvl"))) if numpr is not None else None,
            }
            if st.get(_W + "type") == "paragraph" and st.get(_W + "default") in ("1", "true", "on"):
                self.default_paragraph = sid

    @property
    def ids(self) -> set[str]:
        """Every styleId styles.xml defines."""
        return set(self._styles)

    def name(self, style_id: str | None) -> str | None:
        if style_id is None:
            return None
        st = self._styles.get(style_id)
        return st["name"] if st else style_id

    def _chain(self, style_id: str | None) -> list[dict]:
        out: list[dict] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles and len(out) < 20:
            seen.add(style_id)
            out.append(self._styles[style_id])
            style_id = self._styles[style_id]["based_on"]
        return out

    def heading_level(self, style_id: str | None, ppr: etree._Element | None) -> int | None:
        """1-based heading level from a direct outline level, a "Heading N"/"Title" style, or
        an outline level inherited through the style chain; None for body text."""
        if ppr is not None:
            lvl = _int(_val(ppr.find(_W + "outlineLvl")))
            if lvl is not None:
                return lvl + 1 if 0 <= lvl <= 8 else None
        for st in self._chain(style_id):
            if st["outline"] is not None:
                return st["outline"] + 1 if 0 <= st["outline"] <= 8 else None
            m = re.fullmatch(r"heading\s*([1-9])", st["name"].strip(), re.I)
            if m:
                return int(m.group(1))
            if st["name"].strip().lower() == "title":
                return 1
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style applies, inherited through basedOn."""
        num_id: str | None = None
        ilvl: int | None = None
        for st in self._chain(style_id):
            if num_id is None and st["num_id"] is not None:
                num_id = st["num_id"]
            if ilvl is None and st["ilvl"] is not None:
                ilvl = st["ilvl"]
        return num_id, ilvl


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    style: str | None = None


@dataclass(frozen=True)
class NumInfo:
    """A list paragraph's place: its kind (model NumberingKind), level, printed label, list."""

    kind: NumberingKind
    level: int
    label: str | None
    num_id: int


def _level(el: etree._Element) -> Level:
    return Level(
        start=_int(_val(el.find(_W + "start")), 1) or 0,
        fmt=_val(el.find(_W + "numFmt")) or "decimal",
        text=_val(el.find(_W + "lvlText")) or "",
        restart=_int(_val(el.find(_W + "lvlRestart"))),
        legal=el.find(_W + "isLgl") is not None
        and (_val(el.find(_W + "isLgl")) or "1") not in ("0", "false"),
        style=_val(el.find(_W + "pStyle")),
    )


class ListNumbering:
    """Interprets numbering.xml and keeps Word's counters while paragraphs are read in order."""

    def __init__(self, root: etree._Element | None, styles: Styles):
        self.styles = styles
        self._abstract: dict[str, dict] = {}
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for an in root.iter(_W + "abstractNum"):
            aid = an.get(_W + "abstractNumId") or ""
            levels = {}
            for lvl in an.findall(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl"))
                if ilvl is not None and 0 <= ilvl <= 8:
                    levels[ilvl] = _level(lvl)
            self._abstract[aid] = {"levels": levels, "link": _val(an.find(_W + "numStyleLink"))}
        for num in root.iter(_W + "num"):
            nid = num.get(_W + "numId") or ""
            aid = _val(num.find(_W + "abstractNumId")) or ""
            starts: dict[int, int] = {}
            lvls: dict[int, Level] = {}
            for ov in num.findall(_W + "lvlOverride"):
                ilvl = _int(ov.get(_W + "ilvl"))
                if ilvl is None:
                    continue
                so = _int(_val(ov.find(_W + "startOverride")))
                if so is not None:
                    starts[ilvl] = so
                if ov.find(_W + "lvl") is not None:
                    lvls[ilvl] = _level(ov.find(_W + "lvl"))
            self._nums[nid] = (aid, starts, lvls)

    @property
    def num_ids(self) -> set[str]:
        """Every numId numbering.xml defines (a w:num, not an abstractNum)."""
        return set(self._nums)

    def _levels(self, num_id: str) -> tuple[dict[int, Level], str] | None:
        """The effective levels of a num and its counter key, following numStyleLink."""
        if num_id not in self._nums:
            return None
        aid, starts, lvls = self._nums[num_id]
        for _ in range(4):
            abstract = self._abstract.get(aid)
            if abstract is None:
                return None
            if not abstract["link"]:
                break
            linked_num, _ = self.styles.numbering(abstract["link"])
            if linked_num is None or linked_num not in self._nums:
                break
            aid = self._nums[linked_num][0]
        levels = dict(self._abstract[aid]["levels"])
        levels.update(lvls)
        for ilvl, start in starts.items():
            if ilvl in levels:
                levels[ilvl] = replace(levels[ilvl], start=start)
        key = f"num:{num_id}" if (starts or lvls) else f"abstract:{aid}"
        return levels, key

    def number_paragraph(self, ppr: etree._Element | None, style_id: str | None) -> NumInfo | None:
        """Advance the list counters for this paragraph and return its printed number."""
        num_id, ilvl = self.styles.numbering(style_id)
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        if numpr is not None:
            direct_num = _val(numpr.find(_W + "numId"))
            direct_lvl = _int(_val(numpr.find(_W + "ilvl")))
            num_id = direct_num if direct_num is not None else num_id
            ilvl = direct_lvl if direct_lvl is not None else ilvl
        if num_id is None or num_id == "0":
            return None
        found = self._levels(num_id)
        if found is None:
            return None
        levels, key = found
        if ilvl is None:
            ilvl = next((i for i, lv in levels.items() if style_id and lv.style == style_id), 0)
        lvl = levels.get(ilvl)
        if lvl is None:
            return None
        counters = self._counters.setdefault(key, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else lvl.start
        for deeper in [d for d in counters if d > ilvl]:
            r = levels[deeper].restart if deeper in levels else None
            if r is None or (r != 0 and ilvl <= r - 1):
                del counters[deeper]
        nid = _int(num_id, 0) or 0
        if lvl.fmt == "bullet":
            return NumInfo("bullet", ilvl, None, nid)

        def fill(m: re.Match) -> str:
            i = int(m.group(1)) - 1
            lv = levels.get(i, Level())
            value = counters.get(i, lv.start)
            return format_value(value, "decimal" if lvl.legal else lv.fmt)

        label = re.sub(r"%([1-9])", fill, lvl.text)
        if _decree_shape(levels):
            return NumInfo("decree", ilvl, cited(label), nid)
        return NumInfo("ordered", ilvl, label or None, nid)


def _decree_shape(levels: dict[int, Level]) -> bool:
    """Consent-decree numbering as the scheme defines it ("%1." decimal, then "(%2)" letters;
    the third level optional)."""
    return all(
        (lv := levels.get(ilvl)) is not None and lv.fmt == want.fmt and lv.text.strip() == want.lvl_text(ilvl)
        for ilvl, want in enumerate(DECREE_LEVELS[:2])
    )
