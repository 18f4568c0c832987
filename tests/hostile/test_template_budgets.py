"""A clause cannot hang a build or fill memory: each budget stops it at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import CLAUSE, MINIMAL, drafter, library_with

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


SLOW = "{% for i in range(1000) %}{% for j in range(JS) %}{% endfor %}{% endfor %}TPD shall work.\n"
"""A clause that only spends time: 1,000 x JS empty loop turns (about 0.08 s for JS=1000 on an
idle machine in 2026; a budget test leaves a margin of several times that either way)."""

SLOWER = (
    "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(5) %}"
    "{% endfor %}{% endfor %}{% endfor %}TPD shall work.\n"
)
"""Five million empty loop turns: about 0.4 s idle, eight times the 0.05 s clause budget below."""


def test_a_slow_clause_stops_at_the_clause_time_budget(tmp_path: Path) -> None:
    clause = library_with(tmp_path, SLOWER)
    out = tmp_path / "out.docx"
    result = drafter(
        "build", MINIMAL, "--library", tmp_path / "lib", "-o", out, env={"DRAFTER_CLAUSE_SECONDS": "0.05"}
    )
    result.refused(str(clause), "the clause took more than 0.05 seconds to render")
    assert not out.exists()


def test_clauses_each_within_budget_stop_at_the_document_time_budget(tmp_path: Path) -> None:
    """Eight clauses of about 0.08 s each: each is far inside the clause budget, but together
    (about 0.6 s) they pass a document budget of 0.1 s, and the build stops at the clause that
    passes it."""
    library_with(tmp_path, SLOW.replace("JS", "1000"), clause_id="custom.slow-0")
    folder = tmp_path / "lib" / "clauses" / "custom"
    for n in range(1, 8):
        text = CLAUSE.format(id=f"custom.slow-{n}", body=SLOW.replace("JS", "1000"))
        (folder / f"slow-{n}.md").write_text(text, encoding="utf-8")
    out = tmp_path / "out.docx"
    budgets = {"DRAFTER_CLAUSE_SECONDS": "5", "DRAFTER_DOCUMENT_SECONDS": "0.1"}
    result = drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", out, env=budgets)
    line = result.refused("the document's clauses took more than 0.1 seconds to render")
    assert str(folder) in line
    assert not out.exists()
    # the same library within the default budgets builds
    drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", out).ok()
    assert out.exists()


def test_a_budget_setting_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = drafter("build", MINIMAL, "-o", out, env={"DRAFTER_DOCUMENT_SECONDS": "ten"})
    result.refused("DRAFTER_DOCUMENT_SECONDS='ten'", "number of seconds")
    assert not out.exists()
