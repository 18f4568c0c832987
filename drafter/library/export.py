"""`drafter library export DIR`: a copy of the built-in library for legal staff to edit.

The people who own the wording are lawyers, not programmers: they get every clause,
outline, profile and reference document as plain files in a folder of their own, with a
README in plain words, and point builds at it with `--library DIR` (or `library:` in the
input file). The installed package is never edited, so an upgrade never overwrites their
wording, and `library check` tells them what a change broke.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import OutputError
from drafter.library.clauses import builtin_dirs
from drafter.safe_write import make_folder, write_atomic

IGNORED = shutil.ignore_patterns("__pycache__", "__init__.py", "*.pyc")

README = """\
# Your clause library

This folder holds the wording and the look of the documents drafter writes. Change them
here, in any text editor and in Word; you never need to touch Python. drafter uses this
folder when you build with it:

    drafter build city.yaml --library {folder}

or when the input file says `library: {folder}` (a path relative to the input file). A
folder given with `--library` (or the `DRAFTER_LIBRARY` setting) is laid over the one named
in the input file, and both are laid over the clauses that come with drafter.

## What is here

| path | what it is |
| --- | --- |
| `clauses/<topic>/<name>.md` | One clause per file: its settings, then its text. |
| `clauses/_terms.yaml` | Defined terms: `Term: definition`. |
| `clauses/library.lock` | The version and a fingerprint of every clause's text (see "Versions"). |
| `templates/<kind>/outline.yaml` | The order of a document: its sections and which clauses fill them. |
| `templates/<kind>/reference.docx` | The Word styles, margins, header, footer and letterhead. |
| `templates/narrative/profiles/` | The limits of each grant solicitation (narratives). |

A clause here **replaces** the built-in clause with the same `id`. A clause with a new `id`
is **added** (an outline must name it, or name one of its `topics`, for it to appear). An
outline here replaces the built-in outline of its kind. You may delete every file you do
not mean to change: drafter then uses its own.

## How a clause file is laid out

```markdown
---
id: partnership.root-causes
title: Partners chosen for their capacity to address root causes
version: 2
kinds: [directive]
topics: [partnership]
when: partners | length > 0
status: approved
sources: ["COPS Office, Community Policing Defined (2014)"]
---
{{{{ agency.short_name }}}} {{{{ modal }}}} choose each {{{{ term('Community Partner') }}}} for what it
can do about the causes of crime, not for help with arrests.
```

The part between the two `---` lines is the clause's *settings*:

| setting | meaning |
| --- | --- |
| `id` | A unique name, `topic.name`, lower case, with dots and hyphens. |
| `title` | A short title, shown by `drafter library list`. |
| `version` | A whole number. **Add 1 every time you change the wording.** |
| `kinds` | Which documents may use it: `directive`, `narrative`, or both. |
| `topics` | Tags; an outline can pull in every clause of a topic. |
| `when` | Optional: a condition on the input file. The clause is left out when it is false. |
| `status` | `draft` or `approved`. |
| `sources` | Where the obligation comes from (decrees, COPS guidance, statutes). |
| `legal_review` | `true` when counsel must review it before filing. |

After the second `---` comes the text. Paragraphs are separated by a blank line; in a
directive **each paragraph becomes one numbered paragraph** of the decree. Under a
paragraph, a list numbered `1.`, `2.` becomes (a), (b); indent it three spaces under an item
for (i), (ii). A list with `-` becomes bullets. `**bold**` and `*italic*` work, and so do
simple tables (`| a | b |` rows with a `|---|---|` line under the first).

## `when`: leaving a clause out

`when` is a test on the input file. Examples:

- `when: community_body` — only if the input describes a commission or task force;
- `when: communities | length > 0` — only if at least one community is listed;
- `when: transparency.citizen_academy` — only if the agency runs a citizen academy;
- `when: decree.start_paragraph > 1` — only if the directive continues a longer decree.

No `when` means the clause is always used.

## Values from the input file

`{{{{ agency.short_name }}}}` prints a value from the input file; `{{{{ jurisdiction.name }}}}`,
`{{{{ decree.monitor.title }}}}` and `{{{{ community_body.name }}}}` work the same way. Loop over a
list with `{{% for p in partners %}} … {{% endfor %}}`, and test with `{{% if … %}} … {{% endif %}}`.

| write | you get |
| --- | --- |
| `{{{{ modal }}}}` | The verb the input chose: `will`, `shall` or `agrees to`. |
| `{{{{ area }}}}`, `{{{{ areas }}}}` | What the agency calls its units: "district", "districts". |
| `{{{{ ref('training.curriculum') }}}}` | The number of that clause's first paragraph, as a live Word cross-reference. |
| `{{{{ term('Effective Date') }}}}` | A defined term; the Definitions section lists every term used. |
| `{{{{ days(180) }}}}` | "within 180 days of the Effective Date"; the deadline also goes into the schedule. |

Filters change a value: `{{{{ partners | map(attribute='name') | join_and }}}}`.

| filter | example | result |
| --- | --- | --- |
| `join_and` | `['a','b','c'] \\| join_and` | "a, b, and c" |
| `join_or` | `['a','b'] \\| join_or` | "a or b" |
| `long_date` | `decree.effective_date \\| long_date` | "January 15, 2026" |
| `money` | `125000 \\| money` | "$125,000" |
| `count` | `30 \\| count` | "thirty (30)" |
| `upper_first` | `'quarterly' \\| upper_first` | "Quarterly" |

A value the input file does not have stops the build with the clause file, its line and
the missing name. To circulate a first draft anyway, build with `--draft`: each missing
fact appears as a yellow `[bracketed prompt]` to fill in later.

Clauses cannot read files, import code, or reach into the program: `{{% include %}}`,
`{{% import %}}` and names beginning with `_` are refused with the line where they appear.

## Versions: bump `version` when the wording changes

Every Word document drafter writes records, around each clause, `id@version`. Reviewers use
it to tell which wording a draft carries, so **whenever you change a clause's text, add 1
to its `version`**. `drafter library check {folder}` compares every clause with
`clauses/library.lock` and reports a clause whose text changed while its version did not.
When the changes are deliberate and the versions bumped, record them:

    drafter library check {folder} --update-lock

## Check your work

    drafter library check {folder}

lists every problem with its file and line: a setting misspelled, a `{{{{` not closed, a
value the input file cannot have, a `ref()` to a clause that does not exist, two files with
the same `id`, a clause no outline reaches. Errors stop a build; warnings are advice.

## Restyle the document in Word

Open `templates/directive/reference.docx` (or `narrative`) in Word. Change the *styles* —
Home ▸ Styles ▸ right-click "Decree Paragraph" (or "Normal", "Heading 1"…) ▸ Modify — and
the page set-up, header, footer or letterhead. Keep every style's name: drafter looks styles
up by name and tells you which one is missing. The text in the reference document's body is
ignored. Save, then build again. To try a style without changing the library, use
`drafter build city.yaml --reference-doc my-letterhead.docx`.
"""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, for the CLI to report."""

    folder: Path
    files: int


def export_library(folder: Path, force: bool = False) -> ExportResult:
    """Copy the built-in clauses/ and templates/ into `folder`, with a README for legal staff.

    A folder that already holds files is refused unless `force` (then files are replaced
    and others left alone), so an export never silently overwrites someone's wording.
    """
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise OutputError(f"{folder}: the folder is not empty (use --force to copy over it)")
    clauses, templates = builtin_dirs()
    make_folder(folder)
    written = 0
    for source_root, name in ((clauses, "clauses"), (templates, "templates")):
        for source in _files(source_root):
            target = folder / name / source.relative_to(source_root)
            make_folder(target.parent, inside=folder)
            write_atomic(target, source.read_bytes(), force=True)
            written += 1
    write_atomic(folder / "README.md", README.format(folder=folder.name or "."), force=True)
    return ExportResult(folder, written + 1)


def _files(root: Path) -> list[Path]:
    """The files `copytree(ignore=IGNORED)` would copy, in a stable order."""
    out: list[Path] = []
    for current, dirs, names in os.walk(root):
        ignored = IGNORED(current, [*dirs, *names])
        dirs[:] = sorted(d for d in dirs if d not in ignored)
        out.extend(Path(current) / n for n in sorted(names) if n not in ignored)
    return out
