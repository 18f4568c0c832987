"""`build --decree D --skip-covered`: the clauses whose elements the decree already covers are
left out, one paragraph cites the decree's paragraph for each, numbering stays continuous, no
kept clause refers to a left-out one, and the option without a decree is a one-line error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT
from docx.oxml.ns import qn
from real_docs import lakeport_agreement

from drafter.build import build
from drafter.cli.main import main
from drafter.decree.structure import read_structure
from drafter.docx.read import read_docx

AMENDMENT = EXAMPLES / "lakeport-amendment.yaml"

# Typed numbers and typed section headings, as LibreOffice or a law office would leave them.
DECREE = [
    "I. INTRODUCTION",
    "1.\tThe United States and the City of Lakeport (together, the \u201cParties\u201d) agree to this Agreement.",
    "2.\t\u201cAgreement\u201d means this Consent Decree.",
    # a definition that mentions community meetings: the paragraph to cite is ¶ 4, which requires them
    "3.\t\u201cLPD\u201d means the Lakeport Police Department, including the staff of its community meetings.",
    "II. COMMUNITY ENGAGEMENT",
    "4.\tLPD shall hold community meetings in each district every quarter.",
    "5.\tLPD shall keep officers in the same geographic assignments for at least two years.",
    "6.\tLPD shall put each draft policy out for public comment, and the Parties shall review "
    "the meetings under {word} 4 once a year.",
    "III. EVALUATION",
    "7.\tLPD shall survey residents every two years.",
    "8.\tThe Parties may end this Agreement after five years.",
]


def make_decree(path: Path, word: str = "paragraph") -> Path:
    document = docx.Document()
    for line in DECREE:
        document.add_paragraph(line.format(word=word))
    document.save(str(path))
    return path


def texts(path: Path) -> str:
    body = docx.Document(str(path)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def labels(path: Path) -> list[str]:
    return [p.label for p in read_structure(read_docx(path)).top_level()]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[object, Any]:
    """The amendment built against the decree after ¶ 6, without and with --skip-covered."""
    folder = tmp_path_factory.mktemp("skip")
    decree = make_decree(folder / "decree.docx")
    out: dict[object, Any] = {"decree": decree}
    for skip in (False, True):
        out[skip] = build(
            AMENDMENT, folder / f"skip-{skip}.docx", decree=decree, after_paragraph="6", skip_covered=skip
        )
    return out


def test_covered_clause_is_left_out_and_the_decree_paragraph_cited(built: dict[object, Any]) -> None:
    full, skipped = built[False], built[True]
    assert "engagement.community-meetings" in full.composition.clause_ids
    assert "engagement.community-meetings" not in skipped.composition.clause_ids
    assert "organization.beat-assignment" not in skipped.composition.clause_ids
    text = texts(skipped.output)
    assert "host a public community meeting" in texts(full.output)
    assert "host a public community meeting" not in text
    assert "regular public meetings (paragraph 4 of the Agreement)" in text
    assert "stable beat assignment and familiarity (paragraph 5 of the Agreement)" in text
    assert "continue to govern" not in texts(full.output)


def test_uncovered_clause_stays(built: dict[object, Any]) -> None:
    ids = built[True].composition.clause_ids
    assert {"engagement.youth", "training.curriculum", "plan.department-plan"} <= set(ids)


def test_an_element_covered_only_after_the_insertion_point_is_kept(built: dict[object, Any]) -> None:
    # ¶ 7 is after the insertion point: in the directive, "paragraph 7" is its own first paragraph
    result = built[True]
    assert "accountability.survey" in result.composition.clause_ids
    assert any(k.clause_id == "accountability.survey" for k in result.composition.cover.kept)
    assert "(paragraph 7" not in texts(result.output)


def test_a_covered_clause_a_kept_one_refers_to_is_kept(built: dict[object, Any]) -> None:
    # ¶ 6 covers public comment: body.public-comment is kept because organization.policy-revision
    # cites it by number; body.commission-comment, which nothing cites, goes.
    cover = built[True].composition.cover
    ids = built[True].composition.clause_ids
    assert "body.public-comment" in ids
    assert ("body.public-comment", "organization.policy-revision refers to it") in {
        (k.clause_id, k.reason) for k in cover.kept
    }
    assert "body.commission-comment" not in ids
    assert "body.commission-comment" in built[False].composition.clause_ids


def test_numbering_stays_continuous(built: dict[object, Any]) -> None:
    full, skipped = labels(built[False].output), labels(built[True].output)
    assert skipped == [str(n) for n in range(7, 7 + len(skipped))]
    assert len(skipped) < len(full)


def test_the_decree_own_paragraph_word_is_used(tmp_path: Path) -> None:
    decree = make_decree(tmp_path / "pilcrow.docx", word="\u00b6")
    result = build(AMENDMENT, tmp_path / "out.docx", decree=decree, after_paragraph="6", skip_covered=True)
    assert "regular public meetings (\u00b6 4 of the Agreement)" in texts(result.output)


def test_cli_prints_one_line_of_what_was_left_out(built: dict[object, Any], tmp_path: Path) -> None:
    out = tmp_path / "cli.docx"
    args = ["build", str(AMENDMENT), "--decree", str(built["decree"]), "--after-paragraph", "6"]
    result = CliRunner().invoke(main, [*args, "--skip-covered", "-o", str(out)])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.stdout.splitlines() if "left out" in ln)
    assert "engagement.community-meetings (¶ 4)" in line
    assert "organization.beat-assignment (¶ 5)" in line
    assert "kept accountability.survey: the decree covers survey (¶ 7) only after" in result.stderr


@pytest.mark.parametrize("source", [EXAMPLES / "lakeport.yaml", EXAMPLES / "millbrook-chp.yaml"])
def test_skip_covered_without_a_decree_is_a_one_line_error(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(main, ["build", str(source), "--skip-covered", "-o", str(out)])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--skip-covered" in result.stderr and str(source) in result.stderr
    assert not out.exists()


def with_keep(folder: Path, keep: str) -> Path:
    """lakeport-amendment.yaml with decree.keep_elements (the decree file beside it)."""
    text = AMENDMENT.read_text().replace(
        "  joins: modification\n", f"  joins: modification\n  keep_elements: {keep}\n"
    )
    path = folder / "keep.yaml"
    path.write_text(text)
    return path


def test_the_input_can_keep_an_element_the_decree_seems_to_cover(
    built: dict[object, Any], tmp_path: Path
) -> None:
    source = with_keep(tmp_path, "[meetings]")
    result = build(
        source, tmp_path / "out.docx", decree=built["decree"], after_paragraph="6", skip_covered=True
    )
    assert "engagement.community-meetings" in result.composition.clause_ids
    assert "organization.beat-assignment" not in result.composition.clause_ids
    text = texts(result.output)
    assert "host a public community meeting" in text
    assert "regular public meetings (paragraph 4" not in text
    assert "stable beat assignment and familiarity (paragraph 5 of the Agreement)" in text


def test_an_unknown_element_to_keep_is_refused_with_its_line(
    built: dict[object, Any], tmp_path: Path
) -> None:
    source = with_keep(tmp_path, "[meetings, meetngs]")
    out = tmp_path / "out.docx"
    args = [
        "build",
        str(source),
        "--decree",
        str(built["decree"]),
        "--after-paragraph",
        "6",
        "--skip-covered",
    ]
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 2
    line = next(ln for ln in source.read_text().splitlines() if "keep_elements" in ln)
    number = source.read_text().splitlines().index(line) + 1
    assert f"keep.yaml:{number}" in result.stderr and "meetngs" in result.stderr, result.stderr
    assert not out.exists()


@pytest.mark.parametrize("mode", ["renumber", "suffix"])
def test_the_citations_survive_insertion(built: dict[object, Any], tmp_path: Path, mode: str) -> None:
    # the decree paragraphs cited come before the insertion point, so insert leaves them be
    out = tmp_path / f"{mode}.docx"
    args = ["insert", str(built["decree"]), str(built[True].output), "--after-paragraph", "6"]
    result = CliRunner().invoke(main, [*args, "--numbering", mode, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = texts(out)
    assert "regular public meetings (paragraph 4 of the Agreement)" in text
    assert "stable beat assignment and familiarity (paragraph 5 of the Agreement)" in text


def test_an_outline_with_no_place_for_the_citations_is_refused(
    built: dict[object, Any], tmp_path: Path
) -> None:
    # a user's outline written before decree.covered existed would drop clauses without a word
    outline = (ROOT / "templates" / "directive" / "outline.yaml").read_text()
    (tmp_path / "lib" / "templates" / "directive").mkdir(parents=True)
    (tmp_path / "lib" / "clauses").mkdir()
    (tmp_path / "lib" / "templates" / "directive" / "outline.yaml").write_text(
        outline.replace("      - decree.covered\n", "")
    )
    out = tmp_path / "out.docx"
    args = [
        "build",
        str(AMENDMENT),
        "--decree",
        str(built["decree"]),
        "--after-paragraph",
        "6",
        "--skip-covered",
    ]
    result = CliRunner().invoke(main, [*args, "--library", str(tmp_path / "lib"), "-o", str(out)])
    assert result.exit_code == 2
    assert "decree.covered" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_inspect_names_each_covered_element_by_the_id_the_input_uses(built: dict[object, Any]) -> None:
    result = CliRunner().invoke(main, ["inspect", str(built["decree"]), "--format", "json"])
    covered = {e["id"]: e["paragraph"] for e in json.loads(result.stdout)["elements_covered"]}
    assert covered["meetings"] == "3" and covered["beats"] == "5"
    text = CliRunner().invoke(main, ["inspect", str(built["decree"])]).stdout
    assert "Regular public meetings [meetings]  (¶ 3)" in text


TRAINING = ("training.curriculum", "training.social-understanding", "training.supervisors")


def test_a_paragraph_that_only_mentions_an_element_leaves_nothing_out(tmp_path: Path) -> None:
    # examples/lakeport-decree.docx: ¶ 16 offers crisis intervention training and ¶ 17 sends
    # crisis-trained officers to mental health calls. Review counts them (one keyword each), but
    # neither requires community-policing training or a strategy for marginalized groups.
    decree = EXAMPLES / "lakeport-decree.docx"
    result = build(AMENDMENT, tmp_path / "out.docx", decree=decree, after_paragraph="21", skip_covered=True)
    ids = set(result.composition.clause_ids)
    assert {*TRAINING, "communities.other-groups"} <= ids
    assert result.composition.cover.skipped == ()
    text = texts(result.output)
    assert "(paragraph 16 of the Agreement)" not in text and "continue to govern" not in text


@pytest.fixture(scope="module")
def agreement(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The amendment built with --skip-covered against the settlement agreement of
    tests/data/real, after its ¶ 11.1 (so every paragraph before can be cited)."""
    folder = tmp_path_factory.mktemp("agreement")
    decree = lakeport_agreement(folder / "agreement.docx")
    return build(AMENDMENT, folder / "out.docx", decree=decree, after_paragraph="11.1", skip_covered=True)


def test_a_paragraph_that_provides_an_element_still_leaves_its_clauses_out(agreement: Any) -> None:
    # 7.1 trains all officers "in community policing, problem solving, procedural justice …";
    # 4.2 keeps officers in a Patrol Area "for a minimum of two years"; 5.4 answers the Board's
    # comments on draft policies in writing.
    skipped = {s.clause_id: [c.paragraph for c in s.covered_by] for s in agreement.composition.cover.skipped}
    assert {t: skipped.get(t) for t in TRAINING} == {t: ["7.1"] for t in TRAINING}
    assert skipped["organization.beat-assignment"] == ["4.2"]
    assert skipped["body.commission-comment"] == ["5.4"]
    assert skipped["partnership.root-causes"] == ["4.1"] and skipped["body.commission"] == ["5.1"]
    assert "initial, annual and supervisor training (paragraph 7.1 of the Agreement)" in texts(
        agreement.output
    )


def test_keyword_accidents_in_the_agreement_leave_nothing_out(agreement: Any) -> None:
    # 5.2 lists the Board's members ("young people", "people with disabilities"), 6.1 lets people
    # with limited English take part in community meetings, 9.4 has the Monitor hear from
    # residents: none of them provides youth engagement, a strategy for marginalized groups,
    # police-hosted meetings or structured dialogues.
    ids = set(agreement.composition.clause_ids)
    assert {
        "engagement.youth",
        "engagement.school-officers",
        "communities.other-groups",
        "engagement.community-meetings",
        "engagement.structured-dialogues",
        "engagement.non-enforcement-contacts",
    } <= ids
    text = texts(agreement.output)
    for cited in ("5.2", "6.1", "9.4"):
        assert f"(paragraph {cited} of the Agreement)" not in text


def test_a_definition_never_stands_in_for_the_clauses_left_out(tmp_path: Path) -> None:
    # ¶ 3 defines a term with the very words of community-policing training, but it requires
    # nothing: before any paragraph that requires the training, nothing is left out.
    document = docx.Document()
    for line in [
        "I. DEFINITIONS",
        "1.\t\u201cAgreement\u201d means this Consent Decree.",
        "2.\t\u201cLPD\u201d means the Lakeport Police Department.",
        "3.\t\u201cAcademy Training\u201d means the training in community policing that LPD gives every officer.",
        "II. TRAINING",
        "4.\tLPD shall train all officers in community policing every year.",
        "5.\tThe Parties may end this Agreement after five years.",
    ]:
        document.add_paragraph(line)
    decree = tmp_path / "decree.docx"
    document.save(str(decree))
    result = build(AMENDMENT, tmp_path / "out.docx", decree=decree, after_paragraph="3", skip_covered=True)
    assert set(TRAINING) <= set(result.composition.clause_ids)
    assert "(paragraph 3 of the Agreement)" not in texts(result.output)
    kept = {k.clause_id: k.reason for k in result.composition.cover.kept}
    assert kept["training.curriculum"] == "the decree covers training (¶ 4) only after the insertion point"


def test_a_paragraph_is_read_with_its_lettered_items(agreement: Any) -> None:
    # 4.3 reads "For each project, the Department shall:" and SARA is in its items (a)–(d):
    # identify the problem, analyse its causes, agree on a response, assess the result. The
    # SARA clause would go, but another clause cites it by number, so it stays with a note.
    kept = {(k.clause_id, k.reason) for k in agreement.composition.cover.kept}
    assert ("problem-solving.sara-method", "problem-solving.problems refers to it") in kept
