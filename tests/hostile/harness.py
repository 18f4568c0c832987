"""Run drafter as an attacker's victim would: a real subprocess under resource limits.

Every hostile case runs `python -m drafter.cli.main …` with RLIMIT_AS (address space) and
RLIMIT_CPU set in the child, so a regression that hangs or balloons is killed by the kernel
and fails the test, instead of stalling the suite; no test asserts a wall-clock time.
`Outcome.refused()` checks what every refusal must look like: exit code 2, one line on
stderr naming the file and the problem, no traceback.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import DATA

MINIMAL = DATA / "minimal.yaml"
MINILIB = DATA / "minilib"

MEMORY_LIMIT = 1024 * 1024 * 1024
"""1 GiB of address space: a normal build uses about a quarter of it."""

CPU_SECONDS = 20
"""CPU seconds a child may use; a normal build needs under one."""


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str

    def refused(self, *words: str) -> str:
        """Assert a clean refusal (exit 2, one line, no traceback) mentioning every word;
        return that line."""
        assert "Traceback" not in self.stderr + self.stdout, self.stderr
        assert self.code == 2, (self.code, self.stdout, self.stderr)
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, self.stderr
        for word in words:
            assert word in lines[0], (word, lines[0])
        return lines[0]

    def refused_at(self, where: str, what: object = "") -> list[str]:
        """Assert a clean refusal (exit 2, no traceback) whose every error line starts at a
        file and line matching the regular expression `where` (several problems, several
        lines); return the lines. `what` says which case failed."""
        assert "Traceback" not in self.stderr + self.stdout and self.code == 2, (
            what,
            self.code,
            self.stdout,
            self.stderr,
        )
        lines = self.stderr.splitlines()
        assert lines and all(re.match(rf"{where}:\d+[:\s]", line) for line in lines), (what, lines)
        return lines

    def ok(self) -> None:
        assert "Traceback" not in self.stderr + self.stdout, self.stderr
        assert self.code == 0, (self.code, self.stdout, self.stderr)


def drafter(
    *args: str | Path, cwd: Path | None = None, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> Outcome:
    """Run the drafter CLI in a limited child process; `env` adds environment variables."""
    env = {**{k: v for k, v in os.environ.items() if k != "DRAFTER_LIBRARY"}, **(env or {})}
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from drafter.cli.main import main; sys.exit(main())",
            *map(str, args),
        ],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        preexec_fn=_limits,  # noqa: PLW1509 - the limits must apply to the child alone
        timeout=120,
        check=False,
    )
    return Outcome(
        proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    )


CLAUSE = """---
id: {id}
title: Hostile
version: 1
kinds: [directive]
topics: [partners]
---
{body}
"""


def library_with(
    folder: Path, body: str, clause_id: str = "custom.hostile", front: str | None = None
) -> Path:
    """A library folder holding one clause with `body` (or a whole file `front`+body);
    returns the clause's path."""
    shutil.copytree(MINILIB, folder / "lib", dirs_exist_ok=True)
    path = folder / "lib" / "clauses" / "custom" / "hostile.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = front if front is not None else CLAUSE.format(id=clause_id, body=body)
    path.write_text(text, encoding="utf-8")
    return path


def listing(folder: Path) -> list[str]:
    """Every file under `folder`, hidden ones included (temporary files must not remain)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
