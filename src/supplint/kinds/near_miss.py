"""Kind `near-miss`: a row that matches no nutrient, but whose name is a typo away from one ("Zink", "Magnesum").

Such a row escapes every dose check silently, so it is worth a word. A name is compared word by word with the
alias table's names of the same number of words, starting with the same letter (typos rarely change the first
one): one edit (a letter added, dropped, changed, or two swapped) for names up to `long-name` letters, two above.
"Vitamin" followed by an unknown designator (Vitamin B Complex, Vitamin F) is a real name, not a typo; rows the
vocabulary names as plainly not nutrients (Calories, fish oil, botanicals, amino acids) never fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..label.resolve import Resolved
from ..reference.aliases import fold
from ..shipped import files as data
from ..shipped.patterns import compiled
from . import Hit, render
from .spec import RuleBase

FIELDS = frozenset({"row", "nutrient", "alias"})

_SOURCE = re.compile(r"\((?:as|from)\s+[^()]*\)", re.IGNORECASE)
_VITAMIN = re.compile(r"^vitamin [a-z0-9 ]+$")


class Spec(RuleBase):
    kind: Literal["near-miss"]
    vocabulary: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    plainly_not: re.Pattern  # words of rows that are not nutrients
    by_key: dict[tuple[int, str], list[tuple[str, str]]]  # (word count, first letter) → [(alias, nutrient)]
    long_name: int


@cache
def _vocabulary(path: str) -> Vocabulary:
    table = data.load(path)
    if not isinstance(table, dict) or not table.get("not-nutrients"):
        raise ValueError(f"{path} needs the list `not-nutrients`")
    # Longest first; words of one length in their own order, so the pattern is the same every run (its compiled form
    # is kept between runs: shipped/patterns.py).
    words = sorted({fold(str(entry["term"])) for entry in table["not-nutrients"]}, key=lambda w: (-len(w), w))
    plainly_not = compiled(r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in words) + r")(?![a-z0-9])")
    by_key: dict[tuple[int, str], list[tuple[str, str]]] = {}
    from ..reference.tables import reference

    for alias, (nutrient, _) in reference().aliases.entries.items():
        if nutrient and len(alias) >= 4 and alias[0].isalpha():
            by_key.setdefault((alias.count(" ") + 1, alias[0]), []).append((alias, nutrient))
    return Vocabulary(plainly_not, by_key, int(table.get("long-name", 8)))


VOCABULARY = _vocabulary  # the registry loads each rule's vocabulary file when the packs load


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    vocabulary = _vocabulary(rule.vocabulary)
    for row in resolved.rows:
        if row.nutrient is not None:
            continue
        found = near_miss(row.name, vocabulary)
        if found is None:
            continue
        alias, nutrient_id = found
        nutrient = resolved.reference.nutrients[nutrient_id]
        # "Zinc" says it; "pyridoxine (Vitamin B6)" says which spelling was meant and what it is
        shown = nutrient.name if alias == fold(nutrient.name) else f"{alias} ({nutrient.name})"
        fields = {"row": row.name, "nutrient": nutrient.name, "alias": shown}
        yield Hit((*row.path, "name"), render(rule.message, fields), render(rule.hint, fields))


def near_miss(name: str, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """(the alias, its nutrient id) that ``name`` is probably a misspelling of, or None."""
    folded = fold(_SOURCE.sub(" ", name))
    if not folded or vocabulary.plainly_not.search(folded):
        return None
    words = folded.split()
    for count in (2, 1):  # "vitamn c" before "vitamn": the longer reading names the nutrient
        if len(words) < count:
            continue
        head = " ".join(words[:count])
        if _VITAMIN.match(head) and words[0] == "vitamin":
            return None  # the word is right; an unknown designator is not a typo
        best: tuple[int, str, str] | None = None
        for alias, nutrient in vocabulary.by_key.get((count, head[0]), ()):
            allowed = 1 if len(alias) <= vocabulary.long_name else 2
            if abs(len(alias) - len(head)) > allowed:
                continue
            distance = edits(head, alias, allowed)
            if 0 < distance <= allowed and (best is None or distance < best[0]):
                best = (distance, alias, nutrient)
        if best is not None:
            return best[1], best[2]
    return None


def edits(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (insert, delete, substitute, swap two neighbours), stopping early once
    every path exceeds ``limit`` (then limit + 1)."""
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
