"""Amounts, units and number wording: the grammar of an amount and pint conversions."""
