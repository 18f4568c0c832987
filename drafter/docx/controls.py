"""Block-level content controls (ECMA-376 Part 1, 17.5.2: ``w:sdt``), document variables
(17.15.1.31: ``w:docVars`` in settings.xml) and review comments (17.13.4: the comments part).

Each library clause is wrapped in a ``w:sdt`` whose ``w:tag`` is ``clause:<id>@<version>``,
so a reviewer sees where boilerplate starts and ends and ``drafter review`` can tell which
clause a paragraph came from. There is deliberately no ``w:alias``: LibreOffice 25.2 crashes
on PDF export when a REF field points into an aliased control (docs/design-facts.md). The clause's text
digest is stored as a document variable ``drafter:<id>`` = ``<version>:<digest>``; document
variables survive editing in Word and are invisible to the reader of a filing.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from lxml import etree

from drafter.docx.fields import W, el, settings_child, sub

LEGAL_REVIEW_TEXT = (
    "Legal review required: this clause concerns immigration; have counsel review it before filing."
)
COMMENT_AUTHOR = "drafter"


def clause_tag(clause_id: str, version: int) -> str:
    """The ``w:tag`` value that carries a clause's provenance."""
    return f"clause:{clause_id}@{version}"


def content_control(
    control_id: int, clause_id: str, version: int, children: Iterable[etree._Element]
) -> etree._Element:
    """A block-level ``w:sdt`` holding `children` (paragraphs, tables, nested controls).

    `control_id` must be unique in the document; the writer numbers controls in order so
    the id is the same on every build (Word would pick a random one).
    """
    sdt = el("sdt")
    pr = sub(sdt, "sdtPr")
    sub(pr, "tag", {"val": clause_tag(clause_id, version)})
    sub(pr, "id", {"val": str(control_id)})
    content = sub(sdt, "sdtContent")
    content.extend(children)
    if len(content) == 0:
        # An empty block-level control is invalid; Word expects at least one paragraph.
        sub(content, "p")
    return sdt


def set_doc_vars(settings: etree._Element, variables: Iterable[tuple[str, str]]) -> None:
    """Record (name, value) pairs as ``w:docVar`` children of ``w:docVars``, replacing any
    variable of the same name (a reference document might carry stale ones)."""
    pairs = list(variables)
    if not pairs:
        return
    doc_vars = settings_child(settings, "docVars")
    existing = {v.get(W + "name"): v for v in doc_vars.findall(W + "docVar")}
    for name, value in pairs:
        node = existing.get(name)
        if node is None:
            node = sub(doc_vars, "docVar", {"name": name})
            existing[name] = node
        node.set(W + "val", value)


def digest_variable(clause_id: str, version: int, digest: str) -> tuple[str, str]:
    """The docVar recording the text digest a clause had when drafted."""
    return f"drafter:{clause_id}", f"{version}:{digest}"


def add_comment(
    docx_document: object,
    paragraph: etree._Element,
    text: str,
    when: _dt.datetime,
    author: str = COMMENT_AUTHOR,
) -> int:
    """Attach a Word comment spanning `paragraph`'s content; returns the comment id.

    The comment itself goes into the comments part through python-docx (which creates the
    part and its relationship); the range markers and the reference run are placed here
    because the paragraph is an lxml element not yet wrapped by python-docx.
    """
    comment = docx_document.comments.add_comment(  # type: ignore[attr-defined]
        text=text, author=author, initials=author[:1].upper()
    )
    # python-docx stamps the current time; a reproducible build needs the document's date.
    comment._comment_elm.date = when.replace(tzinfo=None)  # noqa: SLF001
    comment_id = str(comment.comment_id)
    start = el("commentRangeStart", {"id": comment_id})
    ppr = paragraph.find(W + "pPr")
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(el("commentRangeEnd", {"id": comment_id}))
    ref_run = sub(paragraph, "r")
    rpr = sub(ref_run, "rPr")
    sub(rpr, "rStyle", {"val": "CommentReference"})
    sub(ref_run, "commentReference", {"id": comment_id})
    return int(comment_id)


def first_paragraph(elements: Iterable[etree._Element]) -> etree._Element | None:
    """The first ``w:p`` in document order among `elements` (descending into controls and
    tables), where a clause-level comment is anchored."""
    for node in elements:
        if node.tag == W + "p":
            return node
        found = next(node.iter(W + "p"), None)
        if found is not None:
            return found
    return None
