"""`drafter review`: the command-line face of drafter.review. It parses options, calls
`review_file`, prints, and sets the exit code (0 clean, 1 findings at or above --fail-on,
2 unreadable file or bad usage). The main group adds it with `cli.add_command(review)`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli.errors import DrafterCommand, reading
from drafter.cli.options import format_option, library_option


@click.command("review", cls=DrafterCommand)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--kind",
    type=click.Choice(["directive", "narrative", "other"]),
    default=None,
    help="Document kind (default: guessed from the text; the report says why). "
    "'other' runs the proofreading checks only.",
)
@click.option(
    "--profile",
    metavar="ID",
    default=None,
    help="Solicitation profile whose limits apply: an id found as build finds it (built-in or --library), or a file.",
)
@format_option("text", "json", help="Output format; json has a stable schema (schema_version) for CI.")
@click.option(
    "--annotate",
    "annotate_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="OUT.docx",
    help="Also write a copy with each finding as a Word comment.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "note", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding at or above this severity exists.",
)
@library_option(
    help="Library folder(s): their clause versions count as current, their profiles are found (also DRAFTER_LIBRARY)."
)
@click.option("--force", is_flag=True, help="Replace the --annotate file if it exists.")
def review(
    file: Path,
    kind: str | None,
    profile: str | None,
    fmt: str,
    annotate_out: Path | None,
    fail_on: str,
    library_dirs: tuple[Path, ...],
    force: bool,
) -> None:
    """Proofread and assess a directive or grant narrative .docx (ours or anyone's).

    Reports unfilled blanks, defined-term problems, broken cross-references, numbering gaps,
    number/date errors, missing community-policing elements, partnership problems, plain-language
    issues and clauses edited after drafting, each with where it is and how to fix it.

    \b
    Examples:
      drafter review springfield-directive.docx
      drafter review app.docx --kind narrative --profile cpd-2024 --format json
      drafter review decree.docx --annotate decree-reviewed.docx --fail-on warning
    """
    # Imported here: review pulls in textstat and its dictionaries, which `drafter build`
    # does not need at start-up.
    from drafter.review import review_file
    from drafter.review.report import exit_code, format_text, to_json

    library = None
    if library_dirs:  # loaded now, so a broken folder is reported whatever the document
        from drafter.library.clauses import load_library

        library = load_library(list(library_dirs))  # its errors name the clause file itself
    with reading(file):
        report = review_file(file, kind=kind, profile=profile, library=library)
        if annotate_out is not None:
            from drafter.review.annotate import annotate

            annotate(file, report, annotate_out, force=force)
    click.echo(to_json(report) if fmt == "json" else format_text(report), nl=fmt != "json")
    sys.exit(exit_code(report, fail_on))
