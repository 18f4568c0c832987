"""What a user's clause may and may not do, beyond Jinja's own sandbox; and draft mode.

Clause files come from legal staff and from whoever they copy text from, so they are
untrusted code. `SandboxedEnvironment` already refuses unsafe attributes when a template
*runs*; `violations()` refuses them when it is *compiled*, so a forbidden construct in a
branch that this input never takes is still caught (by the build and by `library check`),
and the message says what is not allowed instead of a Python error. No template loader is
configured, so `{% include %}`, `{% extends %}` and `{% import %}` could only fail with
"no loader": they are refused here by name.

Draft mode (`drafter build --draft`) swaps StrictUndefined for `DraftUndefined`: a fact the
input does not give renders as a highlighted "[decree.monitor.name]" prompt instead of
stopping the build, so a first draft can circulate before every fact is known. Security
failures are never softened into prompts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from pydantic import BaseModel

from drafter.inputs.annotations import model_classes
from drafter.library.render_limits import (
    INTERCEPTED,
    BoundedCodeGenerator,
    DocumentBudget,
    bounded_binop,
    bounded_concat,
    bounded_range,
)

UNSAFE_ATTRIBUTES = frozenset(
    {
        "mro",
        "format",
        "format_map",
        "func_globals",
        "func_code",
        "f_globals",
        "f_locals",
        "f_builtins",
        "gi_frame",
        "gi_code",
        "cr_frame",
        "cr_code",
        "ag_frame",
        "ag_code",
        "tb_frame",
        "im_func",
        "im_self",
        "im_class",
        "co_code",
    }
)
"""Attribute names a clause never needs and escapes rely on (besides any `_name`)."""

UNSAFE_NAMES = frozenset({"self", "config", "request", "environment", "context"})
"""Names that mean something to Jinja or to web frameworks' templates, never to a clause."""

REMOVED_GLOBALS = ("lipsum", "cycler", "joiner", "namespace", "dict")
"""Jinja's default globals that no clause uses; `range` stays (the sandbox caps it)."""

_STATEMENTS: dict[type[nodes.Node], str] = {
    nodes.Include: "{% include %}",
    nodes.Extends: "{% extends %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from … import %}",
}


DATE_PARTS = frozenset({"year", "month", "day"})
"""The attributes of a date a clause may read; everything else on a value is a method."""


@cache
def data_names() -> frozenset[str]:
    """Every field and computed property a clause can read from the context's data."""
    from drafter.compose.budget import Budget, BudgetYear, PositionCost  # compose imports this module
    from drafter.inputs.models import Inputs

    names: set[str] = set(DATE_PARTS)
    seen: set[type] = set()

    def walk(klass: type) -> None:
        if klass in seen:
            return
        seen.add(klass)
        names.update(name for name, attr in vars(klass).items() if isinstance(attr, property))
        if issubclass(klass, BaseModel):
            for name, info in klass.model_fields.items():
                names.add(name)
                for sub in model_classes(info.annotation):
                    walk(sub)

    for klass in (Inputs, Budget, BudgetYear, PositionCost):
        walk(klass)
    names.update(f for k in (Budget, BudgetYear, PositionCost) for f in k.__dataclass_fields__)
    return frozenset(names)


@cache
def method_names() -> frozenset[str]:
    """Attribute names that are methods of some value a template could hold, not data: str,
    list, dict, numbers, dates and pydantic models (parse_raw, parse_file, model_dump …)."""
    names: set[str] = set()
    for klass in (str, list, dict, int, float, Decimal, dt.date, dt.datetime, BaseModel):
        names.update(n for n in dir(klass) if not n.startswith("_"))
    return frozenset(names - data_names())


def violations(ast: nodes.Template) -> list[tuple[int, str]]:
    """(template line, reason) for each construct a clause may not use."""
    found: list[tuple[int, str]] = []
    for node in ast.find_all(nodes.Node):
        line = getattr(node, "lineno", 1) or 1
        if type(node) in _STATEMENTS:
            found.append(
                (
                    line,
                    f"{_STATEMENTS[type(node)]} is not allowed in a clause: a clause "
                    "cannot read other files; copy the text into this clause instead",
                )
            )
        elif isinstance(node, nodes.Name) and (node.name.startswith("_") or node.name in UNSAFE_NAMES):
            found.append((line, f"the name '{node.name}' is not allowed in a clause"))
        elif isinstance(node, nodes.Getattr) and (
            node.attr.startswith("_") or node.attr in UNSAFE_ATTRIBUTES
        ):
            found.append((line, f"the attribute '.{node.attr}' is not allowed in a clause"))
        elif isinstance(node, nodes.Getattr) and node.attr in method_names():
            found.append((line, _not_data(node.attr)))
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
            and node.arg.value.startswith("_")
        ):
            found.append((line, f"the key '{node.arg.value}' is not allowed in a clause"))
        elif (
            isinstance(node, nodes.Filter)
            and node.name == "attr"
            and node.args
            and isinstance(node.args[0], nodes.Const)
            and str(node.args[0].value) in method_names()
        ):
            found.append((line, _not_data(str(node.args[0].value))))
    return sorted(found)


def _not_data(attribute: str) -> str:
    return (
        f"'.{attribute}' is not data: a clause reads values from the input and calls "
        "drafter's functions and filters, never methods of a value"
    )


class DataSandbox(SandboxedEnvironment):
    """Jinja's sandbox, narrowed to data: `a.b` reads key b of a mapping (the context is
    plain data, see drafter.library.context) or a date's year, month or day; any other
    attribute of a value raises SecurityError, whatever its name. Jinja's own loop
    variable and undefined values keep their behaviour. Work is bounded
    (drafter.library.render_limits): `**`, `*`, `%` and `range()` are checked before they
    run, and `budget` counts the document's output and rendering time (one sandbox per
    build, so one budget per document)."""

    intercepted_binops = INTERCEPTED
    code_generator_class = BoundedCodeGenerator
    bounded_concat = staticmethod(bounded_concat)

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.globals["range"] = bounded_range
        self.budget = DocumentBudget.from_environment()

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return bounded_binop(operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict):
            if attribute in obj:
                return obj[attribute]
            return self.undefined(obj=obj, name=attribute)
        if obj is None or isinstance(obj, (jinja2.Undefined, LoopContext)):
            return super().getattr(obj, attribute)
        if isinstance(obj, dt.date) and attribute in DATE_PARTS:
            return getattr(obj, attribute)
        raise SecurityError(_not_data(attribute))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Also what the `attr` filter asks, which reads Python attributes directly."""
        if isinstance(obj, (jinja2.Undefined, LoopContext)):
            return bool(super().is_safe_attribute(obj, attr, value))
        return isinstance(obj, dt.date) and attr in DATE_PARTS

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        raise SecurityError(_not_data(attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, dict):
            if isinstance(argument, str) and argument in obj:
                return obj[argument]
            return self.undefined(obj=obj, name=argument)
        if isinstance(obj, (list, str)) and isinstance(argument, (int, slice)):
            try:
                return obj[argument]
            except (IndexError, TypeError, ValueError):
                return self.undefined(obj=obj, name=str(argument))
        if obj is None or isinstance(obj, (jinja2.Undefined, LoopContext)):
            return super().getitem(obj, argument)
        if isinstance(argument, str):
            raise SecurityError(_not_data(argument))
        return self.undefined(obj=obj, name=str(argument))


class DraftUndefined(jinja2.Undefined):
    """A missing fact in draft mode: prints as a PROMPT sentinel naming the fact, is false
    in `{% if %}` and `when:`, and iterates as an empty list."""

    __slots__ = ()

    def _blocked(self) -> bool:
        return self._undefined_hint is not None or self._undefined_exception is not jinja2.UndefinedError

    @property
    def label(self) -> str:
        return self._undefined_name or "missing"

    def __str__(self) -> str:
        if self._blocked():
            self._fail_with_undefined_error()
        from drafter.library.render import PROMPT, sentinel  # render imports this module

        return sentinel(PROMPT, self.label)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or self._blocked():
            return super().__getattr__(name)
        return DraftUndefined(name=f"{self.label}.{name}")

    def __getitem__(self, key: Any) -> Any:
        if self._blocked():
            self._fail_with_undefined_error()
        return DraftUndefined(
            name=f"{self.label}[{key!r}]" if not isinstance(key, str) else f"{self.label}.{key}"
        )

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._blocked():
            self._fail_with_undefined_error()
        return self

    def __iter__(self) -> Iterator[Any]:
        if self._blocked():
            self._fail_with_undefined_error()
        return iter(())


class DraftSandbox(DataSandbox):
    """The sandbox in draft mode: knows the dotted path of every input object, so a missing
    or empty attribute becomes a prompt that says which fact to supply."""

    paths: dict[int, str]

    def __init__(self, **options: Any):
        options["undefined"] = DraftUndefined
        super().__init__(**options)
        self.paths = {}

    def remember(self, name: str, value: Any) -> None:
        """Record the dotted path of `value` and of every mapping inside it."""
        if isinstance(value, dict):
            self.paths[id(value)] = name
            for key, item in value.items():
                self.remember(f"{name}.{key}", item)
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                self.remember(f"{name}[{i}]", item)

    def _label(self, obj: Any, attribute: str) -> str:
        if isinstance(obj, DraftUndefined):
            return f"{obj.label}.{attribute}"
        path = self.paths.get(id(obj))
        return f"{path}.{attribute}" if path else attribute

    def getattr(self, obj: Any, attribute: str) -> Any:
        value = super().getattr(obj, attribute)
        if isinstance(value, jinja2.Undefined):
            if value._undefined_exception is SecurityError:  # noqa: SLF001 - never a prompt
                return value
            return DraftUndefined(name=self._label(obj, attribute))
        if value is None:
            return DraftUndefined(name=self._label(obj, attribute))
        return value


def draft_context(context: dict[str, Any], env: DraftSandbox) -> dict[str, Any]:
    """The context for a draft: optional sections that are absent become named prompts."""
    out = dict(context)
    for name, value in context.items():
        if value is None:
            out[name] = DraftUndefined(name=name)
        else:
            env.remember(name, value)
    return out


def pass_undefined(func: Any) -> Any:
    """Wrap a filter so a draft prompt passes through it unchanged ('[decree.effective_date]'
    stays a prompt under `| long_date` instead of failing inside the filter)."""

    def wrapper(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, jinja2.Undefined):
            return value
        return func(value, *args, **kwargs)

    wrapper.__doc__ = func.__doc__
    wrapper.__name__ = getattr(func, "__name__", "filter")
    return wrapper
