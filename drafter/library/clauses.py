"""The clause library: clauses, outlines, defined terms and reference documents.

Built-in files ship inside the package (`drafter._clauses`, `drafter._templates`); a user's
library folder laid over them replaces any clause with the same id and any outline or
reference document of the same kind, so legal staff customise wording without touching the
installed package. Everything is validated when loaded, with the file and line of a problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.errors import LibraryError
from drafter.inputs.base import ElementId
from drafter.inputs.loader import dotted, position, to_plain
from drafter.library.builtin import builtin_dirs
from drafter.safe_yaml import YamlFileError, load_yaml_file, parse_yaml, read_text

FRONT_MATTER = "---"
Model = TypeVar("Model", bound=BaseModel)


class ClauseMeta(BaseModel):
    """A clause file's front matter."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")
    title: str = Field(min_length=1)
    version: int = Field(ge=1)
    kinds: list[Literal["directive", "narrative"]] = Field(min_length=1)
    topics: list[str] = Field(default_factory=list)
    when: str | None = None
    status: Literal["draft", "approved"] = "draft"
    sources: list[str] = Field(default_factory=list)
    cops_components: list[Literal["partnerships", "organizational transformation", "problem solving"]] = (
        Field(default_factory=list)
    )
    usc_10382c: list[int] = Field(default_factory=list)
    elements: list[ElementId] = Field(default_factory=list)
    """Community-policing elements (review's element ids) the clause provides: a directive
    built with --skip-covered leaves it out when the host decree already covers all of them."""
    legal_review: bool = False
    numbered: bool = True
    """False: the clause's paragraphs are unnumbered (recitals, a purpose statement), because
    in a decree every numbered paragraph must be an operative provision or a definition."""
    deferred: bool = False
    """True: rendered after every other clause, because it lists what the others state (the
    deadline table); it keeps its place in the outline."""
    concise: bool = False
    """True: kept in a directive whose `document.scope` is 'concise'."""


@dataclass(frozen=True)
class Clause:
    """One clause: its metadata, its body (Markdown + Jinja), and where it came from."""

    meta: ClauseMeta
    body: str
    path: Path
    body_line: int
    """Line of the file on which the body starts, to report template errors at file lines."""

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def version(self) -> int:
        return self.meta.version


class OutlineSection(BaseModel):
    """A section of an outline: a heading and what fills it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    heading: str
    clauses: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    generate: Literal["definitions"] | None = None
    subsections: list[OutlineSection] = Field(default_factory=list)
    limit: dict[Literal["words", "characters", "pages"], int] | None = None


class Outline(BaseModel):
    """The order of one document kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["directive", "narrative"]
    title: str
    sections: list[OutlineSection] = Field(min_length=1)


@dataclass
class Library:
    """Everything a document is drafted from, after overlays."""

    clauses: dict[str, Clause] = field(default_factory=dict)
    outlines: dict[str, tuple[Outline, Path]] = field(default_factory=dict)
    terms: dict[str, tuple[str, Path]] = field(default_factory=dict)
    references: dict[str, Path] = field(default_factory=dict)
    profile_dirs: list[Path] = field(default_factory=list)
    """Folders of solicitation profiles (templates/narrative/profiles), built-in first;
    drafter.compose.profiles loads them, a later folder's file replacing an earlier one's by id."""
    duplicates: list[tuple[str, Path, Path]] = field(default_factory=list)
    """(id, first file, second file) for two files of the same folder that share an id: the
    second wins, silently for a build, and `library check` reports it as an error."""

    def outline(self, kind: str) -> tuple[Outline, Path]:
        try:
            return self.outlines[kind]
        except KeyError:
            raise LibraryError(
                f"no outline for document kind '{kind}' (templates/{kind}/outline.yaml)"
            ) from None

    def reference(self, kind: str) -> Path:
        try:
            return self.references[kind]
        except KeyError:
            raise LibraryError(
                f"no reference document for kind '{kind}' (templates/{kind}/reference.docx)"
            ) from None


def _library_yaml(path: Path, text: str | None = None, **options: Any) -> Any:
    """YAML through drafter.safe_yaml (limits, one-line errors) as a LibraryError."""
    try:
        if text is None:
            return load_yaml_file(path, **options)
        return parse_yaml(text, path, **options)
    except YamlFileError as exc:
        raise LibraryError(str(exc)) from None


def parse_clause(path: Path) -> Clause:
    """Read one clause file: front matter between '---' lines, then the body."""
    try:
        text = read_text(path)
    except YamlFileError as exc:
        raise LibraryError(str(exc)) from None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise LibraryError(f"{path}:1: a clause file starts with a '---' line, then its front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER)
    except StopIteration:
        raise LibraryError(f"{path}:1: the front matter is not closed by a '---' line") from None
    front = "".join(lines[1:end])
    # The C-accelerated safe loader is ~10x faster than the round-trip one; positions
    # are needed only to report an error, so the slow loader runs only then.
    data = _library_yaml(path, front, line_offset=1)
    if not isinstance(data, dict):
        raise LibraryError(f"{path}:2: the front matter must be 'key: value' lines")
    meta = _validated(
        ClauseMeta, data, path, lambda: _library_yaml(path, front, round_trip=True, line_offset=1), 1
    )
    return Clause(meta=meta, body="".join(lines[end + 1 :]), path=path, body_line=end + 2)


def _validated(
    model: type[Model], data: Any, path: Path, positions: Callable[[], Any], line_offset: int = 0
) -> Model:
    """`data` as `model`, or a LibraryError at the file line of the first problem, found in
    the tree `positions()` gives (ruamel's, which keeps lines); `line_offset` is where that
    tree starts in the file (front matter starts below the first '---')."""
    try:
        return model.model_validate(to_plain(data))
    except ValidationError as exc:
        loc = tuple(exc.errors()[0]["loc"])
        line, _ = position(positions(), loc)
        raise LibraryError(
            f"{path}:{(line or 1) + line_offset}: {dotted(loc)}: {exc.errors()[0]['msg']}"
        ) from None


def key_line(path: Path, key: str) -> int:
    """The line of a clause file's front-matter `key:` (1 when absent)."""
    lines = read_text(path).splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 1)


def text_line(path: Path, text: str) -> int:
    """The first line of `path` that contains `text` (1 when none): where an outline names a
    clause, for messages about it once the model, which keeps no positions, has been built."""
    lines = read_text(path).splitlines()
    return next((n for n, line in enumerate(lines, 1) if text in line), 1)


def _load_outline(path: Path) -> Outline:
    data = _library_yaml(path, round_trip=True)
    return _validated(Outline, data, path, lambda: data)


def _load_terms(path: Path) -> dict[str, tuple[str, Path]]:
    data = _library_yaml(path) or {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise LibraryError(f"{path}:1: terms are 'Term Name: definition text' lines")
    return {str(k): (v.strip(), path) for k, v in data.items()}


OnError = Callable[[LibraryError, Path], None]


def _raise(exc: LibraryError, path: Path) -> None:
    raise exc


def clause_files(folder: Path) -> Iterator[Path]:
    """The files a folder holds as clauses: every .md but READMEs and anything under a name
    starting with '_' (`_terms.yaml`, `_style/`), in a stable order."""
    for path in sorted(folder.rglob("*.md")):
        if any(part.startswith("_") for part in path.relative_to(folder).parts):
            continue
        if path.name.lower() != "readme.md":
            yield path


def add_layer(
    library: Library, clauses_dir: Path | None, templates_dir: Path | None, on_error: OnError = _raise
) -> list[Path]:
    """Add one layer of files; later layers replace earlier ones by id or kind.

    Returns the clause, terms and outline files the layer read. `on_error` decides what a broken
    file does: a build stops at the first (the default); the linter records each and reads on.
    """
    read: list[Path] = []
    if clauses_dir is not None and clauses_dir.is_dir():
        layer: dict[str, Path] = {}
        for path in clause_files(clauses_dir):
            try:
                clause = parse_clause(path)
            except LibraryError as exc:
                on_error(exc, path)
                continue
            if clause.id in layer:
                library.duplicates.append((clause.id, layer[clause.id], path))
            layer[clause.id] = path
            library.clauses[clause.id] = clause
            read.append(path)
        terms = clauses_dir / "_terms.yaml"
        if terms.is_file():
            try:
                library.terms.update(_load_terms(terms))
                read.append(terms)
            except LibraryError as exc:
                on_error(exc, terms)
    if templates_dir is not None and templates_dir.is_dir():
        for outline_path in sorted(templates_dir.glob("*/outline.yaml")):
            try:
                outline = _load_outline(outline_path)
            except LibraryError as exc:
                on_error(exc, outline_path)
                continue
            library.outlines[outline.kind] = (outline, outline_path)
            read.append(outline_path)
        for reference in sorted(templates_dir.glob("*/reference.docx")):
            library.references[reference.parent.name] = reference
        if (templates_dir / "narrative" / "profiles").is_dir():
            library.profile_dirs.append(templates_dir / "narrative" / "profiles")
    return read


def load_library(overlays: list[Path] | tuple[Path, ...] = (), builtin: bool = True) -> Library:
    """The built-in library with each overlay folder laid over it, in order.

    An overlay folder may hold `clauses/` and `templates/` (the layout `library export`
    writes), or clause files directly. `builtin=False` starts from nothing (tests, or a
    library that must not inherit a single built-in clause).
    """
    library = Library()
    if builtin:
        clauses, templates = builtin_dirs()
        add_layer(library, clauses, templates)
    for folder in overlays:
        if not folder.is_dir():
            raise LibraryError(f"{folder}: library folder not found")
        has_layout = (folder / "clauses").is_dir() or (folder / "templates").is_dir()
        if has_layout:
            add_layer(library, folder / "clauses", folder / "templates")
        else:
            add_layer(library, folder, None)
    return library
