"""Inputs + library + outline → the document model.

The stages, in order: pick the clauses the outline names whose `when` holds; render each in
the sandbox and parse it into blocks; add the Definitions the rendered text uses; number
every paragraph and heading the way the word processor will; resolve cross-references to
those numbers. This module runs the stages; each job that is more than a step lives in its
own module: which clauses apply and the section numbers (compose.outline_walk), the names
templates see (compose.context), the Definitions (compose.definitions), the deadline rows
(compose.deadlines), numbers and cross-references (compose.numbers).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from drafter.compose.context import build_context, short_party
from drafter.compose.covered import CoverPlan, plan_cover
from drafter.compose.deadlines import deadline_rows, titled
from drafter.compose.definitions import defined_by_decree, definition_paragraphs
from drafter.compose.numbers import number_document, resolve_references
from drafter.compose.outline_walk import chosen, in_scope, plan_sections, select_clauses
from drafter.decree.fit import DecreeFit, deadline_term
from drafter.errors import LibraryError, MarkupError, RenderError
from drafter.inputs.models import Inputs
from drafter.library import grammar
from drafter.library.clauses import Clause, Library, Outline, OutlineSection
from drafter.library.context import template_context
from drafter.library.markup import parse_blocks, template_line
from drafter.library.render import (
    Deadline,
    RenderState,
    bind_functions,
    clauses_named,
    compile_template,
    evaluate_condition,
    make_environment,
    render_template,
)
from drafter.library.sandbox import DraftSandbox, draft_context
from drafter.model import (
    Block,
    Caption,
    ClauseBlock,
    Document,
    Heading,
    Inline,
    Meta,
    OrderBlock,
    Paragraph,
    Run,
    Signatory,
    SignatureBlock,
    TableOfContents,
    Term,
    clause_digest,
)

COVERED_CLAUSE = "decree.covered"
"""The clause that cites the host decree's paragraphs for what --skip-covered leaves out."""


@dataclass
class Composition:
    """A composed document and what rendering recorded along the way."""

    document: Document
    clause_ids: list[str]
    deadlines: list[Deadline] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What a --draft build lets through and the CLI prints (narratives: unanswered questions)."""
    cover: CoverPlan = field(default_factory=CoverPlan)
    """--skip-covered: the clauses left out because the host decree covers them."""


class Composer:
    """One composition: holds the sandbox, the render state and the numbering counters."""

    def __init__(
        self,
        inputs: Inputs,
        library: Library,
        draft: bool = False,
        fit: DecreeFit | None = None,
        skip_covered: bool = False,
    ):
        self.inputs = inputs
        self.library = library
        self.draft = draft
        self.fit = fit
        self.kind = str(inputs.document.kind)
        self.numbered = self.kind == "directive"
        self.env: SandboxedEnvironment = make_environment(draft)
        self.state = RenderState()
        if inputs.decree is not None:
            self.state.deadline_term = deadline_term(inputs.decree.joins)
        if fit is not None:
            self.state.aliases = dict(fit.aliases)
        self.context = template_context(self.base_context(inputs))
        if isinstance(self.env, DraftSandbox):
            self.context = draft_context(self.context, self.env)
        self.context.update(bind_functions(self.state))
        self.context.update(
            template_context(
                {
                    "section_of": self.section_of,
                    "deadlines": self.deadline_rows,
                    "decree_defines": self._defined_by_decree,
                    "covered_by_decree": [],
                }
            )
        )
        self.clause_sections: dict[str, str] = {}
        self.list_ids: Iterator[int] = itertools.count(1)
        self.used: list[str] = []
        self.defined: list[tuple[str, str]] = []
        self.skip_covered = skip_covered and fit is not None
        self.cover = CoverPlan()
        self.skipped: frozenset[str] = frozenset()

    def base_context(self, inputs: Inputs) -> dict[str, Any]:
        """The names clauses see; a document kind adds its own here, before draft mode
        turns missing facts into prompts, so every name gets the same treatment."""
        return build_context(inputs)

    def typographic(self, text: str) -> str:
        """Curly quotes and apostrophes in a directive (a court filing); narratives keep the
        text as their own composer leaves it."""
        return grammar.typographic(text) if self.kind == "directive" else text

    # ------------------------------------------------------------------ rendering

    def included(self, clause: Clause) -> bool:
        """Whether a clause goes in: not left out as covered, in the document's scope
        (compose.outline_walk), and its `when` holds for this input."""
        if clause.id in self.skipped or not in_scope(clause, self.inputs.document, self.numbered):
            return False
        if not clause.meta.when:
            return True
        return evaluate_condition(self.env, clause.meta.when, self.context, clause.path)

    def chosen(self, section: OutlineSection, outline_path: Path) -> Iterator[Clause]:
        """The clauses a section (and its subsections) holds for this input, in order."""
        return chosen(section, self.library, self.kind, outline_path, self.included)

    def leave_out_covered(self, outline: Outline, outline_path: Path) -> None:
        """--skip-covered: leave out the clauses the host decree already covers (compose.covered)
        and give `decree.covered` the paragraphs to cite instead."""
        if self.fit is None:
            return
        clauses = [c for section in outline.sections for c in self.chosen(section, outline_path)]
        keep = self.inputs.decree.keep_elements if self.inputs.decree is not None else []
        self.cover = plan_cover(clauses, self.fit, lambda c: clauses_named(self.env, c.body), keep)
        self.skipped = self.cover.skipped_ids
        self.context.update(template_context({"covered_by_decree": self.cover.citations()}))

    # ------------------------------------------------------------------ self-references

    def plan_sections(self, outline: Outline, outline_path: Path) -> None:
        """Number the top-level sections before rendering (compose.outline_walk), so a clause
        can name them ("Sections X through XXI", "Section XI") instead of "this section"."""
        plan = plan_sections(
            outline, self.starts()[1], lambda s: [c.id for c in self.chosen(s, outline_path)]
        )
        self.clause_sections = plan.clause_sections
        self.context.update(plan.names)

    def section_of(self, clause_id: str = "") -> str:
        """'Section XI': the section holding a clause (the current one by default)."""
        target = clause_id or self.state.current_clause
        if target not in self.clause_sections:
            raise RenderError(f"section_of('{target}'): that clause is not in this document")
        return f"Section {self.clause_sections[target]}"

    def deadline_rows(self) -> list[dict[str, Any]]:
        """The timeline table's rows (compose.deadlines)."""
        return deadline_rows(self.state.deadlines, self.library, self.inputs.decree, self.draft)

    def render_clause(self, clause: Clause) -> ClauseBlock:
        self.state.current_clause = clause.id
        text = self.render_text(clause.body, clause.path, clause.body_line)
        try:
            blocks = tuple(parse_blocks(text, self.numbered and clause.meta.numbered, self.list_ids))
        except MarkupError as exc:
            line = clause.body_line + template_line(clause.body, text, exc.line) - 1
            raise RenderError(f"{clause.path}:{line}: {exc}") from None
        if not blocks:
            raise RenderError(f"{clause.path}:{clause.body_line}: the clause rendered to no text")
        self.used.append(clause.id)
        return ClauseBlock(clause.id, clause.version, blocks, legal_review=clause.meta.legal_review)

    def section_blocks(self, section: OutlineSection, level: int, outline_path: Path) -> list[Block]:
        """A heading and its content; an empty list when nothing in it applies."""
        content: list[Block] = []
        if section.generate == "definitions":
            content.append(_DEFINITIONS_PLACEHOLDER)
        for clause in select_clauses(section, self.library, self.kind, outline_path):
            if self.included(clause):
                content.append(_Deferred(clause) if clause.meta.deferred else self.render_clause(clause))  # type: ignore[arg-type]  # _Deferred: rendered once all deadlines are known
        parts = [
            blocks
            for sub in section.subsections
            if (blocks := self.section_blocks(sub, level + 1, outline_path))
        ]
        if len(parts) == 1:  # a lone subsection ("A." with no "B.") loses its heading
            content.extend(parts[0][1:])
        else:
            for blocks in parts:
                content.extend(blocks)
        if not content:
            return []
        return [Heading((Run(self.typographic(section.heading)),), level=level), *content]

    def definitions(self) -> list[Block]:
        """One numbered paragraph per defined term used (compose.definitions)."""
        blocks, self.defined = definition_paragraphs(
            self.state.terms, self.library, self.render_text, self.fit, self.numbered
        )
        return blocks

    def render_text(self, text: str, path: Path, line: int) -> str:
        """Library text (a clause body or a definition) rendered in this composition's sandbox."""
        template = compile_template(self.env, text, path, line)
        return self.typographic(render_template(template, self.context, path, line))

    def _defined_by_decree(self, name: str) -> bool:
        return defined_by_decree(self.fit, name)

    # ------------------------------------------------------------------ whole document

    def compose(self) -> Composition:
        outline, outline_path = self.library.outline(self.kind)
        if self.skip_covered:
            self.leave_out_covered(outline, outline_path)
        if self.numbered:
            self.plan_sections(outline, outline_path)
        body: list[Block] = []
        for section in outline.sections:
            body.extend(self.section_blocks(section, 1, outline_path))
        body = [self.render_clause(b.clause) if isinstance(b, _Deferred) else b for b in body]
        if self.cover.skipped and COVERED_CLAUSE not in self.used:
            raise LibraryError(
                f"{outline_path}: --skip-covered left out {len(self.cover.skipped)} clause(s), but no "
                f"section includes '{COVERED_CLAUSE}', which cites the decree's paragraphs for them; "
                "add it to the outline (as the built-in outline does, before decree.fit)"
            )
        self.state.deadlines[:] = titled(self.state.deadlines, self.library)
        definitions = self.definitions()
        body = _replace_placeholder(body, definitions)
        start_paragraph, start_section = self.starts()
        body, numbers = number_document(body, start_paragraph, start_section, self.numbered)
        body = resolve_references(body, numbers, self.used, self.library, draft=self.draft)
        body = [_with_digest(b) for b in body]
        document = Document(
            meta=self.meta(outline),
            body=tuple(self.front_matter(outline) + body + self.back_matter()),
            terms=tuple(self.defined),
        )
        return Composition(document, list(self.used), list(self.state.deadlines), cover=self.cover)

    def starts(self) -> tuple[int, int]:
        decree = self.inputs.decree
        if self.fit is not None:
            return self.fit.start_paragraph, self.fit.start_section
        if decree is None:
            return 1, 1
        return decree.start_paragraph, decree.start_section

    def title(self, outline: Outline) -> str:
        return self.typographic(self.inputs.document.title or outline.title)

    def meta(self, outline: Outline) -> Meta:
        inputs = self.inputs
        decree = inputs.decree
        header: tuple[Inline, ...] = (Run(self.title(outline)),)
        if decree is not None:
            case_name = self.typographic(f"{short_party(decree.plaintiff)} v. {decree.defendant}")
            header = (Run(case_name, italic=True), Run(f", No. {decree.case_number}"))
        start_paragraph, start_section = self.starts()
        return Meta(
            kind=self.kind,
            title=self.title(outline),
            date=inputs.document.date,
            language=inputs.document.language,
            author=inputs.agency.name,
            header=header,
            subject=f"{inputs.jurisdiction.name}: {self.title(outline)}",
            keywords=("community policing", self.kind),
            start_paragraph=start_paragraph,
            start_section=start_section,
            numbered_headings=self.numbered,
        )

    def front_matter(self, outline: Outline) -> list[Block]:
        decree = self.inputs.decree
        blocks: list[Block] = []
        if decree is not None:
            blocks.append(
                Caption(
                    court=self.typographic(decree.court),
                    plaintiff=self.typographic(decree.plaintiff),
                    defendant=self.typographic(decree.defendant),
                    case_number=decree.case_number,
                    document_title=self.title(outline),
                    division=self.typographic(decree.division) if decree.division else None,
                    judge=self.typographic(decree.judge) if decree.judge else None,
                )
            )
        blocks.append(TableOfContents())
        return blocks

    def back_matter(self) -> list[Block]:
        order: list[Block] = []
        if self.numbered and self.inputs.decree is not None:
            judge = self.inputs.decree.judge
            order.append(OrderBlock(judge=self.typographic(judge) if judge else None))
        if not self.inputs.signatories:
            return order
        return [
            SignatureBlock(
                tuple(
                    Signatory(self.typographic(s.party), self.typographic(s.name), self.typographic(s.title))
                    for s in self.inputs.signatories
                )
            ),
            *order,
        ]


_DEFINITIONS_PLACEHOLDER = Paragraph((Run("\u0000definitions"),))


@dataclass(frozen=True)
class _Deferred:
    """A clause's place in the body, kept while every other clause renders first."""

    clause: Clause


def _replace_placeholder(body: list[Block], definitions: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in body:
        if block is _DEFINITIONS_PLACEHOLDER:
            out.extend(definitions)
        else:
            out.append(block)
    return out


def _with_digest(block: Block) -> Block:
    if isinstance(block, ClauseBlock):
        return dataclasses.replace(block, digest=clause_digest(block.blocks))
    return block


def compose(
    inputs: Inputs,
    library: Library,
    draft: bool = False,
    fit: DecreeFit | None = None,
    skip_covered: bool = False,
) -> Composition:
    """Draft the document the inputs describe (`draft`: missing facts become prompts; `fit`:
    the host decree it must fit — numbers, the decree's own terms; `skip_covered`: leave out
    what that decree already covers, citing its paragraphs)."""
    return Composer(inputs, library, draft, fit, skip_covered).compose()


__all__ = ["Composition", "compose", "Term"]
