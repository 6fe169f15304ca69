"""What the loading, pairing and dose tests share: short labels checked against the core rules only, as (code, line)."""

from __future__ import annotations

import supplint

VALID_HEAD = "product: Test\nfacts:\n"


# The rules these tests are about: loading and the core semantics. Label-text and amount-format rules have their
# own tests (tests/kinds/) and would only add noise to the short labels here.
CORE = ["SUP0", "SUP1", "SUP201", "SUP202", "SUP203", "SUP301"]


def codes_and_lines(text: str, **kw) -> list[tuple[str, int]]:
    kw.setdefault("select", CORE)
    return [(f.code, f.line) for f in supplint.check_text(text, "t.yaml", **kw)]
