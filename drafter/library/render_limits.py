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
- a clause (or a `when:` condition) has `MAX_SECONDS` of wall-clock time, and all of one
  document's clauses together `MAX_DOCUMENT_SECONDS` (SIGALRM, in the main thread; a batch
  runs each build in its own process's main thread). DRAFTER_CLAUSE_SECONDS and
  DRAFTER_DOCUMENT_SECONDS set other figures (a slow machine, or a test).
The per-document figures live in one `DocumentBudget` the sandbox holds, so no caller keeps
count. Each limit stops the build with a SecurityError the renderer reports at the clause's
file and line.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sized
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.sandbox import SecurityError

from drafter.errors import RenderError

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

MAX_SECONDS = 5.0
"""Wall-clock seconds one clause may take to render (built-in clauses take milliseconds)."""

MAX_DOCUMENT_SECONDS = 30.0
"""Wall-clock seconds all clauses of one document may take together (without it, 170
clauses just under `MAX_SECONDS` would hold a build for a quarter of an hour)."""

CLAUSE_SECONDS_SETTING = "DRAFTER_CLAUSE_SECONDS"
DOCUMENT_SECONDS_SETTING = "DRAFTER_DOCUMENT_SECONDS"
"""Environment variables that replace `MAX_SECONDS` and `MAX_DOCUMENT_SECONDS`."""

LONGEST_SETTING = 86_400.0
"""A day: the longest time budget a setting may give (the timer takes no more)."""

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


def seconds_setting(name: str, default: float) -> float:
    """The time budget the environment variable `name` gives, else `default`."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not 0 < value <= LONGEST_SETTING:  # also refuses nan
        raise RenderError(
            f"{name}={raw!r}: give a number of seconds above 0 and at most {LONGEST_SETTING:,.0f}, "
            f"e.g. {name}={default:g}"
        )
    return value


@dataclass
class DocumentBudget:
    """What one document's clauses have used of their output and time budgets.

    The sandbox holds one per build, and the renderer spends from it for every clause and
    `when:` condition; a clause's own limits (`MAX_CLAUSE_CHARS`, `clause_seconds`) are
    checked in the same place, so each limit is enforced once, here.
    """

    clause_seconds: float = MAX_SECONDS
    document_seconds: float = MAX_DOCUMENT_SECONDS
    chars: int = 0
    """Characters the document's clauses have rendered so far."""
    seconds: float = 0.0
    """Wall-clock seconds spent rendering so far."""
    clock: Callable[[], float] = time.monotonic

    @classmethod
    def from_environment(cls) -> DocumentBudget:
        """The default budgets, or those DRAFTER_CLAUSE_SECONDS / DRAFTER_DOCUMENT_SECONDS set."""
        return cls(
            clause_seconds=seconds_setting(CLAUSE_SECONDS_SETTING, MAX_SECONDS),
            document_seconds=seconds_setting(DOCUMENT_SECONDS_SETTING, MAX_DOCUMENT_SECONDS),
        )

    def collect(self, chunks: Iterator[str]) -> str:
        """Join a template's output, stopping at the clause and document budgets."""
        out: list[str] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_CLAUSE_CHARS:
                raise BudgetExceeded(f"the clause renders more than {MAX_CLAUSE_CHARS:,} characters")
            if self.chars + size > MAX_DOCUMENT_CHARS:
                raise BudgetExceeded(f"the document renders more than {MAX_DOCUMENT_CHARS:,} characters")
            out.append(chunk)
        self.chars += size
        return "".join(out)

    def allowance(self) -> tuple[float, str]:
        """Seconds the next clause may take, and what to say when it takes longer: the
        clause's own budget, or what is left of the document's when that is less."""
        left = self.document_seconds - self.seconds
        document = f"the document's clauses took more than {self.document_seconds:g} seconds to render"
        if left <= 0:
            raise BudgetExceeded(document)
        if left < self.clause_seconds:
            return left, document
        return self.clause_seconds, f"the clause took more than {self.clause_seconds:g} seconds to render"

    @contextlib.contextmanager
    def timed(self) -> Iterator[None]:
        """Run one clause (or condition) within its allowance, and charge the time it took."""
        seconds, message = self.allowance()
        start = self.clock()
        try:
            with alarm(seconds, message):
                yield
        finally:
            self.seconds += self.clock() - start


@contextlib.contextmanager
def alarm(seconds: float, message: str) -> Iterator[None]:
    """Raise BudgetExceeded(message) inside the block after `seconds` (main thread only;
    elsewhere the document's time is still checked between clauses, and the output and value
    budgets hold)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise BudgetExceeded(message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
