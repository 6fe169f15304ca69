"""The amount rules SUP204-SUP208, through the public API: codes, lines and fixes, not message wording."""

from __future__ import annotations

import pytest

import supplint
from conftest import label_with_rows
from supplint.kinds import evaluators
from supplint.label.loader import load
from supplint.label.resolve import resolve
from supplint.label.validation import validate
from supplint.reference.tables import reference
from supplint.ruleset.registry import registry

AMOUNT_RULES = ("SUP204", "SUP205", "SUP206", "SUP207", "SUP208")


label = label_with_rows


def found(text: str, codes=AMOUNT_RULES) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in supplint.check_text(text, filename="x.yaml") if f.code in codes)


def findings(text: str, code: str):
    return [f for f in supplint.check_text(text, filename="x.yaml") if f.code == code]


def no_load_errors(text: str) -> bool:
    return not [f for f in supplint.check_text(text, filename="x.yaml") if f.code.startswith("SUP00")]


def hits(code: str, text: str, **options):
    """The kind's own hits, with options overridden: what a team's configuration would change."""
    spec = registry().rules[code]
    document = load(text)
    parsed, problems = validate(document)
    assert parsed is not None, problems
    resolved = resolve(parsed, reference(), reference().populations["adults"])
    return list(evaluators()[spec.kind](spec, resolved, spec.defaults() | options))


# SUP204 dv-mismatch ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("row", [
    '{name: Vitamin C, amount: 250 mg, dv: 100%}',         # 278%
    '{name: Vitamin C, amount: 500 mg, dv: 56%}',          # 556%, a slipped digit
    '{name: Vitamin C, amount: 250 mg, dv: 284%}',         # 6 points off 278%: beyond 2 % relative
    '{name: Vitamin C, amount: 45 mg, dv: 52%}',           # 50%: beyond 1 point
    '{name: Vitamin C, amount: 5 mg, dv: "<1%"}',          # 5.6% is not below 1%
    '{name: Choline, amount: 55 mg, dv: 50%}',             # 10%; choline has no pre-2016 DV to match either
    '{name: Vitamin D3, amount: 10 mcg, dv: 75%}',         # 50% now, 100% before 2016
])
def test_dv_mismatch_fires(row):
    assert found(label(row)) == [("SUP204", 3)]


@pytest.mark.parametrize("row", [
    '{name: Vitamin C, amount: 250 mg, dv: 278%}',
    '{name: Vitamin C, amount: 250 mg, dv: 283%}',         # within 2 % of 278%
    '{name: Vitamin C, amount: 45 mg, dv: 51%}',           # within 1 point of 50%
    '{name: Vitamin C, amount: 0.5 mg, dv: "<1%"}',
    '{name: Vitamin C, amount: 5 mg, dv: "*"}',            # a marker is not a %DV
    '{name: Lutein, amount: 5 mg, dv: "†"}',
    '{name: Fish oil, amount: "1,000 mg", dv: 10%}',       # no nutrient, no Daily Value to check against
    '{name: Vitamin D3, amount: "125 mcg (5,000 IU)", dv: 625%}',
    '{name: Folate, as: folic acid, amount: "400 mcg DFE (240 mcg folic acid)", dv: 100%}',
    '{name: Niacin, as: niacinamide, amount: 20 mg, dv: 125%}',   # plain mg of niacin is mg NE
    '{name: Vitamin E, as: d-alpha tocopheryl succinate, amount: 15 mg, dv: 100%}',
    '{name: Vitamin B12, amount: 1000 mcg, dv: "41,667%"}',
])
def test_dv_mismatch_does_not_fire(row):
    text = label(row)
    assert no_load_errors(text)
    assert "SUP204" not in {code for code, _ in found(text)}


def test_dv_is_per_serving_so_servings_a_day_do_not_change_it():
    text = label('{name: Vitamin C, amount: 90 mg, dv: 100%}', head="serving: {size: 2 tablets, per_day: 3}\n")
    assert found(text) == []
    text = label('{name: Vitamin C, amount: 90 mg, dv: 300%}', head="serving: {size: 2 tablets, per_day: 3}\n")
    assert found(text) == [("SUP204", 4)]


def test_dv_mismatch_in_a_blend_member_points_at_its_dv():
    text = (
        "product: Example Blend\n"
        "facts:\n"
        "  - name: Immune Blend\n"
        "    amount: 300 mg\n"
        '    dv: "*"\n'
        "    blend:\n"
        "      - name: Elderberry extract\n"
        "      - name: Vitamin C\n"
        "        amount: 45 mg\n"
        "        dv: 60%\n"
    )
    assert found(text) == [("SUP204", 10)]
    assert found(text.replace("dv: 60%", "dv: 50%")) == []


def test_vitamin_a_in_iu_with_no_form_is_not_guessed():
    # 5,000 IU is 1,500 mcg RAE as retinol but may be half that as beta-carotene: no %DV finding either way.
    text = label('{name: Vitamin A, amount: "5,000 IU", dv: 42%}')
    assert found(text, ("SUP204", "SUP205")) == []
    text = label('{name: Vitamin A, as: retinyl palmitate, amount: "5,000 IU", dv: 42%}')
    assert found(text, ("SUP204", "SUP205")) == [("SUP204", 3)]


def test_dv_tolerances_are_options():
    text = label('{name: Vitamin C, amount: 45 mg, dv: 52%}')
    assert len(hits("SUP204", text)) == 1
    assert hits("SUP204", text, **{"tolerance-points": 2.0}) == []
    text = label('{name: Vitamin C, amount: 250 mg, dv: 284%}')
    assert hits("SUP204", text, **{"tolerance-percent": 3.0}) == []


# SUP205 outdated-daily-value ------------------------------------------------------------------------------------

@pytest.mark.parametrize("row", [
    '{name: Vitamin D3, amount: 400 IU, dv: 100%}',
    '{name: Vitamin D3, amount: "10 mcg (400 IU)", dv: 100%}',
    '{name: Vitamin D2, as: ergocalciferol, amount: "10 mcg (400 IU)", dv: 100%}',
    '{name: Vitamin C, amount: 60 mg, dv: 100%}',
    '{name: Biotin, amount: 300 mcg, dv: 100%}',
    '{name: Vitamin A, as: retinyl palmitate, amount: "1,500 mcg RAE (5,000 IU)", dv: 100%}',
    '{name: Vitamin E, as: dl-alpha tocopheryl acetate, amount: "13.5 mg (30 IU)", dv: 100%}',
    '{name: Folate, as: folic acid, amount: "680 mcg DFE (400 mcg folic acid)", dv: 100%}',
])
def test_outdated_daily_value_fires(row):
    assert ("SUP205", 3) in found(label(row))
    assert "SUP204" not in {code for code, _ in found(label(row))}


@pytest.mark.parametrize("row", [
    '{name: Vitamin D3, amount: "10 mcg (400 IU)", dv: 50%}',
    '{name: Vitamin D3, amount: "20 mcg (800 IU)", dv: 100%}',
    '{name: Iron, as: ferrous bisglycinate, amount: 18 mg, dv: 100%}',     # the same Daily Value then and now
    '{name: Folate, as: folic acid, amount: "680 mcg DFE (400 mcg folic acid)", dv: 170%}',
    '{name: Vitamin C, amount: 60 mg, dv: 67%}',
])
def test_outdated_daily_value_does_not_fire(row):
    text = label(row)
    assert no_load_errors(text)
    assert "SUP205" not in {code for code, _ in found(text)}


def test_outdated_daily_value_message_names_the_old_value():
    (finding,) = findings(label('{name: Vitamin D3, amount: 400 IU, dv: 100%}'), "SUP205")
    assert "pre-2016 Daily Value" in finding.message and "400 IU" in finding.message


# SUP206 non-metric-unit ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("row", [
    '{name: Vitamin D3, amount: 400 IU}',
    '{name: Vitamin D2, as: ergocalciferol, amount: "1,000 IU"}',
    '{name: Vitamin A, as: retinyl palmitate, amount: "5,000 IU"}',
    '{name: Vitamin A, as: beta-carotene, amount: "5,000 IU"}',
    '{name: Vitamin E, as: d-alpha tocopherol, amount: 400 IU}',
    '{name: Vitamin D3, amount: {value: 400, unit: IU}}',
])
def test_non_metric_unit_fires(row):
    assert ("SUP206", 3) in found(label(row))


@pytest.mark.parametrize("row", [
    '{name: Vitamin D3, amount: "10 mcg (400 IU)"}',
    '{name: Vitamin A, as: retinyl palmitate, amount: "900 mcg RAE (3,000 IU)"}',
    '{name: Vitamin E, as: d-alpha tocopherol, amount: 15 mg}',
    '{name: Vitamin C, amount: 90 mg}',
])
def test_non_metric_unit_does_not_fire(row):
    text = label(row)
    assert no_load_errors(text)
    assert "SUP206" not in {code for code, _ in found(text)}


def test_iu_only_vitamin_e_with_no_form_is_still_non_metric():
    assert found(label('{name: Vitamin E, amount: 400 IU}')) == [("SUP206", 3)]


@pytest.mark.parametrize(("row", "content"), [
    ('{name: Vitamin D3, amount: 400 IU}', "10 mcg (400 IU)"),
    ('{name: Vitamin D2, as: ergocalciferol, amount: "1,000 iu"}', "25 mcg (1,000 iu)"),   # IU kept as printed
    ('{name: Vitamin A, as: retinyl palmitate, amount: "5,000 IU"}', "1,500 mcg RAE (5,000 IU)"),
    # supplemental beta-carotene: 1 IU = 0.3 mcg RAE (primary-sources §2; the 0.15 on one NIH page is an error)
    ('{name: Vitamin A, as: beta-carotene, amount: "5,000 IU"}', "1,500 mcg RAE (5,000 IU)"),
    ('{name: Vitamin E, as: dl-alpha tocopheryl acetate, amount: 400 IU}', "180 mg alpha-tocopherol (400 IU)"),
])
def test_non_metric_unit_fix_writes_the_metric_amount_first(row, content):
    (hit,) = hits("SUP206", label(row))
    assert [edit.new for edit in hit.fix] == [content]
    (finding,) = findings(label(row), "SUP206")
    assert finding.fix is not None  # the engine turns the hit's ValueEdit into a text edit
    assert [edit["content"].strip('"') for edit in finding.fix["edits"]] == [content]


@pytest.mark.parametrize("row", [
    '{name: Vitamin A, amount: "5,000 IU"}',                    # form unknown: preformed or beta-carotene
    '{name: Vitamin E, amount: 400 IU}',                        # natural or synthetic: ambiguous
    '{name: Vitamin D3, amount: {value: 400, unit: IU}}',        # a mapping cannot become "10 mcg (400 IU)"
    '{name: Vitamin D3, amount: "40,001 IU"}',                   # 1,000.025 mcg would print rounded
])
def test_non_metric_unit_offers_no_fix_that_is_not_exactly_right(row):
    (hit,) = hits("SUP206", label(row))
    assert hit.fix == ()
    assert all(f.fix is None for f in findings(label(row), "SUP206"))


# SUP207 amount-mismatch -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("row", [
    '{name: Vitamin D3, amount: "125 mcg (4,000 IU)"}',
    '{name: Vitamin D2, as: ergocalciferol, amount: "25 mcg (800 IU)"}',
    '{name: Folate, amount: "400 mcg DFE (400 mcg folic acid)"}',
    '{name: Vitamin A, as: retinyl palmitate, amount: "900 mcg RAE (5,000 IU)"}',
    '{name: Vitamin A, as: beta-carotene, amount: "900 mcg RAE (5,000 IU)"}',   # 0.3 mcg RAE per IU as well
    '{name: Vitamin E, as: d-alpha tocopherol, amount: "180 mg (400 IU)"}',
    '{name: Fish oil, amount: "1,000 mg (2 g)"}',
])
def test_amount_mismatch_fires(row):
    assert ("SUP207", 3) in found(label(row))


@pytest.mark.parametrize("row", [
    '{name: Vitamin D3, amount: "125 mcg (5,000 IU)"}',
    '{name: Vitamin D3, amount: "5,000 IU (125 mcg)"}',
    '{name: Folate, as: folic acid, amount: "400 mcg DFE (240 mcg folic acid)"}',   # 408: within 2 %
    '{name: Folate, amount: "680 mcg DFE (400 mcg folic acid)"}',
    '{name: Vitamin A, as: retinyl palmitate, amount: "900 mcg RAE (3,000 IU)"}',
    '{name: Vitamin E, as: d-alpha tocopherol, amount: "268 mg (400 IU)"}',
    '{name: Fish oil, amount: "1,000 mg (1 g)"}',
    '{name: Vitamin D3, amount: "<1 mcg (<40 IU)"}',
])
def test_amount_mismatch_does_not_fire(row):
    text = label(row)
    assert no_load_errors(text)
    assert "SUP207" not in {code for code, _ in found(text)}


@pytest.mark.parametrize("row", [
    '{name: Vitamin A, amount: "900 mcg RAE (5,000 IU)"}',                 # form unknown
    '{name: Folate, as: L-methylfolate, amount: "400 mcg DFE (100 mcg L-methylfolate)"}',  # no factor for it
    '{name: Probiotic blend, amount: "10 billion CFU (50 mg)"}',             # no plain conversion
])
def test_amount_mismatch_never_guesses(row):
    assert "SUP207" not in {code for code, _ in found(label(row))}


def test_amount_tolerance_is_an_option():
    text = label('{name: Vitamin D2, as: ergocalciferol, amount: "25 mcg (960 IU)"}')   # 24 mcg: 4 % apart
    assert len(hits("SUP207", text)) == 1
    assert hits("SUP207", text, tolerance=5.0) == []


# SUP208 error-prone-unit ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("row", "spellings"), [
    ("{name: Vitamin B12, amount: 5 \u00b5g}", ["\u00b5g"]),           # MICRO SIGN
    ("{name: Vitamin B12, amount: 5 \u03bcg}", ["\u03bcg"]),           # GREEK SMALL LETTER MU
    ("{name: Vitamin B12, amount: 5 ug}", ["ug"]),
    ("{name: Vitamin B12, amount: 5 UG}", ["UG"]),
    ('{name: Vitamin D3, amount: "25 ug (1,000 IU)"}', ["ug"]),
    ('{name: Vitamin D3, amount: "1,000 IU (25 \u00b5g)"}', ["\u00b5g"]),   # the parenthetical amount too
    ('{name: Biotin, amount: "30 ug (30 \u00b5g)"}', ["ug", "\u00b5g"]),
])
def test_error_prone_unit_fires_and_fixes_to_mcg(row, spellings):
    text = label(row)
    assert found(text) == [("SUP208", 3)]
    (hit,) = hits("SUP208", text)
    assert hit.path == ("facts", 0, "amount")
    assert [(edit.old, edit.new) for edit in hit.fix] == [(s, "mcg") for s in spellings]


def test_error_prone_unit_in_the_mapping_form_points_at_the_unit():
    text = (
        "product: Example Iodine\n"
        "facts:\n"
        "  - name: Iodine\n"
        "    as: potassium iodide\n"
        "    amount:\n"
        "      value: 150\n"
        "      unit: ug\n"
    )
    assert found(text) == [("SUP208", 7)]
    (hit,) = hits("SUP208", text)
    assert hit.path == ("facts", 0, "amount", "unit")
    assert [(edit.old, edit.new) for edit in hit.fix] == [("ug", "mcg")]
    (finding,) = findings(text, "SUP208")
    assert finding.fix is not None
    assert [edit["content"] for edit in finding.fix["edits"]] == ["mcg"]


@pytest.mark.parametrize("row", [
    "{name: Vitamin B12, amount: 5 mcg}",
    "{name: Vitamin B12, amount: {value: 5, unit: mcg}}",
    '{name: Vitamin D3, amount: "25 mcg (1,000 IU)"}',
    "{name: Magnesium, amount: 100 mg}",
])
def test_error_prone_unit_does_not_fire(row):
    text = label(row)
    assert no_load_errors(text)
    assert "SUP208" not in {code for code, _ in found(text)}


def test_error_prone_spellings_are_data():
    from supplint.quantity.amounts import unit_table

    assert unit_table().flags["error-prone"] == {"ug", "\u00b5g", "\u03bcg"}
    assert registry().rules["SUP208"].flag == "error-prone"


# The engine applies fixes as text edits: the legacy example keeps its comment ---------------------------------

def test_legacy_example_fix_keeps_the_comment(tmp_path):
    from conftest import EXAMPLES

    source = (EXAMPLES / "legacy-vitamin-d-400iu.yaml").read_text(encoding="utf-8")
    (finding,) = findings(source, "SUP206")
    assert finding.fix is not None
    lines = source.splitlines(keepends=True)
    for edit in sorted(finding.fix["edits"], key=lambda e: (e["line"], e["column"]), reverse=True):
        assert edit["line"] == edit["end_line"]
        line = lines[edit["line"] - 1]
        lines[edit["line"] - 1] = line[:edit["column"] - 1] + edit["content"] + line[edit["end_column"] - 1:]
    fixed = "".join(lines)
    assert "# Transcribed from the 2014 carton" in fixed
    assert "amount: 10 mcg (400 IU)" in fixed
    assert found(fixed) == [("SUP205", 15)]
