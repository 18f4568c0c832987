"""The base every input model shares: strict keys, enums as plain text, common field types.

Kept apart so the directive inputs (`drafter.inputs.models`) and the grant inputs
(`drafter.inputs.grant`) build on the same rules without importing each other.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, field_validator

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1, max_length=40),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _known_element(value: str) -> str:
    from drafter.review.elements import known_element  # review's data loads only when used

    return known_element(value)


ElementId = Annotated[str, AfterValidator(_known_element)]
"""A community-policing element id from review's list (drafter/review/data/elements.yaml), as
clause front matter (`elements:`) and the input (`decree.keep_elements`) name them."""
FIRST_YEAR, LAST_YEAR = 1900, 2199


class Strict(BaseModel):
    """Base for every input model: unknown keys are errors; enums become plain strings so
    clause templates can print them."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True, validate_default=True)

    @field_validator("*", mode="after")
    @classmethod
    def _plausible_date(cls, value: object) -> object:
        """Dates in a filing fall between 1900 and 2199; outside that range, date arithmetic
        (a decree's term, deadlines, the schedule) leaves the calendar Python can represent."""
        if isinstance(value, dt.date) and not (FIRST_YEAR <= value.year <= LAST_YEAR):
            raise ValueError(
                f"a date between {FIRST_YEAR} and {LAST_YEAR} is expected, not {value.isoformat()}"
            )
        return value
