"""`build --decree`: a directive drafted to fit a decree made three ways, then inserted, checked
from LibreOffice's PDF text: numbers continue from the insertion point, no term is defined twice,
the decree's own words (Monitor title, agency name) are used, and a modification's deadlines run
from the Modification Date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from decree_fixtures import MAKERS, insert
from soffice import pdf_texts

from drafter.cli.main import main
from drafter.decree.inspect import inspect_decree

LAKEPORT = ROOT / "examples" / "lakeport.yaml"
DEFINITION = re.compile(r"[“\"]([A-Z][\w -]{1,40})[”\"]\s+(?:means|refers to)")


def modification_input(folder: Path, **decree: str) -> Path:
    """lakeport.yaml as a modification of an entered decree (plus any decree fields given)."""
    text = LAKEPORT.read_text()
    extra = "  joins: modification\n  modification_date: 2026-09-01\n" + "".join(
        f"  {k}: {v}\n" for k, v in decree.items()
    )
    text = text.replace("  effective_date: 2026-04-01\n", "  effective_date: 2019-06-03\n" + extra, 1)
    path = folder / "modification.yaml"
    path.write_text(text)
    return path


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """For each decree: build against it (after ¶ 9 and after ¶ 12), insert (renumber in the
    middle, suffix at the end), and convert everything to PDF in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("chain")
    source = modification_input(folder)
    outputs: dict[tuple[str, str], Path] = {}
    directives: dict[tuple[str, str], Path] = {}
    for how, make in MAKERS.items():
        decree = make(folder / f"{how}.docx")
        for after, mode in (("9", "renumber"), ("12", "suffix")):
            directive = folder / f"{how}-{after}-directive.docx"
            built = CliRunner().invoke(
                main,
                [
                    "build",
                    str(source),
                    "--decree",
                    str(decree),
                    "--after-paragraph",
                    after,
                    "-o",
                    str(directive),
                ],
            )
            assert built.exit_code == 0, built.output
            outputs[(how, after)] = insert(
                decree, directive, after, mode, folder / f"{how}-{after}-{mode}.docx"
            )
            directives[(how, after)] = directive
    texts = dict(zip(outputs, pdf_texts(list(outputs.values()), folder / "pdf"), strict=True))
    return texts | {"directives": directives}


@pytest.mark.parametrize("how", sorted(MAKERS))
def test_directive_continues_the_decree(chain: dict, how: str) -> None:
    report = inspect_decree(chain["directives"][(how, "9")])
    tops = report.structure.top_level()
    assert tops[0].label == "10"
    assert [s.label for s in report.structure.sections if s.label][0] == "IV"


@pytest.mark.parametrize("how", sorted(MAKERS))
@pytest.mark.parametrize("after", ["9", "12"])
def test_no_term_defined_twice_and_decree_words_used(chain: dict, how: str, after: str) -> None:
    text = re.sub(r"\s+", " ", chain[(how, after)])
    defined = DEFINITION.findall(text)
    assert len(defined) == len(set(defined)), sorted(t for t in defined if defined.count(t) > 1)
    for decree_term in ("Effective Date", "Monitor", "BPD"):
        assert defined.count(decree_term) == 1  # the decree's own definition, once
    assert "Modification Date" in defined
    assert "LPD shall" not in text and "BPD shall revise its mission statement" in text  # the decree's name
    assert "within 180 days of the Modification Date" in text


def test_modification_deadlines_never_from_the_effective_date(chain: dict) -> None:
    from drafter.docx.read import read_docx
    from drafter.model import iter_paragraphs

    paragraphs = iter_paragraphs(read_docx(chain["directives"][("drafter", "9")]).body)
    directive = re.sub(r"\s+", " ", " ".join(p.text for p in paragraphs))
    assert "days of the Effective Date" not in directive
    assert directive.count("days of the Modification Date") >= 10
    assert "Each runs from the Modification Date, September 1, 2026." in directive
    assert "runs from the Modification Date, not from the Effective Date" in directive


def test_a_new_decree_keeps_the_effective_date(tmp_path: Path) -> None:
    out = tmp_path / "new.docx"
    result = CliRunner().invoke(main, ["build", str(LAKEPORT), "-o", str(out)])
    assert result.exit_code == 0, result.output
    from drafter.docx.read import read_docx
    from drafter.model import iter_paragraphs

    text = " ".join(p.text for p in iter_paragraphs(read_docx(out).body))
    assert "days of the Effective Date" in text and "Modification Date" not in text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"after_paragraph": '"9"'}, "decree.after_paragraph: needs decree.file"),
        ({"file": "nowhere.docx", "after_paragraph": '"9"', "after_heading": "X"}, "not both"),
    ],
)
def test_bad_decree_fields_one_line_exit_2(tmp_path: Path, fields: dict, message: str) -> None:
    source = modification_input(tmp_path, **fields)
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and message in result.output, result.output
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize(
    ("fields", "where", "message"),
    [
        ({"file": "nowhere.docx", "after_paragraph": '"9"'}, "decree.file", "nowhere.docx: cannot open"),
        ({"file": "d.docx", "after_paragraph": '"999"'}, "decree.after_paragraph", "no paragraph 999"),
    ],
)
def test_a_decree_named_in_the_input_fails_at_its_line(
    tmp_path: Path, fields: dict, where: str, message: str
) -> None:
    """The decree that decree.file names is part of the input: a missing file or an insertion
    point it does not have is reported at that field's line (was 'cannot open: …', no file)."""
    (tmp_path / "d.docx").write_bytes((ROOT / "examples" / "lakeport-decree.docx").read_bytes())
    source = modification_input(tmp_path, **fields)
    line = next(n for n, text in enumerate(source.read_text().splitlines(), 1) if where.split(".")[1] in text)
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"{source}:{line}:") and f"{where}: " in result.stderr, result.stderr
    assert message in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_a_decree_option_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.docx"
    args = [
        "build",
        str(LAKEPORT),
        "--decree",
        str(missing),
        "--after-paragraph",
        "9",
        "-o",
        str(tmp_path / "x.docx"),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and result.stderr.startswith(f"{missing}: cannot open"), result.stderr


def test_modification_date_only_for_a_modification(tmp_path: Path) -> None:
    text = LAKEPORT.read_text().replace(
        "  effective_date: 2026-04-01\n", "  effective_date: 2026-04-01\n  modification_date: 2026-09-01\n"
    )
    source = tmp_path / "bad.yaml"
    source.write_text(text)
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert (
        result.exit_code == 2
        and "decree.modification_date" in result.output
        and "joins: modification" in result.output
    )


def test_the_example_amendment_builds_against_the_example_decree(tmp_path: Path) -> None:
    out = tmp_path / "amendment.docx"
    result = CliRunner().invoke(
        main, ["build", str(ROOT / "examples" / "lakeport-amendment.yaml"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = inspect_decree(out)
    assert report.structure.top_level()[0].label == "22"
    assert not {t.term for t in report.terms} & {
        "Agreement",
        "Effective Date",
        "Independent Monitor",
        "LPD",
        "Parties",
    }
