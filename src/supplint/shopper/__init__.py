"""The shopper report: what a day of supplements means for the person taking them, in plain words.

model.py computes it (daily totals against the upper limit and the Daily Value for the person's group, and one
sentence per problem, worded by rules/data/shopper.yaml); page.py draws it as HTML; reporters.py is
`check --preset shopper`'s output. `supplint serve` shows it by default.
"""
