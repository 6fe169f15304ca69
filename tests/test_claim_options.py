"""Teams extend the disease-claim vocabulary through config (issue 11 item 7): SUP303 and SUP404 take
`extra-diseases` and `exempt`, validated like every other option, set in supplint.toml."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from supplint.cli import cli

LABEL = """product: Example Omega-3
identity: Dietary Supplement
facts:
  - {name: EPA, amount: 500 mg}
claims:
  - Soothes the flibbertigibbet.
  - Supports the HeartSmart Promise for the whole family.
"""
PAGE = "# Our pick\n\nOur omega-3 soothes the flibbertigibbet.\n"


def run(tmp_path, monkeypatch, config: str, *files: str):
    (tmp_path / "supplint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "label.yaml").write_text(LABEL, encoding="utf-8")
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(cli, ["check", "--output-format", "json", *files])


def found(result) -> list[tuple[str, str, int]]:
    return sorted((f["code"], f["file"].rsplit("/", 1)[-1], f["line"]) for f in json.loads(result.output))


def test_without_options_an_unknown_disease_word_is_not_a_claim(tmp_path, monkeypatch):
    result = run(tmp_path, monkeypatch, 'select = ["SUP303", "SUP404"]\n', "label.yaml", "page.md")
    assert found(result) == []


def test_extra_diseases_make_a_team_term_a_claim_on_labels_and_pages(tmp_path, monkeypatch):
    config = (
        'select = ["SUP303", "SUP404"]\n'
        '[rules.disease-claim]\nextra-diseases = ["flibbertigibbet"]\n'
        '[rules.SUP404]\nextra-diseases = ["flibbertigibbet"]\n'
    )
    result = run(tmp_path, monkeypatch, config, "label.yaml", "page.md")
    assert found(result) == [("SUP303", "label.yaml", 6), ("SUP404", "page.md", 3)]


def test_exempt_lets_a_brand_phrase_pass(tmp_path, monkeypatch):
    config = 'select = ["SUP303"]\n[rules.disease-claim]\nextra-diseases = ["flibbertigibbet", "heartsmart"]\n'
    assert found(run(tmp_path, monkeypatch, config, "label.yaml")) == [
        ("SUP303", "label.yaml", 6),
        ("SUP303", "label.yaml", 7),
    ]
    config += 'exempt = ["HeartSmart\\\\s+Promise"]\n'
    assert found(run(tmp_path, monkeypatch, config, "label.yaml")) == [("SUP303", "label.yaml", 6)]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"flibbertigibbet"', "list of regular expressions"),
        ('["(unclosed"]', "bad regular expression"),
    ],
)
def test_a_bad_option_is_a_usage_error(tmp_path, monkeypatch, value, message):
    result = run(
        tmp_path, monkeypatch, f'select = ["SUP303"]\n[rules.disease-claim]\nextra-diseases = {value}\n', "label.yaml"
    )
    assert result.exit_code == 2
    assert message in result.output + (result.stderr if result.stderr_bytes is not None else "")


@pytest.mark.parametrize(
    "pattern",
    [
        "\\\\x66libbertigibbet",  # a character by its code: \x66 is "f"
        "flibbertigibbet|wobble{",  # a brace that closes nothing is a character
        "\\\\146libbertigibbet",  # and by its octal code
    ],
)
def test_a_team_pattern_is_read_as_the_regex_engine_reads_it(tmp_path, monkeypatch, pattern):
    config = f'select = ["SUP303"]\n[rules.disease-claim]\nextra-diseases = ["{pattern}"]\n'
    assert found(run(tmp_path, monkeypatch, config, "label.yaml")) == [("SUP303", "label.yaml", 6)]
