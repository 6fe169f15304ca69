"""Where the shipped rule and reference data live: in a wheel the repository's ``rules/`` directory is packaged as
``supplint/rules``; in a source checkout (editable install, tests) it is read from the repository root. Below both
the reader (files.py) and the cache (cache.py), which keys on these files."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGED = Path(__file__).resolve().parents[1] / "rules"
_CHECKOUT = Path(__file__).resolve().parents[3] / "rules"


class DataError(Exception):
    """A shipped or user-supplied data file is missing or malformed (exit 2, never a traceback)."""


@cache
def rules_dir() -> Path:
    for candidate in (_PACKAGED, _CHECKOUT):
        if (candidate / "data" / "nutrients.yaml").is_file():
            return candidate
    raise DataError(f"supplint's rule data is missing (looked in {_PACKAGED} and {_CHECKOUT}); reinstall supplint")
