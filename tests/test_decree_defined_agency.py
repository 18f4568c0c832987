"""A decree that names the agency by a defined word ("the Department") and numbers its sections
in arabic (the settlement agreement in tests/data/real): the directive built against it says
"The Department shall …" (never a bare "Department shall"), does not introduce the name again,
and continues the decree's section count instead of starting again at Section I."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from real_docs import lakeport_agreement

from drafter.cli.main import main
from drafter.docx.read import read_docx
from drafter.review.findings import walk


@pytest.fixture(scope="module")
def directive(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("agreement")
    decree = lakeport_agreement(folder / "agreement.docx")
    out = folder / "directive.docx"
    args = ["build", str(EXAMPLES / "lakeport-amendment.yaml"), "--decree", str(decree)]
    result = CliRunner().invoke(main, [*args, "--after-paragraph", "10.1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return "\n".join(item.text for item in walk(read_docx(out)))


def test_the_defined_agency_word_keeps_its_article(directive: str) -> None:
    assert "The Department shall" in directive
    assert re.findall(r"(?<!the )(?<!The )\bDepartment (?:shall|may|works|writes)", directive) == []
    assert "work with the Department on" in directive


def test_the_agency_is_not_introduced_again(directive: str) -> None:
    assert "(“the Department”)" not in directive
    assert "(“Department”)" not in directive


def test_sections_continue_after_the_decree_s_arabic_sections(directive: str) -> None:
    """The agreement's sections run 1–11 and the directive goes in after ¶ 10.1 (Section 10)."""
    assert "Sections XI through" in directive
    assert "Sections I through" not in directive
