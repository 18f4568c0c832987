"""`drafter build`: the command-line face of drafter.build. It parses options, refuses a batch
whose inputs would write the same file, builds each input (a bad one is reported and the batch
goes on, exit 2 at the end), and prints what was written, left out and measured. The main group
adds it with `add_command`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.cli.errors import DrafterCommand, echo_error
from drafter.cli.options import library_option
from drafter.cli.text import plural
from drafter.errors import EXIT_BAD_INPUT, DrafterError
from drafter.safe_write import make_folder

if TYPE_CHECKING:  # build pulls in python-docx; the CLI imports it only when building
    from drafter.build import BuildResult


def _refuse_shared_outputs(inputs: tuple[Path, ...], output: Path | None, out_dir: Path | None) -> None:
    """Two inputs of one batch must not write the same file: refused before anything is built."""
    from drafter.errors import OutputError

    seen: dict[tuple[Path, str], Path] = {}
    for source in inputs:
        if output is not None:
            return
        folder = (out_dir if out_dir is not None else Path(".")).resolve()
        key = (folder, source.stem)
        if key in seen:
            raise OutputError(
                f"{source}: {seen[key]} and {source} would both write {source.stem}-<kind>.docx in "
                f"{out_dir or Path('.')}; rename one or build them separately"
            )
        seen[key] = source


@click.command("build", cls=DrafterCommand)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output .docx (one input only). Default: <input name>-<kind>.docx.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the outputs (created if missing).",
)
@click.option("--force", is_flag=True, help="Replace output files that already exist.")
@library_option()
@click.option(
    "--reference-doc",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="A Word document whose styles, page set-up, header and footer the output "
    "uses (instead of the library's templates/<kind>/reference.docx).",
)
@click.option(
    "--draft", is_flag=True, help="Missing facts become highlighted [bracketed prompts] instead of errors."
)
@click.option(
    "--schedule",
    is_flag=True,
    help="Also write <output>-schedule.csv: each deadline, its paragraph, actor and due date.",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Also convert to PDF with LibreOffice and check the page count against the "
    "solicitation profile's page limit (narratives).",
)
@click.option(
    "--decree",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The existing decree .docx to draft the directive to fit (numbers, the decree's own "
    "terms and Monitor title); same as decree.file in the input.",
)
@click.option(
    "--after-paragraph", metavar="N", help="With --decree: the paragraph the directive will follow."
)
@click.option("--after-heading", metavar="TEXT", help="With --decree: the section at whose end it will go.")
@click.option(
    "--skip-covered",
    is_flag=True,
    help="With --decree: leave out the clauses whose elements the decree already covers (see "
    "`drafter inspect`), and cite the decree's paragraph for each instead.",
)
def build(
    inputs: tuple[Path, ...],
    output: Path | None,
    out_dir: Path | None,
    force: bool,
    library_dirs: tuple[Path, ...],
    reference_doc: Path | None,
    draft: bool,
    schedule: bool,
    pdf: bool,
    decree: Path | None,
    after_paragraph: str | None,
    after_heading: str | None,
    skip_covered: bool,
) -> None:
    """Draft the document each INPUTS file describes.

    Library folders stack: the built-in clauses, then the input file's `library:` folder,
    then --library / DRAFTER_LIBRARY (these win).

    \b
    Example:
      drafter build examples/lakeport.yaml -o lakeport-directive.docx
      drafter build examples/*.yaml --out-dir build --force
      drafter build city.yaml --library my-clauses --reference-doc letterhead.docx --draft
      drafter build examples/fairhaven.yaml -o fairhaven.docx --schedule
      drafter build examples/millbrook-chp.yaml -o millbrook.docx --pdf
      drafter build examples/lakeport.yaml --decree examples/lakeport-decree.docx \\
          --after-paragraph 21 -o lakeport-directive.docx
      drafter build examples/lakeport-amendment.yaml --skip-covered -o amendment.docx
    """
    from drafter.build import build as build_one
    from drafter.library.clauses import load_library

    if output is not None and len(inputs) > 1:
        raise click.UsageError("-o/--output takes one input; use --out-dir for several")
    if output is not None and output.suffix.lower() != ".docx":
        raise click.UsageError(f"{output}: the output is a Word document; give a name ending in .docx")
    library = load_library(list(library_dirs))
    _refuse_shared_outputs(inputs, output, out_dir)
    if out_dir is not None:
        make_folder(out_dir)
    failed = False
    for source in inputs:
        try:
            result = build_one(
                source,
                output,
                out_dir=out_dir,
                force=force,
                library=library,
                library_dirs=list(library_dirs),
                reference_doc=reference_doc,
                draft=draft,
                schedule=schedule,
                pdf=pdf,
                decree=decree,
                after_paragraph=after_paragraph,
                after_heading=after_heading,
                skip_covered=skip_covered,
            )
        except DrafterError as exc:
            echo_error(exc)  # a batch goes on with the next input, and exits 2 at the end
            failed = True
            continue
        click.echo(f"wrote {result.output}")
        if skip_covered:
            _report_cover(result)
        for warning in result.composition.warnings:
            click.echo(f"warning: {warning}", err=True)
        for note in result.notes:
            click.echo(f"note: {note}", err=True)
        _report_extras(result)
    if failed:
        raise click.exceptions.Exit(EXIT_BAD_INPUT)


def _report_cover(result: BuildResult) -> None:
    """--skip-covered: one line of what was left out and the decree paragraph covering each;
    a note for each covered clause kept, with the reason."""
    cover = result.composition.cover
    left = ", ".join(
        f"{s.clause_id} ({', '.join(dict.fromkeys(f'¶ {c.paragraph}' for c in s.covered_by))})"
        for s in cover.skipped
    )
    click.echo(f"  left out, covered by the decree: {left or 'nothing'}")
    for kept in cover.kept:
        click.echo(f"note: kept {kept.clause_id}: {kept.reason}", err=True)


def _report_extras(result: BuildResult) -> None:
    """The profile, section sizes against limits, schedule and page count of one build."""
    from drafter.compose.section_limits import Measure

    if result.profile:
        click.echo(f"  profile {result.profile}")
    for measure in result.measures:
        click.echo(f"  {measure.section}: {measure.amount} of {measure.limit} {measure.unit}")
    if result.schedule is not None:
        click.echo(f"wrote {result.schedule} ({result.schedule_rows} deadlines)")
    if result.pdf is not None:
        pages = result.pages
        if isinstance(pages, Measure):
            click.echo(f"wrote {result.pdf} ({plural(pages.amount, 'page')}, limit {pages.limit})")
        elif result.profile:
            click.echo(f"wrote {result.pdf} ({plural(pages or 0, 'page')}; the profile sets no page limit)")
        else:
            click.echo(f"wrote {result.pdf} ({plural(pages or 0, 'page')})")
