"""Kind `required-text`: when a condition holds, some text field of the label must say something; on a page
(`target: page`), a page that recommends supplements must say something in its prose (see _page_text.py).

What must be said is either the rule's option `patterns` (regular expressions, any of which counts) or
`statements`: ids of exact statutory texts in data/statements.yaml, compared after normalising case, white space,
typographic quotes and hyphens, and linking symbols at either end.

- `fields`: the label fields searched (lists such as `warnings` item by item).
- `when` (optional, all given parts must hold): `nutrient` — some facts row (blend members too, with or without
  an amount) resolves to it; `forms` — the dosage form is one of these (`form:`, else read from `serving.size`:
  "2 tablets" → tablet, via data/dosage-forms.yaml); `field` — that label field is not empty.
- `match` (statements only): `within` — the statement may sit inside a longer text (all texts of the fields are
  also tried joined, for a statement split over list items); `whole` — a text must be the statement.
- `at`: where a missing text is reported: the first of these that exists — a field name (its key), or
  `nutrient` (the first row of `when.nutrient`). Nothing that exists: the file start.
- A text that tries to be the statement but whose wording differs — in `whole` mode any text of the fields, in
  `within` mode one matching all the statement's `near` patterns — is reported at that text with
  `message-differs` / `hint-differs`, naming the first differing words.

- Statements with `substance` in data/statements.yaml (the DSHEA disclaimer) are judged in two steps, each its
  own rule: `report: absence` fires when no text of the fields is the statement in substance (every part of its
  `substance` said, by its key phrases), at the claims when there is no text, else at the text, naming what it
  does not say (`message-differs`); `report: wording` fires at a text that is the statement in substance but whose
  words differ from the closest statement (singular or plural), listing each difference. Words are compared, not
  characters: case, white space, quotes, hyphens and punctuation (the serial comma) are no difference.

Message fields: `{nutrient}`, `{form}`, `{statement}` (the statement's name), `{expected}`, and, when the wording
differs, `{found}` and `{wanted}` (the first differing words on the label, and the regulation's at that place),
`{differences}` (every difference, as the label's words for the regulation's) and `{missing}` (what a text that is
not the statement in substance fails to say). A page rule's: `{labels}`.

A page rule takes `vocabulary` and the option `patterns`, none of the label's parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal, cast, get_args

from pydantic import Field, model_validator

from ..label.model import FORMS
from ..label.resolve import Resolved
from ..shipped import files as data
from ..shipped.memo import Memo
from ..shipped.patterns import compiled
from . import Hit, render
from ._page_text import FIELDS as PAGE_FIELDS
from ._page_text import VOCABULARY as page_vocabulary
from ._page_text import Products
from ._page_text import evaluate as evaluate_page
from ._targets import refuse_others
from ._text import TextField, dosage_form, first_difference, fold, texts
from ._text import normalise as _plain_normalise
from .spec import PackModel, RuleBase

if TYPE_CHECKING:  # supplint.pages loads only when a page is checked
    from ..pages.context import PageContext

TARGET = ("label", "page")


class When(PackModel):
    nutrient: str | None = None
    forms: tuple[Literal[FORMS], ...] = ()  # type: ignore[valid-type]
    field: TextField | None = None


#: The fields this kind gives a label rule's templates, and a page rule's (the registry checks each rule's templates
#: against its target's when the packs load).
FIELDS_BY_TARGET = {
    "label": frozenset({"nutrient", "form", "statement", "expected", "found", "wanted", "differences", "missing"}),
    "page": PAGE_FIELDS,
}

#: Templates of the Spec beyond message and hint (checked when the packs load).
TEMPLATES = ("message_differs", "hint_differs")

#: The parameters only a label rule reads (a page rule searches the page's prose, and says nothing of a statement).
LABEL_ONLY = ("fields", "at", "when", "statements", "match", "report", "message_differs", "hint_differs")


class Spec(RuleBase):
    kind: Literal["required-text"]
    fields: tuple[TextField, ...] = ()  # required for a label
    at: tuple[str, ...] = ()
    when: When | None = None
    statements: tuple[str, ...] = ()
    match: Literal["within", "whole"] = "within"
    report: Literal["absence", "wording"] = "absence"
    message_differs: str | None = Field(None, alias="message-differs")
    hint_differs: str | None = Field(None, alias="hint-differs")
    vocabulary: str | None = None  # pages: what makes a page that names no label recommend supplements

    @model_validator(mode="after")
    def _what_is_required(self) -> Spec:
        if self.target not in TARGET:
            return self  # the registry names the targets this kind reads
        patterns = self.options.get("patterns")
        if self.target == "page":
            refuse_others(self, "required-text", LABEL_ONLY, "searches the page's prose")
            if patterns is None or patterns.type != "patterns":
                raise ValueError("a required-text rule for a page needs the option `patterns` of type patterns")
            return self
        refuse_others(self, "required-text", ("vocabulary",), "searches its text fields")
        if not self.fields:
            raise ValueError("a required-text rule for a label needs `fields`, the label fields it searches")
        if self.statements:
            if patterns is not None:
                raise ValueError("a required-text rule takes either `statements` or the option `patterns`, not both")
            known = _statements_data()
            unknown = [s for s in self.statements if s not in known]
            if unknown:
                raise ValueError(f"unknown statement {', '.join(unknown)} (ids are the keys of data/statements.yaml)")
            judged = [bool(_statement(key).substance) for key in self.statements]
            if any(judged) and not all(judged):
                raise ValueError("the statements of one rule either all have `substance` or none has")
            if self.report == "wording" and not all(judged):
                raise ValueError("`report: wording` needs statements with `substance` in data/statements.yaml")
        elif patterns is None or patterns.type != "patterns":
            raise ValueError("a required-text rule needs `statements` or the option `patterns` of type patterns")
        for anchor in self.at:
            if anchor != "nutrient" and anchor not in get_args(TextField):
                raise ValueError(f"`at` names '{anchor}', which is neither a text field nor `nutrient`")
        if "nutrient" in self.at and (self.when is None or self.when.nutrient is None):
            raise ValueError("`at: nutrient` needs `when.nutrient`")
        return self


def vocabulary(path: str | None) -> Products | None:
    """A page rule's `vocabulary` file, loaded when the packs load; a label rule has none."""
    return page_vocabulary(path) if path is not None else None


VOCABULARY = vocabulary


def normalise(text: str) -> str:
    """The shared comparison form, after the claim readers' fold: a ligature ("ﬁ"), a soft hyphen or a zero-width
    character left by a PDF copy is not a difference of wording."""
    return _plain_normalise(fold(text))


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    name: str
    text: str
    words: tuple[str, ...]
    near: tuple[re.Pattern, ...]
    substance: tuple[tuple[str, tuple[re.Pattern, ...]], ...] = ()  # (what a part says, its key phrases)
    words_compared: tuple[str, ...] = ()  # its words as `judge` compares them
    printed: tuple = ((), (), "")  # the words as written, where each stands in `text`, and `text` folded


@cache
def _statements_data() -> dict:
    return data.load("data/statements.yaml") or {}


@cache
def _statement(key: str) -> Statement:
    row = _statements_data()[key]
    text = " ".join(str(row["text"]).split())
    norm = normalise(text)
    near = tuple(re.compile(p, re.IGNORECASE) for p in row.get("near") or ())
    substance = tuple(
        (str(part["says"]), tuple(re.compile(p) for p in part["patterns"]))
        for part in (row.get("substance") or {}).values()
    )
    words, spans, folded = _words_of(text)
    printed = (tuple(folded[a:b] for a, b in spans), tuple(spans), folded)
    return Statement(key, row.get("name", key), text, tuple(norm.split()), near, substance, tuple(words), printed)


def evaluate(rule: Spec, subject: Resolved | PageContext, options: dict) -> Iterator[Hit]:
    if rule.target == "page":  # the engine gives a page rule the page it checks
        yield from evaluate_page(rule, cast("PageContext", subject), options)
        return
    resolved = cast(Resolved, subject)
    label = resolved.label
    fields: dict[str, object] = {"nutrient": "", "form": "", "statement": "", "expected": ""}
    when = rule.when
    if when is not None:
        if when.field is not None and not getattr(label, when.field, None):
            return
        if when.nutrient is not None:
            rows = resolved.rows_of(when.nutrient)
            if not rows:
                return
            assert rows[0].nutrient is not None  # rows_of gives one nutrient's rows
            fields["nutrient"] = rows[0].nutrient.name
        if when.forms:
            form = dosage_form(label)
            if form not in when.forms:
                return
            fields["form"] = form

    # rules of this kind often read the same fields (warnings, directions): each set is listed once per label
    found = resolved.memo(
        ("texts", rule.fields), lambda: [item for field in rule.fields for item in texts(label, field)]
    )
    if rule.statements and _statement(rule.statements[0]).substance:
        yield from _judged(rule, resolved, fields, found)
        return
    if rule.statements:
        if _statement_present(rule.match, rule.statements, tuple(text for _, text in found)):
            return
        statements = [_statement(key) for key in rule.statements]
        fields["statement"] = statements[0].name
        fields["expected"] = statements[0].text
        normalised = [(path, normalise(text)) for path, text in found]
        differs = _near_miss(rule.match, statements, normalised)
        if differs is not None:
            path, statement, got, wanted = differs
            fields.update(statement=statement.name, expected=statement.text, found=got, wanted=wanted)
            yield Hit(
                path,
                render(rule.message_differs or rule.message, fields),
                render(rule.hint_differs or rule.hint, fields),
            )
            return
    elif _searcher(options).any_in(found):  # `extra-patterns`: a team's wording adds to the list
        return
    yield _missing(rule, resolved, fields)


class _Searcher:
    """A rule's `patterns` and `extra-patterns` as searched, with the verdict on each text remembered: labels of
    one site repeat the same warnings and disclaimers. 10,000 generated labels have about 300 distinct texts per
    rule; 8,192 texts of a few hundred characters are a few MB, and a run over more distinct ones only searches."""

    __slots__ = ("patterns", "verdicts")

    def __init__(self, patterns: tuple[re.Pattern, ...]):
        combined = _combined(patterns)
        self.patterns = (combined,) if combined else patterns
        self.verdicts: Memo[str, bool] = Memo(8192)

    def any_in(self, found: list[tuple[tuple, str]]) -> bool:
        verdicts = self.verdicts
        for _, text in found:
            verdict = verdicts.get(text)
            if verdict is None:
                folded = fold(text)  # ligatures, curly quotes, soft hyphens: the words as printed
                verdict = verdicts.keep(text, any(p.search(folded) for p in self.patterns))
            if verdict:
                return True
        return False


#: id of a rule's `patterns` option → (that option, its `extra-patterns`, their searcher). A linter's options are
#: built once, so the searcher is found by identity for each label, without hashing every pattern; the entry
#: holds the option objects themselves, so an id is never reused while its entry stands. A run has one per rule;
#: the language server builds linters for many configs, and must not keep every one of them.
_SEARCHERS: Memo[int, tuple] = Memo(256)


def _searcher(options: dict) -> _Searcher:
    listed, extra = options["patterns"], options.get("extra-patterns")
    entry = _SEARCHERS.get(id(listed))
    if entry is None or entry[0] is not listed or entry[1] is not extra:
        entry = _SEARCHERS.keep(id(listed), (listed, extra, _Searcher(tuple(listed) + tuple(extra or ()))))
    return entry[2]


@lru_cache(maxsize=4096)
def _statement_present(match: str, keys: tuple[str, ...], found: tuple[str, ...]) -> bool:
    statements = [_statement(key) for key in keys]
    return _has_statement(match, statements, [((), normalise(text)) for text in found], [((), text) for text in found])


@cache
def _combined(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """The rule's patterns as one regex (one pass over each text instead of one per pattern); None where user
    patterns cannot be joined (back-references, inline global flags)."""
    if len(patterns) < 2 or any(re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]+\)", p.pattern) for p in patterns):
        return None
    try:
        return compiled("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)
    except re.error:
        return None


def _has_statement(
    match: str, statements: list[Statement], normalised: list[tuple[tuple, str]], raw: list[tuple[tuple, str]]
) -> bool:
    wanted = [" ".join(s.words) for s in statements]
    if match == "whole":
        return any(text == w for _, text in normalised for w in wanted)
    if any(w in text for _, text in normalised for w in wanted):
        return True
    if len(raw) < 2:
        return False
    joined = normalise(" ".join(text for _, text in raw))  # a statement printed over two list items
    return any(w in joined for w in wanted)


def _near_miss(match: str, statements: list[Statement], normalised: list[tuple[tuple, str]]):
    """(path, statement, differing words found, words wanted) for the first text that tries to be a statement."""
    for path, text in normalised:
        if match == "within":
            candidates = [s for s in statements if s.near and all(p.search(text) for p in s.near)]
        else:
            candidates = statements
        if not candidates:
            continue
        words = text.split()
        # The closest statement: the one sharing the longest run of words with the text (singular vs plural).
        statement = max(candidates, key=lambda s: _overlap(s.words, words))
        got, wanted = first_difference(list(statement.words), words)
        return path, statement, got, wanted
    return None


def _overlap(expected: tuple[str, ...], found: list[str]) -> int:
    from difflib import SequenceMatcher

    return sum(block.size for block in SequenceMatcher(None, expected, found, autojunk=False).get_matching_blocks())


# --- statements judged in substance, then word by word (the DSHEA disclaimer) -----------------------------------

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_APOSTROPHE = re.compile("'")


def _words_of(text: str) -> tuple[list[str], list[tuple[int, int]], str]:
    """The words of ``text`` as compared (lower case), where each stands in the folded text, and the folded text
    (ligatures, soft hyphens, curly quotes as the claim readers see them). Anything that is not a letter or digit
    separates words, so punctuation, quotes and hyphens are not words; "product's" is one word."""
    folded = fold(text)
    words, spans = [], []
    for match in _WORD.finditer(folded):
        words.append(_APOSTROPHE.sub("", match[0]).lower())
        spans.append(match.span())
    return words, spans, folded


@dataclass(frozen=True, slots=True)
class Judgement:
    statement: Statement  # the closest statement (singular or plural)
    missing: tuple[str, ...]  # what the text does not say (the parts of `substance` it lacks)
    differences: tuple[str, ...]  # each difference of wording, as the label's words for the statement's


@lru_cache(maxsize=4096)
def judge(keys: tuple[str, ...], text: str) -> Judgement:
    """How ``text`` compares with the closest of the statements ``keys``: what it does not say, and where its
    words differ."""
    words, spans, folded = _words_of(text)
    joined = " ".join(words)
    statements = [_statement(key) for key in keys]
    statement = max(statements, key=lambda s: (_overlap(s.words_compared, words), -len(s.words_compared)))
    missing = tuple(says for says, patterns in statement.substance if not all(p.search(joined) for p in patterns))
    return Judgement(statement, missing, _differences(statement, words, spans, folded))


def _differences(
    statement: Statement, words: list[str], spans: list[tuple[int, int]], folded: str, most: int = 4
) -> tuple[str, ...]:
    """Each place the words differ, quoted as printed (punctuation inside the quote kept). Changes one word apart
    are said as one ("FDA and is" for "Food and Drug Administration. This product is"), not as a run of
    fragments."""
    from difflib import SequenceMatcher

    expected = statement.words_compared
    ours_words, ours_spans, ours_text = statement.printed
    changes: list[list[int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, expected, words, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if changes and i1 - changes[-1][1] <= 1 and j1 - changes[-1][3] <= 1:
            changes[-1][1], changes[-1][3] = i2, j2
        else:
            changes.append([i1, i2, j1, j2])

    def quote(spans_, text, start, stop) -> str:
        return text[spans_[start][0] : spans_[stop - 1][1]]

    said = []
    for i1, i2, j1, j2 in changes:
        theirs = quote(ours_spans, ours_text, i1, i2) if i2 > i1 else ""
        label = quote(spans, folded, j1, j2) if j2 > j1 else ""
        if theirs and label:
            said.append(f'"{label}" for "{theirs}"')
        elif theirs:
            after = f' after "{ours_words[i1 - 1]}"' if i1 else " at the start"
            said.append(f'"{theirs}" is missing{after}')
        else:
            where = f' after "{folded[spans[j1 - 1][0] : spans[j1 - 1][1]]}"' if j1 else " at the start"
            said.append(f'"{label}" is added{where}')
    if len(said) > most:
        said = said[:most] + [f"and {len(said) - most} more"]
    return tuple(said)


def _judged(rule: Spec, resolved: Resolved, fields: dict, found: list[tuple[tuple, str]]) -> Iterator[Hit]:
    if not found:
        if rule.report == "absence":
            yield _missing(rule, resolved, fields)
        return
    judgements = [(path, judge(rule.statements, text)) for path, text in found]
    if any(not j.missing and not j.differences for _, j in judgements):
        return  # one text is the statement, word for word
    in_substance = [(path, j) for path, j in judgements if not j.missing]
    if rule.report == "absence":
        if in_substance:
            return
        path, judgement = judgements[0]
        fields.update(
            statement=judgement.statement.name,
            expected=judgement.statement.text,
            missing=" nor ".join(judgement.missing),
            found=_cut(found[0][1]),
        )
        yield Hit(
            path, render(rule.message_differs or rule.message, fields), render(rule.hint_differs or rule.hint, fields)
        )
        return
    if in_substance:
        path, judgement = in_substance[0]
        fields.update(
            statement=judgement.statement.name,
            expected=judgement.statement.text,
            differences="; ".join(judgement.differences),
        )
        yield Hit(path, render(rule.message, fields), render(rule.hint, fields))


def _cut(text: str, most: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _missing(rule: Spec, resolved: Resolved, fields: dict) -> Hit:
    label = resolved.label
    for anchor in rule.at:
        if anchor == "nutrient":
            assert rule.when is not None and rule.when.nutrient is not None  # `at: nutrient` needs `when: nutrient`
            rows = resolved.rows_of(rule.when.nutrient)
            if rows:
                return Hit(rows[0].path, render(rule.message, fields), render(rule.hint, fields))
        elif getattr(label, anchor, None):
            return Hit((anchor,), render(rule.message, fields), render(rule.hint, fields), at_key=True)
    return Hit((), render(rule.message, fields), render(rule.hint, fields), at_key=True)
