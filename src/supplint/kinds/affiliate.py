"""Kind `affiliate-disclosure` (pages): affiliate links need a disclosure of the material connection, before them.

A link is an affiliate link when its URL goes through an affiliate network's tracking host or tracking path, has
a tracking parameter, or carries rel="sponsored" (the lists are data: `vocabulary`, data/affiliate.yaml). The
disclosure is a sentence of the page's prose matching one of the `patterns` (negated and third-party uses do not
count, see the data file); the option `vague` lists wording the FTC calls not enough on its own.

- `fires-when: missing` fires at the first affiliate link when nothing discloses, not even vaguely;
- `fires-when: vague` fires at the vague wording when that is all the page says (instead of `missing`);
- `fires-when: late` fires at the disclosure when it comes after the first affiliate link (a reader may already
  have clicked): the adequate disclosure, or, when the page has none, the vague one.

Teams add to the vocabularies with the options `extra-patterns`, `extra-vague` (wording) and `extra-hosts` (regular
expressions searched in a link's host name); setting `patterns` or `vague` replaces the shipped wording.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, ClassVar, Literal
from urllib.parse import parse_qsl, urlsplit

from pydantic import Field

from ..findings import Span
from ..shipped import files as data
from ..shipped.patterns import compiled
from . import Hit, render
from ._text import fold_with_offsets
from .spec import RuleBase

if TYPE_CHECKING:  # supplint.pages loads only when a page is checked
    from ..pages import Link
    from ..pages.context import PageContext

TARGET = "page"

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"url", "why", "link_line", "disclosure_line", "count", "found"})


class Spec(RuleBase):
    kind: Literal["affiliate-disclosure"]
    vocabulary: str
    fires_when: Literal["missing", "late", "vague"] = Field(alias="fires-when")
    REQUIRED_OPTIONS: ClassVar[dict[str, str]] = {"patterns": "patterns"}


@dataclass(frozen=True, slots=True)
class PathShape:
    host: re.Pattern | None
    path: re.Pattern
    parameters: frozenset[str]


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one object per data file (cached)
class Vocabulary:
    parameters: frozenset[str]
    parameter_values: dict[str, re.Pattern]
    hosts: tuple[str, ...]
    host_set: frozenset[str]
    tracking_paths: dict[str, tuple[str, ...]]  # host -> path prefixes (lower case)
    path_shapes: tuple[PathShape, ...]
    rel: frozenset[str]
    negations: re.Pattern
    others: frozenset[str]
    third_person: re.Pattern
    first_person: re.Pattern
    disclosure_pages: re.Pattern | None
    own_parameters: tuple[tuple[re.Pattern, frozenset[str]], ...] = ()  # (host pattern, names): not referrals
    parameter_names: re.Pattern | None = None  # parameter names that say "affiliate" in any app's spelling
    own_subdomains: frozenset[str] = frozenset()  # first labels of a tracking domain's docs and marketing hosts
    definitions: re.Pattern | None = None  # a sentence that defines a term: it speaks of no one in particular
    quoted_before: re.Pattern | None = None  # wording that introduces quoted or listed examples of wording
    quoted_after: re.Pattern | None = None  # a label followed by "is", "means": the label talked about
    conjunctions: frozenset[str] = frozenset()  # earners that point back to another word: "and", "or"
    relatives: frozenset[str] = frozenset()  # "who", "which"
    imperatives: frozenset[str] = frozenset()  # a sentence opening with one invites the reader
    qualifiers: re.Pattern | None = None  # "not always", "may or may not": a "not" that denies nothing
    clause_breaks: re.Pattern | None = None  # ", but", "however", a dash: a negation before one stops there
    generic_conditions: re.Pattern | None = None  # "If a blogger ...,": a condition about anyone, up to its comma
    not_earners: frozenset[str] = frozenset()  # "attention has been paid", "products are provided": no recipient
    personal_gifts: re.Pattern | None = None  # "from my grandparents", "at a young age": a gift that is no connection
    gifts: re.Pattern | None = None  # the words of a match that make it a gift received (gifted, given, sent ...)
    other_senses: re.Pattern | None = None  # "paid attention to", "paid us a visit": right after a match, no payment


@cache
def load_vocabulary(path: str) -> Vocabulary:
    table = data.load(path)
    try:

        def regex(key, default=None):
            value = table.get(key, default)
            return compiled(value, re.IGNORECASE) if value else None

        return Vocabulary(
            parameters=frozenset(p.lower() for p in table["parameters"]),
            parameter_values={
                k.lower(): re.compile(v, re.IGNORECASE) for k, v in (table.get("parameter-values") or {}).items()
            },
            hosts=tuple(h.lower() for h in table["hosts"]),
            host_set=frozenset(h.lower() for h in table["hosts"]),
            tracking_paths={
                row["host"].lower(): tuple(p.lower() for p in row["paths"]) for row in table.get("tracking-paths") or ()
            },
            path_shapes=tuple(
                PathShape(
                    re.compile(row["host"], re.IGNORECASE) if row.get("host") else None,
                    re.compile(row["path"], re.IGNORECASE),
                    frozenset(p.lower() for p in row.get("parameters") or ()),
                )
                for row in table.get("path-shapes") or ()
            ),
            rel=frozenset(r.lower() for r in table["rel"]),
            negations=regex("negations", r"(?!x)x"),
            others=frozenset(w.lower() for w in table.get("others") or ()),
            third_person=regex("third-person", r"(?!x)x"),
            first_person=regex("first-person", r"(?!x)x"),
            disclosure_pages=regex("disclosure-pages"),
            own_parameters=tuple(
                (re.compile(row["host"], re.IGNORECASE), frozenset(p.lower() for p in row["parameters"]))
                for row in table.get("own-parameters") or ()
            ),
            parameter_names=regex("parameter-names"),
            own_subdomains=frozenset(w.lower() for w in table.get("own-subdomains") or ()),
            definitions=regex("definitions"),
            quoted_before=regex("quoted-before"),
            quoted_after=regex("quoted-after"),
            conjunctions=frozenset(w.lower() for w in table.get("conjunctions") or ()),
            relatives=frozenset(w.lower() for w in table.get("relatives") or ()),
            imperatives=frozenset(w.lower() for w in table.get("imperatives") or ()),
            qualifiers=regex("qualifiers"),
            clause_breaks=regex("clause-breaks"),
            generic_conditions=regex("generic-conditions"),
            not_earners=frozenset(w.lower() for w in table.get("not-earners") or ()),
            other_senses=regex("other-senses"),
            personal_gifts=regex("personal-gifts"),
            gifts=regex("gifts"),
        )
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise ValueError(f"{path} needs the lists parameters, hosts and rel, and valid patterns ({exc})") from None


VOCABULARY = load_vocabulary  # the registry loads each rule's vocabulary file when the packs load


def _on(host: str, known: str) -> bool:
    return host == known or host.endswith("." + known)


def why_affiliate(link: Link, vocabulary: Vocabulary, extra_hosts: tuple[re.Pattern, ...] = ()) -> str | None:
    """Why the link is an affiliate link, in words, or None. ``extra_hosts``: a site's own tracking hosts (the
    option `extra-hosts`, regular expressions searched in the host name), on top of the vocabulary's."""
    if link.rel & vocabulary.rel:
        return 'rel="sponsored"'
    try:
        parts = urlsplit(link.url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    # help.<network>, docs.<network>: the network's own pages on a subdomain of its tracking domain
    labels = host.split(".")
    own_page = labels[0] in vocabulary.own_subdomains and len(labels) >= 3
    known_hosts = vocabulary.host_set
    for i in range(len(labels) - 1):  # the host and each parent domain: a set look-up each, however long the list
        known = ".".join(labels[i:])
        if known in known_hosts and not (own_page and i > 0):
            return f"an affiliate host ({known})"
    for pattern in extra_hosts:
        if host and pattern.search(host):
            return f"a tracking host named in the configuration ({host})"
    path = parts.path.lower() or "/"
    for known, prefixes in vocabulary.tracking_paths.items():
        if _on(host, known) and path.startswith(prefixes):
            return f"an affiliate tracking link ({known}{path})"
    query = parse_qsl(parts.query, keep_blank_values=True)
    if "=" in parts.fragment:  # Post Affiliate Pro and others put the affiliate id in the fragment (#a_aid=...)
        query += parse_qsl(parts.fragment, keep_blank_values=True)
    names = {name.lower() for name, _ in query}
    own = frozenset().union(*(listed for pattern, listed in vocabulary.own_parameters if pattern.search(host)))
    for shape in vocabulary.path_shapes:
        if (
            (shape.host is None or shape.host.search(host))
            and shape.path.search(parts.path)
            and shape.parameters <= names
        ):
            return f"an affiliate link shape ({host}{parts.path})"
    for name, value in query:
        lower = name.lower()
        if lower in own:
            continue
        if lower in vocabulary.parameters or (
            vocabulary.parameter_names is not None and vocabulary.parameter_names.search(lower)
        ):
            return f"a tracking parameter ({name}=)"
        value_shape = vocabulary.parameter_values.get(lower)
        if value_shape is not None and value_shape.search(value):
            return f"a tracking parameter ({name}={value})"
    return None


class _Patterns(tuple):
    """A rule's patterns as a memo key (`_in_run`, `_anywhere`): hashed once per page, where a plain tuple of sixty
    patterns would be hashed again for every prose run and every sentence."""

    _hash: int

    def __new__(cls, items):
        self = super().__new__(cls, items)
        self._hash = tuple.__hash__(self)
        return self

    def __hash__(self) -> int:
        return self._hash


def _extended(options: dict, name: str) -> _Patterns:
    """The option ``name`` and its `extra-` companion: a team's wording adds to the shipped list (setting ``name``
    itself replaces the list)."""
    return _canonical((*(options.get(name) or ()), *(options.get(f"extra-{name}") or ())))


@lru_cache(maxsize=64)
def _canonical(patterns: tuple) -> _Patterns:
    """One key object for equal pattern lists, so the memo's look-ups compare it by identity, not pattern by
    pattern (each page's options hold patterns of their own)."""
    return _Patterns(patterns)


def evaluate(rule: Spec, context: PageContext, options: dict) -> Iterator[Hit]:
    vocabulary = load_vocabulary(rule.vocabulary)
    hosts = tuple(options.get("extra-hosts") or ())
    affiliate = [(link, why) for link in context.page.links if (why := why_affiliate(link, vocabulary, hosts))]
    if not affiliate:
        return
    first, why = min(affiliate, key=lambda item: (item[0].order, item[0].offset))
    disclosure = _first(context, _extended(options, "patterns"), vocabulary)
    fields = {
        "url": first.url,
        "why": why,
        "link_line": first.line,
        "count": len(affiliate),
        "disclosure_line": "",
        "found": "",
    }
    link_span = Span(first.line, first.column, first.line, first.column + max(1, len(first.text)))
    vague = None
    if disclosure is None:
        vague = _first(context, _extended(options, "vague"), vocabulary) or _disclosure_link(context, vocabulary)
    if rule.fires_when == "late":
        # The disclosure the reader gets, adequate or (when that is all there is) vague: after the first affiliate
        # link it is late either way; a vague one is also SUP406.
        given = disclosure if disclosure is not None else vague
        if given is not None and given[:2] > (first.order, first.offset):
            span = given[2]
            fields["disclosure_line"] = span.line
            yield Hit((), render(rule.message, fields), render(rule.hint, fields), span=span)
        return
    if disclosure is not None:
        return
    if rule.fires_when == "missing":
        if vague is None:
            yield Hit((), render(rule.message, fields), render(rule.hint, fields), span=link_span)
        return
    if vague is not None:  # fires-when: vague
        _order, _offset, span, found = vague
        fields.update(found=found, disclosure_line=span.line)
        yield Hit((), render(rule.message, fields), render(rule.hint, fields), span=span)


# A sentence ends at . ! ? ; or : followed by white space (or the run's end), or at a blank line; "Amazon.com" and
# "0.5" do not end one. disclose8: nor does the dot of a German abbreviation that never ends a sentence ("erhalten
# wir ggf. eine Provision", "z.B.", "bzw.", "evtl.", "d.h.", "u.a."), which cut German disclosures in two.
_ABBREVIATIONS = ("ggf", "bzw", "evtl", "z.b", "d.h", "u.a")
# Each as a lookbehind of its own (a lookbehind has a fixed width), before its dot and before a mark after its dot.
_NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{re.escape(word)}{dot})" for dot in (r"\.", "") for word in _ABBREVIATIONS)
_SENTENCE_END = re.compile(_NOT_AFTER_ABBREVIATION + r"[.!?;:]+(?=\s|$)|\n\s*\n", re.IGNORECASE)


def _first(context: PageContext, patterns, vocabulary: Vocabulary):
    """(order, offset, span, words) of the first sentence of the page's prose that one of ``patterns`` matches in
    a way that counts (see `_counts`), or None."""
    if not patterns:
        return None
    from ..pages.context import span_at

    for run in context.page.prose:
        found = _in_run(run.text, patterns, vocabulary)
        if found is not None:
            start, end, words = found
            return run.order, start, span_at(run, start, end), words
    return None  # prose runs come in document order: the first run that matches is the answer


# SUP401, SUP402 and SUP406 read the same runs with the same patterns: the verdict on a run is remembered (bounded).
@lru_cache(maxsize=4096)
def _in_run(raw: str, patterns, vocabulary: Vocabulary):
    """(start, end, words) in ``raw`` of the earliest counting match, or None."""
    text, offsets = fold_with_offsets(raw)
    start = 0
    marks = 0  # quotation marks before `start`, counted sentence by sentence (linear in the run)
    for end_match in [*_SENTENCE_END.finditer(text), None]:
        end = end_match.end() if end_match is not None else len(text)
        if end > start:
            # A quotation can run over a sentence end ("Disclosure: We may earn ..." quoted as an example): a
            # sentence that starts inside one starts quoted.
            found = _in_sentence(text, start, end, patterns, vocabulary, marks % 2 == 1)
            if found is not None:
                begin, stop = found
                return offsets[begin], offsets[stop], raw[offsets[begin] : offsets[stop]]
            marks += text.count('"', start, end)
        start = end
    return None


@lru_cache(maxsize=64)
def _anywhere(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """All the patterns as one regex that finds whether any of them matches at all (each is tried at every
    position, so it fails exactly when every pattern would): one scan in C for the many sentences that say nothing
    of the kind, instead of one call per pattern. None when the patterns cannot be joined (a team's back-reference
    or global flag, or other flags than case); named groups are made plain, since several patterns name the earner.
    Ignoring case where a team's pattern did not only widens it: a sentence is then read, never wrongly skipped."""
    sources = [p.pattern for p in patterns]
    plain_flags = re.IGNORECASE | re.UNICODE
    if (
        len(sources) < 2
        or any(p.flags & ~plain_flags for p in patterns)  # verbose, multiline or dot-all: joined they would differ
        or any(re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]+\)", source) for source in sources)
    ):
        return None
    try:
        return re.compile("|".join(f"(?:{_PLAIN_GROUP.sub('(?:', source)})" for source in sources), re.IGNORECASE)
    except re.error:
        return None


_PLAIN_GROUP = re.compile(r"\(\?P<\w+>")


def _in_sentence(
    text: str, start: int, end: int, patterns, vocabulary: Vocabulary, quoted: bool = False
) -> tuple[int, int] | None:
    sentence = text[start:end].strip()
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    if not sentence:
        return None
    anywhere = _anywhere(patterns)
    if anywhere is not None and anywhere.search(sentence) is None:
        return None  # no pattern matches anywhere in the sentence (the same string each of them reads)
    # The negations of the sentence and where its clauses break, and its first third-person and first-person word:
    # whether one comes before a match is then a bisection or one comparison, however many matches it has.
    negation = _Negations.of(sentence, vocabulary)
    third = _position(vocabulary.third_person, sentence)
    first_person = _position(vocabulary.first_person, sentence)
    # "Affiliate marketing is when a writer earns a commission": a definition discloses nothing unless the
    # publisher speaks of itself in it ("An affiliate commission means that ... I will receive").
    if vocabulary.definitions is not None and first_person == float("inf") and vocabulary.definitions.search(sentence):
        return None
    # Where quotation marks stand, and where the first words that introduce examples end, found once the sentence
    # has a candidate: each match is then judged in O(log n), however many matches a long sentence has.
    quotes = None
    best = None
    condition = _condition_end(vocabulary.generic_conditions, sentence)
    # A gift from family, for an occasion or long ago ("I was gifted my first computer", "it was gifted to me from my
    # grandparents"): the sentence tells of a present, not of a product given for the endorsement (16 CFR 255.5).
    personal = vocabulary.personal_gifts is not None and vocabulary.personal_gifts.search(sentence) is not None
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            if best is not None and match.start() >= best[0]:
                break
            if match.start() < condition or not _counts(match, negation, third, first_person, vocabulary):
                continue
            if personal and vocabulary.gifts is not None and vocabulary.gifts.search(match.group()):
                continue
            if vocabulary.other_senses is not None and vocabulary.other_senses.match(sentence, match.end()):
                continue  # "we have paid close attention to", "she paid us a visit": paying in another sense
            if quotes is None:
                marks = [m.start() for m in _QUOTE.finditer(sentence)] if '"' in sentence else []
                quotes = _Quotes(([-1] if quoted else []) + marks, _end(vocabulary.quoted_before, sentence))
            if not _quoted(sentence, match, quotes, vocabulary):
                best = (match.start(), match.end())
                break
    if best is None:
        return None
    return start + lead + best[0], start + lead + best[1]


def _position(pattern: re.Pattern, sentence: str) -> float:
    match = pattern.search(sentence)
    return match.start() if match else float("inf")


@dataclass(frozen=True, slots=True)
class _Negations:
    """Where a sentence's negations stand, and where its clauses break. A negation governs its own clause: "we are
    not paid to review, but we earn a commission" discloses, "we don't earn a commission" does not. A qualifier's
    "not" denies nothing ("we often (but not always) receive", "we may or may not get paid")."""

    at: list[int]
    breaks: list[int]

    @staticmethod
    def of(sentence: str, vocabulary: Vocabulary) -> _Negations:
        spans = [m.span() for m in vocabulary.qualifiers.finditer(sentence)] if vocabulary.qualifiers else []
        starts = [begin for begin, _ in spans]  # in order and apart: one bisection per negation

        def spared(position: int) -> bool:
            i = bisect_right(starts, position) - 1
            return i >= 0 and position < spans[i][1]

        at = [m.start() for m in vocabulary.negations.finditer(sentence) if not spared(m.start())]
        breaks = (
            [m.start() for m in vocabulary.clause_breaks.finditer(sentence)] if at and vocabulary.clause_breaks else []
        )
        return _Negations(at, breaks)

    def deny(self, match: re.Match) -> bool:
        """Whether a negation stands before the match's end in the match's own clause (from the last clause break
        before the match)."""
        if not self.at or self.at[0] >= match.end():
            return False
        cut = bisect_left(self.breaks, match.start())
        clause_start = self.breaks[cut - 1] if cut else -1
        first = bisect_left(self.at, clause_start)
        return first < len(self.at) and self.at[first] < match.end()


def _condition_end(pattern: re.Pattern | None, sentence: str) -> int:
    """Where a sentence's opening condition about anyone ends ("If a blogger received a free sample, ..."): its first
    comma; 0 when the sentence opens otherwise. What the condition says is nobody's disclosure."""
    if pattern is None or pattern.match(sentence) is None:
        return 0
    comma = sentence.find(",")
    return comma if comma >= 0 else len(sentence)


def _counts(match: re.Match, negation: _Negations, third: float, first_person: float, vocabulary: Vocabulary) -> bool:
    """A match discloses unless a negation comes before its end in its own clause ("we do not receive compensation":
    the earner's "do" and the "not" are both before the verb), or its earner is someone else: a word of `others`
    (group `who`), or a sentence about a third person that names the publisher neither before nor in the match
    ("she received the gaming system free of charge")."""
    if negation.deny(match):
        return False
    groups = match.groupdict()
    # What is given or paid, when a pattern names it before the verb (group `what`): "HBV vaccinations provided to
    # me free of charge", "access to them is provided": a `not-earners` word there is no product given to the
    # publisher. The match is then read from its verb, as if it began there.
    what = groups.get("what")
    if what is not None and what.lower() in vocabulary.not_earners:
        return False
    who = groups.get("who")
    if who is None:
        start = match.end("what") if what is not None else match.start()
        return not (third < start and first_person >= match.end())
    if who.lower() in vocabulary.others or who.lower() in vocabulary.not_earners:
        return False
    earner = who.lower()
    if (earner in vocabulary.conjunctions or earner in vocabulary.relatives) and first_person < match.start():
        return True  # "I test every product and earn a commission"
    if earner in vocabulary.conjunctions:  # "Refer a friend and earn $10": an invitation, by its first word
        opening = _FIRST_WORD.match(match.string)
        return opening is None or opening.group(1).lower() not in vocabulary.imperatives
    if earner in vocabulary.relatives:  # "influencers who were paid": the word before the pronoun earns
        before = _LAST_WORD.search(match.string[max(0, match.start() - 60) : match.start()])  # a bounded look back
        return before is None or before.group(1).lower() not in vocabulary.others
    return not (third < match.start() and first_person > match.start())


@dataclass(frozen=True, slots=True)
class _Quotes:
    marks: list[int]  # the positions of the (folded, straight) quotation marks of the sentence
    examples_from: float  # where the first words that introduce examples ("language like") end


def _end(pattern: re.Pattern | None, sentence: str) -> float:
    match = pattern.search(sentence) if pattern is not None else None
    return match.end() if match else float("inf")


def _quoted(sentence: str, match: re.Match, quotes: _Quotes, vocabulary: Vocabulary) -> bool:
    """Whether the match is wording talked about rather than said: inside quotation marks (an odd number of
    quotation marks before it and at its end; "your name" receives a commission is the publisher's placeholder,
    said), after words that introduce examples ("ambiguous language like #sp", "terms like"), or a one-word label
    followed by "is" or "means" ("Ad (or #ad) is the label ...")."""
    if match.start() >= quotes.examples_from:
        return True
    if bisect_left(quotes.marks, match.start()) % 2 == 1 and bisect_left(quotes.marks, match.end()) % 2 == 1:
        return True
    label = match.group().strip()
    return (
        vocabulary.quoted_after is not None
        and not any(c.isspace() for c in label)
        and vocabulary.quoted_after.match(sentence, match.end()) is not None
    )


_QUOTE = re.compile('"')
_FIRST_WORD = re.compile(r"\W*(\w+)")
_LAST_WORD = re.compile(r"(\w+)\W*$")


def _disclosure_link(context: PageContext, vocabulary: Vocabulary):
    """A link to a disclosure page (its URL says so): a pointer to a disclosure elsewhere, vague on its own."""
    if vocabulary.disclosure_pages is None:
        return None
    for link in sorted(context.page.links, key=lambda item: (item.order, item.offset)):
        try:
            path = urlsplit(link.url.strip()).path
        except ValueError:
            continue
        if vocabulary.disclosure_pages.search(path):
            span = Span(link.line, link.column, link.line, link.column + max(1, len(link.text)))
            return link.order, link.offset, span, link.text or link.url
    return None
