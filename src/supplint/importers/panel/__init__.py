"""The parts of reading a Supplement Facts panel copied as text (see ``supplint.importers.text``)."""
