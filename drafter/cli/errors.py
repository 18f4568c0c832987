"""The one place where exceptions become output and exit codes.

A ``DrafterError`` prints its lines on stderr and exits with its own ``exit_code`` (2). Any
other exception is a bug in drafter: one line saying so and how to see the traceback, exit 70
(never 1, which means "review found something", and never a bare traceback) — unless the
global ``--debug`` option asks for the traceback. A standard output closed by its reader
(``drafter build … | head``) is not a bug: drafter stops quietly with 141, as ``cat`` would.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from drafter.errors import EXIT_BUG, EXIT_OUTPUT_CLOSED, DrafterError


def echo_error(error: DrafterError) -> int:
    """Print a DrafterError's lines to stderr; return the exit code it carries."""
    for line in error.lines():
        click.echo(line, err=True)
    return error.exit_code


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """Errors raised while reading `path` start with its name: a reader's messages do not know
    what the user called the file."""
    try:
        yield
    except DrafterError as exc:
        raise exc.at(str(path)) from None


def bug_message(exc: BaseException) -> str:
    detail = str(exc).splitlines()[0] if str(exc) else ""
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return (
        f"drafter: internal error ({what}). This is a bug in drafter, not in your files; "
        "please report it. Rerun with `drafter --debug …` to see the traceback."
    )


def _silence_stdout() -> None:
    """Point standard output at the null device, so the flush at interpreter exit does not
    fail again on the closed pipe (and print "Exception ignored … BrokenPipeError")."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (a test runner's buffer): nothing to flush
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _output_closed() -> click.exceptions.Exit:
    _silence_stdout()
    return click.exceptions.Exit(EXIT_OUTPUT_CLOSED)


def _guarded(ctx: click.Context, invoke: Callable[[click.Context], Any]) -> Any:
    try:
        return invoke(ctx)
    except DrafterError as exc:
        raise click.exceptions.Exit(echo_error(exc)) from None
    except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
        raise
    except BrokenPipeError:  # `drafter … | head`: the reader has all it wants
        raise _output_closed() from None
    except Exception as exc:  # noqa: BLE001 - anything else is a bug, reported as one
        if ctx.find_root().params.get("debug"):
            raise
        click.echo(bug_message(exc), err=True)
        raise click.exceptions.Exit(EXIT_BUG) from None


class DrafterCommand(click.Command):
    """A click Command whose errors end here, whether run under `drafter` or on its own."""

    def invoke(self, ctx: click.Context) -> Any:
        return _guarded(ctx, super().invoke)


class DrafterGroup(click.Group):
    """The `drafter` group: its commands (and subgroups) are DrafterCommands."""

    command_class = DrafterCommand

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        """`drafter --help | head` too (help and --version print while the options are parsed)."""
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:
            raise _output_closed() from None

    def invoke(self, ctx: click.Context) -> Any:
        return _guarded(ctx, super().invoke)


DrafterGroup.group_class = DrafterGroup
