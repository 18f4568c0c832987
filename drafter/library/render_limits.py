"""Budgets for rendering a clause: a clause from a stranger must not hang or fill memory.

Jinja's sandbox stops escapes, not work. Measured on main before these limits:
`{{ 9**(9**9) }}` hung at *compile* time (Jinja folds constant expressions while compiling),
nested `range(100000)` loops reached 7 GB, and `'x' * 10**9` wrote a 1 GB document.xml.
So, each checked *before* the work is done where it can be:
- `**`, `*`, `%` and `+` are `intercepted_binops`: Jinja neither folds them at compile time nor
  runs them directly; `bounded_binop` refuses a power over `MAX_INT_BITS` bits, a text or
  list longer than `MAX_VALUE_CHARS`, and a `%` format with a `*` or a width over 3 digits;
  `~` (concatenation, which a recursive macro can double forty times) is compiled to
  `bounded_concat` by `BoundedCodeGenerator`;
- `range()` yields at most `MAX_RANGE` numbers;
- every filter's result is measured, and filters that pad (`center`, `indent`, `wordwrap`,
  `truncate`, `format`) are checked like `*` and `%`;
- output is counted as it is produced: `MAX_CLAUSE_CHARS` per clause and
  `MAX_DOCUMENT_CHARS` per document;
- a clause (or a `when:` condition) has `MAX_SECONDS` of wall-clock time (SIGALRM, in the
  main thread; a batch runs each build in its own process's main thread).
Each limit stops the build with a SecurityError the renderer reports at the clause's file
and line.
"""

from __future__ import annotations

import contextlib
import math
import re
import signal
import threading
from collections.abc import Callable, Iterator, Sized
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.sandbox import SecurityError

MAX_VALUE_CHARS = 100_000
"""Longest text or list an expression may build (a long clause is ~5,000 characters)."""

MAX_INT_BITS = 4_096
"""Largest whole number a power may produce (about 1,233 digits)."""

MAX_RANGE = 1_000
"""Most numbers `range()` yields (Jinja's own cap is 100,000)."""

MAX_CLAUSE_CHARS = 200_000
"""Most characters one clause may render (the longest built-in clause renders ~3,000)."""

MAX_DOCUMENT_CHARS = 5_000_000
"""Most characters all clauses of one document may render together."""

MAX_SECONDS = 5
"""Wall-clock seconds one clause may take to render (built-in clauses take milliseconds)."""

INTERCEPTED = frozenset({"**", "*", "%", "+"})

_WIDE_FORMAT = re.compile(r"%[-#0 +]*(\*|\d{4,})|%[-#0 +]*\d*\.(\*|\d{4,})")


class BudgetExceeded(SecurityError):
    """A clause tried to do more work than any clause needs."""


def _too_long(what: str) -> BudgetExceeded:
    return BudgetExceeded(f"{what} would be longer than {MAX_VALUE_CHARS:,} characters")


def bounded_binop(operator: str, left: Any, right: Any) -> Any:
    """`left operator right`, refused before it is computed when the result would be huge."""
    if operator == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            if right * math.log2(abs(left)) > MAX_INT_BITS:
                raise BudgetExceeded(f"{left} ** {right} is too large a number")
        return left**right
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if (
                isinstance(seq, (str, list, tuple))
                and isinstance(times, int)
                and len(seq) * times > MAX_VALUE_CHARS
            ):
                raise _too_long("the repeated text or list")
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and left.bit_length() + right.bit_length() > 2 * MAX_INT_BITS
        ):
            raise BudgetExceeded("the product is too large a number")
        return left * right
    if operator == "%":
        if isinstance(left, str):
            if _WIDE_FORMAT.search(left):
                raise BudgetExceeded("a '%' format may not use '*' or a width of more than 3 digits")
            return _checked(left % right, "the formatted text")
        return left % right
    if operator == "+":
        if isinstance(left, (str, list, tuple)) and isinstance(right, Sized):
            if len(left) + len(right) > MAX_VALUE_CHARS:
                raise _too_long("the joined text or list")
        return left + right
    raise BudgetExceeded(f"operator {operator} is not bounded")  # only INTERCEPTED reach here


def _checked(value: Any, what: str) -> Any:
    if isinstance(value, Sized) and not isinstance(value, dict) and len(value) > MAX_VALUE_CHARS:
        raise _too_long(what)
    return value


def bounded_concat(parts: tuple[Any, ...]) -> str:
    """`a ~ b ~ c`, refused when the result would be too long."""
    texts = [str(p) for p in parts]
    if sum(map(len, texts)) > MAX_VALUE_CHARS:
        raise _too_long("the joined text")
    return "".join(texts)


class BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with `~` going through `environment.bounded_concat`."""

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


def bounded_range(*args: int) -> range:
    """`range()` with at most MAX_RANGE numbers."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise BudgetExceeded(f"range() may yield at most {MAX_RANGE:,} numbers")
    return numbers


_WIDTH_ARGUMENT = {"center": 0, "indent": 0, "wordwrap": 0, "truncate": 0}
"""Filters whose first argument after the value is a width."""


def bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """`func` with its width argument and its result measured."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
        values += [v for v in kwargs.values() if isinstance(v, int) and not isinstance(v, bool)]
        if name in _WIDTH_ARGUMENT and any(v > MAX_VALUE_CHARS for v in values):
            raise _too_long(f"'{name}'")
        if name == "replace" and len(args) >= 3 and all(isinstance(a, str) for a in args[:3]):
            text, old, new = args[:3]
            hits = text.count(old) if old else len(text) + 1
            if len(text) + hits * len(new) > MAX_VALUE_CHARS:
                raise _too_long("the result of 'replace'")
        if name == "join" and args and isinstance(args[0], (list, tuple)):
            if sum(len(a) for a in args[0] if isinstance(a, str)) > MAX_VALUE_CHARS:
                raise _too_long("the result of 'join'")
        if name == "format" and args and isinstance(args[0], str) and _WIDE_FORMAT.search(args[0]):
            raise BudgetExceeded("a format may not use '*' or a width of more than 3 digits")
        return _checked(func(*args, **kwargs), f"the result of '{name}'")

    wrapper.__name__ = getattr(func, "__name__", name)
    wrapper.__doc__ = func.__doc__
    if hasattr(func, "jinja_pass_arg"):
        wrapper.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
    return wrapper


def collect(chunks: Iterator[str], used: int) -> tuple[str, int]:
    """Join a template's output, stopping at the clause and document budgets; returns the
    text and the document's new running total."""
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_CLAUSE_CHARS:
            raise BudgetExceeded(f"the clause renders more than {MAX_CLAUSE_CHARS:,} characters")
        if used + size > MAX_DOCUMENT_CHARS:
            raise BudgetExceeded(f"the document renders more than {MAX_DOCUMENT_CHARS:,} characters")
        out.append(chunk)
    return "".join(out), used + size


@contextlib.contextmanager
def time_budget(seconds: float = MAX_SECONDS) -> Iterator[None]:
    """Raise BudgetExceeded inside the block after `seconds` (main thread only; elsewhere
    the output and value budgets still hold)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise BudgetExceeded(f"the clause took more than {seconds:g} seconds to render")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
