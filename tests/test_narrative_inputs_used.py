"""Every value a narrative's input gives shows in the narrative or changes it: a test changes
each leaf of each narrative example in turn and composes in-process (no .docx, no soffice).

A changed value must change the composed document, or be refused by validation (a narrative
has no place for it, or the change breaks a rule), or be listed in LINKS_ONLY with its reason.
A long text found word for word in the narrative already shows; only the others (numbers,
dates, flags, short words) are changed and recomposed, which keeps the test fast.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from ruamel.yaml import YAML

from drafter.compose.narrative import compose_narrative
from drafter.compose.profiles import load_profile
from drafter.errors import DrafterError
from drafter.inputs.loader import to_plain, validate_data
from drafter.inputs.narrative_fields import LINKS_ONLY
from drafter.library.clauses import load_library
from drafter.model import Table, iter_blocks, iter_paragraphs

EXAMPLES = ["millbrook-chp.yaml", "eastgate-cpd.yaml"]

Path_ = tuple[str | int, ...]


def leaves(node: Any, path: Path_ = ()) -> Iterator[Path_]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from leaves(value, (*path, i))
    else:
        yield path


def changed(value: Any) -> Any:
    """A different value of the same type."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    return f"{value} zz"


def pattern(path: Path_) -> str:
    return re.sub(
        r"\[\d+\]", "[]", ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path)
    ).replace(".[", "[")


def set_at(root: Any, path: Path_, value: Any) -> None:
    for key in path[:-1]:
        root = root[key]
    root[path[-1]] = value


def get_at(root: Any, path: Path_) -> Any:
    for key in path:
        root = root[key]
    return root


def document_text(document: Any) -> str:
    return (
        " ".join(p.text for p in iter_paragraphs(document.body))
        + " "
        + " ".join(
            cell.text
            for t in iter_blocks(document.body)
            if isinstance(t, Table)
            for row in t.rows
            for cell in row
        )
    )


def shows(value: Any, text: str) -> bool:
    """A long text that appears word for word (a first capital may be lowered mid-sentence)."""
    if not isinstance(value, str) or len(value) < 20:
        return False
    value = value.strip().rstrip(".")
    return value in text or (value[:1].lower() + value[1:]) in text


_PROFILES: dict[Path, Any] = {}


def profile(path: Path) -> Any:
    """Each profile file read once: reading YAML is most of a compose's time."""
    if path not in _PROFILES:
        _PROFILES[path] = load_profile(path)
    return _PROFILES[path]


def compose(root: Any, name: str, library: Any) -> Any | None:
    """The composed document, or None when validation (or the build) refuses the input."""
    inputs, problems, _ = validate_data(Path(name), root)
    if problems or inputs is None:
        return None
    try:
        composition, _, _ = compose_narrative(inputs, library)
    except DrafterError:
        return None
    return composition.document


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_value_appears_or_changes_the_narrative(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("drafter.compose.narrative.load_profile", profile)
    source = ROOT / "examples" / name
    root = to_plain(YAML(typ="rt").load(source.read_text()))
    library = load_library()
    base = compose(root, name, library)
    assert base is not None
    text = document_text(base)
    ignored: list[str] = []
    for path in leaves(root):
        if pattern(path) in LINKS_ONLY or shows(get_at(root, path), text):
            continue
        edited = copy.deepcopy(root)
        set_at(edited, path, changed(get_at(root, path)))
        document = compose(edited, name, library)
        if document is not None and document == base:
            ignored.append(pattern(path) + f" = {get_at(root, path)!r}")
    assert ignored == [], "\n".join(ignored)


def test_a_section_a_narrative_cannot_use_is_refused_at_its_line(tmp_path: Path) -> None:
    from drafter.inputs.loader import check_file

    source = ROOT / "examples" / "millbrook-chp.yaml"
    edited = tmp_path / "millbrook.yaml"
    edited.write_text(source.read_text() + "transparency:\n  citizen_academy: true\n")
    problems = [str(p) for p in check_file(edited)]
    line = len(edited.read_text().splitlines()) - 1
    assert problems == [
        f"{edited}:{line}:1: transparency: narratives do not use 'transparency'; "
        "state reporting under metrics and grant.evaluation"
    ]
