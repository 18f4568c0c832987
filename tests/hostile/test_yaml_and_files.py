"""Every YAML and text file drafter reads is bounded: alias bombs, deep nesting, size, bad
bytes, and files that are not files end in one located line and exit 2."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from harness import MINILIB, MINIMAL, drafter, library_with, listing

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)
"""324 bytes, a billion strings once expanded."""


def _input(folder: Path, text: str, name: str = "city.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["validate", "build"])
def test_alias_bomb_in_an_input(tmp_path: Path, command: str) -> None:
    source = _input(
        tmp_path,
        MINIMAL.read_text(encoding="utf-8")
        + "x_bomb:\n"
        + "".join("  " + line + "\n" for line in BOMB.splitlines()),
    )
    before = listing(tmp_path)
    drafter(command, source).refused(str(source), "aliases", "50,000")
    assert listing(tmp_path) == before


def test_alias_bomb_in_clause_front_matter(tmp_path: Path) -> None:
    front = (
        "---\nid: custom.bomb\ntitle: B\nversion: 1\nkinds: [directive]\nx:\n"
        + "".join("  " + line + "\n" for line in BOMB.splitlines())
        + "---\nText.\n"
    )
    clause = library_with(tmp_path, "", front=front)
    drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", tmp_path / "o.docx").refused(
        str(clause), "aliases"
    )
    assert not (tmp_path / "o.docx").exists()
    result = drafter("library", "check", tmp_path / "lib")
    assert "Traceback" not in result.stderr and "aliases" in result.stdout + result.stderr


def test_alias_bomb_in_an_outline(tmp_path: Path) -> None:
    library_with(tmp_path, "Text.")
    outline = tmp_path / "lib" / "templates" / "directive" / "outline.yaml"
    outline.write_text(
        outline.read_text(encoding="utf-8")
        + "x:\n"
        + "".join("  " + line + "\n" for line in BOMB.splitlines()),
        encoding="utf-8",
    )
    drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", tmp_path / "o.docx").refused(
        str(outline), "aliases"
    )


def test_a_reasonable_alias_still_works(tmp_path: Path) -> None:
    text = (
        MINIMAL.read_text(encoding="utf-8")
        .replace("    root_causes: [absentee owners]", "    root_causes: *causes")
        .replace(
            "    root_causes: [neglected rental housing]",
            "    root_causes: &causes [neglected rental housing]",
        )
    )
    source = _input(tmp_path, text)
    drafter("validate", source).ok()


def test_merge_key_with_a_bad_value(tmp_path: Path) -> None:
    source = _input(tmp_path, MINIMAL.read_text(encoding="utf-8").replace("agency:\n", "agency:\n  <<: 5\n"))
    drafter("validate", source).refused(f"{source}:11:", "merge")


def test_nesting_deeper_than_the_limit(tmp_path: Path) -> None:
    for depth in (100, 5000):
        source = _input(
            tmp_path, MINIMAL.read_text(encoding="utf-8") + "x: " + "[" * depth + "]" * depth + "\n"
        )
        drafter("validate", source).refused(str(source), "nested more than 64 levels")


def test_input_larger_than_the_limit(tmp_path: Path) -> None:
    source = _input(tmp_path, MINIMAL.read_text(encoding="utf-8") + "#" * 300_000 + "\n")
    drafter("build", source).refused(str(source), "larger than the limit of 262,144 bytes")
    assert listing(tmp_path) == ["city.yaml"]


def test_non_utf8_input_names_the_line(tmp_path: Path) -> None:
    source = tmp_path / "city.yaml"
    source.write_bytes(MINIMAL.read_bytes().replace(b"Testville Police", b"Testville \xe9Police"))
    drafter("validate", source).refused(f"{source}:11:", "not UTF-8")


def test_a_yaml_tag_is_refused(tmp_path: Path) -> None:
    source = _input(
        tmp_path,
        MINIMAL.read_text(encoding="utf-8").replace(
            "name: Testville Police Department", "name: !!python/object/apply:os.system [touch pwned]"
        ),
    )
    drafter("validate", source).refused(str(source))
    assert not (tmp_path / "pwned").exists()


def test_clause_file_not_utf8(tmp_path: Path) -> None:
    clause = library_with(tmp_path, "Text.")
    clause.write_bytes(clause.read_bytes() + b"caf\xe9\n")
    drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", tmp_path / "o.docx").refused(
        f"{clause}:9:", "not UTF-8"
    )


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_clause_file_that_is_not_a_file(tmp_path: Path, kind: str) -> None:
    clause = library_with(tmp_path, "Text.")
    clause.unlink()
    if kind == "fifo":
        os.mkfifo(clause)
    else:
        clause.symlink_to("/dev/zero")
    drafter("build", MINIMAL, "--library", tmp_path / "lib", "-o", tmp_path / "o.docx").refused(
        str(clause), "not a regular file"
    )
    assert not (tmp_path / "o.docx").exists()


def test_input_that_is_a_fifo(tmp_path: Path) -> None:
    source = tmp_path / "city.yaml"
    os.mkfifo(source)
    drafter("validate", source).refused(str(source), "not a regular file")


def test_profile_alias_bomb(tmp_path: Path) -> None:
    shutil.copytree(MINILIB, tmp_path / "lib")
    profiles = tmp_path / "lib" / "templates" / "narrative" / "profiles"
    profiles.mkdir(parents=True)
    bomb = profiles / "bomb.yaml"
    bomb.write_text(BOMB, encoding="utf-8")
    document = tmp_path / "d.docx"
    drafter("build", MINIMAL, "-o", document).ok()
    drafter("review", document, "--profile", bomb).refused(str(bomb), "aliases")
