"""Reading a DSLD record's JSON: the label record inside its wrappings, and the line and column of every value."""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ...shipped.files import YAML_LOADER
from .. import ImportFailed

NOT_A_RECORD = "not an NIH DSLD v9 label record"


def unwrap(data: object) -> tuple[dict, tuple]:
    """The label record inside ``data`` and its JSON path."""
    path: tuple = ()
    for _ in range(6):  # [ {"_source": {...}} ], {"hits": [ ... ]}, {"hits": {"hits": [ ... ]}}
        if isinstance(data, list):
            if len(data) != 1:
                raise ImportFailed(f"{NOT_A_RECORD}: a list of {len(data)} items; give one label record")
            data, path = data[0], (*path, 0)
        elif isinstance(data, dict) and "_source" in data and not _looks_like_label(data):
            data, path = data["_source"], (*path, "_source")
        elif isinstance(data, dict) and "hits" in data and not _looks_like_label(data):
            data, path = data["hits"], (*path, "hits")
            if isinstance(data, dict) and "hits" in data:
                data, path = data["hits"], (*path, "hits")
            if isinstance(data, list) and len(data) != 1:
                raise ImportFailed(f"{NOT_A_RECORD}: a search response with {len(data)} hits; give one label record")
        else:
            break
    if not isinstance(data, dict):
        kinds: dict[type, str] = {list: "a list", str: "a string"}
        kind = kinds.get(type(data), "a single value")
        raise ImportFailed(f"{NOT_A_RECORD}: the JSON is {kind}, not an object")
    if not _looks_like_label(data):
        raise ImportFailed(f"{NOT_A_RECORD}: the object has neither `fullName` nor `ingredientRows`")
    return data, path


def _looks_like_label(data: dict) -> bool:
    return "fullName" in data or "ingredientRows" in data


def positions(text: str, data: object) -> dict[tuple, tuple[int, int]] | None:
    """JSON path → 1-based (line, column) of its value, or None when YAML cannot compose the text."""
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
    except (yaml.YAMLError, RecursionError):
        return None
    found: dict[tuple, tuple[int, int]] = {}
    stack: list[tuple[Node | None, object, tuple]] = [(root, data, ())]
    while stack:
        node, value, path = stack.pop()
        if node is None:
            continue
        found[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode) and isinstance(value, dict):
            # the last spelling of a key wins, as it does in json.loads
            children = {key.value: child for key, child in node.value if isinstance(key, ScalarNode)}
            stack.extend((child, value[key], (*path, key)) for key, child in children.items() if key in value)
        elif isinstance(node, SequenceNode) and isinstance(value, list) and len(node.value) == len(value):
            stack.extend(
                (child, item, (*path, index))
                for index, (child, item) in enumerate(zip(node.value, value, strict=False))
            )
    return found
