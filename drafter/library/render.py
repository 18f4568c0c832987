"""The Jinja2 sandbox that renders clause text, with the filters and functions clauses use.

Clause files are written by users, so they run in `SandboxedEnvironment` (no access to
Python internals, no imports, no files) with `StrictUndefined` (a missing value is an error,
never a silent blank in a court filing). Functions that produce structure — `ref()`,
`term()` — emit private-use sentinels that `markup` turns into CrossRef and Term inlines, so
the Markdown between them is parsed normally. Every failure is reported at the clause file's
own line.

Input text stays text. Every value a clause prints with `{{ … }}` passes through the
environment's `finalize` (`as_text`), which replaces it with a LITERAL sentinel holding the
value's UTF-8 bytes in hex: Markdown sees a run of letters and digits, so a blank line in a
partner's `role` cannot start a numbered paragraph, `*x*` stays asterisks, `&copy;` stays
an entity's spelling, and a private-use character in the input is not mistaken for a
drafter sentinel. `markup` turns the sentinel back into a Run with the value's exact text
and the formatting around it (`**{{ name }}**` is still bold). Only `Structure` strings —
what drafter's own functions return — are left for the Markdown parser.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from drafter.compose.dates import long_date
from drafter.errors import RenderError
from drafter.library.clauses import key_line
from drafter.library.render_limits import BudgetExceeded, DocumentBudget, bounded_filter
from drafter.library.sandbox import REMOVED_GLOBALS, DataSandbox, DraftSandbox, pass_undefined, violations

SENTINEL_OPEN = "\ue000"
SENTINEL_CLOSE = "\ue001"
REF = "R"
TERM = "T"
PROMPT = "P"
LITERAL = "L"


class Structure(str):
    """Text from drafter's own functions (`ref`, `term`, `days`, `budget_table`): sentinels
    and Markdown that the markup stage must parse, not print."""


NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int) -> str:
    """Spell a whole number below one thousand, as legal drafting does: 'thirty (30)'."""
    if n < 0 or n >= 1000:
        return str(n)
    if n < 20:
        return NUMBER_WORDS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens] + (f"-{NUMBER_WORDS[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    return f"{NUMBER_WORDS[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")


def join_words(items: Any, conjunction: str) -> str:
    """'a', 'a and b', 'a, b, and c' (serial comma, as most legal styles require)."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    if len(words) == 2:
        return f"{words[0]} {conjunction} {words[1]}"
    return f"{', '.join(words[:-1])}, {conjunction} {words[-1]}"


def money(value: Any) -> str:
    """'$125,000' for whole dollars, '$1,250.50' otherwise."""
    amount = Decimal(str(value))
    if amount == amount.to_integral_value():
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"


def count(n: int) -> str:
    """'thirty (30)'."""
    return f"{number_words(int(n))} ({int(n)})"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def thousands(n: Any) -> str:
    """'9,800': a whole number with thousands separators."""
    return f"{int(n):,}"


def lower_first(text: Any) -> str:
    """'Patrol deployment' → 'patrol deployment', for a list item or a name used mid-sentence;
    a word that is all capitals ('SARA projects', 'MPD') keeps its case."""
    text = str(text)
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def sentinel(kind: str, value: str) -> str:
    """A marker the markup stage replaces; `value` travels as hex so no character in it
    (Markdown, a newline, another sentinel) can act on the text around it."""
    return Structure(f"{SENTINEL_OPEN}{kind}:{value.encode('utf-8').hex()}{SENTINEL_CLOSE}")


def literal(text: str) -> Structure:
    """`text` exactly as given, whatever it contains (see the module docstring)."""
    return Structure(sentinel(LITERAL, text))


_LITERAL = re.compile(f"{SENTINEL_OPEN}{LITERAL}:([0-9a-f]*){SENTINEL_CLOSE}")


def reveal(rendered: str) -> str:
    """Rendered text with each literal shown as its value (for messages and tests)."""
    return _LITERAL.sub(lambda m: bytes.fromhex(m.group(1)).decode("utf-8"), rendered)


def as_text(value: Any) -> Any:
    """The sandbox's `finalize`: a printed value becomes a literal, unless drafter made it."""
    if isinstance(value, (jinja2.Undefined, Structure)):
        return value
    return literal(str(value))


@dataclass
class Deadline:
    """A deadline a clause states, for the schedule: days after the Effective Date."""

    days: int
    clause_id: str
    task: str = ""
    """What is due, as the deadline table and the schedule name it (default: the clause's title)."""


@dataclass
class RenderState:
    """What rendering records as it goes: terms used, deadlines stated, prompts left."""

    terms: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    current_clause: str = ""
    aliases: dict[str, str] = field(default_factory=dict)
    """A host decree's spelling of a term ("Monitor" → "Independent Monitor"): printed instead."""
    deadline_term: str = "Effective Date"
    """What days(n) counts from: "Modification Date" for a directive added to an entered decree."""


def refuse_none(value: Any) -> Any:
    """Printing an empty optional fact would put the word "None" in a court filing: stop
    instead (a draft build prints a prompt for it)."""
    if value is None:
        raise jinja2.UndefinedError(
            "a fact this clause prints is empty in the input; fill it in, guard it with "
            "{% if %} or `when:`, or build with --draft"
        )
    return as_text(value)


def make_environment(draft: bool = False) -> SandboxedEnvironment:
    """The sandbox with drafter's filters. One per build; templates are compiled into it.

    `draft=True` gives the draft sandbox: missing facts print as highlighted prompts
    (see drafter.library.sandbox). Jinja's default globals that clauses do not need are removed.
    """
    options: dict[str, Any] = dict(
        autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True
    )
    env: SandboxedEnvironment = (
        DraftSandbox(finalize=as_text, **options)
        if draft
        else DataSandbox(undefined=jinja2.StrictUndefined, finalize=refuse_none, **options)
    )
    for name in REMOVED_GLOBALS:
        env.globals.pop(name, None)
    from drafter.library import grammar  # imported here: grammar reads this module's sentinels

    filters: dict[str, Callable[..., Any]] = dict(
        a_an=grammar.a_an,
        plural=grammar.plural,
        item_end=grammar.item_end,
        as_clause=grammar.as_clause,
        join_and=lambda items: join_words(items, "and"),
        join_or=lambda items: join_words(items, "or"),
        long_date=long_date,
        money=money,
        count=count,
        upper_first=upper_first,
        lower_first=lower_first,
        thousands=thousands,
    )
    if draft:
        filters = {name: pass_undefined(f) for name, f in filters.items()}
    env.filters.update(filters)
    env.filters.update({name: bounded_filter(name, f) for name, f in env.filters.items()})
    return env


def bind_functions(state: RenderState) -> dict[str, Callable[..., str]]:
    """The functions clauses call; they record into `state`."""

    def term(name: str) -> str:
        name = str(name)
        if name not in state.terms:
            state.terms.append(name)
        return sentinel(TERM, state.aliases.get(name, name))

    def ref(clause_id: str) -> str:
        return sentinel(REF, str(clause_id))

    def days(n: int, task: str = "") -> str:
        state.deadlines.append(Deadline(int(n), state.current_clause, str(task)))
        return Structure(f"within {int(n)} days of the {term(state.deadline_term)}")

    return {"term": term, "ref": ref, "days": days}


def literal_calls(ast: jinja2.nodes.Node, *functions: str) -> Iterator[tuple[str, str, jinja2.nodes.Call]]:
    """Each call of one of drafter's `functions` (`ref`, `term`, `section_of` …) whose first
    argument is written out, as (function, argument, call): found in the syntax tree, without rendering,
    by the linter, the skip-covered planner and the error that names a term's first use."""
    for call in ast.find_all(jinja2.nodes.Call):
        if (
            isinstance(call.node, jinja2.nodes.Name)
            and call.node.name in functions
            and call.args
            and isinstance(call.args[0], jinja2.nodes.Const)
        ):
            yield call.node.name, str(call.args[0].value), call


def clauses_named(env: jinja2.Environment, body: str) -> set[str]:
    """The clause ids a template names with `ref('id')` or `section_of('id')` (literal ids):
    whether it holds together without them."""
    return {value for _, value, _ in literal_calls(env.parse(body), "ref", "section_of")}


def template_line(exc: BaseException, filename: str) -> int | None:
    """The template line a Jinja error happened on (Jinja rewrites tracebacks to point there)."""
    line = getattr(exc, "lineno", None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename and frame.lineno:
            line = frame.lineno
    return line


def describe(exc: BaseException) -> str:
    """A plain-words reason for a rendering failure."""
    if isinstance(exc, jinja2.UndefinedError):
        return f"undefined value: {exc.message}"
    if isinstance(exc, BudgetExceeded):
        return f"over the rendering budget: {exc}"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"not allowed in a clause: {exc}"
    if isinstance(exc, RecursionError):
        return "macros call each other too deeply"
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"template syntax: {exc.message}"
    if isinstance(exc, OverflowError):
        return f"too large: {exc}"
    return f"{type(exc).__name__}: {exc}"


def compile_template(env: SandboxedEnvironment, source: str, path: Path, first_line: int) -> jinja2.Template:
    """Compile a clause body; syntax errors name the clause file and its line."""
    try:
        ast = env.parse(source, name=path.name, filename=str(path))
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"{path}:{first_line + (exc.lineno or 1) - 1}: {describe(exc)}") from None
    for line, reason in violations(ast):
        raise RenderError(f"{path}:{first_line + line - 1}: {reason}")
    try:
        code = env.compile(ast, name=path.name, filename=str(path))
    except jinja2.TemplateSyntaxError as exc:  # an unknown filter or test is found compiling
        raise RenderError(f"{path}:{first_line + (exc.lineno or 1) - 1}: {describe(exc)}") from None
    return env.template_class.from_code(env, code, env.make_globals(None))


def budget_of(env: jinja2.Environment) -> DocumentBudget:
    """The document's rendering budget, which every sandbox `make_environment` gives holds."""
    if not isinstance(env, DataSandbox):
        raise TypeError("clauses render only in drafter's sandbox (make_environment)")
    return env.budget


def render_template(template: jinja2.Template, context: dict[str, Any], path: Path, first_line: int) -> str:
    """Render a compiled clause body; any failure names the clause file and its line."""
    budget = budget_of(template.environment)
    try:
        with budget.timed():
            return budget.collect(template.generate(context))
    except RenderError:
        raise
    except Exception as exc:  # any template failure is the clause author's to fix
        line = template_line(exc, str(path)) or 1  # an output budget stops between lines
        raise RenderError(f"{path}:{first_line + line - 1}: {describe(exc)}") from None


def evaluate_condition(
    env: SandboxedEnvironment, expression: str, context: dict[str, Any], path: Path
) -> bool:
    """A clause's `when:` expression, evaluated in the sandbox; a failure names its line."""

    def where() -> str:  # read only on a failure: the file is not read again on every build
        return f"{path}:{key_line(path, 'when')}"

    try:
        compiled = env.compile_expression(expression, undefined_to_none=False)
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(
            f"{where()}: when: cannot read the condition {expression!r}: {exc.message}"
        ) from None
    for _, reason in violations(env.parse(f"{{{{ {expression} }}}}")):
        raise RenderError(f"{where()}: when: {reason} in {expression!r}")
    try:
        with budget_of(env).timed():
            result = compiled(**context)
    except jinja2.UndefinedError as exc:
        if isinstance(env, DraftSandbox) and not isinstance(exc, jinja2.exceptions.SecurityError):
            return False  # a draft leaves out a clause whose condition needs a missing fact
        raise RenderError(f"{where()}: when: {describe(exc)} in {expression!r}") from None
    except Exception as exc:
        raise RenderError(f"{where()}: when: {describe(exc)} in {expression!r}") from None
    if isinstance(result, jinja2.Undefined):
        return False
    return bool(result)
