"""Articles, plurals, list punctuation and typographic quotes in clause text."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from drafter.library.grammar import a_an, as_clause, item_end, plural, typographic
from drafter.library.render import SENTINEL_CLOSE, SENTINEL_OPEN


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("immigrant serving organization", "an immigrant serving organization"),
        ("university", "a university"),
        ("hour", "an hour"),
        ("public agency", "a public agency"),
        ("LGBTQ liaison", "an LGBTQ liaison"),
    ],
)
def test_articles_come_from_inflect(phrase: str, expected: str) -> None:
    assert a_an(phrase) == expected


def test_plural_and_singular() -> None:
    assert plural("deputy") == "deputies"
    assert plural("patrol area") == "patrol areas"
    assert plural("district", 1) == "district"


def test_enumerations_end_with_semicolons_and_a_final_and() -> None:
    loops = [SimpleNamespace(last=i == 2, revindex=3 - i) for i in range(3)]
    assert [item_end(loop) for loop in loops] == [";", "; and", "."]


def test_item_end_of_single_item_is_a_period() -> None:
    assert item_end(SimpleNamespace(last=True, revindex=1)) == "."


def test_role_sentence_becomes_a_clause() -> None:
    assert as_clause("Runs evening jobs for teenagers.") == "runs evening jobs for teenagers"
    assert as_clause("LPD staff run it.") == "LPD staff run it"


def test_typographic_quotes_and_apostrophes() -> None:
    assert typographic("LPD's officers' \"plan\"") == "LPD\u2019s officers\u2019 \u201cplan\u201d"
    assert typographic("the 'quoted' word") == "the \u2018quoted\u2019 word"


def test_typographic_leaves_sentinels_alone() -> None:
    marker = f"{SENTINEL_OPEN}T:Sheriff's Office{SENTINEL_CLOSE}"
    assert typographic(f"the {marker}'s duty") == f"the {marker}\u2019s duty"
