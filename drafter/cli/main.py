"""The `drafter` command line: parses options, calls one core function, prints the result.

Exit codes: 0 done; 1 review findings at or above --fail-on; 2 bad input or usage (one
line per problem on stderr, and nothing written); 70 a bug in drafter (one line; --debug
shows the traceback); 141 standard output closed early (`| head`). Errors become output in
one place: `drafter.cli.errors`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter import __version__
from drafter.cli.compare import compare
from drafter.cli.errors import DrafterGroup, echo_error
from drafter.cli.insert import insert
from drafter.cli.inspect import inspect
from drafter.cli.options import library_option
from drafter.cli.review import review
from drafter.errors import EXIT_BAD_INPUT, DrafterError
from drafter.safe_write import make_folder

if TYPE_CHECKING:  # build pulls in python-docx; the CLI imports it only when building
    from drafter.build import BuildResult


def plural(n: int, word: str) -> str:
    """'1 clause', '2 clauses'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def columns(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Rows as aligned columns, two spaces apart, however long a value is (the last column
    is not padded)."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return ["  ".join([*(v.ljust(w) for v, w in zip(row, widths, strict=False)), row[-1]]) for row in rows]


@click.group(cls=DrafterGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="drafter")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error (a bug).")
def main(debug: bool) -> None:
    """Draft Community Policing directives for consent decrees, and COPS grant narratives,
    as Word documents from a YAML description of a jurisdiction.

    \b
    Start:   drafter build examples/lakeport.yaml -o directive.docx
    Check:   drafter validate examples/*.yaml
    Clauses: drafter library list
    """


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


@main.command()
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


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def validate(inputs: tuple[Path, ...]) -> None:
    """Check input files; print 'FILE: ok' or every problem as FILE:LINE:COL: field: message.

    \b
    Example:
      drafter validate examples/lakeport.yaml examples/fairhaven.yaml
    """
    from drafter.inputs.loader import check_file

    failed = False
    for source in inputs:
        problems = check_file(source)
        if problems:
            failed = True
            for problem in problems:
                click.echo(str(problem), err=True)
        else:
            click.echo(f"{source}: ok")
    if failed:
        raise click.exceptions.Exit(EXIT_BAD_INPUT)


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of standard output.",
)
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
def schema(output: Path | None, force: bool) -> None:
    """Print the JSON Schema of the input file, for editors' completion and checking.

    \b
    Example (VS Code with the YAML extension):
      drafter schema -o drafter.schema.json
      # then start the input file with:
      # yaml-language-server: $schema=drafter.schema.json
    """
    from drafter.inputs.schema import schema_text

    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        from drafter.safe_write import write_atomic

        write_atomic(output, text, force=force)  # an OutputError is one line (DrafterGroup)
        click.echo(f"wrote {output}")


@main.group()
def library() -> None:
    """List, show, check and export the clause library drafts are made from.

    \b
    Example:
      drafter library list --kind directive
      drafter library export our-clauses
    """


@library.command("list")
@click.option("--kind", type=click.Choice(["directive", "narrative"]), help="Only clauses for this kind.")
@library_option()
def library_list(kind: str | None, library_dirs: tuple[Path, ...]) -> None:
    """One line per clause: id, version, status, kinds, topics, title.

    \b
    Example:
      drafter library list --kind directive
    """
    from drafter.library.clauses import load_library

    lib = load_library(list(library_dirs))
    rows = [c for c in lib.clauses.values() if kind is None or kind in c.meta.kinds]
    table = [
        (m.id, f"v{m.version}", m.status, ",".join(m.kinds), ",".join(m.topics), m.title)
        for m in (c.meta for c in sorted(rows, key=lambda c: c.id))
    ]
    for line in columns(table):
        click.echo(line)
    click.echo(plural(len(rows), "clause"), err=True)


@library.command("show")
@click.argument("clause_id")
@library_option()
def library_show(clause_id: str, library_dirs: tuple[Path, ...]) -> None:
    """Print one clause's file: front matter and body.

    \b
    Example:
      drafter library show partnership.root-causes
    """
    from drafter.library.clauses import load_library

    lib = load_library(list(library_dirs))
    clause = lib.clauses.get(clause_id)
    if clause is None:
        import difflib

        from drafter.errors import LibraryError

        close = difflib.get_close_matches(clause_id, list(lib.clauses), n=3)
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise LibraryError(f"no clause '{clause_id}'{hint}")
    click.echo(f"# {clause.path}")
    click.echo(clause.path.read_text(encoding="utf-8"), nl=False)


@library.command("export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Copy into a folder that already holds files.")
def library_export(folder: Path, force: bool) -> None:
    """Copy the built-in clauses, outlines, profiles and reference documents into FOLDER,
    with a README for legal staff; then build with --library FOLDER.

    \b
    Example:
      drafter library export our-clauses
      drafter build city.yaml --library our-clauses
    """
    from drafter.library.export import export_library

    result = export_library(folder, force=force)
    click.echo(f"wrote {result.files} files to {result.folder} (see {result.folder / 'README.md'})")


@library.command("check")
@click.argument("folder", required=False, type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--update-lock", is_flag=True, help="Record new clause versions in clauses/library.lock.")
def library_check(folder: Path | None, update_lock: bool) -> None:
    """Lint a clause library (FOLDER laid over the built-in one, or the built-in one):
    one line per problem, FILE:LINE: error|warning: message. Exit 1 on errors.

    \b
    Example:
      drafter library check our-clauses
      drafter library check our-clauses --update-lock
    """
    from drafter.library.lint import check_library

    result = check_library(folder, update_lock=update_lock)
    for finding in result.findings:
        click.echo(str(finding))
    warnings = len(result.findings) - result.errors
    click.echo(
        f"{plural(result.clauses, 'clause')} checked: {plural(result.errors, 'error')}, "
        f"{plural(warnings, 'warning')}",
        err=True,
    )
    if result.lock_written is not None:
        click.echo(f"wrote {result.lock_written}", err=True)
    if result.errors:
        raise click.exceptions.Exit(1)


@main.command()
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace files init wrote before.")
def init(folder: Path, force: bool) -> None:
    """Start a new jurisdiction in FOLDER (default: here): a commented jurisdiction.yaml
    with every field explained, its JSON Schema, and .vscode/settings.json so editors
    check and complete it.

    \b
    Example:
      drafter init springfield && drafter validate springfield/jurisdiction.yaml
    """
    from drafter.inputs.starter import init_folder

    result = init_folder(folder, force=force)
    for path in result.files:
        click.echo(f"wrote {path}")


main.add_command(review)
main.add_command(inspect)
main.add_command(compare)
main.add_command(insert)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
