"""Output formats: one table of them (formats.py), a module per format, and the pieces they share (the summary line,
a finding's line and fix note, source lines, CI locations and rule links, safe text)."""
