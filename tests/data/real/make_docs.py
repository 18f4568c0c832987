"""Build the review test set: real legal texts as .docx, clean and with seeded defects.

Each `<case>.yaml` beside this file names a source text (sources/), the form a proofreader
meets it in (`typed`: numbers typed as text; `list`: Word list numbering), the findings a careful
human expects on the clean text, and six seeded defects, each with the finding it must raise.
The .docx files are generated (python-docx, fixed core properties), never committed: the licence
texts in sources/ are verbatim copies, and the seeded variants exist only as test fixtures.

    python tests/data/real/make_docs.py OUT_DIR     # writes every clean and seeded .docx

`score(out_dir)` reviews every document and returns precision and recall (used by
tests/test_review_realset.py and `make bench`).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# Findings a proofreading score counts: the errors and warnings of the families that proofread.
# Substance checks (community-policing elements, partnership, grant items) judge what a
# directive or narrative says, not whether the text is sound, and notes are advice.
SCORED_FAMILIES = ("blanks", "terms", "xref", "numbering", "numbers", "dates", "plain")
UNSCORED = {"plain.grade", "plain.long-sentence", "plain.jargon"}


@dataclass(frozen=True)
class Block:
    kind: str  # "title" (caption, signature lines), "heading", "heading2", "para"
    text: str


@dataclass(frozen=True)
class Case:
    name: str
    source: Path
    form: str
    kind: str
    expected: list[dict]
    seeds: list[dict]


def cases() -> list[Case]:
    out = []
    for path in sorted(HERE.glob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        out.append(
            Case(
                path.stem,
                HERE / data["source"],
                data.get("form", "typed"),
                data.get("kind", "other"),
                list(data.get("expected") or []),
                list(data.get("seeds") or []),
            )
        )
    return out


# --------------------------------------------------------------------------- reading sources


def parse_licence(text: str) -> list[Block]:
    """Plain-text licence: paragraphs are separated by blank lines; a short line in capitals
    ("NO WARRANTY", "0. PREAMBLE") is a heading; the title lines at the top are title lines."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in chunk.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        joined = " ".join(lines)
        letters = re.sub(r"[^A-Za-z]", "", joined)
        if not blocks and len(joined) < 120:
            blocks.extend(Block("title", ln) for ln in lines)
        elif len(joined) < 90 and letters and letters.upper() == letters and len(lines) <= 2:
            blocks.append(Block("heading", joined))
        else:
            blocks.append(Block("para", joined))
    return blocks


def parse_markup(text: str) -> list[Block]:
    """The fictional documents: "= " title line, "# " heading, "## " subheading, else a paragraph."""
    blocks = []
    for line in text.splitlines():
        if not line.strip():
            continue
        for prefix, kind in (("= ", "title"), ("## ", "heading2"), ("# ", "heading")):
            if line.startswith(prefix):
                blocks.append(Block(kind, line[len(prefix) :].strip()))
                break
        else:
            blocks.append(Block("para", line.strip()))
    return blocks


def load_blocks(case: Case) -> list[Block]:
    text = case.source.read_text(encoding="utf-8")
    return parse_markup(text) if case.source.stem.endswith(("agreement", "directive")) else parse_licence(text)


def seeded(blocks: list[Block], seeds: list[dict]) -> list[Block]:
    """Apply each seed's edits: `find`/`replace` inside the first paragraph containing `find`,
    or `after` (a snippet) / `insert` (a new paragraph after the one containing the snippet;
    `typed: true` keeps its typed number as text even in the `list` form)."""
    out = list(blocks)
    for seed in seeds:
        for edit in seed["edits"]:
            key = edit.get("find", edit.get("after"))
            i = next((i for i, b in enumerate(out) if key in b.text), None)
            if i is None:
                raise ValueError(f"seed text not found: {key!r}")
            if "find" in edit:
                out[i] = Block(out[i].kind, out[i].text.replace(edit["find"], edit["replace"], 1))
            else:
                out.insert(i + 1, Block("typed" if edit.get("typed") else "para", edit["insert"]))
    return out


# --------------------------------------------------------------------------- writing .docx

_TOP = re.compile(r"^(\d{1,3})\.\s+")
_SUB = re.compile(r"^\(?([a-z])\)\s+")


def _numbering(document: docx.document.Document, start: int, sub_text: str) -> int:
    """One list for the whole document: "%1." decimal from `start`, letters under it."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="77"><w:multiLevelType w:val="multilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{sub_text}"/>'
        '<w:pPr><w:ind w:left="1440" w:hanging="720"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    return 77


def write_docx(blocks: list[Block], path: Path, form: str) -> Path:
    """Write blocks as a .docx. In the `list` form, typed paragraph numbers ("3. ", "(a) ",
    "a) ") become Word list numbering that prints the same numbers."""
    document = docx.Document()
    props = document.core_properties
    props.created = props.modified = dt.datetime(2026, 1, 1)
    props.author = props.last_modified_by = "tests/data/real"
    num_id = None
    if form == "list":
        tops = [int(m.group(1)) for b in blocks if b.kind == "para" and (m := _TOP.match(b.text))]
        subs = [b.text for b in blocks if b.kind == "para" and _SUB.match(b.text)]
        sub_text = "(%2)" if any(s.startswith("(") for s in subs) else "%2)"
        num_id = _numbering(document, tops[0] if tops else 1, sub_text)
    for block in blocks:
        if block.kind == "title":
            p = document.add_paragraph(block.text)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind in ("heading", "heading2"):
            document.add_heading(block.text, level=1 if block.kind == "heading" else 2)
        else:
            text, level = block.text, None
            if num_id is not None and block.kind == "para":
                if m := _TOP.match(text):
                    text, level = text[m.end() :], 0
                elif m := _SUB.match(text):
                    text, level = text[m.end() :], 1
            p = document.add_paragraph(text)
            if level is not None:
                p._p.get_or_add_pPr().append(
                    parse_xml(
                        f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
                    )
                )
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def build(out_dir: Path) -> list[tuple[Case, bool, Path]]:
    """Write every case clean and seeded; returns (case, seeded?, path) for each."""
    made = []
    for case in cases():
        blocks = load_blocks(case)
        made.append((case, False, write_docx(blocks, out_dir / f"{case.name}.docx", case.form)))
        made.append(
            (case, True, write_docx(seeded(blocks, case.seeds), out_dir / f"{case.name}-seeded.docx", case.form))
        )
    return made


# --------------------------------------------------------------------------- scoring


def scored(findings) -> list:
    return [
        f
        for f in findings
        if f.severity in ("error", "warning")
        and f.check.split(".")[0] in SCORED_FAMILIES
        and f.check not in UNSCORED
    ]


def match(findings, expected: list[dict], texts: list[str]) -> tuple[list, list]:
    """Pair findings with expectations: same rule, and the snippet in the paragraph the finding
    points to (or in its quote). Returns (unmatched findings, missed expectations)."""
    left = list(findings)
    missed = []
    for exp in expected:
        hit = next(
            (
                f
                for f in left
                if f.check == exp["rule"]
                and (
                    exp["snippet"] in (f.location.quote or "")
                    or (f.location.index is not None and exp["snippet"] in texts[f.location.index])
                )
            ),
            None,
        )
        if hit is None:
            missed.append(exp)
        else:
            left.remove(hit)
    return left, missed


def score(out_dir: Path) -> dict:
    """Review every document; precision = findings a human expects / findings reported,
    recall = expected findings reported / expected. Also lists what went wrong, per file."""
    from drafter.docx.read import read_docx
    from drafter.review import review_file
    from drafter.review.findings import walk

    reported = correct = expected_n = found_n = 0
    problems: dict[str, dict] = {}
    for case, is_seeded, path in build(out_dir):
        report = review_file(path)
        texts = [i.text for i in walk(read_docx(path))]
        expected = case.expected + ([{"rule": s["rule"], "snippet": s["snippet"]} for s in case.seeds] if is_seeded else [])
        findings = scored(report.findings)
        extra, missed = match(findings, expected, texts)
        reported += len(findings)
        correct += len(findings) - len(extra)
        expected_n += len(expected)
        found_n += len(expected) - len(missed)
        if extra or missed or report.kind != case.kind:
            problems[path.name] = {
                "kind": report.kind,
                "false_alarms": [f"{f.check} {f.location.label()}: {f.message}" for f in extra],
                "missed": missed,
            }
    return {
        "precision": correct / reported if reported else 1.0,
        "recall": found_n / expected_n if expected_n else 1.0,
        "reported": reported,
        "expected": expected_n,
        "problems": problems,
    }


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "build/real")
    for _case, _seeded, made in build(target):
        print(made)
