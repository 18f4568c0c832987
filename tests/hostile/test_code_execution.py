"""No clause file can run code or read files: templates see plain data only."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from docx_helpers import docx_paragraph_texts
from harness import MINIMAL, drafter, library_with


class _Marker:
    """Unpickling this creates a file: the harmless stand-in for an attacker's command."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_pickle_payload_in_a_clause_does_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = repr(pickle.dumps(_Marker(str(marker)), protocol=0).decode("ascii"))
    body = f"TPD shall work with partners.\n\n{{{{ agency.parse_raw({payload}, proto='pickle', allow_pickle=True) }}}}\n"
    clause = library_with(tmp_path, body)
    out = tmp_path / "out.docx"
    result = drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", out)
    result.refused(f"{clause}:10:", "'.parse_raw' is not data")
    assert not marker.exists()
    assert not out.exists()


@pytest.mark.parametrize(
    ("expression", "attribute"),
    [
        ("agency.parse_file('/etc/passwd')", "parse_file"),
        ("agency.model_dump()", "model_dump"),
        ("partners[0].copy()", "copy"),
        ("agency.short_name.upper()", "upper"),
        ("partners.pop()", "pop"),
        ("decree.effective_date.replace(year=1)", "replace"),
        ("(partners | first).json()", "json"),
        ("(partners | first) | attr('schema_json')", "schema_json"),
    ],
)
def test_methods_of_values_are_refused(tmp_path: Path, expression: str, attribute: str) -> None:
    clause = library_with(tmp_path, f"TPD shall work.\n\n{{{{ {expression} }}}}\n")
    out = tmp_path / "out.docx"
    result = drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", out)
    result.refused(str(clause), attribute, "not data")
    assert not out.exists()


def test_library_check_flags_a_clause_that_calls_methods(tmp_path: Path) -> None:
    clause = library_with(tmp_path, "TPD shall work.\n\n{{ agency.parse_raw('x') }}\n")
    result = drafter("library", "check", tmp_path / "lib")
    assert result.code != 0
    assert f"{clause}:10: error: '.parse_raw' is not data" in result.stdout + result.stderr


def test_data_still_reads_through_dots(tmp_path: Path) -> None:
    """`agency.short_name`, loops over partners, dates' parts and drafter's functions work."""
    library_with(
        tmp_path,
        "{{ agency.short_name }} shall meet {{ partners[0].name }} by "
        "{{ decree.effective_date.year }}; see {{ partner('eastside-tenants').name }}.\n",
    )
    out = tmp_path / "out.docx"
    drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", out).ok()
    text = "\n".join(docx_paragraph_texts(out))
    assert "TPD shall meet Eastside Tenants Union by 2026; see Eastside Tenants Union." in text


def test_a_mapping_method_named_like_data_is_just_a_missing_value(tmp_path: Path) -> None:
    """`items` is a budget field, so the name passes the static check; on the agency it is
    a missing key, never dict.items."""
    clause = library_with(tmp_path, "TPD shall work.\n\n{{ agency.items() }}\n")
    result = drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", tmp_path / "out.docx")
    result.refused(f"{clause}:10:", "has no attribute 'items'")
