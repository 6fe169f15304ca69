"""`supplint import dsld` and `supplint check RECORD.json`: NIH DSLD v9 label records (synthetic fixtures in
tests/fixtures/dsld, written for these tests in DSLD's documented shape)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, run_in_process
from supplint.engine import Linter
from supplint.importers import ImportFailed, dump_label
from supplint.importers.dsld import convert, header
from supplint.label.loader import load
from supplint.label.validation import validate
from supplint.subjects.dsld import OriginDocument

FIXTURES = ROOT / "tests" / "fixtures" / "dsld"
ALL = sorted(FIXTURES.glob("*.json"))
D3 = FIXTURES / "d3-5000-softgel.json"
ODD = FIXTURES / "odd-fields-search-hit.json"
MULTI = FIXTURES / "multivitamin-tablet.json"
BLEND = FIXTURES / "joint-blend-capsule.json"
DISCLAIMER = (
    "These statements have not been evaluated by the Food and Drug Administration. "
    "This product is not intended to diagnose, treat, cure, or prevent any disease."
)


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def converted(path: Path):
    return convert(path.read_text(encoding="utf-8"), str(path))


def line_of(text: str, needle: str) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(lines) == 1, (needle, lines)
    return lines[0]


def check_json(*paths: str) -> list[dict]:
    result = run_in_process("check", "--output-format", "json", "--exit-zero", *paths)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def minimal(**fields) -> dict:
    record = {"id": 1, "fullName": "Example Product", "ingredientRows": []}
    record.update(fields)
    return record


def qty(amount, unit, *groups, operator="="):
    return [
        {
            "servingSizeOrder": 1,
            "operator": operator,
            "quantity": amount,
            "unit": unit,
            "dailyValueTargetGroup": list(groups),
        }
    ]


def adults(percent=None, operator=None, footnote=""):
    return {
        "name": "Adults and children 4 or more years of age",
        "operator": operator,
        "percent": percent,
        "footnote": footnote,
    }


def test_fixture_set_is_there():
    assert len(ALL) == 6


# -- through the command line -----------------------------------------------------------------------------------------


def test_every_fixture_imports_to_a_label_check_reads(tmp_path):
    written = []
    for path in ALL:
        result = run_in_process("import", "dsld", rel(path))
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stdout.startswith("# Imported from NIH DSLD label ")
        out = tmp_path / (path.stem + ".yaml")
        out.write_text(result.stdout, encoding="utf-8")
        written.append(str(out))
    findings = check_json(*written)
    assert not [f for f in findings if f["code"] in ("SUP001", "SUP002")], findings


def test_every_fixture_checks_as_json_without_load_errors():
    findings = check_json(*(rel(path) for path in ALL))
    assert not [f for f in findings if f["code"] in ("SUP001", "SUP002")], findings
    assert {f["file"] for f in findings} <= {rel(path) for path in ALL}


def test_d3_5000_imported_label_fires_d3_rules_at_the_amount(tmp_path):
    out = tmp_path / "d3.yaml"
    result = run_in_process("import", "dsld", rel(D3), "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Imported from NIH DSLD label 391207 (CC0) by supplint import dsld\n")
    findings = check_json(str(out))
    amount_line = line_of(text, "amount: 125 mcg")
    assert sorted((f["code"], f["line"]) for f in findings) == [
        ("SUP101", amount_line),
        ("SUP201", amount_line),
        ("SUP202", amount_line),
    ]


def test_d3_5000_record_checked_directly_reports_at_its_json_lines():
    findings = check_json(rel(D3))
    quantity_line = line_of(D3.read_text(encoding="utf-8"), '"quantity": 125,')
    assert sorted((f["code"], f["line"]) for f in findings) == [
        ("SUP101", quantity_line),
        ("SUP201", quantity_line),
        ("SUP202", quantity_line),
    ]
    assert all(f["file"] == rel(D3) and f["fix"] is None for f in findings)


def test_concise_check_of_a_record_and_its_exit_status():
    result = run_in_process("check", rel(D3))
    assert result.returncode == 1
    line = line_of(D3.read_text(encoding="utf-8"), '"quantity": 125,')
    assert f"{rel(D3)}:{line}:" in result.stdout
    assert "SUP201 [error]" in result.stdout


def test_walking_a_directory_does_not_pick_up_json():
    result = run_in_process("check", rel(FIXTURES))
    assert result.returncode == 0, result.stdout
    assert "in 0 files" in result.stdout


def test_notes_say_what_was_not_carried_over():
    result = run_in_process("import", "dsld", rel(ODD))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"supplint: note: {rel(ODD)}: ") for line in lines)
    stderr = result.stderr
    assert "servings per container 'Not Reported' is not a number" in stderr
    assert "no physicalState in the record: `form` left out" in stderr
    assert "statement of type 'Seals/Symbols' not carried over" in stderr
    assert "the record has no statement of identity" in stderr
    assert "row 'Bacillus coagulans' left out of facts" in stderr
    assert "blend member 'Inulin': its amount '2 spoons' cannot be written" in stderr
    assert "%DV for Pregnant and Lactating Women not carried over" in stderr
    assert "net contents '60 Gummy(ies)' not carried over" in stderr


def test_d3_note_for_seals():
    result = run_in_process("import", "dsld", rel(D3))
    assert f"supplint: note: {rel(D3)}: statement of type 'Seals/Symbols' not carried over" in result.stderr


@pytest.mark.parametrize(
    "content, reason",
    [
        ("product: not json\n", "not valid JSON"),
        ('{"fullName": "x",}', "not valid JSON"),
        ('{"hello": "world"}', "neither `fullName` nor `ingredientRows`"),
        ("[1, 2]", "a list of 2 items"),
        ("42", "a single value"),
        ('{"hits": {"hits": []}}', "a search response with 0 hits"),
    ],
)
def test_not_a_record_exits_2_with_one_line(write, content, reason):
    path = write("thing.json", content)
    result = run_in_process("import", "dsld", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "not an NIH DSLD v9 label record" in lines[0] and reason in lines[0]


def test_not_a_record_given_to_check_is_one_sup001_at_line_1(write):
    path = write("thing.json", '{"hello": "world"}')
    findings = check_json(str(path))
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [("SUP001", 1, 1)]
    assert "not an NIH DSLD v9 label record" in findings[0]["message"]


def test_invalid_utf8_record_is_a_finding(write):
    path = write("thing.json", b'{"fullName": "\xff"}')
    findings = check_json(str(path))
    assert [f["code"] for f in findings] == ["SUP001"]


# -- round trip -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_round_trip_is_lossless(path):
    conversion = converted(path)
    text = dump_label(conversion.label, header(str(path), conversion))
    doc = load(text)
    assert doc.data == conversion.label
    assert not doc.problems
    label, problems = validate(doc)
    assert label is not None, problems


def test_cli_output_is_the_written_label():
    result = run_in_process("import", "dsld", rel(MULTI))
    conversion = converted(MULTI)
    assert result.stdout == dump_label(conversion.label, header(rel(MULTI), conversion))


# -- mapping ----------------------------------------------------------------------------------------------------------


def test_d3_mapping():
    label = converted(D3).label
    assert label["product"] == "Vitamin D3 5,000 IU"
    assert label["brand"] == "Meadowlark Naturals"
    assert label["identity"] == "Dietary Supplement"
    assert label["form"] == "softgel"
    assert label["serving"] == {"size": "1 softgel", "per_day": 1}
    assert label["servings_per_container"] == 120
    assert label["facts"] == [{"name": "Vitamin D3", "as": "Cholecalciferol", "amount": "125 mcg", "dv": "625%"}]
    assert label["other_ingredients"] == ["Extra Virgin Olive Oil", "Softgel (Gelatin, Glycerin, Purified Water)"]
    assert label["disclaimer"] == DISCLAIMER
    assert label["directions"].startswith("Take 1 softgel daily")
    assert label["warnings"] == [
        "Consult your healthcare professional before use if you are pregnant, nursing, "
        "taking medication or have a medical condition."
    ]
    assert label["notes"] == ["Store in a cool, dry place."]


def test_multivitamin_rows_units_and_forms():
    facts = {row["name"]: row for row in converted(MULTI).label["facts"]}
    assert len(facts) == 24
    assert facts["Vitamin A"] == {
        "name": "Vitamin A",
        "as": "60% Beta-Carotene and 40% Retinyl Acetate",
        "amount": "900 mcg RAE",
        "dv": "100%",
    }
    assert facts["Folate"]["amount"] == "400 mcg DFE" and facts["Folate"]["as"] == "Folic Acid"
    assert facts["Niacin"]["amount"] == "16 mg NE"
    assert facts["Potassium"]["dv"] == "<1%"
    assert facts["Lutein"]["dv"] == "†" and facts["Lutein"]["as"] == "from Marigold Flower Extract"
    assert "as" not in facts["Riboflavin"]
    assert next(iter(facts)) == "Vitamin A" and list(facts)[-1] == "Lutein"


def test_proprietary_blend_keeps_nesting_and_member_amounts():
    label = converted(BLEND).label
    blend = label["facts"][1]
    assert blend["name"] == "Proprietary Joint Blend" and blend["amount"] == "750 mg" and blend["dv"] == "†"
    members = blend["blend"]
    assert [m["name"] for m in members] == [
        "Turmeric root extract",
        "Boswellia serrata gum resin extract",
        "Ginger Complex",
        "Black Pepper fruit extract",
    ]
    assert members[0]["amount"] == "500 mg" and "amount" not in members[1]
    assert [m["name"] for m in members[2]["blend"]] == ["Ginger root", "Galangal root"]
    assert label["serving"] == {"size": "2 capsules", "per_day": "1-2"}


def test_odd_record_mapping():
    conversion = converted(ODD)
    label = conversion.label
    assert "form" not in label and "identity" not in label and "servings_per_container" not in label
    assert label["serving"] == {"size": "2 gummies", "per_day": "1-2"}
    facts = {row["name"]: row for row in label["facts"]}
    assert "Bacillus coagulans" not in facts
    assert facts["Calories"] == {"name": "Calories", "amount": "10 kcal"}  # a facts row, as the text importer files it
    assert facts["Total Carbohydrate"] == {"name": "Total Carbohydrate", "amount": "2 g", "dv": "<1%"}
    assert facts["Vitamin C"]["dv"] == "33%"  # the adult column, not the children's 50%
    assert facts["Zinc"]["dv"] == "*"
    assert "dv" not in facts["Vitamin D3"]
    assert facts["Prebiotic Blend"]["blend"] == [{"name": "Inulin"}, {"name": "Apple pectin"}]
    assert not any(note.startswith("Calories") for note in label.get("notes", []))
    assert label["allergens"] == "Produced in a facility that also processes milk, soy and tree nuts."
    assert label["other_ingredients"][-1] == "Colors (from Black Carrot Juice)"


def test_origins_point_at_the_dsld_fields():
    text = D3.read_text(encoding="utf-8")
    origins = convert(text, "d3.json").origins
    lines = text.splitlines()
    assert lines[origins[("product",)][0] - 1].strip().startswith('"fullName"')
    assert lines[origins[("facts", 0, "amount")][0] - 1].strip() == '"quantity": 125,'
    assert lines[origins[("facts", 0, "dv")][0] - 1].strip() == '"percent": 625,'
    assert lines[origins[("facts", 0, "name")][0] - 1].strip() == '"name": "Vitamin D3",'
    assert lines[origins[("disclaimer",)][0] - 1].strip().startswith('"notes": "These statements')
    line, column = origins[("facts", 0, "amount")]
    assert lines[line - 1][column - 1 :].startswith("125")


@pytest.mark.parametrize(
    "wrap",
    [
        lambda r: {"_index": "dsld", "_id": "1", "_source": r},
        lambda r: [r],
        lambda r: {"hits": [{"_source": r}]},
        lambda r: {"hits": {"total": 1, "hits": [{"_source": r}]}},
    ],
)
def test_wrappers_are_accepted(wrap):
    record = json.loads(D3.read_text(encoding="utf-8"))
    text = json.dumps(wrap(record), indent=1)
    conversion = convert(text, "x.json")
    assert conversion.label == converted(D3).label
    line = conversion.origins[("facts", 0, "amount")][0]
    assert text.splitlines()[line - 1].strip() == '"quantity": 125,'


@pytest.mark.parametrize(
    "unit, amount",
    [
        ("IU", "5,000 IU"),
        ("Gram(s)", "5,000 g"),
        ("mcg RAE", "5,000 mcg RAE"),
        ("mg a-TE", "5,000 mg alpha-tocopherol"),
        ("µg", "5,000 mcg"),
        ("Milligram(s)", "5,000 mg"),
        ("Billion CFU", "5,000 billion CFU"),
        ("mL", "5,000 mL"),
    ],
)
def test_units_are_written_in_the_format_spelling(unit, amount):
    record = minimal(ingredientRows=[{"order": 1, "name": "Thing", "quantity": qty(5000, unit)}])
    assert convert(json.dumps(record), "x").label["facts"] == [{"name": "Thing", "amount": amount}]


def test_amount_numbers_and_operators():
    rows = [
        {"order": 1, "name": "A", "quantity": qty(0.5, "g", operator="<")},
        {"order": 2, "name": "B", "quantity": qty(2.125, "mg")},
        {"order": 3, "name": "C", "quantity": qty(1300.5, "mg", adults(1300.5))},
        {"order": 4, "name": "D", "quantity": qty(3, "mg", operator=">")},
    ]
    facts = convert(json.dumps(minimal(ingredientRows=rows)), "x").label["facts"]
    assert [row["amount"] for row in facts] == ["<0.5 g", "2.1250 mg", "1,300.5 mg", ">3 mg"]
    assert facts[2]["dv"] == "1,300.5%"


def test_rows_follow_dsld_order():
    rows = [
        {"order": 2, "name": "Second", "quantity": qty(1, "mg")},
        {"order": 1, "name": "First", "quantity": qty(1, "mg")},
    ]
    facts = convert(json.dumps(minimal(ingredientRows=rows)), "x").label["facts"]
    assert [row["name"] for row in facts] == ["First", "Second"]


@pytest.mark.parametrize(
    "description, form",
    [
        ("Tablet or Pill", "tablet"),
        ("Capsule", "capsule"),
        ("Softgel Capsule", "softgel"),
        ("Gummy or Jelly", "gummy"),
        ("Lozenge", "lozenge"),
        ("Liquid", "liquid"),
        ("Powder", "powder"),
        ("Chewable Tablet", "chewable"),
        ("Other (e.g. tea bag)", "other"),
        ("Bar", None),
        ("Unknown", None),
    ],
)
def test_physical_state_to_form(description, form):
    record = minimal(physicalState={"langualCode": "E0000", "langualCodeDescription": description})
    conversion = convert(json.dumps(record), "x")
    assert conversion.label.get("form") == form
    if form is None:
        assert any(description in note and "`form` left out" in note for note in conversion.notes)


def test_statements_by_type():
    statements = [
        {"type": "FDA Statement of Identity", "notes": "Dietary Supplement"},
        {"type": "FDA Disclaimer Statement", "notes": "These statements  have not been evaluated. "},
        {"type": "Suggested/Recommended/Usage/Directions", "notes": "Take 1 daily."},
        {"type": "Precautions re: Children", "notes": "Keep out of reach of children."},
        {"type": "Precautions re: Allergies", "notes": "Contains: Soy."},
        {"type": "Structure/Function Claim", "notes": "Supports bone health.*"},
        {"type": "Storage", "notes": "Store in a cool, dry place."},
        {"type": "Seals/Symbols", "notes": "Certified"},
        {"type": "Tamper Evidence", "notes": "Do not use if seal is broken."},
    ]
    conversion = convert(json.dumps(minimal(statements=statements)), "x")
    label = conversion.label
    assert label["identity"] == "Dietary Supplement"
    assert label["disclaimer"] == "These statements  have not been evaluated. "  # kept to the character
    assert label["directions"] == "Take 1 daily."
    assert label["warnings"] == ["Keep out of reach of children."]
    assert label["allergens"] == "Contains: Soy."
    assert label["claims"] == ["Supports bone health.*"]
    assert label["notes"] == ["Store in a cool, dry place.", "Do not use if seal is broken."]
    assert "statement of type 'Seals/Symbols' not carried over: 'Certified'" in conversion.notes


def test_serving_sizes_and_daily_servings():
    record = minimal(
        servingSizes=[
            {
                "order": 1,
                "minQuantity": 1,
                "maxQuantity": 2,
                "minDailyServings": 2,
                "maxDailyServings": 2,
                "unit": "Scoop(s)",
                "notes": "",
            },
            {"order": 2, "minQuantity": 10, "maxQuantity": 10, "unit": "Gram(s)"},
        ],
        servingsPerContainer="30",
    )
    conversion = convert(json.dumps(record), "x")
    assert conversion.label["serving"] == {"size": "1-2 scoops", "per_day": 2}
    assert conversion.label["servings_per_container"] == 30
    assert any("only the first of 2 serving sizes" in note for note in conversion.notes)


def test_amount_of_the_first_serving_size_is_used():
    record = minimal(
        servingSizes=[{"order": 1, "minQuantity": 1, "maxQuantity": 1, "unit": "Tablet(s)", "maxDailyServings": 1}],
        ingredientRows=[
            {
                "order": 1,
                "name": "Iron",
                "quantity": [
                    {"servingSizeOrder": 2, "operator": "=", "quantity": 36, "unit": "mg", "dailyValueTargetGroup": []},
                    {"servingSizeOrder": 1, "operator": "=", "quantity": 18, "unit": "mg", "dailyValueTargetGroup": []},
                ],
            }
        ],
    )
    assert convert(json.dumps(record), "x").label["facts"] == [{"name": "Iron", "amount": "18 mg"}]


def test_top_level_row_without_amount_moves_to_notes():
    rows = [
        {
            "order": 1,
            "name": "Herbal Blend",
            "quantity": [],
            "nestedRows": [{"order": 1, "name": "Chamomile", "quantity": []}],
        },
        {"order": 2, "name": "Vitamin C", "quantity": qty(90, "mg", adults(100))},
    ]
    conversion = convert(json.dumps(minimal(ingredientRows=rows)), "x")
    assert conversion.label["facts"] == [{"name": "Vitamin C", "amount": "90 mg", "dv": "100%"}]
    assert conversion.label["notes"] == ["Herbal Blend (blend of Chamomile)"]
    assert not [path for path in conversion.origins if path[:3] == ("facts", 0, "blend")]
    assert any("row 'Herbal Blend' left out of facts" in note for note in conversion.notes)


def test_text_yaml_cannot_compose_is_imported_without_positions():
    record = json.loads(D3.read_text(encoding="utf-8"))
    record["brandName"] = "Meadowlark \U0001f33f"
    text = json.dumps(record, indent=2)  # ensure_ascii: a surrogate pair escape, which YAML rejects
    conversion = convert(text, "x.json")
    assert conversion.label["brand"] == "Meadowlark \U0001f33f"
    assert conversion.origins == {}
    assert any("could not be read with positions" in note for note in conversion.notes)
    findings = Linter.from_options().check_text(text, "x.json")
    assert sorted((f.code, f.line) for f in findings) == [("SUP101", 1), ("SUP201", 1), ("SUP202", 1)]


def test_missing_product_name_is_import_failed():
    with pytest.raises(ImportFailed, match="fullName"):
        convert(json.dumps({"id": 1, "fullName": "", "ingredientRows": []}), "x")


def test_header_without_id():
    conversion = convert(json.dumps({"fullName": "X", "ingredientRows": []}), "x")
    assert header("x", conversion) == "Imported from an NIH DSLD label record (CC0) by supplint import dsld"


# -- the document check uses -------------------------------------------------------------------------------------------


def test_validation_problems_land_at_origins():
    doc = OriginDocument(
        {"product": "X", "facts": [{"name": "A", "amount": "5 zz"}]},
        origins={("facts",): (7, 3), ("facts", 0): (10, 5)},
    )
    label, problems = validate(doc)
    assert label is None
    assert [(p.code, p.span.line, p.span.column) for p in problems] == [("SUP003", 10, 5)]
    assert doc.value_span(("brand",)).line == 1 and doc.node(("facts", 0)) is None
