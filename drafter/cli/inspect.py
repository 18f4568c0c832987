"""`drafter inspect`: the command-line face of drafter.decree. Parses options, calls
`inspect_decree`, prints text or JSON; exit 2 with one line when the file is unreadable or is
not a decree.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from drafter.cli.errors import DrafterCommand, reading
from drafter.cli.options import format_option


@click.command("inspect", cls=DrafterCommand)
@click.argument("decree", type=click.Path(dir_okay=False, path_type=Path))
@format_option("text", "json", help="Output format; json follows docs/inspect.md (schema_version).")
def inspect(decree: Path, fmt: str) -> None:
    """Read an existing consent decree (.docx from Word, LibreOffice or drafter) and report
    what a directive must fit: caption, sections, numbered paragraphs, defined terms, the
    Effective Date and Monitor, typed references and REF fields, and the community-policing
    elements it already covers.

    \b
    Examples:
      drafter inspect examples/lakeport-decree.docx
      drafter inspect decree.docx --format json > decree.json
    """
    from drafter.decree.inspect import inspect_decree
    from drafter.decree.report import to_json, to_text

    with reading(decree):
        report = inspect_decree(decree)
    if fmt == "json":
        click.echo(json.dumps(to_json(report), indent=2, ensure_ascii=False))
    else:
        click.echo(to_text(report))
