"""The base every input model shares: strict keys, enums as plain text, common field types.

Kept apart so the directive inputs (`drafter.inputs.models`) and the grant inputs
(`drafter.inputs.grant`) build on the same rules without importing each other.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1, max_length=40),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base for every input model: unknown keys are errors; enums become plain strings so
    clause templates can print them."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True, validate_default=True)
