"""YAML text → plain Python data plus the position of every key and value.

The C parser composes a node tree that carries marks; walking it ourselves is cheaper than PyYAML's Python
constructor and lets us keep, for each path (the same tuple shape as pydantic's ``loc``), where its key and value
stand. Aliases are expanded under a node budget so that a "billion laughs" document is a finding, not a hang.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .data import YAML_LOADER
from .findings import Span

_scalars = SafeConstructor()
_CONSTRUCT = {
    "tag:yaml.org,2002:int": _scalars.construct_yaml_int,
    "tag:yaml.org,2002:float": _scalars.construct_yaml_float,
    "tag:yaml.org,2002:bool": _scalars.construct_yaml_bool,
    "tag:yaml.org,2002:null": _scalars.construct_yaml_null,
}

#: Far above any real label (a 60-row label has ~400 nodes) and far below what hurts.
MAX_NODES = 50_000
MAX_DEPTH = 64

Path = tuple


@dataclass(slots=True)
class Problem:
    """A document-level problem found while loading: SUP001 (syntax) or SUP002 (structure)."""

    code: str
    message: str
    span: Span
    hint: str | None = None


@dataclass(slots=True)
class Document:
    """The data, and the YAML node of every value and key by path (spans are made only when a finding needs one)."""

    data: object
    values: dict[Path, Node] = field(default_factory=dict)
    keys: dict[Path, Node] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def value_span(self, path: Path) -> Span:
        """The span of the deepest existing node on ``path``."""
        values = self.values
        while path not in values and path:
            path = path[:-1]
        node = values.get(path)
        return _span(node) if node is not None else Span(1, 1, 1, 1)

    def key_span(self, path: Path) -> Span:
        """The span of the key that names ``path`` (or of the item, for list items)."""
        node = self.keys.get(path)
        return _span(node) if node is not None else self.value_span(path)


class LoadError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def _span(node: Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def load(text: str) -> Document:
    """Compose and construct ``text``. Raises LoadError (SUP001) for text that is not one YAML document."""
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or "not well-formed YAML"
        if exc.context:
            message = f"{message} ({exc.context})"
        raise LoadError(Problem("SUP001", message, Span(line, column, line, column))) from None
    except yaml.YAMLError as exc:  # ReaderError: characters YAML does not allow
        line = text.count("\n", 0, getattr(exc, "position", 0)) + 1
        raise LoadError(Problem("SUP001", str(exc).splitlines()[0], Span(line, 1, line, 1))) from None
    doc = Document(None)
    if root is None:
        return doc
    builder = _Builder(doc)
    doc.data = builder.build(root, (), 0)
    return doc


class _Builder:
    __slots__ = ("doc", "budget", "active")

    def __init__(self, doc: Document):
        self.doc = doc
        self.budget = MAX_NODES
        self.active: set[int] = set()

    def build(self, node: Node, path: Path, depth: int):
        self.budget -= 1
        if self.budget < 0:
            # An aliased node's marks point at its anchor; the top-level key being expanded tells the reader more.
            where = self.doc.keys.get(path[:1], node)
            raise LoadError(Problem(
                "SUP001", f"the document expands to more than {MAX_NODES:,} nodes (through aliases?)", _span(where),
                "a label is a few hundred nodes; remove the anchors and aliases",
            ))
        self.doc.values[path] = node
        if isinstance(node, ScalarNode):
            construct = _CONSTRUCT.get(node.tag)
            if construct is None:  # str, and tags a label never needs (timestamps, binary, custom): keep the text
                return node.value
            try:
                return construct(node)
            except (ConstructorError, ValueError):
                return node.value
        if depth >= MAX_DEPTH:
            raise LoadError(Problem("SUP001", f"the document nests deeper than {MAX_DEPTH} levels", _span(node)))
        ident = id(node)
        if ident in self.active:
            raise LoadError(Problem("SUP001", "an alias refers to a node that contains it (a recursive document)", _span(node)))
        self.active.add(ident)
        try:
            if isinstance(node, SequenceNode):
                return [self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
            return self._mapping(node, path, depth)
        finally:
            self.active.discard(ident)

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict:
        result: dict = {}
        keys = self.doc.keys
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.doc.problems.append(Problem("SUP002", "a key must be a plain name, not a list or mapping", _span(key_node)))
                continue
            key = key_node.value  # `1: x` or `yes: x` is still the key as written
            key_path = (*path, key)
            if key in result:
                first = keys[key_path].start_mark.line + 1
                self.doc.problems.append(Problem(
                    "SUP002", f"duplicate key '{key}' (first on line {first}); the later value would win", _span(key_node),
                    "remove one of the two",
                ))
            else:
                keys[key_path] = key_node
            result[key] = self.build(value_node, key_path, depth + 1)
        return result
