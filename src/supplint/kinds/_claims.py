"""The one reader of disease claims, shared by labels (kind `claim-language`) and pages (kind `prose-claim`).

A text is normalised (`normalise_text`), split into sentences, and each sentence is judged on its own: every
sentence that claims an effect on a disease is one `Claim`, at the words that make it one, so a paragraph with
three claims gives three findings. The vocabulary is data (rules/data/disease-claims.yaml), one list per criterion
of 21 CFR 101.93(g)(2); this module only says how the lists combine:

- `substitutes` (a drug or therapy replaced, compared or augmented: (g)(2)(vi), (vii)) are claims wherever they
  stand, unless negated in their own clause ("is not a substitute for antibiotics").
- `diseases` (named diseases and disease states, (i), (iv)(D)) and `implied` (signs and abnormal states,
  drug classes, the body's response to disease, adverse events of a therapy: (ii), (iii), (v), (viii), (ix)) count
  unless exempt, negated in their own clause, or in a sentence the `cautions` mark as a mention (advice to ask a
  doctor, an interaction, the reader's own medication, what a drug is for).
- How much more a disease needs depends on the text's `mode`: on a label's claims and product name (`claim`)
  nothing more, a claim field claims; in page prose (`prose`) and label notes (`verb`) a claim word (`verbs`) in
  the sentence, or, in prose, a product-name-like fragment ("Flu Immune Drops").
- A sentence with a claim word but no disease of its own claims the disease the previous sentence named, when it
  points back at it ("... arthritis. This formula relieves its symptoms.").

Negation applies to its own clause only: a "not" at a sentence's start does not silence a later clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from .. import data
from ._text import alternation, inside, normalise_text_offsets

Mode = Literal["claim", "verb", "prose"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim sentence: ``term`` (the words that make it a claim) at [start, end), in the sentence
    [sentence_start, sentence_end); offsets index the text as given, before normalisation."""

    term: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class Vocabulary:
    terms: re.Pattern         # diseases and implied phrases: one search says whether a text needs reading at all
    implied: re.Pattern | None
    substitutes: re.Pattern | None
    verbs: re.Pattern
    negations: re.Pattern
    denials: re.Pattern | None    # a negated effect ("is not a substitute", "has not been shown"): negates its clause
    exempt: re.Pattern | None
    cautions: re.Pattern | None
    fragment: re.Pattern | None   # words of a product name ("drops", "formula"), for verbless prose fragments
    pointers: re.Pattern | None   # words that point back at the previous sentence's disease ("it", "symptoms")


#: The data file's lists that are implied claims, each a criterion of 101.93(g)(2) (see the file's comments).
IMPLIED = ("implied", "signs", "product-names", "drug-classes", "body-response", "adverse-events")
SUBSTITUTES = ("substitutes", "augments")


def check_table(path: str) -> dict:
    """The vocabulary file's shape, cheaply: what the registry checks on every start. Compiling its patterns
    (about 0.3 s for the disease lists) waits for the first text with a claim; the test suite compiles them all."""
    table = data.load(path)
    if not isinstance(table, dict) or not table.get("diseases") or not table.get("verbs"):
        raise ValueError(f"{path} needs the lists `diseases` and `verbs`")
    return table


@cache
def vocabulary(path: str) -> Vocabulary:
    table = check_table(path)

    def listed(*keys: str) -> list[str]:
        return [entry for key in keys for entry in (table.get(key) or ())]

    def pattern(*keys: str) -> re.Pattern | None:
        entries = listed(*keys)
        return alternation(entries) if entries else None

    try:
        return Vocabulary(
            alternation([*table["diseases"], *listed(*IMPLIED), *listed(*SUBSTITUTES)]),
            pattern(*IMPLIED), pattern(*SUBSTITUTES), alternation(table["verbs"]),
            alternation(table.get("negations") or ["not"]), pattern("denials"), pattern("exempt"), pattern("cautions"),
            pattern("product-words"), pattern("pointers"),
        )
    except re.error as exc:
        raise ValueError(f"{path}: bad regular expression: {exc}") from None


# A sentence ends at . ! ? (with any closing quote or bracket) before white space and a word that does not start
# in lower case ("e.g. the", "treat . . . diabetes" go on), or at a blank line (a soft line break inside a
# paragraph is not an end). An ellipsis, spaced or not, is
# matched first and does not end one.
_SENTENCE_END = re.compile(r"(?P<dots>\.(?:\s?\.){2,})|[.!?]+[\"')\]]*(?=\s+[^a-z\s]|\s*$)|\n[ \t]*\n")
# A clause, the scope of a negation: split at ; : a spaced dash, a contrasting conjunction, or a comma before a
# new subject ("Not only does it soothe joints, it also cures arthritis"). A plain list comma ("diagnose, treat,
# cure, or prevent") does not split, so the disclaimer's "not" covers its whole list.
_CLAUSE_END = re.compile(
    r"[;:]|\s-\s|\b(?:but|however|whereas|while|unlike|yet)\b"
    r"|,\s*(?=(?:and\s+|so\s+)?(?:it|this|they|we|our|you|these|which|i)\b)", re.IGNORECASE)
_WORD = re.compile(r"\w+")
#: A fragment this short with a product word is a product name or a tag line, not a sentence about a disease.
_FRAGMENT_WORDS = 8


@lru_cache(maxsize=20_000)  # a site's labels and pages repeat their claims
def read_claims(text: str, path: str, mode: Mode) -> tuple[Claim, ...]:
    """Every claim sentence of ``text`` (vocabulary: the data file ``path``), in order."""
    words = vocabulary(path)
    plain, where = normalise_text_offsets(text)
    if not words.terms.search(plain):  # the common case, a structure/function claim, stops here
        return ()
    found: list[Claim] = []
    previous: tuple[str, int, int] | None = None  # the disease the previous sentence named, if any
    for start, end in _sentences(plain):
        sentence = plain[start:end]
        claim = _judge(sentence, words, mode)
        if claim is None and previous is not None and _points_back(sentence, words):
            claim = (previous[0], 0, 0)
        if claim is not None:
            term, term_start, term_end = claim
            if term_end <= term_start:  # the claim's words are in the previous sentence: point at this one
                term_start, term_end = 0, len(sentence.rstrip())
            found.append(Claim(term, *_original(where, start + term_start, start + term_end),
                               *_original(where, start, end)))
        previous = _named_disease(sentence, words)
    return tuple(found)


def _sentences(text: str):
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group("dots"):
            continue
        if text[start:match.end()].strip():
            yield _trimmed(text, start, match.end())
        start = match.end()
    if text[start:].strip():
        yield _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _original(where: list[int] | None, start: int, end: int) -> tuple[int, int]:
    if where is None:
        return start, end
    if start >= len(where):
        return where[-1] + 1, where[-1] + 1
    return where[start], (where[end - 1] + 1 if end > start else where[start])


def _clauses(sentence: str):
    start = 0
    for match in _CLAUSE_END.finditer(sentence):
        yield start, sentence[start:match.start()]
        start = match.end()
    yield start, sentence[start:]


def _judge(sentence: str, words: Vocabulary, mode: Mode) -> tuple[str, int, int] | None:
    """The first claim of one sentence as (term, start, end) in the sentence, or None."""
    if not words.terms.search(sentence):
        return None
    caution = words.cautions is not None and words.cautions.search(sentence) is not None
    verbs: list[tuple[int, int]] | None = None  # found once per sentence, when a disease first needs them
    fragment: bool | None = None
    for offset, clause in _clauses(sentence):
        if not clause or not words.terms.search(clause):
            continue
        negation = words.negations.search(clause)
        first = negation.end() if negation else len(clause) + 1
        # A denial of an effect after a disease negates it too ("in the case of a UTI, cranberry is not a
        # substitute for antibiotics"); any other negation negates only what follows it.
        later = words.denials is not None and words.denials.search(clause) is not None
        if words.substitutes is not None:
            for match in words.substitutes.finditer(clause):
                if first > match.start():
                    return match.group(0), offset + match.start(), offset + match.end()
        if caution:
            continue
        exempt = [m.span() for m in words.exempt.finditer(clause)] if words.exempt else []
        for match in words.terms.finditer(clause):
            start, end = match.span()
            if inside(exempt, start, end) or first <= start or later:
                continue
            hit = (match.group(0), offset + start, offset + end)
            if mode == "claim" or _implied(match.group(0), words):
                return hit
            if verbs is None:
                verbs = [m.span() for m in words.verbs.finditer(sentence)]
            if _has_verb(verbs, offset + start, offset + end):
                return hit
            if mode == "prose":
                if fragment is None:
                    fragment = _fragment(sentence, words)
                if fragment:
                    return hit
    return None


def _implied(term: str, words: Vocabulary) -> bool:
    """An implied claim carries its own verb ("lowers cholesterol", "antiviral"): no other word is needed."""
    return words.implied is not None and words.implied.fullmatch(term) is not None


def _has_verb(verbs: list[tuple[int, int]], start: int, end: int) -> bool:
    """A claim word of the sentence outside the term [start, end) ("cures" in "cures arthritis", not "relief"
    inside a term). Verbs are sorted and do not overlap, so when the first and the last lie inside the term, all
    do."""
    return bool(verbs) and not (verbs[0][0] >= start and verbs[-1][1] <= end)


def _fragment(sentence: str, words: Vocabulary) -> bool:
    """A short run without a sentence's end that names a product ("Diabetes Support Formula")."""
    return (words.fragment is not None and not sentence.rstrip().endswith((".", "?", "!"))
            and len(_WORD.findall(sentence)) <= _FRAGMENT_WORDS and words.fragment.search(sentence) is not None)


def _named_disease(sentence: str, words: Vocabulary) -> tuple[str, int, int] | None:
    """A disease the sentence names outside a caution (a condition the next sentence may claim to act on)."""
    if words.cautions is not None and words.cautions.search(sentence):
        return None
    exempt = [m.span() for m in words.exempt.finditer(sentence)] if words.exempt else []
    for match in words.terms.finditer(sentence):
        if not inside(exempt, *match.span()) and not _implied(match.group(0), words):
            return match.group(0), *match.span()
    return None


def _points_back(sentence: str, words: Vocabulary) -> bool:
    """A sentence that acts on something the previous one named: a claim word and a word pointing back."""
    if words.pointers is None or words.cautions is not None and words.cautions.search(sentence):
        return False
    if words.negations.search(sentence):
        return False
    return words.verbs.search(sentence) is not None and words.pointers.search(sentence) is not None
