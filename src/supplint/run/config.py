"""Configuration files: `[tool.supplint]` in pyproject.toml, `supplint.toml`, `.supplint.toml`.

The closest file to a checked path wins. A file may say `extend = "../supplint.toml"`: the other file's settings
apply first and this file's keys override them, key by key (ruff's `extend`); globs keep the folder of the file
that wrote them. Keys are validated with pydantic; an unknown key, rule, option or value is a ConfigError (exit 2)
naming the file and the key, with a "did you mean" hint where one is close.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import SupplintError
from ..files import os_reason, read_bytes
from ..findings import Severity
from ..suggest import did_you_mean

#: A config file is a few dozen lines; anything this large is not one.
MAX_CONFIG_BYTES = 256 * 1024

#: Looked for in each directory, in this order (as ruff: the dotted file first, pyproject last).
FILENAMES = (".supplint.toml", "supplint.toml", "pyproject.toml")


class ConfigError(SupplintError, ValueError):
    """A config file that cannot be used (exit 2)."""


@dataclass(frozen=True)
class Values:
    """The keys of cli.md's configuration contract, with their defaults (what applies with no config file)."""

    population: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: Severity | None = None
    include: list[str] | None = None
    exclude: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    respect_gitignore: bool = True
    extend: str | None = None


KEYS = [name.replace("_", "-") for name in Values.__dataclass_fields__]


@cache
def _validator():
    """The pydantic validator of a config table, built only when there is a file to read (from the schema in the
    data cache, when it is there)."""
    from ..shipped.validators import validator

    return validator("config", _adapter)


def _adapter():
    from pydantic import ConfigDict, TypeAdapter, with_config

    model = with_config(ConfigDict(extra="forbid", alias_generator=lambda name: name.replace("_", "-")))(Values)
    return TypeAdapter(model)


@dataclass(frozen=True)
class Config:
    """One configuration file, validated: where it is (relative globs start there) and what it says."""

    path: Path | None
    root: Path
    values: Values = field(default_factory=Values)
    #: Keys inherited through `extend` whose globs start at another folder: key → that file's folder.
    roots: dict[str, Path] = field(default_factory=dict)
    extends: tuple[Path, ...] = ()  # the files this one extends, nearest first

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "built-in defaults"

    def root_of(self, key: str) -> Path:
        """The folder the globs of ``key`` (include, exclude, per-file-ignores) are relative to."""
        return self.roots.get(key, self.root)


#: Keys whose values are globs, relative to the folder of the file that set them.
GLOB_KEYS = ("include", "exclude", "per-file-ignores")
#: How many files one `extend` chain may hold: a loop is an error long before this.
MAX_EXTENDS = 16


def read(path: str | os.PathLike[str]) -> Config:
    """Read one config file (and the files it extends). A pyproject.toml must have a [tool.supplint] table."""
    path = Path(path)
    table, roots, chain = _table(path), {}, [path.resolve()]
    extended = table.pop("extend", None)
    while extended is not None:
        if not isinstance(extended, str):
            raise ConfigError(f"{chain[-1]}: extend: expected the path of another config file, got {extended!r}")
        base = (chain[-1].parent / extended).resolve()
        if base in chain or len(chain) > MAX_EXTENDS:
            raise ConfigError(f"{chain[-1]}: extend: '{extended}' leads back to {base.name} (a loop)")
        inherited = _table(base, extended_by=chain[-1])
        extended = inherited.pop("extend", None)
        _validate(inherited, base)  # a mistake in the base is blamed on the base
        for key, value in inherited.items():
            if key not in table:
                table[key] = value
                if key in GLOB_KEYS:
                    roots[key] = base.parent
        chain.append(base)
    return Config(path, path.resolve().parent, _validate(table, path), roots, tuple(chain[1:]))


def _table(path: Path, extended_by: Path | None = None) -> dict:
    """The supplint table of one file, not yet validated."""
    where = f"{extended_by}: extend: " if extended_by else ""
    try:
        document = tomllib.loads(read_bytes(str(path), limit=MAX_CONFIG_BYTES).decode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{where}config file {path} {os_reason(exc)}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{where}config file {path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("supplint")
        if table is None:
            raise ConfigError(f"{where}{path} has no [tool.supplint] table")
    else:
        table = document
    if not isinstance(table, dict):
        raise ConfigError(f"{where}{path}: the supplint settings must be a table")
    return dict(table)


def validate_table(table: dict, where: str) -> Values:
    """The `[tool.supplint]` keys given as a mapping (the library's `config=`), validated as a file's are."""
    extend = table.get("extend")
    if extend is not None:
        raise ConfigError(f"{where}: extend needs a config file; pass the file's path instead of a mapping")
    return _validate(table, Path(where))


def _validate(table: dict, path: Path) -> Values:
    from pydantic import ValidationError

    try:
        return _validator().validate_python(table)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = [str(part) for part in error["loc"]]
        where = ".".join(loc)
        if error["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            hint = did_you_mean(loc[-1], KEYS) if len(loc) == 1 else None
            raise ConfigError(
                f"{path}: unknown key '{where}'" + (f"; {hint}" if hint else f" (keys: {', '.join(KEYS)})")
            ) from None
        raise ConfigError(f"{path}: {where}: {error['msg']}") from None


def find(start: Path) -> Path | None:
    """The closest config file at or above ``start`` (a directory), or None."""
    for directory in (start, *start.parents):
        for name in FILENAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        raw = pyproject.read_bytes()
    except OSError:
        return False
    try:
        return "supplint" in tomllib.loads(raw.decode("utf-8", "replace")).get("tool", {})
    except tomllib.TOMLDecodeError as exc:
        if b"tool.supplint" in raw:  # ours, and broken: say so rather than silently use no config
            raise ConfigError(f"{pyproject}: not valid TOML: {exc}") from None
        return False  # someone else's broken file
