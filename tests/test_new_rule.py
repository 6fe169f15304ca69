"""A new rule of an existing kind is its pack entry and its examples, nothing else.

The test copies the packs, the reference data and the examples, adds a `pairing` rule, a `dose` rule that names a
nutrient, a `dose` rule for a stack and a `required-text` rule for a page (each with a realistic example that fires
and a clean twin), points supplint at the copy (SUPPLINT_RULES_DIR) and runs the suite's own rule checks on it:
tests/test_rule_packs.py (the documented examples, the catalogue, sources, nutrient ids) and tests/test_examples.py
(every example's findings, as its header lists). The copy's catalogue reserves the codes first, as
../shared/spec/rules.md does before a rule is written.
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
- {code: SUP407, name: page-missing-safety-note, severity: info}
- {code: SUP502, name: stack-above-preformed-vitamin-a-limit, severity: warning}
"""

PACK = r"""
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

- code: SUP407
  name: page-missing-safety-note
  kind: required-text
  target: page
  severity: info
  summary: A page that recommends supplements says nothing about their safety.
  rationale: >-
    A team's house rule, broader than page-missing-consult-note: any safety wording counts (a consult note, a
    caution for pregnancy, medication or children, the most to take in a day), so a page that fires says nothing
    at all about who should not take the product.
  vocabulary: data/product-pages.yaml
  options:
    patterns:
      type: patterns
      description: regular expressions, any of which counts as a consult note
      default-from: data/consult-notes.yaml#patterns
    extra-patterns:
      type: patterns
      description: the other safety wording, added to `patterns`
      default:
        - '\bpregnan'
        - '\bmedications?\b'
        - '\bout\s+of\s+(?:the\s+)?reach\s+of\s+children\b'
        - '\bdo\s+not\s+(?:exceed|take\s+more\s+than)\b'
  message: this page recommends supplements but says nothing about their safety
  hint: say who should not take it, or to ask a healthcare provider first
  examples:
    fires: |
      # The magnesium we take before bed

      Magnesium glycinate is gentle: [Example Magnesium](https://www.iherb.com/pr/example-magnesium/1), two a day.
    passes: |
      # The magnesium we take before bed

      Magnesium glycinate is gentle: [Example Magnesium](https://www.iherb.com/pr/example-magnesium/1), two a day.

      Do not take more than two capsules a day if you are pregnant.

- code: SUP502
  name: stack-above-preformed-vitamin-a-limit
  kind: dose
  target: stack
  limits: [upper-limit]
  nutrients: [vitamin-a]
  severity: warning
  summary: Taken together, the products of a stack give more preformed vitamin A than its upper limit.
  rationale: >-
    A team's own wording for the one upper limit that is about the unborn child as much as the liver: the stack's
    preformed vitamin A (retinol, retinyl esters; not beta-carotene) against the upper limit.
  sources: [S7]
  message: "{nutrient} {total}/day from {count} products is above {limit}/day ({ratio}) for {population}: {shares}"
  hint: "prefer products whose vitamin A is beta-carotene, which the limit does not cover ({covers})"
  examples:
    fires: |
      stack:
        - label:
            product: Example Eye Formula
            facts:
              - {name: Vitamin A, as: retinyl palmitate, amount: 1800 mcg}
            warnings: Consult your doctor before use.
        - label:
            product: Example Skin Formula
            facts:
              - {name: Vitamin A, as: retinyl acetate, amount: 1500 mcg}
            warnings: Consult your doctor before use.
    passes: |
      stack:
        - label:
            product: Example Eye Formula
            facts:
              - {name: Vitamin A, as: retinyl palmitate, amount: 1800 mcg}
            warnings: Consult your doctor before use.
        - label:
            product: Example Skin Formula
            facts:
              - {name: Vitamin A, as: beta-carotene, amount: 1500 mcg}
            warnings: Consult your doctor before use.
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


VITAMIN_A = (
    "  - {{name: Vitamin A, as: {form}, amount: '{amount} mcg', dv: {dv}%}}\n"
    "  - {{name: Vitamin C, as: ascorbic acid, amount: 90 mg, dv: 100%}}"
)
EXAMPLES |= {
    "eye-formula-vitamin-a.yaml": (
        "none",
        "1,800 mcg RAE of preformed vitamin A: within the limit alone (examples/stacks/vitamin-a-stack.yaml).",
        "Eye Formula Tablets",
        VITAMIN_A.format(form="retinyl palmitate", amount="1,800", dv=200),
    ),
    "skin-formula-vitamin-a.yaml": (
        "none",
        "1,500 mcg RAE of preformed vitamin A: within the limit alone.",
        "Skin Formula Tablets",
        VITAMIN_A.format(form="retinyl acetate", amount="1,500", dv=167),
    ),
    "skin-formula-beta-carotene.yaml": (
        "none",
        "The same amount as beta-carotene, which the upper limit does not cover.",
        "Skin Formula Beta-Carotene Tablets",
        VITAMIN_A.format(form="beta-carotene", amount="1,500", dv=83),
    ),
}

#: Stack files and pages of the new rules, by their path under examples/.
FILES = {
    "stacks/vitamin-a-stack.yaml": """\
# expect: SUP501@4:12 SUP502@4:12. Two products, each within the limit, give 3,300 mcg RAE of preformed vitamin A.
stack:
  - label: ../skin-formula-vitamin-a.yaml
  - label: ../eye-formula-vitamin-a.yaml
""",
    "stacks/vitamin-a-beta-carotene-stack.yaml": """\
# expect: none. The twin: the second product's vitamin A is beta-carotene, which the limit does not cover.
stack:
  - label: ../skin-formula-beta-carotene.yaml
  - label: ../eye-formula-vitamin-a.yaml
""",
    "pages/magnesium-no-safety-note.md": """\
---
title: The magnesium we take before bed  # expect: SUP403@8:12 SUP407@8:12
---
# The magnesium we take before bed

Magnesium glycinate supports restful sleep and normal muscle function: 200 mg in two capsules.

Find it at [Example Magnesium Glycinate](https://www.iherb.com/pr/example-magnesium-glycinate/12345).
""",
    "pages/magnesium-pregnancy-caution.md": """\
---
title: The magnesium we take before bed  # expect: SUP403@8:12. The twin: no consult note, but a caution.
---
# The magnesium we take before bed

Magnesium glycinate supports restful sleep and normal muscle function: 200 mg in two capsules.

Find it at [Example Magnesium Glycinate](https://www.iherb.com/pr/example-magnesium-glycinate/12345).

Do not take more than two capsules a day, and not at all if you are pregnant or take medication for your heart.
""",
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
    for name, text in FILES.items():
        (where / "examples" / name).write_text(text, encoding="utf-8")
    # Its patterns hold every consult pattern, with the same vocabulary: the page rule fires only where
    # page-missing-consult-note does, at the same place. The examples that list SUP403 say nothing else of safety
    # either, so they list it beside: a header is an example's, and a new rule that fires there changes it.
    for page in (where / "examples" / "pages").iterdir():
        text = page.read_text(encoding="utf-8")
        header, _, rest = text.partition("\n---\n")
        if f"pages/{page.name}" not in FILES and "SUP403@" in header:
            header = re.sub(r"SUP403@(\d+:\d+)", r"SUP403@\1 SUP407@\1", header)
            page.write_text(header + "\n---\n" + rest, encoding="utf-8")
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


def test_a_pairing_a_dose_a_stack_and_a_page_rule_need_only_their_pack_entry_and_examples(tmp_path):
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
        "test_documented_example_fires[SUP407]",
        "test_documented_example_passes[SUP407]",
        "test_documented_example_fires[SUP502]",
        "test_documented_example_passes[SUP502]",
        "test_example_findings[zinc-40-no-copper.yaml]",
        "test_example_findings[b6-100-mg.yaml]",
        "test_example_findings[b6-25-mg.yaml]",
        "test_example_findings[stacks/vitamin-a-stack.yaml]",
        "test_example_findings[stacks/vitamin-a-beta-carotene-stack.yaml]",
        "test_example_findings[pages/magnesium-no-safety-note.md]",
        "test_example_findings[pages/magnesium-pregnancy-caution.md]",
        "test_example_findings[pages/missing-consult-note.md]",
        "test_every_rule_is_the_catalogues",
    ):
        assert (
            f"PASSED tests/test_rule_packs.py::{test}" in result.stdout
            or f"PASSED tests/test_examples.py::{test}" in result.stdout
        ), test


def test_the_checks_fail_on_a_new_rule_that_does_not_do_what_its_examples_say(tmp_path):
    """The same run is no rubber stamp: a dose rule whose threshold its example does not reach, a stack rule about
    another nutrient than its example's and a page rule whose patterns its example matches fail it."""
    rules = copy_with_new_rules(tmp_path)
    pack = rules / "packs" / "team.yaml"
    text = pack.read_text(encoding="utf-8")
    for old, new in (
        ("default: 50 mg", "default: 150 mg"),
        ("nutrients: [vitamin-a]", "nutrients: [vitamin-d]"),
        (r"- '\bpregnan'", r"- 'magnesium|\bpregnan'"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    pack.write_text(text, encoding="utf-8")
    result = run_checks(
        rules,
        tmp_path,
        "tests/test_rule_packs.py::test_documented_example_fires",
        "tests/test_examples.py::test_example_findings",
    )
    assert result.returncode == 1
    for failed in (
        "test_rule_packs.py::test_documented_example_fires[SUP210]",
        "test_rule_packs.py::test_documented_example_fires[SUP407]",
        "test_rule_packs.py::test_documented_example_fires[SUP502]",
        "test_examples.py::test_example_findings[b6-100-mg.yaml]",
        "test_examples.py::test_example_findings[stacks/vitamin-a-stack.yaml]",
        "test_examples.py::test_example_findings[pages/magnesium-no-safety-note.md]",
    ):
        assert f"FAILED tests/{failed}" in result.stdout, failed


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


@pytest.mark.parametrize(
    ("pack", "new", "old", "spelling"),
    [
        (
            "pages.yaml",
            "kind: required-text\n",
            "kind: page-required-text\n",
            "write kind: required-text with target: page",
        ),
        (
            "stacks.yaml",
            "kind: dose\n  target: stack\n  limits: [upper-limit]\n",
            "kind: stack-dose\n  target: stack\n",
            "write kind: dose with target: stack and limits: [upper-limit]",
        ),
    ],
)
def test_a_team_pack_naming_a_merged_kind_is_refused_with_its_new_spelling(tmp_path, pack, new, old, spelling):
    """page-required-text and stack-dose are targets of required-text and dose now: a pack of an earlier release
    stops the run (exit 2) and says what to write, rather than loading under a name the docs no longer list."""
    rules = tmp_path / "rules"
    shutil.copytree(data.rules_dir(), rules)
    path = rules / "packs" / pack
    text = path.read_text(encoding="utf-8")
    assert text.count(new) == 1
    path.write_text(text.replace(new, old), encoding="utf-8")
    result = run_cli(
        "check",
        "examples/d3-k2-softgel.yaml",
        env={"SUPPLINT_RULES_DIR": str(rules), "SUPPLINT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert result.returncode == 2, result.stderr
    assert f"rule pack packs/{pack} is invalid" in result.stderr and spelling in result.stderr
    assert "Traceback" not in result.stderr
