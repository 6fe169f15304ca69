"""The rule set: the shipped and the user's packs read and checked against their kinds, and the selection of rules
(`select`, `ignore`, per-file ignores) that a run applies. A rule's declaration is kinds/spec.py."""
