"""The whole drafting pipeline for one input file: read, check, compose, write.

Kept apart from the CLI so tests, batch builds and other tools call the same function, and
so the CLI stays a thin layer that parses options and prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.compose import Composition, compose
from drafter.errors import OutputError
from drafter.library import Library, load_library
from drafter.loader import load_inputs


@dataclass(frozen=True)
class BuildResult:
    """What one build wrote, for the CLI to report."""

    source: Path
    output: Path
    composition: Composition


def default_output(source: Path, kind: str, out_dir: Path | None = None) -> Path:
    """`examples/riverton.yaml` → `riverton-directive.docx` (in out_dir, else the cwd)."""
    name = f"{source.stem}-{kind}.docx"
    return (out_dir / name) if out_dir is not None else Path(name)


def build(
    source: Path,
    output: Path | None = None,
    *,
    out_dir: Path | None = None,
    force: bool = False,
    library: Library | None = None,
) -> BuildResult:
    """Draft the document `source` describes and save it atomically.

    Nothing is written unless every step succeeds; an existing output is replaced only
    with `force`.
    """
    from drafter.docx.write import write_docx  # python-docx import is the slow part of start-up

    inputs = load_inputs(source)
    kind = str(inputs.document.kind)
    target = output if output is not None else default_output(source, kind, out_dir)
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists (use --force to replace it)")
    lib = library if library is not None else load_library()
    composition = compose(inputs, lib)
    write_docx(composition.document, target, lib.reference(kind), force=force)
    return BuildResult(source, target, composition)
