"""Every rule kind, listed by hand: a reader sees here all the kinds the packs may name, and what each checks.

A kind is a module of this package with a ``Spec`` (``kind: Literal[<name>]``), its ``FIELDS`` and ``evaluate``
(see the package docstring). A new kind is its module and one line here; a new rule of an existing kind is data. A
kind that checks the same thing on another target (a page, a stack) is that kind with a ``target``, not a new one.
"""

from __future__ import annotations

#: kind name (a pack's `kind:`) → its module in this package, and what it reads.
KINDS: dict[str, tuple[str, str]] = {
    "pairing": ("pairing", "a trigger nutrient at a daily minimum expects a partner nutrient in given forms"),
    "dose": (
        "dose",
        "a daily amount against the upper limit, a multiple of the Daily Value or a threshold of its own; on a stack, "
        "the products' summed daily amount against the upper limit",
    ),
    "form-unspecified": ("form_unspecified", "a row of a nutrient names none of the forms a reader needs"),
    "required-text": (
        "required_text",
        "under a condition, a text field must match patterns or carry a statement; on a page that recommends "
        "supplements, its prose must match patterns",
    ),
    "declared-dv": ("declared_dv", "a printed %DV against amount ÷ Daily Value (current or pre-2016)"),
    "metric-required": ("metric_required", "a nutrient declared only in units that may not stand alone"),
    "amounts-agree": ("amounts_agree", "the parenthetical second amount against the first, after conversion"),
    "unit-spelling": ("unit_spelling", "a unit spelling that units.yaml flags"),
    "near-miss": ("near_miss", "a row that names no nutrient but is a typo away from one"),
    "claim-language": ("claim_language", "label text or page prose that claims an effect on a disease"),
    "allergen": ("allergen", "an ingredient from an allergen that `allergens:` does not declare"),
    "content-claim": ("content_claim", "a nutrient content claim below the %DV it needs"),
    "affiliate-disclosure": ("affiliate", "affiliate links on a page with no disclosure, or a late or vague one"),
}

#: Kinds merged into another one → what a pack writes instead. A pack that names one is refused (exit 2) with this
#: spelling: the kind names are not public API (spec/rules.md makes codes and names stable, not kinds), and a pack
#: that kept loading under an old name would be rewritten silently, its warning shown only by the run that
#: validates it (later runs read the data cache).
MERGED: dict[str, str] = {
    "page-required-text": "kind: required-text with target: page (the same keys otherwise)",
    "stack-dose": "kind: dose with target: stack and limits: [upper-limit]",
}
