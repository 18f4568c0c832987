"""The JSON Schema of the input file, made from the pydantic models' field descriptions."""

from __future__ import annotations

import json
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


def schema_text() -> str:
    """The schema as the file editors read: `drafter schema` prints it and `drafter init`
    writes it, so the two are the same bytes."""
    return json.dumps(input_schema(), indent=2) + "\n"
