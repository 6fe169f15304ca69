"""Helpers the text kinds share: the printed texts of a label with their paths, normalising wording for
comparison, and the dosage form (stated, or read from the serving size).

Not a kind (no ``Spec``), so kind discovery skips it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Literal

from ..label.model import Label
from ..reference.dosage_forms import form_named
from ..shipped.patterns import compiled

#: Label fields that hold printed text (a string, or a list of strings kept as a tuple).
TextField = Literal[
    "product", "identity", "warnings", "directions", "notes", "claims", "disclaimer", "allergens", "other_ingredients"
]

_SPACE = re.compile(r"\s+")
_LINKS = "*†‡§¶"
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u00a0": " ",
    }
)


# What `fold` changes beyond NFKC: typographic quotes and dashes to their ASCII forms, no-break and other odd spaces
# to a space, and characters that do not print (soft hyphen, zero-width space/joiners, word joiner, byte-order mark,
# and every other format character: direction marks, invisible separators) removed, so "sup\u00adplement" and
# "ﬁsh oil" read as the words they show. An em dash or a horizontal bar separates clauses, never the parts of a
# compound word, so it folds to a spaced hyphen: "doctor\u2014before use" is not "doctor-before".
_FOLD = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": " - ",
    "\u2015": " - ",
    "\u2212": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
}


def fold(text: str) -> str:
    """The text as matching should see it: NFKC (ligatures, full-width and compatibility forms), ASCII quotes and
    dashes, plain spaces, no invisible characters. ASCII text is returned as it is (the common case, no cost)."""
    return text if text.isascii() else fold_with_offsets(text)[0]


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """`fold` of ``text`` and, for each character of the result (and one past its end), the offset in ``text`` it
    came from, so a match in the folded text maps back to a page position. Folded character by character: NFKC of a
    whole string could also compose across characters, which matching does not need."""
    if text.isascii():
        return text, list(range(len(text) + 1))
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char.isascii():
            out.append(char)
            offsets.append(index)
            continue
        folded = _FOLD.get(char)
        if folded is None:
            folded = "" if unicodedata.category(char) == "Cf" else unicodedata.normalize("NFKC", char)
            folded = "".join(_FOLD.get(c, c) for c in folded)
        out.append(folded)
        offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return "".join(out), offsets


def texts(label: Label, field: str) -> list[tuple[tuple, str]]:
    """(path, text) for each printed text of a field: ("claims", 0) … for lists, ("disclaimer",) for a string.

    A list field written as one string is item 0; the engine points ("claims", 0) at that string's line."""
    value = getattr(label, field, None)
    if not value:
        return []
    if isinstance(value, tuple):
        return [((field, index), text) for index, text in enumerate(value)]
    return [((field,), value)]


def normalise(text: str) -> str:
    """Lower case, one space for any run of white space, straight quotes and hyphens, and no linking symbol
    (``*``, ``†``, ``‡``) at either end nor a final full stop: the form in which printed wording is compared
    with a statutory text."""
    text = _SPACE.sub(" ", text.translate(_TYPOGRAPHY).lower()).strip()
    return text.strip(_LINKS + " ").rstrip(".").rstrip(_LINKS + " ")


def first_difference(expected: list[str], found: list[str], context: int = 2) -> tuple[str, str]:
    """The first place two word lists differ, as ("words in found", "words in expected") with a little context.

    Extra words before or after the expected text in ``found`` are not differences (the statement may sit
    inside a longer warning)."""
    from difflib import SequenceMatcher

    ops = SequenceMatcher(None, expected, found, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if tag == "insert" and i1 in (0, len(expected)):
            continue  # text around the statement
        shown_found = _words(found, max(0, j1 - context), j2 + context)
        if j2 >= len(found) and i2 == len(expected) and i2 - i1 > j2 - j1:  # the text stops short
            shown_found += " [end]"
        return shown_found or "(nothing)", _words(expected, max(0, i1 - context), i2 + context) or "(nothing)"
    return "", ""


def _words(words: list[str], start: int, stop: int, most: int = 9) -> str:
    shown = words[start : min(stop, start + most)]
    return " ".join(shown) + (" …" if stop - start > most and start + most < len(words) else "")


def dosage_form(label: Label) -> str | None:
    """`form:` as stated; else the form the serving size names ("2 tablets" → tablet, "1 mL" → liquid)."""
    if label.form:
        return label.form
    return form_named(label.serving.size) if label.serving is not None else None


def alternation(patterns, flags: int = re.IGNORECASE) -> re.Pattern:
    """One regex matching any of ``patterns`` (regex fragments) as whole words, longest written first."""
    body = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    return compiled(rf"(?<![\w])(?:{body})(?![\w])", flags)


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of ``spans`` (sorted and not overlapping, as finditer gives them). Only
    the last span starting at or before ``start`` can hold it: a bisection instead of a test of every span, which
    made a text of many exempt phrases quadratic."""
    at = bisect_right(spans, (start, _MAX)) - 1
    return at >= 0 and spans[at][1] >= end


_MAX = float("inf")
