"""Rule declarations (rules/packs/*.yaml) as pydantic models: one model per kind, chosen by `kind`.

A pack file is validated as a whole; an unknown key, kind or option type in a pack is an error naming the rule.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..findings import Severity
from ..quantity.amounts import AmountError, parse_amount
from ..shipped import files as data
from ..shipped.patterns import compiled

CODE = r"^SUP[0-9]{3}$"
NAME = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class PackModel(BaseModel):
    # defer_build: the registry validates every pack through one union adapter, so building each kind's own
    # validator when its class is created would be paid on every start for nothing (~2 ms of ~40).
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Option(PackModel):
    type: Literal["quantity", "number", "patterns"]
    default: Any
    description: str
    nutrient: str | None = None  # for a quantity: the nutrient it measures, so a unit that cannot apply is refused

    @model_validator(mode="before")
    @classmethod
    def _default_from_data(cls, value: Any) -> Any:
        """`default-from: data/file.yaml#key`: a default shared by several rules lives once, in a data file."""
        if isinstance(value, dict) and "default-from" in value:
            value = dict(value)
            where = value.pop("default-from")
            path, _, key = str(where).partition("#")
            loaded = data.load(path)
            if not isinstance(loaded, dict) or key not in loaded:
                raise ValueError(f"default-from: {where} names nothing")
            value["default"] = loaded[key]
        return value

    def coerce(self, value: Any) -> Any:
        """Validate a value for this option (the default, or one a user sets). Raises ValueError."""
        if self.type == "quantity":
            if not isinstance(value, str):
                raise ValueError(f'expected an amount such as "25 mcg", got {value!r}')
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


class Examples(PackModel):
    fires: str | None = None  # only internal-error has none: no correct input should make supplint fail
    passes: str


class RuleBase(PackModel):
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
    fix: str | None = None  # what the safe fix does, where the rule offers one (`supplint check --fix`)
    target: Literal["label", "page", "stack"] = "label"  # what the rule reads, and what its examples are

    @field_validator("options")
    @classmethod
    def _defaults_valid(cls, options: dict[str, Option]) -> dict[str, Option]:
        for name, option in options.items():
            if not re.match(NAME, name):
                raise ValueError(f"option name '{name}' is not kebab-case")
            option.coerce(option.default)
        return options

    #: Options a kind reads unconditionally, by name → type; every rule of the kind must declare them.
    REQUIRED_OPTIONS: ClassVar[dict[str, str]] = {}

    @model_validator(mode="after")
    def _required_options(self) -> RuleBase:
        missing = [
            f"{name} ({kind})"
            for name, kind in self.REQUIRED_OPTIONS.items()
            if name not in self.options or self.options[name].type != kind
        ]
        if missing:
            raise ValueError(f"a {getattr(self, 'kind', 'rule')} rule needs the options {', '.join(missing)}")
        return self

    def defaults(self) -> dict[str, Any]:
        """The options' defaults, ready for the kind. They were validated with the pack (by this run or by the one
        that wrote the data cache), so patterns are left to compile when a rule first uses them."""
        return {
            name: tuple(_Pattern(item) for item in option.default)
            if option.type == "patterns"
            else option.coerce(option.default)
            for name, option in self.options.items()
        }


class _Pattern:
    """A default pattern of a rule option, compiled on first use, as ``re.compile(pattern, re.IGNORECASE)``.

    Compiling costs more than the rest of a one-label run for some rules: page rules' patterns are never used on a
    label, and a kind that joins a rule's patterns into one regex reads only their text."""

    __slots__ = ("_compiled", "_hash", "flags", "pattern")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.flags = re.IGNORECASE | re.UNICODE  # what re.compile(pattern, re.IGNORECASE).flags says
        self._compiled: re.Pattern | None = None
        # A pattern is part of memo keys read for every prose run of every page: its hash is worked out once.
        self._hash = hash((pattern, self.flags))

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = compiled(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # search, finditer, sub, groups, ...: the compiled pattern's
        if name.startswith("_"):  # copy and pickle probe for hooks before __init__ has run
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (_Pattern, re.Pattern)):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"re.compile({self.pattern!r}, re.IGNORECASE)"


class BuiltinRule(RuleBase):
    kind: Literal["builtin"]


class CatalogueEntry(PackModel):
    """A rule of the catalogue (rules/catalogue.yaml): what a pack that implements the code must call it; a code no
    pack implements is reserved (the registry's `planned`)."""

    code: Annotated[str, Field(pattern=CODE)]
    name: Annotated[str, Field(pattern=NAME)]
    severity: Severity
