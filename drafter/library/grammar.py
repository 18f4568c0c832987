"""Articles, plurals, list punctuation and typographic quotes for clause text.

Clause authors write `{{ p.kind | a_an }} organization`; a hand rule ("an" before a vowel)
gets "an university" and "a hour" wrong, so articles and plurals come from inflect, which
knows the exceptions. Quotes and apostrophes are made typographic after rendering, because a
filing mixing straight and curly marks looks unedited; the pass changes glyphs only, never
words, so an input value keeps its meaning.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import inflect

from drafter.library.render import LITERAL, SENTINEL_CLOSE, SENTINEL_OPEN, literal


@lru_cache(maxsize=1)
def _engine() -> inflect.engine:
    return inflect.engine()


def a_an(phrase: Any) -> str:
    """'an immigrant serving', 'a university', 'an hour': the phrase with its indefinite article."""
    text = str(phrase)
    if not text:
        return text
    return _engine().a(text)


def plural(noun: Any, count: Any = 2) -> str:
    """'district' → 'districts', 'deputy' → 'deputies', 'patrol area' → 'patrol areas';
    with a count of 1 the noun stays singular."""
    text = str(noun)
    try:
        n = int(count)
    except (TypeError, ValueError):
        n = 2
    if n == 1 or not text:
        return text
    return str(_engine().plural_noun(text))


def item_end(loop: Any) -> str:
    """Punctuation closing an enumerated item: ';' … '; and' before the last item … '.'.

    One convention for every enumeration in a directive: `{{ loop | item_end }}` inside
    `{% for %}`."""
    if getattr(loop, "last", True):
        return "."
    if getattr(loop, "revindex", 0) == 2:
        return "; and"
    return ";"


def as_clause(sentence: Any) -> str:
    """A one-sentence input ('Runs evening jobs for teenagers.') as a clause that can follow
    'which' or 'that': first letter lowered (not in an acronym), final period dropped."""
    text = str(sentence).strip().rstrip(".").rstrip()
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


_OPEN_CONTEXT = r"(^|(?<=[\s(\[{\u2014\u2013/]))"
_SINGLE_OPEN = re.compile(_OPEN_CONTEXT + r"'(?=\w)")
_DOUBLE_OPEN = re.compile(_OPEN_CONTEXT + r'"')
_SENTINEL = re.compile(f"{SENTINEL_OPEN}[^{SENTINEL_CLOSE}]*{SENTINEL_CLOSE}")


def _curl(text: str, at_start: bool = True) -> str:
    if not at_start:  # after a sentinel a quote closes ("the [term]'s"): read it as mid-word
        return _curl("x" + text)[1:]
    text = _DOUBLE_OPEN.sub("\u201c", text)
    text = text.replace('"', "\u201d")
    if re.match(r"'\d\d\b", text) is None:
        text = _SINGLE_OPEN.sub("\u2018", text)
    return text.replace("'", "\u2019")


# the end of the text before a sentence starts: nothing, a sentence's end (with any closing
# quote, bracket or Markdown emphasis), or a new line with its list marker
_SENTENCE_START = re.compile(
    r"(?:[.!?][\u201d\u2019\"')*_]*\s+|\n[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+|\([a-z0-9]+\)[ \t]+)?)\Z"
)


def _starts_sentence(text_before: str) -> bool:
    return not text_before.strip() or _SENTENCE_START.search(text_before[-24:]) is not None


def _curl_literal(token: str, text_before: str) -> str:
    """A value from the input, set like the text around it: its quotes curled and, at the
    start of a sentence, a leading "the" capitalised (a decree's agency term "the Department"
    in "The Department shall …")."""
    prefix = f"{SENTINEL_OPEN}{LITERAL}:"
    if not token.startswith(prefix):
        return token
    value = bytes.fromhex(token[len(prefix) : -len(SENTINEL_CLOSE)]).decode("utf-8")
    changed = value
    if value.startswith("the ") and _starts_sentence(text_before):
        changed = "T" + value[1:]
    if "'" in value or '"' in value:
        before = text_before[-1:]
        at_start = before == "" or before.isspace() or before in "([{\u2014\u2013/"  # as _OPEN_CONTEXT
        changed = _curl(changed, at_start=at_start)
    return token if changed == value else literal(changed)


def typographic(text: str) -> str:
    """Straight quotes and apostrophes → curly ones ("LPD's" → "LPD’s"); text inside
    drafter's private sentinels (term names, clause ids) is left exactly as written. A value
    from the input (a LITERAL sentinel) is set the same way as the text around it, and is
    otherwise untouched: only its quotes change, and a leading "the" at a sentence start."""
    if "'" not in text and '"' not in text and f"{SENTINEL_OPEN}{LITERAL}:" not in text:
        return text
    out: list[str] = []
    last = 0
    for match in _SENTINEL.finditer(text):
        out.append(_curl(text[last : match.start()], at_start=last == 0))
        out.append(_curl_literal(match.group(0), text[: match.start()]))
        last = match.end()
    out.append(_curl(text[last:], at_start=last == 0))
    return "".join(out)
