"""The comparison itself: align OLD's units with NEW's, keep renumbering out, and mark what
changed on NEW's XML as native Word revisions (markup.py and runs.py write the OOXML).

Renumbering is not a change: the map of old → new numbers, and OLD's text with its references
moved through it before the diff, are renumber.py's; this module counts the renumbered
paragraphs per section.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from drafter.compare import markup, runs
from drafter.compare.align import Op, align, word_diff
from drafter.compare.extract import Body, Para, Table, Unit, words
from drafter.compare.renumber import Renumbering, renumbering_map
from drafter.compare.summary import SectionStats

_RPR = markup.w("rPr")


@dataclass
class Options:
    author: str
    date: str
    show_renumbering: bool = False


class Engine:
    """One comparison of OLD against NEW; mutates NEW's XML tree into the redline."""

    def __init__(self, old: Body, new: Body, options: Options):
        self.old, self.new, self.options = old, new, options
        self.marker = markup.Marker(options.author, options.date, markup.first_free_id(new.root))
        self.sections: list[SectionStats] = [SectionStats("Before the first heading")]
        self.renumbered = 0
        self.renumbering = Renumbering({}, options.show_renumbering)
        self.styled_headings = any(isinstance(u, Para) and u.heading == 1 for u in new.units)

    @property
    def section(self) -> SectionStats:
        return self.sections[-1]

    # ------------------------------------------------------------------ top level
    def run(self) -> None:
        old_units, new_units = self.old.units, self.new.units
        ops = align([u.key for u in old_units], [u.key for u in new_units])
        self.renumbering = Renumbering(
            renumbering_map(ops, old_units, new_units), self.options.show_renumbering
        )
        first = new_units[0].el if new_units else None
        self._walk(ops, old_units, new_units, anchor=None, first=first, top=True)
        if not self.sections[0].any_change() and len(self.sections) > 1:
            self.sections.pop(0)

    def _walk(
        self,
        ops: list[Op],
        old_units: list[Unit],
        new_units: list[Unit],
        anchor: etree._Element | None,
        first: etree._Element | None,
        top: bool = False,
        container: etree._Element | None = None,
    ) -> None:
        """Apply one alignment. Copies of OLD paragraphs go after `anchor` (the last NEW unit
        seen, or the last copy placed), before `first` when nothing came yet, else into
        `container`."""

        def place(el: etree._Element) -> None:
            nonlocal anchor
            if anchor is not None:
                anchor.addnext(el)
            elif first is not None:
                first.addprevious(el)
            elif container is not None:
                container.append(el)
            else:
                body = self.new.root.find(markup.w("body"))
                sect = body.find(markup.w("sectPr")) if body is not None else None
                if sect is not None:
                    sect.addprevious(el)
                elif body is not None:
                    body.append(el)
            anchor = el

        for op in ops:
            new_u = new_units[op.new] if op.new is not None else None
            old_u = old_units[op.old] if op.old is not None else None
            if top and isinstance(new_u, Para) and self._starts_section(new_u) and op.kind != "move_to":
                title = f"{new_u.label}. {new_u.text}" if new_u.label and not new_u.typed else new_u.text
                self.sections.append(SectionStats(title.strip() or "(untitled section)"))
            if op.kind in ("equal", "change"):
                assert old_u is not None and new_u is not None
                self._pair(old_u, new_u)
            elif op.kind == "insert":
                assert new_u is not None
                self._inserted(new_u)
            elif op.kind == "delete":
                assert old_u is not None
                place(self._deleted(old_u))
            elif op.kind == "move_from":
                assert isinstance(old_u, Para)
                copy = markup.old_copy(
                    old_u.el, self.marker, "moveFrom", self.new.style_ids, self.new.num_ids
                )
                markup.add_move_range(copy, self.marker, "moveFrom", f"move{op.move}")
                place(copy)
                self.section.paragraphs_moved += 1
            elif op.kind == "move_to":
                assert isinstance(new_u, Para)
                runs.wrap_runs(new_u.el, self.marker, "moveTo")
                markup.mark_paragraph_mark(new_u.el, self.marker, "moveTo")
                markup.add_move_range(new_u.el, self.marker, "moveTo", f"move{op.move}")
                if isinstance(old_u, Para) and old_u.label != new_u.label and old_u.label and new_u.label:
                    self.renumbered += 1
            if new_u is not None:
                anchor = new_u.el

    def _starts_section(self, p: Para) -> bool:
        """A level-1 heading; in a document without heading styles (typed from plain text),
        a short paragraph opening with a typed Roman section number ("IV. TRAINING")."""
        if self.styled_headings:
            return p.heading == 1
        return p.typed is not None and p.label_kind == "section"

    # ------------------------------------------------------------------ units
    def _inserted(self, unit: Unit) -> None:
        if isinstance(unit, Table):
            for row in unit.rows:
                self._row_inserted(row.el, [p for c in row.cells for p in c.paras])
            self.section.paragraphs_added += sum(len(c.paras) for r in unit.rows for c in r.cells)
            return
        runs.wrap_runs(unit.el, self.marker, "ins")
        markup.mark_paragraph_mark(unit.el, self.marker, "ins")
        self.section.paragraphs_added += 1
        self.section.words_inserted += words(unit.text)

    def _row_inserted(self, tr: etree._Element, paras: list[Para]) -> None:
        markup.mark_row(tr, self.marker, "ins")
        for p in paras:
            runs.wrap_runs(p.el, self.marker, "ins")
            markup.mark_paragraph_mark(p.el, self.marker, "ins")
            self.section.words_inserted += words(p.text)

    def _deleted(self, unit: Unit) -> etree._Element:
        if isinstance(unit, Table):
            table = copy.deepcopy(unit.el)
            for tr in table.iter(markup.w("tr")):
                self._row_deleted_inplace(tr)
            self.section.paragraphs_removed += sum(len(c.paras) for r in unit.rows for c in r.cells)
            return table
        self.section.paragraphs_removed += 1
        self.section.words_deleted += words(unit.text)
        return markup.old_copy(unit.el, self.marker, "del", self.new.style_ids, self.new.num_ids)

    def _row_deleted_inplace(self, tr: etree._Element) -> None:
        """Turn a copied OLD row into a deleted row: each paragraph deleted, the row marked."""
        for p in [p for p in tr.iter(markup.w("p"))]:
            self.section.words_deleted += words("".join(t.text or "" for t in p.iter(markup.w("t"))))
            copy = markup.old_copy(p, self.marker, "del", self.new.style_ids, self.new.num_ids)
            p.addprevious(copy)
            p.getparent().remove(p)
        markup.mark_row(tr, self.marker, "del")

    def _pair(self, old_u: Unit, new_u: Unit) -> None:
        if isinstance(old_u, Para) and isinstance(new_u, Para):
            self._para_pair(old_u, new_u)
        elif isinstance(old_u, Table) and isinstance(new_u, Table):
            self._table_pair(old_u, new_u)
        else:  # a paragraph became a table or back: nothing to pair inside
            self._inserted(new_u)
            new_u.el.addprevious(self._deleted(old_u))

    def _para_pair(self, old: Para, new: Para) -> None:
        if old.label and new.label and old.label != new.label:
            self.renumbered += 1
            self.section.paragraphs_renumbered += 1
        if not self.renumbering.may_rewrite(old.body):
            if old.text == new.text and etree.tostring(old.el) == etree.tostring(new.el):
                return  # the same XML: nothing to mark, nothing to count (the common case)
        old_text = self.renumbering.old_text(old, new)
        restyled = markup.mark_ppr_change(new.el, old.el, self.marker)
        restyled = self._format_changes(old, new) or restyled
        if restyled:
            self.section.paragraphs_restyled += 1
        if old_text == new.text:
            return
        ops = word_diff(old_text, new.text)
        runs.mark_text_changes(new, ops, self.marker)
        self.section.paragraphs_changed += 1
        self.section.words_inserted += sum(words(t) for op, t in ops if op == 1)
        self.section.words_deleted += sum(words(t) for op, t in ops if op == -1)

    def _format_changes(self, old: Para, new: Para) -> bool:
        """w:rPrChange on NEW's runs whose formatting differs from OLD's at the same text."""
        new_fmt = _formats(new)
        if _formats(old) == new_fmt or not new.pieces:
            return False
        old_at = _position_map(old.text, new.text)
        changed = False
        seen: set[int] = set()
        for piece in new.pieces:
            if id(piece.run) in seen or piece.start == piece.end:
                continue
            seen.add(id(piece.run))
            pos = old_at.get(piece.start)
            if pos is None:
                continue
            old_piece = next((p for p in old.pieces if p.start <= pos < p.end), None)
            if old_piece is None:
                continue
            changed |= markup.mark_rpr_change(piece.run, old_piece.run.find(markup.w("rPr")), self.marker)
        return changed

    def _table_pair(self, old: Table, new: Table) -> None:
        ops = align([r.key for r in old.rows], [r.key for r in new.rows], moves=False)
        anchor: etree._Element | None = None
        for op in ops:
            if op.kind in ("equal", "change"):
                orow, nrow = old.rows[op.old], new.rows[op.new]  # type: ignore[index]
                if len(orow.cells) == len(nrow.cells):
                    for oc, nc in zip(orow.cells, nrow.cells, strict=True):
                        self._cell_pair(oc.paras, nc.paras, nc.el)
                else:
                    self._row_inserted(nrow.el, [p for c in nrow.cells for p in c.paras])
                    self._place_deleted_row(orow.el, nrow.el, before=True)
                anchor = nrow.el
            elif op.kind == "insert":
                nrow = new.rows[op.new]  # type: ignore[index]
                self._row_inserted(nrow.el, [p for c in nrow.cells for p in c.paras])
                self.section.paragraphs_added += 1
                anchor = nrow.el
            elif op.kind == "delete":
                orow = old.rows[op.old]  # type: ignore[index]
                target = anchor if anchor is not None else (new.rows[0].el if new.rows else None)
                if target is None:
                    continue
                anchor = self._place_deleted_row(orow.el, target, before=anchor is None)
                self.section.paragraphs_removed += 1

    def _place_deleted_row(self, old_tr: etree._Element, at: etree._Element, before: bool) -> etree._Element:
        tr = copy.deepcopy(old_tr)
        self._row_deleted_inplace(tr)
        if before:
            at.addprevious(tr)
        else:
            at.addnext(tr)
        return tr

    def _cell_pair(self, old: list[Para], new: list[Para], tc: etree._Element) -> None:
        ops = align([p.key for p in old], [p.key for p in new], moves=False)
        first = new[0].el if new else None
        self._walk(ops, list(old), list(new), anchor=None, first=first, container=tc)


def _formats(p: Para) -> list[tuple[bytes, int]]:
    out: list[tuple[bytes, int]] = []
    for piece in p.pieces:
        rpr = piece.run.find(_RPR)
        fmt = etree.tostring(rpr) if rpr is not None else b""
        if out and out[-1][0] == fmt:
            out[-1] = (fmt, out[-1][1] + piece.end - piece.start)
        else:
            out.append((fmt, piece.end - piece.start))
    return out


def _position_map(old: str, new: str) -> dict[int, int]:
    """NEW text position → OLD text position, for characters both texts share."""
    out: dict[int, int] = {}
    i = j = 0
    for op, text in word_diff(old, new):
        if op == 0:
            for k in range(len(text)):
                out[j + k] = i + k
            i += len(text)
            j += len(text)
        elif op == 1:
            j += len(text)
        else:
            i += len(text)
    return out
