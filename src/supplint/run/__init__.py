"""One `supplint check` command: the files it walks, the settings each gets, the one-file checker (checker.py), the
workers (parallel.py) and the session over them (session.py)."""
