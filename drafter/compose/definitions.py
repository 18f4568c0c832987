"""The Definitions section: one paragraph per defined term the document uses.

Clauses call `term('Name')` while rendering (RenderState.terms); once every clause is
rendered, each term's definition comes from the library's clauses/_terms.yaml, rendered in
the same sandbox. A term the host decree already defines (a directive drafted to fit an
entered decree) is not defined again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2

from drafter.decree.fit import DecreeFit
from drafter.errors import MarkupError, RenderError
from drafter.library.clauses import Library, text_line
from drafter.library.markup import parse_blocks
from drafter.library.render import literal_calls
from drafter.model import Block, Inline, NumberingKind, Paragraph, Run, inline_text

RenderText = Callable[[str, Path, int], str]
"""Library text at (path, line) → rendered text (Composer.render_text)."""


def defined_by_decree(fit: DecreeFit | None, name: str) -> bool:
    """The host decree defines it (under this name or the one printed for it; "the
    Department", as obligations name a defined agency, is the term "Department")."""
    if fit is None:
        return False
    name = name.removeprefix("the ")
    shown = fit.aliases.get(name, name)
    return name.lower() in fit.defined_elsewhere or shown.lower() in fit.defined_elsewhere


def where_term_used(library: Library, name: str) -> str:
    """'file:line: ' of the first clause or definition that calls term(name), or '' when the
    call is not written out (a term's name computed in the template)."""
    for clause in library.clauses.values():
        for _, used, call in _term_calls(clause.body):
            if used == name:
                return f"{clause.path}:{clause.body_line + call.lineno - 1}: "
    for term, (text, path) in library.terms.items():
        if any(used == name for _, used, _ in _term_calls(text)):
            return f"{path}:{text_line(path, term)}: "
    return ""


def _term_calls(text: str) -> list[tuple[str, str, jinja2.nodes.Call]]:
    """term('…') calls of a template, parsed only (a clause that does not parse has none here:
    its own error comes when it is rendered)."""
    try:
        return list(literal_calls(jinja2.Environment().parse(text), "term"))
    except jinja2.TemplateSyntaxError:
        return []


def definition_paragraphs(
    terms: list[str], library: Library, render: RenderText, fit: DecreeFit | None, numbered: bool
) -> tuple[list[Block], list[tuple[str, str]]]:
    """One numbered paragraph per defined term used, in alphabetical order, and the
    (term, definition text) pairs the document defines.

    Definitions may use other terms: `terms` is the render state's live list, which grows
    as definitions render; rendering repeats until no new term appears.
    """
    rendered: dict[str, tuple[Inline, ...]] = {}
    while True:
        pending = [t for t in terms if t not in rendered]
        if not pending:
            break
        for name in pending:
            if defined_by_decree(fit, name):
                rendered[name] = ()
                continue
            if name not in library.terms:
                raise RenderError(
                    f"{where_term_used(library, name)}term('{name}') is used but clauses/_terms.yaml does not define it"
                )
            text, path = library.terms[name]
            try:
                parsed = parse_blocks(render(text, path, 1), numbered=False)
            except MarkupError as exc:
                raise RenderError(f"{path}:{text_line(path, name)}: {name}: {exc}") from None
            inline = parsed[0].content if parsed and isinstance(parsed[0], Paragraph) else ()
            rendered[name] = inline
    names = sorted((name for name in rendered if not defined_by_decree(fit, name)), key=str.casefold)
    numbering: NumberingKind = "decree" if numbered else "none"
    paragraphs: list[Block] = [
        Paragraph(
            (Run("\u201c"), Run(name, bold=True), Run("\u201d means "), *rendered[name]),
            numbering=numbering,
        )
        for name in names
    ]
    return paragraphs, [(name, inline_text(rendered[name])) for name in names]
