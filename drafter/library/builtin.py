"""Where the built-in library is: a module of its own, with nothing to import, because review
reads the jargon list from it at start-up and must not pay for loading clause models."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def builtin_dirs() -> tuple[Path, Path]:
    """The shipped clauses/ and templates/ folders.

    An installed package carries them as `drafter._clauses` and `drafter._templates`; an
    editable install or a source checkout finds them at the top of the repository.
    """
    clauses = _package_folder("drafter._clauses")
    templates = _package_folder("drafter._templates")
    if clauses is None or templates is None:
        root = Path(__file__).resolve().parents[2]
        clauses, templates = root / "clauses", root / "templates"
    return clauses, templates


def _package_folder(name: str) -> Path | None:
    """The folder of a data-only package (it has no __init__.py: a namespace package, whose
    `importlib.resources.files()` is a MultiplexedPath, not a plain path)."""
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])
