"""supplint's version: the one place it is written (pyproject.toml reads it from here). A module of its own at the
bottom of the layers, so that a report or a cache key can name the version without importing the package's API."""

__version__ = "0.1.0"
