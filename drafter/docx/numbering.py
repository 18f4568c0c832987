"""The numbering part (ECMA-376 Part 1, 17.9): ``w:abstractNum`` list definitions and the
``w:num`` instances paragraphs point at through ``w:numPr`` (``w:ilvl`` + ``w:numId``).

Numbers are never typed into the text: a consent decree is amended by inserting paragraphs,
and only Word list numbering renumbers everything after the insertion. drafter defines:

- decree numbering, one list for the whole document: "212." / "(a)" / "(i)", its first
  number set by ``w:lvlOverride/w:startOverride`` from ``Meta.start_paragraph``;
- heading numbering (directives): "I." / "A.", starting at ``Meta.start_section``;
- bullets;
- ordered lists that restart ("1." / "a." / "i."): one ``w:num`` per ``list_id``.

Definitions are added only when used, with ids after any the reference document already has
(its own list styles keep working).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from drafter.docx.fields import W, el, sub
from drafter.numbering_scheme import DECREE_LEVELS as DECREE_FORMATS
from drafter.numbering_scheme import HEADING_LEVELS as HEADING_FORMATS
from drafter.numbering_scheme import ORDERED_LEVELS as ORDERED_FORMATS
from drafter.numbering_scheme import LevelFormat


@dataclass(frozen=True)
class Level:
    """One level of a list definition: format, text pattern and hanging indent (twips)."""

    fmt: str
    text: str
    left: int
    hanging: int
    first_line: int = 0
    suffix: str = "tab"
    start: int = 1


def _level(formats: tuple[LevelFormat, ...], ilvl: int, **layout: int | str) -> Level:
    """A list level whose format and text come from the numbering scheme; only the layout
    (indents, suffix, start) is decided here."""
    fmt = formats[ilvl]
    return Level(fmt.fmt, fmt.lvl_text(ilvl), **layout)  # type: ignore[arg-type]


DECREE_LEVELS: tuple[Level, ...] = (
    # "212." at the first-line indent, text from the next tab stop: the usual court layout.
    _level(DECREE_FORMATS, 0, left=0, hanging=0, first_line=720),
    _level(DECREE_FORMATS, 1, left=1440, hanging=720),
    _level(DECREE_FORMATS, 2, left=2160, hanging=720),
)
ORDERED_LEVELS: tuple[Level, ...] = (
    _level(ORDERED_FORMATS, 0, left=720, hanging=360),
    _level(ORDERED_FORMATS, 1, left=1440, hanging=360),
    _level(ORDERED_FORMATS, 2, left=2160, hanging=360),
)
BULLET_LEVELS: tuple[Level, ...] = (
    Level("bullet", "\u2022", left=720, hanging=360),
    Level("bullet", "\u25e6", left=1440, hanging=360),
    Level("bullet", "\u25aa", left=2160, hanging=360),
)


def heading_levels(start_section: int) -> tuple[Level, ...]:
    """ "I." (centred headings: number and text joined by a space) and "A."."""
    return (
        _level(HEADING_FORMATS, 0, left=0, hanging=0, suffix="space", start=start_section),
        _level(HEADING_FORMATS, 1, left=720, hanging=720),
    )


def _abstract_num(abstract_id: int, levels: tuple[Level, ...]) -> etree._Element:
    node = el("abstractNum", {"abstractNumId": str(abstract_id)})
    sub(node, "multiLevelType", {"val": "multilevel"})
    for ilvl, level in enumerate(levels):
        lvl = sub(node, "lvl", {"ilvl": str(ilvl)})
        sub(lvl, "start", {"val": str(level.start)})
        sub(lvl, "numFmt", {"val": level.fmt})
        if level.suffix != "tab":
            sub(lvl, "suff", {"val": level.suffix})
        sub(lvl, "lvlText", {"val": level.text})
        sub(lvl, "lvlJc", {"val": "left"})
        ppr = sub(lvl, "pPr")
        ind = {"left": str(level.left)}
        if level.hanging:
            ind["hanging"] = str(level.hanging)
        elif level.first_line:
            ind["firstLine"] = str(level.first_line)
        sub(ppr, "ind", ind)
    return node


def _num(num_id: int, abstract_id: int, overrides: dict[int, int]) -> etree._Element:
    node = el("num", {"numId": str(num_id)})
    sub(node, "abstractNumId", {"val": str(abstract_id)})
    for ilvl, start in sorted(overrides.items()):
        override = sub(node, "lvlOverride", {"ilvl": str(ilvl)})
        sub(override, "startOverride", {"val": str(start)})
    return node


def num_pr(num_id: int, ilvl: int) -> etree._Element:
    """The ``w:numPr`` a paragraph carries in its ``w:pPr``."""
    node = el("numPr")
    sub(node, "ilvl", {"val": str(max(0, min(ilvl, 8)))})
    sub(node, "numId", {"val": str(num_id)})
    return node


class Numbering:
    """Allocates list definitions on first use and writes them into numbering.xml.

    Allocation order follows the document, so ids are the same on every build.
    """

    def __init__(self, root: etree._Element, start_paragraph: int = 1, start_section: int = 1):
        self._root = root
        self._start_paragraph = start_paragraph
        self._start_section = start_section
        abstract_ids = [int(a.get(W + "abstractNumId", "0")) for a in root.iter(W + "abstractNum")]
        num_ids = [int(n.get(W + "numId", "0")) for n in root.iter(W + "num")]
        self._next_abstract = max(abstract_ids, default=-1) + 1
        self._next_num = max(num_ids, default=0) + 1
        self._abstracts: list[etree._Element] = []
        self._nums: list[etree._Element] = []
        self._named: dict[str, int] = {}
        self._ordered_abstract: int | None = None
        self._ordered: dict[int, int] = {}

    def _define(self, levels: tuple[Level, ...]) -> int:
        abstract_id = self._next_abstract
        self._next_abstract += 1
        self._abstracts.append(_abstract_num(abstract_id, levels))
        return abstract_id

    def _instance(self, abstract_id: int, overrides: dict[int, int]) -> int:
        num_id = self._next_num
        self._next_num += 1
        self._nums.append(_num(num_id, abstract_id, overrides))
        return num_id

    def decree(self) -> int:
        """The one decree list; its first paragraph is numbered `start_paragraph`."""
        if "decree" not in self._named:
            abstract_id = self._define(DECREE_LEVELS)
            self._named["decree"] = self._instance(abstract_id, {0: self._start_paragraph})
        return self._named["decree"]

    def headings(self) -> int:
        if "headings" not in self._named:
            abstract_id = self._define(heading_levels(self._start_section))
            self._named["headings"] = self._instance(abstract_id, {0: self._start_section})
        return self._named["headings"]

    def bullets(self) -> int:
        if "bullets" not in self._named:
            self._named["bullets"] = self._instance(self._define(BULLET_LEVELS), {})
        return self._named["bullets"]

    def ordered(self, list_id: int) -> int:
        """A restarting "1." list per `list_id`; all share one definition, each restarts."""
        if list_id not in self._ordered:
            if self._ordered_abstract is None:
                self._ordered_abstract = self._define(ORDERED_LEVELS)
            self._ordered[list_id] = self._instance(self._ordered_abstract, {0: 1, 1: 1, 2: 1})
        return self._ordered[list_id]

    def finish(self) -> None:
        """Insert the new definitions: every ``w:abstractNum`` precedes every ``w:num``."""
        existing_nums = self._root.findall(W + "num")
        anchor = existing_nums[0] if existing_nums else None
        for abstract in self._abstracts:
            if anchor is not None:
                anchor.addprevious(abstract)
            else:
                # Before numIdMacAtCleanup, the only child that may follow w:num.
                cleanup = self._root.find(W + "numIdMacAtCleanup")
                if cleanup is not None:
                    cleanup.addprevious(abstract)
                else:
                    self._root.append(abstract)
        cleanup = self._root.find(W + "numIdMacAtCleanup")
        for num in self._nums:
            if cleanup is not None:
                cleanup.addprevious(num)
            else:
                self._root.append(num)
        self._abstracts, self._nums = [], []
