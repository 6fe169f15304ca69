"""The label text rules' examples (SUP302-SUP308): each file gets its one finding at its line. The rules' own tests
live in tests/kinds/ (test_required_text.py, test_claim_language.py, test_allergen.py, test_content_claim.py)."""

from __future__ import annotations

import pytest

import supplint

# --- the examples -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("iron-tablet-no-warning.yaml", [("SUP304", 16)]),
        ("iron-tablet-with-warning.yaml", []),
        ("turmeric-claims-no-disclaimer.yaml", [("SUP302", 21)]),
        ("joint-formula-disease-claim.yaml", [("SUP303", 25)]),
        ("k2-mk7-capsule.yaml", [("SUP305", 11)]),
        ("magnesium-citrate-no-identity.yaml", [("SUP306", 2)]),
        ("omega-3-fish-oil-softgel.yaml", [("SUP307", 20)]),
        ("elderberry-zinc-lozenge-high-in.yaml", [("SUP308", 27)]),
    ],
)
def test_text_rule_examples(name, expected):
    from conftest import EXAMPLES

    assert sorted((f.code, f.line) for f in supplint.check_file(EXAMPLES / name)) == expected
