"""Vocabularies that cost nothing until a text needs them: regular-expression lists compiled one entry at a time,
only when a literal the entry cannot match without appears in the text, and a phrase list (thousands of disease
names) looked up word by word, with no pattern at all.

Not a kind (no ``Spec``), so kind discovery skips it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

Span = tuple[int, int]

#: The most words a `Terms` remembers the gates of (then it starts afresh): some thousands of a site's words.
_REMEMBERED = 8192


# Every ASCII character but letters and digits, to a space: an ASCII text's words are then its split, which costs less
# than a regex.
_NOT_ALNUM = str.maketrans(dict.fromkeys((chr(c) for c in range(128) if not chr(c).isalnum()), " "))


@lru_cache(maxsize=64)
def words(lowered: str) -> frozenset[str]:
    """The distinct words of a text (in ASCII its runs of letters and digits, else `_WORD`'s), each run of letters
    and digits inside one of them: split once for the several lists, and rules, that read a page's text."""
    if lowered.isascii():
        return frozenset(lowered.translate(_NOT_ALNUM).split())
    return frozenset(_WORD.findall(lowered))


@lru_cache(maxsize=4096)
def whole_words(pattern: str) -> re.Pattern:
    """``pattern`` as a case-insensitive regex that matches whole words only."""
    return re.compile(rf"(?<![\w])(?:{pattern})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains ("treat(?:s|ed)?" → {"treat"};
    "(?:ldl|cholesterol)\\s+fell" → {"fell"}), or None when there is no such set (then the pattern is always
    tried). A small reading of the syntax vocabularies use (literals, escapes, classes, groups, alternation,
    look-arounds, quantifiers), far cheaper than compiling: anything it does not know only shortens what it
    requires, so the answer stays a necessary condition."""
    # A top-level alternation ("over-the-counter|otc") requires one literal of each branch, as a group's does.
    branches, _ = _alternatives(pattern, 0)
    return _best(branches[0]) if len(branches) == 1 else _union(branches)


@lru_cache(maxsize=4096)
def _ascii_literals(pattern: str) -> frozenset[str] | None:
    """`required_literals` when they are all ASCII (so an ASCII text's lower case holds one wherever the pattern,
    read case-insensitively, matches); else None."""
    found = required_literals(pattern)
    return found if found is not None and all(s.isascii() for s in found) else None


_ZERO_MIN = frozenset("?*")
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}  # how many follow the escape's letter
_LITERALS = re.compile(r"[^\\\[\](){}|?*+.^$]+")
_SCOPED_FLAGS = re.compile(r"\?[aimsux]*(?:-[imsx]+)?:")


def _alternatives(pattern: str, pos: int) -> tuple[list[list], int]:
    branches = []
    while True:
        items, pos = _sequence(pattern, pos)
        branches.append(items)
        if pos < len(pattern) and pattern[pos] == "|":
            pos += 1
            continue
        return branches, pos


def _sequence(pattern: str, pos: int) -> tuple[list, int]:
    """Items up to the next top-level | or ) : ("lit", char), ("group", branches) or ("gap",)."""
    items: list = []
    item: tuple  # ("lit", char), ("group", branches) or ("gap",)
    size = len(pattern)
    while pos < size:
        char = pattern[pos]
        if char in "|)":
            return items, pos
        run = _LITERALS.match(pattern, pos)
        if run and run.end() - pos > 1:  # a run of plain characters, all but the last (a quantifier may follow)
            items.append(("lit", pattern[pos : run.end() - 1].lower()))
            pos = run.end() - 1
            char = pattern[pos]
        if char == "\\":
            nxt = pattern[pos + 1 : pos + 2]
            item = ("lit", nxt.lower()) if nxt and not nxt.isalnum() else ("gap",)
            pos += 2
            # A character by its code or name ("\x41", "\u00e9", "\N{DASH}"), an octal one or a back-reference
            # ("\012", "\12"): the whole escape is one gap, not a letter or digit followed by literals.
            if nxt == "N":
                pos = pattern.find("}", pos) + 1 or size
            elif nxt in _HEX_DIGITS:
                pos = min(size, pos + _HEX_DIGITS[nxt])
            elif nxt.isdigit():
                last = min(size, pos + 2)  # up to three digits in all
                while pos < last and pattern[pos].isdigit():
                    pos += 1
        elif char == "[":
            end = pos + 1
            if pattern[end : end + 1] == "^":
                end += 1
            if pattern[end : end + 1] == "]":
                end += 1
            while end < size and pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            item, pos = ("gap",), end + 1
        elif char == "(":
            pos += 1
            look = pattern.startswith(("?=", "?!", "?<=", "?<!"), pos)
            if pattern.startswith("?:", pos):
                pos += 2
            elif pattern.startswith("?P<", pos):
                pos = pattern.index(">", pos) + 1
            elif look:
                pos += 3 if pattern[pos + 1] == "<" else 2
            elif scoped := _SCOPED_FLAGS.match(pattern, pos):
                # A group with its own flags ("(?-i:MS)"): what it matches case-sensitively its lower case holds
                # too, so its literals are required as any group's are.
                pos = scoped.end()
            elif pattern.startswith("?", pos):  # global flags and the like: read as an opaque group
                look = True
                pos += 1
            branches, pos = _alternatives(pattern, pos)
            pos += 1  # the closing parenthesis
            item = ("gap",) if look else ("group", branches)
        elif char in ".^$":
            item, pos = ("gap",), pos + 1
        else:
            item, pos = ("lit", char.lower()), pos + 1
        # A quantifier: optional items require nothing; a repeated one is required once, but what follows it is
        # not next to it.
        if pos < size and (pattern[pos] in "?*+" or pattern[pos] == "{"):
            optional = pattern[pos] in _ZERO_MIN
            if pattern[pos] == "{":
                close = pattern.find("}", pos)
                if close < 0:  # a "{" that closes nothing is a character: read as a gap
                    close, low = pos, ""
                else:
                    low = pattern[pos + 1 : close].split(",", maxsplit=1)[0].strip()
                optional = not low.isdigit() or int(low) == 0
                pos = close + 1
            else:
                pos += 1
            if pos < size and pattern[pos] in "?+":
                pos += 1
            items.append(("gap",) if optional else item)
            if not optional:
                items.append(("gap",))
            continue
        items.append(item)
    return items, pos


def required_sets(pattern: str) -> tuple[frozenset[str], ...]:
    """Every set of lower-case strings (as `required_literals` reads them) one of which each match of ``pattern``
    contains: ``"\\b(?:ask|see)\\b.*\\b(?:doctor|nurse)"`` → ({"ask", "see"}, {"doctor", "nurse"}). Empty when
    nothing is required."""
    branches, _ = _alternatives(pattern, 0)
    if len(branches) == 1:
        return tuple(_required(branches[0]))
    found = _union(branches)
    return (found,) if found else ()


def _best(items) -> frozenset[str] | None:
    """The most selective required set of a sequence: the candidate whose shortest member is longest."""
    usable = _required(items)
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _required(items) -> list[frozenset[str]]:
    """The required sets of a sequence, each one it cannot match without."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for item in items:
        if item[0] == "lit":
            run.append(item[1])
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        if item[0] == "group":
            found = _union(item[1])
            if found:
                candidates.append(found)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return [c for c in candidates if all(c)]


def _union(branches) -> frozenset[str] | None:
    sets = [_best(branch) for branch in branches]
    if any(s is None for s in sets):
        return None
    return frozenset().union(*(s for s in sets if s is not None))


class Literals:
    """Which of some lower-case strings a text in lower case holds, by the text's words rather than by a search for
    every string in it: a string of letters and digits lies inside one word of a text that holds it, so the words
    say; the others (with a space, hyphen or apostrophe) are searched for. What each word holds is remembered (most
    words of a site's prose recur and hold nothing), up to `_REMEMBERED` words."""

    __slots__ = ("_by_word", "_in_words", "_lengths", "_plain", "_spanning", "strings")

    def __init__(self, strings: Iterable[str]):
        self.strings = tuple(strings)
        self._in_words = {string: i for i, string in enumerate(self.strings) if string.isalnum()}
        self._spanning = tuple((i, string) for i, string in enumerate(self.strings) if string not in self._in_words)
        self._lengths = tuple(sorted({len(string) for string in self._in_words}))
        self._plain: set[str] = set()  # words seen that hold none of the strings
        self._by_word: dict[str, tuple[int, ...]] = {}  # words seen that hold some: their indexes

    def __getstate__(self) -> tuple[str, ...]:
        return self.strings

    def __setstate__(self, strings: tuple[str, ...]) -> None:
        self.__init__(strings)  # type: ignore[misc]  # the indexes are rebuilt, the remembered words left out

    def __bool__(self) -> bool:
        return bool(self.strings)

    def found(self, lowered: str) -> set[int]:
        """The indexes of the strings that are substrings of ``lowered``."""
        found: set[int] = set()
        by_word = self._by_word
        for word in words(lowered).difference(self._plain):
            indexes = by_word.get(word)
            if indexes is None:
                indexes = self._inside(word)
            found.update(indexes)
        for index, string in self._spanning:
            if string in lowered:
                found.add(index)
        return found

    def _inside(self, word: str) -> tuple[int, ...]:
        strings, size = self._in_words, len(word)
        indexes = tuple(
            index
            for length in self._lengths
            if length <= size
            for start in range(size - length + 1)
            if (index := strings.get(word[start : start + length])) is not None
        )
        if len(self._plain) + len(self._by_word) >= _REMEMBERED:
            self._plain.clear()
            self._by_word.clear()
        if indexes:
            self._by_word[word] = indexes
        else:
            self._plain.add(word)
        return indexes


class Terms:
    """A list of regex entries searched as one alternation would be, but each entry is compiled only when one of its
    required literals occurs in the text (most texts need a handful of the hundreds of entries)."""

    __slots__ = ("_always", "_gates", "_literals", "entries")

    def __init__(self, entries: Iterable[str]):
        self.entries = tuple(entries)
        gates: dict[str, list[str]] = {}
        always: list[str] = []
        for entry in self.entries:
            literals = required_literals(entry)
            if literals is None:
                always.append(entry)
            else:
                for literal in literals:
                    gates.setdefault(literal, []).append(entry)
        self._gates = tuple(tuple(entries) for entries in gates.values())
        self._literals = Literals(gates)
        self._always = tuple(always)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def candidates(self, lowered: str) -> tuple[str, ...]:
        """The entries that can match somewhere in ``lowered`` (the text in lower case): those with a required
        literal that is a substring of it."""
        found = self._literals.found(lowered) if self._literals else None
        if not found:
            return self._always
        if len(found) == 1 and not self._always:
            return self._gates[found.pop()]
        # The entries in first-seen order of their gates, without repeats.
        return tuple(dict.fromkeys(chain(self._always, *(self._gates[index] for index in sorted(found)))))

    @staticmethod
    def spans(entries: Iterable[str], text: str) -> list[Span]:
        """Non-overlapping matches of ``entries`` in ``text``, left to right, the longest at each start."""
        if text.isascii():  # the entries were chosen for a whole text; ``text`` is often one sentence of it
            lowered = text.lower()
            entries = [e for e in entries if (need := _ascii_literals(e)) is None or any(s in lowered for s in need)]
        found = [m.span() for e in entries for m in whole_words(e).finditer(text)]
        return _leftmost_longest(span for span in found if span[1] > span[0]) if found else []


class Prefilter:
    """Whether a text can hold a match of one of some regular expressions: a pattern matches only a text that holds
    a string of each of its required sets (`required_sets`), which the text's words say at once; for the many texts
    that hold none, the search can be skipped. A pattern it cannot read so (other flags than case, inline flags, a
    literal outside ASCII) may always match, as may a text outside ASCII (where case-insensitive matching is more
    than lower case)."""

    __slots__ = ("_always", "_literals", "_needs")

    def __init__(self, patterns: Iterable[re.Pattern]):
        strings: dict[str, int] = {}
        needs: list[tuple[frozenset[int], ...]] = []
        always = False
        for pattern in patterns:
            sets = _readable_sets(pattern)
            if not sets:
                always = True
                continue
            # The most selective set first (its shortest string longest), the one most texts lack.
            ordered = sorted(sets, key=lambda group: -min(map(len, group)))
            needs.append(tuple(frozenset(strings.setdefault(s, len(strings)) for s in group) for group in ordered))
        self._always = always
        self._needs = tuple(needs)
        self._literals = Literals(strings)

    def may_match(self, text: str) -> bool:
        """False only when none of the patterns can match ``text``."""
        if self._always or not text.isascii():
            return True
        found = self._literals.found(text.lower())
        for sets in self._needs:
            for group in sets:
                if found.isdisjoint(group):
                    break
            else:
                return True
        return False


_PLAIN_FLAGS = re.IGNORECASE | re.UNICODE


def _readable_sets(pattern: re.Pattern) -> tuple[frozenset[str], ...]:
    """`required_sets` of a compiled pattern, when its literals can be looked for in a text's lower case; else ()."""
    source = pattern.pattern
    if (
        not isinstance(source, str)
        or pattern.flags & ~_PLAIN_FLAGS
        or re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]+\)", source)  # the test the kinds make before joining patterns
    ):
        return ()
    sets = required_sets(source)
    return sets if all(s.isascii() for group in sets for s in group) else ()


# A word of a phrase list: letters and digits, with an inner apostrophe ("crohn's") or hyphen ("covid-19").
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


_PLAIN = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*(?: [a-z0-9]+(?:['-][a-z0-9]+)*)*")  # words _WORD reads alike


# A lower-case letter followed by a capital inside a word: two words glued where a space was lost ("StoneTreatment",
# "OutStones"), as OCR and careless copy leave them. A phrase list reads the parts as words.
_GLUED = re.compile(r"[a-z][A-Z]")
_PART = re.compile(r"[A-Z]?[^\W_A-Z]+(?:['-][^\W_]+)*|[A-Z]+(?![^\W_A-Z])(?:['-][^\W_]+)*|[^\W_]")


class _Part:
    """A piece of a glued word, shaped as a regex match (group and span) for `Phrases.spans`."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self._text

    def span(self) -> Span:
        return self._start, self._end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _parts(match) -> list:
    word = match.group()
    if not _GLUED.search(word):
        return [match]
    base = match.start()
    return [_Part(m.group(), base + m.start(), base + m.end()) for m in _PART.finditer(word)]


_PLURAL_END = re.compile(r"[^su]s$")


def _key(word: str) -> str:
    word = word.lower()
    return word[:-2] if word.endswith("'s") else word


class Phrases:
    """A list of plain phrases ("type 2 diabetes", "crohn's disease"), found in a text as whole words, case and
    possessive "'s" ignored, a plural "s" or "es" on the last word allowed. Built from data with no pattern to
    compile: a set of strings, so a list of thousands costs a few milliseconds."""

    __slots__ = ("_compact", "_exact", "_first", "_heads", "_longest", "_pairs", "_phrases", "_sizes")

    def __init__(self, phrases: Iterable[str], exact: Iterable[str] = ()):
        """``exact``: phrases matched only as written, in the case given (an abbreviation that is also a word:
        "AIDS", not "aids")."""
        keyed = {_keyed(phrase) for phrase in phrases}
        keyed.discard("")
        # A phrase listed in the plural is also read in the singular ("kidney stones": "a kidney stone"), added here
        # so that a lookup costs nothing more.
        keyed |= {phrase[:-1] for phrase in keyed if " " in phrase and _PLURAL_END.search(phrase)}
        self._phrases = frozenset(keyed)
        self._first = frozenset(phrase.partition(" ")[0] for phrase in keyed)
        self._longest = max((phrase.count(" ") + 1 for phrase in keyed), default=1)
        self._exact = frozenset(exact)
        self._compact: dict[int, frozenset[str]] = {}
        # For an ASCII text (see `_none_in`, `_ascii_spans`, `_match`), built here so that the data cache keeps them.
        # A word that may start a phrase: a first word, its first run of letters and digits, either with a plural
        # "s" or "es", or an exact phrase.
        first = self._first
        runs = {word.replace("'", "-").partition("-")[0] for word in first}
        plurals = {word + end for word in first for end in ("s", "es")}
        self._heads = frozenset(first | runs | plurals | {_key(phrase) for phrase in self._exact})
        sizes: dict[str, set[int]] = {}
        for phrase in self._phrases:
            head, _, rest = phrase.partition(" ")
            if rest:
                sizes.setdefault(head, set()).add(rest.count(" ") + 2)
        # The lengths, in words, of the phrases of two or more words, by first word, longest first.
        self._sizes = {head: tuple(sorted(found, reverse=True)) for head, found in sizes.items()}
        # The first two words of each phrase of two or more: a head ("acute", "chronic", "type") starts hundreds of
        # the ontology's names, and a text's next word rules most of them out with one lookup.
        self._pairs = frozenset(" ".join(phrase.split(" ", 2)[:2]) for phrase in self._phrases if " " in phrase)

    def __bool__(self) -> bool:
        return bool(self._phrases or self._exact)

    def spans(self, text: str) -> list[Span]:
        glued = _GLUED.search(text)
        if not glued and text.isascii():
            return [] if self._none_in(text) else self._ascii_spans(text)
        matches: list = list(_WORD.finditer(text))
        if glued:  # words run together without a space ("Kidney StoneTreatment"): read each part
            matches = [part for m in matches for part in _parts(m)]
        keys = [_key(m.group()) for m in matches]
        spans: list[Span] = []
        first, exact = self._first, self._exact
        index = 0
        while index < len(keys):
            if exact and matches[index].group() in exact:
                spans.append(matches[index].span())
                index += 1
                continue
            head = keys[index]
            # Most words start no phrase: the set lookup (and, for a word ending in "s", its singular's) says so
            # without a call; every page's prose runs through here.
            if head not in first and (head[-1:] != "s" or not any(s in first for s in _singulars(head))):
                index += 1
                continue
            size = self._match(keys, index)
            if size:
                spans.append((matches[index].start(), matches[index + size - 1].end()))
                index += size
            else:
                index += 1
        return spans

    def _none_in(self, text: str) -> bool:
        """Whether no word of ``text`` (ASCII, no glued words) can start a phrase, by the text's shared word split:
        a word starts one only if its first run of letters and digits is that of a phrase's first word, or such a
        word with a plural "s" or "es"."""
        if self._exact and any(phrase in text for phrase in self._exact):
            return False
        return self._heads.isdisjoint(words(text.lower()))

    def _ascii_spans(self, text: str) -> list[Span]:
        """`spans` of an ASCII text without glued words, read in lower case (same offsets, same words): only the
        words that may start a phrase (`_heads`: a first word, or one with "s" or "es", which is all a plural can
        be, or an exact phrase in lower case) are looked at; every other word is passed over, as `spans` would."""
        lowered = text.lower()
        matches = list(_WORD.finditer(lowered))
        keys = [word[:-2] if word.endswith("'s") else word for word in [m.group() for m in matches]]
        exact, first, heads = self._exact, self._first, self._heads
        spans: list[Span] = []
        after = 0  # the first word not inside a phrase found
        for index in [i for i, key in enumerate(keys) if key in heads]:
            if index < after:
                continue
            if exact and text[matches[index].start() : matches[index].end()] in exact:
                spans.append(matches[index].span())
                after = index + 1
                continue
            head = keys[index]
            if head not in first and (head[-1:] != "s" or not any(s in first for s in _singulars(head))):
                continue
            size = self._match(keys, index)
            if size:
                spans.append((matches[index].start(), matches[index + size - 1].end()))
                after = index + size
        return spans

    def glued(self, lowered: str, shortest: int) -> bool:
        """Whether ``lowered`` (words run together, as in a hashtag) holds a phrase of at least ``shortest`` letters
        with its spaces, hyphens and apostrophes left out ("postcovidsyndrome" holds "covid")."""
        compact = self._compact.get(shortest)
        if compact is None:
            compact = frozenset(c for c in (re.sub(r"[\s'-]", "", p) for p in self._phrases) if len(c) >= shortest)
            self._compact[shortest] = compact
        size = len(lowered)
        return any(lowered[i:j] in compact for i in range(size) for j in range(i + shortest, size + 1))

    def _match(self, keys: list[str], index: int) -> int:
        head = keys[index]
        if head not in self._first and not any(s in self._first for s in _singulars(head)):
            return 0
        phrases = self._phrases
        room = len(keys) - index
        sizes = self._sizes.get(head, ())
        if sizes and room >= 2:
            second = keys[index + 1]
            pairs = self._pairs
            if f"{head} {second}" not in pairs and not any(f"{head} {s}" in pairs for s in _singulars(second)):
                sizes = ()  # no phrase goes on with this word (a second word is read in the singular only as a last)
        # A phrase of two or more words starts with the head itself (only a last word is read in the singular):
        # only the lengths of those phrases are tried, longest first, then the head alone.
        for size in sizes:
            if size > room:
                continue
            words = keys[index : index + size]
            if " ".join(words) in phrases:
                return size
            stem = " ".join(words[:-1])
            if any(f"{stem} {singular}" in phrases for singular in _singulars(words[-1])):
                return size
        if head in phrases or any(singular in phrases for singular in _singulars(head)):
            return 1
        return 0


def _keyed(phrase: str) -> str:
    """A phrase as `Phrases` compares it: its words (_WORD's) in lower case, without a possessive "'s"."""
    if _PLAIN.fullmatch(phrase) and "'" not in phrase:
        return phrase
    return " ".join(_key(word) for word in _WORD.findall(phrase))


def _singulars(word: str) -> tuple[str, ...]:
    """What a plural may be the plural of ("viruses" → "viruse", "virus")."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
        return ()
    return (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],)


def merge(*groups: list[Span]) -> list[Span]:
    """Spans of several searches as one left-to-right list without overlaps (the longest at each start)."""
    return _leftmost_longest(span for group in groups for span in group)


def _leftmost_longest(found) -> list[Span]:
    """Spans left to right without overlaps: at each start the longest, and none that starts inside one kept."""
    spans: list[Span] = []
    for start, negative_end in sorted((start, -end) for start, end in found):
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, -negative_end))
    return spans
