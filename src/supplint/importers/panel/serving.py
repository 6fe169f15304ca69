"""The serving lines of a panel (serving size, servings per container), and the servings a day its directions
allow."""

from __future__ import annotations

import math
import re

from ...quantity.amounts import MAX_PER_DAY
from .. import ImportFailed
from .lines import Line
from .record import Record

SERVING = re.compile(
    r"^serving\s+size\b\s*[:\-–]?\s*(?P<size>.*?)\s*"
    r"(?:(?<![^\s])servings?\s+per\s+(?:container|package|bottle)\b\s*[:\-–]?\s*(?P<spc>.*))?$",
    re.IGNORECASE,
)
PER_CONTAINER = re.compile(r"^servings?\s+per\s+(?:container|package|bottle)\b\s*[:\-–]?\s*(?P<spc>.*)$", re.IGNORECASE)


def read_serving(record: Record, line: Line, match: re.Match, lines: list[Line], index: int) -> None:
    size = match["size"].strip(" :")
    if not size and index + 1 < len(lines) and re.match(r"^\d", lines[index + 1].text):
        size = lines[index + 1].text
        lines[index + 1] = lines[index + 1].part(0, 0)
    if not size:
        record.unread(line, "no serving size after 'Serving Size'")
        return
    if "serving" in record.label:
        record.note(line, f"a second serving size '{size}' was left out")
        return
    size = counted(size)
    several = several_sizes(size)
    if several:
        raise ImportFailed(
            f"the serving size '{size}' names {several} servings (one per column or per age?): "
            "supplint does not guess which one is taken; keep the one column that applies and "
            "import again",
            line.number,
            line.column,
        )
    record.label["serving"] = {"size": _lower_units(" ".join(size.split()))}
    record.origins[("serving", "size")] = (line.number, line.column)


def counted(size: str) -> str:
    """ "two (2) capsules" → "2 capsules", "one capsule" → "1 capsule": the count a retailer's copy spells out."""
    size = re.sub(rf"\b{_N}\s*\(\s*(\d+)\s*\)", r"\1", size, flags=re.IGNORECASE)
    return re.sub(rf"^({_N})(?=\s+[^\W\d_])", lambda m: str(_number(m[1])), size.strip(), flags=re.IGNORECASE)


# a count and what it counts; "30 servings" (of the container) and "1 to 2" (a range of one serving) are not a size
_COUNT = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?\s+(?!(?:servings?|per|to|or|and)\b)[^\W\d_]", re.IGNORECASE)


def several_sizes(size: str) -> int:
    """How many serving sizes a serving line names outside parentheses ("1 Gummy (ages 2-3), 2 Gummies (ages 4+)"
    names two; "2 Capsules (1 g)" one); 0 for one."""
    depth, outside = 0, []
    for char in size:
        depth += char == "("
        outside.append(char if depth == 0 else " ")
        depth -= char == ")" and depth > 0
    found = len(_COUNT.findall("".join(outside)))
    return found if found > 1 else 0


#: "Each capsule contains:", "Each tablespoon (15 mL) contains", "Two softgels contain:", "Each tablet provides"
EACH = re.compile(
    r"^(?:(?P<each>each)|(?P<count>\d+|one|two|three|four|five|six))\s+"
    r"(?P<unit>[^\W\d_][\w-]*(?:\s+\([^()]{1,30}\))?)\s+(?:contains?|provides?)\b\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


def read_each(record: Record, line: Line, match: re.Match) -> None:
    """ "Each capsule contains:" as the serving size "1 capsule" (when no serving size was printed)."""
    if "serving" in record.label:
        return
    count = "1" if match["each"] else str(_number(match["count"]))
    record.label["serving"] = {"size": _lower_units(f"{count} {' '.join(match['unit'].split())}")}
    record.origins[("serving", "size")] = (line.number, line.column)


def read_per_container(record: Record, line: Line, text: str) -> None:
    found = re.search(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)", text or "")
    value = float(found[1].replace(",", "")) if found else 0.0
    if value <= 0 or not math.isfinite(value):
        record.unread(line, "no number of servings per container")
        return
    record.label["servings_per_container"] = int(value) if value.is_integer() else value
    record.origins[("servings_per_container",)] = (line.number, line.column)


_UNIT_WORDS = {"g", "mg", "mcg", "kg", "ml", "l", "iu", "oz", "fl", "µg", "μg", "ug", "cfu"}
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a": 1,
    "an": 1,
    "once": 1,
    "twice": 2,
    "thrice": 3,
}
_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"


def _lower_units(size: str) -> str:
    """ "2 Capsules" → "2 capsules"; units of measure keep their case ("1 Scoop (5 g)", "1 mL")."""
    return re.sub(r"[^\W\d_][\w-]*", lambda m: m[0] if m[0].lower() in _UNIT_WORDS else m[0].lower(), size)


#: Directions count a few units a day; a longer run of digits is not a count (and int() refuses 4,300+ digits).
_MOST_DIGITS = 4


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word) if len(word) <= _MOST_DIGITS else None
    return _NUMBER_WORDS.get(word)


def _singular(word: str) -> str:
    word = word.lower().strip(".,()")
    for suffix, repl in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def per_day(size: str, directions: str) -> int | str | None:
    """Most servings a day the directions allow, when they say so plainly and more than one."""
    size_match = re.match(r"^\s*(\d+)\s+([^\W\d_][\w-]*)", size)
    if not size_match or _number(size_match[1]) is None:
        return None
    per_serving, serving_word = int(size_match[1]), _singular(size_match[2])
    text = re.sub(r"\b(" + _N + r")\s*\(\s*(\d+)\s*\)", r"\2", directions, flags=re.IGNORECASE)  # "one (1)" → "1"
    take = re.search(
        rf"\b(?:take|chew|mix|use)\s+(?:up\s+to\s+)?({_N})(?:\s*(?:to|-|–|or)\s*({_N}))?"
        r"\s+([^\W\d_][\w-]*)",
        text,
        re.IGNORECASE,
    )
    if not take:
        return None
    low_units, high_units = _number(take[1]), _number(take[2]) if take[2] else _number(take[1])
    word = _singular(take[3])
    if low_units is None or high_units is None:
        return None
    if word in ("serving", "dose"):
        low_units, high_units = low_units * per_serving, high_units * per_serving
    elif word != serving_word and not (word.startswith(serving_word) or serving_word.startswith(word)):
        return None
    times = re.search(
        rf"\b(?:up\s+to\s+)?({_N}|once|twice|thrice)(?:\s*(?:to|-|–|or)\s*({_N}))?\s*(?:times?\s+)?"
        r"(?:daily|a\s+day|per\s+day|each\s+day|every\s+day)",
        text[take.end() :],
        re.IGNORECASE,
    )
    low_times = high_times = 1
    if times and (
        times[0].lower().split()[0] in ("once", "twice", "thrice", "up")
        or re.search(r"times?", times[0], re.IGNORECASE)
    ):
        low_times = _number(times[1]) or 1
        high_times = (_number(times[2]) if times[2] else low_times) or low_times
        if times[0].lower().startswith("up"):
            low_times = 1
    low = max(1, math.ceil(low_units * low_times / per_serving)) if per_serving else 1
    high = max(1, math.ceil(high_units * high_times / per_serving)) if per_serving else 1
    if high <= 1 or high > MAX_PER_DAY:
        return None
    return high if low == high else f"{low}-{high}"
