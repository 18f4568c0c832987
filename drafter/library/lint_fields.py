"""Attribute chains a clause reads that the input models do not have (`agency.shortname`,
`p.nam` inside `{% for p in partners %}`), found in the template's syntax tree.

`library check` reports them at their line, so a typo in a field name is caught before a
build meets it for the one input that reaches that clause. Loop variables take the type of the
list they iterate, so the check follows `{% for p in partners %}` into `p.name`.
"""

from __future__ import annotations

import typing
from typing import Any

from jinja2 import nodes
from pydantic import BaseModel

from drafter.inputs.annotations import field_model, is_list
from drafter.inputs.models import Inputs


def unknown_fields(ast: nodes.Node) -> list[tuple[int, str]]:
    """(line in the template, message) for each attribute an input model lacks."""
    found: list[tuple[int, str]] = []
    _walk(ast, {}, found)
    return found


def _walk(node: nodes.Node, scope: dict[str, Any], found: list[tuple[int, str]]) -> None:
    if isinstance(node, nodes.For):
        _walk(node.iter, scope, found)
        inner = dict(scope)
        item = _item_type(_type(node.iter, scope))
        for target in (
            node.target.find_all(nodes.Name) if not isinstance(node.target, nodes.Name) else [node.target]
        ):
            inner[target.name] = item if isinstance(node.target, nodes.Name) else None
        for child in [*node.body, *node.else_]:
            _walk(child, inner, found)
        return
    if isinstance(node, nodes.Getattr):
        owner = _type(node.node, scope)
        if isinstance(owner, type) and issubclass(owner, BaseModel):
            if node.attr not in owner.model_fields and not hasattr(owner, node.attr):
                fields = ", ".join(owner.model_fields)
                found.append(
                    (
                        node.lineno,
                        f"'{_dotted(node)}': {owner.__name__} has no field '{node.attr}' (it has: {fields})",
                    )
                )
    for child in node.iter_child_nodes():
        _walk(child, scope, found)


def _type(node: nodes.Node, scope: dict[str, Any]) -> Any:
    """The input model (or list annotation) an expression stands for, when known."""
    if isinstance(node, nodes.Name):
        if node.name in scope:
            return scope[node.name]
        info = Inputs.model_fields.get(node.name)
        return _field_type(info.annotation) if info else None
    if isinstance(node, nodes.Getattr):
        owner = _type(node.node, scope)
        if isinstance(owner, type) and issubclass(owner, BaseModel):
            info = owner.model_fields.get(node.attr)
            return _field_type(info.annotation) if info else None
    return None


def _field_type(annotation: Any) -> Any:
    model = field_model(annotation)
    if model is None:
        return None
    return list[model] if is_list(annotation) else model  # type: ignore[valid-type]


def _item_type(kind: Any) -> Any:
    if typing.get_origin(kind) is list:
        return typing.get_args(kind)[0]
    return None


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Name):
        return node.name
    return "…"
