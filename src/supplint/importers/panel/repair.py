"""Repairing pasted text before it is read: mojibake (UTF-8 read as Windows-1252, "1000 Âµg", "B12 â€“ 500 mcg")
undone with ftfy, curly quotes straightened, and compatibility forms folded by NFKC (ligatures, full-width digits and
letters, subscript digits, non-breaking spaces). Each repaired character keeps the source column it came from, so
notes and `supplint check` findings still point at the pasted text.

Applied to one line at a time and only to lines that need it (pure ASCII without an HTML entity is left alone), so
a long paste stays linear and most lines cost nothing."""

from __future__ import annotations

import re
import unicodedata

#: Folded by NFKC into letters that change a name ("Bioperine™" → "BioperineTM"): kept as printed.
_KEEP = frozenset("™℠")
#: How far apart (in characters, each side) a repaired text may fall out of step with its source and be found again.
_WINDOW = 8
_STEADY = 3  # characters that must agree after a change for the two texts to be back in step


def _fix(raw: str) -> str:
    import ftfy  # read only when a pasted panel has a non-ASCII character or an entity

    # widths and ligatures are NFKC's, one character at a time (_fold), so that each keeps its column
    return ftfy.fix_text(
        raw,
        normalization=None,
        fix_line_breaks=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        unescape_html="auto",
    )


def _fold(text: str) -> tuple[str, list[int]]:
    """NFKC, one character at a time (so each output character knows its input character)."""
    out: list[str] = []
    source: list[int] = []
    for index, char in enumerate(text):
        folded = char if char in _KEEP or char.isascii() else unicodedata.normalize("NFKC", char)
        out.append(folded)
        source.extend([index] * len(folded))
    return "".join(out), source


def _align(raw: str, fixed: str) -> list[int]:
    """For each character of ``fixed``, the index in ``raw`` it came from: the texts are walked together and, where
    they differ, found in step again within a small window (linear: each step looks at a bounded number of pairs)."""
    mapping: list[int] = []
    i = j = 0
    while j < len(fixed):
        if i < len(raw) and raw[i] == fixed[j]:
            mapping.append(i)
            i += 1
            j += 1
            continue
        found = None
        for total in range(1, 2 * _WINDOW + 1):
            for skip_raw in range(max(0, total - _WINDOW), min(total, _WINDOW) + 1):
                skip_fixed = total - skip_raw
                a, b = i + skip_raw, j + skip_fixed
                if raw[a : a + _STEADY] == fixed[b : b + _STEADY] and (a < len(raw) or b >= len(fixed)):
                    found = (skip_raw, skip_fixed)
                    break
            if found:
                break
        if found is None:  # never in step again: the rest points at where the difference began
            mapping.extend([min(i, max(len(raw) - 1, 0))] * (len(fixed) - j))
            break
        skip_raw, skip_fixed = found
        # what was put in for raw[i:i + skip_raw] points into it, in order ("“q”" → '"q"' keeps every column)
        mapping.extend(min(i + min(t, max(skip_raw - 1, 0)), max(len(raw) - 1, 0)) for t in range(skip_fixed))
        i += skip_raw
        j += skip_fixed
    return mapping


#: What ftfy is needed for: a mojibake lead character (UTF-8's lead bytes read as Windows-1252 or Latin-1: Â … ô),
#: C1 and C0 controls, lone surrogates, curly quotes, an HTML entity. A line whose only other characters are a panel's
#: usual marks (†, µ, •, –) needs only NFKC, which costs far less than ftfy's checks.
_FOR_FTFY = re.compile(
    r"[&\u00c2-\u00f4\u0080-\u009f\u2018\u2019\u201a\u201c\u201d\u201e\x00-\x08\x0b-\x1f\x7f"
    r"\ud800-\udfff]"
)


def _needs_repair(raw: str) -> bool:
    return not raw.isascii() or "&" in raw


def repair(raw: str) -> tuple[str, list[int] | None]:
    """(the line repaired, for each of its characters the index in ``raw`` it came from); None: unchanged."""
    if not _needs_repair(raw):
        return raw, None
    fixed = _fix(raw) if _FOR_FTFY.search(raw) else raw
    folded, within = _fold(fixed)
    if folded == raw:
        return raw, None
    mapping = _align(raw, fixed) if fixed != raw else list(range(len(raw)))
    return folded, [mapping[k] for k in within]
