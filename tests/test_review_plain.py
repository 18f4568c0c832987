from __future__ import annotations

import socket

import pytest
from review_helpers import decree

from drafter.review import plain


def test_readability_works_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    grade = plain.grade("The City will meet residents each month. They will agree on one problem to solve.")
    assert 0 < grade < 8


def test_high_grade_section_long_sentence_passive_and_jargon() -> None:
    long_sentence = (
        "The Department, in consultation with the Monitor and relevant organizational "
        "constituencies, shall institutionalize comprehensive multidisciplinary "
        "methodologies, operationalizing interdepartmental accountability mechanisms "
        "notwithstanding preexisting administrative configurations and jurisdictional "
        "responsibilities, consistent with applicable constitutional requirements and "
        "professionally recognized standards, and shall report on those methodologies to the "
        "Court, the Monitor and the public in each subsequent reporting period."
    )
    d = decree(
        long_sentence + " " + long_sentence,
        long_sentence,
        "Training shall be conducted annually.",
        "Training shall be conducted by the Academy.",
        "We will leverage stakeholder buy-in.",
    )
    found = plain.check(d, jargon=("leverage", "stakeholder", "buy-in"))
    got = [(f.check, f.location.paragraph) for f in found]
    assert ("plain.grade", "212") in got
    assert ("plain.long-sentence", "212") in got
    assert ("plain.passive-obligation", "214") in got and ("plain.passive-obligation", "215") not in got
    jargon = [f for f in found if f.check == "plain.jargon"]
    assert len(jargon) == 1 and jargon[0].location.paragraph == "216" and "buy-in" in jargon[0].message


def test_library_jargon_list_is_read() -> None:
    terms = plain.jargon_terms()
    assert "stakeholder" in terms and all(not t.startswith("#") for t in terms)
