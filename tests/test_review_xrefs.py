from __future__ import annotations

from review_helpers import doc, heading

from drafter import model as m
from drafter.review import xrefs


def _p(n: str, *content, bookmark=None) -> m.Paragraph:
    return m.Paragraph(tuple(content), numbering="decree", number=n, bookmark=bookmark)


def _got(document):
    return [(f.check, f.severity, f.location.paragraph) for f in xrefs.check(document)]


def test_ref_to_missing_bookmark_and_self_and_stale() -> None:
    d = doc(
        heading("Partnerships", number="IV"),
        _p("212", m.Run("Meet partners."), bookmark="_Ref1"),
        _p("213", m.Run("As in paragraph "), m.CrossRef("_Ref9", "212"), m.Run(".")),
        _p("214", m.Run("See paragraph "), m.CrossRef("_Ref14", "214"), m.Run("."), bookmark="_Ref14"),
        _p("215", m.Run("See paragraph "), m.CrossRef("_Ref1", "211"), m.Run(".")),
    )
    got = _got(d)
    assert ("xref.missing-bookmark", "error", "213") in got
    assert ("xref.self", "warning", "214") in got
    assert ("xref.stale", "warning", "215") in got


def test_typed_references_to_missing_paragraphs_and_sections() -> None:
    d = doc(
        heading("Partnerships", number="IV"),
        heading("Plans", level=2, number="A"),
        _p("212", m.Run("Under paragraph 999 and ¶ 213, act.")),
        _p("213", m.Run("Paragraphs 212–215 apply; see Section IV.B and Section IV.A.")),
        _p(
            "214",
            m.Run(
                "Paragraph 15 of the Agreement, and paragraph 12, still apply; so does 34 U.S.C. Section 10382."
            ),
        ),
    )
    got = _got(d)
    assert got.count(("xref.missing-paragraph", "error", "212")) == 1
    assert ("xref.missing-paragraph", "error", "213") in got  # 215 in the range is missing
    assert ("xref.missing-section", "error", "213") in got  # IV.B
    # "paragraph 12" sits below this directive's first paragraph: it may be the decree's (a note)
    assert [g for g in got if g[2] == "214"] == [("xref.outside", "note", "214")]
    messages = " ".join(f.message for f in xrefs.check(d))
    assert "paragraph 999" in messages and "Section IV.B, which" in messages
    assert "Section IV.A, which" not in messages and "Section IV.A refers to itself" in messages


def test_arabic_sections_are_found_only_when_asked() -> None:
    """Decree insertion rewrites Roman sections only; review asks for "Section 14" too."""
    from drafter.decree.references import find_references

    text = "As Sections 2 through 4 and section 9d say, and 42 U.S.C. Section 10382(c), see Section IV."
    assert [r.targets for r in find_references(text)] == [("IV",)]
    found = [(r.kind, r.targets) for r in find_references(text, arabic_sections=True)]
    assert found == [("section", ("2", "3", "4")), ("section", ("9d",)), ("section", ("IV",))]
