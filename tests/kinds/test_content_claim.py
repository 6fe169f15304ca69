"""The content-claim kind (SUP308 unsupported-nutrient-content-claim) through the public API: which code fires,
and at which line."""

from __future__ import annotations

import pytest

from text_checks import found, q

# --- SUP308 unsupported-nutrient-content-claim ----------------------------------------------------------------

CONTENT = """\
product: Example Supplement
facts:
  - {name: Vitamin C, as: ascorbic acid, amount: 9 mg}
  - {name: Zinc, amount: 5 mg}
  - {name: Calcium, as: calcium carbonate, amount: 130 mg}
"""


@pytest.mark.parametrize(
    ("claim", "count"),
    [
        ("High in vitamin C.", 1),  # 10% < 20%
        ("Rich in vitamin C.", 1),
        ("An excellent source of calcium.", 1),  # 10% < 20%
        ("High in zinc.", 0),  # 45%
        ("Good source of vitamin C.", 0),  # 10% = 10%
        ("Provides calcium.", 0),
        ("High in vitamin K.", 1),  # not on the label
        ("Excellent source of zinc, vitamin C and calcium.", 2),
        ("Rich in antioxidants.", 0),
        ("More restful sleep with magnesium.", 0),
        ("Supports immune health with vitamin C and zinc.", 0),
        ("Not a significant source of vitamin C.", 0),
        ("Provides antioxidant support.", 0),
        ("Contains no artificial colors.", 0),
    ],
)
def test_content_claims(claim, count):
    assert found(CONTENT + f"claims: [{q(claim)}]\n", "SUP308") == [6] * count


def test_content_claim_below_ten_percent():
    text = CONTENT.replace("amount: 9 mg", "amount: 4 mg") + "claims: [Good source of vitamin C.*]\n"
    assert found(text, "SUP308") == [6]
