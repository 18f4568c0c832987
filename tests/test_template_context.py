"""What clause templates see: plain data, declared once (drafter.library.context)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES

from drafter.compose.directive import Composer
from drafter.compose.narrative import NarrativeComposer, profile_for
from drafter.inputs.loader import load_inputs
from drafter.inputs.models import Inputs
from drafter.library.clauses import load_library
from drafter.library.context import CONTEXT_NAMES, plain

ALLOWED = (str, int, float, Decimal, bool, dt.date, type(None))


def _walk(value: Any, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), where
            _walk(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, f"{where}[{i}]")
    elif callable(value):
        assert value.__module__ in ("drafter.library.context", "drafter.library.render"), where
    else:
        assert isinstance(value, ALLOWED), f"{where} is a {type(value).__name__}"


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_context_is_plain_data_and_declared(example: Path) -> None:
    inputs = load_inputs(example)
    library = load_library()
    if inputs.document.kind == "narrative":
        composer: Composer = NarrativeComposer(inputs, library, profile_for(inputs, library))
    else:
        composer = Composer(inputs, library)
    for name, value in composer.context.items():
        _walk(value, name)
    undeclared = set(composer.context) - set(Inputs.model_fields) - CONTEXT_NAMES
    assert not undeclared, f"add {sorted(undeclared)} to drafter.library.context"


def test_plain_refuses_objects_it_does_not_know() -> None:
    with pytest.raises(TypeError):
        plain(object())
