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

Ids and links (`partners[].id`, the `partner` a response names), numbers and choices still
have to be given: the composer reasons with them, and the field's own rule refuses a prompt
in their place (a Slug's pattern, an int, an enum). The docket number has a form too, but
nothing points at it: it is validated with a well-formed stand-in and printed as its prompt.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from drafter.inputs.annotations import field_at, parts
from drafter.inputs.models import Inputs

Loc = tuple[str | int, ...]

_STAND_IN_DATE = dt.date(1900, 1, 1)
"""A date no check can trip over (the earliest a filing may carry); replaced by None."""

_FORMED: dict[Loc, str] = {("decree", "case_number"): "1:00-cv-00000"}
"""Text with a form its field checks that a draft may still leave out (a decree filed with
the complaint has no docket number yet): validated with a well-formed stand-in, then shown
as its prompt. An id has a form too, but other fields point at it: never a hole."""


@dataclass(frozen=True)
class Hole:
    """A required fact left out: the value validated in its place, and the value the draft
    composes with (the prompt text itself, or None for a date: the sandbox prompts for it)."""

    validated: str | dt.date
    shown: str | None


def stand_in(loc: Loc, label: str) -> Hole | None:
    """The hole for the missing field at `loc` (named `label`), or None when that field
    cannot be left out even in a draft."""
    field = field_at(loc, Inputs)
    if field is None:
        return None
    kinds = parts(field.annotation)
    if kinds == [dt.date]:
        return Hole(_STAND_IN_DATE, None)
    if kinds != [str]:
        return None
    prompt = f"[{label}]"
    if _accepts(field, prompt):
        return Hole(prompt, prompt)
    formed = _FORMED.get(tuple(p for p in loc if isinstance(p, str)))
    return Hole(formed, prompt) if formed is not None else None


def _accepts(field: FieldInfo, text: str) -> bool:
    """True when the field's own constraints take `text`: an id's or a docket number's
    pattern refuses a prompt, so those facts stay required."""
    rule: Any = Annotated[tuple([str, *field.metadata])]
    try:
        TypeAdapter(rule).validate_python(text)
    except ValidationError:
        return False
    return True


def fill(data: dict[str, Any], holes: dict[Loc, Hole]) -> dict[str, Any]:
    """A copy of the plain input data with each hole's stand-in value in place."""
    filled = copy.deepcopy(data)
    for loc, hole in holes.items():
        node: Any = filled
        for part in loc[:-1]:
            node = node[part]
        node[loc[-1]] = hole.validated
    return filled


def shown(inputs: Inputs, holes: dict[Loc, Hole]) -> Inputs:
    """`inputs` holding what the draft prints for each hole where that differs from the
    validated stand-in (models are frozen: copied along the path)."""
    for loc, hole in holes.items():
        if hole.shown != hole.validated:
            inputs = _set(inputs, loc, hole.shown)
    return inputs


def _set(node: Any, loc: Loc, value: Any) -> Any:
    head, rest = loc[0], loc[1:]
    if isinstance(head, int):
        items = list(node)
        items[head] = _set(items[head], rest, value) if rest else value
        return type(node)(items) if isinstance(node, tuple) else items
    child = _set(getattr(node, head), rest, value) if rest else value
    return node.model_copy(update={head: child})
