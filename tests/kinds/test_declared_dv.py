"""The declared-dv kind (SUP204 dv-mismatch, SUP205 outdated-daily-value) through the public API: codes, lines
and fixes, not message wording."""

from __future__ import annotations

import pytest

from amount_checks import findings, found, hits, label, no_load_errors

# SUP204 dv-mismatch ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "row",
    [
        "{name: Vitamin C, amount: 250 mg, dv: 100%}",  # 278%
        "{name: Vitamin C, amount: 500 mg, dv: 56%}",  # 556%, a slipped digit
        "{name: Vitamin C, amount: 250 mg, dv: 284%}",  # 6 points off 278%: beyond 2 % relative
        "{name: Vitamin C, amount: 45 mg, dv: 52%}",  # 50%: beyond 1 point
        '{name: Vitamin C, amount: 5 mg, dv: "<1%"}',  # 5.6% is not below 1%
        "{name: Choline, amount: 55 mg, dv: 50%}",  # 10%; choline has no pre-2016 DV to match either
        "{name: Vitamin D3, amount: 10 mcg, dv: 75%}",  # 50% now, 100% before 2016
    ],
)
def test_dv_mismatch_fires(row):
    assert found(label(row)) == [("SUP204", 3)]


@pytest.mark.parametrize(
    "row",
    [
        "{name: Vitamin C, amount: 250 mg, dv: 278%}",
        "{name: Vitamin C, amount: 250 mg, dv: 283%}",  # within 2 % of 278%
        "{name: Vitamin C, amount: 45 mg, dv: 51%}",  # within 1 point of 50%
        '{name: Vitamin C, amount: 0.5 mg, dv: "<1%"}',
        '{name: Vitamin C, amount: 5 mg, dv: "*"}',  # a marker is not a %DV
        '{name: Lutein, amount: 5 mg, dv: "†"}',
        '{name: Fish oil, amount: "1,000 mg", dv: 10%}',  # no nutrient, no Daily Value to check against
        '{name: Vitamin D3, amount: "125 mcg (5,000 IU)", dv: 625%}',
        '{name: Folate, as: folic acid, amount: "400 mcg DFE (240 mcg folic acid)", dv: 100%}',
        "{name: Niacin, as: niacinamide, amount: 20 mg, dv: 125%}",  # plain mg of niacin is mg NE
        "{name: Vitamin E, as: d-alpha tocopheryl succinate, amount: 15 mg, dv: 100%}",
        '{name: Vitamin B12, amount: 1000 mcg, dv: "41,667%"}',
    ],
)
def test_dv_mismatch_does_not_fire(row):
    text = label(row)
    assert no_load_errors(text)
    assert "SUP204" not in {code for code, _ in found(text)}


def test_dv_is_per_serving_so_servings_a_day_do_not_change_it():
    text = label("{name: Vitamin C, amount: 90 mg, dv: 100%}", head="serving: {size: 2 tablets, per_day: 3}\n")
    assert found(text) == []
    text = label("{name: Vitamin C, amount: 90 mg, dv: 300%}", head="serving: {size: 2 tablets, per_day: 3}\n")
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
    text = label("{name: Vitamin C, amount: 45 mg, dv: 52%}")
    assert len(hits("SUP204", text)) == 1
    assert hits("SUP204", text, **{"tolerance-points": 2.0}) == []
    text = label("{name: Vitamin C, amount: 250 mg, dv: 284%}")
    assert hits("SUP204", text, **{"tolerance-percent": 3.0}) == []


# SUP205 outdated-daily-value ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "row",
    [
        "{name: Vitamin D3, amount: 400 IU, dv: 100%}",
        '{name: Vitamin D3, amount: "10 mcg (400 IU)", dv: 100%}',
        '{name: Vitamin D2, as: ergocalciferol, amount: "10 mcg (400 IU)", dv: 100%}',
        "{name: Vitamin C, amount: 60 mg, dv: 100%}",
        "{name: Biotin, amount: 300 mcg, dv: 100%}",
        '{name: Vitamin A, as: retinyl palmitate, amount: "1,500 mcg RAE (5,000 IU)", dv: 100%}',
        '{name: Vitamin E, as: dl-alpha tocopheryl acetate, amount: "13.5 mg (30 IU)", dv: 100%}',
        '{name: Folate, as: folic acid, amount: "680 mcg DFE (400 mcg folic acid)", dv: 100%}',
    ],
)
def test_outdated_daily_value_fires(row):
    assert ("SUP205", 3) in found(label(row))
    assert "SUP204" not in {code for code, _ in found(label(row))}


@pytest.mark.parametrize(
    "row",
    [
        '{name: Vitamin D3, amount: "10 mcg (400 IU)", dv: 50%}',
        '{name: Vitamin D3, amount: "20 mcg (800 IU)", dv: 100%}',
        "{name: Iron, as: ferrous bisglycinate, amount: 18 mg, dv: 100%}",  # the same Daily Value then and now
        '{name: Folate, as: folic acid, amount: "680 mcg DFE (400 mcg folic acid)", dv: 170%}',
        "{name: Vitamin C, amount: 60 mg, dv: 67%}",
    ],
)
def test_outdated_daily_value_does_not_fire(row):
    text = label(row)
    assert no_load_errors(text)
    assert "SUP205" not in {code for code, _ in found(text)}


def test_outdated_daily_value_message_names_the_old_value():
    (finding,) = findings(label("{name: Vitamin D3, amount: 400 IU, dv: 100%}"), "SUP205")
    assert "pre-2016 Daily Value" in finding.message and "400 IU" in finding.message
