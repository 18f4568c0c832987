"""Required facts a --draft may leave out: the holes in a first draft's input.

A first draft circulates before every fact is known (the Effective Date is set by the Court;
the agency's full name waits on the city attorney). In draft mode a required *text or date*
field that is missing is not a validation error: the model is validated with a stand-in value
in its place and checked across fields. A text field then keeps its stand-in, the prompt
itself ("[agency.name]"), so every use prints it: clause text and what Python composes
(caption, signatures, document properties), which the build then highlights
(compose.prompts). A date field holds None, which the draft sandbox prints as a
"[decree.effective_date]" prompt (drafter.library.sandbox) and which dates computed from it
turn into prompts of their own (compose.deadlines).

Ids and links (`partners[].id`, the `partner` a response names), docket numbers, numbers and
choices still have to be given: the composer reasons with them, and the field's own rule
refuses a prompt in their place (a Slug's pattern, an int, an enum).
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from drafter.inputs.annotations import field_at, parts
from drafter.inputs.models import Inputs

Loc = tuple[str | int, ...]

_STAND_IN_DATE = dt.date(1900, 1, 1)
"""A date no check can trip over (the earliest a filing may carry); replaced by None."""


def stand_in(loc: Loc, label: str) -> str | dt.date | None:
    """The value validated in place of the missing field at `loc` (named `label`), or None
    when that field cannot be a hole."""
    field = field_at(loc, Inputs)
    if field is None:
        return None
    kinds = parts(field.annotation)
    if kinds == [dt.date]:
        return _STAND_IN_DATE
    if kinds != [str]:
        return None
    prompt = f"[{label}]"
    return prompt if _accepts(field, prompt) else None


def _accepts(field: FieldInfo, text: str) -> bool:
    """True when the field's own constraints take `text`: an id's or a docket number's
    pattern refuses a prompt, so those facts stay required."""
    rule: Any = Annotated[tuple([str, *field.metadata])]
    try:
        TypeAdapter(rule).validate_python(text)
    except ValidationError:
        return False
    return True


def fill(data: dict[str, Any], holes: dict[Loc, Any]) -> dict[str, Any]:
    """A copy of the plain input data with each hole's stand-in value in place."""
    filled = copy.deepcopy(data)
    for loc, value in holes.items():
        node: Any = filled
        for part in loc[:-1]:
            node = node[part]
        node[loc[-1]] = value
    return filled


def empty_dates(inputs: Inputs, holes: dict[Loc, Any]) -> Inputs:
    """`inputs` with None in each date hole (models are frozen: copied along the path)."""
    for loc, value in holes.items():
        if isinstance(value, dt.date):
            inputs = _set(inputs, loc, None)
    return inputs


def _set(node: Any, loc: Loc, value: Any) -> Any:
    head, rest = loc[0], loc[1:]
    if isinstance(head, int):
        items = list(node)
        items[head] = _set(items[head], rest, value) if rest else value
        return type(node)(items) if isinstance(node, tuple) else items
    child = _set(getattr(node, head), rest, value) if rest else value
    return node.model_copy(update={head: child})
