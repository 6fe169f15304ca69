"""The dose kind (SUP201 above-upper-limit, SUP202 isolated-megadose) on short labels: a per-day range, IU-only
amounts converted by nutrient and form, and a population's own limits, by code and line; its stack target (SUP501)
on products taken together; and what a rule of each target may declare."""

from __future__ import annotations

import re

import pytest

import supplint
from core_checks import CORE, codes_and_lines
from pack_edits import check_with_rule_changed


def test_per_day_range_uses_the_upper_bound():
    text = "product: x\nserving: {size: 1 tablet, per_day: 1-3}\nfacts:\n  - {name: Zinc, amount: 15 mg}\nwarnings: Consult your doctor.\n"
    found = supplint.check_text(text, "t.yaml", select=CORE)
    assert [(f.code, f.line) for f in found] == [("SUP201", 4), ("SUP202", 4)]
    assert "45 mg/day" in found[0].message


def test_iu_only_amounts_convert_by_nutrient_and_form():
    head = "product: x\nwarnings: Consult your doctor.\nfacts:\n"
    assert codes_and_lines(
        head + "  - {name: Vitamin D3, amount: '5,000 IU'}\n  - {name: Vitamin K2, as: MK-7, amount: 100 mcg}\n"
    ) == [("SUP201", 4)]
    # 10,000 IU of retinyl palmitate is exactly the 3,000 mcg RAE limit; 11,000 IU is over it
    assert (
        codes_and_lines(
            head + "  - {name: Vitamin A, as: retinyl palmitate, amount: '10,000 IU'}\n  - {name: Zinc, amount: 5 mg}\n"
        )
        == []
    )
    assert codes_and_lines(
        head + "  - {name: Vitamin A, as: retinyl palmitate, amount: '11,000 IU'}\n  - {name: Zinc, amount: 5 mg}\n"
    ) == [("SUP201", 4)]
    assert (
        codes_and_lines(
            head + "  - {name: Vitamin A, as: beta-carotene, amount: '25,000 IU'}\n  - {name: Zinc, amount: 5 mg}\n"
        )
        == []
    )
    # vitamin E against the UL: 1,000 mg = 1,100 IU synthetic = 1,500 IU natural
    e = head + "  - {{name: Vitamin E, as: {form}, amount: '{iu} IU'}}\n  - {{name: Zinc, amount: 5 mg}}\n"
    assert codes_and_lines(e.format(form="dl-alpha-tocopheryl acetate", iu="1,200")) == [("SUP201", 4)]
    assert codes_and_lines(e.format(form="d-alpha-tocopherol", iu="1,200")) == []
    assert codes_and_lines(e.format(form="d-alpha-tocopherol", iu="1,600")) == [("SUP201", 4)]


def test_children_are_held_to_their_own_limits():
    text = "product: x\npopulation: children-4-8\nfacts:\n  - {name: Vitamin D3, amount: 80 mcg}\nwarnings: Ask your doctor.\n"
    assert ("SUP201", 4) in codes_and_lines(text)  # 80 mcg: over the 75 mcg of children 4-8, within the adults' 100


# --- target: stack (SUP501 stack-above-upper-limit) --------------------------------------------------------------


def vitamin_d(mcg: int, product: str) -> str:
    return f"product: {product}\nfacts:\n  - {{name: Vitamin D3, amount: {mcg} mcg}}\nwarnings: Ask your doctor.\n"


def stack_findings(*labels: str) -> list[tuple[str, str, int]]:
    names = [f"label-{n}.yaml" for n in range(1, len(labels) + 1)]
    return [(f.file, f.code, f.line) for f in supplint.check_stack(list(labels), names=names)]


def test_a_stack_rule_sums_the_products_and_fires_at_the_one_that_gives_most():
    found = stack_findings(vitamin_d(40, "Multi"), vitamin_d(75, "D3"))
    assert found == [("label-2.yaml", "SUP501", 3)]  # 115 mcg a day against 100, at the D3 row of label 2


def test_a_stack_rule_leaves_one_product_over_the_limit_to_the_label_rule():
    assert stack_findings(vitamin_d(150, "D3 6000"), vitamin_d(0, "None")) == []
    assert ("SUP201", 3) in codes_and_lines(vitamin_d(150, "D3 6000"))


def test_a_stack_rule_counts_what_the_limit_covers_at_the_servings_a_day():
    assert stack_findings(vitamin_d(40, "Multi"), vitamin_d(50, "D3")) == []  # 90 mcg
    assert [code for _, code, _ in stack_findings(vitamin_d(40, "Multi"), (vitamin_d(50, "D3"), 2))] == ["SUP501"]


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"limits": ["dv-multiple"]}, "a dose rule for a stack takes `limits: [upper-limit]`"),
        ({"scope": "each"}, "for a stack sums the stack's products: it takes no `scope`"),
        ({"above-ul-note": "x"}, "it takes no `above-ul-note`"),
    ],
)
def test_a_stack_rule_takes_no_label_parameter(change, error):
    from pydantic import TypeAdapter, ValidationError

    from supplint.kinds import modules
    from supplint.ruleset.registry import registry

    entry = registry().rules["SUP501"].model_dump(by_alias=True, exclude_unset=True) | change
    with pytest.raises(ValidationError, match=re.escape(error)):
        TypeAdapter(modules()["dose"].Spec).validate_python(entry)


@pytest.mark.parametrize(
    ("pack", "code", "key", "template", "field", "target_field"),
    [
        ("stacks.yaml", "SUP501", "message", "{nutrient} {daily}/day", "daily", "shares"),  # a label's field
        ("core.yaml", "SUP201", "message", "{nutrient}: {shares}", "shares", "dv_daily"),  # a stack's field
        ("core.yaml", "SUP202", "above-ul-note", "above {limt}", "limt", "dv_daily"),  # no target's field
    ],
)
def test_a_template_using_a_field_its_target_does_not_provide_stops_the_run(
    tmp_path, pack, code, key, template, field, target_field
):
    """Each target has its own fields: another target's would render empty. The run stops before any label is
    checked (exit 2), naming the pack, the rule, the field and the fields the rule's target provides."""
    result = check_with_rule_changed(tmp_path, pack, code, key, template)
    assert result.returncode == 2, result.stderr
    assert f"packs/{pack}" in result.stderr and code in result.stderr and "Traceback" not in result.stderr
    assert f"{{{field}}}" in result.stderr and target_field in result.stderr


@pytest.mark.parametrize(
    ("pack", "code", "template"),
    [("stacks.yaml", "SUP501", "{nutrient} {total}/day: {shares}"), ("core.yaml", "SUP201", "{nutrient} {dv_daily}")],
)
def test_a_template_using_its_targets_fields_loads(tmp_path, pack, code, template):
    result = check_with_rule_changed(tmp_path, pack, code, "message", template)
    assert result.returncode in (0, 1), result.stderr
    assert "error" not in result.stderr
