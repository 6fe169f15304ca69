"""Reading one panel row from the right: its %DV, then its amount (the leftmost word from which supplint's own
amount grammar reads the rest), then the name with "(as …)" split off; blend members listed inline; and joining a
name on one line with its amount on the next."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...quantity.amounts import Amount, AmountError, parse_amount
from .lines import Line
from .record import Record

BLENDISH = re.compile(r"\b(?:blend|proprietary|complex|matrix)\b", re.IGNORECASE)
_PERCENT = r"(?:<\s*)?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*%"
MARKS = "*†‡"
_DV_TAIL = re.compile(rf"(?:(?<![\w.,%<])(?P<pct>{_PERCENT})|(?P<mark>\*\*|\*|††|†|‡))\s*[*†‡]*\s*$")
_LEAD_MARK = re.compile(r"^(?:[*†‡]+|[•·◦▪►‣]|-(?=\s)|o(?=\s))\s*")
_MOST_STARTS = 12
_AMOUNT_START = re.compile(r"(?:(?<=\s)|^)[<>]?\s*\d")
_LEADERS = " \t.·…_:;,–—-"
LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Item:
    """One row as read from the panel, before blends are nested."""

    line: Line
    kind: str  # "row" (name and amount), "name" (no amount), "amount" (no name), "dv" (only a %DV), "bad"
    name: str = ""
    as_: str | None = None
    amount: str | None = None
    dv: str | None = None
    marked: bool = False  # a leading or trailing †/*/bullet on the name
    members: list[dict] = field(default_factory=list)  # listed inline: "Blend 500 mg: a, b" or "Blend (a, b) 500 mg"
    error: str | None = None
    error_kind: str = "unreadable"  # or the amount grammar's: "unknown_unit", "malformed_amount"
    amount_line: Line | None = None  # where the amount was read, when not on the name's line
    amount_column: int | None = None
    dv_at: tuple[int, int] | None = None  # (line, column) of the %DV
    numeric_dv: bool = False


def _balanced_end(text: str, open_at: int) -> int:
    """Index of the parenthesis closing the one at ``open_at``, or -1."""
    depth = 0
    for index in range(open_at, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _trailing_group(text: str) -> tuple[str, str] | None:
    """("before", "inside") when the text ends with a balanced parenthetical group."""
    if not text.endswith(")"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] == ")":
            depth += 1
        elif text[index] == "(":
            depth -= 1
            if depth == 0:
                return text[:index].rstrip(), text[index + 1 : -1].strip()
    return None


def split_list(text: str) -> list[str]:
    """Comma- or semicolon-separated items at parenthesis depth 0; "and" before the last one dropped."""
    items: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char in ",;" and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    out = []
    for item in items:
        item = re.sub(r"^\s*(?:and|&)\s+", "", item.strip()).strip()
        item = _strip_marks(item)[0].rstrip(" .").strip()
        item = _LEAD_MARK.sub("", item).strip()
        if item:
            out.append(item)
    return out


def parses(text: str) -> Amount | None:
    try:
        return parse_amount(text)
    except AmountError:
        return None


def _find_amount(text: str) -> tuple[int | None, str | None, str | None, AmountError | None]:
    """(start, amount as printed, a trailing non-amount parenthetical, error) for a row's text without its %DV."""
    # The amount is near the end: only the last few numbers are tried (a line of many numbers stays fast).
    starts = [m.start() for m in _AMOUNT_START.finditer(text)][-_MOST_STARTS:]
    for start in starts:
        candidate = text[start:].strip()
        if parses(candidate) is not None:
            return start, candidate, None, None
    group = _trailing_group(text)
    if group is not None and group[0]:
        before, inside = group
        for start in [m.start() for m in _AMOUNT_START.finditer(before)][-_MOST_STARTS:]:
            candidate = before[start:].strip()
            if parses(candidate) is not None and parses(inside) is None:
                return start, candidate, inside, None
    if not starts:
        return None, None, None, None
    # The amount most likely meant is the last number outside parentheses; say why it cannot be read.
    outside = [s for s in starts if text[:s].count("(") == text[:s].count(")")] or starts
    candidate = text[outside[-1] :].strip()
    try:
        parse_amount(candidate)
    except AmountError as exc:
        return None, None, None, exc
    return None, None, None, None  # pragma: no cover - the loop above would have taken it


def _second_column(before: str) -> bool:
    """Does the text before a row's amount end with another amount (and its %DV)? Then the row has two columns."""
    before = before.rstrip(_LEADERS)
    dv = _DV_TAIL.search(before)
    if dv is not None and dv["pct"]:
        before = before[: dv.start()].rstrip(_LEADERS)
    elif dv is not None:
        return False
    start, amount, _extra, _error = _find_amount(before)
    return amount is not None and start is not None and LETTER.search(before[:start]) is not None


def _split_as(name: str) -> tuple[str, str | None]:
    """ "Vitamin D3 (as cholecalciferol)" → ("Vitamin D3", "cholecalciferol"); also "(from …)" and a bare " as "."""
    match = re.search(r"\(\s*(?:as|from)\s+", name, re.IGNORECASE)
    if match:
        end = _balanced_end(name, match.start())
        if end > 0:
            source = name[match.end() : end].strip()
            before, after = name[: match.start()].strip(), name[end + 1 :].strip()
            if after and re.fullmatch(r"(?:\([^()]*\)\s*)+", after):  # "(as menaquinone-7) (MK-7)"
                source, after = f"{source} {after}", ""
            base = f"{before} {after}".strip() if after else before
            if base and LETTER.search(base) and source:
                return base, source
        return name, None
    match = re.match(r"^(?P<base>.*?\S)\s+as\s+(?P<source>\S.*)$", name, re.IGNORECASE)
    if match and "(" not in match["base"] and LETTER.search(match["base"]):
        return match["base"], match["source"]
    return name, None


def _clean_name(name: str) -> str:
    return " ".join(name.split()).rstrip(_LEADERS).strip(" :;,")


def _strip_marks(text: str) -> tuple[str, bool]:
    """The text without a trailing "†"/"*"/"‡" (and the white space before it), and whether there was one."""
    bare = text.rstrip()
    unmarked = bare.rstrip(MARKS)
    return (unmarked.rstrip(), True) if unmarked != bare else (text, False)


def listed_members(text: str) -> list[dict]:
    members = []
    for piece in split_list(text):
        start, amount, extra, _error = _find_amount(piece)
        name = _clean_name(piece[:start]) if start is not None else _clean_name(piece)
        if extra:
            name = f"{name} ({extra})"
        if not name or not LETTER.search(name):
            continue
        name, source = _split_as(name)
        member: dict = {"name": name}
        if source:
            member["as"] = source
        if amount and start is not None:
            member["amount"] = amount
        members.append(member)
    return members


def parse_row(line: Line, text: str | None = None, offset: int = 0) -> Item:
    """One panel row; ``text`` (the line's own by default) starts at ``offset`` of the line's text."""
    text = line.text if text is None else text
    item = Item(line, "bad")
    lead = _LEAD_MARK.match(text)
    if lead and lead.end() < len(text):
        item.marked = True
        text = text[lead.end() :]
        offset += lead.end()

    # "Energy Blend 500 mg: green tea extract, guarana seed"
    head_text, colon, listed = text.partition(":")
    if colon and listed[:1].isspace() and listed.strip() and re.search(r"\d", head_text):
        head = parse_row(line, head_text.rstrip(), offset)
        if head.kind == "row" and not head.members:
            head.members = listed_members(listed.strip())
            head.marked = head.marked or item.marked
            if head.members:
                return head

    body = text
    dv_match = _DV_TAIL.search(body)
    dv = None
    if (dv_match and dv_match.start() > 0) or (dv_match and dv_match["pct"] and dv_match.start() == 0):
        dv = dv_match["pct"] or dv_match["mark"]
        item.numeric_dv = bool(dv_match["pct"])
        item.dv_at = (line.number, line.col(offset + dv_match.start()))
        body = body[: dv_match.start()].rstrip()
    if not body:
        if dv is not None and item.numeric_dv:
            item.kind, item.dv = "dv", dv
        return item

    start, amount, extra, error = _find_amount(body)
    if amount is None:
        if error is not None:
            item.error, item.error_kind = error.message, error.kind
            return item
        # No number in it at all: a name alone (a blend member, or a row whose amount is on the next line).
        if (
            dv is not None
            and not item.numeric_dv
            and dv_match
            and dv_match.start() == len(body)
            and not text[len(body) : len(body) + 1].isspace()
        ):
            item.marked = True  # "Green tea extract†": a marker on the name, not a %DV column
            dv = None
        name = _clean_name(body)
        if not LETTER.search(name):
            return item
        item.kind, item.name, item.dv = "name", name, dv
        item.name, item.as_ = _split_as(item.name)
        return item

    assert start is not None  # where the amount was found
    item.amount, item.dv = amount, dv
    item.amount_column = line.col(offset + start + len(body[start:]) - len(body[start:].lstrip()))
    if _second_column(body[:start]):
        item.kind = "columns"  # "Vitamin C 15 mg 17% 30 mg 33%": one amount per serving column
        return item
    name = _clean_name(body[:start])
    name, trailing = _strip_marks(name)
    if trailing:  # "Turmeric root extract† 100 mg"
        item.marked = True
    if not LETTER.search(name):
        item.kind = "amount"
        return item
    item.kind = "row"
    name, source = _split_as(name)
    members: list[dict] = []
    if extra:
        lowered = extra.lower()
        if lowered.startswith(("as ", "from ")) and source is None:
            source = extra.split(None, 1)[1].strip()
        elif BLENDISH.search(name) or "," in extra:
            members = listed_members(extra)
        else:
            name = f"{name} ({extra})"
    if not members and BLENDISH.search(name):
        group = _trailing_group(name)
        if group and group[0] and "," in group[1]:  # "Energy Complex (caffeine, theacrine) 350 mg"
            name, members = group[0], listed_members(group[1])
    item.name, item.as_, item.members = name, source, members
    return item


def merge(record: Record, items: list[Item]) -> list[Item]:
    """A name on one line and its amount on the next become one row; a %DV alone joins the row above."""
    merged: list[Item] = []
    for item in items:
        previous = merged[-1] if merged else None
        if (
            item.kind == "amount"
            and previous is not None
            and previous.kind == "name"
            and item.line.number - previous.line.number <= 2
        ):
            previous.kind, previous.amount = "row", item.amount
            previous.amount_column = item.amount_column
            previous.dv, previous.numeric_dv = item.dv or previous.dv, item.numeric_dv or previous.numeric_dv
            previous.dv_at = item.dv_at or previous.dv_at
            previous.members += item.members
            previous.amount_line = item.line
        elif item.kind == "dv" and previous is not None and previous.kind == "row" and previous.dv is None:
            previous.dv, previous.numeric_dv = item.dv, True
            previous.dv_at = item.dv_at
        elif item.kind == "bad":
            record.unread(item.line, item.error, item.error_kind)
        elif item.kind in ("amount", "dv"):
            record.unread(item.line, "an amount or %DV with no ingredient name before it")
        else:
            merged.append(item)
    return merged
