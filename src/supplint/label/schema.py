"""The JSON Schema of the label format, for editors (``supplint schema``).

yaml-language-server supports JSON Schema draft-07 and below, while pydantic generates 2020-12. The schema is
therefore generated from the models in validation mode, with aliases (``as``), and then made draft-07:
definitions live under ``definitions`` and are referenced as ``#/definitions/...``, and a ``$ref`` never has
sibling keywords (draft-07 ignores them), so a described reference becomes ``allOf: [{$ref}]`` plus the
description. The models use only keywords draft-07 knows; tests/test_schema.py checks that none of the
2019-09/2020-12 ones appear. Field descriptions and enums come from the models (models.py) and the data files.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
REF_TEMPLATE = "#/definitions/{model}"

TITLE = "supplint label"
DESCRIPTION = (
    "A dietary-supplement label in the supplint label format (version 1): the Supplement Facts panel "
    "and the statements printed around it. Unknown keys are errors. Check a label with `supplint check`."
)


class _Draft07(GenerateJsonSchema):
    """pydantic's generator, with the definitions under draft-07's ``definitions`` key."""

    schema_dialect = DRAFT_07

    def generate(self, schema, mode="validation"):
        result = super().generate(schema, mode=mode)
        definitions = result.pop("$defs", None)
        if definitions:
            result["definitions"] = definitions
        return result


def label_schema() -> dict[str, Any]:
    """The label format's JSON Schema (draft-07) as a dict."""
    from .model import Label

    generated = Label.model_json_schema(
        by_alias=True, ref_template=REF_TEMPLATE, schema_generator=_Draft07, mode="validation"
    )
    generated = _editor_friendly(generated)
    _bare_numbers(generated["definitions"]["Fact"])
    generated.update({"$schema": DRAFT_07, "title": TITLE, "description": DESCRIPTION})
    return generated


def _bare_numbers(fact: dict[str, Any]) -> None:
    """A bare number is an amount only on the rows that print one (``Calories: 20``, panel-rows.yaml `bare`), which
    the models accept before validating; elsewhere it stays an error, as `supplint check` reports it (SUP004)."""
    from ..reference.panel_rows import bare_names

    amount = fact["properties"]["amount"]
    amount["oneOf"].append(
        {
            "type": "number",
            "minimum": 0,
            "description": "a bare number, only on rows that print one, such as Calories: 20",
        }
    )
    fact["if"] = {"properties": {"name": {"pattern": _any_case(bare_names())}}, "required": ["name"]}
    fact["else"] = {"properties": {"amount": {"not": {"type": "number"}}}}


def _any_case(names: list[str]) -> str:
    """An ECMA-262 pattern (JSON Schema has no case-insensitive flag) matching any of ``names`` whole, in any case
    and with any run of spaces between words, as panel_rows folds them."""

    def word(text: str) -> str:
        return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in text)

    return "^\\s*(?:" + "|".join("\\s+".join(word(w) for w in name.split()) for name in names) + ")\\s*$"


def render() -> str:
    """The schema as the command prints it: sorted keys, two-space indent, ASCII only, one final newline.

    ASCII escapes keep the bytes the same whatever the locale's encoding of standard output.
    """
    return json.dumps(label_schema(), indent=2, sort_keys=True, ensure_ascii=True) + "\n"


def _editor_friendly(node: Any, is_schema: bool = True) -> Any:
    """Two rewrites of every subschema, neither of which changes what validates.

    - ``{"$ref": R, k: v...}`` becomes ``{"allOf": [{"$ref": R}], k: v...}``: draft-07 ignores $ref's siblings,
      which would hide the description from editors.
    - ``"default": null`` and ``"default": []`` are dropped: they only say "absent", and an editor would offer to
      insert them as values.
    """
    if isinstance(node, list):
        return [_editor_friendly(item, is_schema) for item in node]
    if not isinstance(node, dict):
        return node
    if not is_schema:  # a mapping of names to subschemas (properties, definitions): its keys are not keywords
        return {name: _editor_friendly(value) for name, value in node.items()}
    node = {
        key: _editor_friendly(value, key not in _NAME_MAPS) if key not in _NOT_SCHEMAS else value
        for key, value in node.items()
    }
    if "$ref" in node and len(node) > 1:
        node["allOf"] = [{"$ref": node.pop("$ref")}] + node.get("allOf", [])
    if "default" in node and node["default"] in (None, []):
        del node["default"]
    return node


_NAME_MAPS = frozenset({"properties", "definitions", "patternProperties"})
_NOT_SCHEMAS = frozenset({"default", "enum", "const", "examples", "required"})
