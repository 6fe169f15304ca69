"""`check --show-files` and `check --show-settings PATH`: what a run would check, and what applies to one file.

Both answer from the same resolver and walk a run uses, so what they print is what `check` does.
"""

from __future__ import annotations

import json

from .settings import Resolver


def files(run, targets: list[str]) -> list[str]:
    """The files `check` would report on, in its order (walked YAML that is not a label left out)."""
    from ..files import read_bytes
    from ..filetypes import looks_like_label

    out = []
    for path, sniff in run.streamed(targets):
        if sniff:
            try:
                if not looks_like_label(read_bytes(path)):
                    continue
            except OSError:
                pass  # listed: check reports it as unreadable (SUP001)
        out.append(path)
    return out


def settings(resolver: Resolver, path: str) -> str:
    """What applies to ``path``, as `key = value` lines (TOML values, so they can be pasted into a config)."""
    found = resolver.for_path(path)
    linter = found.linter_for(path)
    config = found.config
    rules = found.rules
    per_file = sorted(set(found.codes) - set(linter.codes))
    lines = [
        f"# settings for {path}",
        f"config-file = {_toml(str(config.path) if config.path else 'none (built-in defaults)')}",
    ]
    if config.extends:
        lines.append(f"extends = {_toml([str(p) for p in config.extends])}")
    lines += [
        f"excluded = {_toml(found.excluded(path))}",
        f"population = {_toml(linter.population.id)}",
        f"fail-on = {_toml(found.fail_on)}",
        f"respect-gitignore = {_toml(found.respect_gitignore)}",
        f"include = {_toml(config.values.include)}" if config.values.include is not None else "# include: everything",
        f"exclude = {_toml(config.values.exclude)}",
        f"selected = {_toml(sorted(linter.codes))}",
        f"ignored-here = {_toml(per_file)}  # by per-file-ignores",
    ]
    if found.severity:
        levels = ", ".join(f"{code} = {_toml(level)}" for code, level in sorted(found.severity.items()))
        lines.append(f"severity = {{ {levels} }}")
    for code, options in sorted(found.options.items()):
        shown = {key: (value if isinstance(value, (int, float, str)) else str(value)) for key, value in options.items()}
        lines.append(f"[rules.{rules.rules[code].name}]  # {code}")
        lines += [f"{key} = {_toml(value)}" for key, value in shown.items()]
    return "\n".join(lines) + "\n"


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return '"none"'
    return json.dumps(value, ensure_ascii=False)
