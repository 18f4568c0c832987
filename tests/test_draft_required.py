"""--draft with a required fact left out: a highlighted prompt wherever the text uses it and
one warning naming it at its line, instead of the validation error a final build still gives."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT
from docx_helpers import W
from lxml import etree
from ruamel.yaml import YAML

from drafter.cli.main import main


def without(tmp_path: Path, *fields: str, example: str = "lakeport") -> Path:
    """A copy of examples/<example>.yaml with each dotted field ('partners.0.id') deleted."""
    yaml = YAML()
    data = yaml.load((ROOT / "examples" / f"{example}.yaml").read_text(encoding="utf-8"))
    for field in fields:
        *path, key = [int(p) if p.isdigit() else p for p in field.split(".")]
        node = data
        for part in path:
            node = node[part]
        del node[key]
    source = tmp_path / f"{example}.yaml"
    with source.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return source


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def text(node: etree._Element) -> str:
    return "".join(t.text or "" for t in node.iter(W + "t"))


def highlighted(root: etree._Element) -> list[str]:
    return [text(r) for r in root.iter(W + "r") if r.find(f"{W}rPr/{W}highlight") is not None]


def headers(path: Path) -> list[etree._Element]:
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if re.fullmatch(r"word/header\d*\.xml", n)]
    return [part_xml(path, n) for n in names]


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    """examples/lakeport.yaml without decree.effective_date and agency.name."""
    return without(tmp_path, "decree.effective_date", "agency.name")


def test_without_draft_each_missing_fact_is_an_error_at_its_line(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = run("build", str(source), "-o", str(out))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert len(lines) == 2, result.output
    assert lines[0].startswith(f"{source}:21:1: agency.name: required key is missing")
    assert lines[1].startswith(f"{source}:29:1: decree.effective_date: required key is missing")
    assert not out.exists()


def test_draft_prompts_for_each_missing_fact_and_names_it_once(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = run("build", str(source), "-o", str(out), "--draft")
    assert result.exit_code == 0, result.output
    asks = [line for line in result.output.splitlines() if "the draft prints" in line]
    assert asks == [
        f"warning: {source}:21:1: agency.name: required key is missing; the draft prints [agency.name] wherever it is used",
        f"warning: {source}:29:1: decree.effective_date: required key is missing; "
        "the draft prints [decree.effective_date] wherever it is used",
    ]
    body = part_xml(out, "word/document.xml")
    paragraphs = [text(p) for p in body.iter(W + "p")]
    # where the clauses print the facts: the opening names the agency, the definition the date
    assert any("acting through the [agency.name] (“LPD”)" in p for p in paragraphs)
    assert any("“Effective Date” means" in p and "[decree.effective_date]" in p for p in paragraphs)
    assert {"[agency.name]", "[decree.effective_date]"} <= set(highlighted(body))
    # the timeline table: each due date says how to reckon it
    rows = [" | ".join(text(tc) for tc in tr.iter(W + "tc")) for tr in body.iter(W + "tr")]
    timeline = [row for row in rows if re.search(r"\| \d+ \|", row)]
    assert len(timeline) > 5
    for row in timeline:
        assert row.endswith(f"[decree.effective_date + {row.split(' | ')[1]} days]"), row
    assert sum(t.startswith("[decree.effective_date + ") for t in highlighted(body)) == len(timeline)
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            assert not re.search(rb"\bNone\b", z.read(name)), name  # no Python None reached the page


def test_caption_signatures_and_header_highlight_their_prompts(tmp_path: Path) -> None:
    source = without(
        tmp_path, "decree.defendant", "decree.case_number", "signatories.2.name", "signatories.0.party"
    )
    out = tmp_path / "out.docx"
    result = run("build", str(source), "-o", str(out), "--draft")
    assert result.exit_code == 0, result.output
    assert (
        f"warning: {source}:30:1: decree.defendant: required key is missing; the draft prints [decree.defendant] wherever it is used"
        in result.output.splitlines()
    )  # its mapping
    body = part_xml(out, "word/document.xml")
    caption = next(tbl for tbl in body.iter(W + "tbl") if "Plaintiff," in text(tbl))
    assert "[decree.defendant]," in text(caption) and "Case No. [decree.case_number]" in text(caption)
    assert {"[decree.defendant]", "[decree.case_number]"} <= set(highlighted(caption))
    marks = highlighted(body)
    assert "[signatories[2].name]" in marks and "[signatories[0].party]" in marks
    assert "Theresa Novak-Whitfield" not in text(body)  # the name left out, not another's
    header = next(h for h in headers(out) if "[decree.defendant]" in text(h))
    assert text(header).endswith("v. [decree.defendant], No. [decree.case_number]")
    assert {"[decree.defendant]", "[decree.case_number]"} <= set(highlighted(header))
    with zipfile.ZipFile(out) as z:  # the well-formed stand-in the docket number was checked with
        assert not any(b"1:00-cv-00000" in z.read(name) for name in z.namelist())


@pytest.mark.parametrize(
    ("field", "named"),
    [
        ("partners.0.id", "partners[0].id"),  # an id other fields point at
        ("problems.0.responses.0.partner", "problems[0].responses[0].partner"),  # a link
        ("commitments.training.initial_hours", "commitments.training.initial_hours"),  # a number
        ("partners.0.kind", "partners[0].kind"),  # a choice
    ],
)
def test_facts_a_prompt_cannot_stand_in_for_are_refused_in_a_draft(
    field: str, named: str, tmp_path: Path
) -> None:
    source = without(tmp_path, field, "agency.name")
    out = tmp_path / "out.docx"
    result = run("build", str(source), "-o", str(out), "--draft")
    assert result.exit_code == 2
    assert re.fullmatch(
        rf"{re.escape(str(source))}:\d+:\d+: {re.escape(named)}: required key is missing.*",
        result.output.strip(),
    )
    assert not out.exists()


def test_draft_schedule_without_the_date_is_refused_in_one_line(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = run("build", str(source), "-o", str(out), "--draft", "--schedule")
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"{source}: --schedule counts deadlines from decree.effective_date, which the input leaves out"
    )
    assert list(tmp_path.iterdir()) == [source]  # nothing written


def test_review_reports_each_prompt_once(source: Path, tmp_path: Path) -> None:
    """`drafter review` on the draft: one error per prompt, not a second 'placeholder' for the
    same "[agency.name]", and nothing else raised to an error or warning by the prompts."""
    out = tmp_path / "out.docx"
    assert run("build", str(source), "-o", str(out), "--draft").exit_code == 0
    result = run("review", str(out), "--format", "json")
    findings = json.loads(result.output)["findings"]
    raised = [f for f in findings if f["severity"] in ("error", "warning")]
    assert {f["check"] for f in raised} == {"blanks.highlight"}
    marks = highlighted(part_xml(out, "word/document.xml"))
    assert len(raised) == len(marks)
    assert sum(f["location"]["quote"] == "[agency.name]" for f in raised) == marks.count("[agency.name]") == 1


def warnings(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("warning: ")]


def amendment_without(tmp_path: Path, *fields: str) -> Path:
    """examples/lakeport-amendment.yaml without `fields`, beside the decree it names (decree.file)."""
    (tmp_path / "lakeport-decree.docx").write_bytes((ROOT / "examples" / "lakeport-decree.docx").read_bytes())
    return without(tmp_path, *fields, example="lakeport-amendment")


def test_a_fact_the_draft_does_not_print_is_said_to_be_needed_only_for_the_final_build(
    tmp_path: Path,
) -> None:
    """A modification drafted into its decree counts its deadlines from the Modification Date
    and takes the decree's definitions: the decree's Effective Date prints nowhere, so the
    warning must not send the reader looking for its prompt; the final build still refuses
    the file without it."""
    source = amendment_without(tmp_path, "decree.effective_date")
    out = tmp_path / "out.docx"
    result = run("build", str(source), "-o", str(out), "--draft")
    assert result.exit_code == 0, result.output
    assert warnings(result) == [
        f"warning: {source}:35:1: decree.effective_date: required key is missing; "
        "this draft does not print it, but the final build needs it"
    ]
    with zipfile.ZipFile(out) as z:
        assert not any(b"decree.effective_date" in z.read(name) for name in z.namelist())
    final = run("build", str(source), "-o", str(out), "--force")
    assert final.exit_code == 2
    assert final.output.startswith(f"{source}:35:1: decree.effective_date: required key is missing (")


def test_a_fact_the_host_decree_supplies_is_warned_about_as_supplied(tmp_path: Path) -> None:
    """--decree: the decree's own term for the agency ("LPD") replaces a prompted short name, so
    no "[agency.short_name]" prints and the warning says what stands in its place."""
    source = amendment_without(tmp_path, "agency.short_name")
    out = tmp_path / "out.docx"
    result = run("build", str(source), "-o", str(out), "--draft")
    assert result.exit_code == 0, result.output
    assert warnings(result) == [
        f"warning: {source}:27:1: agency.short_name: required key is missing; "
        'the host decree supplies it in this draft ("LPD"), but the final build needs it'
    ]
    assert "[agency.short_name]" not in highlighted(part_xml(out, "word/document.xml"))
    # without the decree the same draft prints the prompt, and says so
    alone = without(
        tmp_path, "agency.short_name", "decree.file", "decree.after_paragraph", example="lakeport-amendment"
    )
    result = run("build", str(alone), "-o", str(out), "--draft", "--force")
    assert warnings(result) == [
        f"warning: {alone}:27:1: agency.short_name: required key is missing; "
        "the draft prints [agency.short_name] wherever it is used"
    ]
