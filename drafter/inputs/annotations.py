"""What an input field's type annotation holds: the questions every walker of the models asks.

The starter file (`drafter init`), the loader's hints on unknown keys, `library check` and
the sandbox's list of data names, and a draft's prompts for missing facts each walk the pydantic models from `Inputs` down, and each
needs to see through `Decree | None`, `list[Partner]` and `Annotated[str, …]`. One answer
here keeps them agreeing on what a field holds.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo


def parts(annotation: Any) -> list[Any]:
    """The concrete types inside Optional[...], unions and Annotated[...] (None left out):
    `Decree | None` → [Decree]; `list[Text] | None` → [list[Text]]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return parts(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for a in typing.get_args(annotation) for t in parts(a) if t is not type(None)]
    return [annotation]


def model_classes(annotation: Any) -> list[type[BaseModel]]:
    """Every model class anywhere inside the annotation (in lists, unions, mappings)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for arg in typing.get_args(annotation) for found in model_classes(arg)]


def field_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly or as the items of a list; None for plain values."""
    models = model_classes(annotation)
    return models[0] if models else None


def is_list(annotation: Any) -> bool:
    """True when the field holds a list (of values or of models)."""
    return any(typing.get_origin(p) is list for p in parts(annotation))


def model_at(loc: Sequence[str | int], model: type[BaseModel]) -> type[BaseModel] | None:
    """The model that holds the last key of `loc` (a pydantic error's path, list indexes
    included), walking down from `model`; None when the path leaves the models."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = field_model(field.annotation)
    return current


def field_at(loc: Sequence[str | int], model: type[BaseModel]) -> FieldInfo | None:
    """The field `loc` names under `model` (its type, constraints and description)."""
    holder = model_at(loc, model) if loc and isinstance(loc[-1], str) else None
    return holder.model_fields.get(str(loc[-1])) if holder is not None else None
