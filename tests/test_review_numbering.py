from __future__ import annotations

from review_helpers import doc, heading, para

from drafter.review import sequence


def test_list_number_gap_and_repeat_are_errors() -> None:
    d = doc(*[para("x", numbering="decree", number=n) for n in ("212", "213", "215", "215", "216")])
    got = [(f.check, f.severity, f.location.paragraph) for f in sequence.check(d)]
    assert got == [("numbering.gap", "error", "215"), ("numbering.repeat", "error", "215")]


def test_typed_number_breaking_a_list_numbered_decree() -> None:
    d = doc(
        para("x", numbering="decree", number="212"),
        para("220. The City will act."),
        para("y", numbering="decree", number="213"),
    )
    msgs = [f.message for f in sequence.check(d)]
    assert any("212 to ¶ 220" in m for m in msgs) and any("back from ¶ 220 to ¶ 213" in m for m in msgs)


def test_typed_lists_may_restart_without_decree_numbering_and_headings_checked() -> None:
    d = doc(heading("I. One"), para("1. a"), para("2. b"), para("1. c"), para("3. d"), heading("III. Three"))
    got = [(f.check, f.severity, f.location.paragraph) for f in sequence.check(d)]
    assert ("numbering.gap", "warning", "3") in got
    assert any(
        f.check == "numbering.gap" and "Section I to Section III" in f.message for f in sequence.check(d)
    )
    assert len(got) == 2


def test_list_items_run_together_in_one_paragraph() -> None:
    from review_helpers import decree

    d = decree(
        "The City will revise these policies:",
        "Language Access;1. Community Partnerships; and1. Victim Services. The City will act.",
        "The City will meet residents; 30 days later it will report. See 1. above; and 2 more.",
    )
    found = [f for f in sequence.check(d) if f.check == "numbering.run-together"]
    assert [(f.location.paragraph, f.severity) for f in found] == [("213", "warning")]
    assert "Access;1. Community" in found[0].location.quote
