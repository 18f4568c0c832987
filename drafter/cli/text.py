"""How the CLI words a count and lines up a table, alike in every command."""

from __future__ import annotations

from collections.abc import Sequence


def plural(n: int, word: str) -> str:
    """'1 clause', '2 clauses'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def columns(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Rows as aligned columns, two spaces apart, however long a value is (the last column
    is not padded)."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return ["  ".join([*(v.ljust(w) for v, w in zip(row, widths, strict=False)), row[-1]]) for row in rows]
