"""One label file: YAML with positions, the pydantic model, validation, rows resolved to nutrients."""
