from __future__ import annotations

from review_helpers import decree

from drafter.review import terms


def _by_check(document):
    return {(f.check, f.location.paragraph): f for f in terms.check(document)}


def test_defined_twice_unused_and_wrong_case() -> None:
    d = decree(
        '"Effective Date" means the date the Court enters this Agreement.',
        '"Monitor" shall mean the person the Court appoints (the "Monitoring Team" includes staff).',
        '"Effective Date" means something else.',
        "Within 90 days of the Effective date, the City will publish the plan.",
    )
    got = _by_check(d)
    assert ("terms.defined-twice", "214") in got
    assert ("terms.wrong-case", "215") in got and got[("terms.wrong-case", "215")].severity == "warning"
    assert ("terms.unused", "213") in got  # "Monitor" defined, never used
    assert "Monitoring Team" in {f.location.quote for f in terms.check(d) if f.check == "terms.unused"}


def test_used_but_never_defined() -> None:
    d = decree("The City will report to the Monitor each quarter.", "Monitor reports are public.")
    got = _by_check(d)
    assert ("terms.undefined", "212") in got
    assert ("terms.undefined", "213") not in got  # one finding per term; sentence start is not a use


def test_defined_term_used_correctly_is_clean() -> None:
    d = decree('"Effective Date" means the date of entry.', "Within 30 days of the Effective Date, act.")
    assert terms.check(d) == []


def test_monitor_title_named_in_the_monitor_definition_is_not_undefined() -> None:
    d = decree(
        "“Monitor” means the Compliance Officer and Community Liaison appointed under the Agreement.",
        "The City shall report to the Compliance Officer and Community Liaison each quarter.",
    )
    assert not [f for f in terms.check(d) if f.check == "terms.undefined"]
    d = decree(
        "“Effective Date” means the date the Court enters this section.",
        "The City shall report to the Compliance Officer each quarter after the Effective Date.",
    )
    assert [f.location.quote for f in terms.check(d) if f.check == "terms.undefined"] == [
        "Compliance Officer"
    ]
