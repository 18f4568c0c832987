"""Reads an input YAML file into `Inputs`, reporting every problem at its line and column.

ruamel.yaml's round-trip loader keeps the position of every key and item; pydantic reports
each error with a `loc` path. Walking the path through the loaded tree gives the line a
person must fix. All problems are collected, not just the first: fixing a file one error per
run is the slowest way to learn what it needs.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from drafter.errors import InputError, Problem
from drafter.inputs import holes as holes_mod
from drafter.inputs.annotations import field_at, model_at
from drafter.inputs.crosscheck import cross_check
from drafter.inputs.models import Inputs
from drafter.safe_yaml import YamlFileError, load_yaml_file

Loc = tuple[str | int, ...]


def read_yaml(path: Path) -> Any:
    """Parse an input file keeping positions, within drafter.safe_yaml's limits (size,
    aliases, depth, UTF-8); every failure becomes one located Problem."""
    try:
        return load_yaml_file(path, round_trip=True, dates_as_text=True)
    except YamlFileError as exc:
        raise InputError([Problem(str(path), exc.line, exc.column, "", exc.message)]) from None


def to_plain(node: Any) -> Any:
    """ruamel's commented containers and scalar subclasses (ScalarFloat, ScalarInt, …) →
    plain Python values; dates and anything else pass as they are."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if isinstance(node, bool):  # before int: a bool is an int
        return node
    for kind in (int, float, str):
        if isinstance(node, kind):
            return kind(node)
    return node


_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters a value may not hold: controls other than tab and line feed (a Word document
cannot store most of them, and none belongs in a filing), lone surrogates and non-characters."""


def text_problems(node: Any, loc: Loc = ()) -> list[tuple[Loc, str]]:
    """(where, message) for each key or value holding a character that is not text."""
    found: list[tuple[Loc, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(text_problems(key, loc))
            found.extend(text_problems(value, (*loc, str(key))))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(text_problems(value, (*loc, i)))
    elif isinstance(node, str):
        bad = _NOT_TEXT.search(node)
        if bad:
            found.append(
                (
                    loc,
                    f"contains the control character U+{ord(bad.group()):04X} at character "
                    f"{bad.start() + 1}; only tab and line breaks may appear in a value",
                )
            )
    return found


def position(root: Any, loc: Loc) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the deepest part of `loc` present in the file.

    For a value that exists, its own position; for a missing key, the position of the
    mapping that should hold it.
    """
    node = root
    line: int | None = None
    col: int | None = None
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            value_pos = node.lc.value(part) if hasattr(node.lc, "value") else None
            key_line, key_col = node.lc.key(part)
            child = node[part]
            if isinstance(child, (CommentedMap, CommentedSeq)) or value_pos is None:
                line, col = key_line + 1, key_col + 1
            else:
                line, col = value_pos[0] + 1, value_pos[1] + 1
            node = child
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            item_line, item_col = node.lc.item(part)
            line, col = item_line + 1, item_col + 1
            node = node[part]
        else:
            if line is None and isinstance(node, (CommentedMap, CommentedSeq)):
                line, col = node.lc.line + 1, node.lc.col + 1
            break
    return line, col


def dotted(loc: Loc) -> str:
    """('partners', 2, 'kind') → 'partners[2].kind'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _message(error: dict[str, Any], loc: Loc) -> str:
    """pydantic's message, rewritten where a plainer one helps the person fixing the file."""
    kind = error.get("type", "")
    value = error.get("input")
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        expected = expected.replace("' or '", "', '").replace("'", "")
        return f"{value!r} is not one of: {expected}"
    if kind == "extra_forbidden":
        holder = model_at(loc, Inputs)
        allowed = sorted(holder.model_fields) if holder else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        listing = f"; allowed here: {', '.join(allowed)}" if allowed and not close else ""
        return f"unknown key '{loc[-1]}'{hint}{listing}"
    if kind == "missing":
        field = field_at(loc, Inputs)
        about = f" ({field.description})" if field is not None and field.description else ""
        return f"required key is missing{about}"
    if kind == "too_short" and isinstance(value, list) and not value:
        return "must list at least one item"
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "case_number":
        return f"{value!r} is not a docket number like '1:15-cv-01046'"
    return str(error.get("msg", "invalid value"))


def _clean_loc(loc: Iterable[Any]) -> Loc:
    """Drop pydantic's internal loc parts (validator names of unions, e.g. 'function-after')."""
    return tuple(
        p for p in loc if isinstance(p, int) or not ("[" in p or p.startswith(("function-", "json-")))
    )


def validate_data(
    path: Path, root: Any, *, draft: bool = False
) -> tuple[Inputs | None, list[Problem], Asking | None]:
    """Validate loaded YAML: the model (when valid), every problem found, and (when valid)
    what a draft asks for: with `draft`, the required facts left out (drafter.inputs.holes)."""
    name = str(path)
    if not isinstance(root, dict):
        return (
            None,
            [Problem(name, 1, 1, "", "the file must be a mapping of sections (document:, agency:, …)")],
            None,
        )

    def located(loc: Loc, message: str) -> Problem:
        line, col = position(root, loc)
        return Problem(name, line, col, dotted(loc), message)

    data = to_plain(root)
    found = text_problems(data)
    holes: dict[Loc, holes_mod.Hole] = {}
    try:
        inputs: Inputs | None = Inputs.model_validate(data)
    except ValidationError as exc:
        inputs = None
        for err in exc.errors():
            loc = _clean_loc(err["loc"])
            hole = holes_mod.stand_in(loc, dotted(loc)) if draft and err["type"] == "missing" else None
            if hole is None:
                found.append((loc, _message(dict(err), loc)))
            else:
                holes[loc] = hole
        if not found:  # every error a hole: the model with a stand-in in each
            inputs = Inputs.model_validate(holes_mod.fill(data, holes))
    if inputs is not None and not found:
        found = cross_check(inputs)
    if inputs is None or found:
        return None, _sorted([located(loc, message) for loc, message in found]), None
    return holes_mod.shown(inputs, holes), [], Asking(name, root, tuple(holes))


@dataclass(frozen=True)
class Asking:
    """The facts a --draft build asks for instead of refusing, each warned about at the line
    where it belongs in the input: the required ones left out (`holes`, which a final build
    refuses) and the optional ones a clause prints a prompt for."""

    file: str
    root: Any
    """The loaded file, for each field's line (a missing one: its section's)."""
    holes: tuple[Loc, ...] = ()

    @property
    def required(self) -> list[str]:
        """The required facts left out, as their prompts name them ("decree.effective_date")."""
        return [dotted(loc) for loc in self.holes]

    def warnings(self, printed: Sequence[str], supplied: Mapping[str, str]) -> list[Problem]:
        """One warning per fact the draft asks for: each required fact left out (in file
        order), then each optional fact `printed` as a prompt (in reading order). `printed`
        lists the fields the draft prints a prompt for; `supplied` maps a field to what the
        host decree puts in its place ("agency.short_name" → "the Department")."""
        required = [
            self.warning(
                loc, required=True, printed=dotted(loc) in printed, supplied=supplied.get(dotted(loc))
            )
            for loc in self.holes
        ]
        optional = [self.warning(undotted(f), required=False) for f in printed if f not in self.required]
        return _sorted(required) + optional

    def line(self, field: str) -> int | None:
        """The line of a dotted field ('metrics[0].target') in the file; a missing one's
        section's."""
        return position(self.root, undotted(field))[0]

    def warning(
        self, loc: Loc, *, required: bool, printed: bool = True, supplied: str | None = None
    ) -> Problem:
        """The one form of a draft's warning about a fact: where it belongs, whether a final
        build needs it, and what this draft shows in its place."""
        field = dotted(loc)
        missing = "required key is missing" if required else "not given"
        if supplied is not None:
            shown = f'the host decree supplies it in this draft ("{supplied}")'
        elif printed:
            shown = f"the draft prints [{field}] wherever it is used"
        else:
            shown = "this draft does not print it"
        final = ", but the final build needs it" if required and (supplied is not None or not printed) else ""
        line, column = position(self.root, loc)
        return Problem(self.file, line, column, field, f"{missing}; {shown}{final}")


def undotted(field: str) -> Loc:
    """'partners[2].kind' → ('partners', 2, 'kind'): the inverse of `dotted`."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", field))


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.field))


def load_inputs(path: Path) -> Inputs:
    """Read and validate an input file; raise InputError listing every problem."""
    return load_draft_inputs(path, draft=False)[0]


def load_draft_inputs(path: Path, *, draft: bool = True) -> tuple[Inputs, Asking]:
    """`load_inputs` for a --draft build: also what the draft asks for instead of refusing
    (the required facts left out), and where in the file each fact belongs."""
    root = read_yaml(path)
    inputs, problems, asking = validate_data(path, root, draft=draft)
    if problems or inputs is None or asking is None:
        raise InputError(problems)
    return inputs, asking


def check_file(path: Path) -> list[Problem]:
    """Every problem in an input file (empty when valid): `drafter validate`."""
    try:
        root = read_yaml(path)
    except InputError as exc:
        return exc.problems
    return validate_data(path, root)[1]
