# mypy: disable-error-code="union-attr"
"""`drafter insert` on decrees made three ways, in the middle and at the end, in both numbering
modes, checked from LibreOffice's PDF text: numbering continuous (renumber) or unchanged with
suffixes (suffix); every moved reference updated and no other text changed; styles, header and
page set-up intact; inputs untouched; output deterministic."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from decree_fixtures import MAKERS, SECTIONS, directive, insert
from soffice import pdf_texts

from drafter.amend.insert import insert_directive
from drafter.cli.main import main
from drafter.decree.structure import read_structure
from drafter.docx.read import read_docx

CASES = [
    (how, after, mode) for how in sorted(MAKERS) for after in ("9", "12") for mode in ("renumber", "suffix")
]
K = 4  # the directive's paragraphs
ORIGINAL = [text for _heading, paras in SECTIONS for text in paras]


def expected_text(n: int, after: int, mode: str) -> str:
    """Decree paragraph n's text after inserting K paragraphs and 2 sections after ¶ `after`,
    written out by hand from the fixture (an oracle independent of drafter's reference code)."""
    text = ORIGINAL[n - 1]
    if mode == "suffix" or after == 12:
        return text
    shifted = {
        2: ("paragraph 12", "paragraph 16"),
        4: ("Section IV", "Section VI"),
        11: ("Sections III and IV", "Sections III and VI"),
    }
    if n in shifted:
        text = text.replace(*shifted[n])
    if n == 11:
        text = text.replace("\u00b6\u00b6 6, 9 and 10", "\u00b6\u00b6 6, 9 and 14")
    return text


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("insert")
    guest = directive(folder / "directive.docx")
    decrees = {how: make(folder / f"{how}.docx") for how, make in MAKERS.items()}
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in [guest, *decrees.values()]}
    outputs = {}
    for how, after, mode in CASES:
        outputs[(how, after, mode)] = insert(
            decrees[how], guest, after, mode, folder / f"{how}-{after}-{mode}.docx"
        )
    texts = dict(zip(outputs, pdf_texts(list(outputs.values()), folder / "pdf"), strict=True))
    return {"guest": guest, "decrees": decrees, "before": before, "outputs": outputs, "pdf": texts}


def suffixed(how: str, a: int) -> list[str]:
    """A decree that numbers sub-paragraphs 6.1, 6.2 gets 9.1, 9.2 …; the others 9A, 9B …"""
    return [f"{a}.{i}" for i in range(1, 5)] if how == "python-docx" else [f"{a}{s}" for s in "ABCD"]


def pdf_labels(text: str) -> list[str]:
    """Paragraph labels at the start of lines of the PDF text, in order ("12", "9A", "6.1")."""
    return re.findall(
        r"(?m)^[ \t]*(\d{1,3}\.\d{1,2}(?=[ \t]+[A-Z\u201c])|\d{1,3}[A-Z]{0,2}(?=\.[ \t]+\S|[ \t]{2,}\S))",
        text,
    )


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_numbering_in_the_pdf(built: dict, case: tuple[str, str, str]) -> None:
    how, after, mode = case
    labels = pdf_labels(built["pdf"][case])
    if how == "python-docx":  # its own decimal sub-paragraphs 6.1 and 6.2 stay where they are
        assert labels[6:8] == ["6.1", "6.2"]
    tops = [lab for lab in labels if lab not in ("6.1", "6.2")]
    a = int(after)
    if mode == "renumber":
        assert tops == [str(n) for n in range(1, 12 + K + 1)]
    else:
        inserted = suffixed(how, a)
        assert tops == [str(n) for n in range(1, a + 1)] + inserted + [str(n) for n in range(a + 1, 13)]
    headings = re.findall(r"(?m)^\s*([IVX]+(?:-[A-Z])?)\.\s+[A-Z]", built["pdf"][case])
    if mode == "renumber":
        assert headings == ["I", "II", "III", "IV", "V", "VI"]
    elif a == 9:
        assert headings == ["I", "II", "III", "III-A", "III-B", "IV"]
    else:
        assert headings == ["I", "II", "III", "IV", "IV-A", "IV-B"]


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_moved_references_updated_and_no_other_text_changed(built: dict, case: tuple[str, str, str]) -> None:
    how, after, mode = case
    structure = read_structure(read_docx(built["outputs"][case]))
    a = int(after)
    decree_paras = [p for p in structure.top_level() if p.text not in _directive_texts(structure)]
    assert len(decree_paras) == 12
    for n, para in enumerate(decree_paras, start=1):
        assert folded(para.text) == folded(expected_text(n, a, mode)), f"decree ¶ {n}"
    pdf = folded(built["pdf"][case])
    first = a + 1 if mode == "renumber" else None
    if mode == "renumber":
        assert f"under paragraphs {first} and {first + 1} each year" in pdf  # type: ignore[operator]
        assert f"appointed under paragraph {14 if a == 9 else 10} shall" in pdf
        assert f"The reports under paragraph {first + 2} shall be public." in pdf  # type: ignore[operator]
    else:
        new = suffixed(how, a)
        assert f"under paragraphs {new[0]} and {new[1]} each year" in pdf
        assert "appointed under paragraph 10 shall" in pdf
        assert f"The reports under paragraph {new[2]} shall be public." in pdf


def _directive_texts(structure) -> set[str]:
    return {p.text for p in structure.top_level() if "partnership" in p.text or "reports under" in p.text}


@pytest.mark.parametrize("how", sorted(MAKERS))
def test_styles_header_and_page_setup_kept(built: dict, how: str) -> None:
    original = docx.Document(built["decrees"][how])
    for case, out in built["outputs"].items():
        if case[0] != how:
            continue
        new = docx.Document(out)
        assert [s.name for s in original.styles if s.type == 1] == [
            s.name for s in new.styles if s.type == 1
        ][: len([s for s in original.styles if s.type == 1])]
        assert new.sections[0].header.paragraphs[0].text == original.sections[0].header.paragraphs[0].text
        for attr in ("page_width", "page_height", "left_margin", "right_margin", "top_margin"):
            assert getattr(new.sections[0], attr) == getattr(original.sections[0], attr)
        before = {p.text: p.style.name for p in original.paragraphs if p.text.strip()}
        after = {p.text: p.style.name for p in new.paragraphs if p.text in before}
        assert all(after[t] == before[t] for t in after if t in before and "paragraph 1" not in t)


def test_inputs_untouched_and_output_deterministic(built: dict, tmp_path: Path) -> None:
    for path, digest in built["before"].items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    decree = built["decrees"]["drafter"]
    one = insert_directive(decree, built["guest"], after_paragraph="9").data
    two = insert_directive(decree, built["guest"], after_paragraph="9").data
    assert one == two


def test_report_csv_and_dry_run(built: dict, tmp_path: Path) -> None:
    decree = built["decrees"]["libreoffice"]
    out, csv = tmp_path / "new.docx", tmp_path / "changes.csv"
    dry = CliRunner().invoke(
        main, ["insert", str(decree), str(built["guest"]), "--after-paragraph", "9", "--dry-run"]
    )
    assert (
        dry.exit_code == 0
        and "Would insert 4 paragraphs (¶¶ 10–13)" in dry.output
        and "8 decree numbers" in dry.output
    )
    assert "¶ 2: reference: paragraph 12 → paragraph 16" in dry.output
    assert not out.exists()
    result = CliRunner().invoke(
        main,
        [
            "insert",
            str(decree),
            str(built["guest"]),
            "--after-paragraph",
            "9",
            "-o",
            str(out),
            "--report",
            str(csv),
        ],
    )
    assert result.exit_code == 0, result.output
    rows = csv.read_text().splitlines()
    assert rows[0] == "where,kind,old,new,sentence"
    assert any(r.startswith("¶ 2,reference,paragraph 12,paragraph 16,") for r in rows)
    assert any(r.startswith("¶ 16,paragraph number,12,16,") for r in rows)


def test_an_output_refused_means_nothing_written(built: dict, tmp_path: Path) -> None:
    """An existing --report file is refused before the new decree is written, not after."""
    out, csv = tmp_path / "new.docx", tmp_path / "changes.csv"
    csv.write_text("mine\n")
    args = [str(built["decrees"]["drafter"]), str(built["guest"]), "--after-paragraph", "9"]
    result = CliRunner().invoke(main, ["insert", *args, "-o", str(out), "--report", str(csv)])
    assert result.exit_code == 2
    assert result.output.strip() == f"{csv}: already exists; use --force to replace it"
    assert not out.exists() and csv.read_text() == "mine\n"
    itself = CliRunner().invoke(main, ["insert", *args, "-o", str(built["guest"])])
    assert itself.exit_code == 2 and "is an input" in itself.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--after-paragraph", "99"], "the decree has no paragraph 99"),
        (["--after-heading", "NO SUCH"], "no such heading"),
        ([], "give exactly one of --after-paragraph"),
    ],
)
def test_bad_insertion_points_one_line_exit_2(
    built: dict, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(
        main, ["insert", str(built["decrees"]["drafter"]), str(built["guest"]), *args, "-o", str(out)]
    )
    assert result.exit_code == 2 and message in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def test_after_heading_is_the_end_of_that_section(built: dict) -> None:
    result = insert_directive(built["decrees"]["python-docx"], built["guest"], after_heading="use of force")
    assert result.plan.point.after_label == "9" and result.plan.directive_labels == ["10", "11", "12", "13"]


def test_decimal_decree_suffixes_with_decimals(built: dict) -> None:
    result = insert_directive(
        built["decrees"]["python-docx"], built["guest"], after_paragraph="6", mode="suffix"
    )
    assert result.plan.directive_labels == ["6.3", "6.4", "6.5", "6.6"]


def test_docxcompose_leaves_python_docx_core_properties_alone(built: dict) -> None:
    """docxcompose's import repoints python-docx's "cp" prefix; a build after an insert in the
    same process must still write a clean docProps/core.xml."""
    from docx.oxml.ns import nsmap

    insert_directive(built["decrees"]["drafter"], built["guest"], after_paragraph="12")
    assert nsmap["cp"] == "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def test_unreadable_inputs_named_and_nothing_written(built: dict, tmp_path: Path) -> None:
    """A missing directive, or a decree with a part the structure reader never opens (an
    orphan header carrying a DOCTYPE) is refused in one line naming the file: the splice gets
    only packages the safe reader has checked."""
    import zipfile

    decree = built["decrees"]["drafter"]
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(decree) as src, zipfile.ZipFile(hostile, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("word/header9.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    out = tmp_path / "x.docx"
    for args, named in (
        ([str(decree), str(tmp_path / "missing.docx")], tmp_path / "missing.docx"),
        ([str(hostile), str(built["guest"])], hostile),
    ):
        result = CliRunner().invoke(main, ["insert", *args, "--after-paragraph", "9", "-o", str(out)])
        assert result.exit_code == 2, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{named}: "), lines
        assert not out.exists()
    assert "DOCTYPE" in result.output
