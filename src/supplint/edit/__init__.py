"""Changes to users' files: fixes as text edits, and writing a file atomically."""
