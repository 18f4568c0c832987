"""The redline as a file: NEW's package with its main part replaced, zipped deterministically
by drafter's package writer; and the defaults that keep it deterministic (the revision date
comes from the documents, never the clock, unless the user asks for "now")."""

from __future__ import annotations

import datetime as _dt
import io
import os
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

from drafter.compare.engine import Engine, Options
from drafter.compare.extract import Body, read_body
from drafter.compare.summary import Comparison
from drafter.docx.package import FALLBACK_DATE, normalize_package, strip_random_ids
from drafter.docx.read_package import W, _local
from drafter.errors import DocxReadError, DrafterError

DEFAULT_AUTHOR = "drafter"
_MARKS = {"ins": "paragraphs_inserted", "del": "paragraphs_deleted"}
_ROWS = {"ins": "rows_inserted", "del": "rows_deleted"}
_RUNS = {"ins": "text_insertions", "del": "text_deletions"}
_OTHER = {
    "moveFromRangeStart": "moves",
    "pPrChange": "paragraph_formatting",
    "rPrChange": "run_formatting",
}
REVISION_KINDS = sorted({*_MARKS.values(), *_ROWS.values(), *_RUNS.values(), *_OTHER.values()})


class CompareError(DrafterError):
    """A comparison cannot be made (a bad --date, say); one line, exit code 2."""


def parse_date(value: str | None, new: Body) -> str:
    """The w:date of every revision, ISO 8601 in UTC: --date as given ("now" for the clock),
    else NEW's last-modified (or created) core property, else SOURCE_DATE_EPOCH, else a fixed
    date — so that comparing the same files twice gives the same bytes."""
    if value:
        if value.strip().lower() == "now":
            when = _dt.datetime.now(_dt.timezone.utc)
        else:
            try:
                when = _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError:
                raise CompareError(
                    f"--date: {value!r} is not an ISO date (e.g. 2026-11-25 or 2026-11-25T14:30:00Z)"
                ) from None
        return _iso(when)
    core = _core(new)
    for name in ("modified", "created"):
        text = core.get(name, "")
        try:
            return _iso(_dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            continue
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _iso(_dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc))
    return _iso(FALLBACK_DATE)


def _iso(when: _dt.datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return when.astimezone(_dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _core(body: Body) -> dict[str, str]:
    try:
        root = body.pkg.xml("docProps/core.xml")
    except DocxReadError:
        return {}
    if root is None:
        return {}
    return {_local(el): (el.text or "").strip() for el in root}


def compare(
    old: Path,
    new: Path,
    *,
    author: str | None = None,
    date: str | None = None,
    show_renumbering: bool = False,
    redline: bool = True,
) -> Comparison:
    """Compare OLD with NEW. With `redline`, `Comparison.document` holds the redline's bytes.

    Raises DocxReadError (a file drafter refuses to read, with the reason) or CompareError.
    """
    old_body = _read(old, "OLD")
    try:
        new_body = _read(new, "NEW")
    except DrafterError:
        old_body.pkg.zf.close()
        raise
    try:
        options = Options(author or DEFAULT_AUTHOR, parse_date(date, new_body), show_renumbering)
        engine = Engine(old_body, new_body, options)
        engine.run()
        result = Comparison(
            old=str(old),
            new=str(new),
            author=options.author,
            date=options.date,
            show_renumbering=show_renumbering,
            sections=engine.sections,
            paragraphs_renumbered=engine.renumbered,
            references_follow=engine.renumbering.followed,
            revisions=_count(new_body.root),
        )
        if redline:
            result.document = _package(new_body)
        return result
    finally:
        old_body.pkg.zf.close()
        new_body.pkg.zf.close()


def _read(path: Path, role: str) -> Body:
    try:
        return read_body(path)
    except DocxReadError as exc:
        raise DocxReadError(f"{path}: {exc}") from None


def _count(root: etree._Element) -> dict[str, int]:
    """Revisions in the redline by kind: a paragraph mark, a table row, a stretch of text, a
    move (one per moved paragraph), a formatting change."""
    counts: Counter[str] = Counter()
    tags = [f"{{{W}}}{name}" for name in (*_RUNS, *_OTHER)]
    for el in root.iter(*tags):
        name = _local(el)
        parent = _local(el.getparent()) if el.getparent() is not None else ""
        if name in _RUNS:
            table = _MARKS if parent == "rPr" else _ROWS if parent == "trPr" else _RUNS
            counts[table[name]] += 1
        elif name in _OTHER:
            counts[_OTHER[name]] += 1
    return {name: counts.get(name, 0) for name in REVISION_KINDS}


def _package(body: Body) -> bytes:
    """NEW's parts as they were (read through the safe reader), the main part replaced."""
    strip_random_ids(body.root)
    main = etree.tostring(body.root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name in body.pkg.names:
            data = main if name == body.part else body.pkg.read(name)
            if data is not None:
                zf.writestr(name, data)
    return normalize_package(buf.getvalue(), strip_ids=False)


def redline_file(
    old: Path,
    new: Path,
    out: Path,
    *,
    author: str | None = None,
    date: str | None = None,
    show_renumbering: bool = False,
    force: bool = False,
) -> Comparison:
    """Compare OLD with NEW and write the redline to `out` atomically (an existing file only
    with `force`). The one call other commands use — `drafter insert … --redline` writes the
    amended decree's redline against the original with it."""
    from drafter.docx.package import atomic_write

    for given in (old, new):
        if Path(out).exists() and Path(given).exists() and Path(out).resolve() == Path(given).resolve():
            raise CompareError(f"{out}: is one of the documents compared; choose another output")
    result = compare(old, new, author=author, date=date, show_renumbering=show_renumbering)
    assert result.document is not None
    atomic_write(Path(out), result.document, force)
    return result
