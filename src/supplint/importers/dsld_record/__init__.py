"""The parts of the NIH DSLD importer (``supplint.importers.dsld``), one concern each."""
