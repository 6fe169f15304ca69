"""The built-in rules' codes, named. Their names, severities and texts are data (rules/packs/core.yaml,
``kind: builtin``); code says which one it reports through these constants, so a typo is a NameError and not a
finding under a code no rule has."""

from __future__ import annotations

INVALID_YAML = "SUP001"  # the file is not one YAML document (or cannot be read at all)
INVALID_LABEL = "SUP002"  # the document is not a well-formed label (a missing or unknown key)
UNKNOWN_UNIT = "SUP003"
MALFORMED_AMOUNT = "SUP004"
UNSUPPORTED_POPULATION = "SUP005"
INTERNAL_ERROR = "SUP008"  # supplint failed while checking a file
UNUSED_SUPPRESSION = "SUP009"
