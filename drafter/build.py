"""The whole drafting pipeline for one input file: read, check, compose, write.

Kept apart from the CLI so tests, batch builds and other tools call the same function, and
so the CLI stays a thin layer that parses options and prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

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
    library_dirs: Sequence[Path] = (),
    reference_doc: Path | None = None,
    draft: bool = False,
) -> BuildResult:
    """Draft the document `source` describes and save it atomically.

    Nothing is written unless every step succeeds; an existing output is replaced only
    with `force`. The library is the built-in one, then the input file's `library:` folder,
    then `library_dirs` (--library, DRAFTER_LIBRARY): later layers win. `library`, when
    given, is that stack already loaded for inputs without a `library:` key (a batch loads
    it once). `reference_doc` replaces the library's reference document for this kind.
    `draft` renders missing facts as highlighted prompts instead of failing.
    """
    from drafter.docx.write import write_docx  # python-docx import is the slow part of start-up

    inputs = load_inputs(source)
    kind = str(inputs.document.kind)
    target = output if output is not None else default_output(source, kind, out_dir)
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists (use --force to replace it)")
    if inputs.library is not None:
        lib = load_library([source.parent / inputs.library, *library_dirs])
    else:
        lib = library if library is not None else load_library(list(library_dirs))
    reference = reference_doc if reference_doc is not None else lib.reference(kind)
    composition = compose(inputs, lib, draft=draft)
    write_docx(composition.document, target, reference, force=force)
    return BuildResult(source, target, composition)
