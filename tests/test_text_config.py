"""Through the CLI (in process): allergen matching sees folded text (issue 11 item 6), and teams extend the
disclosure, tracking-host and consult vocabularies in supplint.toml (item 7), by code and line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from supplint.cli import cli


def check(path, *args: str) -> list[tuple[str, int]]:
    result = CliRunner().invoke(cli, ["check", "--output-format", "json", *args, str(path)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return sorted((f["code"], f["line"]) for f in json.loads(result.output))


def usage_error(path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["check", *args, str(path)], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    return result.output


# --- allergens on folded text -----------------------------------------------------------------------------------

LABEL = "product: Example Fish Oil Supplement\nfacts: []\nother_ingredients:\n  - gelatin\n  - {ingredient}\n"


@pytest.mark.parametrize(
    "ingredient",
    [
        "whe\u00adat germ oil",  # a soft hyphen left by hyphenation, inside the word
        "\ufb01sh gelatin",  # the PDF ligature "ﬁ"
        "ca\u200bsein",  # a zero-width space inside the word
        "Ｓｏｙ lecithin",  # full-width letters
        "sesa\u2060me oil",  # a word joiner
    ],
)
def test_allergen_words_are_matched_after_folding(write, ingredient):
    path = write("label.yaml", LABEL.format(ingredient=ingredient))
    assert check(path, "--select", "SUP307") == [("SUP307", 5)]


def test_a_folded_allergen_declaration_declares(write):
    path = write("label.yaml", LABEL.format(ingredient="soybean oil") + 'allergens: "Contains: so\u00ady."\n')
    assert check(path, "--select", "SUP307") == []
    assert check(write("plain.yaml", LABEL.format(ingredient="soybean oil")), "--select", "SUP307") == [("SUP307", 5)]


def test_the_message_quotes_the_ingredient_as_written(write):
    path = write("label.yaml", LABEL.format(ingredient="\ufb01sh gelatin"))
    result = CliRunner().invoke(cli, ["check", "--output-format", "json", "--select", "SUP307", str(path)])
    (finding,) = json.loads(result.output)
    assert "\ufb01sh gelatin" in finding["message"]


# --- vocabularies extended through supplint.toml -------------------------------------------------------------------

PAGE = """# Our magnesium pick

{disclosure}

Magnesium glycinate is the supplement we take: 200 mg per capsule.

Our pick is [Example Magnesium]({url}).
"""


def test_extra_tracking_hosts_add_to_the_shipped_ones(write):
    path = write("page.md", PAGE.format(disclosure="A short intro.", url="https://go.example-partner.net/p/123"))
    assert check(path, "--select", "SUP401") == []
    write(
        "supplint.toml", '[rules.missing-affiliate-disclosure]\nextra-hosts = ["(^|\\\\.)example-partner\\\\.net$"]\n'
    )
    assert check(path, "--select", "SUP401") == [("SUP401", 7)]
    shipped = write("shipped.md", PAGE.format(disclosure="A short intro.", url="https://amzn.to/3abcdef"))
    assert check(shipped, "--select", "SUP401") == [("SUP401", 7)]  # the shipped hosts still count


def test_extra_hosts_apply_to_each_rule_that_declares_them(write):
    path = write("page.md", PAGE.format(disclosure="Affiliate link.", url="https://go.example-partner.net/p/123"))
    write("supplint.toml", '[rules.SUP406]\nextra-hosts = ["example-partner\\\\.net$"]\n')
    assert check(path, "--select", "SUP401,SUP406") == [("SUP406", 3)]


def test_extra_disclosure_patterns_add_to_the_shipped_ones(write):
    house = "Kickback notice: the shop pays this site for every sale."
    path = write("page.md", PAGE.format(disclosure=house, url="https://amzn.to/3abcdef"))
    before = check(path, "--select", "SUP401,SUP406")
    assert before == [("SUP401", 7)]
    write(
        "supplint.toml",
        '[rules.SUP401]\nextra-patterns = ["^kickback notice\\\\b"]\n'
        '[rules.SUP406]\nextra-patterns = ["^kickback notice\\\\b"]\n',
    )
    assert check(path, "--select", "SUP401,SUP406") == []
    shipped = write("shipped.md", PAGE.format(disclosure="We earn a commission on purchases.", url="https://amzn.to/x"))
    assert check(shipped, "--select", "SUP401,SUP406") == []  # the shipped wording still counts


def test_extra_vague_wording_is_sup406(write):
    path = write("page.md", PAGE.format(disclosure="Partner pick.", url="https://amzn.to/3abcdef"))
    assert check(path, "--select", "SUP401,SUP406") == [("SUP401", 7)]
    write(
        "supplint.toml",
        '[rules.SUP401]\nextra-vague = ["^partner pick\\\\W*$"]\n'
        '[rules.SUP406]\nextra-vague = ["^partner pick\\\\W*$"]\n',
    )
    assert check(path, "--select", "SUP401,SUP406") == [("SUP406", 3)]


def test_a_late_extra_disclosure_is_sup402(write):
    text = "# Pick\n\nOur pick is [Example](https://amzn.to/3abcdef).\n\nKickback notice: the shop rewards this site.\n"
    path = write("page.md", text)
    assert check(path, "--select", "SUP402") == []  # nothing SUP402 knows as a disclosure
    write("supplint.toml", '[rules.SUP402]\nextra-patterns = ["^kickback notice\\\\b"]\n')
    assert check(path, "--select", "SUP402") == [("SUP402", 5)]


LABEL_301 = (
    "product: Example Magnesium\nfacts:\n  - {name: Magnesium, amount: 100 mg}\n"
    "warnings: Clear it with your care team first.\n"
)


def test_extra_consult_patterns_on_labels(write):
    path = write("label.yaml", LABEL_301)
    assert check(path, "--select", "SUP301") == [("SUP301", 4)]
    write(
        "supplint.toml", '[rules.missing-consult-note]\nextra-patterns = ["\\\\bclear it with your care team\\\\b"]\n'
    )
    assert check(path, "--select", "SUP301") == []


def test_extra_consult_patterns_on_pages(write):
    text = PAGE.format(disclosure="Clear it with your care team first.", url="https://www.iherb.com/pr/example/1")
    path = write("page.md", text)
    assert check(path, "--select", "SUP403") == [("SUP403", 7)]
    write("supplint.toml", '[rules.SUP403]\nextra-patterns = ["\\\\bclear it with your care team\\\\b"]\n')
    assert check(path, "--select", "SUP403") == []


def test_setting_patterns_replaces_the_shipped_list(write):
    path = write("label.yaml", LABEL_301.replace("Clear it with your care team first.", "Ask your doctor before use."))
    assert check(path, "--select", "SUP301") == []
    write("supplint.toml", '[rules.SUP301]\npatterns = ["\\\\bclear it with your care team\\\\b"]\n')
    assert check(path, "--select", "SUP301") == [("SUP301", 4)]


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ('[rules.SUP401]\nextra-hosts = ["("]\n', "bad regular expression"),
        ('[rules.SUP401]\nextra-hosts = "amzn.to"\n', "expected a list of regular expressions"),
        ('[rules.SUP403]\nextra-patern = ["x"]\n', "extra-patterns"),
        ('[rules.SUP301]\nextra-hosts = ["x"]\n', "unknown option"),
    ],
)
def test_bad_extra_options_are_usage_errors(write, table, words):
    path = write("label.yaml", LABEL_301)
    write("supplint.toml", table)
    assert words in usage_error(path)
