"""Where the shipped rule and reference data live, and the cache that keeps them validated."""
