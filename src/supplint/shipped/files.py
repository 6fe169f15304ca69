"""Reading the shipped rule and reference data (parsed once, and kept by cache.py between runs); where it lives is
location.py."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import ClassVar

import yaml

from . import cache as data_cache
from .location import DataError, rules_dir
from .memo import Memo

__all__ = ["YAML_LOADER", "DataError", "load", "rules_dir"]

_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):  # type: ignore[valid-type, misc]
    """libyaml's C loader where PyYAML was built with it (pure Python is ~10x slower per label), with the
    implicit tag of each plain scalar remembered: libyaml asks Python to resolve every scalar with a chain of
    regular expressions, and label files repeat the same scalars ("mcg", "Vitamin D3"). A quarter of the parse.
    """

    # Shared by every loader: the same scalars recur across files. The shipped data has about 10,000 distinct
    # scalars (vocabularies, tables), read on a run without a data cache; five times that still costs a few MB.
    _tags: ClassVar[Memo[tuple, str]] = Memo(50_000)

    def resolve(self, kind, value, implicit):
        if kind is not _SCALAR:  # no path resolver is ever registered: a collection's tag is its kind's default
            return _COLLECTION_TAGS[kind]
        key = (value, implicit)
        tag = self._tags.get(key)
        if tag is None:
            tag = self._tags.keep(key, super().resolve(kind, value, implicit))
        return tag

    # Path resolvers are never registered on a safe loader, so the composer's per-node bookkeeping calls do nothing.
    # libyaml makes them for every node (two per scalar); a built-in that accepts the arguments and does nothing
    # costs a fraction of a Python method call.
    descend_resolver = staticmethod(slice)  # descend_resolver(node, index): a discarded slice object
    ascend_resolver = staticmethod(tuple)  # ascend_resolver(): a discarded empty tuple


_SCALAR = yaml.ScalarNode
_COLLECTION_TAGS = {
    yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}


YAML_LOADER = _Loader


@cache
def load(relative: str):
    """One YAML data file under ``rules/``, parsed (once per process, and from the data cache when it matches)."""
    parsed = _parsed()
    if relative in parsed:
        return parsed[relative]
    return _parse(rules_dir() / relative)


def _parse(path: Path):
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read rule data {path}: {exc}") from None


@cache
def _parsed() -> dict:
    """Every shipped YAML file as plain data: parsing them costs a one-label run more than checking the label."""
    return data_cache.cached("data", dict, _parse_all)


def _parse_all() -> dict:
    root = rules_dir()
    parsed = {}
    for path in sorted(root.rglob("*.yaml")):
        try:
            parsed[path.relative_to(root).as_posix()] = _parse(path)
        except DataError:
            continue  # reported when a rule or table asks for the file
    return parsed
