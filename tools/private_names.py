"""Fail when a module of the package uses another module's private name (run by .ci/run).

ruff's PLC2701 sees only imports from another top-level package (a test importing ``supplint.kinds._claims``): it
passes ``from .affiliate import _vocabulary`` and ``linter._finding(...)`` inside the package, which are the ones
that matter here. This reads every module's syntax tree and reports, by file and line:

- ``from module import _name``, relative or absolute, from another module of the package;
- an import of a private module (``kinds/_text.py``) from outside the package that holds it: a private module is
  its package's own helper, shared by that package's modules only;
- ``something._name`` where ``something`` is not ``self``, ``cls`` or ``super()`` and this module does not define
  ``_name`` itself (a function, class, attribute or variable of that name).

A use that must stay (a private attribute of a third-party object) is kept with ``# private: <why>`` on its line.
Usage: ``python tools/private_names.py [package directory]``; exit 1 when something is reported, else 0.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

MARKER = "# private:"


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_name(path: Path, root: Path) -> tuple[str, str]:
    """(the module's dotted name, the package its relative imports start from)."""
    parts = path.relative_to(root.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        name = ".".join(parts[:-1])
        return name, name
    name = ".".join(parts)
    return name, name.rpartition(".")[0]


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    base = package.split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _defined(tree: ast.AST) -> set[str]:
    """Every name this module binds: functions, classes, assigned variables and attributes, parameters."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
    return names


def _own_object(value: ast.expr) -> bool:
    if isinstance(value, ast.Name):
        return value.id in ("self", "cls")
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "super"


def problems(path: Path, root: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, str(path))
    module, package = _module_name(path, root)
    defined = _defined(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            target = _absolute(node, package)
            found += [
                (node.lineno, f"imports the private name {alias.name} from {target}")
                for alias in node.names
                if _private(alias.name)
            ]
            segments = target.split(".")
            for index, segment in enumerate(segments):
                owner = ".".join(segments[:index])
                if _private(segment) and not f"{module}.".startswith(f"{owner}."):
                    found.append((node.lineno, f"imports from {target}, a module private to {owner}"))
        elif (
            isinstance(node, ast.Attribute)
            and _private(node.attr)
            and node.attr not in defined
            and not _own_object(node.value)
        ):
            found.append((node.lineno, f"uses {ast.unparse(node)}, a private name of another module"))
    shown = path.relative_to(root.parent.parent) if root.parent.parent in path.parents else path
    return [f"{shown}:{line}: {message}" for line, message in sorted(set(found)) if MARKER not in lines[line - 1]]


def main(argv: list[str]) -> int:
    root = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parent.parent / "src" / "supplint").resolve()
    if not (root / "__init__.py").is_file():
        print(f"private_names: {root} is not a package directory", file=sys.stderr)
        return 2
    reported = [problem for path in sorted(root.rglob("*.py")) for problem in problems(path, root)]
    for problem in reported:
        print(problem)
    if reported:
        print(
            f"private_names: {len(reported)} use(s) of another module's private name; make the name public where "
            "it is part of the module's interface, or move the code to where it is used",
            file=sys.stderr,
        )
    return 1 if reported else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
