"""Options more than one command takes, declared once so they stay alike: the same name,
environment variable, type and destination everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def library_option(
    help: str = "A folder of clauses/templates laid over the built-in library (repeatable; "
    "also DRAFTER_LIBRARY).",
) -> Decorator:
    """--library DIR (repeatable, or DRAFTER_LIBRARY), passed as `library_dirs`."""
    return click.option(
        "--library",
        "library_dirs",
        multiple=True,
        type=click.Path(file_okay=False, path_type=Path),
        envvar="DRAFTER_LIBRARY",
        help=help,
    )


def format_option(*choices: str, help: str) -> Decorator:
    """--format, passed as `fmt`; the first choice is the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help,
    )
