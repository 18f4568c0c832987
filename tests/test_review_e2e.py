# mypy: disable-error-code="union-attr"
"""End to end: build each example with `drafter build`, review it (no error-level finding), then
damage a built directive the ways issue 4 lists, with python-docx edits, and check review names
each defect at the right printed paragraph number."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import ROOT
from docx.oxml.ns import qn
from ruamel.yaml import YAML

from drafter.docx.read import iter_paragraph_elements, read_docx
from drafter.review import review_file
from drafter.review.findings import walk

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _kind(example: Path) -> str:
    """The kind the input file asks for (`document.kind`); directive when it says nothing."""
    data = YAML(typ="safe").load(example.read_text(encoding="utf-8")) or {}
    return (data.get("document") or {}).get("kind") or "directive"


def _build(example: Path, out: Path) -> Path:
    from drafter.cli.main import main

    result = CliRunner().invoke(main, ["build", str(example), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("built")
    return {e.stem: _build(e, folder / f"{e.stem}.docx") for e in EXAMPLES}


@pytest.mark.parametrize("name", [e.stem for e in EXAMPLES])
def test_untouched_build_has_no_error_or_warning(built: dict[str, Path], name: str) -> None:
    """Every example's output reviews with 0 errors and 0 warnings (notes are for the reader)."""
    example = next(e for e in EXAMPLES if e.stem == name)
    report = review_file(built[name])
    assert report.kind == _kind(example)
    alarms = [
        f"{f.severity} {f.location.label()}: {f.message}"
        for f in report.findings
        if f.severity in ("error", "warning")
    ]
    assert alarms == []
    assert not [f for f in report.findings if f.check == "provenance.edited"]


def _labels(path: Path) -> dict[str, int]:
    """Printed decree number → body paragraph index, as review will see it."""
    return {i.label: i.index for i in walk(read_docx(path)) if i.label}


def _texts(el) -> list:
    return list(el.iter(qn("w:t")))


def _set_text(el, old: str, new: str) -> None:
    for t in _texts(el):
        if t.text and old in t.text:
            t.text = t.text.replace(old, new, 1)
            return
    raise AssertionError(f"{old!r} not found")


def test_damaged_directive_defects_are_named_at_their_paragraphs(
    built: dict[str, Path], tmp_path: Path
) -> None:
    src = built.get("lakeport") or next(built[e.stem] for e in EXAMPLES if _kind(e) == "directive")
    labels = _labels(src)
    items = {i.index: i for i in walk(read_docx(src))}
    document = docx.Document(str(src))
    elements = list(iter_paragraph_elements(document.element.body))
    tops = sorted(int(k) for k in labels if k.isdigit())
    expected: list[tuple[str, str]] = []

    def el(label: str):
        return elements[labels[label]]

    def plain_para(skip: set[str]) -> str:
        """A top-level decree paragraph with one plain sentence end to damage."""
        for n in tops[3:]:
            label = str(n)
            item = items[labels[label]]
            if (
                label not in skip
                and item.text.rstrip().endswith(".")
                and not any(t in item.text for t in ("(", "[", "Effective", "paragraph"))
            ):
                return label
        raise AssertionError("no plain paragraph")

    used: set[str] = set()
    # 1. a placeholder
    a = plain_para(used)
    used.add(a)
    _texts(el(a))[-1].text += " The City will report by [INSERT DATE]."
    expected.append(("blanks.placeholder", a))
    # 2. number words disagreeing with digits
    b = next(
        k for k in map(str, tops) if re.search(r"within \d+ days", items[labels[k]].text) and k not in used
    )
    used.add(b)
    for t in _texts(el(b)):
        if t.text and re.search(r"within \d+ days", t.text):
            t.text = re.sub(r"within \d+ days", "within thirty (60) days", t.text, count=1)
            break
    expected.append(("numbers.words-digits", b))
    # 3. a REF whose bookmark is gone
    ref_item = next(
        i
        for i in items.values()
        if i.label
        and any(getattr(c, "target", None) for c in getattr(i.block, "content", ()))
        and i.label not in used
    )
    target = next(c.target for c in ref_item.block.content if getattr(c, "target", None))
    for bm in document.element.body.iter(qn("w:bookmarkStart")):
        if bm.get(qn("w:name")) == target:
            bm.getparent().remove(bm)
    used.add(ref_item.label)  # type: ignore[arg-type]
    expected.append(("xref.missing-bookmark", ref_item.label))  # type: ignore[arg-type]
    # 4. a typed reference to a paragraph that does not exist
    c = plain_para(used)
    used.add(c)
    _texts(el(c))[-1].text += " See paragraph 999."
    expected.append(("xref.missing-paragraph", c))
    # 5. an impossible date
    d = plain_para(used)
    used.add(d)
    _texts(el(d))[-1].text += " The first meeting is on February 30, 2027."
    expected.append(("dates.impossible", d))
    # 6. a clause's words changed after drafting
    e = plain_para(used)
    used.add(e)
    _set_text(el(e), _texts(el(e))[0].text[:5], "EDITED " + _texts(el(e))[0].text[:5])
    clause = items[labels[e]].clause
    assert clause is not None
    # reported once per clause, at the clause's first paragraph
    expected.append(("provenance.edited", next(i.label for i in items.values() if i.clause is clause)))  # type: ignore[arg-type]
    # 7. an inserted paragraph whose list numbering jumps (a new list started at 400)
    f = str(tops[len(tops) // 2])
    numbering = document.part.numbering_part.element
    old_num = el(f).find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    abstract = (
        next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == old_num)
        .find(qn("w:abstractNumId"))
        .get(qn("w:val"))
    )
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.append(
        parse_xml(
            f'<w:num {ns} w:numId="9901"><w:abstractNumId w:val="{abstract}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="400"/></w:lvlOverride></w:num>'
        )
    )
    inserted = parse_xml(
        f'<w:p {ns}><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9901"/></w:numPr></w:pPr>'
        f"<w:r><w:t>The City will also keep minutes.</w:t></w:r></w:p>"
    )
    el(f).addnext(inserted)
    expected.append(("numbering.gap", "400"))

    # 8. a cross-reference pointed at its own paragraph
    own = next(
        i
        for i in items.values()
        if i.label
        and i.label not in used
        and i.label != ref_item.label
        and any(getattr(c, "target", None) for c in getattr(i.block, "content", ()))
    )
    used.add(own.label)  # type: ignore[arg-type]
    own_el = elements[own.index]
    own_el.find(qn("w:pPr")).addnext(
        parse_xml(f'<w:bookmarkStart {ns} w:id="9902" w:name="_Ref9999999999"/>')
    )
    instr = next(own_el.iter(qn("w:instrText")))
    instr.text = re.sub(r"_Ref\d+", "_Ref9999999999", instr.text)
    expected.append(("xref.self", own.label))  # type: ignore[arg-type]
    # 9. a defined term in the wrong case
    term_item = next(
        i
        for i in items.values()
        if i.label and i.label not in used and "Effective Date" in i.text and "means" not in i.text
    )
    used.add(term_item.label)  # type: ignore[arg-type]
    _set_text(elements[term_item.index], "Effective Date", "Effective date")
    expected.append(("terms.wrong-case", term_item.label))  # type: ignore[arg-type]
    # 10. a highlighted draft prompt
    g = plain_para(used)
    used.add(g)
    prompt = parse_xml(
        f'<w:r {ns}><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>[name of the liaison]</w:t></w:r>'
    )
    el(g).append(prompt)
    expected.append(("blanks.highlight", g))

    out = tmp_path / "damaged.docx"
    document.save(str(out))
    report = review_file(out)
    got = {(fd.check, fd.location.paragraph) for fd in report.findings}
    for check, label in expected:
        assert (check, label) in got, (check, label, sorted(x for x in got if x[0] == check))
