"""Inputs built to break supplint (found by the fuzzer, tests/fuzzing.py) get findings, never an exception.

Each test goes through the public surface (``supplint.check_text``, the CLI) and asserts rule codes and lines, not
message wording; where a message matters it is checked only for being plain (no Python type names).
"""

from __future__ import annotations

import json
import math

import pytest

import supplint
from supplint.cli import cli
from supplint.quantity import wording as formatting

LABEL = """\
product: Vitamin D3 + K2 Softgels
identity: Dietary Supplement
serving:
  size: 1 softgel
  per_day: 1
servings_per_container: 60
facts:
  - name: Vitamin D3
    amount: 50 mcg (2,000 IU)
    dv: 250%
  - name: Vitamin K2
    as: menaquinone-7 (MK-7)
    amount: 100 mcg
    dv: 83%
warnings:
  - Consult your healthcare provider before use. If you take warfarin, talk to your doctor.
"""

PYTHON_WORDS = ("KeyError", "IndexError", "ValueError", "OverflowError", "TypeError", "NoneType", "Traceback")


def findings(text: str, filename: str = "label.yaml", **kw) -> list[tuple[str, int]]:
    found = supplint.check_text(text, filename, **kw)
    for f in found:
        assert not any(word in f.message for word in PYTHON_WORDS), f.message
        assert len(f.message) < 400, f.message
    return [(f.code, f.line) for f in found]


def with_line(old: str, new: str, text: str = LABEL) -> str:
    assert old in text
    return text.replace(old, new, 1)


# --- YAML core-schema tags on values that do not fit them -----------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "!!bool x",
        '!!bool ""',
        '!!int ""',
        "!!int x",
        '!!int "0x"',
        '!!int "_"',
        '!!int "-"',
        '!!float ""',
        '!!float "."',
        "!!float abc",
        "!!null x",
    ],
)
def test_a_tag_that_does_not_fit_its_value_is_sup001_at_the_value(value):
    found = findings(with_line("product: Vitamin D3 + K2 Softgels", f"product: {value}"), select=["SUP0"])
    assert ("SUP001", 1) in found
    assert all(line == 1 for _, line in found)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("!!int 0x1F", []),
        ("!!int 1_000", []),
        ("!!float 1", []),
        ("!!bool yes", []),
        ("!!null ~", []),
        ("!!str 1984", []),
        ("!!timestamp 2024-01-01", []),
        ("!!binary aGVsbG8=", []),
        ("!custom text", []),
    ],
)
def test_tags_that_fit_or_that_a_label_never_needs_are_not_findings(value, expected):
    found = findings(with_line("  - Consult your", f"  - {value}\n  - Consult your"), select=["SUP001"])
    assert found == expected


def test_a_whole_number_too_long_to_read_is_sup001():
    found = findings(with_line("per_day: 1", "per_day: " + "9" * 5000), select=["SUP0"])
    assert ("SUP001", 5) in found and ("SUP002", 5) in found


# --- huge and non-finite numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize("per_day", ["9" * 310, '"1-' + "9" * 310 + '"', "9" * 5000, "101", '"2-101"'])
def test_per_day_beyond_any_label_is_sup002_at_per_day(per_day):
    found = findings(with_line("per_day: 1", f"per_day: {per_day}"))
    assert ("SUP002", 5) in found
    assert {code for code, _ in found} <= {"SUP001", "SUP002"}


def test_the_most_servings_a_day_the_format_allows_still_checks():
    found = findings(with_line("per_day: 1", "per_day: 100"), select=["SUP0", "SUP201"])
    assert ("SUP201", 9) in found  # 50 mcg of D3 a hundred times a day


@pytest.mark.parametrize(
    "amount",
    [
        "9" * 310 + " mcg",
        "9" * 400 + " mcg",
        "1,000,000,000,000,000 mcg",
        "{value: " + "9" * 400 + ", unit: mcg}",
        "{value: -" + "9" * 400 + ", unit: mcg}",
        "{value: 1.0e+300, unit: mcg}",
        "{value: .inf, unit: mcg}",
        "100 mcg (" + "9" * 320 + " IU)",
    ],
)
def test_a_huge_amount_is_sup004_at_the_amount(amount):
    found = findings(with_line("amount: 100 mcg", f"amount: {amount}"))
    assert ("SUP004", 13) in found


def test_amounts_a_label_prints_are_not_too_large():
    text = with_line("amount: 100 mcg", "amount: 900,000,000,000 CFU")
    assert findings(text, select=["SUP004"]) == []


@pytest.mark.parametrize("dv", ["9" * 310 + "%", "9" * 400 + "%", "1,000,000,000,000,000%"])
def test_a_huge_declared_dv_is_sup002_at_the_dv(dv):
    assert ("SUP002", 14) in findings(with_line("dv: 83%", f"dv: {dv}"))


def test_non_finite_servings_per_container_is_sup002():
    assert ("SUP002", 6) in findings(with_line("servings_per_container: 60", "servings_per_container: .inf"))


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_formatting_never_raises_on_non_finite_numbers(value):
    for text in (
        formatting.number(value),
        formatting.percent(value),
        formatting.times(value),
        formatting.declared_percent(value),
    ):
        assert "inf" not in text and "nan" not in text
    assert formatting.exact_number(value) is None


def test_values_are_quoted_in_plain_words():
    assert formatting.quoted("9" * 5000) == "a number of 5,000 digits"
    assert len(formatting.quoted("x" * 5000)) < 60
    assert formatting.quoted(None) == "an empty value"
    assert formatting.quoted([1]) == "a list" and formatting.quoted({}) == "a mapping"
    assert formatting.quoted(True) == "true"


@pytest.mark.parametrize("value", ["[1, 2]", "{a: 1}", "true", "~"])
def test_wrong_types_are_named_in_words_not_python_type_names(value):
    found = supplint.check_text(with_line("amount: 100 mcg", f"amount: {value}"), "label.yaml")
    messages = [f.message for f in found if f.line == 13]
    assert messages
    for message in messages:
        assert not any(f"not {word}" in message for word in ("list", "dict", "NoneType", "bool", "int", "float")), (
            message
        )


# --- slow paths -------------------------------------------------------------------------------------------------


def test_a_long_number_before_stray_parentheses_is_read_in_linear_time():
    """The amount grammar once split a digit run in quadratically many ways before failing (cubic overall): 1,000
    digits took minutes, a 5,000-character panel line never finished."""
    import time

    started = time.perf_counter()
    found = findings(with_line("amount: 100 mcg", "amount: " + "9" * 1000 + " mcg (5,000 IU) (x) 625%"))
    assert time.perf_counter() - started < 2
    assert ("SUP004", 13) in found


def test_import_text_of_a_long_row_with_many_amounts_finishes(tmp_path):
    from click.testing import CliRunner

    row = "Vitamin D3 (as cholecalciferol) " + "9" * 400 + " mcg (5,000 IU) 625%" * 250
    panel = tmp_path / "panel.txt"
    panel.write_text(f"Product\nSupplement Facts\nServing Size 1 Capsule\n{row}\nZinc 10 mg 91%\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", "text", str(panel)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 2)


# --- DSLD records and text panels --------------------------------------------------------------------------------

RECORD = {
    "id": 1,
    "fullName": "Zinc 15 mg",
    "servingSizes": [{"order": 1, "minQuantity": 1, "maxQuantity": 1, "maxDailyServings": 1, "unit": "Tablet(s)"}],
    "ingredientRows": [
        {"order": 1, "name": "Zinc", "quantity": [{"servingSizeOrder": 1, "quantity": 15, "unit": "mg"}]}
    ],
}


def _record(**changes) -> str:
    return json.dumps({**RECORD, **changes}, indent=2)


def test_a_dsld_integer_over_4300_digits_is_sup001_at_its_line():
    text = _record(id="HUGE").replace('"HUGE"', "9" * 5000)
    assert findings(text, "record.json", select=["SUP0"]) == [("SUP001", 2)]


@pytest.mark.parametrize("field", ["servingsPerContainer", "id"])
def test_dsld_integers_too_large_for_a_float_import(field):
    text = _record(**{field: int("9" * 310)})
    assert findings(text, "record.json", select=["SUP0"]) == []


def test_dsld_huge_daily_servings_and_dv_are_left_out_not_written():
    sizes = [{**RECORD["servingSizes"][0], "maxDailyServings": int("9" * 310)}]
    rows = [
        {
            **RECORD["ingredientRows"][0],
            "quantity": [
                {
                    **RECORD["ingredientRows"][0]["quantity"][0],
                    "dailyValueTargetGroup": [{"name": "Adults", "percent": 1e300}],
                }
            ],
        }
    ]
    assert findings(_record(servingSizes=sizes, ingredientRows=rows), "record.json", select=["SUP0"]) == []


def _invoke(*args):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_import_dsld_of_a_huge_integer_is_one_plain_error(tmp_path):
    path = tmp_path / "record.json"
    path.write_text(_record(id="HUGE").replace('"HUGE"', "9" * 5000), encoding="utf-8")
    result = _invoke("import", "dsld", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("supplint: error:") and "line 2" in lines[0]
    assert not any(word in lines[0] for word in PYTHON_WORDS)


@pytest.mark.parametrize(
    "directions",
    [
        "Take " + "9" * 400 + " capsules daily.",
        "Take 1 capsule " + "9" * 400 + " times daily.",
        "Take 2 capsules 101 times daily.",
    ],
)
def test_import_text_of_huge_counts_in_directions_writes_no_per_day(tmp_path, directions):
    import yaml

    path = tmp_path / "panel.txt"
    path.write_text(
        f"Zinc\nSupplement Facts\nServing Size 2 Capsules\nZinc 15 mg 136%\nDirections: {directions}\n",
        encoding="utf-8",
    )
    result = _invoke("import", "text", str(path))
    assert result.exit_code == 0
    label = yaml.safe_load(result.stdout)
    assert "per_day" not in label["serving"]
    assert findings(result.stdout, select=["SUP0"]) == []


def test_import_text_of_a_huge_serving_size_count(tmp_path):
    path = tmp_path / "panel.txt"
    path.write_text(
        "Zinc\nSupplement Facts\nServing Size " + "9" * 5000 + " Capsules\nZinc 15 mg 136%\n"
        "Directions: Take 2 capsules twice daily.\n",
        encoding="utf-8",
    )
    assert _invoke("import", "text", str(path)).exit_code == 0


# --- the HTML report ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("dv: 83%", "dv: " + "9" * 400 + "%", 14),
        ("per_day: 1", "per_day: " + "9" * 310, 5),
        ("amount: 100 mcg", "amount: {value: " + "9" * 310 + ", unit: mcg}", 13),
    ],
)
def test_the_html_report_of_a_huge_number_is_complete(tmp_path, old, new, line):
    path = tmp_path / "label.yaml"
    path.write_text(with_line(old, new), encoding="utf-8")
    html = _invoke("check", "--isolated", "--output-format", "html", str(path))
    assert html.exit_code == 1 and html.stdout.rstrip().endswith("</html>")
    report = _invoke("check", "--isolated", "--output-format", "json", str(path))
    assert line in {f["line"] for f in json.loads(report.stdout) if f["code"] in ("SUP002", "SUP004")}


def test_a_lone_surrogate_is_sup001_at_its_line():
    """An editor's buffer or a library caller can hand over text no file holds."""
    found = supplint.check_text("product: x\nfacts: []\nbrand: a\udc80b\n", "label.yaml")
    assert [(f.code, f.line) for f in found] == [("SUP001", 3)]


def test_a_stack_files_own_document_problems_are_reported():
    found = supplint.check_text("stack:\n  - label: {product: A, facts: []}\nstack: []\n", "stack.yaml")
    assert ("SUP002", 3) in [(f.code, f.line) for f in found]  # the duplicate key, as a label's would be
