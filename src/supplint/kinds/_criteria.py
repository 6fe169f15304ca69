"""Which criterion of 21 CFR 101.93(g)(2) a claim's words meet, in plain words, for the finding's message.

The reader (`_claims`) reads the implied-claim lists in one pass and keeps no note of which list a match came
from; a finding is rare, so its words are matched again here against each list of the data's `criteria` table,
in that table's order (the first list whose match covers the words names the criterion)."""

from __future__ import annotations

from functools import lru_cache

from ._claims import check_table, vocabulary
from ._terms import Terms
from ._text import fold

#: `criteria` keys that are no list of the data file: said of how the claim was made, not of its words.
POINTER = "pointer"  # the claim points back at a disease named in the sentence or heading before
HASHTAG = "hashtag"  # a disease hashtag ("#diabetes")
OTHERWISE = "otherwise"  # none of the lists covers the words (a name coined from a disease's)
NAMED = "named-diseases"


@lru_cache(maxsize=8)
def _table(path: str) -> tuple[dict[str, str], tuple[tuple[str, Terms], ...]]:
    table = check_table(path)
    reasons = {str(key): str(value) for key, value in (table.get("criteria") or {}).items()}
    lists = tuple(
        (key, Terms(table[key]))
        for key in reasons
        if key not in (POINTER, HASHTAG, OTHERWISE, NAMED) and isinstance(table.get(key), list)
    )
    return reasons, lists


def criterion(term: str, path: str, pointed: bool = False) -> str:
    """The reason, in plain words with its paragraph, why ``term`` makes a claim (vocabulary: the data file
    ``path``); ``pointed``: the claim's disease was named before the claim's sentence. Empty when the data has no
    `criteria` table (a team's own vocabulary file)."""
    reasons, lists = _table(path)
    if not reasons:
        return ""
    if pointed:
        return reasons.get(POINTER, "")
    plain = fold(" ".join(term.split()))
    if plain.startswith("#"):
        return reasons.get(HASHTAG, "")
    lowered = plain.lower()
    for key, terms in lists:
        entries = terms.candidates(lowered)
        if entries and any(a == 0 and b == len(plain) for a, b in Terms.spans(entries, plain)):
            return reasons[key]
    if any(a == 0 and b == len(plain) for a, b in vocabulary(path).named.spans(plain)):
        return reasons.get(NAMED, "")
    return reasons.get(OTHERWISE, "")
