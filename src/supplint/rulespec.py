"""Rule declarations (rules/packs/*.yaml) as pydantic models: one model per kind, chosen by `kind`.

A pack file is validated as a whole; an unknown key, kind or option type in a pack is an error naming the rule.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .amounts import AmountError, parse_amount

CODE = r"^SUP[0-9]{3}$"
NAME = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Severity = Literal["error", "warning", "info"]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Option(_Spec):
    type: Literal["quantity", "number", "patterns"]
    default: Any
    description: str

    def coerce(self, value: Any) -> Any:
        """Validate a value for this option (the default, or one a user sets). Raises ValueError."""
        if self.type == "quantity":
            if not isinstance(value, str):
                raise ValueError(f"expected an amount such as \"25 mcg\", got {value!r}")
            try:
                return parse_amount(value)
            except AmountError as exc:
                raise ValueError(exc.message) from None
        if self.type == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ValueError(f"expected a positive number, got {value!r}")
            return float(value)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError(f"expected a list of regular expressions, got {value!r}")
        try:
            return tuple(re.compile(item, re.IGNORECASE) for item in value)
        except re.error as exc:
            raise ValueError(f"bad regular expression: {exc}") from None


class Examples(_Spec):
    fires: str
    passes: str


class RuleBase(_Spec):
    code: Annotated[str, Field(pattern=CODE)]
    name: Annotated[str, Field(pattern=NAME)]
    severity: Severity
    summary: str
    rationale: str
    sources: tuple[str, ...] = ()
    provisional: bool = False
    options: dict[str, Option] = {}
    examples: Examples
    message: str = ""
    hint: str | None = None

    @field_validator("options")
    @classmethod
    def _defaults_valid(cls, options: dict[str, Option]) -> dict[str, Option]:
        for name, option in options.items():
            if not re.match(NAME, name):
                raise ValueError(f"option name '{name}' is not kebab-case")
            option.coerce(option.default)
        return options

    def defaults(self) -> dict[str, Any]:
        return {name: option.coerce(option.default) for name, option in self.options.items()}


class BuiltinRule(RuleBase):
    kind: Literal["builtin"]


class Trigger(_Spec):
    nutrient: str
    minimum: str | None = None  # the name of a quantity option
    forms: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()  # the other forms the nutrient comes in (K1, K3 beside K2)


class PairingRule(RuleBase):
    kind: Literal["pairing"]
    trigger: Trigger
    partner: Trigger
    fires_when: Literal["absent", "other-forms-only", "below"] = Field(alias="fires-when")
    at: Literal["trigger", "partner"] = "trigger"

    @model_validator(mode="after")
    def _options_exist(self) -> PairingRule:
        for side in (self.trigger, self.partner):
            if side.minimum is not None and self.options.get(side.minimum, None) is None:
                raise ValueError(f"minimum '{side.minimum}' is not one of the rule's options")
        if self.fires_when == "below" and self.partner.minimum is None:
            raise ValueError("fires-when: below needs partner.minimum")
        return self


class FormUnspecifiedRule(RuleBase):
    kind: Literal["form-unspecified"]
    nutrient: str
    forms: tuple[str, ...]


class DoseRule(RuleBase):
    kind: Literal["dose"]
    limits: tuple[Literal["upper-limit", "dv-multiple"], ...]
    scope: Literal["each", "sole-dv-nutrient", "no-upper-limit"] = "each"

    @model_validator(mode="after")
    def _multiple_declared(self) -> DoseRule:
        if "dv-multiple" in self.limits and "multiple" not in self.options:
            raise ValueError("a dv-multiple limit needs the option `multiple`")
        return self


class RequiredTextRule(RuleBase):
    kind: Literal["required-text"]
    fields: tuple[Literal["warnings", "directions", "notes", "claims", "disclaimer", "allergens", "identity"], ...]
    at: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _patterns_declared(self) -> RequiredTextRule:
        if self.options.get("patterns") is None or self.options["patterns"].type != "patterns":
            raise ValueError("a required-text rule needs the option `patterns` of type patterns")
        return self


RuleSpec = Annotated[
    Union[BuiltinRule, PairingRule, FormUnspecifiedRule, DoseRule, RequiredTextRule],
    Field(discriminator="kind"),
]


class PlannedRule(_Spec):
    code: Annotated[str, Field(pattern=CODE)]
    name: Annotated[str, Field(pattern=NAME)]

