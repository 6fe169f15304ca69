"""Matching printed names and `as` forms to nutrient ids and form tags (rules/data/aliases.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..shipped.memo import Memo
from ..shipped.patterns import compiled

_FOLD = re.compile(r"[^a-z0-9]+")
# "Chloride (as potassium chloride)": the parenthesis names the source, as `as` does; it must not name the nutrient.
_SOURCE = re.compile(r"\((?:as|from)\s+([^()]*)\)", re.IGNORECASE)
_GREEK = str.maketrans({"α": " alpha ", "β": " beta ", "γ": " gamma ", "δ": " delta "})


def fold(text: str) -> str:
    """Lower-case, spell out α/β, and make every run of other characters one space: "MK-7" → "mk 7"."""
    return _FOLD.sub(" ", text.lower().translate(_GREEK)).strip()


@dataclass(frozen=True, slots=True)
class Match:
    nutrient: str | None
    forms: frozenset[str]


NO_MATCH = Match(None, frozenset())
#: Distinct (name, as, nutrient) rows remembered. 10,000 generated labels have under 200; real ones name rows in far
#: more ways (DSLD records spell each product's rows their own way) and a miss costs a scan of the alias pattern, so
#: the bound is generous: 20,000 small entries are a few MB.
_MEMO_BOUND = 20_000


class AliasMatcher:
    """Longest-alias-wins matching on word boundaries, memoised per (name, as) pair."""

    def __init__(self, rows: list[dict]):
        self.entries: dict[str, tuple[str | None, frozenset[str]]] = {}
        for row in rows:
            self.entries[fold(str(row["alias"]))] = (row.get("nutrient"), frozenset(row.get("forms") or ()))
        # Longest first, so that at any position the alternation prefers "calcium pantothenate" to "calcium".
        alternatives = "|".join(re.escape(alias) for alias in sorted(self.entries, key=len, reverse=True))
        self.pattern = compiled(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")
        self.forms_of: dict[str, frozenset[str]] = {}
        for nutrient, forms in self.entries.values():
            if nutrient:
                self.forms_of[nutrient] = self.forms_of.get(nutrient, frozenset()) | forms
        self._memo: Memo[tuple[str, str | None, str | None], Match] = Memo(_MEMO_BOUND)

    def _find(self, text: str | None) -> list[tuple[str, str | None, frozenset[str]]]:
        if not text:
            return []
        return [(m.group(0), *self.entries[m.group(0)]) for m in self.pattern.finditer(fold(text))]

    def match(self, name: str, as_: str | None, nutrient: str | None = None) -> Match:
        key = (name, as_, nutrient)
        found = self._memo.get(key)
        if found is None:
            found = self._memo.keep(key, self._match(name, as_, nutrient))
        return found

    def _match(self, name: str, as_: str | None, nutrient: str | None) -> Match:
        sources = _SOURCE.findall(name)
        if sources:
            name = _SOURCE.sub(" ", name)
            as_ = " ; ".join([*sources, *([as_] if as_ else [])])
        in_name, in_as = self._find(name), self._find(as_)
        if nutrient is None:
            for hits in (in_name, in_as):
                named = [hit for hit in hits if hit[1]]
                if named:
                    nutrient = max(named, key=lambda hit: len(hit[0]))[1]  # max keeps the first of equals
                    break
        if nutrient is None:
            return NO_MATCH
        forms = frozenset().union(*(hit[2] for hit in in_name + in_as if hit[1] in (None, nutrient)))
        return Match(nutrient, forms)
