"""The one reader of disease claims, for labels and pages alike (kind `claim-language`, rules SUP303 and SUP404).

A text is folded (`_text.fold`, and editorial brackets such as "[r]elieves" closed up), split into
sentences, and each sentence is judged on its own: every sentence that claims an effect on a disease is one
`Claim`, at the words that make it one, so a paragraph with three claims gives three findings. The vocabulary is
data, one list per criterion of 21 CFR 101.93(g)(2) (rules/data/disease-claims.yaml), and the named diseases are
ICD-10-CM's with their lay names (rules/data/diseases.yaml, generated); this module only says how the lists combine:

- `substitutes` (a drug or therapy replaced, compared or augmented: (g)(2)(vi), (vii)) are claims wherever they
  stand, unless negated in their own clause ("is not a substitute for antibiotics") or inside an exempt phrase
  ("side effects similar to those of statins").
- Named diseases and disease words ((i), (iv)(D)) and the implied lists (signs and abnormal states, drug classes,
  the body's response to disease, adverse events of a therapy, disease names glued into a product name, a name
  coined from a disease's ("Fibralgia", `_coined`) or a remedy named by its disease ("The Cold Sore Solution",
  `remedy-names`): (ii), (iii), (iv)(A), (v), (viii), (ix)) count unless exempt, negated in their own clause, or
  in a sentence the `cautions` mark as a mention (advice to ask a doctor, an interaction, the reader's own
  medication, what a drug is for, who is at risk).
- A label's claims and product name are read as claims (`claim`): what a claim text says about a disease is a
  claim unless it is one of those mentions. A page's prose (`prose`) also informs, so there a named disease counts
  beside a claim word or in a sentence that speaks of a product and reports no research; a drug class there
  ("diuretics") is a claim only when said of a product (`drug-class-cues`: "a natural antibiotic", "antiviral
  properties"), in a sentence about one, or as the whole run, not when it names drugs ("painkillers like
  ibuprofen"). A label's notes
  (`verb`) hold cautions by nature ("do not use if you have kidney disease"), so there a named disease counts only
  beside a claim word (`verbs`); implied claims carry their own verb.
- A sentence with a claim word but no disease of its own claims the disease the previous sentence named, when it
  points back at it ("... arthritis. This formula relieves its symptoms."); the previous sentence may end the
  text before (a heading "Arthritis", then a paragraph "Our formula eases its symptoms."), see `read_text`; after
  a whole paragraph (``far``) only a definite reference in the first sentence does.
- A framing line (`framings`: "Benefits:", "It may help with:") introduces list items that are claims by
  themselves, as a label's are ("- arthritis"); see `introduces_claims`.

Negation applies to its own clause only: a "not" at a sentence's start does not silence a later clause. Four
shapes of clause are read by structure (claims8):

- a caution past a contrast ("..., but don't use it if you're pregnant") does not cover a clause before it that
  holds a claim word of its own: advice appended to a claim does not take it back;
- an opening concession ("Though X is not curable, ...", "While treatment options for X are limited, ...") is
  granted: its negation, denial or fact does not take back the clause after it when that clause holds a claim word
  and no caution, and what medical care does for the disease there (`medical-care`) stays a mention;
- "don't let X ... you" negates the letting, not a claim (the `negations` entries leave it out);
- "not X, but Y": a clause after a contrast with a claim word of its own claims an effect on the named disease the
  clause before negated or denied ("They do not cure tinnitus, but can help the ringing symptoms to fade").

Nothing is compiled until a text needs it: every regex entry waits for a literal it cannot match without
(`_terms.Terms`), and the named diseases are a phrase table, not a pattern (`_terms.Phrases`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from ..shipped import cache as data_cache
from ..shipped import files as data
from ._terms import Phrases, Span, Terms, merge, whole_words
from ._text import fold_with_offsets, inside

Mode = Literal["claim", "verb", "prose", "report"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim sentence: ``term`` (the words that make it a claim) at [start, end), in the sentence
    [sentence_start, sentence_end); offsets index the text as given, before normalisation."""

    term: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int


#: The data file's lists that are implied claims, each a criterion of 101.93(g)(2) (see the file's comments).
IMPLIED = ("implied", "signs", "product-names", "drug-classes", "body-response", "adverse-events")
SUBSTITUTES = ("substitutes", "augments")
OTHER = (
    "verbs",
    "negations",
    "denials",
    "cautions",
    "facts",
    "exempt",
    "pointers",
    "references",
    "products",
    "reports",
    "framings",
    "drug-products",
    "supplement-products",
    "citations",
    "drug-class-cues",
    "drug-class-tails",
    "testimonials",
    "medical-care",
    "remedy-names",
)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    named: Phrases  # named diseases, ICD-10-CM and lay names (data/diseases.yaml)
    diseases: Terms  # disease words and shapes a phrase cannot say ("diseases?", "diabetics", "cancerous")
    implied: Terms
    substitutes: Terms
    verbs: Terms
    negations: Terms
    denials: Terms
    cautions: Terms
    facts: Terms  # what a disease is or how common: a mention, whose disease a next sentence may claim
    exempt: Terms
    pointers: Terms
    references: Terms  # definite references to a disease named before ("this condition", "the stone")
    products: Terms  # prose: words that make a sentence about a product ("formula", "this supplement")
    reports: Terms  # prose: words that make a sentence a report of research or news, not a product's claim
    framings: Terms  # prose: a line ending in ":" that introduces what the product does ("Benefits:")
    drug_products: Terms  # a page: what says its products are over-the-counter drugs (Drug Facts headings)
    supplement_products: Terms  # a page: what says its products are supplements
    citations: Terms  # a run shaped as a reference-list entry ("Smith, J., et al. (2006). Title. Journal, 19(4)")
    drug_classes: Terms  # prose: the drug classes of `implied`, claims there only when said of a product
    drug_class_cues: Terms  # prose: words before a drug class that say it is said of a product ("a natural ...")
    drug_class_tails: Terms  # prose: words after one that say so ("... properties", "... herbs")
    testimonials: Terms  # a page's title told in a testimonial's first person ("How X Relieved My Pain")
    medical_care: Terms  # a doctor's care ("doctors", "prescribed", "medication"): see `_concession`
    remedy_names: Terms  # a remedy's noun right after a named disease ("The Cold Sore Solution"): a product's name
    coinable: tuple[str, ...]  # one-word disease names a product's name may be coined from ("Fibralgia"), see `_coined`
    terms: Terms  # diseases, implied and substitutes together: one pass says which a text may hold

    def split(self, entries: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """Candidate entries of `terms` sorted back into (diseases, implied, substitutes)."""
        implied, substitutes = set(self.implied.entries), set(self.substitutes.entries)
        return (
            tuple(e for e in entries if e not in implied and e not in substitutes),
            tuple(e for e in entries if e in implied),
            tuple(e for e in entries if e in substitutes),
        )


def check_table(path: str) -> dict:
    """The vocabulary file's shape, cheaply: what the registry checks on every start. Its patterns are parsed (not
    compiled) when the vocabulary is first needed; the test suite builds them all."""
    table = data.load(path)
    if not isinstance(table, dict) or not table.get("diseases") or not table.get("verbs"):
        raise ValueError(f"{path} needs the lists `diseases` and `verbs`")
    named = table.get("named-diseases")
    if named is not None and not isinstance(named, str):
        raise ValueError(f"{path}: `named-diseases` names a data file")
    return table


#: A coined name keeps at least this many letters of each end of the disease's name, and drops at least this many
#: from its middle (see `_coined`).
COINED_END = 3
COINED_DROP = 3
#: The shortest disease name a product's name is read as coined from.
COINABLE = 8


def _coinable(path: str) -> tuple[str, ...]:
    """The one-word disease names of the generated list ``path`` long enough to coin a product's name from."""
    table = read_disease_list(path)
    names = [entry[1] for entry in table.get("icd10cm") or ()] + [entry["name"] for entry in table.get("lay") or ()]
    return tuple(sorted({name.lower() for name in names if len(name) >= COINABLE and name.isalpha()}))


def named_diseases(path: str) -> Phrases:
    """The disease names of a generated disease list (data/diseases.yaml): its ICD-10-CM, Disease Ontology and lay
    entries; a lay entry with `exact: true` (an abbreviation that is also a word, "AIDS") matches only as written."""
    table = read_disease_list(path)
    names = [entry[1] for section in ("icd10cm", "disease-ontology") for entry in table.get(section) or ()]
    lay = table.get("lay") or ()
    names += [entry["name"] for entry in lay if not entry.get("exact")]
    return Phrases(names, [entry["name"] for entry in lay if entry.get("exact")])


_SECTION = re.compile(r"([a-z0-9-]+):\s*")


@cache
def read_disease_list(path: str) -> dict:
    """A generated disease list: ``{section: [entries]}``. The generator writes one JSON value per line, which is
    read line by line (a YAML parser takes a hundred times longer over thousands of entries); a file in any other
    shape is read as the YAML it is."""
    import json

    try:
        text = (data.rules_dir() / path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc}") from None
    sections: dict[str, list[str]] = {}
    lines: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head = _SECTION.fullmatch(line)
        if head:
            lines = sections.setdefault(head.group(1), [])
        elif lines is not None and line.startswith("  - "):
            lines.append(line[4:])
        else:
            return _yaml_disease_list(path)
    try:  # each section's entries as one JSON array: one parse
        return {name: json.loads("[" + ",".join(entries) + "]") for name, entries in sections.items()}
    except ValueError:
        return _yaml_disease_list(path)


def _yaml_disease_list(path: str) -> dict:
    table = data.load(path)
    if not isinstance(table, dict):
        raise ValueError(f"{path} is not a disease list")
    return table


@cache
def vocabulary(path: str) -> Vocabulary:
    """The vocabulary of a data file, kept by the data cache: reading the literals of its hundreds of patterns and
    the thousands of disease names costs a one-label run more than the rest of its checks."""
    return data_cache.cached(f"vocabulary-{path.replace('/', '-')}", Vocabulary, lambda: _vocabulary(path))


def _vocabulary(path: str) -> Vocabulary:
    table = check_table(path)

    def listed(*keys: str) -> Terms:
        entries = [entry for key in keys for entry in (table.get(key) or ())]
        try:
            return Terms(entries)
        except re.error as exc:
            raise ValueError(f"{path}: bad regular expression in {'/'.join(keys)}: {exc}") from None

    named = table.get("named-diseases")
    return Vocabulary(
        named_diseases(named) if named else Phrases(()),
        listed("diseases"),
        listed(*IMPLIED),
        listed(*SUBSTITUTES),
        listed("verbs"),
        Terms(table.get("negations") or ["not"]),
        listed("denials"),
        listed("cautions"),
        listed("facts"),
        listed("exempt"),
        listed("pointers"),
        listed("references"),
        listed("products"),
        listed("reports"),
        listed("framings"),
        listed("drug-products"),
        listed("supplement-products"),
        listed("citations"),
        listed("drug-classes"),
        listed("drug-class-cues"),
        listed("drug-class-tails"),
        listed("testimonials"),
        listed("medical-care"),
        listed("remedy-names"),
        _coinable(named) if named else (),
        listed("diseases", *IMPLIED, *SUBSTITUTES),
    )


def compile_all(path: str) -> None:
    """Compile every pattern of a vocabulary (the test suite does, so a bad entry fails CI, not a user's run)."""
    from ._terms import whole_words

    words = vocabulary(path)
    for terms in (
        words.diseases,
        words.implied,
        words.substitutes,
        words.verbs,
        words.negations,
        words.denials,
        words.cautions,
        words.facts,
        words.exempt,
        words.pointers,
        words.references,
        words.products,
        words.reports,
        words.framings,
        words.drug_products,
        words.supplement_products,
        words.citations,
        words.drug_class_cues,
        words.drug_class_tails,
        words.testimonials,
        words.medical_care,
        words.remedy_names,
    ):
        for entry in terms.entries:
            try:
                whole_words(entry)
            except re.error as exc:
                raise ValueError(f"{path}: bad regular expression {entry!r}: {exc}") from None


@lru_cache(maxsize=64)
def user_terms(patterns: tuple[str, ...]) -> Terms:
    """A team's own entries (a rule's `extra-diseases` or `exempt` option), read like the data's."""
    return Terms(patterns)


# A title or an abbreviation before a name or a year does not end a sentence ("led by Dr. Maria Rodriguez", "Smith et
# al. (2019)"): each a lookbehind of its own (a lookbehind has a fixed width).
# Checked after the first mark, so most positions of a text (no mark) cost no look-behind at all.
_NOT_AFTER_TITLE = "".join(
    rf"(?<!\b{word}\.)" for word in ("Dr", "Mr", "Mrs", "Ms", "Prof", "Drs", "Sr", "Jr", "St", "vs", "al")
)
# A sentence ends at . ! ? (with any closing quote or bracket) before white space and a word that does not start
# in lower case ("e.g. the", "treat . . . diabetes" go on), or at a blank line (a soft line break inside a
# paragraph is not an end). An ellipsis, spaced or not, is matched first and does not end one; nor do the dots of
# "i.e." and "e.g." ("organisms [i.e.] Chlamydia").
_SENTENCE_END = re.compile(
    r"(?P<dots>\.(?:\s?\.){2,})|[.!?]"
    + _NOT_AFTER_TITLE
    + r"(?<![iI]\.[eE]\.)(?<![eE]\.[gG]\.)[.!?]*[\"')\]]*(?=\s+[^a-z\s]|\s*$)|\n[ \t]*\n"
)
# A full stop with its space lost ("arthritis.Our formula"): after two lower-case letters and before a capitalised
# word, so "e.g.The" and "U.S." stay whole. The longer pattern is used only for a text that holds one (a search is
# cheaper than a second alternative tried at every position).
_LOST_SPACE = re.compile(r"[a-z][a-z][.!?]+[A-Z][a-z]")
_SENTENCE_END_GLUED = re.compile(_SENTENCE_END.pattern + r"|(?<=[a-z][a-z])[.!?]+(?=[A-Z][a-z])")
# A clause, the scope of a negation: split at ; : a spaced dash, a contrasting conjunction, or a comma before a
# new subject ("Not only does it soothe joints, it also cures arthritis"). A plain list comma ("diagnose, treat,
# cure, or prevent") does not split, so the disclaimer's "not" covers its whole list.
# A "however" set off right after "not" ("Cranberry is not, however, a substitute for antibiotics") interrupts the
# negated clause, not a contrast: it does not split, so the "not" keeps its reach (mentions10).
_CLAUSE_END = re.compile(
    r"[;:]|\s-\s|\b(?:but|whereas|while|unlike|yet)\b|(?<!not,\s)(?<!not\s)\bhowever\b"
    r"|,\s*(?=(?:and\s+|so\s+)?(?:it|this|they|we|our|you|these|which|i)\b)",
    re.IGNORECASE,
)
# A contrast that ends a caution's reach within its sentence (see `_judge`).
_CONTRAST = re.compile(r"\b(?:but|however|yet)\b", re.IGNORECASE)
# A sentence that opens with a concession, up to the comma that ends it ("Though osteoarthritis is not curable,",
# "So even if it may not cure a cold sore infection,", "While treatment options for X are limited,"): what it grants
# is the writer's aside, the clause after it is the writer's point (see `_concession`).
_CONCESSION = re.compile(
    r"[\W_]*(?:(?:so|and|but|yet|now|still)\s+)?(?:although|though|even\s+though|even\s+if|while|whilst)\b[^,;:]{1,200}?,",
    re.IGNORECASE,
)
# A word broken by a hyphen at a line's end or in a PDF's copy ("SEI-\nZURES", "dia- betes", "medi-cines"): the hyphen
# and the space after it go when the joined word is one the vocabulary knows (a compound such as "well-being" stays).
_BROKEN = re.compile(r"(?<![\w-])([A-Za-z]{2,})-(?:[ \t]*\n[ \t]*|[ \t]?)([A-Za-z]{2,})(?![\w-])")
# A hashtag ("#diabetes", "#cancerfighter", "# postcovid", as one quoting page shows it): its words are run together.
_HASHTAG = re.compile(r"(?<![\w#&])#[ ]?([A-Za-z][A-Za-z0-9]{2,40})\b")
#: The shortest disease word found inside a hashtag's run-together words; a shorter one counts only as the whole tag
#: ("#flu", not "#flushot").
HASHTAG_WORD = 5
# An editor's bracketed letter inside a quoted word ("[r]elieves", "[C]onquers"): the word reads without them.
_EDITORIAL = re.compile(r"\[([A-Za-z])\](?=[a-z])")


class _Text:
    """One text being read: its plain form and, per list, the entries its literals allow (found once)."""

    def __init__(self, plain: str, words: Vocabulary, extra: Terms, exempt: Terms, names: frozenset[str] = frozenset()):
        self.plain = plain
        self.names = names  # lower-case words naming the products the page links to
        self.lowered = plain.lower()
        self.words = words
        self.named = words.named.spans(plain)
        diseases, self.implied_entries, self.substitute_entries = words.split(words.terms.candidates(self.lowered))
        self.hashtags = _disease_hashtags(plain, words) if "#" in plain else []
        # The capitalised words coined from a disease's name ("Fibralgia"): a product's name, an implied claim.
        self.coined = _coined(plain, words) if words.coinable else []
        self.disease_entries = diseases + extra.candidates(self.lowered)
        self._exempt = exempt
        self._entries: dict[str, tuple[str, ...]] = {}
        self._spans: dict[tuple[str, int, int], list[Span]] = {}
        self._terms: dict[tuple[int, int], tuple[list[Span], set[Span], set[Span]]] = {}

    def any_term(self) -> bool:
        return bool(
            self.named
            or self.disease_entries
            or self.implied_entries
            or self.substitute_entries
            or self.hashtags
            or self.coined
        )

    def entries(self, name: str) -> tuple[str, ...]:
        found = self._entries.get(name)
        if found is None:
            found = getattr(self.words, name).candidates(self.lowered)
            if name == "exempt":
                found += self._exempt.candidates(self.lowered)
            self._entries[name] = found
        return found

    def spans(self, name: str, start: int, end: int) -> list[Span]:
        """Matches of list ``name`` in plain[start:end], at offsets of that piece."""
        entries = self.entries(name)
        if not entries:
            return []
        # A sentence is read by `_judge` and again by `_named_disease` (cautions, exempt phrases): each list once.
        key = (name, start, end)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = Terms.spans(entries, self.plain[start:end])
        return list(found)

    def terms(self, start: int, end: int) -> tuple[list[Span], set[Span], set[Span]]:
        """(all terms, implied terms, substitutes) in plain[start:end], at offsets of that piece."""
        found = self._terms.get((start, end))
        if found is None:  # read once per sentence, though `_judge` and `_named_disease` both ask
            found = self._terms[(start, end)] = self._read_terms(start, end)
        terms, implied, substitutes = found
        return list(terms), set(implied), set(substitutes)

    def _read_terms(self, start: int, end: int) -> tuple[list[Span], set[Span], set[Span]]:
        piece = self.plain[start:end]
        first = bisect_left(self.named, (start, -1))
        named = []
        for a, b in self.named[first:]:
            if a >= end:
                break
            if b <= end:
                named.append((a - start, b - start))
        diseases = Terms.spans(self.disease_entries, piece) if self.disease_entries else []
        implied = Terms.spans(self.implied_entries, piece) if self.implied_entries else []
        substitutes = Terms.spans(self.substitute_entries, piece) if self.substitute_entries else []
        # A disease hashtag links the text to the disease as a product's name does: an implied claim.
        implied += [(a - start, b - start) for a, b in self.hashtags if a >= start and b <= end]
        if self.coined:  # a word the vocabulary knows ("Hyperthyroidism") is that disease, not a coined name
            known = set(named) | set(diseases) | set(implied)
            coined = [(a - start, b - start) for a, b in self.coined if a >= start and b <= end]
            implied += [span for span in coined if span not in known]
        # A named disease with a remedy's noun right after it is a product's name for the remedy ("The Cold Sore
        # Solution", "Gout Eraser"): 101.93(g)(2)(iii), an implied claim as the whole phrase. So is one of the hand
        # list's disease words (`diseases`: "Piles Remover", pages11).
        if (named or diseases) and self.entries("remedy_names"):
            remedies = dict(Terms.spans(self.entries("remedy_names"), piece))
            for a, b in (*named, *diseases):
                gap = b
                while gap < len(piece) and piece[gap] in " \t-":
                    gap += 1
                if gap > b and gap in remedies:
                    implied.append((a, remedies[gap]))
        return merge(named, diseases, implied, substitutes), set(implied), set(substitutes)


def read_claims(
    text: str, path: str, mode: Mode, extra: tuple[str, ...] = (), exempt: tuple[str, ...] = ()
) -> tuple[Claim, ...]:
    """Every claim sentence of ``text`` (vocabulary: the data file ``path``; ``extra`` and ``exempt``: a team's own
    disease and exempt patterns), in order."""
    return read_text(text, path, mode, extra, exempt)[0]


@lru_cache(maxsize=20_000)  # a site's labels and pages repeat their claims
def read_text(
    text: str,
    path: str,
    mode: Mode,
    extra: tuple[str, ...] = (),
    exempt: tuple[str, ...] = (),
    previous: str | None = None,
    far: bool = False,
    names: frozenset[str] = frozenset(),
) -> tuple[tuple[Claim, ...], str | None]:
    """`read_claims`, and the disease the text's last sentence names (None if it names none), for the text that
    follows it: ``previous`` is that disease of the text before, which this text's first sentence may point back
    at (a page's heading names the disease, its next paragraph claims it). ``far``: the text before was a whole
    paragraph, not a heading, so only a definite reference in the first sentence points back at its disease.
    ``names``: lower-case words that name the products the page links to; a page sentence with one speaks of a
    product as one with a word of `products` does."""
    words = vocabulary(path)
    plain, where = _folded(text)
    plain, where = _close_editorial_brackets(plain, where)
    if "-" in plain:
        plain, where = _join_broken_words(plain, where, path)
    reading = _Text(plain, words, user_terms(extra), user_terms(exempt), names)
    # The common case, a structure/function claim or a page's plain prose, stops here: no disease, and nothing that
    # could point back at the one before.
    if not reading.any_term() and (previous is None or not reading.entries("verbs")):
        return (), None
    found: list[Claim] = []
    # Sentences since `previous` was named: a disease is pointed back at over one sentence that names none. A paragraph
    # break counts as one such sentence, so across it only a definite reference, and only in the first sentence.
    quiet = 1 if far else 0
    for start, end in _sentences(plain):
        claim = _judge(reading, start, end, mode)
        if claim is None and previous is not None and mode != "report" and _points_back(reading, start, end, quiet > 0):
            claim = (previous, 0, 0)
        if claim is not None:
            term, term_start, term_end = claim
            if term_end <= term_start:  # the claim's words are in the previous sentence: point at this one
                term_start, term_end = 0, len(plain[start:end].rstrip())
            found.append(
                Claim(term, *_original(where, start + term_start, start + term_end), *_original(where, start, end))
            )
        named = _named_disease(reading, start, end)
        if named is not None:
            previous, quiet = named, 0
        else:
            quiet += 1
            if quiet > 1:
                previous = None
    return tuple(found), previous


def _holds(terms: Terms, plain: str, lowered: str) -> bool:
    """Whether an entry of ``terms`` matches in ``plain`` (``lowered``: its lower case, which picks the entries)."""
    entries = terms.candidates(lowered)
    return bool(entries and Terms.spans(entries, plain))


@lru_cache(maxsize=4096)
def introduces_claims(text: str, path: str) -> bool:
    """Whether ``text`` is a framing line: it ends in a colon and says what follows is what the product does
    ("Benefits:", "It may help with:"), with no caution or negation ("Do not take if you have:")."""
    plain = _folded(text)[0].strip()
    if not plain.endswith(":") or len(plain) > 200:
        return False
    words = vocabulary(path)
    lowered = plain.lower()

    return _holds(words.framings, plain, lowered) and not (
        _holds(words.cautions, plain, lowered) or _holds(words.negations, plain, lowered)
    )


@lru_cache(maxsize=4096)
def is_citation(text: str, path: str) -> bool:
    """Whether ``text`` (one prose run) is shaped as an entry of a reference list (`citations`): its disease words are
    a cited title, not the page's own claim."""
    plain = _folded(text)[0].strip()
    return _holds(vocabulary(path).citations, plain, plain.lower())


@lru_cache(maxsize=4096)
def is_testimonial(text: str, path: str) -> bool:
    """Whether ``text`` (a page's title) is told in a testimonial's first person (`testimonials`: "How Omax3 Relieved
    My Inflammation")."""
    plain = _folded(text)[0].strip()
    return _holds(vocabulary(path).testimonials, plain, plain.lower())


def reports_research(texts, path: str) -> bool:
    """Whether prose ``texts`` (a page's runs, outside its references) are a report of research, as a science-news
    item is: at least `REPORT_PARAGRAPHS` of its paragraphs (runs longer than `PARAGRAPH_WORDS` words) report a study,
    its researchers or participants (`reports`), and they are at least half of its paragraphs. A product page that
    cites a study or two, or a one-paragraph claim, is not one."""
    reports = vocabulary(path).reports
    paragraphs = reported = 0
    for text in texts:
        if len(text.split()) <= PARAGRAPH_WORDS:
            continue
        paragraphs += 1
        plain = _folded(text)[0]
        reported += _holds(reports, plain, plain.lower())
    return reported >= REPORT_PARAGRAPHS and 2 * reported >= paragraphs


#: A report of research has at least this many paragraphs that report it (`reports_research`).
REPORT_PARAGRAPHS = 3
#: The fewest words a run has to count as a paragraph there (a heading or a list item has fewer).
PARAGRAPH_WORDS = 16


def product_kind(texts, path: str) -> Literal["drug", "supplement"]:
    """Whether the products of a page whose prose is ``texts`` are over-the-counter drugs: the drug-product words
    (`drug-products`) are named at least `DRUG_PAGE` times and more often than the supplement words
    (`supplement-products`), so a supplement page that compares itself with a drug stays a supplement page."""
    words = vocabulary(path)
    texts = [_folded(text)[0] for text in texts]
    # The drug words first: they are rare on a supplement page, so most pages stop here without counting the
    # supplement words they are full of.
    drug = _count(words.drug_products, texts)
    if drug < DRUG_PAGE:
        return "supplement"
    return "drug" if _count(words.supplement_products, texts, drug) < drug else "supplement"


def _count(terms: Terms, texts: list[str], enough: int | None = None) -> int:
    """How many matches of ``terms`` the texts hold (counting stops at ``enough``)."""
    count = 0
    for plain in texts:
        entries = terms.candidates(plain.lower())
        if entries:
            count += len(Terms.spans(entries, plain))
            if enough is not None and count >= enough:
                break
    return count


#: The fewest drug-product words that make a page a drug page (with more of them than supplement words).
DRUG_PAGE = 3


def _folded(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded as every matcher folds it, with each character's offset in ``text`` (None when nothing
    moved: plain ASCII, the common case, builds no offset table)."""
    if text.isascii():
        return text, None
    plain, offsets = fold_with_offsets(text)
    return plain, offsets[:-1]  # without the one-past-the-end entry: one offset per character


def _join_broken_words(plain: str, where: list[int] | None, path: str) -> tuple[str, list[int] | None]:
    """``plain`` with each hyphen-broken word the vocabulary knows joined (see `_BROKEN`), and its offsets."""
    cuts: list[tuple[int, int]] = []  # [start, end) of each hyphen and the space after it, to remove
    for match in _BROKEN.finditer(plain):
        if _known_word(match.group(1) + match.group(2), path):
            cuts.append((match.end(1), match.start(2)))
    if not cuts:
        return plain, where
    offsets = where if where is not None else list(range(len(plain)))
    out: list[str] = []
    kept: list[int] = []
    last = 0
    for cut_start, cut_end in cuts:
        out.append(plain[last:cut_start])
        kept.extend(offsets[last:cut_start])
        last = cut_end
    out.append(plain[last:])
    kept.extend(offsets[last : len(plain)])
    return "".join(out), kept


@lru_cache(maxsize=8192)  # prose repeats its compounds ("well-being", "long-term")
def _known_word(word: str, path: str) -> bool:
    """Whether ``word`` is a disease, implied-claim or claim word of the vocabulary ``path``, as a whole."""
    words = vocabulary(path)
    if words.named.spans(word) == [(0, len(word))]:
        return True
    lowered = word.lower()
    for terms in (words.terms, words.verbs):
        for entry in terms.candidates(lowered):
            if whole_words(entry).fullmatch(word):
                return True
    return False


def _disease_hashtags(plain: str, words: Vocabulary) -> list[Span]:
    """The spans of the hashtags that run a disease's words together ("#diabetes", "#cancerfighter", "#postcovid")."""
    found = []
    for match in _HASHTAG.finditer(plain):
        if _names_disease(match.group(1), words):
            found.append(match.span())
    return found


@lru_cache(maxsize=4096)
def _loose(entry: str) -> re.Pattern:
    """A vocabulary entry read inside run-together words: its spaces optional, no word boundaries."""
    return re.compile(entry.replace(r"\s+", r"\s*"), re.IGNORECASE)


def _names_disease(tag: str, words: Vocabulary) -> bool:
    lowered = tag.lower()
    if words.named.spans(tag) == [(0, len(tag))]:
        return True
    for terms in (words.diseases, words.implied):
        for entry in terms.candidates(lowered):
            for match in _loose(entry).finditer(lowered):
                if match.end() - match.start() >= HASHTAG_WORD or (match.start(), match.end()) == (0, len(tag)):
                    return True
    return words.named.glued(lowered, HASHTAG_WORD)


def _coined(plain: str, words: Vocabulary) -> list[Span]:
    """The capitalised words of ``plain`` coined from a disease's name by dropping its middle ("Fibralgia" from
    fibromyalgia: its head and its tail, at least `COINED_END` letters each, `COINED_DROP` or more letters left out),
    not themselves a disease's name: a product's name made from the disease's, 101.93(g)(2)(iii)."""
    found = []
    index = _coinable_index(words.coinable)
    for match in _CAPITALISED.finditer(plain):
        heads = index.get(match.group(1).lower())
        if heads is None:
            continue
        word = match.group().lower()
        for name in heads:
            if len(name) - len(word) < COINED_DROP:
                continue
            if any(name.startswith(word[:i]) and name.endswith(word[i:]) for i in range(COINED_END, len(word) - 2)):
                if words.named.spans(match.group()) != [(0, len(word))]:
                    found.append(match.span())
                break
    return found


# A capitalised word of six letters or more, its first `COINED_END` letters a group.
_CAPITALISED = re.compile(r"\b([A-Z][a-z]{2})[a-z]{3,}\b")


@lru_cache(maxsize=4)
def _coinable_index(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The coinable names by their first `COINED_END` letters."""
    index: dict[str, list[str]] = {}
    for name in names:
        index.setdefault(name[:COINED_END], []).append(name)
    return {head: tuple(group) for head, group in index.items()}


def _close_editorial_brackets(plain: str, where: list[int] | None) -> tuple[str, list[int] | None]:
    if "[" not in plain or not _EDITORIAL.search(plain):
        return plain, where
    offsets = where if where is not None else list(range(len(plain)))
    out: list[str] = []
    kept: list[int] = []
    last = 0
    for match in _EDITORIAL.finditer(plain):
        out.append(plain[last : match.start()])
        kept.extend(offsets[last : match.start()])
        out.append(match.group(1))
        kept.append(offsets[match.start(1)])
        last = match.end()
    out.append(plain[last:])
    kept.extend(offsets[last : len(plain)])
    return "".join(out), kept


def _sentences(text: str):
    start = 0
    ends = _SENTENCE_END_GLUED if _LOST_SPACE.search(text) else _SENTENCE_END
    for match in ends.finditer(text):
        if match.group("dots"):
            continue
        if text[start : match.end()].strip():
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
        yield start, start, match.start()
        start = match.end()
    yield start, start, len(sentence)


def _judge(reading: _Text, start: int, end: int, mode: Mode) -> tuple[str, int, int] | None:
    """The first claim of the sentence plain[start:end] as (term, start, end) in the sentence, or None."""
    terms, implied, substitutes = reading.terms(start, end)
    if not terms:
        return None
    sentence = reading.plain[start:end]
    cautions = reading.spans("cautions", start, end)
    facts = reading.spans("facts", start, end)
    # A caution covers its sentence, but not past a contrast after it ("marketed as a daily synbiotic for overall
    # wellness, but its formulation ... make it relevant for IBS management"): what follows "but" is the writer's
    # own word again. A caution after the contrast still covers what came before ("... from diabetes; but injuries
    # ... can also cause peripheral neuropathy").
    contrasts = [m.start() for m in _CONTRAST.finditer(sentence)] if cautions else []
    exempt = reading.spans("exempt", start, end)
    # A concession's negation, denial or fact is granted, not the writer's point: when the clause after it claims
    # an effect, they do not take it back, and the disease the concession names is the one claimed ("Though
    # osteoarthritis is not curable, turmeric eases its pain"; "While treatment options for X are limited, natural
    # approaches ... eliminate symptoms"). Without a claim word after it the sentence is read as before.
    conceded = _concession(reading, start, end, exempt)
    if conceded:
        facts = [f for f in facts if f[0] >= conceded]
    verbs: list[Span] | None = None  # found once per sentence, when a disease first needs them
    about_product: bool | None = None  # prose mode: the sentence speaks of a product and reports no research
    at = 0  # terms and clauses both run left to right: each term is looked at once
    # A named disease negated or denied ("They do not cure tinnitus"), which a clause after a contrast may
    # take up again with a claim word of its own ("..., but can help the ringing symptoms to fade"): "not X, but Y"
    # claims Y of the same disease. Only a named disease: "not intended to treat any disease, but ..." stays lawful.
    negated: Span | None = None
    last_end = 0
    for _, clause_start, clause_end in _clauses(sentence):
        while at < len(terms) and terms[at][0] < clause_start:
            at += 1
        in_clause = []
        while at < len(terms) and terms[at][1] <= clause_end:
            in_clause.append(terms[at])
            at += 1
        after_contrast = bool(_CONTRAST.fullmatch(sentence[last_end:clause_start].strip(" ,")))
        last_end = clause_end
        if negated is not None and after_contrast and _takes_up(reading, start, clause_start, clause_end, exempt):
            return sentence[negated[0] : negated[1]], *negated
        if not in_clause:
            continue
        negations = reading.spans("negations", start + clause_start, start + clause_end)
        # A negation inside a bracketed aside that names no term negates only the aside ("have been reported (though
        # not in peer-reviewed literature) to help dissolve a kidney stone"; claims7).
        negations = [n for n in negations if not _aside(sentence, clause_start + n[0], terms)]
        negations = [n for n in negations if clause_start + n[0] >= conceded]
        first = clause_start + negations[0][1] if negations else clause_end + 1
        # A denial of an effect after a disease negates it too ("in the case of a UTI, cranberry is not a
        # substitute for antibiotics"); any other negation negates only what follows it.
        denied = any(
            clause_start + a >= conceded for a, _ in reading.spans("denials", start + clause_start, start + clause_end)
        )
        for span in in_clause:
            # an exempt phrase holds a substitute too ("side effects similar to those of statins")
            if span in substitutes and first > span[0] and not inside(exempt, *span):
                return sentence[span[0] : span[1]], *span
        if contrasts:
            # A caution past a later contrast covers this clause only when the clause claims nothing by itself: a
            # claim word beside its own term is the writer's claim, and advice after "but" does not take it back
            # ("Lysine may help reduce cold sore flare-ups, but don't use it if you're pregnant"); a cause or a
            # fact before the contrast stays covered ("... damage to the nerves from diabetes; but injuries ...").
            segment = bisect_right(contrasts, clause_start)
            own = _claim_word_in(reading, start, end, clause_start, clause_end, in_clause, exempt)
            here = [
                c
                for c in cautions
                if bisect_right(contrasts, c[0]) == segment or (not own and bisect_right(contrasts, c[0]) > segment)
            ]
        else:
            here = cautions
        if (here or facts) and not (
            _claims_before_advice(reading, start, end, clause_start, clause_end, here)
            or _claims_after_condition(reading, start, end, clause_start, clause_end, here)
            or _claims_beside_fact(reading, start, end, clause_start, clause_end, here, facts)
        ):
            continue
        for span in in_clause:
            term_start, term_end = span
            if inside(exempt, term_start, term_end):
                continue
            if first <= term_start or denied:
                if negated is None and (start + term_start, start + term_end) in reading.named:
                    negated = span
                continue
            hit = (sentence[term_start:term_end], term_start, term_end)
            if mode == "report":  # a news page's prose: a disease is claimed only of a product, not of a finding
                if about_product is None:
                    about_product = _about_product(reading, start, end)
                if about_product:
                    return hit
                continue
            if mode == "claim" or (span in implied and not (mode == "prose" and _drug_class(reading, start, span))):
                return hit
            if span in implied:  # a drug class in page prose: a claim when said of a product
                # ... by a word for one: the linked product's name beside a drug class is mostly the timing of a
                # course ("Seed enhanced ... recovery post-antibiotics", "wait 2-4 weeks after antimicrobial
                # treatment before starting Seed"), not a class the product belongs to
                if _about_product(reading, start, end, names=False) or _cued(reading, start, end, span):
                    return hit
                continue
            if verbs is None:
                # A claim word inside an exempt name ("Centers for Disease Control and Prevention") is none.
                verbs = [v for v in reading.spans("verbs", start, end) if not inside(exempt, *v)]
            if _has_verb(verbs, term_start, term_end):
                return hit
            if mode == "prose":
                if about_product is None:
                    about_product = _about_product(reading, start, end)
                if about_product:
                    return hit
    return None


def _takes_up(
    reading: _Text, start: int, clause_start: int, clause_end: int, exempt: list[Span], negated: bool = False
) -> bool:
    """Whether the clause [clause_start, clause_end) of the sentence at ``start`` claims an effect by itself: a claim
    word outside the exempt phrases, no caution of its own, no negation either (unless ``negated``: the caller reads
    the clause's negations itself), and no doctor's care (`medical-care`) unless it names a product. What a doctor's
    care does for a disease is no claim of the product's ("While there is no cure for psoriasis, treatments
    prescribed by a dermatologist can reduce flare-ups"), unless the clause names a product too ("... medical
    treatments, lifestyle adjustments, and natural supplements ... can help")."""
    a, b = start + clause_start, start + clause_end
    if (not negated and reading.spans("negations", a, b)) or reading.spans("cautions", a, b):
        return False
    if _doctors_care(reading, a, b):
        return False
    return any(not inside(exempt, clause_start + v0, clause_start + v1) for v0, v1 in reading.spans("verbs", a, b))


def _doctors_care(reading: _Text, start: int, end: int) -> bool:
    """Whether plain[start:end] tells of a doctor's care (`medical-care`) and names no product: what the care does for
    a disease is no claim of a product's."""
    return bool(reading.spans("medical_care", start, end)) and not reading.spans("products", start, end)


def _claim_word_in(
    reading: _Text, start: int, end: int, clause_start: int, clause_end: int, terms: list[Span], exempt: list[Span]
) -> bool:
    """Whether the clause [clause_start, clause_end) of the sentence plain[start:end] holds a claim word (`verbs`)
    outside its ``terms`` and the exempt phrases."""
    for a, b in reading.spans("verbs", start + clause_start, start + clause_end):
        if not inside(exempt, clause_start + a, clause_start + b) and not any(
            t0 <= clause_start + a and clause_start + b <= t1 for t0, t1 in terms
        ):
            return True
    return False


def _concession(reading: _Text, start: int, end: int, exempt: list[Span]) -> int:
    """Where the clause after an opening concession starts in the sentence plain[start:end] (see `_CONCESSION`),
    when that clause holds a claim word (`verbs`), no caution of its own and no doctor's care (`medical-care`) unless
    it names a product; 0 otherwise."""
    match = _CONCESSION.match(reading.plain, start, end)
    if match is None:
        return 0
    cut = match.end() - start
    return cut if _takes_up(reading, start, cut, end - start, exempt, negated=True) else 0


def _aside(sentence: str, at: int, terms: list[Span]) -> bool:
    """Whether offset ``at`` of ``sentence`` stands inside a closed pair of round brackets that holds none of the
    sentence's ``terms``."""
    opened = sentence.rfind("(", 0, at)
    if opened < 0 or ")" in sentence[opened:at]:
        return False
    closed = sentence.find(")", at)
    if closed < 0:
        return False
    return not any(opened < a and b <= closed for a, b in terms)


def _about_product(reading: _Text, start: int, end: int, names: bool = True) -> bool:
    """Whether the sentence plain[start:end] speaks of a product, by a word for one (`products`) or the name of a
    product the page links to (`names`), and reports no research (`reports`)."""
    if reading.spans("reports", start, end):
        return False
    if reading.spans("products", start, end):
        return True
    if not (names and reading.names):
        return False
    # a disease word inside a product's name ("Arthritis Relief") does not name the product on its own
    terms = reading.terms(start, end)[0]
    for match in _NAME_WORD.finditer(reading.plain, start, end):
        if match.group().lower() in reading.names and not inside(terms, match.start() - start, match.end() - start):
            return True
    return False


_NAME_WORD = re.compile(r"[^\W_]+")


def _within(spans: list[Span], clause_start: int, clause_end: int) -> bool:
    """Whether one of ``spans`` lies inside the clause [clause_start, clause_end)."""
    return any(clause_start <= a and b <= clause_end for a, b in spans)


def _claims_before_advice(
    reading: _Text, start: int, end: int, clause_start: int, clause_end: int, cautions: list[Span]
) -> bool:
    """Whether the clause [clause_start, clause_end) of the sentence plain[start:end] claims an effect for a product
    before the sentence's caution, which stands in a later clause ("While joint care supplements may be helpful for
    people with arthritis, it's important to consult your doctor"): advice appended to a claim does not take it
    back. A clause that only says whom the advice is for ("If you have kidney disease, ...") names no product and
    claim word of its own, and stays a mention; so does every clause of a sentence that states a fact (`facts`)."""
    if not cautions or cautions[0][0] < clause_end or reading.spans("facts", start, end):
        return False

    return _within(reading.spans("products", start, end), clause_start, clause_end) and _within(
        reading.spans("verbs", start, end), clause_start, clause_end
    )


# An opening condition on the reader ("If you take blood thinners,", "While you are being treated for cancer,"): the
# caution in it says whom the sentence is for (see `_claims_after_condition`).
_CONDITION = re.compile(r"[\W_]*(?:if|when|while|whilst|unless)\s+you\b", re.IGNORECASE)
_OWN = re.compile(r"(?:our|this|these)\s+\S", re.IGNORECASE)


def _claims_after_condition(
    reading: _Text, start: int, end: int, clause_start: int, clause_end: int, cautions: list[Span]
) -> bool:
    """Whether the clause [clause_start, clause_end) of the sentence plain[start:end] claims an effect for a product
    (a word for one, or "our"/"this" opening the clause) after an opening condition on the reader that holds every
    caution of the sentence ("If you take blood thinners, our fish oil prevents heart attacks"; "If you are being
    treated for cancer, our turmeric can ease the side effects of chemo"): the condition says whom the claim is
    for, it does not take the claim back. Advice in the clause ("If you take blood thinners, ask your doctor before
    taking fish oil") stays a caution, a doctor's care there (`medical-care`) is none of the product's, and a sentence
    that states a fact (`facts`) stays a mention, as in `_claims_before_advice`."""
    if not cautions or any(b > clause_start for _, b in cautions) or reading.spans("facts", start, end):
        return False
    if not _CONDITION.match(reading.plain[start:end]):
        return False

    # the product: a word for one, or the clause opening on the page's own ("our fish oil", "this turmeric")
    own = _OWN.match(reading.plain, start + clause_start) is not None
    product = own or _within(reading.spans("products", start, end), clause_start, clause_end)
    return (
        product
        and _within(reading.spans("verbs", start, end), clause_start, clause_end)
        and not _within(reading.spans("medical_care", start, end), clause_start, clause_end)
    )


def _claims_beside_fact(
    reading: _Text, start: int, end: int, clause_start: int, clause_end: int, cautions: list[Span], facts: list[Span]
) -> bool:
    """Whether the clause [clause_start, clause_end) of the sentence plain[start:end] claims an effect for a product
    beside a fact told in another clause ("Diabetes is a disease in which blood sugar is too high; our supplement
    lowers blood sugar naturally"): what a disease is does not take back what the product is said to do to it. The
    clause holds no fact of its own and names a product and a claim word; a sentence with a caution is left to
    `_claims_before_advice`."""
    if cautions or not facts or any(a < clause_end and b > clause_start for a, b in facts):
        return False

    return _within(reading.spans("products", start, end), clause_start, clause_end) and _within(
        reading.spans("verbs", start, end), clause_start, clause_end
    )


def _drug_class(reading: _Text, start: int, span: Span) -> bool:
    """Whether the implied term at ``span`` of the sentence starting at ``start`` is a drug class ("diuretics")."""
    term = reading.plain[start + span[0] : start + span[1]]
    return any(whole_words(entry).fullmatch(term) for entry in reading.entries("drug_classes"))


def _cued(reading: _Text, start: int, end: int, span: Span) -> bool:
    """Whether the drug class at ``span`` is said of a product: the whole run is the class (a tag or a list item,
    "antiviral"), a cue (`drug-class-cues`) stands before it or inside it ("a natural antibiotic", "is an erectile
    stimulant", "as prescribed antidepressants", "Herbal Platelet Inhibitor") or a tail (`drug-class-tails`) after
    it ("anti-viral properties"), with at most one word between; "painkillers like ibuprofen" and "if you take
    diuretics" name drugs."""
    sentence = reading.plain[start:end]
    if not sentence[: span[0]].strip(" -*#.:;!?") and not sentence[span[1] :].strip(" .:;!?"):
        return True
    for a, b in reading.spans("drug_class_cues", start, end):
        if (span[0] <= a and b <= span[1]) or (b <= span[0] and len(sentence[b : span[0]].split()) <= 1):
            return True
    for a, _ in reading.spans("drug_class_tails", start, end):
        if a >= span[1] and len(sentence[span[1] : a].split()) <= 1:
            return True
    return False


def _has_verb(verbs: list[Span], start: int, end: int) -> bool:
    """A claim word of the sentence outside the term [start, end) ("cures" in "cures arthritis", not "relief"
    inside a term), or the word the term starts with: a disease entry that holds its own verb ("dissolves kidney
    stones", `diseases`) is acted on by it."""
    return any(v_end <= start or v_start >= end or v_start == start for v_start, v_end in verbs)


def _named_disease(reading: _Text, start: int, end: int) -> str | None:
    """A disease the sentence names outside a caution (a condition the next sentence may claim to act on)."""
    terms, implied, _ = reading.terms(start, end)
    if not terms or reading.spans("cautions", start, end):
        return None
    exempt = reading.spans("exempt", start, end)
    for span in terms:
        if span not in implied and not inside(exempt, *span):
            return reading.plain[start + span[0] : start + span[1]]
    return None


def _points_back(reading: _Text, start: int, end: int, far: bool = False) -> bool:
    """A sentence that acts on something a sentence before named: a claim word and a word pointing back (``far``:
    a sentence between named no disease, so only a definite reference to one points back). A sentence ending in a
    colon ("Our softgels may help with:") introduces what follows it, not what came before. A sentence that would
    be no claim if it named the disease itself is none when it points back at it either: a caution, a negation or
    a denial, a fact (`facts`: "Doctors treat it with steroids", a drug as the subject), or a doctor's care with no
    product beside it (`medical-care`, as `_takes_up` reads it)."""
    if reading.plain[start:end].rstrip().endswith(":"):
        return False
    if reading.spans("cautions", start, end) or reading.spans("negations", start, end):
        return False
    if reading.spans("denials", start, end) or reading.spans("facts", start, end):
        return False
    if _doctors_care(reading, start, end):
        return False
    if not reading.spans("verbs", start, end):
        return False
    return bool(reading.spans("references", start, end) or (not far and reading.spans("pointers", start, end)))


__all__ = [
    "Claim",
    "Vocabulary",
    "check_table",
    "compile_all",
    "introduces_claims",
    "is_citation",
    "is_testimonial",
    "product_kind",
    "read_claims",
    "read_text",
    "reports_research",
    "vocabulary",
]
