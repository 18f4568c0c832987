"""drafter's one family of exceptions, each carrying the exit code the CLI ends with.

Every message is written for the person who edits the input: it starts with where the
problem is (`file:line:col:` when known) and says what is wrong in plain words. The CLI turns
any of them into its lines on stderr and its exit code in one place (`drafter.cli.errors`).

Exit codes (also in the README):

- 0 done;
- 1 review findings at or above ``--fail-on`` (and ``library check`` errors) — never an error;
- 2 bad input, bad usage, or an output that cannot be written (every ``DrafterError``);
- 70 a bug in drafter (any other exception; ``--debug`` shows its traceback). 70 is
  EX_SOFTWARE from BSD's sysexits.h, "an internal software error";
- 141 the reader of standard output closed it early (``drafter … | head``): drafter stops
  quietly, with the status a shell gives ``cat`` killed by SIGPIPE (128 + 13).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_BUG = 70
EXIT_OUTPUT_CLOSED = 141


@dataclass(frozen=True)
class Problem:
    """One located problem in a user's file."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DrafterError(Exception):
    """Base class: a problem with what the user gave us (exit code 2)."""

    exit_code: int = EXIT_BAD_INPUT

    def lines(self) -> list[str]:
        """One line per problem, for the CLI to print."""
        return [str(self)]

    def at(self, where: str) -> DrafterError:
        """The same error with ``where: `` before each line that does not start with it
        (a reader's errors do not know which file the user named)."""
        lines = [line if line.startswith(where) else f"{where}: {line}" for line in self.lines()]
        located = DrafterError("\n".join(lines))
        located.exit_code = self.exit_code
        return located


class InputError(DrafterError):
    """The input file is unreadable or invalid; carries every problem found, not just one."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class LibraryError(DrafterError):
    """A clause, outline or profile in the library is broken (front matter, Jinja, reference)."""


class RenderError(DrafterError):
    """A clause failed to render: a missing value, a sandbox violation, an unknown ref()."""


class OutputError(DrafterError):
    """The output cannot be written: it exists (without --force), or its folder is missing."""


class DocxReadError(DrafterError):
    """A .docx cannot be read: not a zip, damaged, missing its document part, or too large."""


class ProfileNotFound(LibraryError):
    """No solicitation profile for the grant's program and fiscal year."""


class MarkupError(DrafterError):
    """A clause body uses Markdown the drafter cannot place in a legal document.

    Not a ValueError: a ``except ValueError`` meant for a number or a date must not swallow a
    clause author's mistake."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line
        """The line of the rendered text (0: unknown); `drafter.library.markup.template_line`
        finds the clause file's line it came from."""


class ScheduleError(DrafterError):
    """A schedule cannot be made (no Effective Date to count from)."""


class PdfError(DrafterError):
    """LibreOffice is missing, failed, or timed out."""


class LimitError(DrafterError):
    """One or more sections exceed the solicitation's limits; ``over`` holds each measure
    (``drafter.compose.section_limits.Measure``, whose str() is one line)."""

    def __init__(self, where: str, over: Sequence[object]):
        self.where = where
        self.over = list(over)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.where}: {m}" for m in self.over]
