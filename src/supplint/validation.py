"""Validating loaded data against the label model, with every pydantic error placed at its YAML line."""

from __future__ import annotations

import re

from typing import get_args

from pydantic import BaseModel, ValidationError

from .loader import Document, Problem
from .models import Label
from .suggest import did_you_mean

#: Our own pydantic error types that belong to a rule other than invalid-label.
_CODES = {"unknown_unit": "SUP003", "malformed_amount": "SUP004", "unsupported_population": "SUP005"}



def validate(doc: Document) -> tuple[Label | None, list[Problem]]:
    if doc.data is None:
        return None, [Problem("SUP002", "the file is empty; a label needs at least `product` and `facts`", doc.value_span(()))]
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value"
        return None, [Problem("SUP002", f"a label is a mapping of keys (product, facts, ...), not {kind}", doc.value_span(()))]
    try:
        return Label.model_validate(doc.data), []
    except ValidationError as exc:
        return None, problems_of(exc, doc)


def problems_of(exc: ValidationError, doc: Document, prefix: str = "", model: type[BaseModel] = Label) -> list[Problem]:
    """``model``'s validation errors as problems at their YAML places (``prefix`` says what was validated)."""
    problems = [_problem(error, doc, model) for error in exc.errors(include_url=False)]
    for problem in problems:
        problem.message = prefix + problem.message
    return problems


def _problem(error: dict, doc: Document, root: type[BaseModel] = Label) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    hint = ctx.get("hint") if isinstance(ctx.get("hint"), str) else None
    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = _FLOW_COMMA_HINT if _SPLIT_NUMBER.match(key) else did_you_mean(key, _allowed(loc[:-1], root))
        return Problem("SUP002", f"unknown key '{key}'", doc.key_span(loc), hint)
    if kind == "missing":
        parent = loc[:-1]
        where = doc.key_span(parent) if parent else doc.value_span(())
        return Problem("SUP002", f"missing required key '{loc[-1]}'{_under(parent)}", where)
    message = error["msg"]
    field = next((part for part in reversed(loc) if isinstance(part, str)), None)
    if kind not in _CODES and field:
        message = f"{field}: {message}"
        if kind == "string_type" and isinstance(error.get("input"), (bool, int, float)):
            hint = "quote the value: YAML reads yes/no/on/off and bare numbers as other types"
        elif kind == "string_type" and isinstance(error.get("input"), dict):
            hint = "quote the text: in an unquoted value, ': ' makes YAML read a key and a value"
    return Problem(_CODES.get(kind, "SUP002"), message, doc.value_span(loc), hint)


# `{amount: 125 mcg (5,000 IU)}`: in a flow mapping the comma ends the value and "000 IU)" becomes a key.
_SPLIT_NUMBER = re.compile(r"^[0-9]{3}\b")
_FLOW_COMMA_HINT = "inside { } a comma ends the value: quote an amount that has a thousands comma"


def _under(parent: tuple) -> str:
    field = next((part for part in reversed(parent) if isinstance(part, str)), None)
    return f" in {field}" if field else ""


def _allowed(parent: tuple, root: type[BaseModel]) -> list[str]:
    """The keys a mapping at ``parent`` may have, found by following ``parent`` through the models."""
    model: type[BaseModel] | None = root
    for part in parent:
        if isinstance(part, int) or model is None:
            continue
        field = next((f for name, f in model.model_fields.items() if (f.alias or name) == part), None)
        model = _model_in(field.annotation) if field else None
    if model is None:
        return ["value", "unit"]  # the only other mapping in the format: an amount
    return [field.alias or name for name, field in model.model_fields.items()]


def _model_in(annotation) -> type[BaseModel] | None:
    """The model inside an annotation such as ``tuple[Fact, ...] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for arg in get_args(annotation) if (m := _model_in(arg)) is not None), None)
