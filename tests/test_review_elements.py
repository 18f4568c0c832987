from __future__ import annotations

from review_helpers import decree

from drafter.review import elements


def test_missing_core_elements_are_warnings_and_coverage_is_counted() -> None:
    d = decree(
        "The City will run a representative community survey each year.",
        "Officers will receive training in problem solving with partners.",
    )
    found = elements.check(d, "directive")
    missing = {f.message for f in found if f.check == "elements.missing" and f.severity == "warning"}
    assert "Nothing found on: Language access for people with limited English." in missing
    assert not any("survey" in m for m in missing)
    coverage = elements.coverage(d, "directive")
    assert "Representative community survey" in coverage["covered"]
    assert found[0].check == "elements.coverage" and "of 29" in found[0].message


def test_narrative_10382c_items() -> None:
    d = decree(
        "Our long-term strategy was built after we consulted with residents.",
        "The program continues after federal funding ends through the general fund.",
        start=1,
    )
    found = {f.location.quote for f in elements.check(d, "narrative") if f.check == "grant.10382c-missing"}
    assert "§ 10382(c)(1)" not in found and "§ 10382(c)(7)" not in found
    assert "§ 10382(c)(11)" in found and len(found) == 9


def test_area_word_is_the_agencys_own() -> None:
    """District, precinct, sector, area or beat: plans and committees count whatever the area is called."""
    for word in ("district", "precinct", "sector", "area", "beat"):
        d = decree(
            f"Each commander will write a {word} plan with residents.",
            f"The Office will help residents form a {word} committee in each {word}.",
        )
        covered = elements.coverage(d, "directive")["covered"]
        assert "District plans built with residents" in covered, word
        assert "District or precinct committees" in covered, word
