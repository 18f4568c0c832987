"""`drafter insert`: the command-line face of drafter.amend. Parses options, calls
`insert_directive`, prints the change report, writes the new decree (unless --dry-run) and the
CSV report. A bad file, a bad insertion point or an existing output is one line and exit 2
(drafter.cli.errors).
"""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli.errors import DrafterCommand
from drafter.errors import DrafterError


@click.command("insert", cls=DrafterCommand)
@click.argument("decree", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("directive", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--after-paragraph", metavar="N", help="Insert after decree paragraph N (and its sub-paragraphs)."
)
@click.option(
    "--after-heading", metavar="TEXT", help="Insert at the end of the section with this heading (or label)."
)
@click.option(
    "-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), help="The new decree."
)
@click.option(
    "--numbering",
    type=click.Choice(["renumber", "suffix"]),
    default="renumber",
    show_default=True,
    help="renumber: continue the numbering and shift later paragraphs (drafts); suffix: number the "
    "inserted paragraphs 212A, 212B… and change no existing number (entered decrees).",
)
@click.option(
    "--suffix-style",
    type=click.Choice(["letter", "decimal"]),
    default=None,
    help="Suffixes as 212A (letter) or 212.1 (decimal). Default: decimal when the decree uses decimals.",
)
@click.option(
    "--report",
    "report_csv",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the changes as CSV.",
)
@click.option(
    "--redline",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="REDLINE.docx",
    help="Also write the new decree as a redline against DECREE (native tracked changes, "
    "renumbering not marked): the exhibit to a motion to modify. See `drafter compare`.",
)
@click.option("--author", metavar="NAME", default=None, help="Author of the redline's revisions.")
@click.option("--dry-run", is_flag=True, help="Print the changes; write nothing.")
@click.option("--force", is_flag=True, help="Replace OUT.docx (and the report) if they exist.")
def insert(
    decree: Path,
    directive: Path,
    after_paragraph: str | None,
    after_heading: str | None,
    out: Path | None,
    numbering: str,
    suffix_style: str | None,
    report_csv: Path | None,
    redline: Path | None,
    author: str | None,
    dry_run: bool,
    force: bool,
) -> None:
    """Insert a directive .docx into a decree .docx, keeping the decree's styles, headers and
    footers, numbering the directive the decree's way and updating every typed reference and
    REF field to a paragraph or section that moved. The inputs are never modified.

    \b
    Examples:
      drafter insert decree.docx directive.docx --after-paragraph 211 -o amended.docx
      drafter insert decree.docx directive.docx --after-heading "VII" --numbering suffix \\
          -o amended.docx --report changes.csv
      drafter insert decree.docx directive.docx --after-paragraph 33 --dry-run
    """
    from drafter.amend.insert import changes_csv, insert_directive, write_insert
    from drafter.docx.package import atomic_write
    from drafter.safe_write import check_target

    if out is None and not dry_run:
        raise DrafterError("give -o OUT.docx for the new decree (or --dry-run to see the changes)")
    if not dry_run:  # every output refused before the first is written: all or nothing
        for target in (out, report_csv, redline):
            if target is not None:
                check_target(target, force=force, inputs=(decree, directive))
    result = insert_directive(
        decree,
        directive,
        after_paragraph=after_paragraph,
        after_heading=after_heading,
        mode=numbering,  # type: ignore[arg-type]
        suffix_style=suffix_style,  # type: ignore[arg-type]
    )
    if not dry_run:
        write_insert(result, out, force=force)  # type: ignore[arg-type]
        if report_csv is not None:
            atomic_write(report_csv, changes_csv(result.changes).encode("utf-8"), force)
        if redline is not None:
            from drafter.compare import redline_file

            redline_file(decree, out, redline, author=author, force=force)  # type: ignore[arg-type]
    plan = result.plan
    labels = plan.directive_labels
    click.echo(
        f"{'Would insert' if dry_run else 'Inserted'} {len(labels)} paragraphs (¶¶ {labels[0]}–{labels[-1]})"
        + (
            f" and {len(plan.directive_sections)} sections ({', '.join(plan.directive_sections)})"
            if plan.directive_sections
            else ""
        )
        + f" {plan.point.description}, numbering: {plan.mode}."
    )
    changed = [c for c in result.changes if c.kind != "inserted"]
    moved = [c for c in changed if not c.where.endswith("(inserted)")]
    inside = [c for c in changed if c.where.endswith("(inserted)")]
    click.echo(
        f"{len(moved)} decree numbers and references changed:"
        if moved
        else "No existing number or reference changed."
    )
    for c in moved:
        click.echo(f"  {c.where}: {c.kind}: {c.old} → {c.new}")
    if inside:
        click.echo(f"{len(inside)} references inside the directive renumbered to fit (listed by --report).")
    for note in result.notes:
        click.echo(f"note: {note}")
    if not dry_run:
        extra = [str(p) for p in (report_csv, redline) if p is not None]
        click.echo(f"wrote {out}" + (f" and {' and '.join(extra)}" if extra else ""))
