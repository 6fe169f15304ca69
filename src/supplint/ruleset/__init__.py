"""The rule packs: their declarations and the registry that selects rules."""
