"""Solicitation profiles: one YAML file per COPS program and fiscal year.

A solicitation sets the narrative's sections, their order and headings, the question each
answers, limits (characters, words, pages), formatting and scoring weights, and these change
every year. Keeping each year as data (`templates/narrative/profiles/<program>-<fy>.yaml`)
means adding a year is adding a file. The profile also says which clauses fill each section:
the profile *is* the narrative's outline, because a solicitation's section list is exactly
what an outline would repeat, and two files that must agree would drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from drafter.errors import LibraryError, ProfileNotFound
from drafter.inputs.loader import dotted, position, to_plain
from drafter.library.clauses import Library, Outline, OutlineSection
from drafter.model import PageFormat
from drafter.safe_yaml import YamlFileError, load_yaml_file

Unit = Literal["words", "characters"]
T = TypeVar("T")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Formatting(_Strict):
    """What the solicitation requires of the page; absent keys keep the reference document's."""

    font: str | None = Field(None, description="Font family, e.g. 'Times New Roman'.")
    size: float | None = Field(None, ge=8, le=16, description="Font size in points.")
    line_spacing: float | None = Field(None, ge=1, le=3, description="1 single, 2 double.")
    margins: float | None = Field(None, ge=0.5, le=2, description="Margins in inches, all sides.")
    page_numbers: bool | None = Field(None, description="Pages must be numbered.")

    def page_format(self) -> PageFormat:
        return PageFormat(self.font, self.size, self.line_spacing, self.margins, self.page_numbers)


class ProfileSection(_Strict):
    """One section of the narrative, as the solicitation asks for it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Short id, e.g. 'problem'.")
    heading: str = Field(min_length=1, description="Heading printed in the narrative.")
    question: str = Field(min_length=1, description="What the solicitation asks this section to answer.")
    clauses: list[str] = Field(default_factory=list, description="Clause ids that fill it, in order.")
    topics: list[str] = Field(default_factory=list, description="Topics whose narrative clauses fill it.")
    limit: dict[Unit, int] | None = Field(
        None, description="At most this many words or characters (spaces included) in the section."
    )
    weight: float | None = Field(None, ge=0, le=100, description="Scoring weight, percent, where known.")
    usc_10382c: list[int] = Field(
        default_factory=list, description="Items of 34 U.S.C. § 10382(c) this section should answer."
    )

    @model_validator(mode="after")
    def _filled(self) -> ProfileSection:
        if not self.clauses and not self.topics:
            raise ValueError("a section lists 'clauses' or 'topics' to fill it")
        if any(not 1 <= item <= 11 for item in self.usc_10382c):
            raise ValueError("usc_10382c items are numbered 1 to 11")
        return self


class Profile(_Strict):
    """One solicitation: program, fiscal year, sections, limits and format."""

    program: str = Field(min_length=1, description="Program, as in grant.program (e.g. 'CHP').")
    fiscal_year: int = Field(ge=2000, le=2100)
    title: str = Field(min_length=1, description="Title printed on the narrative.")
    source: str = Field(min_length=1, description="Where the figures come from (solicitation, year).")
    verified: bool = Field(
        False, description="True once every figure was checked against the published solicitation."
    )
    format: Formatting = Field(default_factory=Formatting)
    limits: dict[Literal["pages", "words", "characters"], int] = Field(
        default_factory=dict, description="Limits on the whole narrative (pages checked with --pdf)."
    )
    sections: list[ProfileSection] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Profile:
        ids = [s.id for s in self.sections]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"section ids repeat: {', '.join(dup)}")
        return self

    @property
    def required_10382c(self) -> list[int]:
        """Every § 10382(c) item some section should answer."""
        return sorted({item for s in self.sections for item in s.usc_10382c})

    def outline(self) -> Outline:
        """The narrative outline this profile implies: its sections, in order."""
        return Outline(
            kind="narrative",
            title=self.title,
            sections=[
                OutlineSection(heading=s.heading, clauses=s.clauses, topics=s.topics) for s in self.sections
            ],
        )


@dataclass(frozen=True)
class LoadedProfile:
    id: str
    profile: Profile
    path: Path


def load_profile(path: Path) -> LoadedProfile:
    """Read and validate one profile file; problems name the file and line."""
    try:
        data = load_yaml_file(path, round_trip=True)
    except YamlFileError as exc:
        raise LibraryError(str(exc)) from None
    if not isinstance(data, dict):
        raise LibraryError(f"{path}:1: a profile is a mapping (program:, fiscal_year:, sections:, …)")
    try:
        profile = Profile.model_validate(to_plain(data))
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if isinstance(p, int) or not str(p).startswith("function-"))
            line, _ = position(data, loc)
            msg = str(err["msg"]).removeprefix("Value error, ")
            lines.append(f"{path}:{line or 1}: {dotted(loc) or 'profile'}: {msg}")
        raise LibraryError("\n".join(lines)) from None
    expected = f"{profile.program}-{profile.fiscal_year}".lower()
    if path.stem != expected and not path.stem.startswith(expected + "-"):
        line, _ = position(data, ("program",))
        raise LibraryError(
            f"{path}:{line or 1}: program: a {profile.program} FY{profile.fiscal_year} profile is named "
            f"'{expected}.yaml' (or '{expected}-<variant>.yaml'), not '{path.name}'"
        )
    return LoadedProfile(path.stem, profile, path)


def profile_paths(library: Library) -> dict[str, Path]:
    """Profile id → its file, over the library's profile folders (a later folder replaces
    by id); nothing is parsed, so a build reads only the profile it follows."""
    found: dict[str, Path] = {}
    for folder in library.profile_dirs:
        for path in sorted(folder.glob("*.yaml")):
            found[path.stem] = path
    return found


def load_profiles(library: Library) -> dict[str, LoadedProfile]:
    """Every profile in the library's profile folders, validated (library check)."""
    return {name: load_profile(path) for name, path in profile_paths(library).items()}


def find_profile(name: str, library: Library) -> LoadedProfile | None:
    """The profile `name` names — a profile file's path, or an id found in the library's
    profile folders (built-in, then each --library layer) exactly as build finds it — or None.
    A profile file that exists but is invalid raises LibraryError naming its line."""
    direct = Path(name)
    if direct.suffix in (".yaml", ".yml") and direct.is_file():
        return load_profile(direct)
    path = profile_paths(library).get(name.lower())
    return load_profile(path) if path is not None else None


def profile_id(program: str, fiscal_year: int) -> str:
    return f"{program}-{fiscal_year}".lower()


def select_profile(
    profiles: Mapping[str, T], program: str, fiscal_year: int, explicit: str | None = None
) -> T:
    """The profile a grant asks for: `explicit` (grant.profile), else '<program>-<fy>'."""
    wanted = explicit or profile_id(program, fiscal_year)
    if wanted in profiles:
        return profiles[wanted]
    available = ", ".join(sorted(profiles)) or "none"
    how = f"grant.profile '{explicit}'" if explicit else f"{program} FY{fiscal_year} ('{wanted}')"
    raise ProfileNotFound(
        f"no solicitation profile for {how}; available: {available}. Add "
        f"templates/narrative/profiles/{wanted}.yaml (copy the closest year) or set grant.profile"
    )
