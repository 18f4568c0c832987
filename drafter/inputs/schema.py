"""The JSON Schema of the input file, made from the pydantic models' field descriptions."""

from __future__ import annotations

from typing import Any

from drafter.inputs.models import Inputs


def input_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) that editors use for completion and hover help."""
    schema = Inputs.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "drafter input: one jurisdiction",
        **{k: v for k, v in schema.items() if k != "title"},
    }
