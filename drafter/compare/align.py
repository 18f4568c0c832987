"""Which paragraph of OLD became which of NEW, and what changed inside it.

Paragraphs (and tables, as single units) are aligned on their keys — text without number
labels, references masked — with diff-match-patch over one character per distinct key.
Inside a stretch where both sides differ, paragraphs are paired by word similarity, so an edited paragraph shows as edited rather than
deleted and re-inserted. What is left unpaired and has an identical twin on the other side is
a move.

Word-level differences come from diff-match-patch (Google's Myers diff with semantic
clean-up, Apache-2.0): each word, run of spaces and punctuation mark is mapped to one
character (the library's lines-to-characters idea, applied to words), the character strings
are diffed, the result cleaned up for people and mapped back. Its time limit is switched off:
a limit makes the result depend on the machine's speed, and the output must be deterministic.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

OpKind = Literal["equal", "change", "insert", "delete", "move_from", "move_to"]

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_MAX_PAIRING = 4000  # cells in the similarity grid of one replaced block; beyond, no pairing
_SIMILAR = 0.5


@dataclass
class Op:
    """One step of the alignment. `old`/`new` index the units; `move` numbers a move's pair."""

    kind: OpKind
    old: int | None
    new: int | None
    move: int = 0


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    wa, wb = a.split(), b.split()
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def _pair(old_keys: list[str], new_keys: list[str], i0: int, i1: int, j0: int, j1: int) -> list[Op]:
    """Pair the paragraphs of one replaced block in order, maximizing total similarity
    (a small dynamic programme); unpaired ones become deletions and insertions."""
    n, m = i1 - i0, j1 - j0
    if n * m > _MAX_PAIRING:
        return [Op("delete", i, None) for i in range(i0, i1)] + [Op("insert", None, j) for j in range(j0, j1)]
    sim = [[_similarity(old_keys[i0 + i], new_keys[j0 + j]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= _SIMILAR else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    ops: list[Op] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= _SIMILAR and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            ops.append(Op("change", i0 + i, j0 + j))
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            ops.append(Op("delete", i0 + i, None))
            i += 1
        else:
            ops.append(Op("insert", None, j0 + j))
            j += 1
    ops.extend(Op("delete", i0 + k, None) for k in range(i, n))
    ops.extend(Op("insert", None, j0 + k) for k in range(j, m))
    return ops


def align(old_keys: list[str], new_keys: list[str], *, moves: bool = True) -> list[Op]:
    """The alignment of two key sequences, in NEW's order (deletions where they stood).

    `change` pairs are similar but not equal; with `moves`, an unpaired deletion whose key
    equals an unpaired insertion's (and is not empty) becomes a `move_from`/`move_to` pair.
    """
    ops: list[Op] = []
    i = j = 0
    dels = ins = 0
    for op, length in _sequence_diff(old_keys, new_keys):
        if op == 0:
            ops.extend(_block(old_keys, new_keys, i - dels, i, j - ins, j))
            dels = ins = 0
            ops.extend(Op("equal", i + k, j + k) for k in range(length))
            i += length
            j += length
        elif op == -1:
            dels += length
            i += length
        else:
            ins += length
            j += length
    ops.extend(_block(old_keys, new_keys, i - dels, i, j - ins, j))
    if moves:
        _find_moves(ops, old_keys, new_keys)
    return ops


def _block(old_keys: list[str], new_keys: list[str], i0: int, i1: int, j0: int, j1: int) -> list[Op]:
    if i0 == i1:
        return [Op("insert", None, j) for j in range(j0, j1)]
    if j0 == j1:
        return [Op("delete", i, None) for i in range(i0, i1)]
    return _pair(old_keys, new_keys, i0, i1, j0, j1)


def _sequence_diff(old_keys: list[str], new_keys: list[str]) -> list[tuple[int, int]]:
    """(op, count) runs of a diff of two sequences of paragraph keys: each distinct key becomes
    one character and diff-match-patch diffs the strings (Myers, O(N·D): fast when two
    versions of a document mostly agree, where difflib's matcher slows down on the many
    repeated keys a decree has — empty paragraphs, "(a)" items, boilerplate)."""
    table: dict[str, str] = {}

    def encode(keys: list[str]) -> str:
        return "".join(table.setdefault(k, _char(len(table))) for k in keys)

    a, b = encode(old_keys), encode(new_keys)
    return [(op, len(chars)) for op, chars in _diff(a, b)]


def _char(index: int) -> str:
    """The index-th code point used to stand for a token (stepping over the surrogates)."""
    code = index + 0x100
    return chr(code + 0x800 if code >= 0xD800 else code)


def _find_moves(ops: list[Op], old_keys: list[str], new_keys: list[str]) -> None:
    inserted: dict[str, list[Op]] = {}
    for op in ops:
        if op.kind == "insert" and op.new is not None and len(new_keys[op.new].split()) >= 3:
            inserted.setdefault(new_keys[op.new], []).append(op)
    number = 0
    for op in ops:
        if op.kind != "delete" or op.old is None:
            continue
        twins = inserted.get(old_keys[op.old])
        if twins:
            number += 1
            twin = twins.pop(0)
            op.kind, op.move = "move_from", number
            twin.kind, twin.move, twin.old = "move_to", number, op.old


_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # no time limit: the same inputs must give the same redline


_MAX_MIDDLE = 20_000
"""Symbols left to diff after the common start and end are set aside. Myers' diff costs about
N·D steps, so two long and wholly different texts would take minutes in pure Python; beyond
this size the middle is reported as one deletion and one insertion (still exact, just coarse)."""


def _diff(a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's diff, with a coarse fallback for huge, wholly rewritten middles."""
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    if (len(a) - head - tail) + (len(b) - head - tail) <= _MAX_MIDDLE:
        return [(op, text) for op, text in _DMP.diff_main(a, b, False)]
    out = [
        (0, a[:head]),
        (-1, a[head : len(a) - tail]),
        (1, b[head : len(b) - tail]),
        (0, a[len(a) - tail :]),
    ]
    return [(op, text) for op, text in out if text]


def word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """diff-match-patch operations (-1 delete, 0 equal, 1 insert) between two texts, at word
    granularity, cleaned up so that a reader sees whole phrases replaced, not letter salad."""
    if old == new:
        return [(0, new)] if new else []
    table: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        out = []
        for tok in _TOKEN.findall(text):
            ch = table.get(tok)
            if ch is None:
                ch = _char(len(tokens))
                table[tok] = ch
                tokens.append(tok)
            out.append(ch)
        return "".join(out)

    a, b = encode(old), encode(new)
    diffs = _diff(a, b)
    _DMP.diff_cleanupSemantic(diffs)
    decoded: list[tuple[int, str]] = []
    for op, chars in diffs:
        text = "".join(tokens[_index(ch)] for ch in chars)
        if decoded and decoded[-1][0] == op:
            decoded[-1] = (op, decoded[-1][1] + text)
        elif text:
            decoded.append((op, text))
    return decoded


def _index(ch: str) -> int:
    code = ord(ch)
    if code >= 0xE000:
        code -= 0x800
    return code - 0x100
