"""A new rule of an existing kind is its pack entry and its examples, nothing else.

The test copies the packs, the reference data and the examples, adds a `pairing` rule and a `dose` rule that
names a nutrient (each with a realistic example that fires and a clean twin), points supplint at the copy
(SUPPLINT_RULES_DIR) and runs the suite's own rule checks on it: tests/test_rule_packs.py (the documented examples,
the catalogue, sources, nutrient ids) and tests/test_examples.py (every example's findings, as its header lists).
The copy's catalogue reserves the two codes first, as ../shared/spec/rules.md does before a rule is written.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from supplint.shipped import files as data

ROOT = Path(__file__).resolve().parents[1]

RESERVED = """\
- {code: SUP105, name: zinc-without-copper, severity: warning}
- {code: SUP210, name: high-vitamin-b6, severity: warning}
"""

PACK = """\
- code: SUP105
  name: zinc-without-copper
  kind: pairing
  severity: warning
  summary: Zinc at the adult upper limit or above with no copper on the label.
  rationale: >-
    Zinc taken for long at high doses lowers copper absorption; formulas with much zinc add copper (AREDS: 80 mg
    zinc with 2 mg copper). The 40 mg default is the adult upper limit for zinc.
  sources: [S57]
  options:
    min-zinc: {type: quantity, nutrient: zinc, default: 40 mg, description: daily zinc at and above which copper is expected}
  trigger: {nutrient: zinc, minimum: min-zinc}
  partner: {nutrient: copper}
  fires-when: absent
  message: "{trigger} {trigger_daily}/day and no copper on the label"
  hint: add copper (about 1 mg per 15-20 mg of zinc), or keep zinc below {minimum} a day
  examples:
    fires: |
      product: Example Zinc 50
      facts:
        - {name: Zinc, amount: 50 mg}
    passes: |
      product: Example Zinc 50 + Copper
      facts:
        - {name: Zinc, amount: 50 mg}
        - {name: Copper, amount: 2 mg}

- code: SUP210
  name: high-vitamin-b6
  kind: dose
  severity: warning
  summary: Vitamin B6 above a daily amount that some authorities tie to nerve damage.
  rationale: >-
    A threshold that is not an upper limit of the tables: a site's own, in mg of vitamin B6 a day.
  sources: [S57]
  nutrients: [vitamin-b6]
  limits: [maximum]
  options:
    maximum: {type: quantity, nutrient: vitamin-b6, default: 50 mg, description: daily vitamin B6 above which the rule fires}
  message: "{nutrient} {daily}/day is above {maximum}/day"
  hint: keep vitamin B6 at or below {maximum} a day
  examples:
    fires: |
      product: Example B6 100
      facts:
        - {name: Vitamin B6, amount: 100 mg}
        - {name: Magnesium, amount: 100 mg}
    passes: |
      product: Example B6 25
      facts:
        - {name: Vitamin B6, amount: 25 mg}
        - {name: Magnesium, amount: 100 mg}
"""

LABEL = """\
# expect: {expect}. {about}
product: {product}
brand: Example Naturals
identity: Dietary Supplement
form: tablet
serving:
  size: 1 tablet
  per_day: 1
servings_per_container: 60
facts:
{facts}
other_ingredients: [microcrystalline cellulose, vegetable stearate]
directions: Take 1 tablet daily with a meal.
warnings:
  - Consult your healthcare provider before use if you are pregnant, nursing, taking medication or have a medical condition.
  - Keep out of reach of children.
"""

EXAMPLES = {
    "zinc-40-no-copper.yaml": (
        "SUP105@11:47",
        "Zinc at its upper limit with no copper.",
        "Zinc 40 mg Tablets",
        "  - {name: Zinc, as: zinc picolinate, amount: 40 mg, dv: 364%}\n"
        "  - {name: Vitamin C, as: ascorbic acid, amount: 90 mg, dv: 100%}",
    ),
    "zinc-40-copper.yaml": (
        "none",
        "The twin: the same zinc with copper beside it.",
        "Zinc 40 mg + Copper Tablets",
        "  - {name: Zinc, as: zinc picolinate, amount: 40 mg, dv: 364%}\n"
        "  - {name: Copper, as: copper glycinate, amount: 2 mg, dv: 222%}",
    ),
    "b6-100-mg.yaml": (
        "SUP210@11:52",
        "100 mg of vitamin B6 a day, at its upper limit but above 50 mg.",
        "Vitamin B6 100 mg Tablets",
        "  - {name: Vitamin B6, as: pyridoxine HCl, amount: 100 mg, dv: 5882%}\n"
        "  - {name: Magnesium, as: magnesium glycinate, amount: 100 mg, dv: 24%}",
    ),
    "b6-25-mg.yaml": (
        "none",
        "The twin: 25 mg of vitamin B6.",
        "Vitamin B6 25 mg Tablets",
        "  - {name: Vitamin B6, as: pyridoxine HCl, amount: 25 mg, dv: 1471%}\n"
        "  - {name: Magnesium, as: magnesium glycinate, amount: 100 mg, dv: 24%}",
    ),
}


def copy_with_new_rules(where: Path) -> Path:
    (where / ".git").mkdir()  # a repository of its own: the pages and stacks there may name its labels
    shutil.copytree(data.rules_dir(), where / "rules")
    shutil.copytree(ROOT / "examples", where / "examples")
    with open(where / "rules" / "catalogue.yaml", "a", encoding="utf-8") as catalogue:
        catalogue.write(RESERVED)
    (where / "rules" / "packs" / "team.yaml").write_text(PACK, encoding="utf-8")
    for name, (expect, about, product, facts) in EXAMPLES.items():
        (where / "examples" / name).write_text(
            LABEL.format(expect=expect, about=about, product=product, facts=facts), encoding="utf-8"
        )
    return where / "rules"


def run_checks(rules: Path, tmp_path: Path, *tests: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    env |= {"SUPPLINT_RULES_DIR": str(rules), "SUPPLINT_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "-n", "0", "-rA", *tests],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_a_pairing_and_a_dose_rule_need_only_their_pack_entry_and_examples(tmp_path):
    rules = copy_with_new_rules(tmp_path)
    # The README's link to docs/rules.md is a check of the documentation, which is regenerated with one command
    # (`supplint rule --all --output-format markdown > docs/rules.md`), not of the rules: the copy has neither.
    result = run_checks(
        rules,
        tmp_path,
        "tests/test_rule_packs.py",
        "tests/test_examples.py",
        "--deselect",
        "tests/test_rule_packs.py::test_the_readme_links_the_generated_rule_reference_instead_of_copying_it",
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    for test in (
        "test_documented_example_fires[SUP105]",
        "test_documented_example_passes[SUP210]",
        "test_example_findings[zinc-40-no-copper.yaml]",
        "test_example_findings[b6-100-mg.yaml]",
        "test_example_findings[b6-25-mg.yaml]",
        "test_every_rule_is_the_catalogues",
    ):
        assert (
            f"PASSED tests/test_rule_packs.py::{test}" in result.stdout
            or f"PASSED tests/test_examples.py::{test}" in result.stdout
        ), test


def test_the_checks_fail_on_a_new_rule_that_does_not_do_what_its_examples_say(tmp_path):
    """The same run is no rubber stamp: a dose rule whose threshold its example does not reach fails it."""
    rules = copy_with_new_rules(tmp_path)
    pack = rules / "packs" / "team.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("default: 50 mg", "default: 150 mg"), encoding="utf-8")
    result = run_checks(
        rules,
        tmp_path,
        "tests/test_rule_packs.py::test_documented_example_fires",
        "tests/test_examples.py::test_example_findings",
    )
    assert result.returncode == 1
    assert "FAILED tests/test_rule_packs.py::test_documented_example_fires[SUP210]" in result.stdout
    assert "FAILED tests/test_examples.py::test_example_findings[b6-100-mg.yaml]" in result.stdout


def test_a_rules_directory_that_is_not_a_copy_of_rules_is_a_clear_error(tmp_path):
    result = run_cli(
        "check",
        "examples/d3-k2-softgel.yaml",
        env={"SUPPLINT_RULES_DIR": str(tmp_path), "SUPPLINT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert result.returncode == 2
    assert "SUPPLINT_RULES_DIR" in result.stderr and "Traceback" not in result.stderr


def test_a_dose_rule_naming_an_unknown_nutrient_is_a_pack_error(tmp_path):
    rules = copy_with_new_rules(tmp_path)
    pack = rules / "packs" / "team.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace("nutrients: [vitamin-b6]", "nutrients: [vitamin-b7]"), encoding="utf-8"
    )
    result = run_cli(
        "check",
        "examples/d3-k2-softgel.yaml",
        env={"SUPPLINT_RULES_DIR": str(rules), "SUPPLINT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert result.returncode == 2, result.stderr
    assert "rule 2 (SUP210), nutrients: unknown nutrient 'vitamin-b7'" in result.stderr
    assert "did you mean 'vitamin-b6'?" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"nutrients": []}, "a maximum limit needs `nutrients`"),
        ({"options": {}}, "a maximum limit needs the quantity option `maximum`"),
        (
            {
                "options": {
                    "maximum": {
                        "type": "quantity",
                        "nutrient": "vitamin-b6",
                        "default": "50 mcg RAE",
                        "description": "a threshold in a unit vitamin B6 is not declared in",
                    }
                }
            },
            "maximum '50 mcg RAE' cannot be a daily amount of Vitamin B6",
        ),
        ({"nutrients": ["vitamin-b6", "vitamin-a"]}, "maximum '50 mg' cannot be converted to mcg RAE"),
    ],
)
def test_a_dose_rule_naming_nutrients_is_checked_when_the_packs_load(change, error):
    import yaml
    from pydantic import TypeAdapter, ValidationError

    from supplint.kinds import modules

    entry = yaml.safe_load(PACK)[1] | change
    with pytest.raises(ValidationError, match=re.escape(error)):
        TypeAdapter(modules()["dose"].Spec).validate_python(entry)
    TypeAdapter(modules()["dose"].Spec).validate_python(yaml.safe_load(PACK)[1])  # as written, it loads
