"""`supplint import text`: a Supplement Facts panel copied as text (from a PDF, a product page, a photo's OCR) →
a label in the format of label-format.md.

How it reads the text:

1. The lines are normalised (non-breaking spaces, table pipes, tabs as column gaps) and keep their number and
   indentation.
2. The panel starts at a "Supplement Facts" heading (or, without one, at the first "Serving Size" line). Lines above
   it name the product (the first one), the statement of identity, and any other printed text.
3. Panel lines are read one by one: serving size, servings per container, column headings and footnotes, then rows.
   A row is read from the right: the %DV ("625%", "<1%", "*", "†"), then the amount, found as the leftmost word
   from which supplint's own amount grammar (``supplint.amounts.parse_amount``) reads the rest of the text; what is
   left is the name, with "(as …)" split off into `as`. A name on one line and its amount on the next are joined.
4. Blend members are the rows under a blend row that are indented further, marked with a leading or trailing
   "†"/"*"/bullet, have no amount, or (in a panel without indentation) fit into the blend's remaining total; or
   they are listed after the blend's name or amount in parentheses or after a colon.
5. The panel ends at the first statement after it (other ingredients, allergens, directions, warnings, a claim, the
   DSHEA disclaimer). Those are read by their headings; a line without a heading that follows one continues it.

Nothing is dropped silently: a panel line that cannot be read gives a note naming its line number and text, and
printed text that fits no field is kept under `notes` (with a note when nothing recognised it).
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field

from ..amounts import Amount, AmountError, parse_amount
from . import Conversion, ImportFailed

PLACEHOLDER_PRODUCT = "Unnamed product (imported)"

# -- line normalisation ---------------------------------------------------------------------------------------------

_INVISIBLE_CHARS = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u3000": " ", "\f": " ",
                         "\v": " "})
_RULER = re.compile(r"^[\s\-–—_=~·.•|│┃─━═+*]*$")


@dataclass
class _Line:
    number: int  # 1-based
    text: str  # stripped; tabs, wide gaps, dot leaders and table pipes turned into a two-space column gap
    indent: int  # leading white space, a tab counting four
    positions: list[int] = field(default_factory=list)  # for each character of text, its 0-based source column

    @property
    def column(self) -> int:
        """1-based source column of the text's first character."""
        return self.col(0)

    def col(self, index: int) -> int:
        """1-based source column of text[index] (clamped: a joined or shortened text stays on this line)."""
        if not self.positions:
            return 1
        return self.positions[max(0, min(index, len(self.positions) - 1))] + 1

    def part(self, start: int, stop: int | None = None) -> _Line:
        """The line cut to text[start:stop], white space around it dropped, columns kept."""
        stop = len(self.text) if stop is None else stop
        while start < stop and self.text[start].isspace():
            start += 1
        while stop > start and self.text[stop - 1].isspace():
            stop -= 1
        return _Line(self.number, self.text[start:stop], self.indent, self.positions[start:stop])


def _is_gap(raw: str, index: int, table: bool) -> int:
    """How many characters of column gap start at raw[index] (0: none), and whether it is a wide one (negative)."""
    char = raw[index]
    if char == "\t" or char == "…" or (table and char == "|"):
        return -1
    if char == ".":
        run = index
        while run < len(raw) and raw[run] == ".":
            run += 1
        return -(run - index) if run - index >= 3 else 0
    return 1 if char.isspace() else 0


def _normalise(raw: str) -> tuple[str, list[int]]:
    """A source line's text with each gap made one space (a narrow one) or two (a wide one), and where each
    character came from. Linear, so that no later pattern meets a long run of white space."""
    table = raw.lstrip().startswith("|") and raw.count("|") >= 2  # a Markdown or ASCII table row
    out: list[str] = []
    positions: list[int] = []
    index = 0
    while index < len(raw):
        if raw[index] in _INVISIBLE_CHARS:
            index += 1
            continue
        if not _is_gap(raw, index, table):
            out.append(raw[index])
            positions.append(index)
            index += 1
            continue
        start, wide, spaces = index, False, 0
        while index < len(raw) and (step := _is_gap(raw, index, table)):
            wide = wide or step < 0
            spaces += step > 0
            index += abs(step)
        if out:  # gaps at the start are dropped (the indentation is counted apart)
            out.extend("  " if wide or spaces > 1 else " ")
            positions.extend((start, start) if wide or spaces > 1 else (start,))
    while out and out[-1] == " ":
        out.pop()
        positions.pop()
    return "".join(out), positions


def _split_lines(text: str) -> list[_Line]:
    lines = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        raw = raw.translate(_SPACES)
        lead = raw[: len(raw) - len(raw.lstrip(" \t"))]
        indent = lead.count(" ") + 4 * lead.count("\t")
        stripped, positions = _normalise(raw)
        lines.append(_Line(number, stripped, indent, positions))
    return lines


# -- the panel's fixed lines ------------------------------------------------------------------------------------------

_HEADER = re.compile(r"^\W*supp?[l1i][e3]ments?\s+fact[s5]?\b[\s:.\-]*(?P<rest>.*)$", re.IGNORECASE)
_SERVING = re.compile(r"^serving\s+size\b\s*[:\-–]?\s*(?P<size>.*?)\s*"
                      r"(?:(?<![^\s])servings?\s+per\s+(?:container|package|bottle)\b\s*[:\-–]?\s*(?P<spc>.*))?$",
                      re.IGNORECASE)
_PER_CONTAINER = re.compile(r"^servings?\s+per\s+(?:container|package|bottle)\b\s*[:\-–]?\s*(?P<spc>.*)$", re.IGNORECASE)
_HEADINGS = re.compile(
    r"^(?:amount\s+per\s+(?:serving|\d+\s*\w+)\b.*|amount\s+per\b.*|each\s+\w+(?:\s+\w+)?\s+contains:?.*|per\s+serving\b.*"
    r"|%\s*(?:daily\s+value|dv)\b.*|(?:%\s*)?daily\s+value\s*(?:\(dv\))?\s*%?|amount\s*%?\s*(?:dv|daily\s+value).*"
    r"|(?:amount|qty|quantity)(?:\s+per\s+serving)?|%\s*dv\*?|% ?daily ?value\*?)$",
    re.IGNORECASE)
_FOOTNOTE = re.compile(
    r"^[*†‡§¶]*\s*(?:\(?\s*(?:percent\s+)?daily\s+values?\b|%\s*daily\s+value|%\s*dv\b|dv\s+not\b|not\s+established"
    r"|daily\s+value\s*\(dv\)|proprietary\s+blend\.?$|percent\s+daily)",
    re.IGNORECASE)
_MARKED_FOOTNOTE = re.compile(r"^[*†‡§¶]+\s*(?:daily|percent|%|dv\b|not\s+established|proprietary|based\s+on)",
                              re.IGNORECASE)
_CALORIES = re.compile(r"^(?:total\s+)?(?:calories|kcal)\b(?:\s+from\s+fat)?[\s:]*(?:\d[\d,.]*\s*(?:kcal)?)?\s*$",
                       re.IGNORECASE)
_BLENDISH = re.compile(r"\b(?:blend|proprietary|complex|matrix)\b", re.IGNORECASE)

# -- rows ------------------------------------------------------------------------------------------------------------

_PERCENT = r"(?:<\s*)?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*%"
_MARKS = "*†‡"
_DV_TAIL = re.compile(rf"(?:(?<![\w.,%<])(?P<pct>{_PERCENT})|(?P<mark>\*\*|\*|††|†|‡))\s*[*†‡]*\s*$")
_LEAD_MARK = re.compile(r"^(?:[*†‡]+|[•·◦▪►‣]|-(?=\s)|o(?=\s))\s*")
_MOST_STARTS = 12
_AMOUNT_START = re.compile(r"(?:(?<=\s)|^)[<>]?\s*\d")
_LEADERS = " \t.·…_:;,–—-"
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class _Item:
    """One row as read from the panel, before blends are nested."""

    line: _Line
    kind: str  # "row" (name and amount), "name" (no amount), "amount" (no name), "dv" (only a %DV), "bad"
    name: str = ""
    as_: str | None = None
    amount: str | None = None
    dv: str | None = None
    marked: bool = False  # a leading or trailing †/*/bullet on the name
    members: list[dict] = field(default_factory=list)  # listed inline: "Blend 500 mg: a, b" or "Blend (a, b) 500 mg"
    error: str | None = None
    amount_line: _Line | None = None  # where the amount was read, when not on the name's line
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
                return text[:index].rstrip(), text[index + 1:-1].strip()
    return None


def _split_list(text: str) -> list[str]:
    """Comma- or semicolon-separated items at parenthesis depth 0; "and" before the last one dropped."""
    items, depth, current = [], 0, []
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


def _parses(text: str) -> Amount | None:
    try:
        return parse_amount(text)
    except (AmountError, ValueError, TypeError, OverflowError):
        return None


def _find_amount(text: str) -> tuple[int | None, str | None, str | None, str | None]:
    """(start, amount as printed, a trailing non-amount parenthetical, error) for a row's text without its %DV."""
    # The amount is near the end: only the last few numbers are tried (a line of many numbers stays fast).
    starts = [m.start() for m in _AMOUNT_START.finditer(text)][-_MOST_STARTS:]
    for start in starts:
        candidate = text[start:].strip()
        if _parses(candidate) is not None:
            return start, candidate, None, None
    group = _trailing_group(text)
    if group is not None and group[0]:
        before, inside = group
        for start in [m.start() for m in _AMOUNT_START.finditer(before)][-_MOST_STARTS:]:
            candidate = before[start:].strip()
            if _parses(candidate) is not None and _parses(inside) is None:
                return start, candidate, inside, None
    if not starts:
        return None, None, None, None
    # The amount most likely meant is the last number outside parentheses; say why it cannot be read.
    outside = [s for s in starts if text[:s].count("(") == text[:s].count(")")] or starts
    candidate = text[outside[-1]:].strip()
    try:
        parse_amount(candidate)
    except AmountError as exc:
        return None, None, None, exc.message
    except (ValueError, TypeError, OverflowError):
        return None, None, None, f"'{candidate}' is not an amount"
    return None, None, None, None  # pragma: no cover - the loop above would have taken it


def _split_as(name: str) -> tuple[str, str | None]:
    """"Vitamin D3 (as cholecalciferol)" → ("Vitamin D3", "cholecalciferol"); also "(from …)" and a bare " as "."""
    match = re.search(r"\(\s*(?:as|from)\s+", name, re.IGNORECASE)
    if match:
        end = _balanced_end(name, match.start())
        if end > 0:
            source = name[match.end():end].strip()
            before, after = name[: match.start()].strip(), name[end + 1:].strip()
            if after and re.fullmatch(r"(?:\([^()]*\)\s*)+", after):  # "(as menaquinone-7) (MK-7)"
                source, after = f"{source} {after}", ""
            base = f"{before} {after}".strip() if after else before
            if base and _LETTER.search(base) and source:
                return base, source
        return name, None
    match = re.match(r"^(?P<base>.*?\S)\s+as\s+(?P<source>\S.*)$", name, re.IGNORECASE)
    if match and "(" not in match["base"] and _LETTER.search(match["base"]):
        return match["base"], match["source"]
    return name, None


def _clean_name(name: str) -> str:
    return " ".join(name.split()).rstrip(_LEADERS).strip(" :;,")


def _strip_marks(text: str) -> tuple[str, bool]:
    """The text without a trailing "†"/"*"/"‡" (and the white space before it), and whether there was one."""
    bare = text.rstrip()
    unmarked = bare.rstrip(_MARKS)
    return (unmarked.rstrip(), True) if unmarked != bare else (text, False)


def _members(text: str) -> list[dict]:
    members = []
    for piece in _split_list(text):
        start, amount, extra, _error = _find_amount(piece)
        name = _clean_name(piece[:start]) if start is not None else _clean_name(piece)
        if extra:
            name = f"{name} ({extra})"
        if not name or not _LETTER.search(name):
            continue
        name, source = _split_as(name)
        member: dict = {"name": name}
        if source:
            member["as"] = source
        if amount and start is not None:
            member["amount"] = amount
        members.append(member)
    return members


def _parse_row(line: _Line, text: str | None = None, offset: int = 0) -> _Item:
    """One panel row; ``text`` (the line's own by default) starts at ``offset`` of the line's text."""
    text = line.text if text is None else text
    item = _Item(line, "bad")
    lead = _LEAD_MARK.match(text)
    if lead and lead.end() < len(text):
        item.marked = True
        text = text[lead.end():]
        offset += lead.end()

    # "Energy Blend 500 mg: green tea extract, guarana seed"
    head_text, colon, listed = text.partition(":")
    if colon and listed[:1].isspace() and listed.strip() and re.search(r"\d", head_text):
        head = _parse_row(line, head_text.rstrip(), offset)
        if head.kind == "row" and not head.members:
            head.members = _members(listed.strip())
            head.marked = head.marked or item.marked
            if head.members:
                return head

    body = text
    dv_match = _DV_TAIL.search(body)
    dv = None
    if dv_match and dv_match.start() > 0 or dv_match and dv_match["pct"] and dv_match.start() == 0:
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
            item.error = error
            return item
        # No number in it at all: a name alone (a blend member, or a row whose amount is on the next line).
        if dv is not None and not item.numeric_dv and dv_match and dv_match.start() == len(body) \
                and not text[len(body):len(body) + 1].isspace():
            item.marked = True  # "Green tea extract†": a marker on the name, not a %DV column
            dv = None
        name = _clean_name(body)
        if not _LETTER.search(name):
            return item
        item.kind, item.name, item.dv = "name", name, dv
        item.name, item.as_ = _split_as(item.name)
        return item

    item.amount, item.dv = amount, dv
    item.amount_column = line.col(offset + start + len(body[start:]) - len(body[start:].lstrip()))
    name = _clean_name(body[:start])
    name, trailing = _strip_marks(name)
    if trailing:  # "Turmeric root extract† 100 mg"
        item.marked = True
    if not _LETTER.search(name):
        item.kind = "amount"
        return item
    item.kind = "row"
    name, source = _split_as(name)
    members: list[dict] = []
    if extra:
        lowered = extra.lower()
        if lowered.startswith(("as ", "from ")) and source is None:
            source = extra.split(None, 1)[1].strip()
        elif _BLENDISH.search(name) or "," in extra:
            members = _members(extra)
        else:
            name = f"{name} ({extra})"
    if not members and _BLENDISH.search(name):
        group = _trailing_group(name)
        if group and group[0] and "," in group[1]:  # "Energy Complex (caffeine, theacrine) 350 mg"
            name, members = group[0], _members(group[1])
    item.name, item.as_, item.members = name, source, members
    return item


# -- prose around the panel ------------------------------------------------------------------------------------------

_DISCLAIMER = re.compile(r"\b(?:these\s+statements\s+have|this\s+statement\s+has)\s+not\s+been\s+evaluated", re.IGNORECASE)


def _disclaimer_at(text: str) -> int | None:
    """Where the DSHEA disclaimer starts in a line, linking marks before it included; None without one."""
    match = _DISCLAIMER.search(text)
    if match is None:
        return None
    start = match.start()
    while start > 0 and text[start - 1] in _MARKS:  # "*These statements"
        start -= 1
    if start == match.start():  # "* These statements", but not the star ending a claim ("health.* These")
        spaced = start
        while spaced > 0 and text[spaced - 1].isspace():
            spaced -= 1
        marked = spaced
        while marked > 0 and text[marked - 1] in _MARKS:
            marked -= 1
        if marked < spaced and (marked == 0 or text[marked - 1].isspace()):
            start = marked
    return start
_DISCLAIMER_TAIL = re.compile(r"^[*†‡]*\s*this\s+product\s+is\s+not\s+intended\s+to\s+diagnose", re.IGNORECASE)
_OTHER_INGREDIENTS = re.compile(r"^(?:[o0]ther|inactive|non-?medicinal)\s+ingredients?\b\s*[:\-–]?\s*(?P<body>.*)$|"
                                r"^ingredients\s*:\s*(?P<body2>.*)$", re.IGNORECASE)
_ALLERGEN_WORDS = (r"(?:milk|dairy|eggs?|fish|shellfish|crustacean|tree\s+nuts?|nuts?|peanuts?|wheat|soy|soybeans?"
                   r"|sesame|gluten)")
_ALLERGENS = re.compile(r"^(?:allergens?(?:\s+(?:information|statement|warning))?\s*:|contains\s*:"
                        rf"|contains\s+{_ALLERGEN_WORDS}\b)", re.IGNORECASE)
_FREE_OF = re.compile(r"^(?:contains\s+no\b|does\s+not\s+contain|free\s+(?:of|from)\b|no\s+(?:artificial|added|gluten)|"
                      r"(?:gluten|dairy|soy)[\s-]free\b|made\s+without)", re.IGNORECASE)
_DIRECTIONS = re.compile(r"^(?:(?:suggested|recommended)\s+(?:use|dose|dosage|usage|serving)|directions(?:\s+for\s+use)?|"
                         r"dosage|usage|how\s+to\s+(?:use|take))\b\s*[:\-–]?\s*(?P<body>.*)$", re.IGNORECASE)
_TAKE = re.compile(r"^(?:adults?(?:\s+and\s+children[^,:]*)?[,:]?\s+)?(?:take|mix|chew|dissolve|shake)\s+\S", re.IGNORECASE)
_WARNING_HEAD = re.compile(r"^(?:warnings?|cautions?|caution/warning|precautions?)\b\s*[:\-–!.]?\s*(?P<body>.*)$",
                           re.IGNORECASE)
_WARNING_START = re.compile(
    r"^(?:keep\s+(?:this\s+(?:product|bottle)\s+|out\s+)?(?:out\s+)?of\s+(?:the\s+)?reach|keep\s+out\s+of"
    r"|do\s+not\s+(?:exceed|use|take)|(?:consult|ask)\s+(?:your|a)\s+(?:doctor|physician|health|pharmacist)"
    r"|if\s+you\s+are\s+(?:pregnant|nursing|taking|under)"
    r"|not\s+(?:for|intended\s+for)\s+(?:use\s+by\s+)?(?:children|pregnant|persons|individuals)|pregnant\s+or\s+nursing"
    r"|discontinue\s+use|accidental\s+overdose|contains\s+caffeine)",
    re.IGNORECASE)
_IRON = re.compile(r"accidental\s+overdose\s+of\s+iron", re.IGNORECASE)
_IDENTITY = re.compile(r"^(?:[\w/+&'’-]+\s+){0,5}(?:dietary\s+|herbal\s+|food\s+)?supplements?\.?$", re.IGNORECASE)
_GENERIC_IDENTITY = re.compile(r"^(?:a\s+)?(?:dietary|herbal|food|nutritional)\s+supplements?\.?$", re.IGNORECASE)
_KNOWN_NOTE = re.compile(r"^(?:store\b|storage\b|keep\s+(?:refrigerated|tightly|in\s+a)|refrigerate|made\s+in|manufactured"
                         r"|distributed|packaged|mfd\.?|dist\.?|for\s+questions|questions\?|lot\b|exp\b|best\s+by"
                         r"|net\s+(?:wt|contents)"
                         r"|do\s+not\s+(?:freeze))",
                         re.IGNORECASE)
_CLAIM_LEADS = re.compile(r"^(?:supports?|promotes?|helps?|maintains?|boosts?|enhances?|contributes?|may\b|aids?|provides?"
                          r"|encourages?|assists?|optimi[sz]es?|fuels?|improves?|increases?|reduces?|relieves?|fights?)\b",
                          re.IGNORECASE)
_CLAIM_PIECE = re.compile(r"\s*(?P<claim>[^*†‡]*?\S)\s*[*†‡]+")
_SECTION_CONTINUES = ("other_ingredients", "allergens", "directions", "warnings", "disclaimer")


def _classify(text: str) -> tuple[str | None, str]:
    """The field a line outside the panel starts, and the text it contributes."""
    if _disclaimer_at(text) is not None:
        return "disclaimer", text
    if _DISCLAIMER_TAIL.match(text):
        return "disclaimer", text
    if match := _OTHER_INGREDIENTS.match(text):
        return "other_ingredients", (match["body"] if match["body"] is not None else match["body2"] or "")
    if _FREE_OF.match(text):
        return "notes", text
    if _ALLERGENS.match(text):
        return "allergens", text
    if match := _DIRECTIONS.match(text):
        return "directions", match["body"]
    if _IRON.search(text):
        return "warnings", text
    if match := _WARNING_HEAD.match(text):
        return "warnings", match["body"]
    if _WARNING_START.match(text):
        return "warnings", text
    if _TAKE.match(text):
        return "directions", text
    if _is_claim(text):
        return "claims", text
    if _IDENTITY.match(text) and len(text) <= 80:
        return "identity", text
    if _KNOWN_NOTE.match(text):
        return "notes", text
    return None, text


def _is_claim(text: str) -> bool:
    stripped = text.strip()
    if not stripped or stripped[-1] not in _MARKS or stripped[0] in _MARKS:
        return False
    words = re.sub(r"[*†‡]", " ", stripped).split()
    if len(words) < 2:
        return False
    return bool(re.search(r"[.!]\s*[*†‡]+$", stripped) or _CLAIM_LEADS.match(stripped) or len(words) >= 5)


def _claims(text: str) -> list[str]:
    return [m["claim"].strip() + text[m.end("claim"):m.end()].strip() for m in _CLAIM_PIECE.finditer(text)
            if _LETTER.search(m["claim"])]


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!])\s+(?=[A-Z])", text.strip())
    return [part.strip() for part in parts if part.strip()]


# -- serving ---------------------------------------------------------------------------------------------------------

_UNIT_WORDS = {"g", "mg", "mcg", "kg", "ml", "l", "iu", "oz", "fl", "µg", "μg", "ug", "cfu"}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "once": 1, "twice": 2, "thrice": 3}
_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"


def _lower_units(size: str) -> str:
    """"2 Capsules" → "2 capsules"; units of measure keep their case ("1 Scoop (5 g)", "1 mL")."""
    return re.sub(r"[^\W\d_][\w-]*", lambda m: m[0] if m[0].lower() in _UNIT_WORDS else m[0].lower(), size)


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _singular(word: str) -> str:
    word = word.lower().strip(".,()")
    for suffix, repl in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def _per_day(size: str, directions: str) -> int | str | None:
    """Most servings a day the directions allow, when they say so plainly and more than one."""
    size_match = re.match(r"^\s*(\d+)\s+([^\W\d_][\w-]*)", size)
    if not size_match:
        return None
    per_serving, serving_word = int(size_match[1]), _singular(size_match[2])
    text = re.sub(r"\b(" + _N + r")\s*\(\s*(\d+)\s*\)", r"\2", directions, flags=re.IGNORECASE)  # "one (1)" → "1"
    take = re.search(rf"\b(?:take|chew|mix|use)\s+(?:up\s+to\s+)?({_N})(?:\s*(?:to|-|–|or)\s*({_N}))?"
                     r"\s+([^\W\d_][\w-]*)", text, re.IGNORECASE)
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
    times = re.search(rf"\b(?:up\s+to\s+)?({_N}|once|twice|thrice)(?:\s*(?:to|-|–|or)\s*({_N}))?\s*(?:times?\s+)?"
                      r"(?:daily|a\s+day|per\s+day|each\s+day|every\s+day)", text[take.end():], re.IGNORECASE)
    low_times = high_times = 1
    if times and (times[0].lower().split()[0] in ("once", "twice", "thrice", "up")
                  or re.search(r"times?", times[0], re.IGNORECASE)):
        low_times = _number(times[1]) or 1
        high_times = _number(times[2]) if times[2] else low_times
        high_times = high_times or low_times
        if times[0].lower().startswith("up"):
            low_times = 1
    low = max(1, math.ceil(low_units * low_times / per_serving)) if per_serving else 1
    high = max(1, math.ceil(high_units * high_times / per_serving)) if per_serving else 1
    if high <= 1:
        return None
    return high if low == high else f"{low}-{high}"


# -- the converter ---------------------------------------------------------------------------------------------------


def header(filename: str, conversion: Conversion) -> str | None:
    return f"Imported by supplint import text from {os.path.basename(filename)}: check it against the label"


def convert(text: str, filename: str) -> Conversion:
    if not text.strip():
        raise ImportFailed("the file is empty")
    return _Reader(_split_lines(text)).read()


def _note_order(note: str) -> int:
    match = re.match(r"line (\d+):", note)
    return int(match[1]) if match else 1 << 30


def _mass_mg(amount: Amount | None) -> tuple[str, float] | None:
    if amount is None:
        return None
    factor = {"g": 1000.0, "mg": 1.0, "mcg": 0.001, "kg": 1e6}.get(amount.measure.unit)
    if factor is not None and amount.measure.qualifier is None:
        return "mass", amount.value * factor
    if amount.measure.unit == "CFU":
        return "cfu", amount.value
    return None


@dataclass
class _Blend:
    item: _Item
    row: dict | None  # None: a blend heading without a total amount (its members become rows of their own)
    path: tuple
    depth: int
    remaining: tuple[str, float] | None


class _Reader:
    def __init__(self, lines: list[_Line]):
        self.lines = lines
        self.label: dict = {}
        self.notes: list[str] = []
        self.origins: dict[tuple, tuple[int, int]] = {}
        self.extra_notes: list[str] = []
        self.sections: dict[str, list[tuple[_Line, str]]] = {}

    def note(self, line: _Line, message: str) -> None:
        self.notes.append(f"line {line.number}: {message}")

    def unread(self, line: _Line, why: str | None = None) -> None:
        self.note(line, f"could not read '{line.text}'" + (f" ({why})" if why else ""))

    # - overall -

    def read(self) -> Conversion:
        start = next((i for i, line in enumerate(self.lines) if _HEADER.match(line.text)), None)
        if start is None:
            start = next((i for i, line in enumerate(self.lines) if _SERVING.match(line.text)), None)
            if start is None:
                raise ImportFailed("no Supplement Facts panel found (no line reads 'Supplement Facts' or 'Serving Size')")
            heading = None
        else:
            heading = self.lines[start]
        self._prelude(self.lines[:start])
        end, items = self._panel(start, heading)
        facts = self._nest(self._merge(items))
        if not facts and not any(item.kind == "row" for item in items):
            where = f"line {heading.number}" if heading else "the serving size"
            raise ImportFailed(f"found a panel at {where} but could not read any of its rows")
        self.label["facts"] = facts
        self._prose(self.lines[end:])
        self._finish()
        self.notes.sort(key=_note_order)
        return Conversion(self.label, self.notes, self.origins)

    # - above the panel -

    def _prelude(self, lines: list[_Line]) -> None:
        content = [line for line in lines if line.text and not _RULER.match(line.text)]
        if content:
            first = content[0]
            kind, _ = _classify(first.text)
            if kind in (None, "notes", "identity") and not _GENERIC_IDENTITY.match(first.text):
                self.label["product"] = " ".join(first.text.split())
                self.origins[("product",)] = (first.number, first.column)
                content = content[1:]
        self._prose(content)

    # - the panel -

    def _panel(self, start: int, heading: _Line | None) -> tuple[int, list[_Item]]:
        items: list[_Item] = []
        lines = list(self.lines)
        if heading is not None:
            rest = _HEADER.match(heading.text)["rest"].strip()
            if rest:  # "Supplement Facts Serving Size 2 Capsules" on one line
                lines[start] = heading.part(len(heading.text) - len(rest))
            else:
                start += 1
        after_footnote = False
        index = start
        while index < len(lines):
            line = lines[index]
            text = line.text
            if not text or _RULER.match(text):
                index += 1
                continue
            if _HEADER.match(text):
                self.note(line, "a second 'Supplement Facts' heading: its rows are read into the same label")
                index += 1
                continue
            if match := _SERVING.match(text):
                self._serving(line, match, lines, index)
                if match["spc"] is not None:
                    self._per_container(line, match["spc"])
                index += 1
                continue
            if match := _PER_CONTAINER.match(text):
                self._per_container(line, match["spc"])
                index += 1
                continue
            if _HEADINGS.match(text):
                index += 1
                continue
            if _disclaimer_at(text):  # not None, not 0
                break  # claims and the disclaimer on one line
            kind, _ = _classify(text)
            if kind in ("disclaimer", "other_ingredients", "allergens", "directions", "warnings") or (
                    kind in ("claims", "notes") and _parse_row(line).kind not in ("row", "bad")):
                break
            if _MARKED_FOOTNOTE.match(text) or _FOOTNOTE.match(text):
                after_footnote = True
                index += 1
                continue
            if _CALORIES.match(text):
                self.extra_notes.append(text)
                self.note(line, f"'{text}' kept under notes: the label format has no field for calories")
                index += 1
                continue
            # a name whose parenthesis closes on a following line, or a list that goes on: join them
            joined, used = text, 0
            while used < 3 and index + used + 1 < len(lines) and lines[index + used + 1].text and (
                    joined.count("(") > joined.count(")") or (joined.endswith(",") and ":" in joined)):
                joined = f"{joined} {lines[index + used + 1].text}"
                used += 1
            if used and joined.count("(") != joined.count(")"):
                joined, used = text, 0
            item = _parse_row(line, joined)
            if used and item.amount is not None and item.amount not in text:  # the amount is on a later line
                for later in lines[index + 1: index + 1 + used]:
                    found = later.text.rfind(item.amount)
                    if found >= 0:
                        item.amount_line, item.amount_column = later, later.col(found)
                        if item.dv and item.dv in later.text:
                            item.dv_at = (later.number, later.col(later.text.rfind(item.dv)))
            if after_footnote and item.kind != "row":
                break  # past the footnotes: prose
            items.append(item)
            index += 1 + used
        return index, items

    def _serving(self, line: _Line, match: re.Match, lines: list[_Line], index: int) -> None:
        size = match["size"].strip(" :")
        if not size and index + 1 < len(lines) and re.match(r"^\d", lines[index + 1].text):
            size = lines[index + 1].text
            lines[index + 1] = lines[index + 1].part(0, 0)
        if not size:
            self.unread(line, "no serving size after 'Serving Size'")
            return
        if "serving" in self.label:
            self.note(line, f"a second serving size '{size}' was left out")
            return
        self.label["serving"] = {"size": _lower_units(" ".join(size.split()))}
        self.origins[("serving", "size")] = (line.number, line.column)

    def _per_container(self, line: _Line, text: str) -> None:
        found = re.search(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)", text or "")
        value = float(found[1].replace(",", "")) if found else 0.0
        if value <= 0 or not math.isfinite(value):
            self.unread(line, "no number of servings per container")
            return
        self.label["servings_per_container"] = int(value) if value.is_integer() else value
        self.origins[("servings_per_container",)] = (line.number, line.column)

    def _merge(self, items: list[_Item]) -> list[_Item]:
        """A name on one line and its amount on the next become one row; a %DV alone joins the row above."""
        merged: list[_Item] = []
        for item in items:
            previous = merged[-1] if merged else None
            if item.kind == "amount" and previous is not None and previous.kind == "name" \
                    and item.line.number - previous.line.number <= 2:
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
                self.unread(item.line, item.error)
            elif item.kind in ("amount", "dv"):
                self.unread(item.line, "an amount or %DV with no ingredient name before it")
            else:
                merged.append(item)
        return merged

    def _nest(self, items: list[_Item]) -> list[dict]:
        facts: list[dict] = []
        indented = len({item.line.indent for item in items}) > 1
        stack: list[_Blend] = []
        for position, item in enumerate(items):
            following = items[position + 1] if position + 1 < len(items) else None
            why = None
            while stack and not (why := self._member_of(item, stack[-1], indented)):
                stack.pop()
            row = self._row(item)
            parent = stack[-1] if stack else None
            if parent is not None and parent.row is not None:
                parent.row.setdefault("blend", []).append(row)
                path = (*parent.path, "blend", len(parent.row["blend"]) - 1)
                if why == "fits":
                    self.note(item.line, f"'{item.name}' read as a member of '{parent.item.name}' (not indented, but its "
                                         "amount fits in the blend's total): check it")
                if parent.remaining is not None and (mass := _mass_mg(_parses(item.amount or ""))) is not None \
                        and mass[0] == parent.remaining[0]:
                    parent.remaining = (mass[0], parent.remaining[1] - mass[1])
            elif item.amount is not None:
                facts.append(row)
                path = ("facts", len(facts) - 1)
            else:
                heads_members = following is not None and (
                    following.line.indent > item.line.indent or following.marked) and item.kind == "name"
                if heads_members or (_BLENDISH.search(item.name) and following is not None):
                    self.note(item.line, f"the blend '{item.name}' has no total amount, so its members are imported as "
                                         "rows of their own")
                    stack.append(_Blend(item, None, (), len(stack), None))
                elif parent is not None:
                    self.unread(item.line, f"a member of '{parent.item.name}', which has no total amount, "
                                           "and no amount of its own")
                else:
                    self.unread(item.line, "no amount")
                continue
            self._record(item, path)
            if item.amount is not None or parent is not None:
                can_head = parent is None or (indented and item.line.indent > parent.item.line.indent)
                if can_head:
                    stack.append(_Blend(item, row, path, len(stack), _mass_mg(_parses(item.amount or ""))))
        return facts

    @staticmethod
    def _member_of(item: _Item, blend: _Blend, indented: bool) -> str | None:
        """Why the item is a member of the blend ("indented", "marked", "unmeasured", "fits"), or None."""
        head = blend.item
        blendish = bool(_BLENDISH.search(head.name)) or bool(blend.row and blend.row.get("blend")) or head.kind == "name"
        deeper = indented and item.line.indent > head.line.indent
        if blend.depth > 0 or head.members:  # a member heading members of its own, or a blend listing its members
            return "indented" if deeper else None
        if deeper:
            # a nutrient row with its own %DV indented by accident (OCR) does not join the row above it
            return "indented" if blendish or not item.numeric_dv else None
        if indented and item.line.indent < head.line.indent:
            return None
        if item.marked and blendish:
            return "marked"
        if item.amount is None:
            return "unmeasured" if blendish and not item.members and blend.row is not None else None
        if not indented and blendish and not item.numeric_dv and blend.remaining is not None and blend.row is not None \
                and not item.members and not _BLENDISH.search(item.name):
            mass = _mass_mg(_parses(item.amount))
            if mass is not None and mass[0] == blend.remaining[0] and mass[1] <= blend.remaining[1] + 1e-9:
                return "fits"
        return None

    @staticmethod
    def _row(item: _Item) -> dict:
        row: dict = {"name": item.name}
        if item.as_:
            row["as"] = item.as_
        if item.amount is not None:
            row["amount"] = item.amount
        if item.dv is not None:
            row["dv"] = item.dv
        if item.members:
            row["blend"] = [dict(member) for member in item.members]
        return row

    def _record(self, item: _Item, path: tuple) -> None:
        self.origins[path] = (item.line.number, item.line.column)
        self.origins[(*path, "name")] = (item.line.number, item.line.column)
        if item.amount is not None:
            amount_line = item.amount_line or item.line
            self.origins[(*path, "amount")] = (amount_line.number, item.amount_column or amount_line.column)
        if item.dv is not None and item.dv_at:
            self.origins[(*path, "dv")] = item.dv_at
        for index, _member in enumerate(item.members):
            self.origins[(*path, "blend", index)] = (item.line.number, item.line.column)

    # - the text around the panel -

    def _prose(self, lines: list[_Line]) -> None:
        current: tuple[str, _Line] | None = None
        for line in lines:
            text = line.text
            if not text:
                current = None
                continue
            if _RULER.match(text):
                continue
            if _FOOTNOTE.match(text) or _MARKED_FOOTNOTE.match(text):
                continue  # a footnote of the panel ("† Daily Value not established")
            position = _disclaimer_at(text)
            if position:  # "Supports bone health.* *These statements ..."
                self._prose_line(line.part(0, position), None)
                line = line.part(position)
                text = line.text
            kind, body = _classify(text)
            if kind is None and current is not None and current[0] in _SECTION_CONTINUES:
                self._add(current[0], line, text, continued=True)
                continue
            current = self._prose_line(line, (kind, body))

    def _prose_line(self, line: _Line, classified: tuple[str | None, str] | None) -> tuple[str, _Line] | None:
        kind, body = classified if classified is not None else _classify(line.text)
        if kind is None:
            self.extra_notes.append(line.text)
            self.note(line, f"not recognised, kept under notes: '{line.text}'")
            return None
        self._add(kind, line, body, continued=False)
        return kind, line

    def _add(self, kind: str, line: _Line, text: str, continued: bool) -> None:
        text = " ".join(text.split())
        if kind == "notes":
            self.extra_notes.append(text)
            return
        if kind == "claims":
            for claim in _claims(text):
                self.sections.setdefault("claims", []).append((line, claim))
            return
        entries = self.sections.setdefault(kind, [])
        if kind == "disclaimer" and entries and _disclaimer_at(text) is None:
            continued = True
        if continued and entries:
            previous_line, previous = entries[-1]
            entries[-1] = (previous_line, f"{previous} {text}".strip())
        else:
            entries.append((line, text))

    # - assembling the label -

    def _finish(self) -> None:
        if "product" not in self.label:
            self.label["product"] = PLACEHOLDER_PRODUCT
            self.notes.append(f"no product name above 'Supplement Facts': product is '{PLACEHOLDER_PRODUCT}'; "
                              "write the name as printed")
        sections = self.sections
        if entries := sections.get("identity"):
            self.label["identity"] = entries[0][1]
            self.origins[("identity",)] = (entries[0][0].number, entries[0][0].column)
            for line, text in entries[1:]:
                self.extra_notes.append(text)
        if entries := sections.get("other_ingredients"):
            ingredients = [piece for _, text in entries for piece in _split_list(text)]
            if ingredients:
                self.label["other_ingredients"] = ingredients
                self.origins[("other_ingredients",)] = (entries[0][0].number, entries[0][0].column)
        self._text_field("allergens", joined=True)
        self._text_field("directions", joined=True)
        if entries := sections.get("claims"):
            self.label["claims"] = [text for _, text in entries]
            for index, (line, _) in enumerate(entries):
                self.origins[("claims", index)] = (line.number, line.column)
        if entries := sections.get("disclaimer"):
            text = " ".join(re.sub(r"^[*†‡]+\s*", "", entries[0][1]).split())
            if text:
                self.label["disclaimer"] = text
                self.origins[("disclaimer",)] = (entries[0][0].number, entries[0][0].column)
            for line, other in entries[1:]:
                self.extra_notes.append(other)
                self.note(line, "a second DSHEA disclaimer, kept under notes")
        if entries := sections.get("warnings"):
            warnings: list[str] = []
            for line, text in entries:
                if not text:
                    continue
                pieces = [text] if _IRON.search(text) else _sentences(text)
                for piece in pieces:
                    self.origins[("warnings", len(warnings))] = (line.number, line.column)
                    warnings.append(piece)
            if warnings:
                self.label["warnings"] = warnings
        if self.extra_notes:
            self.label["notes"] = list(self.extra_notes)
        serving = self.label.get("serving")
        if serving and self.label.get("directions"):
            per_day = _per_day(serving["size"], self.label["directions"])
            if per_day is not None:
                serving["per_day"] = per_day

    def _text_field(self, kind: str, joined: bool) -> None:
        entries = [(line, text) for line, text in self.sections.get(kind, []) if text]
        if entries:
            self.label[kind] = " ".join(text for _, text in entries)
            self.origins[(kind,)] = (entries[0][0].number, entries[0][0].column)
