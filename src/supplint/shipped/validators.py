"""pydantic validators built from a core schema kept by the data cache (cache.py), instead of generated every run.

Generating a model's core schema is pydantic's Python side, and it costs a one-label run more than checking the
label; building a validator from a finished schema is pydantic-core's, a fraction of a millisecond. A model declared
with ``defer_build=True`` and given to ``defer`` is validated on first use by a validator of its cached schema; when
the cache is off, stale or unreadable, pydantic builds the model as it always does, and the schema is kept for the
next run. Both are validators of the same schema, so what is accepted and every error are the same.

The validator of a cached schema is made by pydantic-core directly, so pydantic plugins do not see the validation of
supplint's own models from it (the command line turns them off in any case); nothing changes for a user's models.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import cache

if TYPE_CHECKING:
    from pydantic import BaseModel, TypeAdapter


def defer(model: type[BaseModel], name: str) -> None:
    """Validate ``model`` (declared with ``defer_build=True``) with its cached schema, found or built on first use;
    ``name`` names the cache file."""
    model.__pydantic_validator__ = _Deferred(model, name)  # type: ignore[assignment]


def validator(name: str, build: Callable[[], TypeAdapter]) -> Any:
    """What validates like ``build()``'s adapter (its ``validate_python``): a validator of the schema kept under
    ``name``, or on a miss the adapter's own validator, its schema kept for the next run."""
    found = _from_schema(cache.lookup(f"{name}-schema", tuple))
    if found is not None:
        return found
    adapter = build()
    cache.store(f"{name}-schema", (_for_validation(adapter.core_schema), _config(adapter.core_schema)))
    return adapter.validator


class _Deferred:
    """Stands in for a model's validator until first used, then puts the real one in its place."""

    def __init__(self, model: type[BaseModel], name: str):
        self._model, self._name = model, name

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("_"):  # copy and pickle probe for hooks
            raise AttributeError(attribute)
        return getattr(self._load(), attribute)

    def _load(self):
        model = self._model
        validator = _from_schema(cache.lookup(f"{self._name}-schema", tuple))
        if validator is None:
            model.model_rebuild(force=True)  # pydantic's own build, which installs its validator
            schema = model.__pydantic_core_schema__
            cache.store(f"{self._name}-schema", (_for_validation(schema), _config(schema)))
            return model.__pydantic_validator__
        model.__pydantic_validator__ = validator
        return validator


def _from_schema(found: tuple | None):
    if found is None or len(found) != 2:
        return None
    from pydantic_core import SchemaValidator

    schema, config = found
    try:
        return SchemaValidator(schema, config)
    except Exception:  # noqa: BLE001 - a cached schema this pydantic-core refuses is a miss, whatever it raises
        return None


def _config(schema: Any) -> Any:
    """The model's core config, which pydantic also hands the validator it builds (its title, for one)."""
    while isinstance(schema, dict) and "config" not in schema and "schema" in schema:
        schema = schema["schema"]  # a definitions wrapper, or a validator function around the model
    return schema.get("config") if isinstance(schema, dict) else None


_NOT_VALIDATION = ("metadata", "serialization")


def _for_validation(value: Any) -> Any:
    """The schema without what validating does not read, and what need not pickle (functions local to pydantic):
    its ``metadata`` (hints for pydantic's JSON Schema generator) and ``serialization`` (for dumping a model)."""
    if isinstance(value, dict):
        is_schema = isinstance(value.get("type"), str)
        return {k: _for_validation(v) for k, v in value.items() if not (is_schema and k in _NOT_VALIDATION)}
    if isinstance(value, list):
        return [_for_validation(item) for item in value]
    return value
