"""What is checked besides a plain label: pages, stacks, NIH DSLD records and pasted panels."""
