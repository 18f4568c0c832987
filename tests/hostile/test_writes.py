"""Nothing is lost: inputs are never written, outputs never clobbered without --force, never
written through links or onto anything but regular files, and no temporary file survives."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from harness import MINIMAL, drafter, listing


def _copy_input(folder: Path, name: str = "s.yaml") -> Path:
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(MINIMAL, target)
    return target


def test_build_never_overwrites_its_input(tmp_path: Path) -> None:
    source = _copy_input(tmp_path)
    before = source.read_bytes()
    direct = drafter("build", source, "-o", source, "--force")  # refused as not .docx, too
    assert direct.code == 2 and "Traceback" not in direct.stderr
    hard = tmp_path / "hard.docx"
    os.link(source, hard)
    drafter("build", source, "-o", hard, "--force").refused(str(hard), "is an input")
    link = tmp_path / "alias.docx"
    link.symlink_to(source)
    drafter("build", source, "-o", link, "--force").refused(str(link))
    assert source.read_bytes() == before


def test_two_inputs_with_one_name_in_a_batch_are_refused_before_writing(tmp_path: Path) -> None:
    a, b = _copy_input(tmp_path / "a"), _copy_input(tmp_path / "b")
    out = tmp_path / "out"
    drafter("build", a, b, "--out-dir", out).refused("would both write s-<kind>.docx")
    assert not out.exists() or listing(out) == []


def test_annotate_and_schedule_keep_existing_files_without_force(tmp_path: Path) -> None:
    source = _copy_input(tmp_path)
    document = tmp_path / "s.docx"
    drafter("build", source, "-o", document).ok()
    existing = tmp_path / "reviewed.docx"
    existing.write_bytes(b"my work")
    drafter("review", document, "--annotate", existing).refused(str(existing), "--force")
    assert existing.read_bytes() == b"my work"
    schedule = tmp_path / "s-schedule.csv"
    schedule.write_text("my schedule", encoding="utf-8")
    drafter("build", source, "-o", document, "--force", "--schedule").ok()  # --force covers both
    assert schedule.read_text(encoding="utf-8") != "my schedule"
    schedule.write_text("my schedule", encoding="utf-8")
    document.unlink()
    drafter("build", source, "-o", document, "--schedule").refused(str(schedule), "--force")
    assert schedule.read_text(encoding="utf-8") == "my schedule" and not document.exists()


def test_a_planted_link_at_a_temporary_name_is_not_followed(tmp_path: Path) -> None:
    source = _copy_input(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (tmp_path / ".s-schedule.csv.tmp").symlink_to(victim)
    drafter("build", source, "-o", tmp_path / "s.docx", "--schedule").ok()
    assert victim.read_text(encoding="utf-8") == "precious"


def test_library_export_does_not_write_through_links(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    dest = tmp_path / "lib"
    dest.mkdir()
    (dest / "clauses").symlink_to(victim)
    drafter("library", "export", dest, "--force").refused("clauses", "link")
    assert list(victim.iterdir()) == []
    (dest / "clauses").unlink()
    (dest / "README.md").symlink_to(tmp_path / "elsewhere.md")
    drafter("library", "export", dest, "--force").refused("README.md", "link")
    assert not (tmp_path / "elsewhere.md").exists()


def test_output_onto_a_device_or_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "out.docx"
    os.mkfifo(fifo)
    drafter("build", MINIMAL, "-o", fifo, "--force").refused(str(fifo), "not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    drafter("schema", "-o", "/dev/full", "--force").refused("/dev/full", "not a regular file")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize(
    "command",
    [
        ("build", str(MINIMAL), "--out-dir", "{blocked}/out"),
        ("build", str(MINIMAL), "-o", "{blocked}/x.docx"),
        ("schema", "-o", "{blocked}/schema.json"),
        ("library", "export", "{blocked}/lib"),
        ("init", "{blocked}/city"),
    ],
    ids=["out-dir", "output", "schema", "export", "init"],
)
def test_unwritable_paths_are_one_line(tmp_path: Path, command: tuple[str, ...]) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    args = [part.format(blocked=blocked) for part in command]
    drafter(*args).refused(str(blocked))
    assert listing(tmp_path) == ["a-file"]


def test_annotate_into_a_missing_folder(tmp_path: Path) -> None:
    document = tmp_path / "s.docx"
    drafter("build", MINIMAL, "-o", document).ok()
    drafter("review", document, "--annotate", tmp_path / "no" / "such" / "r.docx").refused("does not exist")


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from drafter import safe_write\n"
        "real = os.fsync\n"
        "def stop(fd):\n"
        "    real(fd)\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "safe_write.os.fsync = stop\n"
        "safe_write.write_atomic(Path(sys.argv[1]), b'x' * 100000, force=False)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path / "out.docx")], check=False)
    assert proc.returncode == -signal.SIGTERM
    assert listing(tmp_path) == []
