"""What a lawyer would redline first, checked on every directive example: articles, list
punctuation and typographic quotes (issue 12)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from drafter.compose.directive import Composition, compose
from drafter.inputs.loader import load_inputs
from drafter.library.clauses import load_library
from drafter.model import Heading, Paragraph, iter_blocks

ROOT = Path(__file__).resolve().parent.parent
DIRECTIVES = sorted(
    p
    for p in (ROOT / "examples").glob("*.yaml")
    if re.search(r"^\s+kind: directive\s*$", p.read_text(), re.MULTILINE)
)


@cache
def composed(path: Path) -> Composition:
    return compose(load_inputs(path), load_library())


def texts(path: Path) -> list[str]:
    """Every paragraph's and heading's text, in document order."""
    out = []
    for block in iter_blocks(composed(path).document.body):
        if isinstance(block, (Paragraph, Heading)):
            out.append("".join(getattr(i, "text", "") or getattr(i, "name", "") for i in block.content))
    return out


def test_there_are_directive_examples() -> None:
    assert len(DIRECTIVES) >= 3


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_no_wrong_indefinite_article(path: Path) -> None:
    for text in texts(path):
        bad = re.findall(r"\b[Aa] (?:[aeio]\w+|un(?!i)\w+)", text)
        bad += re.findall(r"\b[Aa]n (?:[bcdfgjklmnpqrstvwxyz]\w+)", text)
        assert not bad, f"{bad} in: {text}"


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_no_straight_quotes_or_apostrophes(path: Path) -> None:
    for text in texts(path):
        assert "'" not in text and '"' not in text, text


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.stem)
def test_no_template_joins_quoted_in_the_issue(path: Path) -> None:
    whole = "\n".join(texts(path))
    for join in ("Shared work:", ", measured by ", "It is driven by", ", with Lakeport"):
        assert join not in whole
