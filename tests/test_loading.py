"""Bad input of every kind gets a finding at the right line, fast, and never a traceback.

The semantics of the kinds have their own homes in tests/kinds/ (pairing in test_pairing.py, doses in test_dose.py)."""

from __future__ import annotations

import pytest

import supplint
from core_checks import VALID_HEAD, codes_and_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("product: [unclosed\nfacts: []\n", [("SUP001", 2)]),
        ("product: a\n---\nproduct: b\n", [("SUP001", 2)]),
        ("product: x\n\tfacts: []\n", [("SUP001", 2)]),
        ("", [("SUP002", 1)]),
        ("- just\n- a list\n", [("SUP002", 1)]),
        ("facts: []\n", [("SUP002", 1)]),
        ("product: x\nfacts: []\nproduct: y\nwarnings: Consult your doctor.\n", [("SUP002", 3)]),
        ("product: x\nfacts:\n  - name: Zinc\n    amount: 10 mg\n    amonut: 5 mg\n", [("SUP002", 5)]),
        ("product: x\nfacts:\n  - amount: 10 mg\n", [("SUP002", 3)]),
        ("product: x\nfacts:\n  - name: Zinc\n", [("SUP002", 3)]),
        ("product: x\nserving:\n  per_day: 2\nfacts: []\n", [("SUP002", 2)]),
        ("product: x\nserving: {size: 1 tablet, per_day: 0}\nfacts: []\n", [("SUP002", 2)]),
        ("product: x\nform: pill\nfacts: []\n", [("SUP002", 2)]),
        ("product: x\npopulation: toddlers\nfacts: []\n", [("SUP002", 2)]),
        ("product: x\npopulation: lactating\nfacts: []\n", [("SUP301", 1)]),  # a population the tables have: no SUP005
        ("product: x\nfacts:\n  - {name: Zinc, amount: 10 mg, nutrient: zink}\n", [("SUP002", 3)]),
        ("product: x\nfacts:\n  - {name: Zinc, amount: 10 mg, dv: 91}\n", [("SUP002", 3)]),
        ("product: 1984\nfacts: []\n", [("SUP002", 1)]),
    ],
)
def test_structure_problems(text, expected):
    assert codes_and_lines(text) == expected


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("1,5 mg", "SUP004"),
        ("5.000 IU", "SUP004"),
        ("125", "SUP004"),
        ("-5 mg", "SUP004"),
        ("inf mg", "SUP004"),
        ("1,00 mg", "SUP004"),
        ('"12 mg (5"', "SUP004"),
        ("{value: .nan, unit: mg}", "SUP004"),
        ("10 billion mg", "SUP004"),
        ("5 mgs", "SUP003"),
        ("5 %", "SUP003"),
        ("5 mg XYZ", "SUP003"),
        ("5 IU RAE", "SUP003"),
        ("{value: 5, unit: grams}", "SUP003"),
    ],
)
def test_malformed_amounts(amount, code):
    assert codes_and_lines(f"{VALID_HEAD}  - name: Zinc\n    amount: {amount}\n", select=["SUP0"]) == [(code, 4)]


@pytest.mark.parametrize(
    "amount",
    [
        "125 mcg (5,000 IU)",
        "<1 g",
        '">5 mg"',
        "1,300.5 mg",
        "0.5 mg",
        "900 mcg RAE (3,000 IU)",
        "10 billion CFU",
        "400 mcg DFE (240 mcg folic acid)",
        "15 mg alpha-tocopherol",
        "15 mg α-TE",
        "16 mg NE",
        "5 mL",
        "500 µg",
        "500 ug",
        "{value: 125, unit: mcg}",
        "12 MG",
    ],
)
def test_wellformed_amounts(amount):
    assert codes_and_lines(f"{VALID_HEAD}  - name: Botanical extract\n    amount: {amount}\n", select=["SUP0"]) == []


def test_unit_that_does_not_fit_the_nutrient():
    assert codes_and_lines(f"{VALID_HEAD}  - name: Vitamin D3\n    amount: 10 mcg RAE\n", select=["SUP0"]) == [
        ("SUP003", 4)
    ]
    assert codes_and_lines(f"{VALID_HEAD}  - name: Calcium\n    amount: 500 IU\n", select=["SUP0"]) == [("SUP003", 4)]


def test_flow_mapping_comma_gets_a_hint():
    found = supplint.check_text(f"{VALID_HEAD}  - {{name: Vitamin D3, amount: 125 mcg (5,000 IU)}}\n", "t.yaml")
    assert any(f.code == "SUP002" and f.hint and "quote" in f.hint for f in found)


def test_nested_blend_members_are_located():
    text = VALID_HEAD + (
        "  - name: Bone Blend\n    amount: 250 mg\n    blend:\n      - name: Turmeric\n"
        "      - name: Boswellia\n        amount: 50 mgs\n"
    )
    assert codes_and_lines(text) == [("SUP003", 8)]


def test_billion_laughs_is_a_finding():
    """10**10 nodes if expanded; the node budget stops the walk after 50,000 (a finding, not a hang)."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    text = "\n".join(lines) + "\nproduct: *a9\nfacts: []\n"
    found = supplint.check_text(text, "laughs.yaml")
    # a0..a3 take 12,344 nodes; a4 (line 5) would take 111,111, so that is the key the finding names
    assert [(f.code, f.line) for f in found] == [("SUP001", 5)]


def test_recursive_alias_is_a_finding():
    assert codes_and_lines("product: &p [*p]\nfacts: []\n")[0][0] == "SUP001"


def test_deep_nesting_is_a_finding():
    assert codes_and_lines("product: " + "[" * 200 + "]" * 200 + "\nfacts: []\n")[0][0] == "SUP001"


def test_not_utf8_is_a_finding(write):
    path = write("latin1.yaml", "product: Vitamin D\nfacts: []\nbrand: Ærø\n".encode("latin-1"))
    assert [(f.code, f.line) for f in supplint.check_file(path)] == [("SUP001", 3)]


def test_byte_order_mark_is_accepted(write):
    path = write(
        "bom.yaml", "\ufeffproduct: Zinc Supplement\nfacts: []\nwarnings: Consult your doctor before use.\n".encode()
    )
    assert supplint.check_file(path) == []


def test_yes_no_and_timestamps_do_not_crash():
    text = "product: x\nfacts: []\nnotes: [yes, 2024-01-01, ~, 0x1F, 1_000, .inf]\n"
    assert {code for code, _ in codes_and_lines(text)} == {"SUP002"}
