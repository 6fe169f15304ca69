"""Where the shipped rule and reference data live: in a wheel the repository's ``rules/`` directory is packaged as
``supplint/rules``; in a source checkout (editable install, tests) it is read from the repository root. Below both
the reader (files.py) and the cache (cache.py), which keys on these files."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from ..errors import SupplintError

_PACKAGED = Path(__file__).resolve().parents[1] / "rules"
_CHECKOUT = Path(__file__).resolve().parents[3] / "rules"


class DataError(SupplintError):
    """A shipped or user-supplied data file is missing or malformed (exit 2, never a traceback)."""


@cache
def rules_dir() -> Path:
    chosen = os.environ.get("SUPPLINT_RULES_DIR")  # another copy of rules/ (a team's packs, or a test's)
    if chosen:
        if not (Path(chosen) / "data" / "nutrients.yaml").is_file():
            raise DataError(f"SUPPLINT_RULES_DIR={chosen} has no data/nutrients.yaml: it must be a copy of rules/")
        return Path(chosen).resolve()
    for candidate in (_PACKAGED, _CHECKOUT):
        if (candidate / "data" / "nutrients.yaml").is_file():
            return candidate
    raise DataError(f"supplint's rule data is missing (looked in {_PACKAGED} and {_CHECKOUT}); reinstall supplint")
