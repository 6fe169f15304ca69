"""Validating loaded data against the label model, with every pydantic error placed at its YAML line and said in
words for the person who wrote the file: what the key expects, the value as written, and how to fix it.

pydantic's own wording ("Input should be a valid tuple") is never shown: each of its error types it can raise on a
label is rewritten here from the key's field and the value's YAML text. Errors that belong together become one
finding: a misspelt key is "unknown key 'nmae'; did you mean 'name'?", not also "missing key 'name'", and an
amount that a thousands comma cut in two inside `{ }` is one finding at the amount, not two.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, cast, get_args

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from yaml.nodes import MappingNode, ScalarNode

from ..codes import (
    INVALID_LABEL,
    MALFORMED_AMOUNT,
    UNKNOWN_UNIT,
    UNSUPPORTED_POPULATION,
)
from ..hits import Hit
from ..quantity.wording import quoted
from ..suggest import closest, did_you_mean
from .loader import Document
from .model import Label, with_bare_numbers

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

#: Our own pydantic error types that belong to a rule other than invalid-label.
_CODES = {
    "unknown_unit": UNKNOWN_UNIT,
    "malformed_amount": MALFORMED_AMOUNT,
    "unsupported_population": UNSUPPORTED_POPULATION,
}


def validate(doc: Document) -> tuple[Label | None, list[Hit]]:
    if doc.data is None:
        return None, [
            Hit.at(
                INVALID_LABEL,
                "the file is empty; a label needs at least `product` and `facts`",
                doc.value_span(()),
                "start with `product: <the name as printed>` and `facts:`",
            )
        ]
    if not isinstance(doc.data, dict):
        kind = "a sequence of `- ` items" if isinstance(doc.data, list) else f"the single value {_shown(doc, ())}"
        return None, [
            Hit.at(
                INVALID_LABEL,
                f"a label is a mapping of keys (product, facts, ...), not {kind}",
                doc.value_span(()),
                "write one `key: value` a line, starting with `product:`",
            )
        ]
    try:
        return Label.model_validate(with_bare_numbers(doc.data)), []
    except ValidationError as exc:
        return None, problems_of(exc, doc)


def problems_of(exc: ValidationError, doc: Document, prefix: str = "", model: type[BaseModel] = Label) -> list[Hit]:
    """``model``'s validation errors as problems at their YAML places (``prefix`` says what was validated)."""
    errors: list[ErrorDetails | None] = list(exc.errors(include_url=False))  # taken out (None) as they are used
    problems = _split_values(errors, doc) + _misspelt_keys(errors, doc, model)
    problems += [_problem(error, doc, model) for error in errors if error is not None]
    problems.sort(key=lambda p: (p.span.line, p.span.column) if p.span else (0, 0))
    return [replace(problem, message=prefix + problem.message) for problem in problems] if prefix else problems


# --- errors that belong together ---------------------------------------------------------------------------

# `{amount: 1,000 IU}`: in a flow mapping the comma ends the value and "000 IU" becomes a key of its own.
_SPLIT_NUMBER = re.compile(r"^[0-9]{3}\b")


def _split_values(errors: list, doc: Document) -> list[Hit]:
    """One problem for each value that a thousands comma cut in two inside `{ }`; the errors it caused (the key
    left over, and the first half's own error) are taken out of ``errors``."""
    problems = []
    for index, error in enumerate(errors):
        if error is None or error["type"] != "extra_forbidden" or not _SPLIT_NUMBER.match(str(error["loc"][-1])):
            continue
        parent, rest = tuple(error["loc"][:-1]), str(error["loc"][-1])
        mapping = doc.node(parent)
        if not isinstance(mapping, MappingNode) or not mapping.flow_style:
            continue
        before = _key_before(mapping, rest)
        if before is None:
            continue
        key, first = before
        rest_value = _child_text(mapping, rest)
        whole = f"{first},{rest}" + (f": {rest_value}" if rest_value else "")
        for other, found in enumerate(errors):
            if found is not None and tuple(found["loc"][: len(parent) + 1]) == (*parent, key):
                errors[other] = None
        errors[index] = None
        problems.append(
            Hit.at(
                INVALID_LABEL,
                f"the {key} '{whole}' was cut at its comma: inside {{ }} a comma ends a value, so YAML read "
                f"{key} '{first}' and a key '{rest}'",
                doc.value_span((*parent, key)),
                f'quote it ({key}: "{whole}") or drop the thousands comma ({whole.replace(",", "", 1)})',
            )
        )
    return problems


def _key_before(mapping: MappingNode, name: str) -> tuple[str, str] | None:
    """The key written just before the key ``name`` and its value's text, if that value is plain text."""
    previous = None
    for key, value in mapping.value:
        if isinstance(key, ScalarNode) and key.value == name:
            if previous is None or not isinstance(previous[1], ScalarNode) or not isinstance(previous[0], ScalarNode):
                return None
            return previous[0].value, previous[1].value
        previous = (key, value)
    return None


def _child_text(mapping: MappingNode, name: str) -> str:
    for key, value in mapping.value:
        if isinstance(key, ScalarNode) and key.value == name and isinstance(value, ScalarNode):
            return value.value
    return ""


def _misspelt_keys(errors: list, doc: Document, root: type[BaseModel]) -> list[Hit]:
    """One problem for an unknown key that is a near miss of a required key missing from the same mapping: the
    "missing" error is the same typo seen from the other side."""
    missing: dict[tuple, dict[str, int]] = {}
    for index, error in enumerate(errors):
        if error is not None and error["type"] == "missing":
            missing.setdefault(tuple(error["loc"][:-1]), {})[str(error["loc"][-1])] = index
    problems: list[Hit] = []
    if not missing:
        return problems
    for index, error in enumerate(errors):
        if error is None or error["type"] != "extra_forbidden":
            continue
        parent, key = tuple(error["loc"][:-1]), str(error["loc"][-1])
        wanted = missing.get(parent)
        match = closest(key, wanted) if wanted else None
        if match is None or wanted is None:
            continue
        errors[index] = errors[wanted.pop(match)] = None
        problems.append(
            Hit.at(
                INVALID_LABEL,
                f"unknown key '{key}'; did you mean '{match}'?",
                doc.key_span((*parent, key)),
                f"rename '{key}' to '{match}'",
            )
        )
    return problems


# --- one error in words --------------------------------------------------------------------------------------


def _problem(error: ErrorDetails, doc: Document, root: type[BaseModel] = Label) -> Hit:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed(loc[:-1], root)
        hint = did_you_mean(key, allowed)
        if hint:
            return Hit.at(
                INVALID_LABEL,
                f"unknown key '{key}'{_under(loc[:-1])}; {hint}",
                doc.key_span(loc),
                f"rename '{key}' to '{closest(key, allowed)}'",
            )
        if _SPLIT_NUMBER.match(key):
            return Hit.at(
                INVALID_LABEL,
                f"unknown key '{key}'{_under(loc[:-1])}",
                doc.key_span(loc),
                "inside { } a comma ends a value: quote a value that has a thousands comma",
            )
        return Hit.at(
            INVALID_LABEL,
            f"unknown key '{key}'{_under(loc[:-1])}",
            doc.key_span(loc),
            f"the keys allowed here are {', '.join(allowed)}; a key the format does not know would be "
            "silently ignored, so fix its spelling or remove it",
        )
    if kind == "missing":
        parent = loc[:-1]
        where = doc.key_span(parent) if parent else doc.value_span(())
        field = _field(loc, root)
        what = f" ({_sentence(field.description)})" if field is not None and field.description else ""
        return Hit.at(
            INVALID_LABEL, f"missing required key '{loc[-1]}'{_under(parent)}", where, f"add `{loc[-1]}:`{what}"
        )
    if kind in _PYDANTIC:
        message, hint = _PYDANTIC[kind](_Context(loc, error, ctx, doc, root))
        return Hit.at(INVALID_LABEL, message, doc.value_span(loc), hint)
    # Our own errors (models.py, amounts.py) already say what they mean, with the value and a hint.
    hint = ctx.get("hint") if isinstance(ctx.get("hint"), str) else None
    return Hit.at(_CODES.get(kind, INVALID_LABEL), error["msg"], doc.value_span(loc), hint or _fallback_hint(loc, root))


class _Context:
    """What a message about one error needs: where (the key, or the item of a key), the value as written."""

    __slots__ = ("ctx", "doc", "error", "input", "key", "loc", "root", "value", "where")

    def __init__(self, loc: tuple, error: ErrorDetails, ctx: dict, doc: Document, root: type[BaseModel]):
        self.loc, self.error, self.ctx, self.doc, self.root = loc, error, ctx, doc, root
        self.key = next((str(part) for part in reversed(loc) if isinstance(part, str)), "the label")
        self.where = _where(loc)
        self.input = error.get("input")
        self.value = _shown(doc, loc, self.input)


def _where(loc: tuple) -> str:
    """'product', or item 2 of 'warnings', or 'amount' of row 3 of 'facts'."""
    if not loc:
        return "the label"
    parts = []
    for index, part in enumerate(loc):
        if isinstance(part, int):
            owner = next((str(p) for p in reversed(loc[:index]) if isinstance(p, str)), "")
            noun = "row" if owner in ("facts", "blend") else "item"
            parts.append(f"{noun} {part + 1} of '{owner}'" if owner else f"{noun} {part + 1}")
    last = loc[-1]
    if isinstance(last, int):
        return parts[-1]
    return f"'{last}'" + (f" of {parts[-1]}" if parts else "")


def _shown(doc: Document, loc: tuple, value: object = None) -> str:
    """The value at ``loc`` as the file writes it: a scalar's own text in quotes (so `yes` stays "yes", not
    "true"), a mapping or a sequence in words."""
    node = doc.node(loc)
    if isinstance(node, ScalarNode):
        text = node.value
        if not text.strip() and not node.style:
            return "empty"
        return quoted(text) if len(text) <= 60 else quoted(text[:57] + "…")
    if isinstance(node, MappingNode) or isinstance(value, dict):
        keys = (
            [k.value for k, _ in node.value if isinstance(k, ScalarNode)]
            if isinstance(node, MappingNode)
            else list(cast(dict, value))
        )
        shown = ", ".join(str(k) for k in keys[:4]) + (", …" if len(keys) > 4 else "")
        return f"a mapping of keys ({shown})" if keys else "an empty mapping `{}`"
    if node is not None or isinstance(value, (list, tuple)):
        return "a sequence of `- ` items"
    return "empty" if value is None else quoted(value)


def _yaml_type(ctx: _Context) -> str:
    """Why YAML read a value as something other than text, when it did."""
    value = ctx.input
    if isinstance(value, bool):
        return " (YAML reads yes, no, on, off, true and false as a yes/no value)"
    if isinstance(value, (int, float)):
        return " (YAML reads a bare number as a number)"
    return ""


def _text_expected(ctx: _Context) -> tuple[str, str]:
    value, where = ctx.input, ctx.where
    message = f"{where} should be text, not {ctx.value}{_yaml_type(ctx)}"
    if isinstance(value, (bool, int, float)):
        written = f'- "{_raw(ctx)}"' if isinstance(ctx.loc[-1], int) else f'{ctx.key}: "{_raw(ctx)}"'
        return message, f"quote it: {written}"
    if isinstance(value, dict):
        return message, (
            "quote the text: in an unquoted value ': ' makes YAML read a key and a value, e.g. "
            f'{ctx.key}: "Zinc: as zinc gluconate"'
        )
    if isinstance(value, (list, tuple)):
        return message, (
            f"write one text after '{ctx.key}:'; quote a text that starts with [ or - or holds commas inside [ ]"
        )
    return message, f"write the text as printed after '{ctx.key}:'{_or_remove(ctx)}"


def _or_remove(ctx: _Context) -> str:
    field = _field(ctx.loc, ctx.root)
    return "" if isinstance(ctx.loc[-1], int) or field is None or field.is_required() else ", or remove the key"


def _items_expected(ctx: _Context) -> tuple[str, str]:
    rows = ctx.key in ("facts", "blend", "stack")
    what = "rows, one `- ` item each" if rows else "one or more `- ` items"
    message = f"{ctx.where} should be {what}, not {ctx.value}"
    if ctx.input is None:
        hint = f"write the items on indented `- ` lines under '{ctx.key}:', or `{ctx.key}: []` for none"
    elif rows:
        hint = (
            f"write each row on its own `- ` line under '{ctx.key}:', e.g. `- name: Zinc` with `amount: 10 mg` below it"
        )
    else:
        hint = f"write each item on its own `- ` line under '{ctx.key}:', or one text in quotes"
    return message, hint


def _mapping_expected(ctx: _Context) -> tuple[str, str]:
    model = _model_at(ctx.loc, ctx.root)
    keys = [field.alias or name for name, field in model.model_fields.items()] if model else []
    required = (
        [field.alias or name for name, field in model.model_fields.items() if field.is_required()] if model else []
    )
    listed = f" ({', '.join(keys)})" if keys else ""
    message = f"{ctx.where} should be a mapping of keys{listed}, not {ctx.value}"
    first = required[0] if required else (keys[0] if keys else "key")
    example = (
        "`- name: Zinc` and `amount: 10 mg` on the next line, indented"
        if ctx.key in ("facts", "blend")
        else f"`{first}: ...` on an indented line below '{ctx.key}:'"
    )
    return message, f"write its keys one a line: {example}"


def _number_expected(ctx: _Context) -> tuple[str, str]:
    return (f"{ctx.where} should be a number, not {ctx.value}", f"write the number as printed, e.g. {ctx.key}: 60")


def _more_than(ctx: _Context) -> tuple[str, str]:
    bound = ctx.ctx.get("gt", ctx.ctx.get("ge", 0))
    word = "more than" if "gt" in ctx.ctx else "at least"
    bound = int(bound) if isinstance(bound, float) and bound.is_integer() else bound
    return (
        f"{ctx.where} should be a number {word} {quoted(bound)}, not {ctx.value}",
        f"write the number printed on the label{_or_remove(ctx)}",
    )


def _finite(ctx: _Context) -> tuple[str, str]:
    return (
        f"{ctx.where} should be an ordinary number, not {ctx.value}",
        f"write the number printed on the label{_or_remove(ctx)}",
    )


def _empty_text(ctx: _Context) -> tuple[str, str]:
    return (
        f"{ctx.where} is empty; it should be text",
        f"write the text as printed after '{ctx.key}:'{_or_remove(ctx)}",
    )


def _too_few(ctx: _Context) -> tuple[str, str]:
    least = ctx.ctx.get("min_length", 1)
    return (
        f"{ctx.where} should have at least {least} item{'s' if least != 1 else ''}, not {ctx.value}",
        f"write the items on `- ` lines under '{ctx.key}:'",
    )


def _one_of(ctx: _Context) -> tuple[str, str]:
    choices = [c.strip().strip("'") for c in re.split(r",| or ", str(ctx.ctx.get("expected", ""))) if c.strip()]
    value = ctx.input if isinstance(ctx.input, str) else _raw(ctx)
    near = closest(str(value), choices) if value is not None else None
    message = f"{ctx.where} is {ctx.value}, which is not one of the values it can have"
    if near is not None:
        message += f"; did you mean '{near}'?"
    return message, f"write one of: {', '.join(choices)}"


def _boolean(ctx: _Context) -> tuple[str, str]:
    return f"{ctx.where} should be true or false, not {ctx.value}", f"write {ctx.key}: true or {ctx.key}: false"


def _raw(ctx: _Context) -> str:
    node = ctx.doc.node(ctx.loc)
    return node.value if isinstance(node, ScalarNode) else str(ctx.input)


#: pydantic's error types a label or stack file can raise, each said in words.
_PYDANTIC = {
    "string_type": _text_expected,
    "string_sub_type": _text_expected,
    "string_unicode": _text_expected,
    "tuple_type": _items_expected,
    "list_type": _items_expected,
    "iterable_type": _items_expected,
    "model_type": _mapping_expected,
    "model_attributes_type": _mapping_expected,
    "dict_type": _mapping_expected,
    "float_type": _number_expected,
    "float_parsing": _number_expected,
    "int_type": _number_expected,
    "int_parsing": _number_expected,
    "int_from_float": _number_expected,
    "number_type": _number_expected,
    "greater_than": _more_than,
    "greater_than_equal": _more_than,
    "finite_number": _finite,
    "string_too_short": _empty_text,
    "too_short": _too_few,
    "literal_error": _one_of,
    "enum": _one_of,
    "bool_type": _boolean,
    "bool_parsing": _boolean,
}


def _fallback_hint(loc: tuple, root: type[BaseModel]) -> str:
    field = _field(loc, root)
    if field is not None and field.description:
        return _sentence(field.description)
    return "see the label format (docs) for what this key holds"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].lower() + text[1:].rstrip(".") if text else text


def _under(parent: tuple) -> str:
    if not parent:
        return ""
    return f" in {_where(parent)}"


def _allowed(parent: tuple, root: type[BaseModel]) -> list[str]:
    """The keys a mapping at ``parent`` may have, found by following ``parent`` through the models."""
    model = _model_at(parent, root)
    if model is None:
        return ["value", "unit"]  # the only other mapping in the format: an amount
    return [field.alias or name for name, field in model.model_fields.items()]


def _model_at(path: tuple, root: type[BaseModel]) -> type[BaseModel] | None:
    """The model of the mapping at ``path`` (None: not a model, e.g. an amount mapping)."""
    model: type[BaseModel] | None = root
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        field = _named(model, part)
        model = _model_in(field.annotation) if field else None
    return model


def _field(loc: tuple, root: type[BaseModel]) -> FieldInfo | None:
    """The field that ``loc``'s last key names, or None."""
    keys = [i for i, part in enumerate(loc) if isinstance(part, str)]
    if not keys:
        return None
    last = keys[-1]
    model = _model_at(loc[:last], root)
    return _named(model, loc[last]) if model is not None else None


def _named(model: type[BaseModel], key) -> FieldInfo | None:
    return next((f for name, f in model.model_fields.items() if (f.alias or name) == key), None)


def _model_in(annotation) -> type[BaseModel] | None:
    """The model inside an annotation such as ``tuple[Fact, ...] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for arg in get_args(annotation) if (m := _model_in(arg)) is not None), None)
