"""Where a rule is documented: the links the CI formats and the language server give with each finding."""

from __future__ import annotations

import re

#: The project's repository, as in pyproject.toml ``[project.urls] Documentation`` (a test keeps them in step).
REPOSITORY = "https://github.com/supplint/supplint"
RULES_DOC = f"{REPOSITORY}/blob/main/docs/rules.md"


def heading_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation other than - and _ dropped, spaces as -."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def rule_help_uri(code: str, name: str) -> str:
    return f"{RULES_DOC}#{heading_anchor(f'{code} {name}')}"
