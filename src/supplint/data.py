"""Where the shipped rule and reference data live, and reading it.

In a wheel the repository's ``rules/`` directory is packaged as ``supplint/rules``; in a source checkout
(editable install, tests) it is read from the repository root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

_PACKAGED = Path(__file__).resolve().parent / "rules"
_CHECKOUT = Path(__file__).resolve().parents[2] / "rules"

#: libyaml's C loader where PyYAML was built with it (pure Python is ~10x slower per label).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    """A shipped or user-supplied data file is missing or malformed (exit 2, never a traceback)."""


@cache
def rules_dir() -> Path:
    for candidate in (_PACKAGED, _CHECKOUT):
        if (candidate / "data" / "nutrients.yaml").is_file():
            return candidate
    raise DataError(f"supplint's rule data is missing (looked in {_PACKAGED} and {_CHECKOUT}); reinstall supplint")


@cache
def load(relative: str):
    """Parse one YAML data file under ``rules/`` (cached: data files are read once per process)."""
    path = rules_dir() / relative
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read rule data {path}: {exc}") from None
