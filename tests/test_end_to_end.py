# mypy: disable-error-code="union-attr"
"""End to end: the `drafter` command in a real subprocess, its output opened with python-docx
and converted by LibreOffice, as a user would run it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from docx_helpers import W
from lxml import etree
from soffice import convert_to_pdf, pdf_text, pdf_texts

from drafter.compose.directive import compose
from drafter.inputs.loader import load_inputs
from drafter.library.clauses import load_library
from drafter.model import ClauseBlock, iter_paragraphs

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
# an input drafted against a decree file (decree.file) numbers from that decree, which compose()
# alone does not read: tests/test_decree_build.py covers those
DIRECTIVES = [p for p in EXAMPLES if "kind: directive" in p.read_text() and "\n  file: " not in p.read_text()]
DRAFTER = [str(Path(sys.executable).with_name("drafter"))]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DRAFTER, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every directive example, built once through the real command."""
    out = tmp_path_factory.mktemp("built")
    result = run("build", *map(str, DIRECTIVES), "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    paths = {p.stem: out / f"{p.stem}-directive.docx" for p in DIRECTIVES}
    for path in paths.values():
        assert f"wrote {path}" in result.stdout
    return paths


def test_there_are_at_least_two_directive_examples() -> None:
    assert len(DIRECTIVES) >= 2


@pytest.mark.parametrize("example", DIRECTIVES, ids=lambda p: p.stem)
def test_paragraph_numbers_render_in_order_in_libreoffice(example: Path, built, tmp_path: Path) -> None:
    """The proof that Word list numbering renders: LibreOffice prints 212., 213. … in order."""
    inputs = load_inputs(example)
    start = inputs.decree.start_paragraph
    text = pdf_text(convert_to_pdf(built[example.stem], tmp_path))
    lines = text.splitlines()
    # a line may also start with a cross-reference wrapped after "paragraph": not a label
    printed = [
        int(m.group(1))
        for i, line in enumerate(lines)
        if (m := re.match(r"\s*(\d{1,4})\.\s", line))
        and not (i and re.search(r"(paragraphs?|¶¶?|and|through)\s*$", lines[i - 1]))
    ]
    composed = compose(inputs, load_library()).document
    expected = [
        int(p.number or 0) for p in iter_paragraphs(composed.body) if p.numbering == "decree" and p.level == 0
    ]
    assert expected == list(range(start, start + len(expected)))
    # a wrapped line may start with a year ("2026. "): keep only numbers in the decree's range
    in_range = [n for n in printed if start <= n < start + len(expected)]
    assert in_range == expected
    # sub-paragraphs and a cross-reference's cached number are visible too
    assert re.search(r"^\s*\(a\)\s", text, flags=re.M)
    assert "REF _Ref" not in text  # a field code shown instead of its result would be a bug


def test_the_signature_page_shows_the_end_of_the_text(built, tmp_path: Path) -> None:
    """Signature lines never stand alone on a page (a bare signature page could be stapled to
    another text): in LibreOffice's pages, a numbered paragraph sits above the first party's
    signature. mesa-county's signatures used to fill a page of their own."""
    texts = pdf_texts([built[e.stem] for e in DIRECTIVES], tmp_path)
    for example, text in zip(DIRECTIVES, texts, strict=True):
        party = load_inputs(example).signatories[0].party
        page = next(p for p in text.split("\f") if re.search(rf"^\s*{re.escape(party)}\s*$", p, re.M))
        above = re.split(rf"(?m)^\s*{re.escape(party)}\s*$", page)[0]
        assert re.search(r"(?m)^\s*\d+\.\s+\S", above), f"{example.stem}: signatures alone on a page"


@pytest.mark.parametrize("example", DIRECTIVES, ids=lambda p: p.stem)
def test_page_header_prints_the_case_name_in_italics(example: Path, built) -> None:
    """Court style: "*United States v. City of Lakeport*, No. 1:17-cv-06214" on every page,
    the case name italic as in the body, the docket number roman."""
    decree = load_inputs(example).decree
    assert decree is not None
    line = docx.Document(str(built[example.stem])).sections[0].header.paragraphs[-1]
    italic = "".join(r.text for r in line.runs if r.italic)
    roman = "".join(r.text for r in line.runs if not r.italic)
    assert italic.endswith(f" v. {decree.defendant}") and italic.startswith("United States")
    assert roman == f", No. {decree.case_number}"


@pytest.mark.parametrize("example", DIRECTIVES, ids=lambda p: p.stem)
def test_no_straight_quote_anywhere_on_the_page(example: Path, built) -> None:
    """Curly quotes and apostrophes throughout (issue 12): not only the clauses' text but the
    caption, signature blocks, order, tables and page header and footer the writer adds."""
    with zipfile.ZipFile(built[example.stem]) as package:
        parts = [
            n for n in package.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)
        ]
        for name in parts:
            for t in etree.fromstring(package.read(name)).iter(f"{W}t"):
                assert "'" not in (t.text or "") and '"' not in (t.text or ""), f"{name}: {t.text}"


@pytest.mark.parametrize("example", DIRECTIVES, ids=lambda p: p.stem)
def test_output_opens_in_python_docx_with_structure(example: Path, built) -> None:
    path = built[example.stem]
    document = docx.Document(str(path))
    assert document.core_properties.title
    body = document.element.body
    numbered = body.findall(f".//{W}p/{W}pPr/{W}numPr")
    tags = [t.get(f"{W}val") for t in body.iter(f"{W}tag")]
    composition = compose(load_inputs(example), load_library())
    expected_tags = [
        f"clause:{b.clause_id}@{b.version}" for b in composition.document.body if isinstance(b, ClauseBlock)
    ]
    assert tags == expected_tags
    assert len(numbered) > 30
    assert not list(body.iter(f"{W}alias"))
    instr = " ".join(t.text or "" for t in body.iter(f"{W}instrText"))
    assert "TOC" in instr and "REF _Ref" in instr
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Definitions" in headings


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    example = DIRECTIVES[0]
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run("build", str(example), "-o", str(a)).returncode == 0
    assert run("build", str(example), "-o", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_default_output_name_comes_from_the_input(tmp_path: Path) -> None:
    example = DIRECTIVES[0]
    result = run("build", str(example), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"{example.stem}-directive.docx").is_file()


def test_existing_output_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"keep me")
    result = run("build", str(DIRECTIVES[0]), "-o", str(target))
    assert result.returncode == 2
    assert "already exists; use --force" in result.stderr
    assert target.read_bytes() == b"keep me"
    assert run("build", str(DIRECTIVES[0]), "-o", str(target), "--force").returncode == 0
    assert zipfile.is_zipfile(target)


def test_bad_input_exits_2_with_located_lines_and_writes_nothing(tmp_path: Path) -> None:
    text = DIRECTIVES[0].read_text()
    broken = tmp_path / "broken.yaml"
    broken.write_text(re.sub(r"(?m)^(\s+kind: )(\w[\w ]*)$", r"\1church", text, count=1))
    out = tmp_path / "never.docx"
    result = run("build", str(broken), "-o", str(out))
    assert result.returncode == 2
    assert re.match(rf"{re.escape(str(broken))}:\d+:\d+: [\w.\[\]]+: 'church' is not one of: ", result.stderr)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [broken]


def test_validate_reports_ok_and_problems(tmp_path: Path) -> None:
    good = run("validate", *map(str, EXAMPLES))
    assert good.returncode == 0, good.stderr
    assert good.stdout.splitlines() == [f"{p}: ok" for p in EXAMPLES]
    bad = tmp_path / "bad.yaml"
    bad.write_text(DIRECTIVES[0].read_text().replace("document:", "documents:", 1))
    result = run("validate", str(bad))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert any("documents: unknown key 'documents' (did you mean 'document'?)" in line for line in lines)
    assert any(line.startswith(f"{bad}:") and "document: required key is missing" in line for line in lines)


def test_schema_is_json_with_descriptions() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    decree = schema["$defs"]["Decree"]["properties"]
    assert "Docket number" in decree["case_number"]["description"]
    assert schema["$defs"]["Partner"]["additionalProperties"] is False


def test_library_list_and_show() -> None:
    listing = run("library", "list", "--kind", "directive")
    assert listing.returncode == 0
    ids = [line.split()[0] for line in listing.stdout.splitlines()]
    assert len(ids) >= 15 and ids == sorted(ids)
    shown = run("library", "show", ids[0])
    assert shown.returncode == 0
    assert f"id: {ids[0]}" in shown.stdout and "---" in shown.stdout
    missing = run("library", "show", "no.such-clause")
    assert missing.returncode == 2 and "no clause 'no.such-clause'" in missing.stderr


def test_non_editable_install_builds_from_any_directory(tmp_path: Path) -> None:
    """`pip install .` (not editable) ships clauses/ and templates/ inside the package."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    site = next((venv / "lib").glob("python*/site-packages"))
    deps = next(p for p in map(Path, sys.path) if p.name == "site-packages" and (p / "docx").is_dir())
    (site / "deps.pth").write_text(str(deps) + "\n")
    pip = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert pip.returncode == 0, pip.stderr
    where = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "from drafter.library.clauses import builtin_dirs; print(builtin_dirs()[0])",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(site)), where
    out = tmp_path / "x.docx"
    result = subprocess.run(
        [str(venv / "bin" / "drafter"), "build", str(DIRECTIVES[0]), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(out)
    # review's data files (elements, jargon) ship too
    reviewed = subprocess.run(
        [str(venv / "bin" / "drafter"), "review", str(out), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert reviewed.returncode == 0, reviewed.stderr
    assert json.loads(reviewed.stdout)["summary"]["error"] == 0
