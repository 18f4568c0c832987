"""The few exception types the CLI turns into exit code 2 and one line.

Every message is written for the person who edits the input: it starts with where the
problem is (`file:line:col:` when known) and says what is wrong in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass


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

    def lines(self) -> list[str]:
        """One line per problem, for the CLI to print."""
        return [str(self)]


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
