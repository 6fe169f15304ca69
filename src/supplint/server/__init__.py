"""`supplint server`: a language server (LSP over standard input and output) for labels, pages and DSLD records.

Modules: positions (supplint's code-point positions ↔ the protocol's UTF-16 ones), documents (open texts and the
overlay the engine reads named labels from), lint (one document, never raising), diagnostics, actions (quick
fixes, fix all, suppression), hover, links, and app (the protocol's handlers).
"""


def serve() -> None:
    from .app import build

    build().start_io()
