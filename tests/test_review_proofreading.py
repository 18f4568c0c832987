"""Review on texts drafter did not write: each false alarm that made lawyers stop reading, and
each defect a proofreader must catch (issue 14)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from review_helpers import decree, doc, heading, para

from drafter.cli.review import review
from drafter.review import blanks, plain, review_document, review_file, sequence, terms, xrefs
from drafter.review.kind import detect_kind


def checks(findings, check: str) -> list:
    return [f for f in findings if f.check == check]


# --------------------------------------------------------------------------- terms: false alarms


def test_a_definition_opening_a_sentence_is_not_a_case_mismatch() -> None:
    d = doc(
        para('"This License" refers to version 3 of the GNU General Public License.'),
        para("Each licensee is addressed as you. You may convey copies under this License."),
    )
    found = terms.check(d)
    assert not checks(found, "terms.wrong-case")
    assert not checks(found, "terms.unused")


def test_ordinary_lower_case_words_are_not_miscased_terms() -> None:
    d = doc(
        para(
            '"License" shall mean the terms and conditions for use. "Work" shall mean the work of authorship.'
        ),
        para('"You" shall mean an individual exercising permissions granted by this License.'),
        para("You may obtain a copy of the license; the work is yours, and you may share the Work."),
    )
    assert not checks(terms.check(d), "terms.wrong-case")


def test_odd_capitals_in_a_defined_term_are_still_a_slip() -> None:
    d = decree('"Effective Date" means the date of entry.', "Within 90 days of the Effective date, act.")
    assert [f.severity for f in checks(terms.check(d), "terms.wrong-case")] == ["warning"]


def test_a_use_inside_the_defining_paragraph_counts_as_a_use() -> None:
    d = decree(
        'The City\'s charter (the "Charter") governs the Department; amendments to the Charter follow it.'
    )
    assert not checks(terms.check(d), "terms.unused")


def test_a_definition_in_an_appendix_sample_notice_is_not_a_second_definition() -> None:
    d = doc(
        para('1. Definitions. "License" shall mean the terms and conditions in this document.'),
        para("2. Grant. Each Contributor grants You a license under this License."),
        heading("APPENDIX: How to apply the License to your work"),
        para('Licensed under the Example License, Version 2.0 (the "License"); you may not use this file.'),
    )
    assert not checks(terms.check(d), "terms.defined-twice")


def test_a_term_defined_twice_in_the_main_text_is_reported_at_the_second() -> None:
    d = decree(
        '"Monitor" means the person the Court appoints.', "The Monitor reports.", '"Monitor" means a team.'
    )
    (found,) = checks(terms.check(d), "terms.defined-twice")
    assert found.location.paragraph == "214"


def test_a_term_used_before_its_definition() -> None:
    d = decree(
        "The Partnership Coordinator shall convene the first meeting.",
        '"Partnership Coordinator" means the civilian employee who supports partners.',
    )
    (found,) = checks(terms.check(d), "terms.before-definition")
    assert found.location.paragraph == "212" and "213" in found.message


# --------------------------------------------------------------------------- terms: undefined


def test_a_capitalised_phrase_used_as_a_term_and_never_defined() -> None:
    d = decree(
        'The City of Lakeport (the "City") and the Lakeport Police Department (the "Department") agree.',
        "The Department shall report to the Community Liaison Unit each month.",
        "The Community Liaison Unit shall publish each report.",
    )
    found = checks(terms.check(d), "terms.undefined")
    assert [(f.location.quote, f.location.paragraph) for f in found] == [("Community Liaison Unit", "213")]


def test_terms_borrowed_from_the_decree_are_notes_naming_it() -> None:
    """A section written to join a decree uses the decree's terms without defining them, and
    says so: its undefined terms are notes to check against the decree, not warnings."""
    uses = (
        'The City of Lakeport (the "City") and the Lakeport Police Department (the "Department") agree.',
        "The Department shall report to the Community Liaison Unit each month.",
    )
    borrowed = "Capitalized terms that Sections X through XII use without defining them have the meanings the Agreement gives them."
    found = checks(terms.check(decree(*uses, borrowed)), "terms.undefined")
    assert [(f.severity, f.location.quote) for f in found] == [("note", "Community Liaison Unit")]
    assert "meanings the Agreement gives them" in found[0].message
    assert "Check that the Agreement defines it" in found[0].fix
    without = checks(terms.check(decree(*uses)), "terms.undefined")
    assert [(f.severity, f.location.quote) for f in without] == [("warning", "Community Liaison Unit")]


def test_proper_names_the_document_introduces_are_not_undefined_terms() -> None:
    d = doc(
        para("UNITED STATES DISTRICT COURT FOR THE WESTERN DISTRICT OF NEW ALBION"),
        para("1. The Civil Rights Division of the Department of Justice opened an investigation."),
        para("2. The Western District of New Albion retains jurisdiction; the Chief of Police shall comply."),
        para(
            "3. Copyright 2026 Free Software Foundation, Inc. publishes it; the Free Software Foundation may revise it."
        ),
        para(
            '4. This Settlement Agreement binds the parties. The Harbor Safety Board (the "Board") advises.'
        ),
        para("5. The Harbor Safety Board meets monthly."),
        para("Harriet M. Vance, Chief, Special Litigation Section"),
        para("6. The Special Litigation Section shall receive notices."),
    )
    assert checks(terms.check(d), "terms.undefined") == []


def test_the_plural_of_a_defined_term_is_defined() -> None:
    d = decree(
        '"Neighborhood Partnership Team" means a group of residents and officers.',
        "The Neighborhood Partnership Teams meet monthly.",
    )
    assert checks(terms.check(d), "terms.undefined") == []


# --------------------------------------------------------------------------- blanks


@pytest.mark.parametrize(
    "text, blank",
    [
        ("Copyright [yyyy] [name of copyright owner]", "[yyyy]"),
        ("Copyright (C) <year>  <name of author>", "<year>"),
        ("Copyright (C) 2026 <name of author>", "<name of author>"),
        ("The City shall act within ____ days of entry.", "____"),
        ("The survey shall run within [●] days.", "[●]"),
        ("Copyright (c)  YEAR  YOUR NAME. Permission is granted to copy this document.", "YEAR"),
    ],
)
def test_template_blanks_are_found(text: str, blank: str) -> None:
    found = blanks.check(doc(para(text)))
    assert any(blank in f.message for f in found), found


def test_a_sentence_about_brackets_is_not_a_blank() -> None:
    d = doc(
        para(
            'Attach the notice, with the fields enclosed by brackets "[]" replaced with your own information.'
        )
    )
    assert blanks.check(d) == []
    assert blanks.check(doc(para("The date is [ ] and the amount is [INSERT]."))) != []


def test_a_signature_rule_above_a_name_is_not_a_blank() -> None:
    assert (
        blanks.check(
            doc(para("______________________________\nMiriam T. Okafor\nUnited States District Judge"))
        )
        == []
    )
    assert blanks.check(doc(para("The City shall respond within ____ days."))) != []


def test_organisations_and_places_a_narrative_names_are_not_undefined_terms() -> None:
    d = doc(
        para('The Harbor City Police Department (the "Department") serves Harbor City, Oregon.'),
        para("The Department works with the Eastgate Tenants Council and residents of Eastgate."),
        para("The Vermont Department of Health and the Oregon Criminal Justice Commission advise."),
        para("We meet at the Grange Hall near the River Street Revitalization Plan area."),
        para("The National Association of Women Law Enforcement Executives trains supervisors in Vermont."),
        kind="narrative",
    )
    assert checks(terms.check(d), "terms.undefined") == []


def test_urls_and_email_in_angle_brackets_are_not_blanks() -> None:
    assert blanks.check(doc(para("See <https://www.gnu.org/licenses/> or write to <gnu@gnu.org>."))) == []


# --------------------------------------------------------------------------- passive obligations


@pytest.mark.parametrize(
    "sentence",
    [
        "This Agreement shall be construed in accordance with federal law.",
        "A Party shall be deemed to have received notice on the day it is delivered.",
        "No waiver will be implied from the conduct of either Party.",
        "All residents shall be treated with dignity and respect.",
        "Community policing shall be guided by the principle of partnership.",
    ],
)
def test_rules_of_construction_and_principles_are_not_passive_obligations(sentence: str) -> None:
    assert checks(plain.check(decree(sentence)), "plain.passive-obligation") == []


def test_a_passive_obligation_without_an_actor_is_still_a_warning() -> None:
    (found,) = checks(
        plain.check(decree("Training shall be conducted annually.")), "plain.passive-obligation"
    )
    assert found.severity == "warning"
    other = plain.check(decree("Training shall be conducted annually."), kind="other")
    assert [f.severity for f in checks(other, "plain.passive-obligation")] == ["note"]


# --------------------------------------------------------------------------- numbering


def test_a_repeated_decimal_number_is_reported() -> None:
    d = doc(
        heading("4. Partnerships"),
        para("4.1 The Department shall treat residents as partners."),
        para("4.1 The Department shall name a contact officer."),
        para("4.2 The Department shall publish plans."),
        heading("5. Training"),
        para("5.1 The Department shall train officers."),
    )
    found = sequence.check(d)
    assert [(f.check, f.location.paragraph) for f in found] == [("numbering.repeat", "4.1")]
    assert "4.1" in found[0].message


# --------------------------------------------------------------------------- document kind


LICENCE = [
    para('1. Definitions. "Licensor" shall mean the copyright owner. The court may sever any term.'),
    para("2. Grant. The Licensor shall grant You a licence; you shall keep this notice."),
]


def test_a_licence_is_kind_other_and_gets_no_substance_checks() -> None:
    d = doc(*LICENCE, kind="")
    kind, why = detect_kind(" ".join(p.text for p in LICENCE))
    assert kind == "other" and "police" in why
    found = review_document(d)
    assert not [f for f in found if f.check.split(".")[0] in ("elements", "substance", "grant")]


def test_a_directive_and_a_narrative_are_still_recognised() -> None:
    assert (
        detect_kind(
            "The Monitor shall assess whether police officers meet residents under the Consent Decree."
        )[0]
        == "directive"
    )
    assert (
        detect_kind(
            "The applicant requests COPS grant funds for officers; federal funds will support community policing."
        )[0]
        == "narrative"
    )


def _docx(tmp_path: Path, *texts: str) -> Path:
    document = docx.Document()
    for t in texts:
        document.add_paragraph(t)
    path = tmp_path / "d.docx"
    document.save(str(path))
    return path


def test_the_report_says_which_kind_was_assumed_and_kind_forces_it(tmp_path: Path) -> None:
    path = _docx(tmp_path, *(p.text for p in LICENCE))
    result = CliRunner().invoke(review, [str(path)])
    assert "Reviewed as: other — no police" in result.output
    forced = review_file(path, kind="directive")
    assert forced.kind == "directive" and forced.kind_reason == "given with --kind"
    assert any(f.check == "elements.missing" for f in forced.findings)


def test_an_empty_document_is_an_error_not_a_review(tmp_path: Path) -> None:
    path = _docx(tmp_path, "", "   ")
    result = CliRunner().invoke(review, [str(path)])
    assert result.exit_code == 2
    assert "no text to review" in result.output and "Traceback" not in result.output


def test_an_unknown_profile_is_a_usage_error(tmp_path: Path) -> None:
    path = _docx(tmp_path, "The applicant requests COPS grant funds.")
    result = CliRunner().invoke(review, [str(path), "--profile", "cpd-2031"])
    assert result.exit_code == 2
    assert "no profile 'cpd-2031'" in result.output


# --------------------------------------------------------------------------- references


def test_arabic_decimal_and_suffixed_section_references_are_checked() -> None:
    d = doc(
        heading("1. Definitions"),
        para('1.1 "Monitor" means the person appointed under Section 9.'),
        heading("4. Partnerships"),
        para("4.3 The Department shall carry out projects under Sections 1 and 4.3 and section 2d."),
        para("(b) analyse the causes, as Section 4.4 and Section 12 require."),
        heading("9. Monitor"),
        para("9.1 The Monitor reports under 34 U.S.C. Section 10382 and Section 5 of the Civil Rights Act."),
        kind="other",
    )
    missing = sorted(f.message for f in xrefs.check(d, "other") if f.check == "xref.missing-section")
    assert missing == [
        "Refers to Section 12, which this document does not have.",
        "Refers to Section 2d, which this document does not have.",
        "Refers to Section 4.4, which this document does not have.",
    ]


def test_paragraph_lists_ranges_and_subparagraphs_are_checked() -> None:
    d = doc(
        heading("Partnerships", number="XIV"),
        para("The Division shall act under ¶¶ 212, 214 and 216.", numbering="decree", number="212"),
        para(
            "The City shall report under paragraphs 212–213 and subparagraph (e).",
            numbering="decree",
            number="213",
        ),
        para("first item;", numbering="decree", level=1, number="(a)"),
        para("The Monitor reads subparagraph (a) of paragraph 213.", numbering="decree", number="214"),
    )
    found = [f.message for f in xrefs.check(d, "directive") if f.check == "xref.missing-paragraph"]
    assert found == [
        "Refers to paragraph 216, which this document does not have.",
        "Refers to subparagraph (e), which no paragraph of this document has.",
    ]


def test_a_directive_reference_below_its_first_paragraph_is_a_note() -> None:
    d = decree("Terms defined in paragraph 14 have the same meaning; the Monitor of paragraph 180 assesses.")
    found = xrefs.check(d, "directive")
    assert {(f.check, f.severity) for f in found} == {("xref.outside", "note")}
    assert [f.check for f in xrefs.check(d, "other")] == ["xref.missing-paragraph", "xref.missing-paragraph"]
