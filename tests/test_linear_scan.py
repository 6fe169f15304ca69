"""Text scanning is linear in the text (issue 10, part 3), checked by counting the characters the scans go over,
never by timing: the scanning patterns and texts are swapped for counting stand-ins, the input goes through the
public API, and the findings are asserted by code and line. Each would fail on the old code, which searched again
from the clause or text start for every match (bench/linear.py measures the same shapes in seconds)."""

from __future__ import annotations

import re
import sys

import pytest

import supplint
from supplint import suppressions
from supplint.kinds import _claims, _terms, content_claim
from supplint.pages import markdown

LABEL = """\
product: Example Vitamin C
identity: Dietary Supplement
form: capsule
serving:
  size: 1 capsule
facts:
  - {name: Vitamin C, amount: 5 mg}
"""


class Counting:
    """A compiled pattern that adds up how many characters its searches go over."""

    def __init__(self, pattern: re.Pattern, tally: list[int]):
        self.pattern, self.tally = pattern, tally

    def _span(self, string: str, pos: int, endpos: int) -> tuple[int, int]:
        return pos, min(endpos, len(string))

    def search(self, string, pos=0, endpos=sys.maxsize):
        start, end = self._span(string, pos, endpos)
        found = self.pattern.search(string, pos, endpos)
        self.tally[0] += (found.end() if found else end) - start
        return found

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        start, end = self._span(string, pos, endpos)
        self.tally[0] += max(end - start, 0)
        return self.pattern.finditer(string, pos, endpos)

    def split(self, string, maxsplit=0):
        self.tally[0] += len(string)
        return self.pattern.split(string, maxsplit)

    def sub(self, repl, string, count=0):
        self.tally[0] += len(string)
        return self.pattern.sub(repl, string, count)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


def codes_and_lines(text: str, filename: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in supplint.check_text(text, filename)]


@pytest.mark.parametrize("claim", ["High in vitamin C ", "excellent source of vitamin C "])
def test_a_claim_of_repeated_phrases_is_scanned_once(monkeypatch, claim):
    tally = [0]
    for name in ("_CLAUSE_END", "_NEGATION", "_STOP", "_SPLIT"):
        monkeypatch.setattr(content_claim, name, Counting(getattr(content_claim, name), tally))
    text = claim * 1000
    found = codes_and_lines(LABEL + f"claims:\n  - '{text}'\n", "x.yaml")
    assert [f for f in found if f[0] == "SUP308"] == [("SUP308", 9)] * 1000
    assert tally[0] <= 3 * len(text) + 2 * 1000 * content_claim.WINDOW  # the old scans: about len(text) ** 2 / 2


def _counting_vocabulary(monkeypatch, tally):
    """Every pattern the claim reader searches with (each vocabulary entry, the word reader of the disease names,
    the sentence and clause splitters) adds up the characters it goes over."""
    real = _terms.whole_words
    monkeypatch.setattr(_terms, "whole_words", lambda pattern: Counting(real(pattern), tally))
    monkeypatch.setattr(_terms, "_WORD", Counting(_terms._WORD, tally))
    for name in ("_SENTENCE_END", "_CLAUSE_END"):
        monkeypatch.setattr(_claims, name, Counting(getattr(_claims, name), tally))
    _claims.read_text.cache_clear()  # a remembered verdict would skip the scan


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("kidney disease ", []),  # no claim verb: a caution, not a claim
        ("cures kidney disease ", [("SUP303", 8)]),
    ],
)
def test_notes_repeating_a_disease_are_scanned_once_per_pattern(monkeypatch, words, expected):
    tally = [0]
    _counting_vocabulary(monkeypatch, tally)
    text = "kidney disease " * 2000 + words
    found = codes_and_lines(LABEL + f"notes: '{text}'\n", "x.yaml")
    assert [f for f in found if f[0] == "SUP303"] == expected
    assert 0 < tally[0] <= 40 * len(text)  # a pass per vocabulary entry the text holds; the old scans were quadratic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("arthritis " * 3000, []),  # a page names a disease: a topic, not a claim
        ("cures arthritis " * 3000, [("SUP404", 3)]),  # one sentence of claim words: one claim
        ("Cures arthritis. " * 3000, [("SUP404", 3)] * 3000),  # a claim in every sentence
        ("cures arthritis; " * 3000, [("SUP404", 3)]),  # many clauses of one sentence
        ("Ask your doctor about arthritis. " * 1500, []),  # a mention in every sentence
    ],
)
def test_page_prose_repeating_a_disease_is_scanned_once_per_pattern(monkeypatch, text, expected):
    tally = [0]
    _counting_vocabulary(monkeypatch, tally)
    found = codes_and_lines(f"# Title\n\n{text}\n", "page.md")
    assert [f for f in found if f[0] == "SUP404"] == expected
    assert 0 < tally[0] <= 40 * len(text)


_SCANNED = [0]  # characters CountingStr's searches went over
_READS = [0]  # lines CountingLines handed out


class CountingStr(str):
    """Page content that adds up how many characters count / find / rfind on it go over."""

    def count(self, sub, start=0, end=sys.maxsize):
        _SCANNED[0] += max(min(end, len(self)) - start, 0)
        return str.count(self, sub, start, end)

    def find(self, sub, start=0, end=sys.maxsize):
        found = str.find(self, sub, start, end)
        _SCANNED[0] += max((found if found >= 0 else min(end, len(self))) - start, 0)
        return found

    def rfind(self, sub, start=0, end=sys.maxsize):
        found = str.rfind(self, sub, start, end)
        _SCANNED[0] += max(min(end, len(self)) - (found if found >= 0 else start), 0)
        return found


@pytest.mark.parametrize("line", ["\\*" * 5000 + " cures arthritis.", "word <!-- c --> " * 2000 + "cures arthritis."])
def test_positions_on_a_long_markdown_line_do_not_rescan_it(monkeypatch, line):
    real = markdown._markdown()

    class Parser:
        def parse(self, text):
            tokens = real.parse(text)
            for token in tokens:
                if token.type == "inline":
                    token.content = CountingStr(token.content)
            return tokens

    monkeypatch.setattr(markdown, "_markdown", Parser)
    _SCANNED[0] = 0
    found = codes_and_lines(f"# Title\n\nThis supplement {line}\n", "page.md")
    assert [f for f in found if f[0] == "SUP404"] == [("SUP404", 3)]
    assert _SCANNED[0] <= 10 * len(line)  # the old count of line breaks before each piece: quadratic


class CountingLines(list):
    """The file's lines, counting how often a line is looked at."""

    def __getitem__(self, index):
        _READS[0] += 1
        return list.__getitem__(self, index)


@pytest.mark.parametrize(
    ("filename", "directive", "text"),
    [
        ("x.yaml", "# supplint: disable=SUP101", LABEL),
        ("page.md", "<!-- supplint: disable=SUP401 -->", "# Title\n\n"),
    ],
)
def test_many_directive_lines_find_their_target_in_one_pass(monkeypatch, filename, directive, text):
    real = suppressions.split_lines
    monkeypatch.setattr(suppressions, "split_lines", lambda source: CountingLines(real(source)))
    _READS[0] = 0
    count = 2000
    first = text.count("\n") + 1
    found = codes_and_lines(
        text + f"{directive}\n" * count + "notes: x\n" * (filename == "x.yaml") + "text\n" * (filename != "x.yaml"),
        filename,
    )
    assert [f for f in found if f[0] == "SUP009"] == [("SUP009", first + k) for k in range(count)]
    assert _READS[0] <= 4 * (count + first + 1)  # the old: each directive read every line after it


@pytest.mark.parametrize(
    "warning",
    [
        "Consult your health care provider before use.",
        "Consult your healthcare provider before use.",
        "Consult your health-care provider before use.",
        "Consult your health - care provider before use.",
    ],
)
def test_consult_notes_still_read_every_spelling_of_health_care(warning):
    assert "SUP301" not in [code for code, _ in codes_and_lines(LABEL + f"warnings: [{warning}]\n", "x.yaml")]
    assert "SUP301" in [code for code, _ in codes_and_lines(LABEL + "warnings: [Keep out of reach.]\n", "x.yaml")]


# Two runs of white space with at most one optional character between them (`\s*-?\s*`) split a long run of spaces
# in quadratically many ways before a match fails; the engine cannot be counted, so the patterns are checked.
_NESTED = re.compile(r"\\s[*+](?:\\?[^\\(]|\[[^\]]*\])?\??\\s[*+]")


def test_no_data_pattern_has_adjacent_optional_white_space():
    from supplint.shipped import files as data

    for path, key in (("data/consult-notes.yaml", "patterns"), ("data/affiliate.yaml", "disclosures")):
        for pattern in data.load(path)[key]:
            assert not _NESTED.search(pattern), (path, pattern)
    vocabulary = data.load("data/disease-claims.yaml")
    for key, patterns in vocabulary.items():  # every list of the one claim reader (diseases, signs, cautions, ...)
        if not isinstance(patterns, list) or key == "sources":
            continue
        for pattern in patterns:
            assert not _NESTED.search(pattern), (key, pattern)
