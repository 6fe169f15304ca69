"""Changes to users' files: fixes as text edits, atomic writes, and `--add-noqa`."""
