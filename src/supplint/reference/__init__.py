"""The reference tables under rules/data (nutrients, limits, aliases, forms, presets) as typed views."""
