"""The whole drafting pipeline for one input file: read, check, compose, write.

Kept apart from the CLI so tests, batch builds and other tools call the same function, and
so the CLI stays a thin layer that parses options and prints.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.compose.directive import Composition, compose
from drafter.compose.profiles import LoadedProfile
from drafter.compose.section_limits import Measure
from drafter.decree.fit import DecreeFit, running_name
from drafter.errors import DrafterError, InputError, Problem
from drafter.inputs.loader import load_draft_inputs
from drafter.inputs.models import Inputs
from drafter.library.clauses import Library, load_library
from drafter.safe_write import check_target

if TYPE_CHECKING:
    from drafter.docx.reference import Reference  # python-docx: not on the start-up path


@dataclass(frozen=True)
class BuildResult:
    """What one build wrote, for the CLI to report."""

    source: Path
    output: Path
    composition: Composition
    profile: str | None = None
    """Narratives: the solicitation profile id the build followed."""
    measures: tuple[Measure, ...] = ()
    """Narratives: each limited section's size against its limit."""
    schedule: Path | None = None
    schedule_rows: int = 0
    pdf: Path | None = None
    pages: Measure | int | None = None
    """With --pdf: the page count (a Measure when the profile sets a page limit)."""
    notes: tuple[str, ...] = ()
    """Things the person should know that are not faults (styles a letterhead borrowed)."""


def default_output(source: Path, kind: str, out_dir: Path | None = None) -> Path:
    """`examples/lakeport.yaml` → `lakeport-directive.docx` (in out_dir, else the cwd)."""
    name = f"{source.stem}-{kind}.docx"
    return (out_dir / name) if out_dir is not None else Path(name)


def build(
    source: Path,
    output: Path | None = None,
    *,
    out_dir: Path | None = None,
    force: bool = False,
    library: Library | None = None,
    library_dirs: Sequence[Path] = (),
    reference_doc: Path | None = None,
    draft: bool = False,
    schedule: bool = False,
    pdf: bool = False,
    decree: Path | None = None,
    after_paragraph: str | None = None,
    after_heading: str | None = None,
    skip_covered: bool = False,
) -> BuildResult:
    """Draft the document `source` describes and save it atomically.

    Nothing is written unless every step succeeds; an existing output is replaced only
    with `force`. The library is the built-in one, then the input file's `library:` folder,
    then `library_dirs` (--library, DRAFTER_LIBRARY): later layers win. `library`, when
    given, is that stack already loaded for inputs without a `library:` key (a batch loads
    it once). `reference_doc` replaces the library's reference document for this kind.
    `draft` renders missing facts as highlighted prompts instead of failing.
    A narrative follows its solicitation profile and fails when a section is over its
    limit; `schedule` writes <stem>-schedule.csv; `pdf` writes <stem>.pdf and counts pages.
    `skip_covered` (with a decree) leaves out the clauses the decree already covers; the
    composition's `cover` says which, and the decree paragraph covering each.
    """
    from drafter.docx.reference import load_reference
    from drafter.docx.write import write_docx  # python-docx import is the slow part of start-up

    inputs, asking = load_draft_inputs(source, draft=draft)
    kind = str(inputs.document.kind)
    target = output if output is not None else default_output(source, kind, out_dir)
    check_target(target, force=force, inputs=[source])
    _check_extras_possible(source, inputs, schedule=schedule, pdf=pdf)
    if schedule:
        from drafter.compose.schedule import schedule_path

        check_target(schedule_path(target), force=force, inputs=[source])
    if inputs.library is not None:
        lib = load_library([source.parent / inputs.library, *library_dirs])
    else:
        lib = library if library is not None else load_library(list(library_dirs))
    # A letterhead borrows the styles it lacks from the library's reference of this kind.
    reference = (
        load_reference(reference_doc, defaults=lib.reference(kind))
        if reference_doc is not None
        else load_reference(lib.reference(kind))
    )
    loaded = None
    measures: list[Measure] = []
    supplied: dict[str, str] = {}  # a fact the host decree puts in place of the input's
    if kind == "narrative":
        from drafter.compose.narrative import compose_narrative

        if skip_covered:
            raise InputError(
                [
                    Problem(
                        str(source),
                        None,
                        None,
                        "",
                        "--skip-covered is for a directive drafted into a decree, not a narrative",
                    )
                ]
            )
        composition, loaded, measures = compose_narrative(
            inputs, lib, source=str(source), line_of=asking.line, draft=draft
        )
    else:
        inputs, fit = _fit_decree(source, inputs, decree, after_paragraph, after_heading, skip_covered)
        composition = compose(inputs, lib, draft=draft, fit=fit, skip_covered=skip_covered)
        if fit is not None and fit.agency_term:
            supplied["agency.short_name"] = inputs.agency.short_name
    if draft:
        from drafter.compose.prompts import highlight_prompts, prompted_fields

        composition.document = highlight_prompts(composition.document, asking.required)
        printed = prompted_fields(composition.document)
        composition.warnings[:0] = [str(p) for p in asking.warnings(printed, supplied)]
    write_docx(composition.document, target, reference, force=force, inputs=[source])
    note = reference.note()
    return _extras(
        BuildResult(
            source,
            target,
            composition,
            loaded.id if loaded else None,
            tuple(measures),
            notes=(note,) if note else (),
        ),
        inputs,
        loaded,
        schedule=schedule,
        pdf=pdf,
        force=force,
        reference=reference,
    )


_SKIP_NEEDS = "--skip-covered needs the decree: --decree DECREE.docx, or decree.file in the input"


def _fit_decree(
    source: Path,
    inputs: Inputs,
    decree: Path | None,
    after_paragraph: str | None,
    after_heading: str | None,
    skip_covered: bool = False,
) -> tuple[Inputs, DecreeFit | None]:
    """--decree (or decree.file): the host decree's numbers and words, applied to the inputs."""
    from drafter.decree.fit import fit_decree

    info = inputs.decree
    from_input = decree is None and info is not None and bool(info.file)
    if decree is None and info is not None and info.file:
        decree = source.parent / info.file
        after_paragraph = after_paragraph or info.after_paragraph
        after_heading = after_heading or info.after_heading
    if decree is None:
        if skip_covered:
            raise InputError([Problem(str(source), None, None, "", _SKIP_NEEDS)])
        if after_paragraph or after_heading:
            raise InputError(
                [Problem(str(source), None, None, "", "--after-paragraph/--after-heading need --decree")]
            )
        return inputs, None
    if info is None:
        raise InputError(
            [Problem(str(source), None, None, "decree", "--decree needs a 'decree' section in the input")]
        )
    if not (after_paragraph or after_heading):
        raise InputError(
            [
                Problem(
                    str(source),
                    None,
                    None,
                    "decree",
                    f"{decree}: say where the directive goes: --after-paragraph N or --after-heading TEXT",
                )
            ]
        )
    try:
        fit = fit_decree(decree, after_paragraph, after_heading)
    except DrafterError as exc:
        if from_input:
            raise _at_input_field(source, decree, exc, bool(after_paragraph)) from None
        raise exc.at(str(decree)) from None
    monitor = (
        info.monitor.model_copy(update={"title": fit.monitor_title}) if fit.monitor_title else info.monitor
    )
    info = info.model_copy(
        update={
            "start_paragraph": fit.start_paragraph,
            "start_section": fit.start_section,
            "monitor": monitor,
        }
    )
    agency = (
        inputs.agency.model_copy(update={"short_name": running_name(fit.agency_term)})
        if fit.agency_term
        else inputs.agency
    )
    return inputs.model_copy(update={"decree": info, "agency": agency}), fit


def _at_input_field(source: Path, decree: Path, error: DrafterError, by_paragraph: bool) -> InputError:
    """A decree named by the input (decree.file) that cannot be read, or has no such insertion
    point, is a problem at that line of the input, like any other field's."""
    from drafter.amend.plan import InsertError
    from drafter.inputs.loader import position, read_yaml

    if isinstance(error, InsertError):
        key = ("decree", "after_paragraph" if by_paragraph else "after_heading")
    else:
        key = ("decree", "file")
    line, column = position(read_yaml(source), key)
    message = "; ".join(error.at(str(decree)).lines())
    return InputError([Problem(str(source), line, column, ".".join(key), message)])


def _fill_toc_pages(result: BuildResult, reference: Reference, pdf: Path) -> bool:
    """Write the page of each heading (found in the first PDF) into the contents of the
    .docx; True when it changed, so the PDF is made again."""
    from drafter.docx.toc import toc_entries
    from drafter.docx.toc_pages import heading_pages, page_texts
    from drafter.docx.write import write_docx
    from drafter.model import TableOfContents

    doc = result.composition.document
    if not any(isinstance(b, TableOfContents) for b in doc.body):
        return False
    found = heading_pages(page_texts(pdf), toc_entries(doc))
    if not any(page is not None for page in found):
        return False
    body = tuple(
        dataclasses.replace(b, pages=tuple(found)) if isinstance(b, TableOfContents) else b for b in doc.body
    )
    write_docx(
        dataclasses.replace(doc, body=body), result.output, reference, force=True, inputs=[result.source]
    )
    return True


def _check_extras_possible(source: Path, inputs: Inputs, *, schedule: bool, pdf: bool) -> None:
    """Refuse --schedule or --pdf before anything is written when they cannot succeed, so a
    failed build leaves no partial output."""
    if schedule:
        from drafter.compose.schedule import schedule_start

        schedule_start(inputs.decree, source)
    if pdf:
        from drafter.docx.pdf import PdfError, find_soffice

        if find_soffice() is None:
            raise PdfError(
                f"{source}: --pdf needs LibreOffice (soffice), which is not installed; "
                "build without --pdf, or install LibreOffice"
            )


def _extras(
    result: BuildResult,
    inputs: Inputs,
    loaded: LoadedProfile | None,
    *,
    schedule: bool,
    pdf: bool,
    force: bool = False,
    reference: Reference | None = None,
) -> BuildResult:
    """--schedule and --pdf: files beside the document, made after it is written.

    A page count over the profile's limit fails the build (LimitError) after the .docx and
    .pdf are written, so the person can see where to cut.
    """
    if schedule:
        from drafter.compose.schedule import write_schedule

        path, rows = write_schedule(
            result.composition,
            inputs.decree,
            inputs.agency.short_name,
            result.output,
            force=force,
            inputs=[result.source],
        )
        result = dataclasses.replace(result, schedule=path, schedule_rows=len(rows))
    if pdf:
        from drafter.compose.section_limits import check_pages
        from drafter.docx.pdf import to_pdf

        pdf_path, pages = to_pdf(result.output)
        if reference is not None and _fill_toc_pages(result, reference, pdf_path):
            pdf_path, pages = to_pdf(result.output)
        result = dataclasses.replace(result, pdf=pdf_path, pages=pages)
        if loaded is not None:
            measure = check_pages(pages, loaded, str(pdf_path))
            result = dataclasses.replace(result, pages=measure or pages)
    return result
