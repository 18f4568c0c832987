"""`drafter init [DIR]`: a commented starter input file, and editor set-up to check it.

A new jurisdiction starts from a file that explains itself: every field of the input model
appears with its description (the same text the JSON Schema gives editors), whether it is
required, and its allowed words. The values are a fictional sample that passes `drafter
validate` as written, so the first build works before anything is changed; fields the
sample leaves out are shown commented out, to be uncommented when they apply. The comments
come from the pydantic models, so they cannot drift from what the loader accepts.
"""

from __future__ import annotations

import json
import os
import textwrap
import typing
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from drafter.errors import OutputError
from drafter.inputs.annotations import field_model, is_list, parts
from drafter.inputs.models import Inputs
from drafter.inputs.schema import schema_text
from drafter.safe_write import check_target, make_folder, write_atomic

INPUT_NAME = "jurisdiction.yaml"
SCHEMA_NAME = "drafter.schema.json"
WIDTH = 92

SAMPLE: dict[str, Any] = {
    "document": {"kind": "directive", "date": "2026-03-02", "modal": "shall"},
    "jurisdiction": {"name": "City of Sampleton", "short_name": "Sampleton", "state": "Ohio"},
    "agency": {"name": "Sampleton Police Department", "short_name": "SPD"},
    "decree": {
        "court": "United States District Court for the Northern District of Ohio",
        "case_number": "1:26-cv-00001",
        "defendant": "City of Sampleton",
        "effective_date": "2026-01-15",
    },
    "partners": [
        {
            "id": "eastside-tenants",
            "name": "Eastside Tenants Union",
            "kind": "housing",
            "role": "Works with officers on unsafe rental buildings.",
            "root_causes": ["neglected rental housing"],
        }
    ],
    "problems": [
        {
            "id": "vacant-lots",
            "name": "Vacant lots used for drug sales",
            "data_sources": ["calls for service"],
            "root_causes": ["absentee owners"],
            "responses": [
                {
                    "action": "Clean and light the lots with their owners.",
                    "partner": "eastside-tenants",
                    "measure": "Calls for service at the lots.",
                }
            ],
        }
    ],
    "commitments": {
        "policy_revisions": ["Use of Force"],
        "promotion_criteria": ["Problem-solving results"],
        "training": {
            "topics": ["problem solving", "procedural justice"],
            "initial_hours": 24,
            "annual_hours": 8,
        },
    },
    "metrics": [
        {"name": "Residents who trust the police", "source": "Community survey", "frequency": "annually"}
    ],
}
"""A fictional directive that validates: the values `init` writes."""


@dataclass(frozen=True)
class InitResult:
    """The files init wrote, for the CLI to list."""

    files: tuple[Path, ...]


def _enum_words(annotation: Any) -> list[str]:
    for part in parts(annotation):
        if typing.get_origin(part) is list:
            part = typing.get_args(part)[0]
        if isinstance(part, type) and issubclass(part, Enum):
            return [str(m.value) for m in part]
    return []


def _scalar(value: Any) -> str:
    """A YAML value; JSON's quoting is valid YAML and never misreads 'no' or '1:15'."""
    if isinstance(value, Enum):
        value = value.value
    return json.dumps(value, ensure_ascii=False, default=str)


def _comment(name: str, info: FieldInfo, annotation: Any, pad: str) -> list[str]:
    text = info.description or name
    if info.is_required():
        text += " Required."
    elif info.default not in (None, PydanticUndefined) and not isinstance(info.default, BaseModel):
        text += f" Default: {_scalar(info.default)}."
    words = _enum_words(annotation)
    if words:
        text += " One of: " + ", ".join(words) + "."
    return [pad + "# " + line for line in textwrap.wrap(text, WIDTH - len(pad) - 2)]


def _fields(model: type[BaseModel], data: dict[str, Any] | None, pad: str, explain: bool) -> list[str]:
    """Lines for one mapping. With `data`, fields it lacks are written commented out; with
    None (an optional section shown as a template) every field is written, and the caller
    comments the whole block."""
    lines: list[str] = []
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if explain:
            lines += _comment(name, info, annotation, pad)
        if data is None or name in data:
            value = _placeholder(annotation, info) if data is None else data[name]
            lines += _value(name, value, annotation, pad, explain)
        else:
            shown = _value(name, _placeholder(annotation, info), annotation, pad, explain)
            lines += [
                pad + "# " + line[len(pad) :] if not line.lstrip().startswith("#") else line for line in shown
            ]
    return lines


def _placeholder(annotation: Any, info: FieldInfo) -> Any:
    """A stand-in value for a field the sample leaves out: its default, else a typed blank."""
    if field_model(annotation) is not None:
        return [None] if is_list(annotation) else None
    if info.default not in (None, PydanticUndefined):
        return info.default
    words = _enum_words(annotation)
    if is_list(annotation):
        return words[:1] if words else []
    types = parts(annotation)
    if bool in types:
        return False
    if int in types or float in types:
        return 0
    return words[0] if words else ""


def _value(name: str, value: Any, annotation: Any, pad: str, explain: bool) -> list[str]:
    model = field_model(annotation)
    if model is None:
        return [f"{pad}{name}: {_scalar(value)}"]
    if not isinstance(value, list):
        return [f"{pad}{name}:", *_fields(model, value, pad + "  ", explain)]
    lines = [f"{pad}{name}:"]
    for index, item in enumerate(value):
        body = _fields(model, item, pad + "    ", explain and index == 0)
        first = next(i for i, line in enumerate(body) if not line.lstrip().startswith("#"))
        body[first] = pad + "  - " + body[first][len(pad) + 4 :]
        lines += body
    return lines


def starter_text(schema_name: str = SCHEMA_NAME) -> str:
    """The whole commented starter input file."""
    head = [
        f"# yaml-language-server: $schema={schema_name}",
        "# One jurisdiction, described for drafter. Every field is explained above it; the",
        "# values are a fictional sample that builds as written. Replace them with your facts.",
        "# Lines starting with '# name:' are optional fields: remove the '# ' to use them.",
        "# Check with: drafter validate " + INPUT_NAME + "    Build with: drafter build " + INPUT_NAME,
        "",
    ]
    return "\n".join(head + _fields(Inputs, SAMPLE, "", True)) + "\n"


def init_folder(folder: Path, force: bool = False) -> InitResult:
    """Write the starter input file, its JSON Schema, and VS Code's mapping between them.

    Existing files are kept unless `force`: init is run in folders that hold real work.
    """
    make_folder(folder)
    targets = {
        folder / INPUT_NAME: starter_text(),
        folder / SCHEMA_NAME: schema_text(),
        folder / ".vscode" / "settings.json": json.dumps(
            {"yaml.schemas": {f"./{SCHEMA_NAME}": [INPUT_NAME, "inputs/*.yaml"]}}, indent=2
        )
        + "\n",
    }
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise OutputError(f"{existing[0]}: already exists (use --force to replace it)")
    for path in targets:
        if os.path.lexists(path):  # a link or a device is refused even with --force
            check_target(path, force=force)
    for path, text in targets.items():
        make_folder(path.parent, inside=folder)
        write_atomic(path, text, force=force)
    return InitResult(tuple(targets))
