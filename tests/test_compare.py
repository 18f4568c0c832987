"""`drafter compare`: the other side's edits to a decree appear as exactly those native
revisions, renumbering does not, and accepting or rejecting every revision gives NEW or OLD.

OLD is built from an example; NEW is made by editing OLD's XML the way a lawyer edits in Word
(tests/compare_helpers.py), then its cross-references are refreshed as Word refreshes fields.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from compare_helpers import (
    accept_all,
    edit_docx,
    negotiate,
    refresh_references,
    reject_all,
    revision_paragraphs,
    w,
)
from conftest import CORPUS, ROOT
from docx_helpers import paragraph_texts, read_part
from lxml import etree
from soffice import convert_to_pdf, pdf_text

from drafter.cli.compare import compare as compare_cmd
from drafter.compare import compare
from drafter.compare.labels import mask_references

DRAFTER = str(Path(sys.executable).with_name("drafter"))


def _document(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def _masked(texts: list[str]) -> list[str]:
    return [mask_references(t) for t in texts]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("compare")
    old, new = out / "old.docx", out / "new.docx"
    result = subprocess.run(
        [DRAFTER, "build", str(ROOT / "examples" / "lakeport.yaml"), "-o", str(old)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    done: dict[str, list[str]] = {}
    edit_docx(old, new, lambda root: done.update(negotiate(root)))
    refresh_references(new)
    return {"old": old, "new": new, "done": done, "dir": out}


@pytest.fixture(scope="module")
def redline(pair: dict) -> dict:
    result = compare(pair["old"], pair["new"], author="Counsel for the City", date="2026-11-25")
    assert result.document is not None
    return {"result": result, "root": _document(result.document)}


def test_exactly_the_negotiated_edits_are_revisions(pair: dict, redline: dict) -> None:
    done, kinds = pair["done"], revision_paragraphs(redline["root"])
    assert sorted(kinds) == ["changed", "deleted", "inserted", "moved_from", "moved_to", "restyled"]
    assert sorted(kinds["changed"]) == sorted(done["changed"] + done["cell"])
    assert len(kinds["deleted"]) == 1 and kinds["deleted"][0] == done["deleted"][0]
    assert sorted(kinds["inserted"]) == sorted(done["inserted"])
    assert kinds["moved_from"] == done["moved"] and kinds["moved_to"] == done["moved"]
    assert kinds["restyled"] == done["restyled"]
    counts = redline["result"].revisions
    assert counts["paragraphs_inserted"] == 2 and counts["paragraphs_deleted"] == 1
    assert counts["moves"] == 1 and counts["paragraph_formatting"] == 1 and counts["run_formatting"] == 0
    total = redline["result"].totals()
    assert (total.paragraphs_changed, total.paragraphs_added, total.paragraphs_removed) == (6, 2, 1)
    assert (total.paragraphs_moved, total.paragraphs_restyled) == (1, 1)


def test_changed_paragraphs_carry_the_new_words_and_only_them(pair: dict, redline: dict) -> None:
    inserted = [
        "".join(t.text or "" for t in ins.iter(w("t")))
        for ins in redline["root"].iter(w("ins"))
        if ins.getparent().tag != w("rPr")
    ]
    assert "must" in inserted and "every" in inserted
    assert any("Independent" in t for t in inserted)


def test_no_revision_touches_a_renumbered_label_or_reference(redline: dict) -> None:
    root = redline["root"]
    marked = []
    for tag in ("ins", "del"):
        for el in root.iter(w(tag)):
            if el.getparent().tag in (w("rPr"), w("trPr")):
                continue
            text = "".join(t.text or "" for t in el.iter(w("t"), w("delText")))
            marked.append(text)
    assert marked and not [t for t in marked if re.fullmatch(r"\s*\d+\.?\s*", t)]
    result = redline["result"]
    assert result.paragraphs_renumbered > 100  # every paragraph after the deletion
    assert result.references_follow >= 10


def test_accept_all_gives_new_and_reject_all_gives_old(pair: dict, redline: dict) -> None:
    old, new = paragraph_texts(read_part(pair["old"])), paragraph_texts(read_part(pair["new"]))
    assert paragraph_texts(accept_all(redline["root"])) == new
    rejected = paragraph_texts(reject_all(redline["root"]))
    assert rejected != old  # the references follow NEW's numbers: not marked, so not rejected
    assert _masked(rejected) == _masked(old)


def test_show_renumbering_tracks_references_too_and_reject_all_is_exact(pair: dict) -> None:
    result = compare(pair["old"], pair["new"], show_renumbering=True)
    root = _document(result.document or b"")
    assert paragraph_texts(accept_all(root)) == paragraph_texts(read_part(pair["new"]))
    assert paragraph_texts(reject_all(root)) == paragraph_texts(read_part(pair["old"]))
    assert result.totals().paragraphs_changed > 6


def test_revisions_carry_author_date_and_unique_ids(redline: dict) -> None:
    root = redline["root"]
    revisions = [
        el for name in ("ins", "del", "moveFrom", "moveTo", "pPrChange") for el in root.iter(w(name))
    ]
    assert revisions
    assert {el.get(w("author")) for el in revisions} == {"Counsel for the City"}
    assert {el.get(w("date")) for el in revisions} == {"2026-11-25T00:00:00Z"}
    ids = [el.get(w("id")) for el in revisions]
    assert len(ids) == len(set(ids))
    assert all(el.tag != w("t") for d in root.iter(w("del")) for el in d.iter())


def test_content_controls_bookmarks_and_fields_are_kept(pair: dict, redline: dict) -> None:
    new = read_part(pair["new"])
    for tag in ("sdt", "bookmarkStart", "fldChar", "instrText"):
        assert len(list(redline["root"].iter(w(tag)))) >= len(list(new.iter(w(tag)))) > 0, tag


def test_libreoffice_converts_the_redline(pair: dict, redline: dict) -> None:
    path = pair["dir"] / "redline.docx"
    path.write_bytes(redline["result"].document)
    text = pdf_text(convert_to_pdf(path, pair["dir"] / "pdf"))
    assert "plain-language summary" in text and "Independent" in text
    import docx

    opened = docx.Document(str(path))  # python-docx opens it too
    texts = "".join(t.text or "" for t in opened.element.body.iter(w("t")))
    assert "plain-language summary" in texts and opened.paragraphs


def test_same_inputs_give_the_same_bytes(pair: dict) -> None:
    one = compare(pair["old"], pair["new"]).document
    two = compare(pair["old"], pair["new"]).document
    assert one == two


# --------------------------------------------------------------------------- the CLI


def test_cli_text_prints_a_summary_and_writes_nothing(pair: dict, tmp_path: Path) -> None:
    result = CliRunner().invoke(compare_cmd, [str(pair["old"]), str(pair["new"]), "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "paragraphs renumbered" in result.output and "references follow" in result.output
    assert "6 changed, 2 added, 1 removed, 1 moved, 1 restyled" in result.output
    assert not list(pair["dir"].glob("new-redline.docx"))


def test_cli_json_has_a_versioned_schema(pair: dict) -> None:
    result = CliRunner().invoke(compare_cmd, [str(pair["old"]), str(pair["new"]), "--format", "json"])
    data = json.loads(result.output)
    assert data["schema_version"] == 1
    assert data["totals"]["paragraphs_added"] == 2 and data["renumbering"]["tracked"] is False
    assert {"title", "paragraphs_changed", "words_inserted"} <= set(data["sections"][0])


def test_cli_writes_the_redline_and_keeps_an_existing_file(pair: dict, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    args = [str(pair["old"]), str(pair["new"]), "-o", str(out), "--author", "DOJ"]
    first = CliRunner().invoke(compare_cmd, args)
    assert first.exit_code == 0 and out.exists() and f"wrote {out}" in first.output
    again = CliRunner().invoke(compare_cmd, args)
    assert again.exit_code == 2 and "already exists" in again.output


def test_cli_refuses_bad_files_in_one_line(tmp_path: Path, pair: dict) -> None:
    junk = tmp_path / "junk.docx"
    junk.write_text("not a zip")
    for args in ([str(junk), str(pair["new"])], [str(pair["old"]), str(tmp_path / "missing.docx")]):
        result = CliRunner().invoke(compare_cmd, [*args, "-o", str(tmp_path / "x.docx")])
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
        assert not (tmp_path / "x.docx").exists()
    bad_date = CliRunner().invoke(compare_cmd, [str(pair["old"]), str(pair["new"]), "--date", "tomorrow"])
    assert bad_date.exit_code == 2 and "--date" in bad_date.output


# --------------------------------------------------------------------------- typed numbers

_SECTIONS = ("GENERAL PROVISIONS", "COMMUNITY ENGAGEMENT", "TRAINING", "ACCOUNTABILITY")


def _typed_decree(deleted: int | None, changed: int | None) -> str:
    """A decree with typed paragraph numbers and typed references, as plain text. With
    `deleted`, that paragraph is gone and every later number and reference shifts down."""
    rows = ["CONSENT DECREE", ""]
    paragraphs = list(range(1, 41))

    def number(n: int) -> int:
        return n - 1 if deleted is not None and n > deleted else n

    for i, n in enumerate(paragraphs):
        if i % 10 == 0:
            rows.append(f"{['I', 'II', 'III', 'IV'][i // 10]}. {_SECTIONS[i // 10]}")
        if n == deleted:
            continue
        ref = n + 7 if n + 7 <= 40 and n + 7 != deleted else 2
        text = f"{number(n)}. The City shall carry out duty number {n} as paragraph {number(ref)} requires"
        if n % 4 == 0:
            text += f", and report under paragraphs {number(38)}–{number(40)} and Section IV"
        if n == changed:
            text = text.replace("The City shall", "The City must promptly")
        rows.append(text + ".")
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def typed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from soffice import convert_to_docx

    out = tmp_path_factory.mktemp("typed")
    (out / "old.txt").write_text(_typed_decree(None, None), encoding="utf-8")
    (out / "new.txt").write_text(_typed_decree(3, 20), encoding="utf-8")
    return {
        "old": convert_to_docx(out / "old.txt", out),
        "new": convert_to_docx(out / "new.txt", out),
        "dir": out,
    }


def test_typed_numbers_deletion_renumbers_without_revisions(typed: dict) -> None:
    result = compare(typed["old"], typed["new"])
    root = _document(result.document or b"")
    kinds = revision_paragraphs(root)
    assert sorted(kinds) == ["changed", "deleted"]
    assert kinds["deleted"][0].startswith("3. The City shall carry out duty number 3")
    assert len(kinds["changed"]) == 1 and kinds["changed"][0].startswith("19. The City must promptly")
    assert result.paragraphs_renumbered == 37  # paragraphs 4–40 became 3–39
    assert result.references_follow >= 40
    old, new = paragraph_texts(read_part(typed["old"])), paragraph_texts(read_part(typed["new"]))
    assert paragraph_texts(accept_all(root)) == new
    strip = [re.sub(r"^\d+\. ", "#. ", t) for t in _masked(paragraph_texts(reject_all(root)))]
    assert strip == [re.sub(r"^\d+\. ", "#. ", t) for t in _masked(old)]
    path = typed["dir"] / "redline.docx"
    path.write_bytes(result.document or b"")
    text = pdf_text(convert_to_pdf(path, typed["dir"] / "pdf"))
    assert "promptly" in text and "duty number 40" in text


def test_typed_numbers_shown_on_request_and_reject_all_is_exact(typed: dict) -> None:
    result = compare(typed["old"], typed["new"], show_renumbering=True)
    root = _document(result.document or b"")
    assert paragraph_texts(accept_all(root)) == paragraph_texts(read_part(typed["new"]))
    assert paragraph_texts(reject_all(root)) == paragraph_texts(read_part(typed["old"]))
    assert len(revision_paragraphs(root)["changed"]) > 30


# --------------------------------------------------------------------------- foreign files

CORPUS_FILES = sorted(CORPUS.glob("*.docx"))


@pytest.mark.parametrize("index", range(0, len(CORPUS_FILES), 4), ids=lambda i: CORPUS_FILES[i].stem)
def test_corpus_pairs_give_a_redline_or_one_line(index: int) -> None:
    from drafter.errors import DrafterError

    old, new = CORPUS_FILES[index], CORPUS_FILES[(index + 1) % len(CORPUS_FILES)]
    try:
        result = compare(old, new)
    except DrafterError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    root = _document(result.document or b"")
    assert paragraph_texts(accept_all(root)) == paragraph_texts(read_part(new))


def test_a_document_with_tracked_changes_is_refused_in_one_line(
    pair: dict, redline: dict, tmp_path: Path
) -> None:
    marked = tmp_path / "marked.docx"
    marked.write_bytes(redline["result"].document)
    result = CliRunner().invoke(compare_cmd, [str(pair["old"]), str(marked), "--format", "text"])
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == f"{marked}: already has tracked changes; accept or reject them first, then compare"
    )


def test_identical_files_give_no_revisions(pair: dict) -> None:
    result = compare(pair["old"], pair["old"])
    assert not any(result.revisions.values())
    assert result.paragraphs_renumbered == 0 and not any(s.any_change() for s in result.sections)


def test_the_redline_never_overwrites_a_compared_document(pair: dict, tmp_path: Path) -> None:
    new = tmp_path / "new.docx"
    new.write_bytes(pair["new"].read_bytes())
    result = CliRunner().invoke(compare_cmd, [str(pair["old"]), str(new), "-o", str(new), "--force"])
    assert result.exit_code == 2 and "is one of the documents compared" in result.output
    assert new.read_bytes() == pair["new"].read_bytes()


def test_formatting_only_changes_are_rpr_changes(tmp_path: Path) -> None:
    import docx

    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    for path, bold in ((old, False), (new, True)):
        document = docx.Document()
        p = document.add_paragraph("The City ")
        p.add_run("shall").bold = bold
        p.add_run(" act within 30 days.")
        document.add_paragraph("Unchanged paragraph.")
        document.save(path)  # type: ignore[arg-type]
    result = compare(old, new, date="2026-01-01")
    root = _document(result.document or b"")
    assert result.revisions["run_formatting"] == 1 and result.revisions["text_insertions"] == 0
    assert result.totals().paragraphs_restyled == 1 and result.totals().paragraphs_changed == 0
    change = next(root.iter(w("rPrChange")))
    old_bold = change.find(f"{w('rPr')}/{w('b')}")
    assert change.getparent().find(w("b")) is not None
    assert old_bold is None or old_bold.get(w("val")) in ("0", "false")
    assert paragraph_texts(reject_all(root)) == paragraph_texts(accept_all(root))


# --------------------------------------------------------------------------- insert --redline


def test_insert_writes_the_exhibit_redline(tmp_path: Path) -> None:
    """`drafter insert … --redline`: the amended decree against the original shows the inserted
    directive and nothing else — the later paragraphs it renumbered and the references that
    follow them are not marked."""
    from decree_fixtures import directive, libreoffice_decree

    from drafter.cli.main import main

    decree, guest = libreoffice_decree(tmp_path / "decree.docx"), directive(tmp_path / "directive.docx")
    out, red = tmp_path / "amended.docx", tmp_path / "exhibit.docx"
    args = ["insert", str(decree), str(guest), "--after-paragraph", "5", "-o", str(out)]
    result = CliRunner().invoke(main, [*args, "--redline", str(red), "--author", "City of Brookhaven"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out} and {red}" in result.output
    root = read_part(red)
    kinds = revision_paragraphs(root)
    assert sorted(kinds) == ["inserted"], {k: v[:3] for k, v in kinds.items()}
    assert len(kinds["inserted"]) >= 4
    assert {el.get(w("author")) for el in root.iter(w("ins"))} == {"City of Brookhaven"}
    amended, original = paragraph_texts(read_part(out)), paragraph_texts(read_part(decree))
    assert paragraph_texts(accept_all(root)) == amended
    label = re.compile(r"^(\d+[A-Z]?|[IVXLC]+)\. ")
    rejected = paragraph_texts(reject_all(root))
    assert [label.sub("#. ", t) for t in _masked(rejected)] == [
        label.sub("#. ", t) for t in _masked(original)
    ]
