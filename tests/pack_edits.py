"""A copy of the shipped rules with one key of one rule rewritten, checked by the CLI as a team's rules directory
would be (SUPPLINT_RULES_DIR): what a mistake in a pack does to a run."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from conftest import run_cli
from supplint.shipped import files as data


def check_with_rule_changed(tmp_path: Path, pack: str, code: str, key: str, value: str) -> subprocess.CompletedProcess:
    """``supplint check`` on one example label, with ``key`` of rule ``code`` in ``packs/pack`` set to ``value``
    (added when the rule has no such key), and a data cache of its own, so the packs are validated again."""
    rules = tmp_path / "rules"
    shutil.copytree(data.rules_dir(), rules)
    path = rules / "packs" / pack
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- code: {code}\n")
    end = text.find("\n- code: ", start + 1)
    end = len(text) if end < 0 else end + 1
    entry = text[start:end]
    line = f"  {key}: {json.dumps(value)}"
    found = re.search(rf"^  {re.escape(key)}: .*$", entry, re.M)
    entry = entry[: found.start()] + line + entry[found.end() :] if found else entry.rstrip("\n") + f"\n{line}\n"
    path.write_text(text[:start] + entry + text[end:], encoding="utf-8")
    return run_cli(
        "check",
        "examples/d3-k2-softgel.yaml",
        env={"SUPPLINT_RULES_DIR": str(rules), "SUPPLINT_CACHE_DIR": str(tmp_path / "cache")},
    )
