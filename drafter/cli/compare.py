"""`drafter compare`: the command-line face of drafter.compare. It parses options, calls
`compare`, writes the redline (or prints the summary) and sets the exit code (0 done, 2 a file
that cannot be read or written, or bad usage). The main group adds it with `add_command`.
"""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli.errors import DrafterCommand
from drafter.cli.options import format_option


@click.command("compare", cls=DrafterCommand)
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="REDLINE.docx",
    help="The redline to write (--format docx). Default: <NEW name>-redline.docx beside NEW.",
)
@click.option("--author", default=None, metavar="NAME", help="Author of every revision. Default: drafter.")
@click.option(
    "--date",
    default=None,
    metavar="ISO",
    help="Date of every revision (2026-11-25 or 2026-11-25T14:30:00Z; 'now' for the clock). "
    "Default: NEW's last-modified date, else SOURCE_DATE_EPOCH, so output is reproducible.",
)
@click.option(
    "--show-renumbering",
    is_flag=True,
    help="Also track number labels and references that changed only because paragraphs "
    "were added or removed (by default they are counted, not marked).",
)
@format_option(
    "docx", "text", "json", help="docx writes the redline; text and json print the summary and write nothing."
)
@click.option("--force", is_flag=True, help="Replace REDLINE.docx if it exists.")
def compare(
    old: Path,
    new: Path,
    output: Path | None,
    author: str | None,
    date: str | None,
    show_renumbering: bool,
    fmt: str,
    force: bool,
) -> None:
    """Redline NEW.docx against OLD.docx with native Word tracked changes.

    The redline is NEW carrying insertions, deletions, moves and formatting changes that
    Word and LibreOffice can accept or reject one by one. Paragraphs are matched by their
    text without number labels, so paragraphs renumbered by an insertion or deletion, and
    references that follow them ("paragraph 213" → "paragraph 212"), are counted in the
    summary but not marked (unless --show-renumbering).

    \b
    Examples:
      drafter compare decree-v1.docx decree-v2.docx -o redline.docx --author "City of Lakeport"
      drafter compare old.docx new.docx --format text
      drafter compare old.docx new.docx --format json --show-renumbering
    """
    from drafter.compare import compare as run_compare
    from drafter.compare import format_text, redline_file, to_json

    target = output if output is not None else new.with_name(f"{new.stem}-redline.docx")
    # a DrafterError ends in drafter.cli.errors: its lines on stderr, exit 2
    if fmt == "docx":
        result = redline_file(
            old, new, target, author=author, date=date, show_renumbering=show_renumbering, force=force
        )
    else:
        result = run_compare(
            old, new, author=author, date=date, show_renumbering=show_renumbering, redline=False
        )
    if fmt == "json":
        click.echo(to_json(result))
        return
    click.echo(format_text(result))
    if fmt == "docx":
        click.echo(f"wrote {target}")
