"""One `supplint check` session: finding files, settings per file, workers, the run over them."""
