"""The run-wide memos (shipped/memo.py: worded figures, dose messages, alias matches, required-text verdicts) change
no answer: with each forgetting everything before it keeps a new answer, as one does at its bound, every example
label and page gets the same findings, by code, line, column and words, in every population."""

from __future__ import annotations

from pathlib import Path

import pytest

import supplint
from supplint.shipped.memo import Memo

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = sorted(path for path in EXAMPLES.glob("*.yaml")) + sorted((EXAMPLES / "pages").glob("*.md"))


def findings(population: str) -> list[tuple]:
    return [
        (path.name, f.code, f.line, f.column, f.message, f.hint)
        for path in FILES
        for f in supplint.check_text(path.read_text(encoding="utf-8"), str(path), population=population)
    ]


@pytest.mark.parametrize("population", ["adults", "children-4-8", "pregnant"])
def test_a_memo_that_forgets_at_every_answer_changes_no_finding(monkeypatch, population):
    remembering = findings(population)
    kept = []

    def forgetful(self, key, value):
        kept.append(key)
        self.clear()
        self[key] = value
        return value

    monkeypatch.setattr(Memo, "keep", forgetful)
    assert findings(population) == remembering
    assert remembering and kept  # the examples have findings, and the memos were asked to keep answers
