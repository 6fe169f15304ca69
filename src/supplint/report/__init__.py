"""Output formats and what they print, from plain text to SARIF and HTML."""
