"""Sections over a solicitation's limits (words, characters, pages).

Limits come from a profile (templates/narrative/profiles/<id>.yaml, written with the grant
templates: `sections: [{id, heading, limit: {words|characters|pages: N}}]`) or from the caller as
{heading: (unit, limit)}. Pages are estimated from words at the working default for narratives
(12-point font, double spacing, 1-inch margins: about 275 words a page); the estimate says so.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from ruamel.yaml import YAML

from drafter.model import Document, Heading, sections
from drafter.review.findings import Finding, Location, walk

WORDS_PER_PAGE = 275
Limits = dict[str, tuple[str, int]]


def _norm(heading: str) -> str:
    text = re.sub(r"^\s*(?:[IVXLC]+|[A-Z]|\d+)[.)]\s+", "", heading)
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def profile_path(profile: str) -> Path | None:
    """Where a profile id (or a path to a profile file) lives, or None."""
    direct = Path(profile)
    if direct.suffix in (".yaml", ".yml") and direct.is_file():
        return direct
    repo = Path(__file__).resolve().parents[2] / "templates" / "narrative" / "profiles" / f"{profile}.yaml"
    if repo.is_file():
        return repo
    try:
        packaged = resources.files("drafter._templates").joinpath(f"narrative/profiles/{profile}.yaml")
        if packaged.is_file():
            return Path(str(packaged))
    except (ModuleNotFoundError, FileNotFoundError, TypeError):
        pass
    return None


def load_profile(profile: str) -> Limits | None:
    """The {heading: (unit, limit)} a profile sets, or None when no such profile exists."""
    path = profile_path(profile)
    if path is None:
        return None
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    limits: Limits = {}
    for sec in data.get("sections", []) or []:
        limit = sec.get("limit") or {}
        for unit in ("words", "characters", "pages"):
            if unit in limit and sec.get("heading"):
                limits[str(sec["heading"])] = (unit, int(limit[unit]))
                break
    return limits


def measure(text: str, unit: str) -> float:
    words = len(text.split())
    if unit == "words":
        return words
    if unit == "characters":
        return len(text)
    return words / WORDS_PER_PAGE


def check(doc: Document, limits: Limits) -> list[Finding]:
    if not limits:
        return []
    wanted = {_norm(h): (h, unit, n) for h, (unit, n) in limits.items()}
    items = walk(doc)
    index_of = {id(i.block): i for i in items}
    findings: list[Finding] = []
    done: set[str] = set()
    for level in (1, 2):
        for sec in sections(doc, level):
            if not isinstance(sec.heading, Heading) or sec.heading.level != level:
                continue
            key = _norm(sec.heading.text)
            if key not in wanted or key in done:
                continue
            done.add(key)
            heading, unit, limit = wanted[key]
            body = Document(doc.meta, sec.blocks)
            text = "\n".join(i.text for i in walk(body) if not i.skip)
            used = measure(text, unit)
            if used > limit:
                item = index_of.get(id(sec.heading))
                shown = f"about {used:.1f}" if unit == "pages" else f"{int(used)}"
                findings.append(
                    Finding(
                        "limits.over",
                        "error",
                        f'Section "{heading}" has {shown} {unit}; the limit is {limit}.',
                        f"Cut it to {limit} {unit} or fewer"
                        + (" (estimated at 275 words a double-spaced page)." if unit == "pages" else "."),
                        item.loc(sec.heading.text) if item else Location(section=heading),
                    )
                )
    return findings
