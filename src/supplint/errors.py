"""The one base of the errors a user can fix (a bad option, configuration, rule selection, data file or input):
the command line catches it and exits 2 with its message; nothing else is caught as "the user's fault"."""

from __future__ import annotations


class SupplintError(Exception):
    """A problem the user can fix, said in one plain line (str(exc)). Subclasses name where it came from."""
