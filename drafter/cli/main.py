"""The `drafter` command line: parses options, calls one core function, prints the result.

Exit codes: 0 done; 1 review findings at or above --fail-on; 2 bad input or usage (one
line per problem on stderr, and nothing written); 70 a bug in drafter (one line; --debug
shows the traceback); 141 standard output closed early (`| head`). Errors become output in
one place: `drafter.cli.errors`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter import __version__
from drafter.cli.build import build
from drafter.cli.compare import compare
from drafter.cli.errors import DrafterGroup
from drafter.cli.insert import insert
from drafter.cli.inspect import inspect
from drafter.cli.options import library_option
from drafter.cli.review import review
from drafter.cli.text import columns, plural
from drafter.errors import EXIT_BAD_INPUT


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


main.add_command(build)
main.add_command(review)
main.add_command(inspect)
main.add_command(compare)
main.add_command(insert)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
