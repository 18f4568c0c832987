"""A clause cannot hang a build or fill memory: each budget stops it at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import MINIMAL, drafter, library_with

CASES = [
    ("{{ 9**(9**9) }}", "too large a number"),
    ("{{ 'x' * 10**9 }}", "longer than 100,000 characters"),
    ("{{ [1] * 10**8 }}", "longer than 100,000 characters"),
    ("{{ '%*d' % (10**9, 1) }}", "width"),
    ("{{ '%0999999999d' % 1 }}", "width"),
    ("{{ 'x' | center(10**9) }}", "'center'"),
    ("{{ 'x' | indent(10**9) }}", "'indent'"),
    ("{{ '%0999999d' | format(1) }}", "width"),
    ("{% for i in range(100000) %}x{% endfor %}", "range() may yield at most 1,000"),
    (
        "{% for i in range(1000) %}{% for j in range(1000) %}xxxxxxxxxx{% endfor %}{% endfor %}",
        "more than 200,000 characters",
    ),
    (
        "{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% else %}{{ s | length }}{% endif %}{% endmacro %}"
        "{{ f('x', 40) }}",
        "longer than",
    ),
]


@pytest.mark.parametrize(("body", "reason"), CASES, ids=[c[0][:30] for c in CASES])
def test_a_runaway_clause_stops_at_its_line(tmp_path: Path, body: str, reason: str) -> None:
    clause = library_with(tmp_path, f"TPD shall work.\n\n{body}\n")
    out = tmp_path / "out.docx"
    result = drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", out)
    # the output budget stops between lines: it names the clause body's first line
    line = 8 if "characters" in reason and "more than" in reason else 10
    result.refused(f"{clause}:{line}:", reason)
    assert not out.exists()


def test_library_check_does_not_hang_on_a_constant_bomb(tmp_path: Path) -> None:
    library_with(tmp_path, "TPD shall work.\n\n{{ 9**(9**9) }}\n")
    result = drafter("library", "check", tmp_path / "lib")
    assert "Traceback" not in result.stderr
    assert result.code in (0, 1, 2)


def test_a_when_condition_is_bounded_too(tmp_path: Path) -> None:
    front = "---\nid: custom.w\ntitle: W\nversion: 1\nkinds: [directive]\ntopics: [partners]\nwhen: 9**(9**9) > 1\n---\nText.\n"
    clause = library_with(tmp_path, "", front=front)
    drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", tmp_path / "o.docx").refused(
        str(clause), "too large a number"
    )
