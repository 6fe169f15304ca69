"""`supplint schema`: a draft-07 JSON Schema for editors (yaml-language-server), kept in step with the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

import supplint
from conftest import EXAMPLES, ROOT, run_in_process
from supplint.label.model import FORMS
from supplint.label.schema import label_schema, render
from supplint.shipped import files as data

COMMITTED = ROOT / "schema" / "label.schema.json"

#: Keywords of JSON Schema 2019-09 / 2020-12 that draft-07 (and so yaml-language-server) does not know.
NEWER_KEYWORDS = frozenset(
    {
        "$defs",
        "$anchor",
        "$dynamicRef",
        "$dynamicAnchor",
        "$recursiveRef",
        "$recursiveAnchor",
        "$vocabulary",
        "unevaluatedProperties",
        "unevaluatedItems",
        "prefixItems",
        "dependentRequired",
        "dependentSchemas",
        "minContains",
        "maxContains",
        "contentSchema",
        "deprecated",
    }
)
#: Keywords whose value is a mapping of names to subschemas, not a subschema.
NAME_MAPS = frozenset({"properties", "definitions", "patternProperties"})
#: Keywords whose value is data, never a subschema.
DATA_KEYWORDS = frozenset({"default", "enum", "const", "examples", "required"})


def subschemas(node, path="#"):
    """Every subschema of a schema with its JSON pointer-ish path (property names are never taken for keywords)."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from subschemas(item, f"{path}/{index}")
        return
    if not isinstance(node, dict):
        return
    yield path, node
    for key, value in node.items():
        if key in DATA_KEYWORDS:
            continue
        if key in NAME_MAPS:
            for name, sub in value.items():
                yield from subschemas(sub, f"{path}/{key}/{name}")
        else:
            yield from subschemas(value, f"{path}/{key}")


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(COMMITTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema) -> Draft7Validator:
    return Draft7Validator(schema)


def base_label() -> dict:
    return yaml.safe_load((EXAMPLES / "d3-5000-softgel.yaml").read_text(encoding="utf-8"))


def supplint_codes(doc: dict) -> set[str]:
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    return {finding.code for finding in supplint.check_text(text, "label.yaml")}


# (1) The committed copy is what the command prints: a model change without regenerating fails here.


def test_committed_schema_is_the_command_output():
    result = run_in_process("schema")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == COMMITTED.read_text(encoding="utf-8"), (
        "schema/label.schema.json is stale: regenerate it with `supplint schema > schema/label.schema.json`"
    )


def test_output_is_deterministic_pretty_and_newline_terminated():
    first, second = render(), render()
    assert first == second
    assert first.endswith("}\n") and not first.endswith("\n\n")
    assert first.startswith('{\n  "')  # indented, one key a line
    assert first == json.dumps(json.loads(first), indent=2, sort_keys=True, ensure_ascii=True) + "\n"
    assert first.isascii()


# (2) A valid draft-07 schema.


def test_schema_is_valid_draft_07(schema):
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)


# (3) Nothing draft-07 does not know, and references in draft-07 form.


def test_no_keywords_newer_than_draft_07(schema):
    found = [(path, key) for path, sub in subschemas(schema) for key in sub if key in NEWER_KEYWORDS]
    assert found == []


def test_refs_point_into_definitions_and_stand_alone(schema):
    refs = [(path, sub) for path, sub in subschemas(schema) if "$ref" in sub]
    assert refs, "the schema has definitions (Fact, BlendMember, Serving)"
    for path, sub in refs:
        target = sub["$ref"]
        assert target.startswith("#/definitions/"), path
        assert target.removeprefix("#/definitions/") in schema["definitions"], path
        assert list(sub) == ["$ref"], f"{path}: draft-07 ignores keywords beside $ref"
    assert set(schema["definitions"]) == {"BlendMember", "Fact", "Serving"}


def test_every_object_forbids_unknown_keys(schema):
    # An `if`/`else` subschema only tests the row it applies to; it is not an object of its own keys.
    objects = [
        (path, sub)
        for path, sub in subschemas(schema)
        if "properties" in sub and not {"if", "else"} & set(path.split("/"))
    ]
    assert len(objects) >= 5  # the label, Serving, Fact, BlendMember and the amount mapping
    for path, sub in objects:
        assert sub.get("additionalProperties") is False, path


# What an editor gets: descriptions, enums, the alias, string-or-list text fields.


def test_title_and_descriptions(schema):
    assert schema["title"] and schema["description"]
    described = [(f"#/properties/{name}", prop) for name, prop in schema["properties"].items()]
    for name, definition in schema["definitions"].items():
        assert definition.get("description"), name
        described += [
            (f"#/definitions/{name}/properties/{key}", prop) for key, prop in definition["properties"].items()
        ]
    missing = [path for path, prop in described if not prop.get("description")]
    assert missing == []


def enum_of(prop: dict) -> list:
    (choice,) = [branch for branch in prop.get("anyOf", [prop]) if "enum" in branch]
    return choice["enum"]


def test_enums_for_form_population_and_nutrient(schema):
    props = schema["properties"]
    assert enum_of(props["form"]) == list(FORMS)
    populations = data.load("data/populations.yaml")
    assert enum_of(props["population"]) == list(populations)
    pending = [key for key, entry in populations.items() if not entry.get("supported", True)]
    for key in pending:  # none today: every population has its tables
        assert key in props["population"]["description"]
    assert ("not supported yet" in props["population"]["description"].lower()) == bool(pending)
    nutrients = list(data.load("data/nutrients.yaml"))
    for row in ("Fact", "BlendMember"):
        assert enum_of(schema["definitions"][row]["properties"]["nutrient"]) == nutrients


def test_alias_and_text_lists(schema, validator):
    fact = schema["definitions"]["Fact"]
    assert "as" in fact["properties"] and "as_" not in fact["properties"]
    assert fact["required"] == ["name", "amount"]
    for key in ("other_ingredients", "claims", "warnings", "notes"):
        types = {branch["type"] for branch in schema["properties"][key]["anyOf"]}
        assert types == {"string", "array"}, key
    doc = base_label()
    doc["claims"] = "Supports immune health.*"
    doc["warnings"] = ["Keep out of reach of children.", "Ask your doctor before use."]
    assert list(validator.iter_errors(doc)) == []


def test_per_day_default_is_a_serving_count(schema):
    assert schema["definitions"]["Serving"]["properties"]["per_day"]["default"] == 1


# (4) Every valid example validates: the schema never rejects a label supplint accepts as well-formed.


def _examples() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


def test_there_are_examples():
    assert len(_examples()) >= 5


@pytest.mark.parametrize("path", _examples(), ids=lambda path: path.name)
def test_valid_examples_validate(path, validator):
    codes = {finding.code for finding in supplint.check_file(path)}
    if codes & {"SUP001", "SUP002"}:
        pytest.skip(f"{path.name} is not well-formed for supplint ({sorted(codes & {'SUP001', 'SUP002'})})")
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(doc)]
    assert errors == []


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda doc: doc.update(claims="One claim.*"), id="claims-string"),
        pytest.param(lambda doc: doc.update(serving={"size": "2 capsules", "per_day": "1-2"}), id="per-day-range"),
        pytest.param(lambda doc: doc["facts"][0].update(amount={"value": 125, "unit": "mcg"}), id="amount-mapping"),
        pytest.param(lambda doc: doc["facts"][0].update(nutrient="vitamin-d"), id="nutrient-id"),
        pytest.param(lambda doc: doc["facts"][0].update(dv="*"), id="dv-marker"),
        pytest.param(
            lambda doc: doc["facts"].append(
                {
                    "name": "Blend",
                    "amount": "250 mg",
                    "dv": "*",
                    "blend": [{"name": "Turmeric root extract"}, {"name": "Boswellia", "amount": "50 mg"}],
                }
            ),
            id="blend",
        ),
        pytest.param(lambda doc: doc.update(population="adults-51+", form="tablet"), id="population-and-form"),
        pytest.param(lambda doc: doc["facts"].insert(0, {"name": "Calories", "amount": 20}), id="bare-calories"),
        pytest.param(
            lambda doc: doc["facts"].insert(0, {"name": "Total  calories", "amount": 5}), id="bare-calories-case"
        ),
    ],
)
def test_well_formed_variants_validate(change, validator):
    doc = base_label()
    change(doc)
    assert not supplint_codes(doc) & {"SUP001", "SUP002"}
    assert list(validator.iter_errors(doc)) == []


# (5) Known-bad documents fail, as they do in supplint (SUP002).


def _without_facts(doc: dict) -> None:
    del doc["facts"]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda doc: doc.update(warning="Keep out of reach of children."), id="unknown-key-warning"),
        pytest.param(_without_facts, id="missing-facts"),
        pytest.param(lambda doc: doc.update(form="pill"), id="form-pill"),
        pytest.param(lambda doc: doc["facts"][0].update(dv=625), id="dv-without-percent"),
        pytest.param(lambda doc: doc["facts"][0].update(dv="625"), id="dv-string-without-percent"),
        pytest.param(lambda doc: doc["facts"][0].update(nutrient="vitamin-q"), id="unknown-nutrient"),
        pytest.param(lambda doc: doc["facts"][0].update(amout="125 mcg"), id="unknown-row-key"),
        pytest.param(lambda doc: doc.update(population="seniors"), id="unknown-population"),
        pytest.param(lambda doc: doc.update(serving={"size": "1 softgel", "per_days": 2}), id="unknown-serving-key"),
    ],
)
def test_known_bad_documents_fail(change, validator):
    doc = base_label()
    change(doc)
    assert "SUP002" in supplint_codes(doc)
    assert list(validator.iter_errors(doc)) != []


@pytest.mark.parametrize(
    "row",
    [{"name": "Protein", "amount": 2}, {"name": "Vitamin C", "amount": 60}, {"name": "Calories burned", "amount": 20}],
    ids=["protein", "vitamin-c", "not-calories"],
)
def test_a_bare_number_fails_except_on_rows_that_print_one(row, validator):
    doc = base_label()
    doc["facts"].append(row)
    assert "SUP004" in supplint_codes(doc)
    assert [list(error.absolute_path) for error in validator.iter_errors(doc)] == [
        ["facts", len(doc["facts"]) - 1, "amount"]
    ]


def test_typo_keys_example_fails(validator):
    doc = yaml.safe_load((EXAMPLES / "invalid" / "typo-keys.yaml").read_text(encoding="utf-8"))
    messages = [error.message for error in validator.iter_errors(doc)]
    assert any("warning" in message for message in messages)


def test_in_process_schema_matches_the_committed_file(schema):
    assert label_schema() == schema
