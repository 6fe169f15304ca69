"""Kind `pairing`: a trigger nutrient at or above a daily minimum expects a partner nutrient in given forms.

`fires-when` picks the failure: the partner is `absent` altogether, present only in `other-forms-only`, or
present in the wanted forms but `below` its own minimum.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, model_validator

from ..label.resolve import Resolved
from ..quantity import wording as formatting
from . import Hit, daily_text, render
from .spec import PackModel, RuleBase


class Trigger(PackModel):
    nutrient: str
    minimum: str | None = None  # the name of a quantity option
    forms: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()  # the other forms the nutrient comes in (K1, K3 beside K2)


#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset(
    {"trigger", "partner", "trigger_daily", "trigger_alt", "trigger_dv", "minimum", "partner_daily", "partner_minimum"}
)


class Spec(RuleBase):
    kind: Literal["pairing"]
    trigger: Trigger
    partner: Trigger
    fires_when: Literal["absent", "other-forms-only", "below"] = Field(alias="fires-when")
    at: Literal["trigger", "partner"] = "trigger"

    @model_validator(mode="after")
    def _options_exist(self) -> Spec:
        for side in (self.trigger, self.partner):
            option = self.options.get(side.minimum) if side.minimum is not None else None
            if side.minimum is not None and (option is None or option.type != "quantity"):
                raise ValueError(f"minimum '{side.minimum}' is not one of the rule's quantity options")
        if self.trigger.alternatives:
            raise ValueError("trigger.alternatives means nothing: alternatives describe the partner's other forms")
        if self.fires_when == "below" and self.partner.minimum is None:
            raise ValueError("fires-when: below needs partner.minimum")
        if self.fires_when == "absent" and self.at == "partner":
            raise ValueError("fires-when: absent has no partner row to point at; use at: trigger")
        return self


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    reference = resolved.reference
    trigger = reference.nutrients[rule.trigger.nutrient]
    # "<25 mcg" is at most 25 mcg: a ceiling never shows the trigger's minimum is reached (a partner's ceiling
    # below its minimum does show it is below, so the partner keeps its bounded rows).
    trigger_rows = [row for row in resolved.rows_of(trigger.id) if row.per_serving is not None and not row.at_most]
    if rule.trigger.forms:
        trigger_rows = [row for row in trigger_rows if row.forms & frozenset(rule.trigger.forms)]
    if not trigger_rows:
        return
    trigger_daily = sum(row.per_serving for row in trigger_rows if row.per_serving is not None) * resolved.per_day
    trigger_min = _minimum(rule.trigger.minimum, trigger, options, reference)
    if trigger_min is not None and trigger_daily < trigger_min:
        return

    partner = reference.nutrients[rule.partner.nutrient]
    partner_rows = resolved.rows_of(partner.id)
    wanted, others = frozenset(rule.partner.forms), frozenset(rule.partner.alternatives)
    with_form = [row for row in partner_rows if row.forms & wanted]
    unstated = [row for row in partner_rows if not row.forms & (wanted | others)]

    fields = {"trigger": trigger.name, "partner": partner.name}
    if rule.fires_when == "absent":
        fires = not partner_rows
    elif rule.fires_when == "other-forms-only":
        fires = bool(partner_rows) and not with_form and not unstated
    else:
        # A row that mixes the wanted form with another (K1 + K2 in one amount) hides the split: do not guess.
        if not with_form or any(row.forms & others for row in with_form):
            return
        known = [row for row in with_form if row.per_serving is not None]
        partner_min = _minimum(rule.partner.minimum, partner, options, reference)
        if not known or partner_min is None:
            return
        partner_daily = sum(row.per_serving for row in known if row.per_serving is not None) * resolved.per_day
        fires = partner_daily < partner_min
        if fires:
            fields["partner_daily"] = formatting.amount(partner_daily, partner.measure)
            fields["partner_minimum"] = formatting.amount(partner_min, partner.measure)
    if not fires:
        return
    # Only a firing rule pays for its message.
    fields["trigger_daily"], fields["trigger_alt"] = daily_text(
        trigger_rows, resolved.per_day, trigger_daily, trigger.measure, reference=reference
    )
    fields["trigger_dv"] = formatting.percent(trigger_daily / trigger.dv) if trigger.dv else "n/a"
    fields["minimum"] = formatting.amount(trigger_min, trigger.measure) if trigger_min is not None else ""
    if rule.at == "trigger":
        path = trigger_rows[0].amount_path
    else:
        first = (with_form or partner_rows)[0]
        path = first.amount_path if rule.fires_when == "below" else first.path
    yield Hit(path, render(rule.message, fields), render(rule.hint, fields))


def _minimum(option: str | None, nutrient, options: dict, reference) -> float | None:
    if option is None:
        return None
    return reference.amount_in(options[option], nutrient, frozenset(), nutrient.measure, "label")
