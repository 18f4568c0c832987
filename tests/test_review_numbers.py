from __future__ import annotations

from review_helpers import decree

from drafter.review import number_words as numbers


def _got(document):
    return [(f.check, f.location.paragraph) for f in numbers.check(document)]


def test_words_disagree_with_digits() -> None:
    d = decree(
        "Within thirty (60) days.", "Within three hundred sixty-five (365) days.", "Within ninety (90) days."
    )
    assert _got(d) == [("numbers.words-digits", "212")]
    assert numbers.words_to_int("one hundred and twenty") == 120


def test_impossible_dates() -> None:
    d = decree("By February 30, 2027 the City will act.", "By 2/29/2028 and 2027-13-01.", "By June 31 2027.")
    got = _got(d)
    assert got.count(("dates.impossible", "212")) == 1
    assert got.count(("dates.impossible", "213")) == 1  # 2028 is a leap year; month 13 is not
    assert ("dates.impossible", "214") in got


def test_deadline_before_effective_date() -> None:
    d = decree(
        'This Agreement was entered on March 1, 2027 (the "Effective Date").',
        "The City will publish the plan by January 15, 2027.",
        "The City will report by April 1, 2027.",
    )
    assert _got(d) == [("dates.before-effective", "213")]
