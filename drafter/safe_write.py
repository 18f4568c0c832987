"""The one way drafter writes a file: build, --schedule, review --annotate, compare, schema -o,
init, library export and library check --update-lock all call `write_atomic`.

What it guarantees, and why:
- the data goes to a temporary file created exclusively (O_EXCL, random name) in the target's
  own folder, is fsync'ed, given mode 0644 and renamed over the target: a reader never sees
  half a file, a failed build never destroys the previous one, and no fixed temporary name
  can be pre-planted as a symlink;
- an existing target is replaced only with `force`; without it the rename is a hard link,
  which fails if another writer got there first;
- the target must be a regular file or absent, never a symlink (which would write through
  it) nor a device, FIFO or folder (`-o /dev/full --force` once replaced the device node);
- a file named in `inputs` (the input being built, the document being reviewed) is never
  written, under any name that reaches it (hard or symbolic);
- the temporary file is removed on any error and on SIGTERM, SIGINT and SIGHUP, after which
  the signal's usual effect follows.
Every refusal is an OutputError naming the path.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from drafter.errors import OutputError

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))
_pending: set[str] = set()


def check_target(path: Path, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Refuse, before any work is done, a target that `write_atomic` would refuse."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    for source in inputs:
        if _same_file(path, Path(source)):
            raise OutputError(f"{path}: is an input of this command; drafter never overwrites its inputs")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise OutputError(f"{path}: is a symbolic link; drafter does not write through links")
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{path}: is a folder; give a file name")
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"{path}: is not a regular file (a device, FIFO or socket); choose a file name")
        if not force:
            raise OutputError(f"{path}: already exists; use --force to replace it")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist; create it or choose another path")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write in folder {folder} (permission denied)")


def write_atomic(path: Path, data: bytes | str, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Write `data` (text is UTF-8) to `path` as described in the module docstring."""
    path = Path(path)
    inputs = list(inputs)
    check_target(path, force=force, inputs=inputs)
    blob = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name: str | None = None
    try:
        with _removed_on_signal() as pending:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
            pending.add(tmp_name)
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp_name, 0o644)
            check_target(path, force=force, inputs=inputs)  # again: the folder may have changed
            if force:
                os.replace(tmp_name, path)
            else:
                try:
                    os.link(tmp_name, path)
                except FileExistsError:
                    raise OutputError(f"{path}: already exists; use --force to replace it") from None
                except OSError:  # a file system without hard links
                    os.replace(tmp_name, path)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            _pending.discard(tmp_name)


def make_folder(folder: Path, *, inside: Path | None = None) -> None:
    """Create `folder` (and its parents) or refuse in one line; below `inside`, every part
    must be a real folder, not a link (an export must not write through a planted link)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{folder}: exists and is not a folder") from None
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the folder: {exc.strerror or exc}") from None
    if inside is not None:
        part = Path(inside)
        for name in folder.relative_to(inside).parts:
            part = part / name
            if part.is_symlink() or not part.is_dir():
                raise OutputError(f"{part}: is a link or not a folder; drafter does not write through links")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _on_signal(signum: int, frame: Any) -> None:
    for name in list(_pending):
        with contextlib.suppress(OSError):
            os.unlink(name)
    _pending.clear()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


@contextlib.contextmanager
def _removed_on_signal() -> Iterator[set[str]]:
    """Register temporary files for removal if a catchable signal ends the process."""
    if threading.current_thread() is not threading.main_thread():
        yield _pending
        return
    previous = {sig: signal.signal(sig, _on_signal) for sig in SIGNALS}
    try:
        yield _pending
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
