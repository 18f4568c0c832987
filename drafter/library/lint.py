"""`drafter library check [DIR]`: find what a clause edit broke before a build does.

Legal staff edit clause files by hand; the build stops at the first problem and only for
the clauses one input selects. The linter reads every file on its own (one broken file does
not hide the others) and reports, each at its file and line: front-matter errors, Jinja
syntax errors, constructs the sandbox refuses, values the input schema does not have,
`ref()` to unknown ids and `term()` to undefined terms, two files with one id, clauses no
outline reaches, `when` conditions that do not compile, and wording changed without a
version bump (against `library.lock`: id → version → sha256 of the body).

With DIR, DIR is laid over the built-in library and only DIR's files are reported; without
it the built-in library itself is checked (its lock is `clauses/library.lock`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import jinja2
from jinja2 import meta, nodes

from drafter.errors import LibraryError
from drafter.inputs.models import Inputs
from drafter.library.clauses import (
    Clause,
    Library,
    Outline,
    OutlineSection,
    add_layer,
    builtin_dirs,
    key_line,
    text_line,
)
from drafter.library.context import CONTEXT_NAMES
from drafter.library.lint_fields import unknown_fields
from drafter.library.render import literal_calls, make_environment
from drafter.library.sandbox import violations
from drafter.safe_write import write_atomic

LOCK_NAME = "library.lock"

Severity = Literal["error", "warning"]
_LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+)(?::\d+)?: (?P<message>.*)$", re.S)
"""`file:line: message` or `file:line:col: message` (drafter.safe_yaml adds the column)."""


@dataclass(frozen=True)
class Finding:
    """One problem, at a file and line."""

    severity: Severity
    file: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class CheckResult:
    """Every finding, and the lock file written (with --update-lock)."""

    findings: list[Finding] = field(default_factory=list)
    lock_written: Path | None = None
    clauses: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")


def body_hash(body: str) -> str:
    """The fingerprint of a clause's wording; trailing spaces and line endings do not count."""
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    return hashlib.sha256("\n".join(lines).strip("\n").encode("utf-8")).hexdigest()


def _from_error(exc: LibraryError, path: Path) -> Finding:
    match = _LOCATED.match(str(exc))
    if match and Path(match["file"]) == path:
        return Finding("error", path, int(match["line"]), match["message"])
    return Finding("error", path, None, str(exc).removeprefix(f"{path}: "))


class Linter:
    """One check run: the layered library it rebuilds file by file, and the findings."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.result = CheckResult()
        self.library = Library()
        self.mine: set[Path] = set()
        self.env = make_environment()
        clauses, templates = builtin_dirs()
        self._layer(clauses, templates, report=folder is None)
        if folder is not None:
            layout = (folder / "clauses").is_dir() or (folder / "templates").is_dir()
            self.clauses_dir = folder / "clauses" if layout else folder
            self._layer(self.clauses_dir, folder / "templates" if layout else None, report=True)
        else:
            self.clauses_dir = clauses

    def add(self, severity: Severity, file: Path, line: int | None, message: str) -> None:
        self.result.findings.append(Finding(severity, file, line, message))

    # ------------------------------------------------------------------ loading

    def _layer(self, clauses_dir: Path, templates_dir: Path | None, report: bool) -> None:
        """Load one layer the way a build does, but record a broken file and read on.

        Only a reported layer (the folder being checked) adds findings; the built-in layer
        under a user's folder is context."""
        if not report:
            add_layer(self.library, clauses_dir, templates_dir, on_error=lambda exc, path: None)
            return
        before = len(self.library.duplicates)
        read = add_layer(
            self.library,
            clauses_dir,
            templates_dir,
            on_error=lambda exc, path: self.result.findings.append(_from_error(exc, path)),
        )
        self.mine.update(read)
        for clause_id, first, second in self.library.duplicates[before:]:
            self.add(
                "error",
                second,
                2,
                f"id '{clause_id}' is also used by {first}; one of them is silently ignored",
            )

    # ------------------------------------------------------------------ checks

    def run(self, update_lock: bool = False) -> CheckResult:
        mine = [c for c in self.library.clauses.values() if c.path in self.mine]
        self.result.clauses = len(mine)
        for clause in mine:
            self.check_clause(clause)
        self.check_terms()
        self.check_outlines()
        self.check_reach(mine)
        self.check_lock(mine, update_lock)
        self.result.findings.sort(key=lambda f: (str(f.file), f.line or 0))
        return self.result

    def check_clause(self, clause: Clause) -> None:
        path, first = clause.path, clause.body_line
        try:
            ast = self.env.parse(clause.body)
        except jinja2.TemplateSyntaxError as exc:
            self.add("error", path, first + (exc.lineno or 1) - 1, f"template syntax: {exc.message}")
            return
        for line, reason in violations(ast):
            self.add("error", path, first + line - 1, reason)
        self.check_names(ast, path, first)
        scoped = {
            id(call)
            for test in ast.find_all(nodes.If)
            if _mentions_scope(test.test)
            for call in test.find_all(nodes.Call)
        }
        for function, value, call in literal_calls(ast, "ref", "term"):
            line = first + call.lineno - 1
            if function == "ref" and value not in self.library.clauses:
                self.add("error", path, line, f"ref('{value}'): no clause has that id")
            elif function == "ref" and clause.meta.concise and id(call) not in scoped:
                target = self.library.clauses[value]
                if not target.meta.concise:
                    self.add(
                        "error",
                        path,
                        line,
                        f"ref('{value}'): a concise directive keeps this clause but leaves that one out; "
                        "mark it concise: true, or put the sentence in {% if document.scope != 'concise' %}",
                    )
            if function == "term" and value not in self.library.terms:
                self.add("error", path, line, f"term('{value}'): not defined in clauses/_terms.yaml")
        if clause.meta.when:
            self.check_when(clause)

    def check_when(self, clause: Clause) -> None:
        expression = clause.meta.when or ""
        line = key_line(clause.path, "when")
        try:
            ast = self.env.parse(f"{{{{ {expression} }}}}")
            self.env.compile_expression(expression)
        except jinja2.TemplateSyntaxError as exc:
            self.add(
                "error", clause.path, line, f"when: cannot read the condition {expression!r}: {exc.message}"
            )
            return
        for _, reason in violations(ast):
            self.add("error", clause.path, line, f"when: {reason}")
        self.check_names(ast, clause.path, line, fixed_line=True)

    def check_names(self, ast: nodes.Template, path: Path, first: int, fixed_line: bool = False) -> None:
        """Top-level names the context lacks, and attribute chains the input models lack."""
        known = set(Inputs.model_fields) | CONTEXT_NAMES | set(self.env.globals)
        # names the clause sets itself ({% set %}, loops, macros) — even in one branch only
        known |= {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
        try:
            undeclared = meta.find_undeclared_variables(ast)  # compiles: finds unknown filters, tests
        except jinja2.TemplateAssertionError as exc:
            line = first if fixed_line else first + (exc.lineno or 1) - 1
            self.add("error", path, line, f"template: {exc.message}")
            return
        for name in sorted(undeclared - known):
            line = next((n.lineno for n in ast.find_all(nodes.Name) if n.name == name), 1)
            self.add(
                "error",
                path,
                first if fixed_line else first + line - 1,
                f"'{name}' is not a value of the input file (see 'drafter schema')",
            )
        for line, message in unknown_fields(ast):
            self.add("error", path, first if fixed_line else first + line - 1, message)

    def check_terms(self) -> None:
        """A definition in _terms.yaml may use other terms (`term('Root Cause')`): each must be
        defined too, or the build stops at the Definitions."""
        for name, (text, path) in self.library.terms.items():
            if path not in self.mine:
                continue
            try:
                ast = self.env.parse(text)
            except jinja2.TemplateSyntaxError as exc:
                self.add("error", path, text_line(path, name), f"{name}: template syntax: {exc.message}")
                continue
            for _, used, _ in literal_calls(ast, "term"):
                if used not in self.library.terms:
                    self.add(
                        "error",
                        path,
                        text_line(path, name),
                        f"{name}: term('{used}'): not defined in clauses/_terms.yaml",
                    )

    def check_outlines(self) -> None:
        for outline, path in self.library.outlines.values():
            if path not in self.mine:
                continue
            for section in _sections(outline.sections):
                for clause_id in section.clauses:
                    if clause_id not in self.library.clauses:
                        self.add(
                            "error",
                            path,
                            text_line(path, clause_id),
                            f"section '{section.heading}' names unknown clause '{clause_id}'",
                        )

    def check_reach(self, mine: list[Clause]) -> None:
        reached: set[tuple[str, str]] = set()
        for kind, outline in self._outlines():
            for section in _sections(outline.sections):
                for clause in self.library.clauses.values():
                    if clause.id in section.clauses or set(section.topics) & set(clause.meta.topics):
                        reached.add((kind, clause.id))
        for clause in mine:
            if not any((kind, clause.id) in reached for kind in clause.meta.kinds):
                self.add(
                    "warning",
                    clause.path,
                    2,
                    f"no outline reaches '{clause.id}': name it in a "
                    "templates/<kind>/outline.yaml section, or give it a topic one lists",
                )

    def _outlines(self) -> Iterator[tuple[str, Outline]]:
        for kind, (outline, _) in self.library.outlines.items():
            yield kind, outline
        try:  # narrative outlines come from solicitation profiles, when that module exists
            from drafter.compose.profiles import load_profiles

            for loaded in load_profiles(self.library).values():
                yield "narrative", loaded.profile.outline()
        except Exception:  # noqa: BLE001 - a broken profile is reported by the build, not here
            return

    # ------------------------------------------------------------------ versions

    def lock_path(self) -> Path:
        return self.clauses_dir / LOCK_NAME

    def check_lock(self, mine: list[Clause], update: bool) -> None:
        path = self.lock_path()
        lock: dict[str, dict[str, str]] = {}
        if path.is_file():
            try:
                lock = json.loads(path.read_text(encoding="utf-8"))
            except ValueError as exc:
                self.add("error", path, None, f"cannot read the lock file: {exc}")
                return
        changed = False
        for clause in mine:
            versions = lock.setdefault(clause.id, {})
            digest, key = body_hash(clause.body), str(clause.version)
            if key in versions and versions[key] != digest:
                self.add(
                    "error",
                    clause.path,
                    key_line(clause.path, "version"),
                    f"the wording changed but version is still {clause.version}: add 1 to "
                    f"version (then run 'drafter library check --update-lock')",
                )
            elif key not in versions:
                older = [int(v) for v in versions if int(v) > clause.version]
                if older:
                    self.add(
                        "warning",
                        clause.path,
                        key_line(clause.path, "version"),
                        f"version {clause.version} is lower than version {max(older)} in {path.name}",
                    )
                elif versions and not update:
                    self.add(
                        "warning",
                        clause.path,
                        key_line(clause.path, "version"),
                        f"version {clause.version} is not in {path.name} yet (run --update-lock)",
                    )
                if update:
                    versions[key] = digest
                    changed = True
        if update and (changed or not path.is_file()):
            ordered = {
                cid: dict(sorted(v.items(), key=lambda kv: int(kv[0])))
                for cid, v in sorted(lock.items())
                if v
            }
            write_atomic(path, json.dumps(ordered, indent=1) + "\n", force=True)
            self.result.lock_written = path


def check_library(folder: Path | None = None, update_lock: bool = False) -> CheckResult:
    """Lint `folder` laid over the built-in library (or the built-in library itself)."""
    if folder is not None and not folder.is_dir():
        raise LibraryError(f"{folder}: library folder not found")
    return Linter(folder).run(update_lock)


# ---------------------------------------------------------------------- helpers


def _sections(sections: list[OutlineSection]) -> Iterator[OutlineSection]:
    for section in sections:
        yield section
        yield from _sections(section.subsections)


def _mentions_scope(test: nodes.Node) -> bool:
    """An `{% if %}` test that reads `document.scope` (a sentence kept or left out by scope)."""
    return any(node.attr == "scope" for node in test.find_all(nodes.Getattr)) or (
        isinstance(test, nodes.Getattr) and test.attr == "scope"
    )
