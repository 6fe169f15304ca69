"""Every bundled example, checked by code, line and column (the examples are the documentation of what fires).

Each example says what it must produce in its header, in one machine-read line:

- a label or stack file: its first comment line, ``# expect: SUP101@13:13 SUP201@13:13.`` (then, on the same line
  or the next ones, what the example is about);
- a Markdown or MDX page: a comment on its first front-matter line, ``title: ...  # expect: SUP404@8:99``;
- an HTML page: a comment beside its doctype, ``<!DOCTYPE html><!-- expect: none -->``.

``none`` says that nothing fires. The list is exhaustive (default population: adults), so a new rule that fires on an
existing example shows up there. The examples live beside the rules they document (``rules/../examples``), so a
copy of both, pointed at with SUPPLINT_RULES_DIR, is checked the same way (tests/test_new_rule.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import supplint
from conftest import run_cli
from supplint.shipped import files as data

EXAMPLES = data.rules_dir().parent / "examples"
SUFFIXES = (".yaml", ".md", ".mdx", ".html")

_FINDING = r"SUP\d{3}@\d+:\d+"
_HEADER = re.compile(rf"(?:^# |  # |<!-- )expect: (none|{_FINDING}(?: {_FINDING})*)(?:\.(?: |$)| -->|$)")


def expected(path: Path) -> list[tuple[str, int, int]]:
    """(code, line, column) of each finding the example's header lists, sorted."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix == ".html":
        where = lines[:1]
    elif lines and lines[0] in ("---", "+++"):
        where = lines[1:2]
    else:
        where = lines[:1]
    found = [match for line in where if (match := _HEADER.search(line))]
    assert len(found) == 1, f"{path.name}: no `expect:` header where its format puts one"
    listed = found[0].group(1)
    if listed == "none":
        return []
    return sorted(
        (code, int(line), int(column)) for code, line, column in re.findall(r"(SUP\d{3})@(\d+):(\d+)", listed)
    )


#: example (relative to examples/) → (code, line, column) of each finding its header lists.
LISTED = {
    path.relative_to(EXAMPLES).as_posix(): expected(path)
    for path in sorted(EXAMPLES.rglob("*"))
    if path.suffix in SUFFIXES
}
#: The same as (code, line), for tests that compare by code and line (test_ci_output).
EXPECTED = {name: [(code, line) for code, line, _ in findings] for name, findings in LISTED.items()}


def test_every_example_has_a_header():
    assert len(LISTED) >= 40  # the headers are read, not skipped: a file without one fails `expected`


@pytest.mark.parametrize("name", sorted(LISTED))
def test_example_findings(name):
    found = sorted((f.code, f.line, f.column) for f in supplint.check_file(EXAMPLES / name))
    assert found == LISTED[name]


def test_every_implemented_rule_fires_on_some_example():
    """(That each rule also stays quiet on a clean twin is the rule pack's `passes` example: test_rule_packs.)"""
    from supplint.ruleset.registry import registry

    fired = {code for findings in LISTED.values() for code, _, _ in findings}
    for code, spec in registry().rules.items():
        if spec.examples.fires is None:
            continue  # internal-error: an example that made supplint fail would be a bug to fix (test_rule_packs)
        assert code in fired, f"{code} fires on no example"


def test_a_header_is_read_as_written(tmp_path):
    """The header's grammar: a list, or none; a malformed list is no header (and so a failure, not a pass)."""
    label = tmp_path / "a.yaml"
    label.write_text("# expect: SUP201@13:13 SUP101@13:13. Prose after the list.\nproduct: X\n", encoding="utf-8")
    assert expected(label) == [("SUP101", 13, 13), ("SUP201", 13, 13)]
    label.write_text("# expect: none\n", encoding="utf-8")
    assert expected(label) == []
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: T  # expect: SUP404@8:1\n---\n", encoding="utf-8")
    assert expected(page) == [("SUP404", 8, 1)]
    for broken in ("# expect: SUP201@13\n", "# expect: SUP20@13:1\n", "# A label.\n# expect: none\n"):
        label.write_text(broken, encoding="utf-8")
        with pytest.raises(AssertionError, match="no `expect:` header"):
            expected(label)


#: Pages whose findings the library copies from the labels they name; a CLI run reports those once, at the label.
NAMED_LABEL_COPIES = {"pages/d3-5000-roundup.md", "pages/hugo-toml-roundup.md"}


def test_cli_on_examples_matches_the_library():
    result = run_cli("check", "examples", "--output-format", "json", cwd=EXAMPLES.parent)
    assert result.returncode == 1, result.stderr
    from_cli = sorted(
        (f["file"].replace("\\", "/").removeprefix("examples/"), f["code"], f["line"], f["column"])
        for f in json.loads(result.stdout)
    )
    listed = sorted(
        (name, *finding) for name, findings in LISTED.items() for finding in findings if name not in NAMED_LABEL_COPIES
    )
    assert from_cli == listed
    for page in NAMED_LABEL_COPIES:
        assert f"examples/{page} names label ../d3-5000-softgel.yaml, which has 3 problems" in result.stderr


@pytest.mark.parametrize(("population", "fires"), [("adults-51+", True), ("adults-19-50", False), ("adults", True)])
def test_calcium_upper_limit_depends_on_population(population, fires):
    found = supplint.check_file(EXAMPLES / "calcium-d3-tablet.yaml", population=population)
    assert (("SUP201", 19) in [(f.code, f.line) for f in found]) is fires
